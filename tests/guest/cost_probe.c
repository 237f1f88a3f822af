/* cost_probe: reads the clock at points where a known number of hypervisor
 * entries, hypercalls and context switches have happened, so that a test can
 * check that each modelled cost moves the time a partition observes by
 * exactly what it should (tests/scenarios/costs.cmake). Run for two major
 * frames. Each line ends with a time in µs:
 *   start:  1 context switch (idle -> partition), 1 entry, 1 hypercall
 *   calls:  the span of GET_TIME_CALLS + 1 XM_get_time: as many entries and
 *           hypercalls, no context switch
 *   resume: at the next major frame: the timer interrupt's entry, 1 context
 *           switch (idle -> partition), then 1 entry and 1 hypercall */
#include <stdio.h>
#include <xm.h>

#define GET_TIME_CALLS 100

void PartitionMain(void);

static xmTime_t now(void)
{
    xmTime_t t = 0;
    XM_get_time(XM_HW_CLOCK, &t);
    return t;
}

void PartitionMain(void)
{
    xmTime_t start = now();
    for (int i = 0; i < GET_TIME_CALLS; i++)
        now();
    xmTime_t end = now();
    printf("start: %lld us\n", start);
    printf("calls: %d get_time over %lld us\n", GET_TIME_CALLS + 1, end - start);
    XM_idle_self();
    printf("resume: %lld us\n", now());
}
