/* cpu/: running partitions: window traps, exits, faults, cycle charging. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "cpu/timing.h"
#include "vcpu_fixture.h"

#define BIG_BUDGET 100000000u

static struct vcpu *make_vcpu(void)
{
    return vcpu_fixture_make(NULL);
}

static void load(struct vcpu *vcpu, const char *path)
{
    vcpu_fixture_load(vcpu, path);
}

static struct vcpu *booted(const char *path, uint32_t entry)
{
    struct vcpu *vcpu = make_vcpu();
    load(vcpu, path);
    assert_int_equal(vcpu_boot(vcpu, entry, PCT), VCPU_OK);
    return vcpu;
}

/* Depth 250 through 8 windows: hundreds of spills and fills. */
static void test_deep_recursion(void **state)
{
    (void)state;
    struct vcpu *vcpu = booted(VCPU_TEST_BIN_RECURSE, CODE);
    struct vcpu_exit exit;
    assert_int_equal(vcpu_run(vcpu, BIG_BUDGET, &exit), VCPU_OK);
    assert_int_equal(exit.reason, VCPU_EXIT_HYPERCALL);
    assert_int_equal(vcpu_get_reg(vcpu, VCPU_O0), 250 * 251 / 2);
    /* Back in the boot window (0), which the last restore had to fill: the
     * invalid window is again the one above it, as at boot. */
    assert_int_equal(vcpu_get_reg(vcpu, VCPU_PSR) & 0x1f, 0);
    assert_int_equal(vcpu_get_reg(vcpu, VCPU_WIM), 0x2);
    /* Same inputs, same cycles. */
    struct vcpu *again = booted(VCPU_TEST_BIN_RECURSE, CODE);
    struct vcpu_exit exit2;
    assert_int_equal(vcpu_run(again, BIG_BUDGET, &exit2), VCPU_OK);
    assert_int_equal(exit2.cycles, exit.cycles);
    vcpu_destroy(again);
    vcpu_destroy(vcpu);
}

static void test_spill_to_bad_stack(void **state)
{
    (void)state;
    struct vcpu *vcpu = booted(VCPU_TEST_BIN_BAD_STACK, CODE);
    struct vcpu_exit exit;
    assert_int_equal(vcpu_run(vcpu, BIG_BUDGET, &exit), VCPU_OK);
    assert_int_equal(exit.reason, VCPU_EXIT_TRAP);
    assert_int_equal(exit.trap_type, 0x09);
    assert_int_equal(exit.fault_address, 0x10000000u);
    /* sethi, then six saves: the seventh traps. */
    assert_int_equal(exit.pc, CODE + 1 * 4 + 6 * 4);
    assert_int_equal(exit.npc, exit.pc + 4);
    assert_int_equal(vcpu_get_reg(vcpu, VCPU_PSR) & 0x1f, 2); /* save not done */
    assert_int_equal(vcpu_get_reg(vcpu, VCPU_WIM), 0x2);
    vcpu_destroy(vcpu);
}

struct trap_case {
    uint32_t entry_offset;
    uint32_t trap_type;
    uint32_t pc_offset;  /* from the entry */
    uint32_t npc_offset; /* from the entry */
    uint32_t fault_address;
    enum vcpu_exit_reason reason;
};

/* Offsets of the faulting instruction in traps.S (set = sethi + or). */
static const struct trap_case trap_cases[] = {
    {0x000, 0x03, 8, 12, 0, VCPU_EXIT_TRAP},            /* rd %psr */
    {0x100, 0x07, 12, 16, 0x40100003u, VCPU_EXIT_TRAP}, /* ld misaligned */
    {0x200, 0x2a, 8, 12, 0, VCPU_EXIT_TRAP},            /* udiv by 0 */
    {0x300, 0x09, 12, 16, 0x10000008u, VCPU_EXIT_TRAP}, /* ld unmapped */
    {0x400, 0x09, 12, 16, RODATA + 12, VCPU_EXIT_TRAP}, /* st read-only */
    {0x500, 0x02, 4, 8, 0, VCPU_EXIT_TRAP},             /* unimp */
    {0x600, 0x0a, 8, 12, 0, VCPU_EXIT_TRAP},            /* taddcctv */
    {0x700, 0x85, 4, 8, 0, VCPU_EXIT_TRAP},             /* ta 5 */
    {0x900, 0x09, 12, 20, 0x10000004u, VCPU_EXIT_TRAP}, /* ld in delay slot */
    {0xa00, 0xf0, 4, 12, 0, VCPU_EXIT_HYPERCALL},       /* ta in delay slot */
    {0xb00, 0x09, 8, 12, CODE, VCPU_EXIT_TRAP},         /* st into code */
    {0xd00, 0x04, 4, 8, 0, VCPU_EXIT_TRAP},             /* FP disabled */
    {0xe00, 0x00, 8, 12, 0, VCPU_EXIT_POWER_DOWN},      /* wr %asr19: past it */
    {0xf00, 0x00, 16, 20, 0, VCPU_EXIT_POWER_DOWN},     /* in a delay slot */
};

