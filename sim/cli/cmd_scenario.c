/* hvsim scenario DIR... [--build-dir DIR] [-j N] [--junit FILE] [--update] [--engine E]:
 * the command line of the scenario runner (sim/scenario/scenario_runner.h). */
#define _DEFAULT_SOURCE /* realpath */
#include "sim/cli/commands.h"
#include "sim/scenario/scenario.h"
#include "sim/scenario/scenario_runner.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct sim_cli_option scenario_options[] = {
    {"--build-dir", "DIR",
     "where the partitions' images were built: ${BUILD} in scripts, "
     "${SPARC} is DIR/sparc (default: the build hvsim belongs to)"},
    {"-j", "N", "run N scenarios at a time, each in its own process (1..64, default 1)"},
    {"--junit", "FILE", "write a JUnit XML report, one test case per scenario"},
    {"--shard", "K/N",
     "run only shard K of N (1 <= K <= N): every Nth scenario found, from the "
     "Kth; one CI job a shard (docs/scenarios.md)"},
    {"--update", NULL,
     "rewrite the recorded expectations (hashes, console files) instead of "
     "comparing; review the diff"},
    {"--engine", "ENGINE",
     "sim (default) or qemu: run each scenario as the LEON3 image under qemu-system-sparc; "
     "what it cannot run is skipped, saying why"},
    {NULL, NULL, NULL},
};

const struct sim_cli_spec sim_cmd_scenario_spec = {
    .command = "scenario",
    .synopsis = "DIR... [--build-dir DIR] [-j N] [--junit FILE] [--shard K/N] [--update] "
                "[--engine ENGINE]",
    .summary = "Run scenario scripts (scenario.hvsim) and check their expectations "
               "(docs/scenarios.md). Each DIR is a scenario folder, a script, or a folder "
               "searched for scenario folders.",
    .options = {scenario_options},
    .details = "Exit status: 0 when every scenario passed (or was skipped on qemu), 1 when one "
               "failed, 2 for bad usage or a scenario that could not run.\n",
};

struct scenario_args {
    struct sim_scenario_runner runner;
    unsigned shard, shards; /* --shard K/N; 0 when not given */
    char *build_dir;        /* --build-dir made absolute (malloc'ed) */
};

/* Scripts name images relative to their own folder, so a relative
 * --build-dir is made absolute here, from the current directory, where
 * the user meant it. */
static int parse_build_dir(struct scenario_args *a, const char *value)
{
    char *absolute = realpath(value, NULL);
    if (!absolute)
        return sim_cli_error(&sim_cmd_scenario_spec, "--build-dir %s: %s", value, strerror(errno));
    free(a->build_dir);
    a->build_dir = absolute;
    a->runner.build_dir = absolute;
    return 0;
}

static int parse_shard(struct scenario_args *a, const char *value)
{
    char *slash, *end;
    unsigned long k = strtoul(value, &slash, 10);
    unsigned long n = *slash == '/' ? strtoul(slash + 1, &end, 10) : 0;
    if (value[0] < '0' || value[0] > '9' || *slash != '/' || slash[1] < '0' || slash[1] > '9' ||
        *end || n < 1 || n > 10000 || k < 1 || k > n)
        return sim_cli_error(&sim_cmd_scenario_spec, "--shard expects K/N with 1 <= K <= N, got %s",
                             value);
    a->shard = (unsigned)k;
    a->shards = (unsigned)n;
    return 0;
}

static int parse_option(void *context, const char *option, const char *value)
{
    struct scenario_args *a = context;
    struct sim_scenario_runner *r = &a->runner;
    if (strcmp(option, "--shard") == 0)
        return parse_shard(a, value);
    if (strcmp(option, "--update") == 0)
        r->update = true;
    else if (strcmp(option, "--build-dir") == 0)
        return parse_build_dir(a, value);
    else if (strcmp(option, "--junit") == 0)
        r->junit_path = value;
    else if (strcmp(option, "--engine") == 0) {
        if (strcmp(value, "sim") != 0 && strcmp(value, "qemu") != 0)
            return sim_cli_error(&sim_cmd_scenario_spec, "--engine expects sim or qemu, got %s",
                                 value);
        r->qemu = strcmp(value, "qemu") == 0;
    } else {
        char *end;
        unsigned long n = strtoul(value, &end, 10);
        if (*end || value[0] < '0' || value[0] > '9' || n < 1 || n > 64)
            return sim_cli_error(&sim_cmd_scenario_spec, "-j expects 1..64, got %s", value);
        r->parallel = (unsigned)n;
    }
    return 0;
}

static int find_scenarios(void *context, const char *path)
{
    if (sim_scenario_runner_find(&((struct scenario_args *)context)->runner, path))
        return 0;
    return sim_cli_error(&sim_cmd_scenario_spec,
                         "no scenario (folder with " SCN_SCRIPT_NAME ") at %s", path);
}

static int parse_args(struct scenario_args *a, int argc, char **argv)
{
    int status = sim_cli_parse(&sim_cmd_scenario_spec, argc, argv, parse_option, find_scenarios, a);
    if (status == 0 && a->runner.count == 0)
        return sim_cli_error(&sim_cmd_scenario_spec, "usage: hvsim scenario %s",
                             sim_cmd_scenario_spec.synopsis);
    if (status == 0 && a->runner.update && a->runner.qemu)
        return sim_cli_error(&sim_cmd_scenario_spec,
                             "--update records the simulator's values: not with --engine qemu");
    if (status == 0 && a->shards)
        sim_scenario_runner_shard(&a->runner, a->shard, a->shards);
    return status;
}

int sim_cmd_scenario(int argc, char **argv)
{
    struct scenario_args a = {.runner = {.build_dir = HVSIM_DEFAULT_BUILD_DIR, .parallel = 1}};
    int status = parse_args(&a, argc, argv);
    if (status == 0)
        status = sim_scenario_runner_run(&a.runner);
    sim_scenario_runner_free(&a.runner);
    free(a.build_dir);
    return status == SIM_CLI_HELP_SHOWN ? 0 : status;
}
