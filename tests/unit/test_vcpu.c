/* cpu/: state probe, creation, guest memory, boot state and registers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "vcpu_fixture.h"

static const uint32_t psr_et = 1u << 5, psr_s = 1u << 7, psr_cwp = 0x1fu;

static uint8_t pct_page[PAGE] __attribute__((aligned(PAGE)));

static struct vcpu *make_vcpu(void)
{
    return vcpu_fixture_make(pct_page);
}

static void load(struct vcpu *vcpu, const char *path)
{
    vcpu_fixture_load(vcpu, path);
}

static void test_probe_self_test(void **state)
{
    (void)state;
    const char *message = NULL;
    assert_int_equal(vcpu_self_test(&message), VCPU_OK);
    assert_string_equal(message, "ok");
    assert_string_equal(vcpu_strerror(VCPU_ERR_PROBE_FAILED),
                        "Unicorn's SPARC CPU state layout not recognised");
}

static void test_bad_regions(void **state)
{
    (void)state;
    struct vcpu *vcpu = NULL;
    const struct vcpu_region unaligned[] = {{CODE + 4, PAGE, VCPU_PERM_READ, NULL}};
    const struct vcpu_region empty[] = {{CODE, 0, VCPU_PERM_READ, NULL}};
    const struct vcpu_region overlapping[] = {{CODE, 2 * PAGE, VCPU_PERM_READ, NULL},
                                              {CODE + PAGE, PAGE, VCPU_PERM_READ, NULL}};
    assert_int_equal(vcpu_create(&vcpu, unaligned, 1), VCPU_ERR_BAD_REGION);
    assert_int_equal(vcpu_create(&vcpu, empty, 1), VCPU_ERR_BAD_REGION);
    assert_int_equal(vcpu_create(&vcpu, overlapping, 2), VCPU_ERR_BAD_REGION);
    assert_null(vcpu);
}

static void test_memory_access(void **state)
{
    (void)state;
    struct vcpu *vcpu = make_vcpu();
    uint8_t in[8] = {1, 2, 3, 4, 5, 6, 7, 8}, out[8] = {0};
    assert_int_equal(vcpu_write_mem(vcpu, DATA + 16, in, 8, true), VCPU_OK);
    assert_int_equal(vcpu_read_mem(vcpu, DATA + 16, out, 8), VCPU_OK);
    assert_memory_equal(in, out, 8);
    assert_int_equal(vcpu_write_mem(vcpu, RODATA, in, 8, true), VCPU_ERR_READ_ONLY);
    assert_int_equal(vcpu_write_mem(vcpu, RODATA, in, 8, false), VCPU_OK);
    assert_int_equal(vcpu_read_mem(vcpu, 0x10000000u, out, 4), VCPU_ERR_UNMAPPED);
    /* Straddling the end of a region into nothing. */
    assert_int_equal(vcpu_read_mem(vcpu, DATA + 0x40000 - 4, out, 8), VCPU_ERR_UNMAPPED);
    /* The private page is not the partition's. */
    assert_int_equal(vcpu_read_mem(vcpu, 0xfffff000u, out, 4), VCPU_ERR_UNMAPPED);
    vcpu_destroy(vcpu);
}

/* A host buffer region is the same memory in every engine that maps it. */
static void test_shared_buffer(void **state)
{
    (void)state;
    struct vcpu *a = make_vcpu(), *b = make_vcpu();
    const uint8_t word[4] = {0xde, 0xad, 0xbe, 0xef};
    uint8_t out[4] = {0};
    assert_int_equal(vcpu_write_mem(a, PCT + 8, word, 4, true), VCPU_OK);
    assert_int_equal(vcpu_read_mem(b, PCT + 8, out, 4), VCPU_OK);
    assert_memory_equal(out, word, 4);
    assert_memory_equal(pct_page + 8, word, 4);
    vcpu_destroy(a);
    vcpu_destroy(b);
}

