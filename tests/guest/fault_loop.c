/* fault_loop: an illegal instruction in a loop, 1234 times, under a table
 * that says IGNORE (tests/scenarios/hm.cmake, fault.loop_does_not_flood):
 * the notices of one place are summed up, not printed 1234 times. */
#include <stdio.h>
#include <xm.h>

void PartitionMain(void);

void PartitionMain(void)
{
    for (int i = 0; i < 1234; i++)
        __asm__ volatile("unimp 0");
    printf("fault_loop: done\n");
    for (;;)
        XM_idle_self();
}
