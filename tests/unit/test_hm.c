/* hvcore's health monitor through the fake port: trap to event mapping,
 * each action of a partition table, the hypervisor table, the HM log
 * object (XM_hm_read, XM_hm_status) and XM_hm_raise_event. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "hm_fixture.h"
#include "hvcore/src/internal.h"
#include <xm/guest.h>

#define TT_DIV 0x2a
#define EV_DIV XM_HM_EV_SPARCV8_DIVIDE_EXCEPTION
#define FAULT_PC 0x40000abc
#define TBR 0x40000000u
#define HM_DESC OBJDESC_BUILD(OBJ_CLASS_HM, XM_HYPERVISOR_ID, 0)

static void set_action(struct fixture *f, uint32_t id, uint32_t event, uint32_t action, bool log)
{
    f->parts[id].hm[event] = (struct hv_hm_entry){action, log};
}

static enum hv_trap_outcome divide_by_zero(struct fixture *f)
{
    return hv_partition_trap(&f->hv, TT_DIV, FAULT_PC, 0);
}

static uint32_t pct_field(struct fixture *f, uint32_t id, size_t offset)
{
    return be32_at(f->port.pct[id] + offset);
}

static void test_traps_become_their_events(void **state)
{
    static const struct {
        uint32_t tt, event;
    } cases[] = {
        {0x02, XM_HM_EV_SPARCV8_ILLEGAL_INSTR},
        {0x03, XM_HM_EV_SPARCV8_PRIVILEGED_INSTR},
        {0x07, XM_HM_EV_SPARCV8_MEM_ADDR_NOT_ALIGNED},
        {0x09, XM_HM_EV_SPARCV8_DATA_ACCESS_EXCEPTION},
        {0x2a, XM_HM_EV_SPARCV8_DIVIDE_EXCEPTION},
        {0x2b, XM_HM_EV_SPARCV8_WRITE_ERROR},
        {0x00, XM_HM_EV_UNEXPECTED_TRAP},
        {0x05, XM_HM_EV_UNEXPECTED_TRAP},
    };
    struct fixture *f = *state;
    for (uint32_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        set_action(f, 0, cases[i].event, XM_HM_AC_IGNORE, false);
        assert_int_equal(hv_partition_trap(&f->hv, cases[i].tt, FAULT_PC, 0), HV_TRAP_FAULT);
        assert_int_equal(f->hv.hm.last.event, cases[i].event);
        assert_int_equal(f->hv.hm.last.partition, 0);
        assert_int_equal(f->port.last_traced[HV_TRACE_HM_EVENT].a, cases[i].event);
    }
    assert_int_equal(f->port.traced[HV_TRACE_HM_EVENT], 8);
    assert_int_equal(f->hv.hm.events, 8);
}

static void test_ignore_skips_the_instruction(void **state)
{
    struct fixture *f = *state;
    set_action(f, 0, EV_DIV, XM_HM_AC_IGNORE, false);
    assert_int_equal(divide_by_zero(f), HV_TRAP_FAULT);
    assert_true(f->hv.hm.last.skip);
    assert_int_equal(f->hv.partitions[0].state, HV_STATE_READY);
    assert_int_equal(hv_current(&f->hv), 0);
    assert_int_equal(f->hv.hm.count, 0); /* log = no */
}

static void test_default_halts_only_the_partition(void **state)
{
    struct fixture *f = *state;
    assert_int_equal(divide_by_zero(f), HV_TRAP_FAULT);
    assert_false(f->hv.hm.last.skip);
    assert_int_equal(f->hv.hm.last.action, XM_HM_AC_HALT);
    assert_int_equal(f->hv.partitions[0].state, HV_STATE_HALTED);
    assert_int_equal(hv_current(&f->hv), HV_IDLE);
    assert_false(hv_system_halted(&f->hv));
    run_system_slot(f); /* the others go on */
}

static void test_suspend(void **state)
{
    struct fixture *f = *state;
    set_action(f, 0, EV_DIV, XM_HM_AC_SUSPEND, false);
    divide_by_zero(f);
    assert_int_equal(f->hv.partitions[0].state, HV_STATE_SUSPENDED);
    assert_int_equal(pct_field(f, 0, offsetof(partitionControlTable_t, flags)) &
                         PARTITION_SUSPENDED_F,
                     PARTITION_SUSPENDED_F);
    fake_port_run_until(&f->hv, 160000); /* its next slot stays idle */
    assert_int_equal(hv_current(&f->hv), HV_IDLE);
}

