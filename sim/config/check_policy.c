/* sim/config: pass 4, hvsim:Policy's partition names resolved and its rules
 * put into the partitions' struct hv_policy. Errors: an unknown
 * partition or target, a partition with two policies. Warnings (the load
 * still succeeds): a grant that can never be used, because XtratuM's rule
 * forbids it to that partition whatever the policy says (management and
 * plan calls of a user partition; targets of a partition that may make no
 * management call on others; a partition naming itself). */
#include <string.h>

#include "sim/config/check.h"
#include <hvcore/policy.h>

/* What XtratuM lets only system partitions do: the management group (its
 * calls on others, the system calls) and the plan switch. */
#define SIM_SYSTEM_ONLY_CALLS                                                                      \
    (HV_POLICY_CALL(halt_partition_nr) | HV_POLICY_CALL(suspend_partition_nr) |                    \
     HV_POLICY_CALL(resume_partition_nr) | HV_POLICY_CALL(reset_partition_nr) |                    \
     HV_POLICY_CALL(shutdown_partition_nr) | HV_POLICY_CALL(halt_system_nr) |                      \
     HV_POLICY_CALL(reset_system_nr) | HV_POLICY_CALL(switch_sched_plan_nr))

static struct sim_part_src *sim_part_named(struct sim_loader *ld, const char *name)
{
    struct sim_part_src *parts = ld->partitions.items;
    for (uint32_t i = 0; i < ld->partitions.count; i++) {
        if (!parts[i].src.broken && strcmp(parts[i].part.name, name) == 0)
            return &parts[i];
    }
    return NULL;
}

static bool sim_is_system(const struct sim_part_src *part)
{
    return (part->part.flags & HV_PART_SYSTEM) != 0;
}

/* The targets as a bit per partition id; unknown names are errors. */
static uint64_t sim_policy_targets(struct sim_loader *ld, const struct sim_policy_src *p,
                                   const struct sim_part_src *owner)
{
    const struct sim_name_ref *names = p->targets.items;
    uint64_t targets = 0;
    for (uint32_t i = 0; i < p->targets.count; i++) {
        const struct sim_part_src *target = sim_part_named(ld, names[i].name);
        if (target == NULL)
            sim_report(ld, p->src.line, "unknown target partition '%s' in the policy of %s",
                       names[i].name, p->partition);
        else if (target == owner)
            sim_warn(ld, p->src.line,
                     "%s names itself as a target: a partition may always act on itself",
                     p->partition);
        else
            targets |= (uint64_t)1 << target->part.id;
    }
    return targets;
}

static const char *sim_first_call(uint64_t calls)
{
    for (uint32_t nr = 0; nr < NR_HYPERCALLS; nr++) {
        if (calls & HV_POLICY_CALL(nr))
            return hv_policy_call_name(nr);
    }
    return "?";
}

/* Grants XtratuM's own rule makes useless. */
static void sim_warn_unusable(struct sim_loader *ld, const struct sim_policy_src *p,
                              const struct sim_part_src *part)
{
    uint64_t useless = p->calls & SIM_SYSTEM_ONLY_CALLS;
    if (!sim_is_system(part) && useless != 0)
        sim_warn(ld, p->src.line,
                 "%s is not a system partition: it can never use %s (a policy only narrows "
                 "XtratuM's rule)",
                 p->partition, sim_first_call(useless));
    bool manages = sim_is_system(part) && (!p->has_calls || (p->calls & HV_POLICY_TARGETED_CALLS));
    if (p->has_targets && !manages)
        sim_warn(ld, p->src.line,
                 "the targets of %s can never be used: it may not make management calls on "
                 "other partitions",
                 p->partition);
}

static void sim_apply_policy(struct sim_loader *ld, const struct sim_policy_src *p,
                             struct sim_part_src *part)
{
    part->part.policy = (struct hv_policy){
        .restrict_calls = p->has_calls,
        .calls = p->calls,
        .objects = p->objects,
        .restrict_targets = p->has_targets,
        .targets = sim_policy_targets(ld, p, part),
    };
    part->part.latency_bound_us = p->latency_bound_us;
    sim_warn_unusable(ld, p, part);
}

void sim_check_policies(struct sim_loader *ld)
{
    struct sim_policy_src *policies = ld->policies.items;
    long first[HV_MAX_PARTITIONS] = {0};
    for (uint32_t i = 0; i < ld->policies.count; i++) {
        const struct sim_policy_src *p = &policies[i];
        struct sim_part_src *part = p->src.broken ? NULL : sim_part_named(ld, p->partition);
        if (p->src.broken)
            continue;
        if (part == NULL) {
            sim_report(ld, p->src.line, "unknown partition '%s' in hvsim:Policy", p->partition);
            continue;
        }
        if (part->part.id < HV_MAX_PARTITIONS && first[part->part.id] != 0) {
            sim_report(ld, p->src.line, "%s has a policy already (line %ld)", p->partition,
                       first[part->part.id]);
            continue;
        }
        if (part->part.id < HV_MAX_PARTITIONS)
            first[part->part.id] = p->src.line;
        sim_apply_policy(ld, p, part);
    }
}
