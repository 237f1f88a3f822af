/* cpu/: the register-window operations the hypervisor does for a
 * partition (vcpu_trap_enter, vcpu_trap_return, vcpu_flush_windows,
 * vcpu_fill_caller_window) on a real engine, with no guest code running. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "cpu/vcpu.h"

#define CODE 0x40000000u
#define DATA 0x40100000u
#define PSR_CWP 0x1fu
#define FRAME_WORDS 16

static struct vcpu *booted(void)
{
    const struct vcpu_region regions[] = {
        {CODE, 0x10000, VCPU_PERM_READ | VCPU_PERM_EXEC, NULL},
        {DATA, 0x10000, VCPU_PERM_READ | VCPU_PERM_WRITE, NULL},
    };
    struct vcpu *vcpu = NULL;
    assert_int_equal(vcpu_create(&vcpu, regions, 2), VCPU_OK);
    assert_int_equal(vcpu_boot(vcpu, CODE, DATA), VCPU_OK);
    return vcpu;
}

static uint32_t cwp(struct vcpu *vcpu)
{
    return vcpu_get_reg(vcpu, VCPU_PSR) & PSR_CWP;
}

static void set_cwp_wim(struct vcpu *vcpu, uint32_t window, uint32_t wim)
{
    vcpu_set_reg(vcpu, VCPU_PSR, (vcpu_get_reg(vcpu, VCPU_PSR) & ~PSR_CWP) | window);
    vcpu_set_reg(vcpu, VCPU_WIM, wim);
}

/* Window w: %sp = sp, locals and ins tagged (w << 8 | register). */
static void tag_window(struct vcpu *vcpu, uint32_t w, uint32_t sp)
{
    for (uint32_t i = 0; i < 8; i++) {
        vcpu_set_window_reg(vcpu, w, VCPU_L0 + i, w << 8 | i);
        if (i != 6)
            vcpu_set_window_reg(vcpu, w, VCPU_I0 + i, w << 8 | (8 + i));
    }
    vcpu_set_window_reg(vcpu, w, VCPU_O0 + 6, sp);
}

/* The 16 big-endian words at sp: window w's locals then ins. */
static void assert_frame(struct vcpu *vcpu, uint32_t w, uint32_t sp)
{
    uint8_t bytes[4 * FRAME_WORDS];
    assert_int_equal(vcpu_read_mem(vcpu, sp, bytes, sizeof bytes), VCPU_OK);
    for (uint32_t i = 0; i < FRAME_WORDS; i++) {
        uint32_t word = (uint32_t)bytes[4 * i] << 24 | (uint32_t)bytes[4 * i + 1] << 16 |
                        (uint32_t)bytes[4 * i + 2] << 8 | bytes[4 * i + 3];
        uint32_t want = i < 8 ? vcpu_get_window_reg(vcpu, w, VCPU_L0 + i)
                              : vcpu_get_window_reg(vcpu, w, VCPU_I0 + i - 8);
        assert_int_equal(word, want);
    }
}

static void test_enter_and_return(void **state)
{
    (void)state;
    struct vcpu *vcpu = booted();
    vcpu_set_reg(vcpu, VCPU_PC, CODE + 0x40);
    vcpu_set_reg(vcpu, VCPU_NPC, CODE + 0x80); /* in a delay slot */
    assert_int_equal(vcpu_trap_enter(vcpu, CODE + 0x850, 0x12345678), VCPU_OK);
    assert_int_equal(cwp(vcpu), 7);
    assert_int_equal(vcpu_get_reg(vcpu, VCPU_WIM), 0x2);
    assert_int_equal(vcpu_get_reg(vcpu, VCPU_L0), 0x12345678);
    assert_int_equal(vcpu_get_reg(vcpu, VCPU_L0 + 1), CODE + 0x40);
    assert_int_equal(vcpu_get_reg(vcpu, VCPU_L0 + 2), CODE + 0x80);
    assert_int_equal(vcpu_get_reg(vcpu, VCPU_PC), CODE + 0x850);
    assert_int_equal(vcpu_get_reg(vcpu, VCPU_NPC), CODE + 0x854);
    assert_int_equal(vcpu_trap_return(vcpu, CODE + 0x80, CODE + 0x84), VCPU_OK);
    assert_int_equal(cwp(vcpu), 0);
    assert_int_equal(vcpu_get_reg(vcpu, VCPU_PC), CODE + 0x80);
    assert_int_equal(vcpu_get_reg(vcpu, VCPU_NPC), CODE + 0x84);
    vcpu_destroy(vcpu);
}

