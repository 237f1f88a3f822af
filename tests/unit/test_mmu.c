/* hvcore's MMU paravirtualisation (hvcore/src/mmu.c) through the fake port:
 * which pages may become page-table pages, which entries they may hold,
 * switching maps, unregistering, resets, and what the port is told. */
#include "timeirq_fixture.h"
#include <xm/mmu.h>

#define DATA 0x40000000u   /* mapped read-write, 4 pages */
#define RODATA 0x40004000u /* mapped read-only */
#define SHARED 0x40006000u /* shared (and unmapped) */
#define TABLES 0x40008000u /* unmapped: the page-table pages, 20 pages */
#define OTHER 0x4001c000u  /* partition 1's */
#define FAR 0x50000000u    /* partition 0's, beyond what the fake port reaches */
#define UNCACHED 0x40007000u
#define HYPERVISOR 0x40100000u
#define PAGE 0x1000u

static const struct hv_mem_area areas0[] = {
    {"data", DATA, 0x4000, DATA, 0},
    {"ro", RODATA, 0x1000, RODATA, HV_AREA_READONLY},
    {"shared", SHARED, 0x1000, SHARED, HV_AREA_SHARED | HV_AREA_UNMAPPED},
    {"tables", TABLES, 0x14000, TABLES, HV_AREA_UNMAPPED},
    {"far", FAR, 0x1000, FAR, 0},
    {"uncached", UNCACHED, 0x1000, UNCACHED, HV_AREA_UNCACHEABLE},
};
static const struct hv_mem_area areas1[] = {{"other", OTHER, 0x4000, OTHER, 0}};
static const struct hv_slot slots[] = {{0, 0, 50000, 0, 0, 0}, {1, 50000, 50000, 1, 0, 0}};
static const struct hv_plan plan = {0, "p", 100000, slots, 2};
static const struct hv_partition_config partitions[] = {
    {.id = 0,
     .name = "Os",
     .flags = HV_PART_BOOT,
     .console = HV_CONSOLE_NONE,
     .areas = areas0,
     .area_count = 6,
     .hm = FAKE_HM_HALT},
    {.id = 1,
     .name = "Other",
     .flags = HV_PART_BOOT,
     .console = HV_CONSOLE_NONE,
     .areas = areas1,
     .area_count = 1,
     .hm = FAKE_HM_HALT},
};
static const struct hv_config config = {.cpu_khz = 50000,
                                        .plans = &plan,
                                        .plan_count = 1,
                                        .partitions = partitions,
                                        .partition_count = 2};

static int setup(void **state)
{
    fixture_boot(state, &config);
    assert_int_equal(hv_current(&((struct fixture *)*state)->hv), 0);
    return 0;
}

static int32_t set_type(struct fixture *f, uint32_t page, uint32_t type)
{
    return call(f, set_page_type_nr, page, type, 0);
}

static int32_t update(struct fixture *f, uint32_t address, uint32_t value)
{
    return call(f, update_page32_nr, address, value, 0);
}

static int32_t switch_to(struct fixture *f, uint32_t l1)
{
    return call(f, write_register32_nr, PTD1_REG32, l1, 0);
}

/* L1 at TABLES, L2 at +1 page, L3 at +2 pages, linked for the 256 KiB at
 * virtual 0x80000000: L1[0x80] -> L2 table 0, L2[0] -> L3 table 0. */
#define L1 TABLES
#define L2 (TABLES + PAGE)
#define L3 (TABLES + 2 * PAGE)
static void build_map(struct fixture *f)
{
    assert_int_equal(set_type(f, L3, PPAG_PTDL3), XM_OK);
    assert_int_equal(set_type(f, L2, PPAG_PTDL2), XM_OK);
    assert_int_equal(set_type(f, L1, PPAG_PTDL1), XM_OK);
    assert_int_equal(update(f, L2, XM_MMU_PTD(L3)), XM_OK);
    assert_int_equal(update(f, L1 + 4 * 0x80, XM_MMU_PTD(L2)), XM_OK);
}

