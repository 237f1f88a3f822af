/* hvsim bench paper [--mafs N] [--case K]... [-j N] [--build-dir DIR]
 * [--paper-dir DIR]: the command line of the LEON3 paper's benchmark
 * (sim/bench/bench.h runs it). */
#include "sim/bench/bench.h"
#include "sim/cli/commands.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* --- the command -------------------------------------------------------- */

static int bad_usage(const char *message, const char *value)
{
    fprintf(stderr, "hvsim bench: %s%s\n", message, value ? value : "");
    return SIM_EXIT_BAD_INPUT;
}

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

static int parse_bench_option(struct sim_bench_options *b, const char *option, const char *value)
{
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
    else if (strcmp(option, "--paper-dir") == 0)
        b->paper_dir = value;
    else
        return bad_usage("unknown option ", option);
    return 0;
}

static int parse_bench_args(struct sim_bench_options *b, int argc, char **argv)
{
    if (argc < 1 || strcmp(argv[0], "paper") != 0)
        return bad_usage("usage: hvsim bench paper [--mafs N] [--case K]... [-j N] "
                         "[--build-dir DIR] [--paper-dir DIR]",
                         NULL);
    for (int i = 1; i < argc; i += 2) {
        if (i + 1 >= argc)
            return bad_usage("missing value after ", argv[i]);
        int status = parse_bench_option(b, argv[i], argv[i + 1]);
        if (status != 0)
            return status;
    }
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
    return status != 0 ? status : sim_bench_paper(&options);
}
