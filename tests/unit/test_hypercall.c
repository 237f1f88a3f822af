/* hvcore hypercall dispatch and the services of the foundation: numbers,
 * permissions, guest-pointer checks, console, time, halt, idle. */
#include "fake_port.h"
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdlib.h>
#include <string.h>
#include <xm/hm.h>
#include <xm/hypercalls.h>
#include <xm/objdir.h>

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
     .console = 0,
     .areas = &area,
     .area_count = 1,
     .hm = FAKE_HM_HALT},
    {.id = 1,
     .name = "System",
     .flags = HV_PART_BOOT | HV_PART_SYSTEM,
     .console = 0,
     .areas = &area,
     .area_count = 1},
    {.id = 2,
     .name = "Other",
     .flags = HV_PART_BOOT,
     .console = HV_CONSOLE_NONE,
     .areas = &area,
     .area_count = 1},
};
static const struct hv_config config = {.cpu_khz = 50000,
                                        .plans = &plan,
                                        .plan_count = 1,
                                        .partitions = partitions,
                                        .partition_count = 3};

struct fixture {
    struct hv hv;
    struct fake_port port;
};

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    fake_port_init(&f->port, &f->hv);
    assert_int_equal(hv_init(&f->hv, &config, &hv_board_xm_leon3, &f->port), HV_OK);
    hv_boot(&f->hv);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    free(*state);
    return 0;
}

static int32_t call(struct fixture *f, uint32_t nr, uint32_t a1, uint32_t a2, uint32_t a3,
                    bool *completes)
{
    return fake_port_hypercall(&f->hv, nr, a1, a2, a3, completes);
}

static void test_unknown_numbers(void **state)
{
    struct fixture *f = *state;
    bool completes;
    assert_int_equal(call(f, NR_HYPERCALLS, 0, 0, 0, &completes), XM_UNKNOWN_HYPERCALL);
    assert_true(completes);
    assert_int_equal(call(f, 0xffffffffu, 0, 0, 0, &completes), XM_UNKNOWN_HYPERCALL);
    assert_int_equal(call(f, 28, 0, 0, 0, &completes), XM_UNKNOWN_HYPERCALL);
    /* XM-Q's default build leaves the SpaceWire RTC calls empty too. */
    assert_int_equal(call(f, sparc_disable_sdp_nr, 0, 0, 0, &completes), XM_UNKNOWN_HYPERCALL);
    assert_int_equal(call(f, sparc_outport_sdp_nr, 0, 0, 0, &completes), XM_UNKNOWN_HYPERCALL);
    assert_int_equal(call(f, sparc_outport_msg_nr, 0, 0, 0, &completes), XM_UNKNOWN_HYPERCALL);
}

static void test_console_write_copies_guest_bytes(void **state)
{
    struct fixture *f = *state;
    bool completes;
    memcpy(&f->port.guest[0][0x100], "hello\n", 6);
    uint32_t desc = OBJDESC_BUILD(OBJ_CLASS_CONSOLE, 0, 0);
    assert_int_equal(call(f, write_object_nr, desc, 0x40000100, 6, &completes), 6);
    fake_port_run_until(&f->hv, 2000); /* 6 characters at 115200 baud: 0.5 ms */
    assert_int_equal(f->port.bus.console_length, 6);
    assert_memory_equal(f->port.bus.console, "hello\n", 6);
}

static void test_console_rejects_bad_pointer_and_foreign_descriptor(void **state)
{
    struct fixture *f = *state;
    bool completes;
    uint32_t desc = OBJDESC_BUILD(OBJ_CLASS_CONSOLE, 0, 0);
    assert_int_equal(call(f, write_object_nr, desc, 0x10, 6, &completes), XM_INVALID_PARAM);
    assert_int_equal(call(f, write_object_nr, desc, 0x40000ffc, 8, &completes), XM_INVALID_PARAM);
    assert_int_equal(
        call(f, write_object_nr, OBJDESC_BUILD(OBJ_CLASS_CONSOLE, 1, 0), 0x40000000, 1, &completes),
        XM_PERM_ERROR);
    fake_port_run_until(&f->hv, 2000);
    assert_int_equal(f->port.bus.console_length, 0);
}

