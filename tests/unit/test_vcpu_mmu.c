/* cpu/: a partition's own SPARC reference MMU tables (vcpu_use_page_tables,
 * vcpu_flush_tlb): the engine walks them, faults where they say, keeps a
 * stale translation until it is flushed (as the hardware's TLB does), and
 * host accesses go through the same map. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "cpu/vcpu.h"
#include <stdlib.h>

#define CODE 0x40000000u
#define A 0x40001000u /* seen at VA A in the identity map */
#define B 0x40002000u
#define TABLES 0x40010000u /* no rights: the partition's page-table pages */
#define PCT 0xf0000000u
#define PAGE 0x1000u
#define L1 TABLES
#define L2 (TABLES + PAGE)
#define L3 (TABLES + 2 * PAGE)
#define ACC_R 0u
#define ACC_RW 1u
#define ACC_RX 2u

static uint8_t pct_page[PAGE] __attribute__((aligned(PAGE)));

static uint32_t pte(uint32_t pa, uint32_t acc)
{
    return ((pa >> 4) & 0xffffff00u) | acc << 2 | 2u;
}

static uint32_t ptd(uint32_t table)
{
    return (table >> 4) | 1u;
}

static void put(struct vcpu *vcpu, uint32_t address, uint32_t value)
{
    uint8_t b[4] = {(uint8_t)(value >> 24), (uint8_t)(value >> 16), (uint8_t)(value >> 8),
                    (uint8_t)value};
    assert_int_equal(vcpu_write_phys(vcpu, address, b, 4), VCPU_OK);
}

