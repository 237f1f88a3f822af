/* hvcore: the plan services of a system partition: XM_switch_sched_plan
 * (the switch itself happens at the end of the major frame, sched.c) and
 * XM_get_plan_status, with XM-Q's semantics (SwitchSchedPlanSys,
 * objects/status.c). */
#include "bytes.h"
#include "internal.h"
#include <xm/hypercalls.h>
#include <xm/plan.h>

/* Plan 0 is the initial plan and comes back only with a reset; asking for
 * the current plan is XM_NO_ACTION. XM_OK: plan may be requested. */
static int32_t plan_check(const struct hv *hv, uint32_t plan)
{
    if (plan == hv->sched.plan)
        return XM_NO_ACTION;
    if (plan < 1 || plan >= hv->config->plan_count)
        return XM_INVALID_PARAM;
    return XM_OK;
}

/* The last request before the frame ends wins. *current_plan (a guest
 * address) gets the plan running now. */
int32_t hv_plan_request(struct hv *hv, uint32_t caller, uint32_t plan, uint32_t current_address)
{
    uint8_t current[4];
    if (!hv_partition_is_system(hv, caller))
        return XM_PERM_ERROR;
    int32_t check = plan_check(hv, plan);
    if (check != XM_OK)
        return check;
    hv_put_be32(current, hv->sched.plan);
    if (!hv_port_copy_to_guest(hv, caller, current_address, current, sizeof current))
        return XM_INVALID_PARAM;
    hv->sched.next_plan = plan;
    return XM_OK;
}

/* The simulator's `inject plan`: the request a system partition would
 * make, without a caller whose memory gets the current plan. */
int32_t hv_plan_request_external(struct hv *hv, uint32_t plan)
{
    int32_t check = plan_check(hv, plan);
    if (check == XM_OK)
        hv->sched.next_plan = plan;
    return check;
}

/* xmPlanStatus_t {switchTime, next, current, prev}, big-endian. */
int32_t hv_plan_status(struct hv *hv, uint32_t caller, uint32_t address)
{
    uint8_t status[XM_PLAN_STATUS_BYTES];
    hv_put_be64(status, hv->sched.switch_us);
    hv_put_be32(status + 8, hv->sched.next_plan);
    hv_put_be32(status + 12, hv->sched.plan);
    hv_put_be32(status + 16, (uint32_t)hv->sched.prev_plan);
    if (!hv_port_copy_to_guest(hv, caller, address, status, sizeof status))
        return XM_INVALID_PARAM;
    return XM_OK;
}
