/* hvsim check CONFIG.xml: the configuration loaded and checked, every
 * problem reported as `file:line: message` (sim/config/config_load.h). */
#include "sim/cli/commands.h"
#include "sim/config/config_load.h"
#include <stdio.h>

int sim_cmd_check(int argc, char **argv)
{
    if (argc != 1)
        return sim_usage_error("check needs exactly one configuration file", NULL);
    struct sim_config *config = NULL;
    enum sim_error error = sim_config_load(argv[0], stderr, &config);
    sim_config_free(config);
    return sim_exit_status(error);
}