static void test_which_pages_may_become_tables(void **state)
{
    struct fixture *f = *state;
    assert_int_equal(set_type(f, TABLES + 4, PPAG_PTDL3), XM_INVALID_PARAM); /* not a page */
    assert_int_equal(set_type(f, TABLES, 4), XM_INVALID_PARAM);
    assert_int_equal(set_type(f, DATA, PPAG_PTDL3),
                     XM_OP_NOT_ALLOWED); /* writable in the initial map */
    assert_int_equal(set_type(f, RODATA, PPAG_PTDL3), XM_PERM_ERROR); /* not writable */
    assert_int_equal(set_type(f, SHARED, PPAG_PTDL3), XM_PERM_ERROR);
    assert_int_equal(set_type(f, OTHER, PPAG_PTDL3), XM_PERM_ERROR);
    assert_int_equal(set_type(f, HYPERVISOR, PPAG_PTDL3), XM_PERM_ERROR);
    assert_int_equal(set_type(f, TABLES, PPAG_PTDL3), XM_OK);
    assert_int_equal(set_type(f, TABLES, PPAG_PTDL3), XM_NO_ACTION);
    assert_int_equal(set_type(f, TABLES, PPAG_PTDL2), XM_OP_NOT_ALLOWED); /* unregister first */
    assert_int_equal(set_type(f, TABLES + PAGE, PPAG_STD), XM_NO_ACTION);
    assert_int_equal(f->port.mmu[0].syncs, 0); /* nothing changed the running map */
}

static void test_level3_entries(void **state)
{
    struct fixture *f = *state;
    uint32_t rw = XM_MMU_ACC_RW, r = XM_MMU_ACC_R;
    assert_int_equal(set_type(f, L3, PPAG_PTDL3), XM_OK);
    assert_int_equal(update(f, L3 + 4, XM_MMU_PTE(DATA + PAGE, rw)), XM_OK);
    assert_int_equal(fake_port_phys_word(&f->hv, L3 + 4), XM_MMU_PTE(DATA + PAGE, rw));
    assert_int_equal(update(f, L3 + 8, XM_MMU_PTE(RODATA, rw)), XM_PERM_ERROR);
    assert_int_equal(update(f, L3 + 8, XM_MMU_PTE(RODATA, XM_MMU_ACC_RX)), XM_OK);
    assert_int_equal(update(f, L3 + 12, XM_MMU_PTE(OTHER, r)), XM_PERM_ERROR);
    assert_int_equal(update(f, L3 + 12, XM_MMU_PTE(HYPERVISOR, r)), XM_PERM_ERROR);
    assert_int_equal(update(f, L3 + 12, XM_MMU_PTE(HV_PCT_ADDRESS, rw)), XM_PERM_ERROR);
    assert_int_equal(update(f, L3 + 12, XM_MMU_PTE(HV_PCT_ADDRESS, r)), XM_OK);
    /* A port without the PCT at that physical address (LEON3) refuses it. */
    f->port.mmu[0].pct_unreachable = true;
    assert_int_equal(update(f, L3 + 12, XM_MMU_PTE(HV_PCT_ADDRESS, r)), XM_INVALID_CONFIG);
    f->port.mmu[0].pct_unreachable = false;
    assert_int_equal(update(f, L3 + 16, XM_MMU_PTE(SHARED, rw)), XM_OK); /* its flags allow it */
    assert_int_equal(update(f, L3 + 28, XM_MMU_PTE(UNCACHED, r) | XM_MMU_PTE_CACHEABLE),
                     XM_PERM_ERROR);
    assert_int_equal(update(f, L3 + 28, XM_MMU_PTE(UNCACHED, r)), XM_OK);
    assert_int_equal(update(f, L3 + 32, XM_MMU_PTE(DATA, r) | XM_MMU_PTE_CACHEABLE), XM_OK);
    /* The table page itself: readable, never writable. */
    assert_int_equal(update(f, L3 + 20, XM_MMU_PTE(L3, rw)), XM_PERM_ERROR);
    assert_int_equal(update(f, L3 + 20, XM_MMU_PTE(L3, r)), XM_OK);
    assert_int_equal(update(f, L3 + 24, XM_MMU_PTE(FAR, r)),
                     XM_INVALID_CONFIG);                                    /* port can't reach */
    assert_int_equal(update(f, L3 + 24, XM_MMU_PTD(L3)), XM_INVALID_PARAM); /* no level 4 */
    assert_int_equal(update(f, L3 + 24, 3u), XM_INVALID_PARAM);             /* reserved type */
    assert_int_equal(update(f, L3 + 24, XM_MMU_PTE(DATA, 6u)), XM_INVALID_PARAM); /* supervisor */
    assert_int_equal(update(f, L3 + 2, 0), XM_INVALID_PARAM);                     /* unaligned */
    assert_int_equal(update(f, DATA, 0), XM_INVALID_PARAM);                       /* not a table */
    assert_int_equal(fake_port_phys_word(&f->hv, L3 + 24), 0);
}

