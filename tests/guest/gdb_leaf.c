/* gdb_leaf: a fault in a leaf function (tests/scenarios/gdb.cmake). In its
 * second slot, PartitionMain passes a null pointer to load_from, which
 * has no `save` (no frame of its own): its caller is only in %o7, and the
 * fault report and GDB's backtrace must find it there. */
#include <stdio.h>
#include <xm.h>

volatile xm_u32_t address; /* zero */

void PartitionMain(void);
int load_from(volatile int *from);

__attribute__((noinline)) int load_from(volatile int *from)
{
    return *from;
}

void PartitionMain(void)
{
    printf("gdb_leaf: slot 0\n");
    XM_idle_self();
    printf("gdb_leaf: %d\n", load_from((volatile int *)address));
    for (;;)
        XM_idle_self();
}
