/* hello: each partition prints one line per slot it gets, with its name from
 * the PCT, how many of its slots it has seen before this one, and the time,
 * then idles until its next slot. */
#include <stdio.h>
#include <xm.h>

void PartitionMain(void);

void PartitionMain(void)
{
    xm_u32_t slot = 0;
    for (;;) {
        xmTime_t now = 0;
        XM_get_time(XM_HW_CLOCK, &now);
        printf("%s: slot %u at %lld us\n", (const char *)XM_params_get_PCT()->name, slot, now);
        XM_idle_self();
        slot++;
    }
}
