/* hvcore's SPARC virtual traps and assembly hypercalls through the fake
 * port: sparc_write_tbr, which traps are reflected, the vector address,
 * the %l0 PSR copy and iFlags at delivery, an invalid TBR, get_psr,
 * set_psr, set_pil, clear_pil, iret, flush_regwin, ctrl_winflow, and the
 * partition faults they can end in. */
#include "fake_port.h"
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdlib.h>
#include <xm/guest.h>
#include <xm/hm.h>
#include <xm/hypercalls.h>

static const struct hv_mem_area area = {"a", 0x40000000, 0x1000, 0x40000000, 0};
static const struct hv_slot slots[] = {
    {0, 0, 50000, 0, 0, 0},
    {1, 50000, 50000, 1, 0, 0},
};
static const struct hv_plan plan = {0, "p", 100000, slots, 2};
static const struct hv_partition_config partitions[] = {
    {.id = 0,
     .name = "User",
     .flags = HV_PART_BOOT,
     .areas = &area,
     .area_count = 1,
     .hm = FAKE_HM_HALT},
    {.id = 1, .name = "Other", .flags = HV_PART_BOOT | HV_PART_FP, .areas = &area, .area_count = 1},
};
static const struct hv_config config = {.cpu_khz = 50000,
                                        .plans = &plan,
                                        .plan_count = 1,
                                        .partitions = partitions,
                                        .partition_count = 2};

#define TBR 0x40000000u
/* The real PSR the fake CPU starts with: LEON3 impl/ver, icc N and C,
 * user mode, ET = 1, CWP = 3. */
#define REAL_PSR (0xf3000000u | 0x00900000u | PSR_ET_BIT | 3u)

struct fixture {
    struct hv hv;
    struct fake_port port;
};

static struct fake_cpu *cpu0(struct fixture *f)
{
    return &f->port.cpu[0];
}

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    fake_port_init(&f->port, &f->hv);
    assert_int_equal(hv_init(&f->hv, &config, &hv_board_xm_leon3, &f->port), HV_OK);
    hv_boot(&f->hv); /* partition 0 runs */
    for (uint32_t p = 0; p < 2; p++) {
        f->port.cpu[p].regs[HV_CPU_PSR] = REAL_PSR;
        f->port.cpu[p].pc = 0x40000100;
        f->port.cpu[p].npc = 0x40000104;
    }
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    free(*state);
    return 0;
}

