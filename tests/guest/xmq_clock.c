/* xmq_clock: what a partition sees of an XM-Q style configuration
 * (xmq_style.xml): the processor clock in its PCT (cpuKhz, 80000 when the
 * configuration says 80 MHz), and, at the start of each of its slots, the
 * slot's id and duration from the PCT and the hardware clock in µs (the
 * same µs at any processor clock). */
#include <stdio.h>
#include <xm.h>

void PartitionMain(void);

void PartitionMain(void)
{
    partitionControlTable_t *pct = XM_params_get_PCT();
    printf("cpuKhz %u\n", (unsigned)pct->cpuKhz);
    for (int n = 0; n < 4; n++) {
        xmTime_t now = 0;
        XM_get_time(XM_HW_CLOCK, &now);
        printf("slot %u (id %u, %u us) at %u us\n", (unsigned)pct->schedInfo.noSlot,
               (unsigned)pct->schedInfo.id, (unsigned)pct->schedInfo.slotDuration,
               (unsigned)(now / 1000) * 1000);
        XM_idle_self();
    }
    XM_halt_partition(XM_PARTITION_SELF);
}
