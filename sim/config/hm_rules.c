/* sim/config: XM_CF health-monitor tables (XMHypervisor/HealthMonitor and
 * Partition/HealthMonitor). Names, defaults and the rules about which
 * action an event may take follow XM-Q's xmcparser (xtratum-abi.md §3.1):
 *   - partition tables: every action for the generic events except
 *     PROPAGATE; INCOMPATIBLE_INTERFACE also not IGNORE or SUSPEND;
 *     EXTSYNC_ERROR is a hypervisor event and takes no partition action;
 *     the SPARC V8 trap events and the APP_* events take any action;
 *   - the hypervisor table: IGNORE, HYPERVISOR_COLD/WARM_RESET, HALT and
 *     SWITCH_TO_MAINTENANCE (WATCHDOG_TIMER also SUSPEND;
 *     INCOMPATIBLE_INTERFACE not IGNORE); the APP_* events are not
 *     hypervisor events;
 *   - SWITCH_TO_MAINTENANCE anywhere needs plan 1, the maintenance plan.
 * hvsim's own HYPERCALL_DENIED (the hypercall policy refused a call) is a
 * partition event like the generic ones (no PROPAGATE: there is no trap),
 * by default IGNOREd and logged: the caller already gets XM_PERM_ERROR. */
#include <string.h>

#include <libxml/tree.h>

#include "sim/common/xm_names.h"
#include "sim/config/hm_rules.h"

#define SIM_BIT(n) (1u << (n))

static bool sim_is_trap_event(int event)
{
    return event >= XM_HM_MAX_GENERIC_EVENTS &&
           event < XM_HM_MAX_GENERIC_EVENTS + XM_HM_MAX_ARCH_EVENTS;
}

static bool sim_is_app_event(int event)
{
    return event >= XM_HM_MAX_GENERIC_EVENTS + XM_HM_MAX_ARCH_EVENTS &&
           event < XM_HM_EV_HYPERCALL_DENIED;
}

/* Actions (bit n: XM_HM_AC n) a partition table may give `event`. */
uint32_t sim_partition_actions(int event)
{
    uint32_t all = SIM_BIT(XM_HM_MAX_ACTIONS) - 1u;
    if (sim_is_trap_event(event) || sim_is_app_event(event))
        return all;
    if (event == XM_HM_EV_EXTSYNC_ERROR)
        return 0;
    uint32_t generic = all & ~SIM_BIT(XM_HM_AC_PROPAGATE);
    if (event == XM_HM_EV_INCOMPATIBLE_INTERFACE)
        return generic & ~(SIM_BIT(XM_HM_AC_IGNORE) | SIM_BIT(XM_HM_AC_SUSPEND));
    return generic;
}

/* Actions the hypervisor table may give `event`. */
uint32_t sim_hypervisor_actions(int event)
{
    uint32_t allowed = SIM_BIT(XM_HM_AC_IGNORE) | SIM_BIT(XM_HM_AC_HYPERVISOR_COLD_RESET) |
                       SIM_BIT(XM_HM_AC_HYPERVISOR_WARM_RESET) | SIM_BIT(XM_HM_AC_HALT) |
                       SIM_BIT(XM_HM_AC_SWITCH_TO_MAINTENANCE);
    if (sim_is_app_event(event) || event == XM_HM_EV_HYPERCALL_DENIED)
        return 0;
    if (event == XM_HM_EV_WATCHDOG_TIMER)
        return allowed | SIM_BIT(XM_HM_AC_SUSPEND);
    if (event == XM_HM_EV_INCOMPATIBLE_INTERFACE)
        return allowed & ~SIM_BIT(XM_HM_AC_IGNORE);
    return allowed;
}

/* xmcparser's partition defaults: HALT, logged for the generic events and
 * the traps that suggest a hardware or protection fault; the APP_* events
 * unlogged, APP_DEADLINE_MISSED ignored. EXTSYNC_ERROR never reaches a
 * partition table: IGNORE, unlogged. */
static struct hv_hm_entry sim_partition_default(int event)
{
    static const uint32_t logged_traps =
        SIM_BIT(XM_HM_EV_SPARCV8_INSTR_ACCESS_ERROR - XM_HM_MAX_GENERIC_EVENTS) |
        SIM_BIT(XM_HM_EV_SPARCV8_REGISTER_HARDWARE_ERROR - XM_HM_MAX_GENERIC_EVENTS) |
        SIM_BIT(XM_HM_EV_SPARCV8_INSTR_ACCESS_EXCEPTION - XM_HM_MAX_GENERIC_EVENTS) |
        SIM_BIT(XM_HM_EV_SPARCV8_PRIVILEGED_INSTR - XM_HM_MAX_GENERIC_EVENTS) |
        SIM_BIT(XM_HM_EV_SPARCV8_DATA_ACCESS_ERROR - XM_HM_MAX_GENERIC_EVENTS) |
        SIM_BIT(XM_HM_EV_SPARCV8_DATA_ACCESS_EXCEPTION - XM_HM_MAX_GENERIC_EVENTS) |
        SIM_BIT(XM_HM_EV_SPARCV8_UNCORRECTABLE_EDAC_ERROR - XM_HM_MAX_GENERIC_EVENTS);
    if (event == XM_HM_EV_EXTSYNC_ERROR || event == XM_HM_EV_APP_DEADLINE_MISSED)
        return (struct hv_hm_entry){XM_HM_AC_IGNORE, false};
    if (event == XM_HM_EV_HYPERCALL_DENIED)
        return (struct hv_hm_entry){XM_HM_AC_IGNORE, true};
    if (sim_is_app_event(event))
        return (struct hv_hm_entry){XM_HM_AC_HALT, false};
    if (sim_is_trap_event(event))
        return (struct hv_hm_entry){
            XM_HM_AC_HALT, (logged_traps & SIM_BIT(event - XM_HM_MAX_GENERIC_EVENTS)) != 0};
    return (struct hv_hm_entry){XM_HM_AC_HALT, true};
}

/* xmcparser's hypervisor defaults: HALT (the system) and log, except
 * EXTSYNC_ERROR, which is ignored. The APP_* entries are never used. */
static struct hv_hm_entry sim_hypervisor_default(int event)
{
    if (sim_is_app_event(event) || event == XM_HM_EV_HYPERCALL_DENIED)
        return (struct hv_hm_entry){XM_HM_AC_IGNORE, false};
    if (event == XM_HM_EV_EXTSYNC_ERROR)
        return (struct hv_hm_entry){XM_HM_AC_IGNORE, true};
    return (struct hv_hm_entry){XM_HM_AC_HALT, true};
}

void sim_hm_fill(const struct sim_vec *events, bool hypervisor,
                 struct hv_hm_entry table[XM_HM_MAX_EVENTS])
{
    const struct sim_hm_event_src *e = events->items;
    for (int i = 0; i < XM_HM_MAX_EVENTS; i++)
        table[i] = hypervisor ? sim_hypervisor_default(i) : sim_partition_default(i);
    for (uint32_t i = 0; i < events->count; i++)
        table[e[i].event] = (struct hv_hm_entry){(uint32_t)e[i].action, e[i].log};
}
