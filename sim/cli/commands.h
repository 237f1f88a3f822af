/* sim/cli: the hvsim command's subcommands, one file each (cmd_*.c),
 * dispatched by main.c. Each takes the arguments after its name and
 * returns the process's exit status. */
#ifndef SIM_CLI_COMMANDS_H
#define SIM_CLI_COMMANDS_H

#include "sim/common/sim_error.h"

#define SIM_EXIT_BAD_INPUT 2  /* usage, configuration, image, script */
#define SIM_EXIT_SIM_FAILED 3 /* the simulation itself failed */

int sim_cmd_run(int argc, char **argv);
int sim_cmd_check(int argc, char **argv);
int sim_cmd_trace(int argc, char **argv);
int sim_cmd_view(int argc, char **argv);
int sim_cmd_scenario(int argc, char **argv);
int sim_cmd_bench(int argc, char **argv);

/* "hvsim: MESSAGEDETAIL" on stderr; returns SIM_EXIT_BAD_INPUT. */
int sim_usage_error(const char *message, const char *detail);
/* The exit status for a layer's error: 0, 2 (bad input) or 3. */
int sim_exit_status(enum sim_error error);

#endif