static void test_descriptors_point_to_the_next_level(void **state)
{
    struct fixture *f = *state;
    build_map(f);
    assert_int_equal(update(f, L2 + 4, XM_MMU_PTD(L2)), XM_INVALID_PARAM); /* level 2 -> 2 */
    assert_int_equal(update(f, L2 + 4, XM_MMU_PTD(TABLES + 3 * PAGE)), XM_INVALID_PARAM);
    assert_int_equal(update(f, L2 + 4, XM_MMU_PTD(L3 + 0x40)), XM_INVALID_PARAM); /* misaligned */
    assert_int_equal(update(f, L2 + 4, XM_MMU_PTD(L3 + 0x100)), XM_OK);           /* table 1 */
    assert_int_equal(update(f, L2 + 8, XM_MMU_PTE(DATA, XM_MMU_ACC_R)), XM_INVALID_PARAM);
    assert_int_equal(update(f, L1 + 4, XM_MMU_PTE(DATA, XM_MMU_ACC_R)), XM_INVALID_PARAM);
    assert_int_equal(update(f, L1 + 4, XM_MMU_PTD(L3)), XM_INVALID_PARAM);
    /* The hypervisor's level-1 entries, in each of the page's 4 tables. */
    assert_int_equal(update(f, L1 + 4 * XM_MMU_L1_RESERVED, 0), XM_PERM_ERROR);
    assert_int_equal(update(f, L1 + 0x400 + 4 * 255, 0), XM_PERM_ERROR);
    assert_int_equal(update(f, L1 + 0x400 + 4 * 239, XM_MMU_PTD(L2)), XM_OK);
}

static void test_switch_maps(void **state)
{
    struct fixture *f = *state;
    build_map(f);
    assert_int_equal(switch_to(f, L2), XM_INVALID_PARAM);         /* not level 1 */
    assert_int_equal(switch_to(f, L1 + 0x100), XM_INVALID_PARAM); /* not a table start */
    assert_int_equal(switch_to(f, DATA), XM_INVALID_PARAM);
    assert_int_equal(call(f, write_register32_nr, 0, L1, 0),
                     XM_INVALID_PARAM); /* another register */
    assert_int_equal(f->port.mmu[0].syncs, 0);
    assert_int_equal(switch_to(f, L1 + 0x400), XM_OK); /* the page's second table */
    assert_int_equal(f->port.mmu[0].syncs, 1);
    assert_int_equal(f->port.mmu[0].l1, L1 + 0x400);
    assert_int_equal(f->port.mmu[0].vaddr, HV_MMU_ALL_PAGES);
    assert_int_equal(switch_to(f, L1 + 0x400), XM_NO_ACTION);
    /* While a map is in use, an update of a valid entry reaches the port;
     * filling an invalid one leaves nothing cached to drop. */
    assert_int_equal(update(f, L3, XM_MMU_PTE(DATA, XM_MMU_ACC_RW)), XM_OK);
    assert_int_equal(f->port.mmu[0].syncs, 1);
    assert_int_equal(update(f, L3, XM_MMU_PTE(DATA, XM_MMU_ACC_R)), XM_OK);
    assert_int_equal(f->port.mmu[0].syncs, 2);
    assert_int_equal(call(f, invld_tlb_nr, 0x80001234u, 0, 0), XM_OK);
    assert_int_equal(f->port.mmu[0].vaddr, 0x80001000u);
    assert_int_equal(f->port.mmu[0].l1, L1 + 0x400);
    assert_int_equal(switch_to(f, XM_MMU_INITIAL_MAP), XM_OK);
    assert_int_equal(f->port.mmu[0].l1, XM_MMU_INITIAL_MAP);
    assert_int_equal(f->port.mmu[1].syncs, 0); /* the other partition: nothing */
}

