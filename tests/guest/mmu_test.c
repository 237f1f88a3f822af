/* mmu_test: a partition that manages its own memory map (the LEON3 paper's
 * MMU paravirtualisation; docs/hypercalls.md, "Memory maps"). From pages of
 * its `unmapped` area at TABLES it builds a second map: its image mapped
 * where it is, except one page left out and one read-only; one of its
 * pages aliased at ALIAS; its own level-3 table page read-only at
 * TABLE_VIEW; a page of the unmapped area at EXTRA. It switches to that
 * map, checks contents through both aliases, takes the faults it expects
 * (its handler for the data access trap, which the HM table propagates),
 * is refused what it may not map, writes its own page table directly (an
 * HM event, propagated too), and switches back. tests/scenarios/mmu.cmake
 * runs it beside healthy.c. */
#include <irqs.h>
#include <stdio.h>
#include <xm.h>

#define PAGE 4096u
#define TABLES 0x40400000u /* unmapped area (mmu.xml) */
#define L1 TABLES
#define L2 (TABLES + PAGE) /* table 0: VA 0x40xxxxxx; table 1 at +0x100: 0x50xxxxxx */
#define L3 (TABLES + 2 * PAGE)
#define EXTRA_PAGE (TABLES + 3 * PAGE)
#define ALIAS 0x50000000u
#define TABLE_VIEW 0x50001000u
#define EXTRA 0x50002000u
#define OTHER_PARTITION 0x40200000u
#define HYPERVISOR 0x40000000u
#define DATA_ACCESS_TRAP 0x09

extern const unsigned char __xal_image_start[], _end[];

void PartitionMain(void);

/* pages[0] aliased, [1] read-only, [2] left out, [3] a spare. */
static unsigned char pages[4][PAGE] __attribute__((aligned(PAGE)));
static volatile unsigned faults;

static void CountFault(trapCtxt_t *ctxt)
{
    faults++;
    ctxt->pc = ctxt->nPc;
    ctxt->nPc += 4;
}

static volatile unsigned *word(unsigned address)
{
    return (volatile unsigned *)address;
}

static unsigned addr(const void *p)
{
    return (unsigned)p;
}

/* One store / one load the handler can skip. */
static void store(unsigned address, unsigned value)
{
    __asm__ volatile("st %0, [%1]" : : "r"(value), "r"(address) : "memory");
}

static unsigned load(unsigned address)
{
    unsigned value = 0xdeadu;
    __asm__ volatile("ld [%1], %0" : "+r"(value) : "r"(address) : "memory");
    return value;
}

static void expect(const char *what, xm_s32_t got, xm_s32_t want)
{
    printf("Mapper: %s: %d%s\n", what, (int)got, got == want ? "" : " UNEXPECTED");
}

static unsigned l3_entry(unsigned table, unsigned va)
{
    return L3 + 0x100u * table + 4u * ((va >> 12) & 63u);
}

static xm_s32_t map(unsigned table, unsigned va, unsigned pa, unsigned acc)
{
    return XM_update_page32(l3_entry(table, va), XM_MMU_PTE(pa, acc));
}

static void register_tables(void)
{
    expect("register level 3", XM_set_page_type(L3, PPAG_PTDL3), XM_OK);
    expect("register level 2", XM_set_page_type(L2, PPAG_PTDL2), XM_OK);
    expect("register level 1", XM_set_page_type(L1, PPAG_PTDL1), XM_OK);
    expect("register a mapped page", XM_set_page_type(addr(pages[3]), PPAG_PTDL3),
           XM_OP_NOT_ALLOWED);
}

/* The image where it is (one level-3 table covers its 256 KiB), but
 * pages[1] read-only and pages[2] left out; then the 0x50000000 table. */
static void build_map(void)
{
    unsigned first = addr(__xal_image_start), last = addr(_end), bad = 0;
    for (unsigned va = first; va < last; va += PAGE) {
        if (va == addr(pages[2]))
            continue;
        bad += map(0, va, va, va == addr(pages[1]) ? XM_MMU_ACC_R : XM_MMU_ACC_RWX) != XM_OK;
    }
    expect("image pages refused", (xm_s32_t)bad, 0);
    expect("alias", map(1, ALIAS, addr(pages[0]), XM_MMU_ACC_RW), XM_OK);
    expect("own table read-only", map(1, TABLE_VIEW, L3, XM_MMU_ACC_R), XM_OK);
    expect("unmapped area page", map(1, EXTRA, EXTRA_PAGE, XM_MMU_ACC_RW), XM_OK);
    expect("level 2 -> 3", XM_update_page32(L2 + 4u * ((first >> 18) & 63u), XM_MMU_PTD(L3)),
           XM_OK);
    expect("level 2 -> 3", XM_update_page32(L2 + 0x100u, XM_MMU_PTD(L3 + 0x100u)), XM_OK);
    expect("level 1 -> 2", XM_update_page32(L1 + 4u * (first >> 24), XM_MMU_PTD(L2)), XM_OK);
    expect("level 1 -> 2", XM_update_page32(L1 + 4u * (ALIAS >> 24), XM_MMU_PTD(L2 + 0x100u)),
           XM_OK);
}