/* CWP 2 with window 1 invalid: entering window 1 first spills window 0. */
static void test_enter_spills_the_oldest_window(void **state)
{
    (void)state;
    struct vcpu *vcpu = booted();
    set_cwp_wim(vcpu, 2, 1u << 1);
    tag_window(vcpu, 0, DATA + 0x800);
    assert_int_equal(vcpu_trap_enter(vcpu, CODE, 0), VCPU_OK);
    assert_int_equal(cwp(vcpu), 1);
    assert_int_equal(vcpu_get_reg(vcpu, VCPU_WIM), 1u << 0);
    assert_frame(vcpu, 0, DATA + 0x800);
    vcpu_destroy(vcpu);
}

static void test_enter_with_a_bad_stack_changes_nothing(void **state)
{
    (void)state;
    struct vcpu *vcpu = booted();
    set_cwp_wim(vcpu, 2, 1u << 1);
    tag_window(vcpu, 0, 0x10000000); /* unmapped */
    assert_int_equal(vcpu_trap_enter(vcpu, CODE + 0x100, 0), VCPU_ERR_BAD_STACK);
    tag_window(vcpu, 0, DATA + 4); /* misaligned */
    assert_int_equal(vcpu_trap_enter(vcpu, CODE + 0x100, 0), VCPU_ERR_BAD_STACK);
    assert_int_equal(cwp(vcpu), 2);
    assert_int_equal(vcpu_get_reg(vcpu, VCPU_WIM), 1u << 1);
    assert_int_equal(vcpu_get_reg(vcpu, VCPU_PC), CODE);
    vcpu_destroy(vcpu);
}

static void test_return_into_an_invalid_window(void **state)
{
    (void)state;
    struct vcpu *vcpu = booted();
    set_cwp_wim(vcpu, 4, 1u << 5);
    assert_int_equal(vcpu_trap_return(vcpu, CODE + 8, CODE + 12), VCPU_ERR_INVALID_WINDOW);
    assert_int_equal(cwp(vcpu), 4);
    assert_int_equal(vcpu_get_reg(vcpu, VCPU_PC), CODE);
    vcpu_destroy(vcpu);
}

/* CWP 4, window 0 invalid: callers 5, 6, 7 go to their stacks. */
static void test_flush(void **state)
{
    (void)state;
    struct vcpu *vcpu = booted();
    set_cwp_wim(vcpu, 4, 1u << 0);
    for (uint32_t w = 5; w <= 7; w++)
        tag_window(vcpu, w, DATA + 0x100 * w);
    tag_window(vcpu, 4, DATA + 0x400);
    assert_int_equal(vcpu_flush_windows(vcpu), VCPU_OK);
    for (uint32_t w = 5; w <= 7; w++)
        assert_frame(vcpu, w, DATA + 0x100 * w);
    uint8_t untouched[64] = {0}, bytes[64];
    assert_int_equal(vcpu_read_mem(vcpu, DATA + 0x400, bytes, 64), VCPU_OK);
    assert_memory_equal(bytes, untouched, 64); /* the current window stays */
    assert_int_equal(vcpu_get_reg(vcpu, VCPU_WIM), 1u << 5);
    assert_int_equal(cwp(vcpu), 4);
    tag_window(vcpu, 6, 0x10000000);
    assert_int_equal(vcpu_flush_windows(vcpu), VCPU_OK); /* nothing left to flush */
    set_cwp_wim(vcpu, 4, 1u << 0);
    assert_int_equal(vcpu_flush_windows(vcpu), VCPU_ERR_BAD_STACK);
    assert_int_equal(vcpu_get_reg(vcpu, VCPU_WIM), 1u << 0);
    vcpu_destroy(vcpu);
}

static void test_fill_caller(void **state)
{
    (void)state;
    struct vcpu *vcpu = booted();
    set_cwp_wim(vcpu, 4, 1u << 6); /* one caller: window 5 */
    tag_window(vcpu, 5, DATA + 0x500);
    assert_int_equal(vcpu_flush_windows(vcpu), VCPU_OK);
    for (uint32_t i = 0; i < 8; i++)
        vcpu_set_window_reg(vcpu, 5, VCPU_L0 + i, 0xdead);
    assert_int_equal(vcpu_fill_caller_window(vcpu), VCPU_OK);
    assert_int_equal(vcpu_get_window_reg(vcpu, 5, VCPU_L0 + 3), 5u << 8 | 3);
    assert_int_equal(vcpu_get_reg(vcpu, VCPU_WIM), 1u << 6);
    vcpu_set_window_reg(vcpu, 5, VCPU_L0 + 3, 0xbeef);
    assert_int_equal(vcpu_fill_caller_window(vcpu), VCPU_OK); /* valid: left alone */
    assert_int_equal(vcpu_get_window_reg(vcpu, 5, VCPU_L0 + 3), 0xbeef);
    vcpu_destroy(vcpu);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_enter_and_return),
        cmocka_unit_test(test_enter_spills_the_oldest_window),
        cmocka_unit_test(test_enter_with_a_bad_stack_changes_nothing),
        cmocka_unit_test(test_return_into_an_invalid_window),
        cmocka_unit_test(test_flush),
        cmocka_unit_test(test_fill_caller),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