static void test_unregister_only_unused_pages(void **state)
{
    struct fixture *f = *state;
    build_map(f);
    assert_int_equal(switch_to(f, L1), XM_OK);
    assert_int_equal(set_type(f, L1, PPAG_STD), XM_OP_NOT_ALLOWED); /* the current map */
    assert_int_equal(set_type(f, L2, PPAG_STD), XM_OP_NOT_ALLOWED); /* L1 points to it */
    assert_int_equal(set_type(f, L3, PPAG_STD), XM_OP_NOT_ALLOWED);
    assert_int_equal(switch_to(f, XM_MMU_INITIAL_MAP), XM_OK);
    assert_int_equal(set_type(f, L2, PPAG_STD), XM_OP_NOT_ALLOWED);
    assert_int_equal(set_type(f, L1, PPAG_STD), XM_OK);
    assert_int_equal(set_type(f, L2, PPAG_STD), XM_OK); /* L1's references went with it */
    assert_int_equal(set_type(f, L3, PPAG_STD), XM_OK);
    /* A plain page again: it may be mapped writable. */
    assert_int_equal(set_type(f, TABLES + 3 * PAGE, PPAG_PTDL3), XM_OK);
    assert_int_equal(update(f, TABLES + 3 * PAGE, XM_MMU_PTE(L1, XM_MMU_ACC_RW)), XM_OK);
}

static void test_no_writable_mapping_of_a_new_table(void **state)
{
    struct fixture *f = *state;
    uint32_t page = TABLES + 4 * PAGE;
    assert_int_equal(set_type(f, L3, PPAG_PTDL3), XM_OK);
    assert_int_equal(update(f, L3 + 0x80, XM_MMU_PTE(page, XM_MMU_ACC_RWX)), XM_OK);
    assert_int_equal(set_type(f, page, PPAG_PTDL2), XM_OP_NOT_ALLOWED);
    assert_int_equal(update(f, L3 + 0x80, XM_MMU_PTE(page, XM_MMU_ACC_RX)), XM_OK);
    assert_int_equal(set_type(f, page, PPAG_PTDL2), XM_OK);
}

/* A page's contents are checked when it is registered: the partition may
 * have written anything while it had it mapped writable. */
static void test_contents_checked_when_registered(void **state)
{
    struct fixture *f = *state;
    uint32_t page = TABLES + 5 * PAGE;
    fake_port_set_phys_word(&f->hv, page + 0x10, XM_MMU_PTE(OTHER, XM_MMU_ACC_R));
    assert_int_equal(set_type(f, page, PPAG_PTDL3), XM_PERM_ERROR);
    fake_port_set_phys_word(&f->hv, page + 0x10, XM_MMU_PTE(page, XM_MMU_ACC_RW)); /* itself */
    assert_int_equal(set_type(f, page, PPAG_PTDL3), XM_PERM_ERROR);
    fake_port_set_phys_word(&f->hv, page + 0x10, XM_MMU_PTE(page, XM_MMU_ACC_R));
    assert_int_equal(set_type(f, page, PPAG_PTDL3), XM_OK);
    /* Level 1: the hypervisor's entries are cleared, not checked. */
    uint32_t l1 = TABLES + 6 * PAGE;
    fake_port_set_phys_word(&f->hv, l1 + 0xc00 + 4 * 250, 0xdeadbeefu);
    assert_int_equal(set_type(f, l1, PPAG_PTDL1), XM_OK);
    assert_int_equal(fake_port_phys_word(&f->hv, l1 + 0xc00 + 4 * 250), 0);
}

