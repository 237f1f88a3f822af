/* hvcore: partition timers (XM_set_timer) and the one hardware event timer
 * they share with the scheduler. Each partition has one timer per clock:
 * HW (µs since reset) and EXEC (µs the partition has run, so it advances
 * only while the partition holds the CPU). Expiry raises the extended IRQ
 * XM_VT_EXT_HW_TIMER or XM_VT_EXT_EXEC_TIMER; missed periods coalesce into
 * that one interrupt, as in XtratuM.
 *
 * The event timer (hv_gptimer_arm) is armed for the earliest of: the
 * scheduler's next boundary, exactly; the HW timer of the partition that
 * owns the current slot and the EXEC timer of the running one (translated
 * to HW time), at least HV_GPTIMER_MIN_INTERVAL_US from now. A partition
 * timer that would leave the boundary less than that away waits for the
 * boundary. So no partition action moves a slot boundary, and a partition's
 * timers cost the others nothing: what expires in another's slot is
 * handled at the next boundary (hv_timer_expire_due), the interrupt
 * delivered when its owner runs. XtratuM differs here: its timers
 * interrupt any slot (docs/interrupts.md, "Isolation"). */
#include "internal.h"
#include <hvcore/drivers.h>
#include <xm/hypercalls.h>

/* The EXEC clock of partition id when the HW clock reads now. */
uint64_t hv_timer_exec_at(const struct hv *hv, uint32_t id, uint64_t now)
{
    const struct hv_partition *p = &hv->partitions[id];
    if (hv->sched.current != (int32_t)id)
        return p->exec_us;
    return p->exec_us + now - p->run_start_us;
}

static struct hv_timer *timer_of(struct hv *hv, uint32_t id, uint32_t clock)
{
    if (clock == XM_HW_CLOCK)
        return &hv->partitions[id].hw_timer;
    if (clock == XM_EXEC_CLOCK)
        return &hv->partitions[id].exec_timer;
    return NULL;
}

/* When a HW timer was due, in cycles (the µs clock's zero is cycle 0):
 * its latency counts from there, so an expiry the hypervisor handles late
 * (a partition timer waits for a boundary less than 50 µs away) shows. */
static uint64_t due_cycle(struct hv *hv, uint64_t deadline_us)
{
    uint64_t due = deadline_us * hv->drivers.board->cpu_khz / 1000u;
    uint64_t now = hv_port_cycles(hv);
    return due < now ? due : now;
}

/* The timer reached its deadline at `now` (its clock): one interrupt, then
 * the next period after now (overruns coalesce), or disarmed. `on_time`:
 * the event timer brought us here, so a HW timer's latency counts from its
 * deadline; XM_set_timer with a past time raises it now. */
static void expire(struct hv *hv, uint32_t id, uint32_t clock, uint64_t now, bool on_time)
{
    struct hv_timer *t = timer_of(hv, id, clock);
    if (hv->partitions[id].state == HV_STATE_HALTED)
        t->armed = false; /* a halted partition's resources are released */
    if (!t->armed || t->deadline_us > now)
        return;
    if (clock == XM_EXEC_CLOCK)
        hv_virq_raise_extended(hv, id, XM_VT_EXT_EXEC_TIMER);
    else if (on_time)
        hv_virq_raise_extended_at(hv, id, XM_VT_EXT_HW_TIMER, due_cycle(hv, t->deadline_us));
    else
        hv_virq_raise_extended(hv, id, XM_VT_EXT_HW_TIMER);
    if (t->interval_us == 0) {
        t->armed = false;
        return;
    }
    t->deadline_us += t->interval_us * ((now - t->deadline_us) / t->interval_us + 1);
}

/* A reset partition starts with both timers disarmed. */
void hv_timer_reset(struct hv *hv, uint32_t id)
{
    hv->partitions[id].hw_timer.armed = false;
    hv->partitions[id].exec_timer.armed = false;
}

/* XM_set_timer (XM-Q SetTimerSys): absTime 0 disarms; an interval, when
 * not 0, is at least 50 µs; a past absTime fires at once. */
int32_t hv_timer_set(struct hv *hv, uint32_t id, uint32_t clock, int64_t abs_us,
                     int64_t interval_us)
{
    struct hv_timer *t = timer_of(hv, id, clock);
    if (!t || abs_us < 0 || interval_us < 0 ||
        (interval_us > 0 && interval_us < (int64_t)HV_GPTIMER_MIN_INTERVAL_US))
        return XM_INVALID_PARAM;
    uint64_t now = hv_time_now_us(hv);
    t->armed = abs_us != 0;
    t->deadline_us = (uint64_t)abs_us;
    t->interval_us = (uint64_t)interval_us;
    if (t->armed)
        expire(hv, id, clock, clock == XM_HW_CLOCK ? now : hv_timer_exec_at(hv, id, now), false);
    hv_timer_rearm(hv, now);
    return XM_OK;
}

/* Every timer due by now raises its interrupt: all HW timers, and the EXEC
 * timer of the partition that holds the CPU (the others' clocks stand
 * still). Called before the scheduler moves on, so an EXEC timer due at a
 * slot's end still counts that slot's time. */
void hv_timer_expire_due(struct hv *hv, uint64_t now)
{
    for (uint32_t id = 0; id < hv->config->partition_count; id++)
        expire(hv, id, XM_HW_CLOCK, now, true);
    if (hv->sched.current != HV_IDLE) {
        uint32_t id = (uint32_t)hv->sched.current;
        expire(hv, id, XM_EXEC_CLOCK, hv_timer_exec_at(hv, id, now), true);
    }
}

static uint64_t earliest(uint64_t a, uint64_t b)
{
    return a < b ? a : b;
}

/* The earliest deadline of the timers that may interrupt the current slot,
 * in HW µs (UINT64_MAX: none): the slot owner's HW timer, the running
 * partition's EXEC timer. */
static uint64_t next_partition_deadline(struct hv *hv, uint64_t now)
{
    uint64_t next = UINT64_MAX;
    int32_t owner = hv_sched_slot_owner(hv);
    if (owner != HV_IDLE) {
        const struct hv_partition *p = &hv->partitions[owner];
        if (p->hw_timer.armed && p->state != HV_STATE_HALTED)
            next = earliest(next, p->hw_timer.deadline_us);
    }
    if (hv->sched.current != HV_IDLE) {
        uint32_t id = (uint32_t)hv->sched.current;
        const struct hv_timer *t = &hv->partitions[id].exec_timer;
        uint64_t run = hv_timer_exec_at(hv, id, now);
        if (t->armed)
            next = earliest(next, now + (t->deadline_us > run ? t->deadline_us - run : 0));
    }
    return next;
}

void hv_timer_rearm(struct hv *hv, uint64_t now)
{
    uint64_t boundary = hv->sched.next_event_us;
    uint64_t timer = earliest(next_partition_deadline(hv, now), hv_watchdog_deadline(hv));
    uint64_t soonest = now + HV_GPTIMER_MIN_INTERVAL_US;
    if (timer < soonest)
        timer = soonest;
    if (timer < boundary && timer + HV_GPTIMER_MIN_INTERVAL_US <= boundary)
        hv_gptimer_arm(hv, timer);
    else
        hv_gptimer_arm(hv, boundary);
}