static uint32_t pct_word(struct fixture *f, uint32_t partition, size_t offset)
{
    const uint8_t *p = f->port.pct[partition] + offset;
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint32_t iflags(struct fixture *f)
{
    return pct_word(f, 0, offsetof(partitionControlTable_t, iFlags));
}

static void write_tbr(struct fixture *f, uint32_t tbr)
{
    bool completes;
    assert_int_equal(fake_port_hypercall(&f->hv, sparc_write_tbr_nr, tbr, 0, 0, &completes), XM_OK);
    assert_true(completes);
}

static void assert_halted(struct fixture *f)
{
    assert_int_equal(f->hv.partitions[0].state, HV_STATE_HALTED);
    assert_int_equal(f->hv.partitions[1].state, HV_STATE_READY);
    assert_int_equal(hv_current(&f->hv), HV_IDLE);
}

static void test_write_tbr_goes_to_the_pct(void **state)
{
    struct fixture *f = *state;
    write_tbr(f, 0x40001000);
    assert_int_equal(pct_word(f, 0, offsetof(partitionControlTable_t, arch.tbr)), 0x40001000);
}

static void test_software_trap_is_delivered(void **state)
{
    struct fixture *f = *state;
    write_tbr(f, TBR);
    assert_int_equal(hv_partition_trap(&f->hv, 0x85, 0x40000100, 0), HV_TRAP_REDIRECTED);
    assert_int_equal(cpu0(f)->trap_enters, 1);
    assert_int_equal(cpu0(f)->trap_enter_address, TBR + 16 * 0x85);
    assert_int_equal(cpu0(f)->regs[HV_CPU_L0 + 1], 0x40000100);
    assert_int_equal(cpu0(f)->regs[HV_CPU_L0 + 2], 0x40000104);
    /* %l0: real icc and impl/ver, S = 1, the virtual PIL (15 at boot), ET
     * now clear, CWP of the new window. */
    assert_int_equal(cpu0(f)->regs[HV_CPU_L0], 0xf3900000u | PSR_S_BIT | PSR_PIL_MASK | 2u);
    assert_int_equal(iflags(f), PSR_PIL_MASK);
    assert_int_equal(f->hv.partitions[0].state, HV_STATE_READY);
}

static void test_reflected_trap_types(void **state)
{
    static const uint32_t reflected[] = {0x80, 0x85, 0xef, 0xf2, 0xff};
    struct fixture *f = *state;
    write_tbr(f, TBR);
    for (uint32_t i = 0; i < sizeof reflected / sizeof reflected[0]; i++) {
        assert_int_equal(hv_partition_trap(&f->hv, reflected[i], 0, 0), HV_TRAP_REDIRECTED);
        assert_int_equal(cpu0(f)->trap_enter_address, TBR + 16 * reflected[i]);
    }
}

static void test_hardware_trap_faults(void **state)
{
    static const uint32_t faults[] = {0x01, 0x02, 0x03, 0x07, 0x09, 0x0a, 0x2a};
    for (uint32_t i = 0; i < sizeof faults / sizeof faults[0]; i++) {
        struct fixture *f = *state;
        write_tbr(f, TBR);
        assert_int_equal(hv_partition_trap(&f->hv, faults[i], 0, 0), HV_TRAP_FAULT);
        assert_int_equal(cpu0(f)->trap_enters, 0);
        assert_halted(f);
        teardown(state);
        setup(state);
    }
}

static void test_invalid_tbr_halts_only_that_partition(void **state)
{
    /* never set; misaligned; table running past the partition's memory */
    static const uint32_t bad[] = {0, TBR + 2, TBR + 16};
    for (uint32_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        struct fixture *f = *state;
        if (bad[i] != 0)
            write_tbr(f, bad[i]);
        assert_int_equal(hv_partition_trap(&f->hv, 0x85, 0, 0), HV_TRAP_BAD_TBR);
        assert_int_equal(cpu0(f)->trap_enters, 0);
        assert_halted(f);
        teardown(state);
        setup(state);
    }
}

static void test_delivery_with_a_bad_stack_halts(void **state)
{
    struct fixture *f = *state;
    write_tbr(f, TBR);
    cpu0(f)->stack_fails = true;
    assert_int_equal(hv_partition_trap(&f->hv, 0x85, 0, 0), HV_TRAP_BAD_STACK);
    assert_halted(f);
}

static void test_get_psr(void **state)
{
    struct fixture *f = *state;
    cpu0(f)->regs[HV_CPU_O0] = sparc_get_psr_nr;
    assert_int_equal(hv_asm_hypercall(&f->hv, sparc_get_psr_nr, 0), HV_TRAP_CONTINUE);
    assert_int_equal(cpu0(f)->regs[HV_CPU_O0],
                     0xf3900000u | PSR_S_BIT | PSR_PIL_MASK | PSR_ET_BIT | 2u);
}

static void test_set_psr(void **state)
{
    struct fixture *f = *state;
    uint32_t flags = 0x00400000u | PSR_EF_BIT | 0x500u | PSR_ET_BIT | PSR_S_BIT | 5u;
    assert_int_equal(hv_asm_hypercall(&f->hv, sparc_set_psr_nr, flags), HV_TRAP_CONTINUE);
    /* icc to the real PSR, nothing else of it; PIL and ET to iFlags; EF
     * only for an FP partition (this one is not). */
    assert_int_equal(cpu0(f)->regs[HV_CPU_PSR], (REAL_PSR & ~0x00f00000u) | 0x00400000u);
    assert_int_equal(iflags(f), 0x500u | PSR_ET_BIT);
    assert_int_equal(hv_asm_hypercall(&f->hv, sparc_set_psr_nr, 0), HV_TRAP_CONTINUE);
    assert_int_equal(iflags(f), 0);
}

static void test_set_psr_ef_for_fp_partition(void **state)
{
    struct fixture *f = *state;
    fake_port_run_until(&f->hv, 60000); /* partition 1 (FP) runs */
    assert_int_equal(hv_asm_hypercall(&f->hv, sparc_set_psr_nr, PSR_EF_BIT | PSR_ET_BIT),
                     HV_TRAP_CONTINUE);
    assert_int_equal(pct_word(f, 1, offsetof(partitionControlTable_t, iFlags)),
                     PSR_EF_BIT | PSR_ET_BIT);
}

static void set_trap_locals(struct fixture *f, uint32_t l0, uint32_t pc, uint32_t npc);

/* The FP partition starts with the virtual EF (iFlags) and the real EF
 * clear: its first FP instruction (fp_disabled, tt 0x04) turns the FPU on
 * and runs again; a partition without the flag gets the HM event. */
static void test_fp_disabled_enables_the_fpu_of_an_fp_partition(void **state)
{
    struct fixture *f = *state;
    fake_port_run_until(&f->hv, 60000); /* partition 1 (FP) runs */
    assert_int_equal(pct_word(f, 1, offsetof(partitionControlTable_t, iFlags)) & PSR_EF_BIT,
                     PSR_EF_BIT);
    assert_int_equal(f->port.cpu[1].regs[HV_CPU_PSR] & PSR_EF_BIT, 0);
    assert_int_equal(hv_partition_trap(&f->hv, 0x04, 0x40000100, 0), HV_TRAP_REDIRECTED);
    assert_int_equal(f->port.cpu[1].regs[HV_CPU_PSR] & PSR_EF_BIT, PSR_EF_BIT);
    assert_int_equal(f->port.cpu[1].pc, 0x40000100); /* the instruction runs again */
    /* With the virtual EF cleared, fp_disabled is the HM event. */
    assert_int_equal(hv_asm_hypercall(&f->hv, sparc_set_psr_nr, PSR_ET_BIT), HV_TRAP_CONTINUE);
    assert_int_equal(f->port.cpu[1].regs[HV_CPU_PSR] & PSR_EF_BIT, 0);
    assert_int_equal(hv_partition_trap(&f->hv, 0x04, 0x40000100, 0), HV_TRAP_FAULT);
    assert_int_equal(f->hv.hm.last.event, XM_HM_EV_SPARCV8_FP_DISABLED);
}

static void test_no_fpu_without_the_fp_flag(void **state)
{
    struct fixture *f = *state;
    assert_int_equal(iflags(f) & PSR_EF_BIT, 0);
    /* Neither set_psr nor a trap handler's %l0 at iret turns EF on. */
    assert_int_equal(hv_asm_hypercall(&f->hv, sparc_set_psr_nr, PSR_EF_BIT | PSR_ET_BIT),
                     HV_TRAP_CONTINUE);
    assert_int_equal(cpu0(f)->regs[HV_CPU_PSR] & PSR_EF_BIT, 0);
    write_tbr(f, TBR);
    assert_int_equal(hv_partition_trap(&f->hv, 0x85, 0, 0), HV_TRAP_REDIRECTED);
    set_trap_locals(f, PSR_EF_BIT, 0x40000200, 0x40000204);
    assert_int_equal(hv_asm_hypercall(&f->hv, sparc_iret_nr, 0), HV_TRAP_REDIRECTED);
    assert_int_equal(cpu0(f)->regs[HV_CPU_PSR] & PSR_EF_BIT, 0);
    assert_int_equal(hv_partition_trap(&f->hv, 0x04, 0x40000200, 0), HV_TRAP_FAULT);
    assert_int_equal(f->hv.hm.last.event, XM_HM_EV_SPARCV8_FP_DISABLED);
    assert_halted(f);
}

static void test_set_and_clear_pil(void **state)
{
    struct fixture *f = *state;
    assert_int_equal(hv_asm_hypercall(&f->hv, sparc_clear_pil_nr, 0), HV_TRAP_CONTINUE);
    assert_int_equal(iflags(f), PSR_ET_BIT);
    assert_int_equal(hv_asm_hypercall(&f->hv, sparc_set_pil_nr, 0), HV_TRAP_CONTINUE);
    assert_int_equal(iflags(f), PSR_PIL_MASK | PSR_ET_BIT);
}

static void set_trap_locals(struct fixture *f, uint32_t l0, uint32_t pc, uint32_t npc)
{
    cpu0(f)->regs[HV_CPU_L0] = l0;
    cpu0(f)->regs[HV_CPU_L0 + 1] = pc;
    cpu0(f)->regs[HV_CPU_L0 + 2] = npc;
}

static void test_iret(void **state)
{
    struct fixture *f = *state;
    write_tbr(f, TBR);
    assert_int_equal(hv_partition_trap(&f->hv, 0x85, 0, 0), HV_TRAP_REDIRECTED);
    set_trap_locals(f, 0x00400000u, 0x40000200, 0x40000300);
    assert_int_equal(hv_asm_hypercall(&f->hv, sparc_iret_nr, 0), HV_TRAP_REDIRECTED);
    assert_int_equal(cpu0(f)->trap_returns, 1);
    assert_int_equal(cpu0(f)->pc, 0x40000200);
    assert_int_equal(cpu0(f)->npc, 0x40000300);
    assert_int_equal(cpu0(f)->regs[HV_CPU_PSR], (REAL_PSR & ~0x00f00000u) | 0x00400000u);
    assert_int_equal(iflags(f), PSR_PIL_MASK | PSR_ET_BIT);
}

static void test_bad_iret_halts(void **state)
{
    /* unreadable PC, misaligned NPC, window to return to not in registers */
    static const struct {
        uint32_t pc, npc;
        bool caller_invalid;
    } cases[] = {
        {0x10, 0x40000104, false}, {0x40000100, 0x40000106, false}, {0x40000100, 0x40000104, true}};
    for (uint32_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct fixture *f = *state;
        set_trap_locals(f, 0, cases[i].pc, cases[i].npc);
        cpu0(f)->caller_invalid = cases[i].caller_invalid;
        assert_int_equal(hv_asm_hypercall(&f->hv, sparc_iret_nr, 0), HV_TRAP_BAD_IRET);
        assert_int_equal(cpu0(f)->trap_returns, 0);
        assert_halted(f);
        teardown(state);
        setup(state);
    }
}

static void test_window_calls(void **state)
{
    struct fixture *f = *state;
    assert_int_equal(hv_asm_hypercall(&f->hv, sparc_flush_regwin_nr, 0), HV_TRAP_CONTINUE);
    assert_int_equal(hv_asm_hypercall(&f->hv, sparc_ctrl_winflow_nr, 0), HV_TRAP_CONTINUE);
    assert_int_equal(cpu0(f)->flushes, 1);
    assert_int_equal(cpu0(f)->fills, 1);
    cpu0(f)->stack_fails = true;
    assert_int_equal(hv_asm_hypercall(&f->hv, sparc_ctrl_winflow_nr, 0), HV_TRAP_BAD_STACK);
    assert_halted(f);
}

static void test_flush_with_a_bad_stack_halts(void **state)
{
    struct fixture *f = *state;
    cpu0(f)->stack_fails = true;
    assert_int_equal(hv_asm_hypercall(&f->hv, sparc_flush_regwin_nr, 0), HV_TRAP_BAD_STACK);
    assert_halted(f);
}

static void test_unknown_asm_hypercall_does_nothing(void **state)
{
    struct fixture *f = *state;
    cpu0(f)->regs[HV_CPU_O0] = NR_ASM_HYPERCALLS;
    assert_int_equal(hv_asm_hypercall(&f->hv, NR_ASM_HYPERCALLS, 0), HV_TRAP_CONTINUE);
    assert_int_equal(hv_asm_hypercall(&f->hv, 0xffffffffu, 0), HV_TRAP_CONTINUE);
    assert_int_equal(cpu0(f)->regs[HV_CPU_O0], NR_ASM_HYPERCALLS);
    assert_int_equal(iflags(f), PSR_PIL_MASK | PSR_ET_BIT);
    assert_int_equal(f->hv.partitions[0].state, HV_STATE_READY);
}

static void test_nothing_runs(void **state)
{
    struct fixture *f = *state;
    fake_port_hypercall(&f->hv, idle_self_nr, 0, 0, 0, &(bool){false});
    fake_port_run_until(&f->hv, 40000);
    assert_int_equal(hv_current(&f->hv), HV_IDLE);
    assert_int_equal(hv_asm_hypercall(&f->hv, sparc_get_psr_nr, 0), HV_TRAP_NO_PARTITION);
    assert_int_equal(hv_partition_trap(&f->hv, 0x85, 0, 0), HV_TRAP_NO_PARTITION);
    assert_string_equal(hv_trap_outcome_str(HV_TRAP_BAD_TBR), "no valid virtual trap table (TBR)");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_write_tbr_goes_to_the_pct, setup, teardown),
        cmocka_unit_test_setup_teardown(test_software_trap_is_delivered, setup, teardown),
        cmocka_unit_test_setup_teardown(test_reflected_trap_types, setup, teardown),
        cmocka_unit_test_setup_teardown(test_hardware_trap_faults, setup, teardown),
        cmocka_unit_test_setup_teardown(test_invalid_tbr_halts_only_that_partition, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_delivery_with_a_bad_stack_halts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_get_psr, setup, teardown),
        cmocka_unit_test_setup_teardown(test_set_psr, setup, teardown),
        cmocka_unit_test_setup_teardown(test_set_psr_ef_for_fp_partition, setup, teardown),
        cmocka_unit_test_setup_teardown(test_fp_disabled_enables_the_fpu_of_an_fp_partition, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_no_fpu_without_the_fp_flag, setup, teardown),
        cmocka_unit_test_setup_teardown(test_set_and_clear_pil, setup, teardown),
        cmocka_unit_test_setup_teardown(test_iret, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_iret_halts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_window_calls, setup, teardown),
        cmocka_unit_test_setup_teardown(test_flush_with_a_bad_stack_halts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unknown_asm_hypercall_does_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_nothing_runs, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