static void test_cold_and_warm_reset_restart_at_the_entry(void **state)
{
    struct fixture *f = *state;
    uint32_t boots = f->port.boots[0];
    set_action(f, 0, EV_DIV, XM_HM_AC_PARTITION_WARM_RESET, false);
    divide_by_zero(f);
    assert_int_equal(f->port.boots[0], boots + 1);
    assert_int_equal(f->port.boot_entry[0], ENTRY_USER);
    assert_int_equal(pct_field(f, 0, offsetof(partitionControlTable_t, resetCounter)), 1);
    assert_int_equal(pct_field(f, 0, offsetof(partitionControlTable_t, resetStatus)),
                     XM_WARM_RESET);
    divide_by_zero(f);
    assert_int_equal(pct_field(f, 0, offsetof(partitionControlTable_t, resetCounter)), 2);
    set_action(f, 0, EV_DIV, XM_HM_AC_PARTITION_COLD_RESET, false);
    divide_by_zero(f);
    assert_int_equal(f->port.boots[0], boots + 3);
    assert_int_equal(pct_field(f, 0, offsetof(partitionControlTable_t, resetCounter)), 0);
    assert_int_equal(pct_field(f, 0, offsetof(partitionControlTable_t, resetStatus)),
                     XM_COLD_RESET);
    assert_int_equal(hv_current(&f->hv), 0); /* it goes on in its slot, from the entry */
    assert_false(f->hv.hm.last.skip);
}

static void test_propagate_delivers_to_the_trap_vector(void **state)
{
    struct fixture *f = *state;
    bool completes;
    set_action(f, 0, EV_DIV, XM_HM_AC_PROPAGATE, true);
    assert_int_equal(hcall(f, sparc_write_tbr_nr, TBR, 0, 0, 0, &completes), XM_OK);
    assert_int_equal(divide_by_zero(f), HV_TRAP_FAULT);
    assert_int_equal(f->port.cpu[0].trap_enters, 1);
    assert_int_equal(f->port.cpu[0].trap_enter_address, TBR + 16 * TT_DIV); /* trap2Vector[18] */
    assert_int_equal(f->hv.partitions[0].state, HV_STATE_READY);
    assert_false(f->hv.hm.last.skip);
}

static void test_propagate_without_a_table_is_unrecoverable(void **state)
{
    struct fixture *f = *state;
    set_action(f, 0, EV_DIV, XM_HM_AC_PROPAGATE, true);
    assert_int_equal(divide_by_zero(f), HV_TRAP_BAD_TBR);
    assert_int_equal(f->hv.hm.last.event, XM_HM_EV_PARTITION_UNRECOVERABLE);
    assert_int_equal(f->hv.partitions[0].state, HV_STATE_HALTED);
    assert_int_equal(f->hv.hm.events, 2);
}

static void test_hypervisor_reset_from_a_partition_table(void **state)
{
    struct fixture *f = *state;
    set_action(f, 0, EV_DIV, XM_HM_AC_HYPERVISOR_WARM_RESET, false);
    fake_port_run_until(&f->hv, 10000);
    divide_by_zero(f);
    assert_int_equal(f->hv.system.reset_counter, 1);
    assert_int_equal(f->hv.system.reset_status, XM_WARM_RESET);
    for (uint32_t id = 0; id < 3; id++)
        assert_int_equal(f->port.boots[id], 2);
    assert_int_equal(f->hv.partitions[2].state, HV_STATE_HALTED); /* no boot flag */
    assert_int_equal(f->hv.sched.plan, 0);
    assert_int_equal(f->hv.sched.maf_start_us, 10000); /* plan 0 again from now */
    assert_int_equal(hv_current(&f->hv), 0);
}

static void test_switch_to_maintenance_is_immediate(void **state)
{
    struct fixture *f = *state;
    set_action(f, 0, EV_DIV, XM_HM_AC_SWITCH_TO_MAINTENANCE, false);
    fake_port_run_until(&f->hv, 10000);
    divide_by_zero(f);
    assert_int_equal(f->hv.sched.plan, 1);
    assert_int_equal(hv_current(&f->hv), 1); /* plan 1's first slot is System's */
    assert_int_equal(f->port.last_traced[HV_TRACE_PLAN_SWITCH].a, 1);
    fake_port_run_until(&f->hv, 115000); /* plan 1 goes on: its frame is 100 ms */
    assert_int_equal(hv_current(&f->hv), 1);
}

