/* gdb_target: the partition the GDB tests debug (tests/scenarios/gdb.cmake);
 * gdb_overflow, the same recursing until its stack overflows.
 * Each slot it descends 12 calls deep (more frames than the 8 register
 * windows hold, so the oldest go to the stack), bumps a global at the
 * bottom, prints, and idles; in its fifth slot it divides by zero. */
#include <stdio.h>
#include <xm.h>

volatile xm_u32_t watched; /* the watchpoint test's global */
volatile xm_s32_t divisor; /* zero */

void PartitionMain(void);
int descend(int depth);
int bottom(void);

__attribute__((noinline)) int bottom(void)
{
    watched = watched + 1;
    return (int)watched;
}

/* The volatile keeps the recursion a recursion (no loop, no tail call). */
__attribute__((noinline)) int descend(int depth)
{
    volatile int here = depth;
    if (depth > 0)
        here += descend(depth - 1);
    else
        here += bottom();
    return here;
}

void PartitionMain(void)
{
#ifdef GDB_TARGET_OVERFLOW
    descend(1000000); /* far deeper than the stack: it overflows */
#endif
    for (xm_u32_t slot = 0;; slot++) {
        printf("gdb_target: slot %u, sum %d\n", slot, descend(12));
        if (slot == 4)
            printf("gdb_target: %d\n", 100 / divisor);
        XM_idle_self();
    }
}
