/* sim/bench: the statistics of the paper's benchmark: per Counter the
 * increments per major frame the Reader printed, and a case's summary as
 * the paper computes it (average of the averages, max of the maxima, min
 * of the minima, max of the standard deviations). */
#ifndef SIM_BENCH_STATS_H
#define SIM_BENCH_STATS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define BENCH_MAX_COUNTERS 20

struct bench_stats {
    double avg, max, min, stdev; /* stdev: population standard deviation */
};

struct bench_case_result {
    uint32_t counters;
    uint32_t mafs; /* Reader lines read */
    struct bench_stats per_counter[BENCH_MAX_COUNTERS];
    struct bench_stats summary;
};

/* Parse the Reader's lines "MAF n: v1 v2 ..." (other text is ignored) for
 * `counters` counters; false with a message in `error` when a line is
 * malformed or fewer than `mafs` lines are found. */
bool bench_parse_reader(const char *console, uint32_t counters, uint32_t mafs,
                        struct bench_case_result *result, char *error, size_t error_size);

#endif
