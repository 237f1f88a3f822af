/* sim/: `hvsim bench paper`: the LEON3 paper's benchmark (section 4 of
 * "XtratuM for LEON3", docs/paper-benchmark.md). */
#ifndef SIM_BENCH_H
#define SIM_BENCH_H

/* argv after "bench"; returns the exit status. */
int sim_bench_command(int argc, char **argv);

#endif