static void test_get_time_big_endian(void **state)
{
    struct fixture *f = *state;
    bool completes;
    fake_port_run_until(&f->hv, 0x12345); /* in P1's slot, [50, 100) ms */
    assert_int_equal(call(f, get_time_nr, XM_HW_CLOCK, 0x40000010, 0, &completes), XM_OK);
    assert_memory_equal(&f->port.guest[1][0x10], "\x00\x00\x00\x00\x00\x01\x23\x45", 8);
    assert_int_equal(call(f, get_time_nr, 7, 0x40000010, 0, &completes), XM_INVALID_PARAM);
    assert_int_equal(call(f, get_time_nr, XM_HW_CLOCK, 0x3ffffffc, 0, &completes),
                     XM_INVALID_PARAM);
}

static uint64_t exec_clock_of_p0(struct fixture *f)
{
    bool completes;
    assert_int_equal(hv_current(&f->hv), 0);
    assert_int_equal(call(f, get_time_nr, XM_EXEC_CLOCK, 0x40000010, 0, &completes), XM_OK);
    uint64_t value = 0;
    for (int i = 0; i < 8; i++)
        value = value << 8 | f->port.guest[0][0x10 + i];
    return value;
}

static void test_exec_clock_counts_only_running_time(void **state)
{
    struct fixture *f = *state;
    fake_port_run_until(&f->hv, 40000);
    uint64_t before = exec_clock_of_p0(f);
    fake_port_run_until(&f->hv, 110000); /* P0 ran [40,50) and [100,110) ms */
    assert_int_equal(exec_clock_of_p0(f) - before, 20000);
}

static void test_user_partition_cannot_halt_another(void **state)
{
    struct fixture *f = *state;
    bool completes;
    assert_int_equal(call(f, halt_partition_nr, 1, 0, 0, &completes), XM_PERM_ERROR);
    assert_int_equal(call(f, halt_partition_nr, 9, 0, 0, &completes), XM_INVALID_PARAM);
    assert_int_equal(f->hv.partitions[1].state, HV_STATE_READY);
}

static void test_system_partition_halts_another(void **state)
{
    struct fixture *f = *state;
    bool completes;
    fake_port_run_until(&f->hv, 60000); /* the system partition's slot */
    assert_int_equal(call(f, halt_partition_nr, 0, 0, 0, &completes), XM_OK);
    assert_true(completes);
    assert_int_equal(f->hv.partitions[0].state, HV_STATE_HALTED);
    assert_int_equal(call(f, halt_partition_nr, 0, 0, 0, &completes), XM_NO_ACTION);
    fake_port_run_until(&f->hv, 110000);
    assert_int_equal(hv_current(&f->hv), HV_IDLE);
}

static void test_halt_self_does_not_return(void **state)
{
    struct fixture *f = *state;
    bool completes;
    call(f, halt_partition_nr, 0, 0, 0, &completes);
    assert_false(completes);
    assert_int_equal(hv_current(&f->hv), HV_IDLE);
}

static void test_partition_fault_halts_it(void **state)
{
    struct fixture *f = *state;
    hv_partition_trap(&f->hv, 0x2a, 0x40000020, 0);
    assert_int_equal(f->hv.partitions[0].state, HV_STATE_HALTED);
    assert_int_equal(hv_current(&f->hv), HV_IDLE);
    assert_int_equal(f->hv.partitions[1].state, HV_STATE_READY);
}

static void test_halt_vcpu_halts_the_partition(void **state)
{
    struct fixture *f = *state;
    bool completes;
    assert_int_equal(call(f, halt_vcpu_nr, 1, 0, 0, &completes), XM_INVALID_PARAM);
    assert_true(completes);
    assert_int_equal(call(f, halt_vcpu_nr, 0, 0, 0, &completes), XM_OK);
    assert_false(completes);
    assert_int_equal(f->hv.partitions[0].state, HV_STATE_HALTED);
}

