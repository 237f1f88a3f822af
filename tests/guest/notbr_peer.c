/* notbr_peer: prints one line per slot; runs beside notbr_test. */
#include <stdio.h>
#include <xm.h>

void PartitionMain(void);

void PartitionMain(void)
{
    for (xm_u32_t slot = 0;; slot++) {
        printf("peer: slot %u\n", slot);
        XM_idle_self();
    }
}
