/* sim/config: the validated configuration as C source, for the LEON3 image
 * (docs/leon3.md). The second producer of `struct hv_config`: the loader
 * builds it from XM_CF, this prints that same struct as a C initializer
 * that the cross compiler builds into the image, so the board never parses
 * anything. */
#ifndef SIM_CONFIG_EMIT_C_H
#define SIM_CONFIG_EMIT_C_H

#include <stdio.h>

#include "hvcore/config.h"

/* Print `const struct hv_config <name> = {...};` and the static arrays
 * behind it to out (which must include <hvcore/config.h> before). Every
 * field and array element of config is written. */
void sim_config_emit_c(const struct hv_config *config, const char *name, FILE *out);

#endif