static void test_reset_vcpu_restarts_the_cpu_only(void **state)
{
    struct fixture *f = *state;
    bool completes;
    uint32_t boots = f->port.boots[0];
    assert_int_equal(call(f, reset_vcpu_nr, 1, 0x40000100, 0, &completes), XM_INVALID_PARAM);
    assert_int_equal(call(f, reset_vcpu_nr, 0, 0x40000104, 0, &completes), XM_INVALID_PARAM);
    assert_int_equal(call(f, reset_vcpu_nr, 0, 0, 0, &completes), XM_INVALID_PARAM);
    assert_int_equal(call(f, reset_vcpu_nr, 0, 0x10000000, 0, &completes), XM_INVALID_PARAM);
    assert_int_equal(f->port.boots[0], boots);
    assert_int_equal(call(f, reset_vcpu_nr, 0, 0x40000100, 0, &completes), XM_OK);
    assert_false(completes);
    assert_int_equal(f->port.boots[0], boots + 1);
    assert_int_equal(f->port.boot_entry[0], 0x40000100);
    assert_int_equal(f->hv.partitions[0].state, HV_STATE_READY);
    assert_int_equal(f->hv.partitions[0].reset_counter, 0);
}

static uint32_t watchdog_events(const struct fixture *f)
{
    const struct hv_trace_event *e = &f->port.last_traced[HV_TRACE_HM_EVENT];
    return e->a == XM_HM_EV_WATCHDOG_TIMER && e->partition == -1 ? f->port.traced[HV_TRACE_HM_EVENT]
                                                                 : 0;
}

static void test_reload_watchdog_is_for_system_partitions(void **state)
{
    struct fixture *f = *state;
    bool completes;
    assert_int_equal(call(f, reload_watchdog_nr, 0, 1000, 0, &completes), XM_PERM_ERROR);
    fake_port_run_until(&f->hv, 60000); /* the system partition's slot */
    assert_int_equal(call(f, reload_watchdog_nr, 0xffffffffu, 0, 0, &completes), XM_INVALID_PARAM);
}

static void test_watchdog_expires_unless_reloaded(void **state)
{
    struct fixture *f = *state;
    bool completes;
    fake_port_run_until(&f->hv, 60000);
    assert_int_equal(call(f, reload_watchdog_nr, 0, 1000, 0, &completes), XM_OK);
    fake_port_run_until(&f->hv, 60600);
    assert_int_equal(call(f, reload_watchdog_nr, 0, 1000, 0, &completes), XM_OK);
    fake_port_run_until(&f->hv, 61500); /* the first budget would have run out */
    assert_int_equal(watchdog_events(f), 0);
    fake_port_run_until(&f->hv, 61700);
    assert_int_equal(watchdog_events(f), 1);
    assert_int_equal(call(f, reload_watchdog_nr, 0, 1000, 0, &completes), XM_OK);
    assert_int_equal(call(f, reload_watchdog_nr, 0, 0, 0, &completes), XM_OK); /* off */
    fake_port_run_until(&f->hv, 65000);
    assert_int_equal(watchdog_events(f), 1);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_unknown_numbers),
        T(test_console_write_copies_guest_bytes),
        T(test_console_rejects_bad_pointer_and_foreign_descriptor),
        T(test_get_time_big_endian),
        T(test_exec_clock_counts_only_running_time),
        T(test_user_partition_cannot_halt_another),
        T(test_system_partition_halts_another),
        T(test_halt_self_does_not_return),
        T(test_partition_fault_halts_it),
        T(test_halt_vcpu_halts_the_partition),
        T(test_reset_vcpu_restarts_the_cpu_only),
        T(test_reload_watchdog_is_for_system_partitions),
        T(test_watchdog_expires_unless_reloaded),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
