/* powerdown: LEON3 power-down (`wr %g0, %asr19`, legal in user mode) from
 * a partition (issue 11; docs/cpu.md). The processor waits for its next
 * interrupt, and so does the partition: its own timer's, or its slot's
 * end, after which its next slot goes on after the write. The
 * instruction after the write runs once, after the wait (it was skipped
 * when the write was taken for a fault and the HM action was IGNORE).
 * Under two_partitions.xml (10 ms slots, 20 ms frame) beside healthy.c. */
#include <irqs.h>
#include <stdio.h>
#include <xm.h>

static volatile int ticks;

static void on_hw_timer(trapCtxt_t *ctxt)
{
    (void)ctxt;
    ticks++;
}

static xmTime_t hw_now(void)
{
    xmTime_t t;
    XM_get_time(XM_HW_CLOCK, &t);
    return t;
}

/* Power down; the add after the write counts how often it ran. */
static unsigned power_down(void)
{
    unsigned after = 0;
    __asm__ volatile("wr %%g0, %%asr19\n\tadd %0, 1, %0" : "+r"(after) : : "memory");
    return after;
}

void PartitionMain(void)
{
    InstallTrapHandler(224 + XM_VT_EXT_HW_TIMER, on_hw_timer);
    XM_clear_irqmask(0, 1 << XM_VT_EXT_HW_TIMER);
    XM_enable_irqs();
    xmTime_t start = hw_now();
    XM_set_timer(XM_HW_CLOCK, start + 3000, 0);
    unsigned ran = power_down();
    xmTime_t woke = hw_now();
    printf("PowerDown: its timer woke it %lld us after, tick %d, after it %u\n",
           (long long)(woke - start), ticks, ran);
    start = hw_now();
    ran = power_down();
    woke = hw_now();
    printf("PowerDown: its slot's end, on %lld us after, tick %d, after it %u\n",
           (long long)(woke - start), ticks, ran);
    for (;;)
        XM_idle_self();
}