static void test_boot_state(void **state)
{
    (void)state;
    struct vcpu *vcpu = make_vcpu();
    vcpu_set_reg(vcpu, REG(L, 3), 0x1234); /* must be cleared by the boot */
    vcpu_set_reg(vcpu, VCPU_Y, 0x55);
    assert_int_equal(vcpu_boot(vcpu, CODE + 0x40, PCT), VCPU_OK);
    uint32_t psr = vcpu_get_reg(vcpu, VCPU_PSR);
    assert_int_equal(psr & 0x00ffffffu, psr_et); /* icc, EF, PIL, S, PS = 0 */
    assert_int_equal(psr & psr_cwp, 0);
    assert_int_equal(vcpu_get_reg(vcpu, VCPU_WIM), 0x2);
    assert_int_equal(vcpu_get_reg(vcpu, VCPU_TBR), 0);
    assert_int_equal(vcpu_get_reg(vcpu, VCPU_Y), 0);
    assert_int_equal(vcpu_get_reg(vcpu, VCPU_PC), CODE + 0x40);
    assert_int_equal(vcpu_get_reg(vcpu, VCPU_NPC), CODE + 0x44);
    for (int r = VCPU_G0; r < VCPU_PC; r++) {
        uint32_t want = r == REG(G, 1) ? PCT : 0;
        assert_int_equal(vcpu_get_reg(vcpu, (enum vcpu_reg)r), want);
    }
    for (uint32_t w = 0; w < 8; w++) {
        for (int r = VCPU_O0; r < VCPU_PC; r++) {
            assert_int_equal(vcpu_get_window_reg(vcpu, w, (enum vcpu_reg)r), 0);
        }
    }
    vcpu_destroy(vcpu);
}

/* The partition sees the boot state; hypercall exits leave registers
 * readable and the ta is skipped on request. */
static void test_boot_and_hypercalls(void **state)
{
    (void)state;
    struct vcpu *vcpu = make_vcpu();
    struct vcpu_exit exit;
    load(vcpu, VCPU_TEST_BIN_BOOT);
    assert_int_equal(vcpu_boot(vcpu, CODE, PCT), VCPU_OK);
    assert_int_equal(vcpu_run(vcpu, 1000, &exit), VCPU_OK);
    assert_int_equal(exit.reason, VCPU_EXIT_HYPERCALL);
    assert_int_equal(exit.trap_type, 0xf0);
    assert_int_equal(exit.pc, CODE + 12);
    assert_int_equal(exit.npc, CODE + 16);
    assert_int_equal(vcpu_get_reg(vcpu, VCPU_O0), 0x11);
    assert_int_equal(vcpu_get_reg(vcpu, REG(O, 1)), PCT);
    /* subcc %g0, 1: N and C set, computed from the engine's lazy flags. */
    assert_int_equal((vcpu_get_reg(vcpu, VCPU_PSR) >> 20) & 0xf, 0x9);
    assert_int_equal(vcpu_get_reg(vcpu, VCPU_PC), CODE + 12);
    vcpu_skip_instruction(vcpu);
    assert_int_equal(vcpu_get_reg(vcpu, VCPU_PC), CODE + 16);
    assert_int_equal(vcpu_get_reg(vcpu, VCPU_NPC), CODE + 20);
    assert_int_equal(vcpu_run(vcpu, 1000, &exit), VCPU_OK);
    assert_int_equal(exit.reason, VCPU_EXIT_ASM_HYPERCALL);
    assert_int_equal(exit.pc, CODE + 20);
    vcpu_skip_instruction(vcpu);
    assert_int_equal(vcpu_run(vcpu, 1000, &exit), VCPU_OK);
    assert_int_equal(exit.reason, VCPU_EXIT_HYPERCALL);
    assert_int_equal(vcpu_get_reg(vcpu, VCPU_O0), 0x23);
    vcpu_destroy(vcpu);
}

/* Loading new code where code already ran: the new code runs. */
static void test_reload_code(void **state)
{
    (void)state;
    struct vcpu *vcpu = make_vcpu();
    struct vcpu_exit exit;
    load(vcpu, VCPU_TEST_BIN_BOOT);
    assert_int_equal(vcpu_boot(vcpu, CODE, PCT), VCPU_OK);
    assert_int_equal(vcpu_run(vcpu, 1000, &exit), VCPU_OK);
    assert_int_equal(exit.reason, VCPU_EXIT_HYPERCALL);
    load(vcpu, VCPU_TEST_BIN_TRAPS); /* case 0 at CODE: rd %psr in user mode */
    assert_int_equal(vcpu_boot(vcpu, CODE, PCT), VCPU_OK);
    assert_int_equal(vcpu_run(vcpu, 1000, &exit), VCPU_OK);
    assert_int_equal(exit.reason, VCPU_EXIT_TRAP);
    assert_int_equal(exit.trap_type, 0x03);
    vcpu_destroy(vcpu);
}

