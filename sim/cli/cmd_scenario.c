/* hvsim scenario DIR... [--build-dir DIR] [-j N] [--junit FILE] [--update]:
 * the command line of the scenario runner (sim/scenario/scenario_runner.h). */
#include "sim/cli/commands.h"
#include "sim/scenario/scenario.h"
#include "sim/scenario/scenario_runner.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* --- the command ------------------------------------------------------------- */

static int usage(const char *message, const char *detail)
{
    fprintf(stderr, "hvsim scenario: %s%s\n", message, detail ? detail : "");
    return SIM_EXIT_BAD_INPUT;
}

static int parse_option(struct sim_scenario_runner *r, int argc, char **argv, int *i)
{
    const char *option = argv[*i];
    if (strcmp(option, "--update") == 0) {
        r->update = true;
        return 0;
    }
    if (*i + 1 >= argc)
        return usage("missing value after ", option);
    const char *value = argv[++*i];
    if (strcmp(option, "--build-dir") == 0)
        r->build_dir = value;
    else if (strcmp(option, "--junit") == 0)
        r->junit_path = value;
    else if (strcmp(option, "-j") == 0) {
        char *end;
        unsigned long n = strtoul(value, &end, 10);
        if (*end || n < 1 || n > 64)
            return usage("-j expects 1..64, got ", value);
        r->parallel = (unsigned)n;
    } else
        return usage("unknown option ", option);
    return 0;
}

static int parse_args(struct sim_scenario_runner *r, int argc, char **argv)
{
    for (int i = 0; i < argc; i++) {
        if (argv[i][0] == '-') {
            int status = parse_option(r, argc, argv, &i);
            if (status != 0)
                return status;
        } else if (!sim_scenario_runner_find(r, argv[i])) {
            return usage("no scenario (folder with " SCN_SCRIPT_NAME ") at ", argv[i]);
        }
    }
    if (r->count == 0)
        return usage("usage: hvsim scenario DIR... [--build-dir DIR] [-j N] [--junit FILE] "
                     "[--update]",
                     NULL);
    return 0;
}

int sim_cmd_scenario(int argc, char **argv)
{
    struct sim_scenario_runner r = {.build_dir = HVSIM_DEFAULT_BUILD_DIR, .parallel = 1};
    int status = parse_args(&r, argc, argv);
    if (status == 0)
        status = sim_scenario_runner_run(&r);
    sim_scenario_runner_free(&r);
    return status;
}
