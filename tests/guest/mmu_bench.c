/* mmu_bench: the MMU paravirtualisation calls in a loop, for
 * docs/benchmarks.md (bench/mmu_calls.sh). One kind per image
 * (-DMMU_BENCH_<KIND>): NONE (only the set-up), BASE (XM_get_vcpuid, the
 * cheapest hypercall), UPDATE (XM_update_page32 with its map in use),
 * SWITCH (XM_write_register32 between its map and the initial one), INVLD
 * (XM_invld_tlb), SETTYPE (XM_set_page_type registering and unregistering
 * a level-3 page). Prints the calls' virtual time; mmu.xml's areas. */
#include <stdio.h>
#include <xm.h>

#define PAGE 4096u
#define L1 0x40400000u
#define L2 (L1 + PAGE)
#define L3 (L1 + 2 * PAGE)
#define SPARE (L1 + 3 * PAGE)
#define CALLS 20000

extern const unsigned char __xal_image_start[], _end[];

void PartitionMain(void);

static xmTime_t now(void)
{
    xmTime_t t = 0;
    XM_get_time(XM_HW_CLOCK, &t);
    return t;
}

/* The image where it is, through one table of each level. */
static void build_map(void)
{
    unsigned first = (unsigned)__xal_image_start, last = (unsigned)_end;
    XM_set_page_type(L3, PPAG_PTDL3);
    XM_set_page_type(L2, PPAG_PTDL2);
    XM_set_page_type(L1, PPAG_PTDL1);
    for (unsigned va = first; va < last; va += PAGE)
        XM_update_page32(L3 + 4u * ((va >> 12) & 63u), XM_MMU_PTE(va, XM_MMU_ACC_RWX));
    XM_update_page32(L2 + 4u * ((first >> 18) & 63u), XM_MMU_PTD(L3));
    XM_update_page32(L1 + 4u * (first >> 24), XM_MMU_PTD(L2));
    XM_write_register32(PTD1_REG32, L1);
}

static unsigned run(void)
{
    unsigned calls = 0;
#if defined(MMU_BENCH_BASE)
    for (; calls < CALLS; calls++)
        XM_get_vcpuid();
#elif defined(MMU_BENCH_UPDATE)
    for (; calls < CALLS; calls++)
        XM_update_page32(L3 + 0xfc, calls & 1 ? XM_MMU_PTE(SPARE, XM_MMU_ACC_RW) : 0);
#elif defined(MMU_BENCH_SWITCH)
    for (; calls < CALLS; calls++)
        XM_write_register32(PTD1_REG32, calls & 1 ? L1 : XM_MMU_INITIAL_MAP);
#elif defined(MMU_BENCH_INVLD)
    for (; calls < CALLS; calls++)
        XM_invld_tlb((unsigned)_end);
#elif defined(MMU_BENCH_SETTYPE)
    for (; calls < CALLS / 10; calls++)
        XM_set_page_type(SPARE, calls & 1 ? PPAG_STD : PPAG_PTDL3);
#endif
    return calls;
}

void PartitionMain(void)
{
    build_map();
    xmTime_t start = now();
    unsigned calls = run();
    xmTime_t end = now();
    printf("mmu_bench: %u calls in %lld us\n", calls, end - start);
    XM_halt_partition(XM_PARTITION_SELF);
}
