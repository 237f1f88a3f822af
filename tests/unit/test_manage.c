/* Partition and system management hypercalls and the status object
 * through the fake port: suspend, resume, reset (cold/warm, entry point,
 * status), shutdown, halt_system, reset_system, XM_get_partition_status,
 * XM_get_system_status: permissions, return codes, states. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "hm_fixture.h"
#include <xm/guest.h>
#include <xm/status.h>

#define STATUS_BUF 0x40000800u

static int32_t call1(struct fixture *f, uint32_t nr, uint32_t a1, bool *completes)
{
    return hcall(f, nr, a1, 0, 0, 0, completes);
}

static void test_user_partition_acts_only_on_itself(void **state)
{
    struct fixture *f = *state;
    bool completes;
    assert_int_equal(call1(f, suspend_partition_nr, 1, &completes), XM_PERM_ERROR);
    assert_int_equal(call1(f, resume_partition_nr, 0, &completes), XM_PERM_ERROR);
    assert_int_equal(hcall(f, reset_partition_nr, 1, 0, XM_COLD_RESET, 0, &completes),
                     XM_PERM_ERROR);
    assert_int_equal(call1(f, shutdown_partition_nr, 2, &completes), XM_PERM_ERROR);
    assert_int_equal(call1(f, halt_system_nr, 0, &completes), XM_PERM_ERROR);
    assert_int_equal(call1(f, reset_system_nr, XM_WARM_RESET, &completes), XM_PERM_ERROR);
    for (uint32_t id = 0; id < 3; id++)
        assert_int_equal(f->port.boots[id], 1);
    assert_false(hv_system_halted(&f->hv));
}

static void test_suspend_and_resume(void **state)
{
    struct fixture *f = *state;
    bool completes;
    run_system_slot(f);
    assert_int_equal(call1(f, suspend_partition_nr, 0, &completes), XM_OK);
    assert_int_equal(f->hv.partitions[0].state, HV_STATE_SUSPENDED);
    assert_int_equal(call1(f, suspend_partition_nr, 0, &completes), XM_NO_ACTION);
    assert_int_equal(call1(f, suspend_partition_nr, 2, &completes), XM_NO_ACTION); /* halted */
    assert_int_equal(call1(f, suspend_partition_nr, 9, &completes), XM_INVALID_PARAM);
    fake_port_run_until(&f->hv, 160000); /* User's slot of frame 2: skipped */
    assert_int_equal(hv_current(&f->hv), HV_IDLE);
    fake_port_run_until(&f->hv, 210000);
    assert_int_equal(call1(f, resume_partition_nr, 0, &completes), XM_OK);
    assert_int_equal(call1(f, resume_partition_nr, 0, &completes), XM_NO_ACTION);
    assert_int_equal(call1(f, resume_partition_nr, 2, &completes), XM_NO_ACTION);
    fake_port_run_until(&f->hv, 310000);
    assert_int_equal(hv_current(&f->hv), 0);
    assert_int_equal(f->port.boots[0], 1); /* resumed, not restarted */
}

static void test_suspend_self_returns_on_resume(void **state)
{
    struct fixture *f = *state;
    bool completes;
    assert_int_equal(call1(f, suspend_partition_nr, 0, &completes), XM_OK);
    assert_true(completes);
    assert_int_equal(hv_current(&f->hv), HV_IDLE);
}

