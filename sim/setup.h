/* sim/: how a run's options come together, the same for `hvsim run`, the
 * scenario runner and the benchmark: the built-in defaults, then what the
 * configuration's <hvsim:Simulator> element asks (board, costs), then the
 * command line or script (--cost, --board), later ones winning. */
#ifndef SIM_SETUP_H
#define SIM_SETUP_H

#include "sim/config/config_load.h"
#include "sim/machine.h"
#include <stdbool.h>

void sim_setup_default_costs(struct sim_costs *costs);

/* "NAME=CYCLES[,NAME=CYCLES...]" with NAME entry, hypercall,
 * context-switch or io-access: the names given are set, the others kept.
 * False on a bad name or value. */
bool sim_setup_parse_costs(const char *text, struct sim_costs *costs);

/* A partition's image on the command line, "ID=FILE" or "ID:FILE" (ID
 * below 1024): false when text is not that. ref->path points into text. */
bool sim_setup_parse_image(const char *text, struct sim_image_ref *ref);

/* Apply the configuration's <hvsim:Simulator> (costs and board) to
 * options: only the fields the file sets. */
void sim_setup_apply_config(struct sim_options *options, const struct sim_config_simulator *sim);

/* Load config_path (problems on diag) and fill options with the defaults
 * and the file's simulator extension. */
enum sim_error sim_setup_load(const char *config_path, FILE *diag, struct sim_config **config,
                              struct sim_options *options);

#endif