/* Cycles charged for running the two words at CODE (the second a `ta`). */
static uint64_t run_words(struct vcpu *vcpu, const uint8_t words[8])
{
    struct vcpu_exit exit;
    assert_int_equal(vcpu_write_mem(vcpu, CODE, words, 8, false), VCPU_OK);
    assert_int_equal(vcpu_boot(vcpu, CODE, PCT), VCPU_OK);
    assert_int_equal(vcpu_run(vcpu, 1000, &exit), VCPU_OK);
    assert_int_equal(exit.reason, VCPU_EXIT_HYPERCALL);
    return exit.cycles;
}

/* Code reloaded where code already ran is charged as the new code, not
 * from the costs cached for the old one (same block address and size). */
static void test_reload_code_cost(void **state)
{
    (void)state;
    static const uint8_t add[8] = {0x82, 0x00, 0x40, 0x01, 0x91, 0xd0, 0x20, 0xf0};
    static const uint8_t smul[8] = {0x82, 0x58, 0x40, 0x01, 0x91, 0xd0, 0x20, 0xf0};
    struct vcpu *fresh = make_vcpu();
    uint64_t smul_cycles = run_words(fresh, smul);
    vcpu_destroy(fresh);
    struct vcpu *vcpu = make_vcpu();
    uint64_t add_cycles = run_words(vcpu, add);
    assert_int_not_equal(add_cycles, smul_cycles);
    assert_int_equal(run_words(vcpu, smul), smul_cycles);
    assert_int_equal(run_words(vcpu, add), add_cycles);
    vcpu_destroy(vcpu);
}

static void test_special_registers(void **state)
{
    (void)state;
    struct vcpu *vcpu = make_vcpu();
    assert_int_equal(vcpu_boot(vcpu, CODE, PCT), VCPU_OK);
    vcpu_set_reg(vcpu, VCPU_Y, 0xcafef00d);
    vcpu_set_reg(vcpu, VCPU_TBR, 0x40001000);
    vcpu_set_reg(vcpu, VCPU_WIM, 0x1ff); /* 8 windows: bit 8 dropped */
    vcpu_set_reg(vcpu, VCPU_NPC, CODE + 0x100);
    assert_int_equal(vcpu_get_reg(vcpu, VCPU_Y), 0xcafef00d);
    assert_int_equal(vcpu_get_reg(vcpu, VCPU_TBR), 0x40001000);
    assert_int_equal(vcpu_get_reg(vcpu, VCPU_WIM), 0xff);
    assert_int_equal(vcpu_get_reg(vcpu, VCPU_PC), CODE);
    assert_int_equal(vcpu_get_reg(vcpu, VCPU_NPC), CODE + 0x100);
    uint32_t psr = 0x00a00000u | (9u << 8) | psr_s | psr_et | 3u;
    vcpu_set_reg(vcpu, VCPU_PSR, psr);
    assert_int_equal(vcpu_get_reg(vcpu, VCPU_PSR) & 0x00ffffffu, psr);
    vcpu_destroy(vcpu);
}

/* Changing CWP moves the current window; every window stays reachable. */
static void test_windows_follow_cwp(void **state)
{
    (void)state;
    struct vcpu *vcpu = make_vcpu();
    assert_int_equal(vcpu_boot(vcpu, CODE, PCT), VCPU_OK);
    for (uint32_t w = 0; w < 8; w++) {
        vcpu_set_window_reg(vcpu, w, VCPU_L0, 0x100 + w);
        vcpu_set_window_reg(vcpu, w, VCPU_O0, 0x200 + w);
    }
    for (uint32_t w = 0; w < 8; w++) {
        vcpu_set_reg(vcpu, VCPU_PSR, psr_et | w);
        assert_int_equal(vcpu_get_reg(vcpu, VCPU_L0), 0x100 + w);
        assert_int_equal(vcpu_get_reg(vcpu, VCPU_O0), 0x200 + w);
        assert_int_equal(vcpu_get_reg(vcpu, VCPU_I0), 0x200 + (w + 1) % 8);
    }
    /* Writing the current window through the register API at CWP 7 (whose
     * ins live in the engine's wrap area) is seen as window 0's outs. */
    vcpu_set_reg(vcpu, VCPU_PSR, psr_et | 7u);
    vcpu_set_reg(vcpu, REG(I, 5), 0xabc);
    assert_int_equal(vcpu_get_window_reg(vcpu, 0, REG(O, 5)), 0xabc);
    vcpu_set_reg(vcpu, VCPU_PSR, psr_et | 0u);
    assert_int_equal(vcpu_get_reg(vcpu, REG(O, 5)), 0xabc);
    vcpu_destroy(vcpu);
}

