/* sim/cli: the hvsim command's subcommands, one file each (cmd_*.c),
 * dispatched by main.c. Each takes the arguments after its name and
 * returns the process's exit status.
 *
 * Adding a subcommand: a cmd_NAME.c with its options table and its
 * `const struct sim_cli_spec sim_cmd_NAME_spec` (sim/common/cli_options.h:
 * the usage, --help and man page come from it), whose sim_cmd_NAME()
 * parses with sim_cli_parse() and returns 0 for SIM_CLI_HELP_SHOWN; then
 * one line in main.c's table. An option added to an existing command is
 * one row in its table and a branch in its option function. */
#ifndef SIM_CLI_COMMANDS_H
#define SIM_CLI_COMMANDS_H

#include "sim/common/cli_options.h"
#include "sim/common/sim_error.h"

#define SIM_EXIT_BAD_INPUT SIM_CLI_EXIT_BAD_INPUT /* usage, configuration, image, script */
#define SIM_EXIT_SIM_FAILED 3                     /* the simulation itself failed */

int sim_cmd_run(int argc, char **argv);
int sim_cmd_check(int argc, char **argv);
int sim_cmd_trace(int argc, char **argv);
int sim_cmd_view(int argc, char **argv);
int sim_cmd_scenario(int argc, char **argv);
int sim_cmd_bench(int argc, char **argv);
int sim_cmd_new(int argc, char **argv);
int sim_cmd_xef(int argc, char **argv);
int sim_cmd_pack(int argc, char **argv);

extern const struct sim_cli_spec sim_cmd_run_spec;
extern const struct sim_cli_spec sim_cmd_check_spec;
extern const struct sim_cli_spec sim_cmd_trace_spec;
extern const struct sim_cli_spec sim_cmd_scenario_spec;
extern const struct sim_cli_spec sim_cmd_bench_spec;
extern const struct sim_cli_spec sim_cmd_new_spec;
extern const struct sim_cli_spec sim_cmd_xef_spec;
extern const struct sim_cli_spec sim_cmd_pack_spec;
/* hvsim view's is gui_cli_view_spec (gui/cli.h) */

/* "hvsim: MESSAGEDETAIL" on stderr; returns SIM_EXIT_BAD_INPUT. */
int sim_usage_error(const char *message, const char *detail);
/* The exit status for a layer's error: 0, 2 (bad input) or 3. */
int sim_exit_status(enum sim_error error);

#endif
