/* timer_test: XM_set_timer on both clocks, under timers.xml (a 20 ms slot
 * every 40 ms). Each timer interrupt records the HW and EXEC clocks; the
 * results are printed at the end, when printing no longer disturbs them.
 * - HW clock: every 2 ms from 2000 µs; interrupts disabled across three
 *   periods give one interrupt (overruns coalesce), and the next one is
 *   back on the period; absTime 0 disarms.
 * - EXEC clock: every 5 ms of the partition's own run time, which stands
 *   still outside its slot: the HW times jump by the idle 20 ms.
 * - Bad arguments: XM_INVALID_PARAM. */
#include <irqs.h>
#include <stdio.h>
#include <xm.h>

#define TICKS 8

struct tick {
    xmTime_t hw, exec;
};

static volatile int hw_count, exec_count;
static struct tick hw_ticks[TICKS], exec_ticks[TICKS];

static void record(struct tick *t)
{
    XM_get_time(XM_HW_CLOCK, &t->hw);
    XM_get_time(XM_EXEC_CLOCK, &t->exec);
}

static void on_hw_timer(trapCtxt_t *ctxt)
{
    (void)ctxt;
    if (hw_count < TICKS)
        record(&hw_ticks[hw_count]);
    hw_count++;
}

static void on_exec_timer(trapCtxt_t *ctxt)
{
    (void)ctxt;
    if (exec_count < TICKS)
        record(&exec_ticks[exec_count]);
    exec_count++;
}

static xmTime_t hw_now(void)
{
    xmTime_t t;
    XM_get_time(XM_HW_CLOCK, &t);
    return t;
}

static void wait_count(volatile int *count, int n)
{
    while (*count < n)
        continue;
}

static void print_ticks(const char *clock, const struct tick *ticks, int n)
{
    for (int i = 0; i < n; i++)
        printf("%s tick %d: HW %lld us, EXEC %lld us\n", clock, i + 1, (long long)ticks[i].hw,
               (long long)ticks[i].exec);
}

static void bad_arguments(void)
{
    printf("interval 49 us: %d\n", XM_set_timer(XM_HW_CLOCK, 100000, 49));
    printf("negative absTime: %d\n", XM_set_timer(XM_HW_CLOCK, -1, 0));
    printf("negative interval: %d\n", XM_set_timer(XM_EXEC_CLOCK, 100000, -50));
    printf("clock 2: %d\n", XM_set_timer(2, 100000, 0));
    printf("interval 50 us, disarmed at once: %d %d\n", XM_set_timer(XM_HW_CLOCK, 1000000, 50),
           XM_set_timer(XM_HW_CLOCK, 0, 0));
}

void PartitionMain(void)
{
    InstallTrapHandler(224 + XM_VT_EXT_HW_TIMER, on_hw_timer);
    InstallTrapHandler(224 + XM_VT_EXT_EXEC_TIMER, on_exec_timer);
    XM_clear_irqmask(0, (1 << XM_VT_EXT_HW_TIMER) | (1 << XM_VT_EXT_EXEC_TIMER));
    XM_enable_irqs();

    int set = XM_set_timer(XM_HW_CLOCK, 2000, 2000);
    wait_count(&hw_count, 3);
    XM_disable_irqs();
    while (hw_now() < 12500)
        continue; /* the ticks at 8000, 10000 and 12000 µs are missed */
    XM_enable_irqs();
    wait_count(&hw_count, 5);
    int disarm = XM_set_timer(XM_HW_CLOCK, 0, 0);

    xmTime_t exec;
    XM_get_time(XM_EXEC_CLOCK, &exec);
    int set_exec = XM_set_timer(XM_EXEC_CLOCK, exec + 5000, 5000);
    wait_count(&exec_count, 4);
    XM_set_timer(XM_EXEC_CLOCK, 0, 0);

    printf("HW timer set: %d, disarmed: %d\n", set, disarm);
    print_ticks("HW", hw_ticks, hw_count);
    printf("EXEC timer set at EXEC %lld us: %d\n", (long long)exec, set_exec);
    print_ticks("EXEC", exec_ticks, exec_count);
    bad_arguments();
    printf("timer_test: done\n");
}
