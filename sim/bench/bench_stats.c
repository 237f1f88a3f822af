/* sim/bench: parsing the Reader's output and the paper's statistics. */
#include "sim/bench/bench_stats.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct sums {
    double sum, sum_sq, max, min;
};

static void add(struct sums *s, double v, bool first)
{
    s->sum += v;
    s->sum_sq += v * v;
    s->max = first || v > s->max ? v : s->max;
    s->min = first || v < s->min ? v : s->min;
}

static struct bench_stats finish(const struct sums *s, uint32_t n)
{
    double avg = s->sum / n;
    double var = s->sum_sq / n - avg * avg;
    return (struct bench_stats){avg, s->max, s->min, var > 0 ? sqrt(var) : 0};
}

/* One "MAF n: v1 ... vk" line into values; false when malformed. */
static bool parse_line(const char *line, uint32_t counters, double *values)
{
    const char *p = strchr(line, ':');
    if (!p)
        return false;
    p++;
    for (uint32_t i = 0; i < counters; i++) {
        char *end;
        unsigned long v = strtoul(p, &end, 10);
        if (end == p)
            return false;
        values[i] = (double)v;
        p = end;
    }
    return *p == '\n' || *p == '\0';
}

static void summarise(struct bench_case_result *r)
{
    struct bench_stats *s = &r->summary;
    *s = r->per_counter[0];
    s->avg = 0;
    for (uint32_t i = 0; i < r->counters; i++) {
        const struct bench_stats *c = &r->per_counter[i];
        s->avg += c->avg / r->counters;
        s->max = c->max > s->max ? c->max : s->max;
        s->min = c->min < s->min ? c->min : s->min;
        s->stdev = c->stdev > s->stdev ? c->stdev : s->stdev;
    }
}

bool bench_parse_reader(const char *console, uint32_t counters, uint32_t mafs,
                        struct bench_case_result *r, char *error, size_t error_size)
{
    struct sums sums[BENCH_MAX_COUNTERS] = {{0}};
    double values[BENCH_MAX_COUNTERS];
    memset(r, 0, sizeof *r);
    r->counters = counters;
    for (const char *line = console; line && *line && r->mafs < mafs;) {
        if (strncmp(line, "MAF ", 4) == 0) {
            if (!parse_line(line, counters, values)) {
                snprintf(error, error_size, "the Reader printed an unexpected line: %.60s", line);
                return false;
            }
            for (uint32_t i = 0; i < counters; i++)
                add(&sums[i], values[i], r->mafs == 0);
            r->mafs++;
        }
        line = strchr(line, '\n');
        line = line ? line + 1 : NULL;
    }
    if (r->mafs < mafs || mafs == 0) {
        snprintf(error, error_size, "the Reader printed %u of %u lines", r->mafs, mafs);
        return false;
    }
    for (uint32_t i = 0; i < counters; i++)
        r->per_counter[i] = finish(&sums[i], r->mafs);
    summarise(r);
    return true;
}
