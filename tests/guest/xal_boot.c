/* xal_boot: the partition boots as XtratuM boots it (xal_boot.S starts it
 * as XAL does) and goes through many window overflows and underflows. The
 * first .bss words sit right above the boot %fp, where a spill of a valid
 * boot caller window would land; they must keep their values, and libxm
 * (whose parameters are in .bss too) must keep working. Built twice: with
 * the stack below .bss, and with the stack ending at the area's end, where
 * such a spill would fault. */
#include <stdio.h>
#include <xm.h>

void PartitionMain(void);

#define GUARD_WORDS 16
#define DEPTH 40

/* The first .bss object of the image: defined before anything else. */
xm_u32_t above_stack[GUARD_WORDS];
extern char xal_boot_stack_top[];

static xm_u32_t guard_value(int i)
{
    return 0xC0DE0000u + (xm_u32_t)i;
}

/* Each level keeps a value in a local register across its call, so a
 * window that came back wrong from the stack shows in the sum. */
static __attribute__((noinline)) xm_u32_t descend(xm_u32_t level)
{
    if (level == 0)
        return 0;
    xm_u32_t below = descend(level - 1);
    __asm__ volatile("" ::: "memory");
    return below + level * 3u;
}

static int guard_intact(void)
{
    int intact = 0;
    for (int i = 0; i < GUARD_WORDS; i++)
        intact += above_stack[i] == guard_value(i);
    return intact;
}

#ifndef STACK_TOP
/* The address of an object, hidden from the compiler, which would
 * otherwise call two distinct objects' addresses unequal at compile time. */
static xm_u32_t address_of(const void *object)
{
    xm_u32_t address = (xm_u32_t)object;
    __asm__("" : "+r"(address));
    return address;
}
#endif

void PartitionMain(void)
{
#ifndef STACK_TOP
    printf(".bss begins at the stack top: %s\n",
           address_of(above_stack) == address_of(xal_boot_stack_top) ? "yes" : "NO");
#endif
    for (int i = 0; i < GUARD_WORDS; i++)
        above_stack[i] = guard_value(i);
    xm_u32_t sum = 0;
    for (int round = 0; round < 3; round++)
        sum += descend(DEPTH);
    printf("descend(%d) x3 = %u (expected %u)\n", DEPTH, (unsigned)sum,
           3u * 3u * DEPTH * (DEPTH + 1) / 2u);
    printf("guard words intact: %d of %d\n", guard_intact(), GUARD_WORDS);
    printf("xal_boot: done\n");
}
