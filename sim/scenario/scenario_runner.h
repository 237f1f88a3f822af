/* sim/scenario: the scenario runner. Each scenario runs in its own process
 * and simulator instance, `parallel` at a time; results are printed in the
 * order the scenarios were found. */
#ifndef SIM_SCENARIO_RUNNER_H
#define SIM_SCENARIO_RUNNER_H

#include <stdbool.h>
#include <stddef.h>

struct sim_scenario_runner {
    const char *build_dir;  /* where the partitions' images are (<build>/sparc) */
    const char *junit_path; /* a JUnit XML report, or NULL */
    unsigned parallel;      /* scenarios run at once */
    bool update;            /* rewrite `expect hash` lines that differ */
    bool qemu;              /* on the qemu engine (sim/scenario/scenario_qemu.h) */
    char **scripts;         /* found so far (sim_scenario_runner_find) */
    size_t count;
};

/* Adds the scenarios at `path`: a scenario folder, a script file, or a
 * folder searched for scenario folders (in name order). False when there
 * is none (or out of memory). */
bool sim_scenario_runner_find(struct sim_scenario_runner *r, const char *path);
/* Keeps shard k of n (1 <= k <= n): the scenarios found at positions
 * k-1, k-1+n, k-1+2n... A stable split for CI jobs: the same arguments
 * give each job the same scenarios, and the n shards cover them all once. */
void sim_scenario_runner_shard(struct sim_scenario_runner *r, unsigned k, unsigned n);
/* Runs every scenario found; the exit status: 0 all passed, 1 any failed,
 * 2 a scenario could not run or the report could not be written. */
int sim_scenario_runner_run(struct sim_scenario_runner *r);
void sim_scenario_runner_free(struct sim_scenario_runner *r);

#endif