static void test_table_pages_are_bounded(void **state)
{
    struct fixture *f = *state;
    for (uint32_t i = 0; i < HV_MMU_TABLE_PAGES; i++)
        assert_int_equal(set_type(f, TABLES + i * PAGE, PPAG_PTDL3), XM_OK);
    assert_int_equal(set_type(f, TABLES + HV_MMU_TABLE_PAGES * PAGE, PPAG_PTDL3), XM_NOT_AVAILABLE);
    assert_int_equal(set_type(f, TABLES, PPAG_STD), XM_OK);
    assert_int_equal(set_type(f, TABLES + HV_MMU_TABLE_PAGES * PAGE, PPAG_PTDL3), XM_OK);
}

/* A map the port cannot run: the switch, or an update of the map in use,
 * is undone and refused. */
static void test_port_refusal_undoes(void **state)
{
    struct fixture *f = *state;
    build_map(f);
    f->port.mmu[0].refuse_l1 = L1;
    assert_int_equal(switch_to(f, L1), XM_INVALID_CONFIG);
    assert_int_equal(set_type(f, L1, PPAG_STD), XM_OK); /* not in use: the switch was undone */
    assert_int_equal(set_type(f, L1, PPAG_PTDL1), XM_OK);
    assert_int_equal(update(f, L1 + 4 * 0x80, XM_MMU_PTD(L2)), XM_OK);
    f->port.mmu[0].refuse_l1 = 0;
    assert_int_equal(switch_to(f, L1), XM_OK);
    assert_int_equal(update(f, L3, XM_MMU_PTE(DATA, XM_MMU_ACC_R)), XM_OK); /* no sync */
    f->port.mmu[0].refuse_l1 = L1;
    assert_int_equal(update(f, L3, XM_MMU_PTE(DATA, XM_MMU_ACC_RW)), XM_INVALID_CONFIG);
    assert_int_equal(fake_port_phys_word(&f->hv, L3), XM_MMU_PTE(DATA, XM_MMU_ACC_R));
    assert_int_equal(call(f, invld_tlb_nr, 0x80000000u, 0, 0), XM_INVALID_CONFIG);
}

static void test_reset_forgets_the_maps(void **state)
{
    struct fixture *f = *state;
    build_map(f);
    assert_int_equal(switch_to(f, L1), XM_OK);
    uint32_t syncs = f->port.mmu[0].syncs;
    bool completes;
    assert_int_equal(
        fake_port_hypercall(&f->hv, reset_partition_nr, 0, 0xffffffffu, XM_COLD_RESET, &completes),
        XM_OK);
    assert_false(completes);
    assert_int_equal(f->port.mmu[0].syncs, syncs + 1);
    assert_int_equal(f->port.mmu[0].l1, XM_MMU_INITIAL_MAP);
    assert_int_equal(set_type(f, L1, PPAG_STD), XM_NO_ACTION); /* a plain page again */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_which_pages_may_become_tables, setup, teardown),
        cmocka_unit_test_setup_teardown(test_level3_entries, setup, teardown),
        cmocka_unit_test_setup_teardown(test_descriptors_point_to_the_next_level, setup, teardown),
        cmocka_unit_test_setup_teardown(test_switch_maps, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unregister_only_unused_pages, setup, teardown),
        cmocka_unit_test_setup_teardown(test_no_writable_mapping_of_a_new_table, setup, teardown),
        cmocka_unit_test_setup_teardown(test_contents_checked_when_registered, setup, teardown),
        cmocka_unit_test_setup_teardown(test_table_pages_are_bounded, setup, teardown),
        cmocka_unit_test_setup_teardown(test_port_refusal_undoes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_reset_forgets_the_maps, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
