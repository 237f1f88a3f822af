/* hvcore: partition and system management (XM-Q 1.0 core/kernel/
 * hypercalls.c semantics; docs/health-monitor.md). The hypercall table
 * checks who may act on whom; this file changes states. A partition keeps
 * its memory through every reset; closing its ports on a reset is the
 * communication service's business. */
#include "internal.h"
#include <hvcore/drivers.h>
#include <xm/hypercalls.h>

int32_t hv_manage_suspend(struct hv *hv, uint32_t target)
{
    enum hv_partition_state state = hv->partitions[target].state;
    if (state == HV_STATE_SUSPENDED || state == HV_STATE_HALTED)
        return XM_NO_ACTION;
    hv_partition_suspend(hv, target);
    return XM_OK;
}

int32_t hv_manage_resume(struct hv *hv, uint32_t target)
{
    if (hv->partitions[target].state != HV_STATE_SUSPENDED)
        return XM_NO_ACTION;
    hv_partition_resume(hv, target);
    return XM_OK;
}

/* XM-Q takes ePoint when it lies in one of the partition's memory areas
 * (as the partition sees them) and is 8-byte aligned; otherwise the
 * configured (or image) entry point. */
static uint32_t reset_entry(const struct hv *hv, uint32_t id, uint32_t entry)
{
    const struct hv_partition_config *part = hv_partition_config(hv, id);
    if (entry % 8 != 0)
        return HV_ENTRY_IMAGE;
    for (uint32_t i = 0; i < part->area_count; i++) {
        const struct hv_mem_area *area = &part->areas[i];
        if (!(area->flags & HV_AREA_UNMAPPED) && entry - area->mapped_at < area->size)
            return entry;
    }
    return HV_ENTRY_IMAGE;
}

int32_t hv_manage_reset(struct hv *hv, uint32_t target, uint32_t entry, uint32_t mode,
                        uint32_t status)
{
    if (mode != XM_COLD_RESET && mode != XM_WARM_RESET)
        return XM_INVALID_PARAM;
    entry = reset_entry(hv, target, entry);
    if (mode == XM_COLD_RESET)
        hv_partition_cold_reset(hv, target, entry, status);
    else
        hv_partition_warm_reset(hv, target, entry, status);
    return XM_OK;
}

/* Nothing runs any more; the port sees hv_system_halted() and stops. */
void hv_system_halt(struct hv *hv, int32_t by)
{
    hv->system.state = HV_SYSTEM_HALTED;
    hv->system.halted_by = by;
    hv_sched_switch_to(hv, HV_IDLE);
    hv_gptimer_disarm(hv);
}

/* XtratuM re-initialises itself: the HM log and the counters are cleared,
 * every partition is cold reset (status XM_COLD_RESET, boot flag as at
 * power-on) and plan 0 starts again from its first slot, now. The
 * devices are not re-initialised: the hypervisor's clock goes on. Cold
 * and warm differ only in the system's resetStatus here (XtratuM's cold
 * reset goes through the boot loader, which reloads the images; these are
 * not reloaded). */
void hv_system_reset(struct hv *hv, uint32_t mode)
{
    hv->system.reset_counter++;
    hv->system.reset_status = mode;
    hv->system.irqs = 0;
    hv->system.irq_enabled = 0;
    hv_hm_clear(hv);
    hv_sched_switch_to(hv, HV_IDLE);
    hv_partition_boot_all(hv);
    hv_watchdog_boot(hv);
    hv_sched_switch_now(hv, 0);
}