/* One engine runs every case in turn: it must stay usable after each. */
static void test_trap_exits(void **state)
{
    (void)state;
    struct vcpu *vcpu = make_vcpu();
    load(vcpu, VCPU_TEST_BIN_TRAPS);
    for (size_t i = 0; i < sizeof trap_cases / sizeof trap_cases[0]; i++) {
        const struct trap_case *c = &trap_cases[i];
        struct vcpu_exit exit;
        uint32_t entry = CODE + c->entry_offset;
        print_message("case at +0x%x\n", c->entry_offset);
        assert_int_equal(vcpu_boot(vcpu, entry, PCT), VCPU_OK);
        assert_int_equal(vcpu_run(vcpu, BIG_BUDGET, &exit), VCPU_OK);
        assert_int_equal(exit.reason, c->reason);
        assert_int_equal(exit.trap_type, c->trap_type);
        assert_int_equal(exit.pc, entry + c->pc_offset);
        assert_int_equal(exit.npc, entry + c->npc_offset);
        assert_int_equal(exit.fault_address, c->fault_address);
        assert_int_equal(vcpu_get_reg(vcpu, VCPU_PC), exit.pc);
        assert_int_equal(vcpu_get_reg(vcpu, VCPU_NPC), exit.npc);
        /* Instructions before the trap ran once, none after it. */
        if (c->entry_offset != 0xa00 && c->entry_offset != 0x900 && c->entry_offset != 0xb00) {
            assert_int_equal(vcpu_get_reg(vcpu, REG(G, 3)), 1);
        }
    }
    vcpu_destroy(vcpu);
}

/* After a trap the hypervisor can skip the instruction and go on. */
static void test_resume_after_trap(void **state)
{
    (void)state;
    struct vcpu *vcpu = booted(VCPU_TEST_BIN_TRAPS, CODE + 0xa00);
    struct vcpu_exit exit;
    assert_int_equal(vcpu_run(vcpu, BIG_BUDGET, &exit), VCPU_OK);
    assert_int_equal(exit.reason, VCPU_EXIT_HYPERCALL);
    vcpu_skip_instruction(vcpu); /* to the branch target, not past the slot */
    assert_int_equal(vcpu_run(vcpu, BIG_BUDGET, &exit), VCPU_OK);
    assert_int_equal(exit.reason, VCPU_EXIT_HYPERCALL);
    assert_int_equal(exit.pc, CODE + 0xa00 + 16);
    assert_int_equal(vcpu_get_reg(vcpu, VCPU_O0), 0x5a);
    /* A fault, then the same engine runs something else. */
    assert_int_equal(vcpu_boot(vcpu, CODE + 0x300, PCT), VCPU_OK);
    assert_int_equal(vcpu_run(vcpu, BIG_BUDGET, &exit), VCPU_OK);
    assert_int_equal(exit.trap_type, 0x09);
    vcpu_skip_instruction(vcpu);
    assert_int_equal(vcpu_run(vcpu, BIG_BUDGET, &exit), VCPU_OK);
    assert_int_equal(exit.reason, VCPU_EXIT_HYPERCALL);
    assert_int_equal(exit.pc, CODE + 0x300 + 16);
    vcpu_destroy(vcpu);
}

/* After a power-down the vCPU goes on with the instruction after the
 * write, once: nothing is skipped (issue 11: it was a fault at the next
 * PC, which an IGNORE action skipped). Only the block's part up to the
 * write is charged. */
static void test_power_down_resumes_after_the_write(void **state)
{
    (void)state;
    struct vcpu *vcpu = booted(VCPU_TEST_BIN_TRAPS, CODE + 0xe00);
    struct vcpu_exit exit, whole;
    assert_int_equal(vcpu_run(vcpu, BIG_BUDGET, &exit), VCPU_OK);
    assert_int_equal(exit.reason, VCPU_EXIT_POWER_DOWN);
    assert_int_equal(vcpu_run(vcpu, BIG_BUDGET, &whole), VCPU_OK);
    assert_int_equal(whole.reason, VCPU_EXIT_HYPERCALL);
    assert_int_equal(whole.pc, CODE + 0xe00 + 12);
    assert_int_equal(vcpu_get_reg(vcpu, REG(G, 3)), 2);
    /* add %g3, 1, %g3 and wr %g0, %asr19: not the add and ta after. */
    assert_int_equal(exit.cycles,
                     vcpu_timing_insn_cost(0x8600e001u) + vcpu_timing_insn_cost(0xa7800000u));
    vcpu_destroy(vcpu);
}

