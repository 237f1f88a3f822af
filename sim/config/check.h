/* sim/config: pass 4, semantic checks over the staging records. */
#ifndef SIM_CONFIG_CHECK_H
#define SIM_CONFIG_CHECK_H

#include "sim/config/loader.h"

void sim_check_semantics(struct sim_loader *ld); /* check.c: all of them, through the others */
void sim_check_hm(struct sim_loader *ld);
void sim_check_hw(struct sim_loader *ld);
void sim_check_channels(struct sim_loader *ld);
void sim_check_policies(struct sim_loader *ld); /* check_policy.c */

#endif
