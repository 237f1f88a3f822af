/* hm_target: the user partition of the system-partition scenario
 * (hm_system.xml, hm_supervisor.c). On its first start it tries what only
 * a system partition may do and raises application events; in each slot
 * it prints whether a shutdown is pending; after its first warm reset it
 * divides by zero (its HM table halts it). Every start prints the PCT's
 * reset fields; the start count is in .data, which resets leave alone. */
#include <stdio.h>
#include <xm.h>

#define SUPERVISOR 1

void PartitionMain(void);

static volatile unsigned starts = 1000;

static void first_start(void)
{
    xmSystemStatus_t system;
    xmHmStatus_t hm;
    printf("Target: halt Supervisor: %d\n", XM_halt_partition(SUPERVISOR));
    printf("Target: system status: %d\n", XM_get_system_status(&system));
    printf("Target: HM status: %d\n", XM_hm_status(&hm));
    printf("Target: raise APP_NUMERIC_ERROR: %d\n", XM_hm_raise_event(XM_HM_EV_APP_NUMERIC_ERROR));
    printf("Target: raise PARTITION_ERROR: %d\n", XM_hm_raise_event(XM_HM_EV_PARTITION_ERROR));
}

static void divide_by_zero(void)
{
    printf("Target: dividing by zero\n");
    __asm__ volatile("udiv %0, %%g0, %%g1" : : "r"(1u) : "g1");
    printf("Target: survived\n");
}

void PartitionMain(void)
{
    partitionControlTable_t *pct = XM_params_get_PCT();
    starts++;
    printf("Target: start %u, resetCounter %u, resetStatus %u\n", starts - 1000,
           (unsigned)pct->resetCounter, (unsigned)pct->resetStatus);
    if (starts == 1001)
        first_start();
    for (unsigned slot = 0;; slot++) {
        printf("Target: slot %u, shutdown pending %u\n", slot,
               (unsigned)(pct->extIrqsPend >> XM_VT_EXT_SHUTDOWN) & 1u);
        if (pct->resetCounter == 1)
            divide_by_zero();
        XM_idle_self();
    }
}
