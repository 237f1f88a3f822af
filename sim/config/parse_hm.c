/* sim/config: pass 3, the walk of the health-monitor tables
 * (XMHypervisor/HealthMonitor and Partition/HealthMonitor): event and action
 * names looked up, the rules checked later (check_hm.c). */
#include <string.h>

#include <libxml/tree.h>

#include "sim/common/xm_names.h"
#include "sim/config/parse.h"

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