static const uint32_t psr_ef = 1u << 12, fsr_ver = 0x000e0000u;

static uint32_t data_word(struct vcpu *vcpu, uint32_t address)
{
    uint8_t b[4];
    assert_int_equal(vcpu_read_mem(vcpu, address, b, 4), VCPU_OK);
    return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

/* %f0-%f31 and %fsr written by the host are what the guest computes with
 * (RD toward zero included), what it computes is what the host reads, and
 * a boot clears them all. */
static void test_fp_registers(void **state)
{
    (void)state;
    static const uint32_t code[5] = {
        0xcb20a000u, /* st %f5, [%g2] */
        0xc128a004u, /* st %fsr, [%g2 + 4] */
        0x85a009a1u, /* fdivs %f0, %f1, %f2 */
        0xc520a008u, /* st %f2, [%g2 + 8] */
        0x91d020f0u, /* ta 0xf0 */
    };
    uint8_t bytes[sizeof code];
    for (size_t i = 0; i < sizeof bytes; i++) {
        bytes[i] = (uint8_t)(code[i / 4] >> (24 - 8 * (i % 4)));
    }
    struct vcpu *vcpu = make_vcpu();
    struct vcpu_exit exit;
    assert_int_equal(vcpu_write_mem(vcpu, CODE, bytes, sizeof bytes, false), VCPU_OK);
    assert_int_equal(vcpu_boot(vcpu, CODE, PCT), VCPU_OK);
    vcpu_set_reg(vcpu, VCPU_PSR, psr_et | psr_ef);
    vcpu_set_reg(vcpu, REG(G, 2), DATA);
    for (uint32_t i = 0; i < 32; i++) {
        vcpu_set_reg(vcpu, (enum vcpu_reg)(VCPU_F0 + i), 0x7f000000u | i);
    }
    vcpu_set_reg(vcpu, VCPU_F0, 0x3f800000u);     /* 1.0f */
    vcpu_set_reg(vcpu, VCPU_F0 + 1, 0x40400000u); /* 3.0f */
    vcpu_set_reg(vcpu, VCPU_FSR, 0xc0000000u);    /* RD: toward zero */
    assert_int_equal(vcpu_run(vcpu, 1000, &exit), VCPU_OK);
    assert_int_equal(exit.reason, VCPU_EXIT_HYPERCALL);
    assert_int_equal(data_word(vcpu, DATA), 0x7f000005u);
    uint32_t fsr = vcpu_get_reg(vcpu, VCPU_FSR);
    assert_int_equal(data_word(vcpu, DATA + 4) & ~fsr_ver, 0xc0000000u);
    assert_int_equal(fsr & ~fsr_ver, 0xc0000021u); /* then fdivs: inexact in cexc and aexc */
    assert_int_equal(data_word(vcpu, DATA + 8), 0x3eaaaaaau); /* 1/3 rounded down */
    assert_int_equal(vcpu_get_reg(vcpu, VCPU_F0 + 2), 0x3eaaaaaau);
    assert_int_equal(vcpu_get_reg(vcpu, VCPU_F0 + 31), 0x7f00001fu);
    assert_int_equal(vcpu_boot(vcpu, CODE, PCT), VCPU_OK);
    for (uint32_t i = 0; i < 32; i++) {
        assert_int_equal(vcpu_get_reg(vcpu, (enum vcpu_reg)(VCPU_F0 + i)), 0);
    }
    assert_int_equal(vcpu_get_reg(vcpu, VCPU_FSR), fsr & fsr_ver);
    vcpu_destroy(vcpu);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_probe_self_test),   cmocka_unit_test(test_bad_regions),
        cmocka_unit_test(test_memory_access),     cmocka_unit_test(test_shared_buffer),
        cmocka_unit_test(test_boot_state),        cmocka_unit_test(test_boot_and_hypercalls),
        cmocka_unit_test(test_reload_code),       cmocka_unit_test(test_reload_code_cost),
        cmocka_unit_test(test_special_registers), cmocka_unit_test(test_windows_follow_cwp),
        cmocka_unit_test(test_fp_registers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