static uint32_t get(struct vcpu *vcpu, uint32_t address)
{
    uint8_t b[4];
    assert_int_equal(vcpu_read_phys(vcpu, address, b, 4), VCPU_OK);
    return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

/* sethi %hi(A), %g2; ld [%g2], %o0; ta 0x10; st %g0, [%g2]; ta 0x10 */
static const uint32_t program[] = {0x05000000u | (A >> 10), 0xd000a000u, 0x91d02010u, 0xc020a000u,
                                   0x91d02010u};

/* The partition's map: VA CODE -> CODE (RX), VA A -> B (an alias). */
static struct vcpu *make(void)
{
    const struct vcpu_region regions[] = {
        {CODE, PAGE, 5u, NULL}, /* read | exec */
        {A, 2 * PAGE, 3u, NULL},
        {TABLES, 4 * PAGE, 0, NULL},
        {PCT, PAGE, 1u, pct_page},
    };
    struct vcpu *vcpu = NULL;
    assert_int_equal(vcpu_create(&vcpu, regions, 4), VCPU_OK);
    for (uint32_t i = 0; i < 5; i++)
        put(vcpu, CODE + 4 * i, program[i]);
    put(vcpu, A, 0xaaaa);
    put(vcpu, B, 0xbbbb);
    put(vcpu, L1 + 4 * (CODE >> 24), ptd(L2));
    put(vcpu, L2, ptd(L3));
    put(vcpu, L3, pte(CODE, ACC_RX));
    put(vcpu, L3 + 4, pte(B, ACC_RW));
    return vcpu;
}

/* Run from CODE to the first `ta`: %o0 = the word at VA A. */
static uint32_t load_at_a(struct vcpu *vcpu)
{
    struct vcpu_exit exit;
    assert_int_equal(vcpu_boot(vcpu, CODE, PCT), VCPU_OK);
    assert_int_equal(vcpu_run(vcpu, 1000, &exit), VCPU_OK);
    assert_int_equal(exit.reason, VCPU_EXIT_TRAP);
    assert_int_equal(exit.trap_type, 0x90);
    return vcpu_get_reg(vcpu, VCPU_O0);
}

static void test_switch_and_alias(void **state)
{
    (void)state;
    struct vcpu *vcpu = make();
    assert_int_equal(load_at_a(vcpu), 0xaaaa);
    assert_int_equal(vcpu_use_page_tables(vcpu, L1), VCPU_OK);
    assert_int_not_equal(get(vcpu, L1 + 4 * 255), 0); /* the vCPU's own entries */
    assert_int_equal(load_at_a(vcpu), 0xbbbb);
    uint8_t bytes[4];
    assert_int_equal(vcpu_read_mem(vcpu, A, bytes, 4), VCPU_OK); /* the host sees B too */
    assert_int_equal(bytes[3], 0xbb);
    assert_false(vcpu_access_ok(vcpu, B, 4, 0)); /* B is not mapped at its own address */
    assert_int_equal(vcpu_use_page_tables(vcpu, 0), VCPU_OK);
    assert_int_equal(load_at_a(vcpu), 0xaaaa);
    vcpu_destroy(vcpu);
}

static void test_stale_until_flushed(void **state)
{
    (void)state;
    struct vcpu *vcpu = make();
    struct vcpu_exit exit;
    put(vcpu, L3 + 4, 0);
    assert_int_equal(vcpu_use_page_tables(vcpu, L1), VCPU_OK);
    assert_int_equal(vcpu_boot(vcpu, CODE, PCT), VCPU_OK);
    assert_int_equal(vcpu_run(vcpu, 1000, &exit), VCPU_OK);
    assert_int_equal(exit.trap_type, 0x09);
    /* A fault caches nothing: filling the entry needs no flush. */
    put(vcpu, L3 + 4, pte(B, ACC_RW));
    assert_int_equal(load_at_a(vcpu), 0xbbbb);
    put(vcpu, L3 + 4, pte(A, ACC_RW));
    assert_int_equal(load_at_a(vcpu), 0xbbbb); /* the engine's TLB still has it */
    assert_int_equal(vcpu_flush_tlb(vcpu, A), VCPU_OK);
    assert_int_equal(load_at_a(vcpu), 0xaaaa);
    vcpu_destroy(vcpu);
}

static void test_faults_of_the_map(void **state)
{
    (void)state;
    struct vcpu *vcpu = make();
    struct vcpu_exit exit;
    put(vcpu, L3 + 4, pte(B, ACC_R));
    assert_int_equal(vcpu_use_page_tables(vcpu, L1), VCPU_OK);
    assert_int_equal(load_at_a(vcpu), 0xbbbb);
    vcpu_skip_instruction(vcpu);
    assert_int_equal(vcpu_run(vcpu, 1000, &exit), VCPU_OK); /* the store: read-only */
    assert_int_equal(exit.trap_type, 0x09);
    assert_int_equal(exit.pc, CODE + 12);
    assert_int_equal(exit.fault_address, A);
    assert_false(vcpu_access_ok(vcpu, A, 4, 2u));
    put(vcpu, L3 + 4, 0);
    assert_int_equal(vcpu_flush_tlb(vcpu, VCPU_FLUSH_ALL), VCPU_OK);
    assert_int_equal(vcpu_boot(vcpu, CODE, PCT), VCPU_OK);
    assert_int_equal(vcpu_run(vcpu, 1000, &exit), VCPU_OK); /* the load: not mapped */
    assert_int_equal(exit.trap_type, 0x09);
    assert_int_equal(exit.pc, CODE + 4);
    assert_int_equal(exit.fault_address, A);
    uint8_t bytes[4];
    assert_int_equal(vcpu_read_mem(vcpu, A, bytes, 4), VCPU_ERR_UNMAPPED);
    assert_int_equal(vcpu_use_page_tables(vcpu, L1 + 4), VCPU_ERR_BAD_REGION);
    assert_int_equal(vcpu_use_page_tables(vcpu, 0x50000000u), VCPU_ERR_BAD_REGION);
    vcpu_destroy(vcpu);
}

/* A partition's map must leave the top 256 MiB to the vCPU: with its own
 * memory there, the private page is elsewhere and no table of its own can
 * be used. */
static void test_private_page_outside_the_reserved_range(void **state)
{
    (void)state;
    const struct vcpu_region regions[] = {
        {CODE, PAGE, 5u, NULL},
        {TABLES, 4 * PAGE, 0, NULL},
        {PCT, PAGE, 1u, pct_page},
        {0xf0001000u, 0x0ffff000u, 3u, NULL},
    };
    struct vcpu *vcpu = NULL;
    assert_int_equal(vcpu_create(&vcpu, regions, 4), VCPU_OK);
    assert_int_equal(vcpu_use_page_tables(vcpu, L1), VCPU_ERR_BAD_REGION);
    assert_int_equal(vcpu_use_page_tables(vcpu, 0), VCPU_OK);
    vcpu_destroy(vcpu);
}

/* 3,000 one-page regions a page apart (each region and each gap was a
 * Unicorn mapping of its own; past about 4,000 QEMU aborted): the engine
 * is made, the last region is read through the identity map, a gap
 * between two regions stays out of reach and a read-only region keeps
 * its rights. */
#define MANY 3000u
#define MANY_BASE 0x10000000u

static void test_many_regions(void **state)
{
    (void)state;
    struct vcpu_region *regions = calloc(MANY + 2, sizeof *regions);
    assert_non_null(regions);
    for (uint32_t i = 0; i < MANY; i++)
        regions[i] = (struct vcpu_region){MANY_BASE + 2 * i * PAGE, PAGE, i == 1 ? 1u : 3u, NULL};
    regions[MANY] = (struct vcpu_region){CODE, PAGE, 5u, NULL};
    regions[MANY + 1] = (struct vcpu_region){PCT, PAGE, 1u, pct_page};
    struct vcpu *vcpu = NULL;
    assert_int_equal(vcpu_create(&vcpu, regions, MANY + 2), VCPU_OK);
    free(regions);
    uint32_t last = MANY_BASE + 2 * (MANY - 1) * PAGE;
    const uint32_t load_last[] = {0x05000000u | (last >> 10), 0xd000a000u, 0x91d02010u};
    for (uint32_t i = 0; i < 3; i++)
        put(vcpu, CODE + 4 * i, load_last[i]);
    put(vcpu, last, 0x1234);
    struct vcpu_exit exit;
    assert_int_equal(vcpu_boot(vcpu, CODE, PCT), VCPU_OK);
    assert_int_equal(vcpu_run(vcpu, 1000, &exit), VCPU_OK);
    assert_int_equal(exit.trap_type, 0x90);
    assert_int_equal(vcpu_get_reg(vcpu, VCPU_O0), 0x1234);
    assert_false(vcpu_access_ok(vcpu, MANY_BASE + PAGE, 4, 0)); /* the gap after the first */
    uint8_t byte = 1;
    assert_int_equal(vcpu_write_mem(vcpu, MANY_BASE + 2 * PAGE, &byte, 1, true),
                     VCPU_ERR_READ_ONLY);
    vcpu_destroy(vcpu);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_switch_and_alias),
        cmocka_unit_test(test_many_regions),
        cmocka_unit_test(test_stale_until_flushed),
        cmocka_unit_test(test_faults_of_the_map),
        cmocka_unit_test(test_private_page_outside_the_reserved_range),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