static void test_hypervisor_table_halt_stops_the_system(void **state)
{
    struct fixture *f = *state;
    hv_hm_system_event(&f->hv, XM_HM_EV_INTERNAL_ERROR, -1);
    assert_true(hv_system_halted(&f->hv));
    assert_int_equal(hv_current(&f->hv), HV_IDLE);
    assert_int_equal(f->port.last_traced[HV_TRACE_HM_EVENT].partition, -1);
}

/* Log entries, as a system partition reads them. */
static int32_t hm_read(struct fixture *f, uint32_t address, uint32_t entries, bool *completes)
{
    return hcall(f, read_object_nr, HM_DESC, address, entries * XM_HMLOG_SIZE, 0, completes);
}

static void test_log_read_is_destructive_and_in_xtratum_layout(void **state)
{
    struct fixture *f = *state;
    bool completes;
    set_action(f, 0, EV_DIV, XM_HM_AC_IGNORE, true);
    f->port.cpu[0].regs[HV_CPU_PSR] = 0xf30000a0;
    fake_port_run_until(&f->hv, 1234);
    set_action(f, 0, XM_HM_EV_SPARCV8_DATA_ACCESS_EXCEPTION, XM_HM_AC_IGNORE, true);
    hv_partition_trap(&f->hv, 0x09, FAULT_PC, 0x40200010);
    divide_by_zero(f);
    run_system_slot(f);
    assert_int_equal(hm_read(f, 0x40000200, 4, &completes), 2 * XM_HMLOG_SIZE);
    const uint8_t *e = &f->port.guest[1][0x200];
    uint32_t opcode = be32_at(e);
    assert_int_equal(opcode >> HMLOG_OPCODE_EVENT_BIT, XM_HM_EV_SPARCV8_DATA_ACCESS_EXCEPTION);
    assert_int_equal(opcode & HMLOG_OPCODE_PARTID_MASK, 0);
    assert_int_equal(opcode & HMLOG_OPCODE_SYS_MASK, 0);
    assert_int_equal(opcode & HMLOG_OPCODE_VALID_CPUCTXT_MASK, HMLOG_OPCODE_VALID_CPUCTXT_MASK);
    assert_true(be64_at(e + 4) >= 1234 && be64_at(e + 4) < 1300);
    assert_int_equal(be32_at(e + 12), FAULT_PC);
    assert_int_equal(be32_at(e + 20), 0xf30000a0);
    assert_int_equal(be32_at(e + 24), 0x40200010);
    assert_int_equal(be32_at(e + XM_HMLOG_SIZE) >> HMLOG_OPCODE_EVENT_BIT, EV_DIV);
    assert_int_equal(hm_read(f, 0x40000200, 4, &completes), 0);
}

static void test_log_access_rules(void **state)
{
    struct fixture *f = *state;
    bool completes;
    set_action(f, 0, EV_DIV, XM_HM_AC_IGNORE, true);
    divide_by_zero(f);
    assert_int_equal(hm_read(f, 0x40000200, 1, &completes), XM_PERM_ERROR); /* User */
    assert_int_equal(hcall(f, ctrl_object_nr, HM_DESC, XM_HM_GET_STATUS, 0x40000200, 0, &completes),
                     XM_PERM_ERROR);
    run_system_slot(f);
    assert_int_equal(hcall(f, read_object_nr, OBJDESC_BUILD(OBJ_CLASS_HM, 1, 0), 0x40000200,
                           XM_HMLOG_SIZE, 0, &completes),
                     XM_INVALID_PARAM);
    assert_int_equal(
        hcall(f, read_object_nr, HM_DESC, 0x40000200, XM_HMLOG_SIZE - 1, 0, &completes),
        XM_INVALID_PARAM);
    assert_int_equal(hm_read(f, 0x10, 1, &completes), XM_INVALID_PARAM); /* not its memory */
    assert_int_equal(hcall(f, ctrl_object_nr, HM_DESC, XM_HM_GET_STATUS, 0x40000300, 0, &completes),
                     XM_OK);
    assert_int_equal(guest_word(f, 1, 0x40000300), 1); /* the bad read lost nothing */
    assert_int_equal(hcall(f, ctrl_object_nr, HM_DESC, 7, 0x40000300, 0, &completes),
                     XM_INVALID_PARAM);
}

