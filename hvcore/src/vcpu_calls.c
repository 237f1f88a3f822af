/* hvcore: the multicore hypercalls of XM-Q (halt_vcpu, reset_vcpu) for
 * partitions with one virtual CPU, and the hypervisor's soft watchdog
 * (reload_watchdog), as XM-Q 1.0.7's kwatchdog.c. */
#include "internal.h"
#include <xm/hm.h>
#include <xm/hypercalls.h>

#define ENTRY_ALIGN 8u
#define ENTRY_CHECK_BYTES 16u /* XM-Q checks this much of the entry as partition memory */

/* halt_vcpu(vcpu): the caller's only vCPU halts, and with it the partition. */
int32_t hv_vcpu_halt(struct hv *hv, uint32_t caller, uint32_t vcpu, bool *context_replaced)
{
    if (vcpu != 0)
        return XM_INVALID_PARAM;
    hv_partition_halt(hv, caller);
    *context_replaced = true;
    return XM_OK;
}

/* reset_vcpu(vcpu, entry): the vCPU starts again at entry, in its boot
 * state; the partition (PCT, reset counter, memory) is left as it is. */
int32_t hv_vcpu_reset(struct hv *hv, uint32_t caller, uint32_t vcpu, uint32_t entry)
{
    if (vcpu != 0 || entry == 0 || entry % ENTRY_ALIGN != 0 ||
        !hv_port_guest_readable(hv, caller, entry, ENTRY_CHECK_BYTES))
        return XM_INVALID_PARAM;
    hv_partition_restart_cpu(hv, caller, entry);
    return XM_OK;
}

/* The watchdog is off until a budget is given (XM_CF Watchdog@initialValue
 * at boot, then reload_watchdog); 0 turns it off. */
static void set_budget(struct hv *hv, uint64_t budget_us)
{
    hv->watchdog.armed = budget_us != 0;
    if (hv->watchdog.armed) /* no clock read (register accesses) when off */
        hv->watchdog.deadline_us = hv_time_now_us(hv) + budget_us;
}

void hv_watchdog_boot(struct hv *hv)
{
    set_budget(hv, hv->config->has_watchdog ? hv->config->watchdog_initial_us : 0);
}

int32_t hv_watchdog_reload(struct hv *hv, uint32_t caller, int64_t budget_us)
{
    if (!hv_partition_is_system(hv, caller))
        return XM_PERM_ERROR;
    if (budget_us < 0)
        return XM_INVALID_PARAM;
    set_budget(hv, (uint64_t)budget_us);
    hv_timer_rearm(hv, hv_time_now_us(hv));
    return XM_OK;
}

uint64_t hv_watchdog_deadline(const struct hv *hv)
{
    return hv->watchdog.armed ? hv->watchdog.deadline_us : UINT64_MAX;
}

/* On the board an expired XM watchdog stops XtratuM reloading the hardware
 * watchdog, whose reset follows. The simulated board has no hardware
 * watchdog: the expiry itself is the hypervisor's WATCHDOG_TIMER event. */
void hv_watchdog_expire_due(struct hv *hv, uint64_t now)
{
    if (!hv->watchdog.armed || now < hv->watchdog.deadline_us)
        return;
    hv->watchdog.armed = false;
    hv_hm_system_event(hv, XM_HM_EV_WATCHDOG_TIMER, -1);
}