static void test_reset_another_partition(void **state)
{
    struct fixture *f = *state;
    bool completes;
    run_system_slot(f);
    assert_int_equal(hcall(f, reset_partition_nr, 0, 0, 2, 0, &completes), XM_INVALID_PARAM);
    assert_int_equal(hcall(f, reset_partition_nr, 9, 0, 0, 0, &completes), XM_INVALID_PARAM);
    /* warm, invalid ePoint: the configured entry; the status goes to the PCT */
    assert_int_equal(hcall(f, reset_partition_nr, 0, 0xffffffffu, XM_WARM_RESET, 7, &completes),
                     XM_OK);
    assert_true(completes);
    assert_int_equal(f->port.boot_entry[0], ENTRY_USER);
    assert_int_equal(be32_at(f->port.pct[0] + offsetof(partitionControlTable_t, resetCounter)), 1);
    assert_int_equal(be32_at(f->port.pct[0] + offsetof(partitionControlTable_t, resetStatus)), 7);
    /* an ePoint inside its memory, 8-byte aligned, is taken; unaligned is not */
    hcall(f, reset_partition_nr, 0, 0x40000208, XM_WARM_RESET, 0, &completes);
    assert_int_equal(f->port.boot_entry[0], 0x40000208);
    hcall(f, reset_partition_nr, 0, 0x40000204, XM_WARM_RESET, 0, &completes);
    assert_int_equal(f->port.boot_entry[0], ENTRY_USER);
    assert_int_equal(f->hv.partitions[0].reset_counter, 3);
    /* cold: the counter back to 0; a halted partition comes back */
    hcall(f, reset_partition_nr, 2, 0, XM_COLD_RESET, 5, &completes);
    assert_int_equal(f->hv.partitions[2].state, HV_STATE_READY);
    assert_int_equal(f->hv.partitions[2].reset_status, 5);
    assert_int_equal(f->port.boot_entry[2], HV_ENTRY_IMAGE); /* no configured entry */
    assert_int_equal(hv_current(&f->hv), 1);
}

static void test_reset_self_does_not_return(void **state)
{
    struct fixture *f = *state;
    bool completes;
    hcall(f, reset_partition_nr, 0, 0, XM_COLD_RESET, 0, &completes);
    assert_false(completes);
    assert_int_equal(f->port.boots[0], 2);
    assert_int_equal(hv_current(&f->hv), 0);
}

static void test_shutdown_raises_the_extended_irq(void **state)
{
    struct fixture *f = *state;
    bool completes;
    run_system_slot(f);
    assert_int_equal(call1(f, shutdown_partition_nr, 0, &completes), XM_OK);
    uint32_t pending = be32_at(f->port.pct[0] + offsetof(partitionControlTable_t, extIrqsPend));
    /* CYCLIC_SLOT_START may be pending too: only SHUTDOWN is this call's. */
    assert_int_equal(pending & (1u << XM_VT_EXT_SHUTDOWN), 1u << XM_VT_EXT_SHUTDOWN);
    assert_int_equal(f->hv.partitions[0].state, HV_STATE_READY);
}

static void test_halt_system(void **state)
{
    struct fixture *f = *state;
    bool completes;
    run_system_slot(f);
    call1(f, halt_system_nr, 0, &completes);
    assert_false(completes);
    assert_true(hv_system_halted(&f->hv));
    assert_int_equal(f->hv.system.halted_by, 1);
    assert_int_equal(hv_current(&f->hv), HV_IDLE);
}

static void test_reset_system(void **state)
{
    struct fixture *f = *state;
    bool completes;
    run_system_slot(f);
    assert_int_equal(call1(f, reset_system_nr, 3, &completes), XM_INVALID_PARAM);
    hv_partition_trap(&f->hv, 0x02, 0x40000100, 0); /* System halted by its HM table */
    assert_int_equal(f->hv.partitions[1].state, HV_STATE_HALTED);
    fake_port_run_until(&f->hv, 160000);
    assert_int_equal(hv_current(&f->hv), 0);
    /* the User can't, so restart System by hand and have it reset the system */
    f->parts[0].flags |= HV_PART_SYSTEM;
    call1(f, reset_system_nr, XM_COLD_RESET, &completes);
    assert_false(completes);
    assert_int_equal(f->hv.system.reset_counter, 1);
    assert_int_equal(f->hv.system.reset_status, XM_COLD_RESET);
    assert_int_equal(f->hv.partitions[1].state, HV_STATE_READY);
    assert_int_equal(f->hv.partitions[2].state, HV_STATE_HALTED);
    assert_int_equal(f->hv.hm.events, 0);
    /* plan 0 again from its first slot, now (160 ms and a few µs) */
    assert_true(f->hv.sched.maf_start_us >= 160000 && f->hv.sched.maf_start_us < 160100);
    assert_int_equal(f->hv.sched.slot, 0);
}

