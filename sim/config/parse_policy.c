/* sim/config: pass 3, hvsim's hypercall policy element in XM_CF
 * (docs/configuration.md, "The hypercall policy"):
 *   <hvsim:Policy xmlns:hvsim="urn:hvsim">
 *     <hvsim:Partition name="Prober" hypercalls="ports time"/>
 *     <hvsim:Partition name="Manager" targets="Worker" latencyBound="200us"/>
 *   </hvsim:Policy>
 * Hypercall and group names are looked up here (hvcore/policy.h's table);
 * partition names once every partition is known (check_policy.c). */
#include <string.h>

#include "sim/config/parse.h"
#include <hvcore/policy.h>

static const struct hv_policy_group *sim_policy_group(const char *name)
{
    for (uint32_t g = 0; g < hv_policy_group_count; g++) {
        if (strcmp(hv_policy_groups[g].name, name) == 0)
            return &hv_policy_groups[g];
    }
    return NULL;
}

static int sim_policy_call(const char *name)
{
    for (uint32_t nr = 0; nr < NR_HYPERCALLS; nr++) {
        const char *call = hv_policy_call_name(nr);
        if (call != NULL && strcmp(call, name) == 0)
            return (int)nr;
    }
    return -1;
}

/* One word of @hypercalls: a group or a hypercall's name. */
static void sim_policy_allow(struct sim_loader *ld, struct sim_policy_src *p, const char *word)
{
    const struct hv_policy_group *group = sim_policy_group(word);
    int nr = group == NULL ? sim_policy_call(word) : -1;
    if (group != NULL) {
        p->calls |= group->calls;
        p->objects |= group->objects;
    } else if (nr >= 0 && (HV_POLICY_OBJECT_CALLS & HV_POLICY_CALL(nr))) {
        sim_report(ld, p->src.line,
                   "'%s' is an object call: name the groups of the objects it may reach "
                   "(ports, hm, trace, status, memory)",
                   word);
    } else if (nr >= 0) {
        p->calls |= HV_POLICY_CALL(nr);
    } else {
        sim_report(ld, p->src.line,
                   "unknown hypercall or group '%s' (groups: management, time, ports, hm, trace, "
                   "io, cache, plan, ipvi, status, memory, mmu)",
                   word);
    }
}

/* Calls fn for each whitespace-separated word of the attribute. */
static void sim_for_each_word(struct sim_loader *ld, struct sim_policy_src *p, char *text,
                              void (*fn)(struct sim_loader *, struct sim_policy_src *,
                                         const char *))
{
    for (char *word = strtok(text, " \t\r\n"); word != NULL; word = strtok(NULL, " \t\r\n"))
        fn(ld, p, word);
}

static void sim_policy_target(struct sim_loader *ld, struct sim_policy_src *p, const char *word)
{
    if (strlen(word) >= HV_NAME_MAX) {
        sim_report(ld, p->src.line, "target '%s' is longer than %d characters", word,
                   HV_NAME_MAX - 1);
        return;
    }
    struct sim_name_ref *ref = sim_vec_push(ld, &p->targets, sizeof(*ref));
    if (ref != NULL)
        memcpy(ref->name, word, strlen(word) + 1);
}

static void sim_parse_policy_partition(struct sim_loader *ld, xmlNode *node, void *ctx)
{
    (void)ctx;
    struct sim_policy_src *p = sim_begin(ld, &ld->policies, sizeof(*p), node);
    if (p == NULL)
        return;
    unsigned before = ld->errors;
    sim_copy_name(ld, node, "name", p->partition);
    char *calls = sim_attr(node, "hypercalls");
    char *targets = sim_attr(node, "targets");
    p->has_calls = calls != NULL;
    p->has_targets = targets != NULL;
    if (calls != NULL)
        sim_for_each_word(ld, p, calls, sim_policy_allow);
    if (targets != NULL)
        sim_for_each_word(ld, p, targets, sim_policy_target);
    sim_get(ld, node, "latencyBound", &sim_kind_time, &p->latency_bound_us);
    xmlFree(calls);
    xmlFree(targets);
    p->src.broken = ld->errors != before;
}

void sim_parse_policy(struct sim_loader *ld, xmlNode *node, void *ctx)
{
    static const struct sim_child children[] = {{"Partition", sim_parse_policy_partition}};
    SIM_PARSE_CHILDREN(ld, node, children, ctx);
}
