/* paper: a Counter of the LEON3 paper's benchmark (section 4). It
 * increments one integer in a tight loop, forever. The integer lives in a
 * 4 KiB area of its own that the Reader maps read-only: partition id i
 * counts at PAPER_COUNTER_BASE + i * 4 KiB (scenarios/paper/paper.h). */
#include "paper.h"
#include <xm.h>

void PartitionMain(void)
{
    volatile xm_u32_t *counter = paper_counter(XM_PARTITION_SELF);
    for (;;)
        (*counter)++;
}
