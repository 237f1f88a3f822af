/* paper: the Reader of the LEON3 paper's benchmark. It runs in the last
 * slot of each major frame and prints, per Counter, how many increments it
 * made since the Reader's previous slot, i.e. in the major frame's Counter
 * slots. Counters are partitions 0 .. id-1, the Reader is the last one:
 *   "MAF 3: 8331875 8331875 8331875"
 * The counters are read first and printed afterwards: printing takes the
 * console's time, and the values must be those of one instant. */
#include "paper.h"
#include <stdio.h>
#include <xm.h>

void PartitionMain(void)
{
    xm_u32_t last[PAPER_MAX_COUNTERS] = {0};
    xm_u32_t delta[PAPER_MAX_COUNTERS];
    xm_u32_t counters = XM_PARTITION_SELF;
    if (counters > PAPER_MAX_COUNTERS)
        counters = PAPER_MAX_COUNTERS;
    for (xm_u32_t maf = 1;; maf++) {
        for (xm_u32_t i = 0; i < counters; i++) {
            xm_u32_t now = *paper_counter(i);
            delta[i] = now - last[i];
            last[i] = now;
        }
        printf("MAF %u:", maf);
        for (xm_u32_t i = 0; i < counters; i++)
            printf(" %u", delta[i]);
        printf("\n");
        XM_idle_self();
    }
}
