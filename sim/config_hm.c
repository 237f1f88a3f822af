/* sim/: XM_CF health-monitor tables (XMHypervisor/HealthMonitor and
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
 *   - SWITCH_TO_MAINTENANCE anywhere needs plan 1, the maintenance plan. */
#include <string.h>

#include <libxml/tree.h>

#include "sim/config_internal.h"
#include "sim/hm_names.h"

#define SIM_BIT(n) (1u << (n))

static bool sim_is_trap_event(int event)
{
    return event >= XM_HM_MAX_GENERIC_EVENTS &&
           event < XM_HM_MAX_GENERIC_EVENTS + XM_HM_MAX_ARCH_EVENTS;
}

static bool sim_is_app_event(int event)
{
    return event >= XM_HM_MAX_GENERIC_EVENTS + XM_HM_MAX_ARCH_EVENTS;
}

/* Actions (bit n: XM_HM_AC n) a partition table may give `event`. */
static uint32_t sim_partition_actions(int event)
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
static uint32_t sim_hypervisor_actions(int event)
{
    uint32_t allowed = SIM_BIT(XM_HM_AC_IGNORE) | SIM_BIT(XM_HM_AC_HYPERVISOR_COLD_RESET) |
                       SIM_BIT(XM_HM_AC_HYPERVISOR_WARM_RESET) | SIM_BIT(XM_HM_AC_HALT) |
                       SIM_BIT(XM_HM_AC_SWITCH_TO_MAINTENANCE);
    if (sim_is_app_event(event))
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
    if (sim_is_app_event(event))
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

/* --- parsing ------------------------------------------------------------ */

static int sim_lookup(const char *(*name_of)(uint32_t), int count, const char *name)
{
    for (int i = 0; i < count; i++) {
        if (strcmp(name_of((uint32_t)i), name) == 0)
            return i;
    }
    return -1;
}

static void sim_parse_event(struct sim_loader *ld, xmlNode *node, void *ctx)
{
    struct sim_hm_event_src *e = sim_begin(ld, ctx, sizeof(*e), node);
    if (e == NULL)
        return;
    char *name = sim_attr(node, "name");
    char *action = sim_attr(node, "action");
    e->event = sim_lookup(sim_hm_event_name, XM_HM_MAX_EVENTS, name != NULL ? name : "");
    e->action = sim_lookup(sim_hm_action_name, XM_HM_MAX_ACTIONS, action != NULL ? action : "");
    e->log = sim_get_bool(node, "log");
    if (e->event < 0)
        sim_report(ld, e->src.line, "unknown health-monitor event '%s'", name);
    if (e->action < 0)
        sim_report(ld, e->src.line, "unknown health-monitor action '%s'", action);
    e->src.broken = e->event < 0 || e->action < 0;
    xmlFree(name);
    xmlFree(action);
}

void sim_parse_hm(struct sim_loader *ld, xmlNode *node, void *events)
{
    static const struct sim_child children[] = {{"Event", sim_parse_event}};
    SIM_PARSE_CHILDREN(ld, node, children, events);
}

/* --- checks ------------------------------------------------------------- */

static void sim_check_event(struct sim_loader *ld, const struct sim_hm_event_src *e,
                            const char *table, bool hypervisor)
{
    const char *event = sim_hm_event_name(e->event), *action = sim_hm_action_name(e->action);
    uint32_t allowed =
        hypervisor ? sim_hypervisor_actions(e->event) : sim_partition_actions(e->event);
    if (hypervisor && allowed == 0)
        sim_report(ld, e->src.line, "%s is not a hypervisor event (%s)", event, table);
    else if ((allowed & SIM_BIT(e->action)) == 0)
        sim_report(ld, e->src.line, "%s is not allowed for %s (%s)", action, event, table);
    if (e->action == XM_HM_AC_SWITCH_TO_MAINTENANCE && ld->plans.count < 2)
        sim_report(ld, e->src.line, "%s needs a maintenance plan (plan 1), but there is no plan 1",
                   action);
}

/* One table's events: each checked, and none listed twice. */
static void sim_check_table(struct sim_loader *ld, const struct sim_vec *events, const char *table,
                            bool hypervisor)
{
    const struct sim_hm_event_src *e = events->items;
    for (uint32_t i = 0; i < events->count; i++) {
        if (e[i].src.broken)
            continue;
        sim_check_event(ld, &e[i], table, hypervisor);
        for (uint32_t j = 0; j < i; j++) {
            if (!e[j].src.broken && e[j].event == e[i].event) {
                sim_report(ld, e[i].src.line, "%s is listed twice in %s (first at line %ld)",
                           sim_hm_event_name((uint32_t)e[i].event), table, e[j].src.line);
                break;
            }
        }
    }
}

void sim_check_hm(struct sim_loader *ld)
{
    const struct sim_part_src *parts = ld->partitions.items;
    char label[64], table[96];
    sim_check_table(ld, &ld->hv_hm_events, "the hypervisor's HM table", true);
    for (uint32_t i = 0; i < ld->partitions.count; i++) {
        snprintf(table, sizeof(table), "the HM table of %s",
                 sim_part_label(&parts[i], label, sizeof(label)));
        sim_check_table(ld, &parts[i].hm_events, table, false);
    }
}
