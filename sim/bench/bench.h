/* sim/bench: the LEON3 paper's benchmark (section 4 of "XtratuM for
 * LEON3", docs/paper-benchmark.md). */
#ifndef SIM_BENCH_H
#define SIM_BENCH_H

#include <stdbool.h>
#include <stdint.h>

#define SIM_BENCH_CASES 8

struct sim_bench_options {
    uint64_t mafs;                  /* major frames per case */
    bool selected[SIM_BENCH_CASES]; /* the cases to run */
    unsigned parallel;              /* cases run at once (-j) */
    const char *build_dir;          /* where the partitions' images are (<build>/sparc) */
    const char *paper_dir;          /* scenarios/paper */
};

/* Runs the selected cases, each in its own process, and prints Tables 3, 4
 * and 5; returns the exit status (0, or 3 when a case failed). */
int sim_bench_paper(const struct sim_bench_options *options);

#endif