static void test_fetch_fault(void **state)
{
    (void)state;
    struct vcpu *vcpu = booted(VCPU_TEST_BIN_TRAPS, CODE + 0x800);
    struct vcpu_exit exit;
    assert_int_equal(vcpu_run(vcpu, BIG_BUDGET, &exit), VCPU_OK);
    assert_int_equal(exit.reason, VCPU_EXIT_TRAP);
    assert_int_equal(exit.trap_type, 0x01);
    assert_int_equal(exit.pc, 0x20000000u);
    assert_int_equal(exit.fault_address, 0x20000000u);
    assert_int_equal(vcpu_get_reg(vcpu, REG(G, 3)), 1); /* the delay slot ran */
    vcpu_destroy(vcpu);
}

/* Fill from the stack: a bad %sp is the partition's fault, a good one
 * brings the saved locals and ins back. */
static void test_fill_from_stack(void **state)
{
    (void)state;
    struct vcpu *vcpu = booted(VCPU_TEST_BIN_TRAPS, CODE + 0xc00);
    struct vcpu_exit exit;
    const uint32_t entry = CODE + 0xc00;
    vcpu_set_reg(vcpu, VCPU_PSR, (vcpu_get_reg(vcpu, VCPU_PSR) & ~0x1fu) | 7u);
    vcpu_set_window_reg(vcpu, 0, REG(I, 6), 0x10000000u); /* window 1's %sp */
    assert_int_equal(vcpu_run(vcpu, BIG_BUDGET, &exit), VCPU_OK);
    assert_int_equal(exit.trap_type, 0x09);
    assert_int_equal(exit.pc, entry + 4);
    assert_int_equal(exit.fault_address, 0x10000000u);
    vcpu_set_window_reg(vcpu, 0, REG(I, 6), DATA + 0x104);
    assert_int_equal(vcpu_run(vcpu, BIG_BUDGET, &exit), VCPU_OK);
    assert_int_equal(exit.trap_type, 0x07);
    assert_int_equal(exit.pc, entry + 4);
    assert_int_equal(exit.fault_address, DATA + 0x104);
    uint8_t frame[64];
    for (int i = 0; i < 64; i++) {
        frame[i] = (uint8_t)i;
    }
    assert_int_equal(vcpu_write_mem(vcpu, DATA + 0x100, frame, 64, true), VCPU_OK);
    vcpu_set_window_reg(vcpu, 0, REG(I, 6), DATA + 0x100);
    assert_int_equal(vcpu_run(vcpu, BIG_BUDGET, &exit), VCPU_OK);
    assert_int_equal(exit.reason, VCPU_EXIT_HYPERCALL);
    assert_int_equal(vcpu_get_reg(vcpu, VCPU_PSR) & 0x1f, 1);
    assert_int_equal(vcpu_get_reg(vcpu, VCPU_L0), 0x00010203u);
    assert_int_equal(vcpu_get_reg(vcpu, REG(I, 7)), 0x3c3d3e3fu);
    assert_int_equal(vcpu_get_reg(vcpu, VCPU_WIM), 0x4); /* rotated left */
    vcpu_destroy(vcpu);
}

/* The paper's counter loop costs 6 cycles per iteration. */
static void test_counter_cycles(void **state)
{
    (void)state;
    struct vcpu *vcpu = booted(VCPU_TEST_BIN_COUNTER, CODE);
    struct vcpu_exit exit;
    /* First block: sethi + the loop body (7 cycles), then 9999 loop blocks. */
    assert_int_equal(vcpu_run(vcpu, 60001, &exit), VCPU_OK);
    assert_int_equal(exit.reason, VCPU_EXIT_BUDGET);
    uint8_t bytes[4];
    assert_int_equal(vcpu_read_mem(vcpu, DATA, bytes, 4), VCPU_OK);
    uint32_t count = (uint32_t)bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3];
    print_message("counter: %u increments in %llu cycles\n", count,
                  (unsigned long long)exit.cycles);
    assert_int_equal(count, 10000);
    assert_int_equal(exit.cycles, 60001);
    vcpu_destroy(vcpu);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_deep_recursion),
        cmocka_unit_test(test_spill_to_bad_stack),
        cmocka_unit_test(test_trap_exits),
        cmocka_unit_test(test_resume_after_trap),
        cmocka_unit_test(test_fetch_fault),
        cmocka_unit_test(test_fill_from_stack),
        cmocka_unit_test(test_counter_cycles),
        cmocka_unit_test(test_power_down_resumes_after_the_write),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
