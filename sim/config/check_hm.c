/* sim/config: pass 4, the health-monitor tables checked against the
 * rules of hm_rules.h: each action allowed for its event, no event listed
 * twice, a maintenance plan for SWITCH_TO_MAINTENANCE. */
#include <stdio.h>
#include <stdlib.h>

#include "sim/common/xm_names.h"
#include "sim/config/check.h"
#include "sim/config/check_first.h"
#include "sim/config/hm_rules.h"

#define SIM_BIT(n) (1u << (n))

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

static bool sim_event_key(const void *record, uint64_t *number, const char **text)
{
    const struct sim_hm_event_src *e = record;
    (void)text;
    *number = (uint64_t)(uint32_t)e->event;
    return !e->src.broken;
}

/* One table's events: each checked, and none listed twice. */
static void sim_check_table(struct sim_loader *ld, const struct sim_vec *events, const char *table,
                            bool hypervisor)
{
    const struct sim_hm_event_src *e = events->items;
    uint32_t *first = sim_first_same(ld, events, sizeof *e, sim_event_key);
    for (uint32_t i = 0; first != NULL && i < events->count; i++) {
        if (e[i].src.broken)
            continue;
        sim_check_event(ld, &e[i], table, hypervisor);
        if (first[i] != SIM_NONE)
            sim_report(ld, e[i].src.line, "%s is listed twice in %s (first at line %ld)",
                       sim_hm_event_name((uint32_t)e[i].event), table, e[first[i]].src.line);
    }
    free(first);
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
