/* sim/config: xmcparser's health-monitor rules, shared by the checks (which
 * actions an event may take) and the build (the default tables). */
#ifndef SIM_CONFIG_HM_RULES_H
#define SIM_CONFIG_HM_RULES_H

#include <stdbool.h>
#include <stdint.h>

#include "sim/config/loader.h"

/* Actions (bit n: XM_HM_AC n) a partition table, or the hypervisor's, may
 * give `event`; 0 for the hypervisor: not a hypervisor event. */
uint32_t sim_partition_actions(int event);
uint32_t sim_hypervisor_actions(int event);

/* Fills a whole HM table: xmcparser's defaults, then the file's events. */
void sim_hm_fill(const struct sim_vec *events, bool hypervisor,
                 struct hv_hm_entry table[XM_HM_MAX_EVENTS]);

#endif
