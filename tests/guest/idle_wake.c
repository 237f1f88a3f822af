/* idle_wake: XM_idle_self waits for an interrupt the partition would take
 * or for its next slot, under timers.xml (a 20 ms slot every 40 ms). The
 * times are recorded as they happen and printed at the end.
 * - A HW timer 1 ms ahead, unmasked: the handler runs about 1 ms later and
 *   XM_idle_self returns right after it.
 * - The same timer masked: XM_idle_self returns at the next slot.
 * - A timer due in the idle gap after the slot: the partition waits for
 *   its next slot, where the handler runs. */
#include <irqs.h>
#include <stdio.h>
#include <xm.h>

#define HW_TIMER_BIT (1 << XM_VT_EXT_HW_TIMER)

static volatile xmTime_t handled_at;

static xmTime_t hw_now(void)
{
    xmTime_t t;
    XM_get_time(XM_HW_CLOCK, &t);
    return t;
}

static void on_hw_timer(trapCtxt_t *ctxt)
{
    (void)ctxt;
    handled_at = hw_now();
}

struct round {
    xmTime_t set, due, handled, back;
};

/* Arm the HW timer for `due`, idle, and record when we are back. */
static void idle_round(struct round *r, xmTime_t set, xmTime_t due)
{
    handled_at = 0;
    r->set = set;
    r->due = due;
    XM_set_timer(XM_HW_CLOCK, r->due, 0);
    XM_idle_self();
    r->back = hw_now();
    r->handled = handled_at;
}

static void print_round(const char *name, const struct round *r)
{
    printf("%s: set at %lld us, due %lld us, handler at %lld us, back at %lld us\n", name,
           (long long)r->set, (long long)r->due, (long long)r->handled, (long long)r->back);
}

void PartitionMain(void)
{
    struct round unmasked, masked, after_slot;
    InstallTrapHandler(224 + XM_VT_EXT_HW_TIMER, on_hw_timer);
    XM_clear_irqmask(0, HW_TIMER_BIT);
    XM_enable_irqs();

    xmTime_t now = hw_now();
    idle_round(&unmasked, now, now + 1000);

    XM_set_irqmask(0, HW_TIMER_BIT);
    now = hw_now();
    idle_round(&masked, now, now + 1000);
    XM_clear_irqmask(0, HW_TIMER_BIT); /* the pending interrupt is taken now */
    masked.handled = handled_at;

    now = hw_now();
    idle_round(&after_slot, now, now - now % 40000 + 25000); /* 5 ms into the gap */

    print_round("unmasked", &unmasked);
    print_round("masked", &masked);
    print_round("after the slot", &after_slot);
    printf("idle_wake: done\n");
}
