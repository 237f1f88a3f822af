/* hvcore: partition states and their transitions. */
#include "internal.h"
#include <hvcore/trace.h>

const struct hv_partition_config *hv_partition_config(const struct hv *hv, uint32_t id)
{
    return &hv->config->partitions[id];
}

bool hv_partition_is_system(const struct hv *hv, uint32_t id)
{
    return (hv_partition_config(hv, id)->flags & HV_PART_SYSTEM) != 0;
}

bool hv_partition_runnable(const struct hv *hv, uint32_t id)
{
    return hv->partitions[id].state == HV_STATE_READY;
}

void hv_partition_set_state(struct hv *hv, uint32_t id, enum hv_partition_state state)
{
    enum hv_partition_state old = hv->partitions[id].state;
    hv->partitions[id].state = state;
    if (old != state)
        hv_trace(hv, HV_TRACE_STATE, (int32_t)id, state, old, 0);
}

/* A partition that stops running while it holds the CPU gives it up. */
static void leave_cpu(struct hv *hv, uint32_t id)
{
    if (hv->sched.current == (int32_t)id)
        hv_sched_switch_to(hv, HV_IDLE);
}

/* The CPU to its boot state at entry (HV_ENTRY_IMAGE: the configured
 * entry point, else the image's); memory is left as it is. */
static void restart(struct hv *hv, uint32_t id, uint32_t entry)
{
    const struct hv_partition_config *part = hv_partition_config(hv, id);
    hv->partitions[id].boots++;
    hv_timer_reset(hv, id); /* a reset disarms the partition's timers */
    if (entry == HV_ENTRY_IMAGE && part->has_entry_point)
        entry = part->entry_point;
    hv_port_partition_boot(hv, id, entry);
}

void hv_partition_restart_cpu(struct hv *hv, uint32_t id, uint32_t entry)
{
    hv_partition_set_state(hv, id, HV_STATE_READY);
    restart(hv, id, entry);
}

void hv_partition_cold_reset(struct hv *hv, uint32_t id, uint32_t entry, uint32_t status)
{
    struct hv_partition *state = &hv->partitions[id];
    hv_partition_set_state(hv, id, HV_STATE_READY);
    state->reset_counter = 0;
    state->reset_status = status;
    hv_pct_init(hv, id);
    hv_ports_reset_partition(hv, id); /* a cold reset closes the partition's ports */
    hv_mmu_reset(hv, id);
    restart(hv, id, entry);
}

/* XtratuM's warm reset keeps the PCT but for the reset fields, the state
 * flags and the virtual interrupt state (all masked, disabled). */
void hv_partition_warm_reset(struct hv *hv, uint32_t id, uint32_t entry, uint32_t status)
{
    struct hv_partition *state = &hv->partitions[id];
    hv_partition_set_state(hv, id, HV_STATE_READY);
    state->reset_counter++;
    state->reset_status = status;
    hv_pct_warm_reset(hv, id);
    hv_mmu_reset(hv, id);
    restart(hv, id, entry);
}

/* Power-on and system reset: every partition cold, status XM_COLD_RESET;
 * those without the boot flag stay halted. */
void hv_partition_boot_all(struct hv *hv)
{
    for (uint32_t id = 0; id < hv->config->partition_count; id++) {
        hv_partition_cold_reset(hv, id, HV_ENTRY_IMAGE, 0);
        if (!(hv_partition_config(hv, id)->flags & HV_PART_BOOT))
            hv_partition_halt(hv, id);
    }
}

/* Not scheduled until resumed; its virtual IRQs stay pending. */
void hv_partition_suspend(struct hv *hv, uint32_t id)
{
    hv_partition_set_state(hv, id, HV_STATE_SUSPENDED);
    hv_pct_set_state(hv, id);
    leave_cpu(hv, id);
}

void hv_partition_resume(struct hv *hv, uint32_t id)
{
    hv_partition_set_state(hv, id, HV_STATE_READY);
    hv_pct_set_state(hv, id);
}

void hv_partition_halt(struct hv *hv, uint32_t id)
{
    hv_partition_set_state(hv, id, HV_STATE_HALTED);
    hv_pct_set_state(hv, id);
    leave_cpu(hv, id);
}

/* XM_idle_self: an interrupt the partition would take already pending
 * ends the wait before it starts (hv_sched_wake for the later ones). */
void hv_partition_idle(struct hv *hv, uint32_t id)
{
    if (hv_virq_deliverable(hv, id))
        return;
    hv_partition_set_state(hv, id, HV_STATE_IDLE);
    leave_cpu(hv, id);
}
