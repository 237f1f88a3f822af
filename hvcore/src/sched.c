/* hvcore: the fixed cyclic scheduler (XtratuM's). The current plan's slots
 * run in order, major frame after major frame; slot starts and ends are
 * timer events armed one at a time on the port's one-shot timer. */
#include "internal.h"
#include <hvcore/drivers.h>
#include <hvcore/trace.h>

static const struct hv_plan *current_plan(const struct hv *hv)
{
    return &hv->config->plans[hv->sched.plan];
}

static uint64_t slot_end_us(const struct hv *hv, int32_t slot)
{
    const struct hv_slot *s = &current_plan(hv)->slots[slot];
    return hv->sched.maf_start_us + s->start_us + s->duration_us;
}

/* The next boundary after the current state: the running slot's end, else
 * the next slot's start, else the end of the major frame. */
static uint64_t next_boundary_us(const struct hv *hv)
{
    const struct hv_plan *plan = current_plan(hv);
    if (hv->sched.slot >= 0)
        return slot_end_us(hv, hv->sched.slot);
    if (hv->sched.next_slot < plan->slot_count)
        return hv->sched.maf_start_us + plan->slots[hv->sched.next_slot].start_us;
    return hv->sched.maf_start_us + plan->major_frame_us;
}

/* A slot for a partition's vCPU other than 0 (XM-Q's second vCPU, which
 * is not simulated and so stays halted, as in XM-Q until XM_reset_vcpu
 * starts it) is idle time: nobody owns it. */
int32_t hv_sched_slot_owner(const struct hv *hv)
{
    if (hv->sched.slot < 0)
        return HV_IDLE;
    const struct hv_slot *slot = &current_plan(hv)->slots[hv->sched.slot];
    return slot->vcpu_id == 0 ? (int32_t)slot->partition_id : HV_IDLE;
}

uint64_t hv_sched_slot_end_us(const struct hv *hv)
{
    return hv->sched.slot >= 0 ? slot_end_us(hv, hv->sched.slot) : UINT64_MAX;
}

void hv_sched_switch_to(struct hv *hv, int32_t partition)
{
    uint64_t now = hv_time_now_us(hv);
    int32_t previous = hv->sched.current;
    if (previous != HV_IDLE)
        hv->partitions[previous].exec_us += now - hv->partitions[previous].run_start_us;
    hv->sched.current = partition;
    if (partition != HV_IDLE)
        hv->partitions[partition].run_start_us = now;
    if (partition != previous)
        hv_trace(hv, HV_TRACE_SWITCH, partition, (uint32_t)previous, 0, 0);
}

static void start_slot(struct hv *hv, uint32_t index)
{
    const struct hv_slot *slot = &current_plan(hv)->slots[index];
    uint32_t id = slot->partition_id;
    hv->sched.slot = (int32_t)index;
    hv->sched.next_slot = index + 1;
    hv_trace(hv, HV_TRACE_SLOT_START, (int32_t)id, index,
             (uint32_t)(hv->sched.maf_start_us + slot->start_us), 0);
    if (slot->vcpu_id != 0) {
        hv_sched_switch_to(hv, HV_IDLE);
        return;
    }
    hv->partitions[id].slots_started++;
    hv->partitions[id].slot_start_cycle = hv_port_cycles(hv);
    hv_pct_set_slot(hv, id, slot, index);
    if (hv->partitions[id].state == HV_STATE_IDLE)
        hv_partition_set_state(hv, id, HV_STATE_READY);
    bool runnable = hv_partition_runnable(hv, id);
    if (runnable)
        hv_virq_raise_extended(hv, id, XM_VT_EXT_CYCLIC_SLOT_START);
    hv_sched_switch_to(hv, runnable ? (int32_t)id : HV_IDLE);
}

static void end_slot(struct hv *hv)
{
    const struct hv_slot *slot = &current_plan(hv)->slots[hv->sched.slot];
    hv_trace(hv, HV_TRACE_SLOT_END, (int32_t)slot->partition_id, (uint32_t)hv->sched.slot,
             (uint32_t)slot_end_us(hv, hv->sched.slot), 0);
    hv->sched.slot = -1;
    hv_sched_switch_to(hv, HV_IDLE);
}

/* XtratuM's MakePlanSwitch: a requested plan takes over as a major frame
 * starts; the switch time is that frame's start. */
