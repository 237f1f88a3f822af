/* notbr_test: a software trap in a partition that never set its virtual
 * TBR. XtratuM finds no valid trap table (PARTITION_UNRECOVERABLE): the
 * partition is halted, the other partition runs on (notbr_peer). */
#include <stdio.h>

void PartitionMain(void);

void PartitionMain(void)
{
    printf("notbr: before the trap\n");
    __asm__ volatile("ta 5" ::: "memory");
    printf("notbr: after the trap (must not appear)\n");
}
