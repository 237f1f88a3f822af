/* healthy: the partition that must not notice its neighbour's faults
 * (tests/scenarios/faults.cmake): in each of its slots it prints the time
 * and a checksum of its first 4 KiB (its code, which the faulty partition
 * tries to overwrite). */
#include <stdio.h>
#include <xm.h>

extern const unsigned __xal_image_start[]; /* xal/partition.ld: the image's first byte */

void PartitionMain(void);

static unsigned code_checksum(void)
{
    const volatile unsigned *word = __xal_image_start;
    unsigned sum = 0;
    for (unsigned i = 0; i < 1024u; i++)
        sum = (sum ^ word[i]) * 16777619u;
    return sum;
}

void PartitionMain(void)
{
    for (unsigned slot = 0;; slot++) {
        xmTime_t now = 0;
        XM_get_time(XM_HW_CLOCK, &now);
        printf("Healthy: slot %u at %lld us, code checksum 0x%08x\n", slot, now, code_checksum());
        XM_idle_self();
    }
}
