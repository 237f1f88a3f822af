/* sim/scenario: a scenario's run and inject commands on a machine. */
#ifndef SIM_SCENARIO_MACHINE_H
#define SIM_SCENARIO_MACHINE_H

#include "sim/machine.h"
#include "sim/scenario/scenario.h"

/* Carry out a run or inject command; problems as "path:line: ..." on out,
 * the machine's notices (what hvsim run prints on stderr) on diag.
 * SIM_ERR_USAGE: the command cannot be done (a partition that never runs,
 * a slot already past); other errors come from the simulation. */
enum sim_error scn_machine_do(struct sim_machine *machine, const struct scn_command *command,
                              const char *path, FILE *out, FILE *diag);

/* The kept trace and the state the expectations look at. */
struct sim_trace *scn_machine_trace(struct sim_machine *machine);

#endif
