/* hvcore: the hypercall policy (hvsim's own extension; docs/configuration.md,
 * docs/health-monitor.md). Checked in hv_hypercall before the handler, on
 * top of XtratuM's system/user rule, which the handlers keep: a policy
 * only takes rights away. A refused call returns XM_PERM_ERROR, is traced
 * (HV_TRACE_POLICY_DENIED) and raises XM_HM_EV_HYPERCALL_DENIED against
 * the caller, whose HM table says what happens next. */
#include "internal.h"
#include <hvcore/policy.h>
#include <hvcore/trace.h>
#include <xm/hm.h>

#define CALL HV_POLICY_CALL
#define OBJECT HV_POLICY_OBJECT

const struct hv_policy_group hv_policy_groups[] = {
    {"management",
     CALL(halt_partition_nr) | CALL(suspend_partition_nr) | CALL(resume_partition_nr) |
         CALL(reset_partition_nr) | CALL(shutdown_partition_nr) | CALL(halt_system_nr) |
         CALL(reset_system_nr),
     0},
    {"time", CALL(get_time_nr) | CALL(set_timer_nr), 0},
    {"ports", 0, OBJECT(OBJ_CLASS_SAMPLING_PORT) | OBJECT(OBJ_CLASS_QUEUING_PORT)},
    {"hm", CALL(reload_watchdog_nr), OBJECT(OBJ_CLASS_HM)},
    {"trace", 0, OBJECT(OBJ_CLASS_TRACE)},
    {"io",
     CALL(sparc_inport_nr) | CALL(sparc_outport_nr) | CALL(sparc_disable_sdp_nr) |
         CALL(sparc_outport_sdp_nr) | CALL(sparc_outport_msg_nr),
     0},
    {"cache", CALL(set_cache_state_nr), 0},
    {"plan", CALL(switch_sched_plan_nr), 0},
    {"ipvi", CALL(raise_ipvi_nr), 0},
    {"status", CALL(get_gid_by_name_nr), OBJECT(OBJ_CLASS_STATUS)},
    {"memory", 0, OBJECT(OBJ_CLASS_MEM)},
    {"mmu", 0, 0},
};
const uint32_t hv_policy_group_count = sizeof hv_policy_groups / sizeof hv_policy_groups[0];

#define NAME(call) [call##_nr] = #call
static const char *const call_names[NR_HYPERCALLS] = {
    NAME(halt_partition),    NAME(suspend_partition),  NAME(resume_partition),
    NAME(reset_partition),   NAME(shutdown_partition), NAME(halt_system),
    NAME(reset_system),      NAME(idle_self),          NAME(get_time),
    NAME(set_timer),         NAME(read_object),        NAME(write_object),
    NAME(seek_object),       NAME(ctrl_object),        NAME(clear_irqmask),
    NAME(set_irqmask),       NAME(set_irqpend),        NAME(clear_irqpend),
    NAME(route_irq),         NAME(set_cache_state),    NAME(switch_sched_plan),
    NAME(get_gid_by_name),   NAME(sparc_inport),       NAME(sparc_outport),
    NAME(sparc_write_tbr),   NAME(sparc_disable_sdp),  NAME(sparc_outport_sdp),
    NAME(sparc_outport_msg), NAME(reset_vcpu),         NAME(halt_vcpu),
    NAME(get_vcpuid),        NAME(raise_ipvi),         NAME(reload_watchdog),
};

const char *hv_policy_call_name(uint32_t nr)
{
    return nr < NR_HYPERCALLS ? call_names[nr] : 0;
}

static bool has_bit64(uint64_t bits, uint32_t n)
{
    return n < 64 && (bits & ((uint64_t)1 << n)) != 0;
}

/* The rules of a restricted call list: a management call on another
 * partition needs its own bit; an object call the descriptor's class; any
 * other call its bit or the base. *detail: the class or the target. */
static uint32_t call_refusal(const struct hv_policy *policy, uint32_t caller, uint32_t nr,
                             const uint32_t *args, uint32_t *detail)
{
    if (has_bit64(HV_POLICY_TARGETED_CALLS, nr)) {
        *detail = args[0];
        return args[0] == caller || has_bit64(policy->calls, nr) ? 0 : HV_POLICY_CALL_DENIED;
    }
    if (has_bit64(HV_POLICY_OBJECT_CALLS, nr)) {
        *detail = OBJDESC_GET_CLASS(args[0]);
        uint32_t objects = policy->objects | HV_POLICY_BASE_OBJECTS;
        return *detail < 32 && (objects & ((uint32_t)1 << *detail)) ? 0 : HV_POLICY_OBJECT_DENIED;
    }
    return has_bit64(policy->calls | HV_POLICY_BASE_CALLS, nr) ? 0 : HV_POLICY_CALL_DENIED;
}

/* Which rule, if any, refuses hypercall nr with args for the caller: 0
 * when the policy lets it through (XtratuM's own rule still applies). */
static uint32_t refusal(const struct hv_policy *policy, uint32_t caller, uint32_t nr,
                        const uint32_t *args, uint32_t *detail)
{
    *detail = 0;
    if (policy->restrict_calls) {
        uint32_t why = call_refusal(policy, caller, nr, args, detail);
        if (why != 0)
            return why;
    }
    bool on_other = has_bit64(HV_POLICY_TARGETED_CALLS, nr) && args[0] != caller;
    if (policy->restrict_targets && on_other && !has_bit64(policy->targets, args[0])) {
        *detail = args[0];
        return HV_POLICY_TARGET_DENIED;
    }
    return 0;
}

bool hv_policy_allows(struct hv *hv, uint32_t caller, uint32_t nr, const uint32_t *args)
{
    uint32_t detail;
    uint32_t why = refusal(&hv_partition_config(hv, caller)->policy, caller, nr, args, &detail);
    if (why == 0)
        return true;
    hv_trace(hv, HV_TRACE_POLICY_DENIED, (int32_t)caller, nr, detail, why);
    hv_hm_partition_event(hv, caller, XM_HM_EV_HYPERCALL_DENIED, 0, HV_TRAP_CONTINUE);
    return false;
}
