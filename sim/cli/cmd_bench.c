/* hvsim bench paper [--mafs N] [--case K]... [-j N] [--build-dir DIR]
 * [--paper-dir DIR]: the command line of the LEON3 paper's benchmark
 * (sim/bench/bench.h runs it). */
#include "sim/bench/bench.h"
#include "sim/cli/commands.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool parse_number(const char *text, uint64_t min, uint64_t max, uint64_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(text, &end, 10);
    if (text[0] < '0' || text[0] > '9' || *end || errno || v < min || v > max)
        return false;
    *out = v;
    return true;
}

static const struct sim_cli_option bench_options[] = {
    {"--mafs", "N", "major frames per case (default 100, as the paper)"},
    {"--case", "K", "run case K (1..8); repeat for several (default: all eight)"},
    {"-j", "N", "run N cases at a time, each in its own process (1..64)"},
    {"--build-dir", "DIR",
     "the build whose sparc/ holds the paper's partitions (default: the build "
     "hvsim belongs to)"},
    {"--paper-dir", "DIR",
     "the folder of the paper's configurations (default: "
     "scenarios/paper of the source tree hvsim was built from)"},
    {NULL, NULL, NULL},
};

const struct sim_cli_spec sim_cmd_bench_spec = {
    .command = "bench",
    .synopsis = "paper [--mafs N] [--case K]... [-j N] [--build-dir DIR] [--paper-dir DIR]",
    .summary = "Run the LEON3 paper's benchmark (\"XtratuM for LEON3\", section 4) and print its "
               "Tables 3, 4 and 5 beside the simulator's figures (docs/paper-benchmark.md).",
    .options = {bench_options},
    .details = NULL,
};

static int bad_usage(const char *message, const char *value)
{
    return sim_cli_error(&sim_cmd_bench_spec, "%s%s", message, value ? value : "");
}

struct bench_args {
    struct sim_bench_options *options;
    bool paper; /* the benchmark's name was given */
};

static int parse_bench_option(void *context, const char *option, const char *value)
{
    struct sim_bench_options *b = ((struct bench_args *)context)->options;
    uint64_t v;
    if (strcmp(option, "--mafs") == 0)
        return parse_number(value, 1, 100000, &b->mafs)
                   ? 0
                   : bad_usage("--mafs expects 1.., got ", value);
    if (strcmp(option, "--case") == 0) {
        if (!parse_number(value, 1, SIM_BENCH_CASES, &v))
            return bad_usage("--case expects 1..8, got ", value);
        b->selected[v - 1] = true;
        return 0;
    }
    if (strcmp(option, "-j") == 0) {
        if (!parse_number(value, 1, 64, &v))
            return bad_usage("-j expects 1..64, got ", value);
        b->parallel = (unsigned)v;
        return 0;
    }
    if (strcmp(option, "--build-dir") == 0)
        b->build_dir = value;
    else
        b->paper_dir = value;
    return 0;
}

static int take_benchmark(void *context, const char *name)
{
    struct bench_args *a = context;
    if (strcmp(name, "paper") != 0 || a->paper)
        return bad_usage("usage: hvsim bench ", sim_cmd_bench_spec.synopsis);
    a->paper = true;
    return 0;
}

static int parse_bench_args(struct sim_bench_options *b, int argc, char **argv)
{
    struct bench_args a = {b, false};
    int status =
        sim_cli_parse(&sim_cmd_bench_spec, argc, argv, parse_bench_option, take_benchmark, &a);
    if (status == 0 && !a.paper)
        status = bad_usage("usage: hvsim bench ", sim_cmd_bench_spec.synopsis);
    if (status != 0)
        return status;
    bool any = false;
    for (int k = 0; k < SIM_BENCH_CASES; k++)
        any |= b->selected[k];
    for (int k = 0; k < SIM_BENCH_CASES && !any; k++)
        b->selected[k] = true;
    return 0;
}

int sim_cmd_bench(int argc, char **argv)
{
    struct sim_bench_options options = {.mafs = 100,
                                        .parallel = 1,
                                        .build_dir = HVSIM_DEFAULT_BUILD_DIR,
                                        .paper_dir = HVSIM_DEFAULT_SOURCE_DIR "/scenarios/paper"};
    int status = parse_bench_args(&options, argc, argv);
    if (status != 0)
        return status == SIM_CLI_HELP_SHOWN ? 0 : status;
    return sim_bench_paper(&options);
}
