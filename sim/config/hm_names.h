/* sim/config: names of health-monitor events and actions (XM-Q numbering). An
 * id out of range gives "unknown HM event" / "unknown HM action". */
#ifndef SIM_HM_NAMES_H
#define SIM_HM_NAMES_H

#include <stdint.h>

const char *sim_hm_event_name(uint32_t event);         /* "XM_HM_EV_SPARCV8_DIVIDE_EXCEPTION" */
const char *sim_hm_action_name(uint32_t action);       /* "XM_HM_AC_HALT" */
const char *sim_hm_event_short_name(uint32_t event);   /* "SPARCV8_DIVIDE_EXCEPTION" */
const char *sim_hm_action_short_name(uint32_t action); /* "HALT" */

#endif
