/* sim/config: the result, a checked file turned into struct sim_config. */
#ifndef SIM_CONFIG_BUILD_H
#define SIM_CONFIG_BUILD_H

#include "sim/config/loader.h"

struct sim_config *sim_build(const struct sim_loader *ld);

#endif
