/* hvsim check CONFIG.xml: the configuration loaded and checked, every
 * problem reported as `file:line: message` (sim/config/config_load.h). */
#include "sim/cli/commands.h"
#include "sim/config/config_load.h"
#include <stdio.h>

static const struct sim_cli_option check_options[] = {{NULL, NULL, NULL}};

const struct sim_cli_spec sim_cmd_check_spec = {
    .command = "check",
    .synopsis = "CONFIG.xml",
    .summary = "Check an XM_CF configuration (the schema, then every rule hvsim applies) without "
               "running it; every problem is one line file:line: message.",
    .options = {check_options},
    .details = "Exit status: 0 when the configuration is sound, 2 when it is not.\n",
};

static int take_config(void *context, const char *text)
{
    const char **path = context;
    if (*path)
        return sim_cli_error(&sim_cmd_check_spec, "unexpected argument %s", text);
    *path = text;
    return 0;
}

int sim_cmd_check(int argc, char **argv)
{
    const char *path = NULL;
    int status = sim_cli_parse(&sim_cmd_check_spec, argc, argv, NULL, take_config, &path);
    if (status != 0)
        return status == SIM_CLI_HELP_SHOWN ? 0 : status;
    if (!path)
        return sim_usage_error("check needs exactly one configuration file", NULL);
    struct sim_config *config = NULL;
    enum sim_error error = sim_config_load(path, stderr, &config);
    sim_config_free(config);
    return sim_exit_status(error);
}