static void check_refusals(void)
{
    expect("map another partition's page", map(1, EXTRA + PAGE, OTHER_PARTITION, XM_MMU_ACC_R),
           XM_PERM_ERROR);
    expect("map the hypervisor", map(1, EXTRA + PAGE, HYPERVISOR, XM_MMU_ACC_R), XM_PERM_ERROR);
    expect("map a table page writable", map(1, EXTRA + PAGE, L1, XM_MMU_ACC_RW), XM_PERM_ERROR);
    expect("write a hypervisor entry",
           XM_update_page32(L1 + 4u * XM_MMU_L1_RESERVED, XM_MMU_PTD(L2 + 0x100u)), XM_PERM_ERROR);
    expect("unregister the table in use", XM_set_page_type(L1, PPAG_STD), XM_OP_NOT_ALLOWED);
    expect("unregister a table pointed to", XM_set_page_type(L3, PPAG_STD), XM_OP_NOT_ALLOWED);
}

static void check_contents(void)
{
    printf("Mapper: through the alias 0x%08x, pages[0] holds 0x%08x\n", *word(ALIAS),
           *word(addr(pages[0])));
    *word(ALIAS + 4) = 0x22222222u;
    printf("Mapper: written through the alias, pages[0] reads 0x%08x\n", *word(addr(pages[0]) + 4));
    *word(EXTRA) = 0x33333333u;
    printf("Mapper: the unmapped area's page reads 0x%08x\n", *word(EXTRA));
    /* Hypercall pointers go through the map in use too. */
    static const char line[] = "Mapper: printed from the alias\n";
    for (unsigned i = 0; i < sizeof line; i++)
        pages[0][64 + i] = (unsigned char)line[i];
    expect("console write from the alias", XM_write_console((char *)(ALIAS + 64), sizeof line - 1),
           (xm_s32_t)(sizeof line - 1));
    expect("get_time into my page table", XM_get_time(XM_HW_CLOCK, (xmTime_t *)TABLE_VIEW),
           XM_INVALID_PARAM);
    /* The MMU has set the entry's referenced bit (5), as the hardware does. */
    unsigned entry = *word(TABLE_VIEW + 4u * ((addr(__xal_image_start) >> 12) & 63u));
    printf("Mapper: my level-3 table's first entry is 0x%08x (written 0x%08x)\n", entry,
           XM_MMU_PTE(addr(__xal_image_start), XM_MMU_ACC_RWX));
}

static void check_faults(void)
{
    printf("Mapper: read-only page reads 0x%08x\n", load(addr(pages[1])));
    store(addr(pages[1]), 1);
    printf("Mapper: store to the read-only page: faults %u\n", faults);
    load(addr(pages[2]));
    printf("Mapper: load from the page left out: faults %u\n", faults);
    store(TABLE_VIEW, 0);
    printf("Mapper: store to my own page table: faults %u\n", faults);
}

/* An update and its invalidation: the alias now shows pages[3]. */
static void remap_alias(void)
{
    *word(addr(pages[3])) = 0x44444444u;
    expect("remap the alias", map(1, ALIAS, addr(pages[3]), XM_MMU_ACC_RW), XM_OK);
    expect("invalidate", XM_invld_tlb(ALIAS), XM_OK);
    printf("Mapper: the alias now reads 0x%08x\n", *word(ALIAS));
}

static void switch_back(void)
{
    expect("switch back", XM_write_register32(PTD1_REG32, XM_MMU_INITIAL_MAP), XM_OK);
    store(addr(pages[1]), 0x55555555u);
    printf("Mapper: initial map: read-only page now 0x%08x, left-out page 0x%08x, faults %u\n",
           load(addr(pages[1])), load(addr(pages[2])), faults);
    expect("unregister level 1", XM_set_page_type(L1, PPAG_STD), XM_OK);
    expect("unregister level 2", XM_set_page_type(L2, PPAG_STD), XM_OK);
    expect("unregister level 3", XM_set_page_type(L3, PPAG_STD), XM_OK);
}

void PartitionMain(void)
{
    InstallTrapHandler(DATA_ACCESS_TRAP, CountFault);
    *word(addr(pages[0])) = 0x11111111u;
    *word(addr(pages[1])) = 0x66666666u;
    register_tables();
    build_map();
    expect("switch to a level-2 table", XM_write_register32(PTD1_REG32, L2), XM_INVALID_PARAM);
    expect("switch", XM_write_register32(PTD1_REG32, L1), XM_OK);
    XM_idle_self();
    check_contents();
    check_faults();
    XM_idle_self();
    check_refusals();
    remap_alias();
    XM_idle_self();
    switch_back();
    printf("Mapper: done\n");
    for (;;)
        XM_idle_self();
}
