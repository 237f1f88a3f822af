/* sim/scenario: a scenario on the qemu engine (docs/scenarios.md, "On QEMU"). */
#ifndef SIM_SCENARIO_QEMU_H
#define SIM_SCENARIO_QEMU_H

#include "sim/scenario/scenario_run.h"

/* Run the parsed script's system once under QEMU, then check its
 * expectations against the part of that run's trace each `run` command
 * reaches. SCN_SKIPPED, after one line "cannot run on qemu: WHY" on out
 * (and nothing else), when the script says so, injects, or its
 * configuration does not fit the qemu-leon3 board. */
enum scn_status scn_qemu_run(const struct scn_script *script, struct scn_counts *counts, FILE *out);

#endif
