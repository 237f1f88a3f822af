/* sim/config: XtratuM's names of health-monitor events and actions, as XM_CF
 * spells them ("XM_HM_EV_...", "XM_HM_AC_...") and short ("DIVIDE..."), for
 * the configuration loader, scenario scripts and the timeline. */
#include "sim/config/hm_names.h"
#include <string.h>
#include <xm/hm.h>

#define SIM_NAME(x) [x] = #x
static const char *const sim_hm_events[XM_HM_MAX_EVENTS] = {
    SIM_NAME(XM_HM_EV_INTERNAL_ERROR),
    SIM_NAME(XM_HM_EV_UNEXPECTED_TRAP),
    SIM_NAME(XM_HM_EV_PARTITION_UNRECOVERABLE),
    SIM_NAME(XM_HM_EV_PARTITION_ERROR),
    SIM_NAME(XM_HM_EV_PARTITION_INTEGRITY),
    SIM_NAME(XM_HM_EV_MEM_PROTECTION),
    SIM_NAME(XM_HM_EV_OVERRUN),
    SIM_NAME(XM_HM_EV_SCHED_ERROR),
    SIM_NAME(XM_HM_EV_WATCHDOG_TIMER),
    SIM_NAME(XM_HM_EV_INCOMPATIBLE_INTERFACE),
    SIM_NAME(XM_HM_EV_EXTSYNC_ERROR),
    SIM_NAME(XM_HM_EV_SPARCV8_WRITE_ERROR),
    SIM_NAME(XM_HM_EV_SPARCV8_INSTR_ACCESS_MMU_MISS),
    SIM_NAME(XM_HM_EV_SPARCV8_INSTR_ACCESS_ERROR),
    SIM_NAME(XM_HM_EV_SPARCV8_REGISTER_HARDWARE_ERROR),
    SIM_NAME(XM_HM_EV_SPARCV8_INSTR_ACCESS_EXCEPTION),
    SIM_NAME(XM_HM_EV_SPARCV8_PRIVILEGED_INSTR),
    SIM_NAME(XM_HM_EV_SPARCV8_ILLEGAL_INSTR),
    SIM_NAME(XM_HM_EV_SPARCV8_FP_DISABLED),
    SIM_NAME(XM_HM_EV_SPARCV8_CP_DISABLED),
    SIM_NAME(XM_HM_EV_SPARCV8_UNIMPLEMENTED_FLUSH),
    SIM_NAME(XM_HM_EV_SPARCV8_WATCHPOINT_DETECTED),
    SIM_NAME(XM_HM_EV_SPARCV8_MEM_ADDR_NOT_ALIGNED),
    SIM_NAME(XM_HM_EV_SPARCV8_FP_EXCEPTION),
    SIM_NAME(XM_HM_EV_SPARCV8_CP_EXCEPTION),
    SIM_NAME(XM_HM_EV_SPARCV8_DATA_ACCESS_ERROR),
    SIM_NAME(XM_HM_EV_SPARCV8_DATA_ACCESS_MMU_MISS),
    SIM_NAME(XM_HM_EV_SPARCV8_DATA_ACCESS_EXCEPTION),
    SIM_NAME(XM_HM_EV_SPARCV8_TAG_OVERFLOW),
    SIM_NAME(XM_HM_EV_SPARCV8_DIVIDE_EXCEPTION),
    SIM_NAME(XM_HM_EV_SPARCV8_UNCORRECTABLE_EDAC_ERROR),
    SIM_NAME(XM_HM_EV_APP_DEADLINE_MISSED),
    SIM_NAME(XM_HM_EV_APP_APPLICATION_ERROR),
    SIM_NAME(XM_HM_EV_APP_NUMERIC_ERROR),
    SIM_NAME(XM_HM_EV_APP_ILLEGAL_REQUEST),
    SIM_NAME(XM_HM_EV_APP_STACK_OVERFLOW),
    SIM_NAME(XM_HM_EV_APP_MEMORY_VIOLATION),
    SIM_NAME(XM_HM_EV_APP_HARDWARE_FAULT),
    SIM_NAME(XM_HM_EV_APP_POWER_FAIL),
    SIM_NAME(XM_HM_EV_HYPERCALL_DENIED), /* hvsim's own (docs/health-monitor.md) */
};

static const char *const sim_hm_actions[XM_HM_MAX_ACTIONS] = {
    SIM_NAME(XM_HM_AC_IGNORE),
    SIM_NAME(XM_HM_AC_PARTITION_COLD_RESET),
    SIM_NAME(XM_HM_AC_PARTITION_WARM_RESET),
    SIM_NAME(XM_HM_AC_HYPERVISOR_COLD_RESET),
    SIM_NAME(XM_HM_AC_HYPERVISOR_WARM_RESET),
    SIM_NAME(XM_HM_AC_SUSPEND),
    SIM_NAME(XM_HM_AC_HALT),
    SIM_NAME(XM_HM_AC_PROPAGATE),
    SIM_NAME(XM_HM_AC_SWITCH_TO_MAINTENANCE),
};

const char *sim_hm_event_name(uint32_t event)
{
    return event < XM_HM_MAX_EVENTS ? sim_hm_events[event] : "unknown HM event";
}

const char *sim_hm_action_name(uint32_t action)
{
    return action < XM_HM_MAX_ACTIONS ? sim_hm_actions[action] : "unknown HM action";
}

/* The names without their prefix point into the same strings. */
static const char *without(const char *name, const char *prefix)
{
    size_t n = strlen(prefix);
    return strncmp(name, prefix, n) == 0 ? name + n : name;
}

const char *sim_hm_event_short_name(uint32_t event)
{
    return without(sim_hm_event_name(event), "XM_HM_EV_");
}

const char *sim_hm_action_short_name(uint32_t action)
{
    return without(sim_hm_action_name(action), "XM_HM_AC_");
}