static void test_full_log_drops_the_oldest(void **state)
{
    struct fixture *f = *state;
    bool completes;
    set_action(f, 0, EV_DIV, XM_HM_AC_IGNORE, true);
    set_action(f, 0, XM_HM_EV_SPARCV8_ILLEGAL_INSTR, XM_HM_AC_IGNORE, true);
    hv_partition_trap(&f->hv, 0x02, FAULT_PC, 0);
    for (uint32_t i = 0; i < HV_HM_LOG_ENTRIES; i++)
        divide_by_zero(f);
    run_system_slot(f);
    assert_int_equal(hm_read(f, 0x40000000, 1, &completes), XM_HMLOG_SIZE);
    assert_int_equal(guest_word(f, 1, 0x40000000) >> HMLOG_OPCODE_EVENT_BIT, EV_DIV);
    assert_int_equal(hcall(f, ctrl_object_nr, HM_DESC, XM_HM_GET_STATUS, 0x40000000, 0, &completes),
                     XM_OK);
    assert_int_equal(guest_word(f, 1, 0x40000000), HV_HM_LOG_ENTRIES - 1);
}

/* XM_hm_raise_event: write_object(HM of itself, &event, 1). */
static int32_t raise_events(struct fixture *f, uint32_t id, const uint32_t *events, uint32_t n,
                            bool *completes)
{
    for (uint32_t i = 0; i < n; i++) {
        uint8_t *word = &f->port.guest[id][0x400 + 4 * i];
        word[0] = 0;
        word[1] = 0;
        word[2] = 0;
        word[3] = (uint8_t)events[i];
    }
    return hcall(f, write_object_nr, OBJDESC_BUILD(OBJ_CLASS_HM, id, 0), 0x40000400, n, 0,
                 completes);
}

static void test_raise_event_takes_application_events_only(void **state)
{
    struct fixture *f = *state;
    bool completes;
    const uint32_t app[] = {XM_HM_EV_APP_NUMERIC_ERROR};
    const uint32_t mixed[] = {XM_HM_EV_APP_NUMERIC_ERROR, XM_HM_EV_PARTITION_ERROR};
    set_action(f, 0, XM_HM_EV_APP_NUMERIC_ERROR, XM_HM_AC_IGNORE, true);
    assert_int_equal(raise_events(f, 0, mixed, 2, &completes), XM_INVALID_PARAM);
    assert_int_equal(f->hv.hm.events, 0);
    assert_int_equal(raise_events(f, 0, app, 1, &completes), XM_HMLOG_SIZE);
    assert_true(completes);
    assert_int_equal(f->hv.hm.count, 1);
    assert_int_equal(f->hv.hm.log[0].opcode & HMLOG_OPCODE_VALID_CPUCTXT_MASK, 0);
    assert_int_equal(
        hcall(f, write_object_nr, OBJDESC_BUILD(OBJ_CLASS_HM, 1, 0), 0x40000400, 1, 0, &completes),
        XM_INVALID_PARAM); /* only against itself */
}

static void test_raised_event_reset_does_not_return(void **state)
{
    struct fixture *f = *state;
    bool completes;
    const uint32_t app[] = {XM_HM_EV_APP_STACK_OVERFLOW};
    set_action(f, 0, XM_HM_EV_APP_STACK_OVERFLOW, XM_HM_AC_PARTITION_COLD_RESET, false);
    raise_events(f, 0, app, 1, &completes);
    assert_false(completes);
    assert_int_equal(f->port.boots[0], 2);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_traps_become_their_events),
        T(test_ignore_skips_the_instruction),
        T(test_default_halts_only_the_partition),
        T(test_suspend),
        T(test_cold_and_warm_reset_restart_at_the_entry),
        T(test_propagate_delivers_to_the_trap_vector),
        T(test_propagate_without_a_table_is_unrecoverable),
        T(test_hypervisor_reset_from_a_partition_table),
        T(test_switch_to_maintenance_is_immediate),
        T(test_hypervisor_table_halt_stops_the_system),
        T(test_log_read_is_destructive_and_in_xtratum_layout),
        T(test_log_access_rules),
        T(test_full_log_drops_the_oldest),
        T(test_raise_event_takes_application_events_only),
        T(test_raised_event_reset_does_not_return),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
