/* latency_probe: the partition of the interrupt latency bound test
 * (tests/unit/test_latency_bound.c, tests/guest/latency.xml: Probe runs
 * [2, 7) ms of every 10 ms frame, Other [7, 10) ms, the rest is idle).
 * One one-shot HW timer per frame, at an offset in the frame that moves
 * from frame to frame (offset_of), so that over the run the deadlines
 * fall at every point of the frame: every µs around Probe's slot start
 * and end, where the event timer's rules matter, and every 97 µs
 * elsewhere: in Probe's slot while it makes hypercalls, takes window
 * overflow and underflow traps (a recursion deeper than the 8 windows) or
 * computes, and outside it (the latency is then the wait for its slot).
 * The handler arms the next timer; nothing is printed until the end. */
#include <irqs.h>
#include <stdio.h>
#include <xm.h>

#define FRAME_US 10000
#define FIRST_FRAME 2
#define FINE 70    /* 1 µs apart: [1990, 2060) and [6940, 7010) */
#define COARSE 104 /* 97 µs apart over the frame */
#define DEADLINES (2 * FINE + COARSE)

static volatile int fired;

static xmTime_t offset_of(int k)
{
    if (k < FINE)
        return 1990 + k;
    if (k < 2 * FINE)
        return 6940 + (k - FINE);
    return 13 + 97 * (xmTime_t)(k - 2 * FINE);
}

static xmTime_t deadline_of(int k)
{
    return (xmTime_t)(FIRST_FRAME + k) * FRAME_US + offset_of(k);
}

static void on_timer(trapCtxt_t *ctxt)
{
    (void)ctxt;
    fired++;
    if (fired < DEADLINES)
        XM_set_timer(XM_HW_CLOCK, deadline_of(fired), 0);
}

/* Deeper than the register windows: overflow traps going down, underflow
 * traps coming back. */
static unsigned recurse(unsigned depth)
{
    if (depth == 0)
        return 1;
    return recurse(depth - 1) * 3u + depth;
}

void PartitionMain(void)
{
    volatile unsigned sink = 0;
    InstallTrapHandler(XM_VT_EXT_HW_TIMER_TTAB, on_timer);
    XM_clear_irqmask(0, 1 << XM_VT_EXT_HW_TIMER);
    XM_enable_irqs();
    XM_set_timer(XM_HW_CLOCK, deadline_of(0), 0);
    while (fired < DEADLINES) {
        xmTime_t now;
        XM_get_time(XM_HW_CLOCK, &now);
        sink += recurse(12);
        for (unsigned i = 0; i < 50; i++)
            sink += i * (unsigned)now;
    }
    printf("latency_probe: %d deadlines\n", fired);
}
