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