/* ctrl_object(STATUS of id, XM_GET_SYSTEM_STATUS, STATUS_BUF) */
static int32_t get_status(struct fixture *f, uint32_t id, bool *completes)
{
    return hcall(f, ctrl_object_nr, OBJDESC_BUILD(OBJ_CLASS_STATUS, id, 0), XM_GET_SYSTEM_STATUS,
                 STATUS_BUF, 0, completes);
}

static const uint8_t *status_buf(struct fixture *f, uint32_t reader)
{
    return &f->port.guest[reader][STATUS_BUF - FAKE_GUEST_BASE];
}

static void test_partition_status(void **state)
{
    struct fixture *f = *state;
    bool completes;
    fake_port_run_until(&f->hv, 1000);
    assert_int_equal(get_status(f, 0, &completes), XM_OK);
    const uint8_t *s = status_buf(f, 0);
    assert_int_equal(be32_at(s + offsetof(xmPartitionStatus_t, state)), XM_STATUS_READY);
    uint64_t exec = be64_at(s + offsetof(xmPartitionStatus_t, execClock));
    assert_true(exec > 900 && exec <= 1000); /* it ran since boot, a few µs late */
    assert_int_equal(get_status(f, 1, &completes), XM_PERM_ERROR);
    assert_int_equal(get_status(f, XM_HYPERVISOR_ID, &completes), XM_PERM_ERROR);
    run_system_slot(f);
    hcall(f, reset_partition_nr, 0, 0, XM_WARM_RESET, 9, &completes);
    call1(f, suspend_partition_nr, 0, &completes);
    assert_int_equal(get_status(f, 0, &completes), XM_OK);
    s = status_buf(f, 1);
    assert_int_equal(be32_at(s + offsetof(xmPartitionStatus_t, state)), XM_STATUS_SUSPENDED);
    assert_int_equal(be32_at(s + offsetof(xmPartitionStatus_t, resetCounter)), 1);
    assert_int_equal(be32_at(s + offsetof(xmPartitionStatus_t, resetStatus)), 9);
    assert_int_equal(get_status(f, 2, &completes), XM_OK);
    assert_int_equal(be32_at(s + offsetof(xmPartitionStatus_t, state)), XM_STATUS_HALTED);
    assert_int_equal(get_status(f, 3, &completes), XM_INVALID_PARAM);
    assert_int_equal(hcall(f, ctrl_object_nr, OBJDESC_BUILD(OBJ_CLASS_STATUS, 0, 0),
                           XM_GET_SYSTEM_STATUS, 0x10, 0, &completes),
                     XM_INVALID_PARAM);
}

static void test_system_status(void **state)
{
    struct fixture *f = *state;
    bool completes;
    f->parts[0].hm[XM_HM_EV_SPARCV8_ILLEGAL_INSTR].action = XM_HM_AC_IGNORE;
    hv_partition_trap(&f->hv, 0x02, 0x40000100, 0);
    hv_partition_trap(&f->hv, 0x02, 0x40000100, 0);
    fake_port_run_until(&f->hv, 360000); /* frame 3, System's slot */
    assert_int_equal(get_status(f, XM_HYPERVISOR_ID, &completes), XM_OK);
    const uint8_t *s = status_buf(f, 1);
    assert_int_equal(be32_at(s + offsetof(xmSystemStatus_t, resetCounter)), 0);
    assert_int_equal(be64_at(s + offsetof(xmSystemStatus_t, noHmEvents)), 2);
    assert_int_equal(be64_at(s + offsetof(xmSystemStatus_t, currentMaf)), 2);
    assert_true(be64_at(s + offsetof(xmSystemStatus_t, noIrqs)) >= 7); /* the slot timer */
    assert_int_equal(hcall(f, ctrl_object_nr, OBJDESC_BUILD(OBJ_CLASS_STATUS, XM_HYPERVISOR_ID, 0),
                           9, STATUS_BUF, 0, &completes),
                     XM_INVALID_PARAM);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_user_partition_acts_only_on_itself),
        T(test_suspend_and_resume),
        T(test_suspend_self_returns_on_resume),
        T(test_reset_another_partition),
        T(test_reset_self_does_not_return),
        T(test_shutdown_raises_the_extended_irq),
        T(test_halt_system),
        T(test_reset_system),
        T(test_partition_status),
        T(test_system_status),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