static void apply_plan_switch(struct hv *hv)
{
    struct hv_sched *s = &hv->sched;
    if (s->next_plan == s->plan)
        return;
    hv_trace(hv, HV_TRACE_PLAN_SWITCH, -1, s->next_plan, s->plan, 0);
    s->prev_plan = (int32_t)s->plan;
    s->plan = s->next_plan;
    s->switch_us = s->maf_start_us;
}

/* A major frame starts at start_us, with the plan requested for it. */
static void begin_major_frame(struct hv *hv, uint64_t start_us)
{
    hv->sched.maf_start_us = start_us;
    apply_plan_switch(hv);
    hv->sched.maf_count++;
    hv->sched.next_slot = 0;
    hv_trace(hv, HV_TRACE_MAF_START, -1, (uint32_t)hv->sched.maf_count, hv->sched.plan, 0);
}

static void start_major_frame(struct hv *hv)
{
    begin_major_frame(hv, hv->sched.maf_start_us + current_plan(hv)->major_frame_us);
}

/* Apply every boundary that the clock has reached, in order. */
static void advance(struct hv *hv, uint64_t now)
{
    bool crossed = false;
    while (next_boundary_us(hv) <= now) {
        crossed = true;
        if (hv->sched.slot >= 0)
            end_slot(hv);
        else if (hv->sched.next_slot < current_plan(hv)->slot_count)
            start_slot(hv, hv->sched.next_slot);
        else
            start_major_frame(hv);
    }
    if (crossed)
        hv_irq_gate_lines(hv);
    hv->sched.next_event_us = next_boundary_us(hv);
    hv_timer_rearm(hv, now);
}

/* The plan's time 0 is the clock's: boot takes a few µs, so the first slot
 * starts that late, and every later boundary exactly where the plan says. */
void hv_sched_start(struct hv *hv)
{
    hv->sched.plan = 0;
    hv->sched.maf_start_us = 0;
    hv->sched.maf_count = 0;
    hv->sched.slot = -1;
    hv->sched.next_slot = 0;
    hv->sched.current = HV_IDLE;
    hv->sched.next_plan = 0;
    hv->sched.prev_plan = -1;
    hv->sched.switch_us = 0;
    hv_trace(hv, HV_TRACE_MAF_START, -1, 0, 0, 0);
    advance(hv, hv_time_now_us(hv));
}

/* Partition timers first: an EXEC timer due at a slot's end belongs to the
 * partition still holding the CPU. */
void hv_timer_event(struct hv *hv)
{
    uint64_t now = hv_time_now_us(hv);
    hv_timer_expire_due(hv, now);
    hv_watchdog_expire_due(hv, now);
    advance(hv, now);
}

/* Partition id has yielded with XM_idle_self inside its own slot, which
 * has not reached its end (where the CPU passes on anyway). The clock is
 * read last: on the board that is a timer register access. */
static bool idles_in_its_slot(struct hv *hv, uint32_t id)
{
    int32_t slot = hv->sched.slot;
    return hv->partitions[id].state == HV_STATE_IDLE && slot >= 0 &&
           hv_sched_slot_owner(hv) == (int32_t)id && hv_time_now_us(hv) < slot_end_us(hv, slot);
}

/* XtratuM's XM_idle_self waits for a non-masked IRQ or the next slot: in
 * its slot, the partition gets the CPU back as soon as an interrupt it
 * would take is pending (hv_resume delivers it); outside, it waits for
 * its slot's start, where start_slot makes it READY. */
void hv_sched_wake(struct hv *hv, uint32_t id)
{
    if (!idles_in_its_slot(hv, id) || !hv_virq_deliverable(hv, id))
        return;
    hv_partition_set_state(hv, id, HV_STATE_READY);
    hv_sched_switch_to(hv, (int32_t)id);
    hv_timer_rearm(hv, hv_time_now_us(hv)); /* its EXEC timer runs again */
}

/* XtratuM's maintenance switch (the HM's SWITCH_TO_MAINTENANCE): the
 * current major frame ends now, a slot in progress is cut short, and plan
 * `plan` starts a new major frame at once. With plan == the current plan
 * the frame restarts. False, with nothing changed, for a plan that does
 * not exist. */
bool hv_sched_switch_now(struct hv *hv, uint32_t plan)
{
    uint64_t now = hv_time_now_us(hv);
    if (plan >= hv->config->plan_count)
        return false;
    if (hv->sched.slot >= 0)
        end_slot(hv);
    hv->sched.next_plan = plan;
    begin_major_frame(hv, now);
    advance(hv, now);
    return true;
}
