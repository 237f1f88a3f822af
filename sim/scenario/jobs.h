/* sim/scenario: running independent jobs (scenarios, benchmark cases) in separate
 * processes, up to N at a time. Each job runs in a forked child with its
 * own simulator instance: the simulation itself stays single-threaded, and
 * one job failing badly cannot take the others down. What a job writes to
 * its `out` comes back to the parent whole; results are handed back in job
 * order, whatever order the children finish in. */
#ifndef SIM_JOBS_H
#define SIM_JOBS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Runs in the child: write the job's result to out, return its status
 * (0..125). */
typedef int sim_job_fn(void *context, size_t index, FILE *out);

struct sim_job_result {
    char *output; /* what the job wrote (NUL-terminated), malloc'ed */
    size_t length;
    int status; /* the job's return value; 126 when it could not start, 128 + n killed by signal n
                 */
};

/* Run jobs 0..count-1, `parallel` at a time (at least 1). Returns false if
 * the processes could not be set up at all (reported on diag). */
bool sim_jobs_run(size_t count, unsigned parallel, sim_job_fn *fn, void *context,
                  struct sim_job_result *results, FILE *diag);
void sim_jobs_free(struct sim_job_result *results, size_t count);

#endif
