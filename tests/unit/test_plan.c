/* hvcore's plan switching through the fake port: XM_switch_sched_plan's
 * checks, the switch at the end of the major frame (last request wins),
 * the simulator's external request, the plan status (ctrl_object on the
 * status object), the immediate switch of the HM (hv_sched_switch_now)
 * and get_gid_by_name. */
#include "hvcore/src/internal.h" /* hv_sched_switch_now */
#include "timeirq_fixture.h"
#include <stdlib.h>
#include <string.h>
#include <xm/api.h>
#include <xm/hypercalls.h>
#include <xm/objdir.h>
#include <xm/plan.h>

static const struct hv_mem_area area = {"a", 0x40000000, 0x1000, 0x40000000, 0};
/* Plan 0: 10 ms frame, P0 [0, 5). Plan 1: 6 ms frame, P0 [0, 1), P1 [3, 4).
 * Plan 2: 10 ms frame, P1 [2, 10). */
static const struct hv_slot slots0[] = {{0, 0, 5000, 0, 0, 0}};
static const struct hv_slot slots1[] = {{0, 0, 1000, 0, 0, 0}, {1, 3000, 1000, 1, 0, 0}};
static const struct hv_slot slots2[] = {{0, 2000, 8000, 1, 0, 0}};
static const struct hv_plan plans[] = {
    {0, "init", 10000, slots0, 1},
    {1, "fast", 6000, slots1, 2},
    {2, "maintenance", 10000, slots2, 1},
};
static const struct hv_partition_config partitions[] = {
    {.id = 0,
     .name = "Sys",
     .flags = HV_PART_BOOT | HV_PART_SYSTEM,
     .areas = &area,
     .area_count = 1},
    {.id = 1, .name = "User", .flags = HV_PART_BOOT, .areas = &area, .area_count = 1},
};
static const struct hv_config config = {.cpu_khz = 50000,
                                        .plans = plans,
                                        .plan_count = 3,
                                        .partitions = partitions,
                                        .partition_count = 2};

#define GUEST 0x40000100u

static int setup(void **state)
{
    return fixture_boot(state, &config);
}

static uint32_t guest_word(struct fixture *f, uint32_t partition, uint32_t address)
{
    const uint8_t *p = &f->port.guest[partition][address - FAKE_GUEST_BASE];
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* XM_get_plan_status into GUEST: {switchTime (2 words), next, current, prev}. */
static void assert_status(struct fixture *f, uint32_t switch_us, uint32_t next, uint32_t current,
                          int32_t prev)
{
    uint32_t desc = OBJDESC_BUILD(OBJ_CLASS_STATUS, 0, 0);
    assert_int_equal(call(f, ctrl_object_nr, desc, XM_GET_SCHED_PLAN_STATUS, GUEST), XM_OK);
    assert_int_equal(guest_word(f, 0, GUEST), 0);
    assert_int_equal(guest_word(f, 0, GUEST + 4), switch_us);
    assert_int_equal(guest_word(f, 0, GUEST + 8), next);
    assert_int_equal(guest_word(f, 0, GUEST + 12), current);
    assert_int_equal(guest_word(f, 0, GUEST + 16), (uint32_t)prev);
}

static void test_status_after_reset(void **state)
{
    struct fixture *f = *state;
    assert_status(f, 0, 0, 0, -1);
    uint32_t desc = OBJDESC_BUILD(OBJ_CLASS_STATUS, 0, 0);
    assert_int_equal(call(f, ctrl_object_nr, desc, XM_GET_SCHED_PLAN_STATUS, 0x10),
                     XM_INVALID_PARAM);
    assert_int_equal(call(f, ctrl_object_nr, desc, 7, GUEST), XM_INVALID_PARAM);
}

static void test_switch_checks(void **state)
{
    struct fixture *f = *state;
    assert_int_equal(call(f, switch_sched_plan_nr, 0, GUEST, 0), XM_NO_ACTION);
    assert_int_equal(call(f, switch_sched_plan_nr, 3, GUEST, 0), XM_INVALID_PARAM);
    assert_int_equal(call(f, switch_sched_plan_nr, 1, 0x10, 0), XM_INVALID_PARAM);
    assert_int_equal(f->hv.sched.next_plan, 0);
    fake_port_run_until(&f->hv, 13000); /* no switch: plan 0's second frame, Sys */
    assert_int_equal(f->hv.sched.plan, 0);
    assert_int_equal(hv_current(&f->hv), 0);
    assert_int_equal(f->port.traced[HV_TRACE_PLAN_SWITCH], 0);
}

static void test_user_partition_may_not_switch(void **state)
{
    struct fixture *f = *state;
    call(f, switch_sched_plan_nr, 2, GUEST, 0);
    fake_port_run_until(&f->hv, 12000); /* plan 2: User runs */
    assert_int_equal(hv_current(&f->hv), 1);
    assert_int_equal(call(f, switch_sched_plan_nr, 1, GUEST, 0), XM_PERM_ERROR);
}

static void test_switch_at_the_end_of_the_frame(void **state)
{
    struct fixture *f = *state;
    f->port.guest[0][GUEST - FAKE_GUEST_BASE] = 0xff;
    assert_int_equal(call(f, switch_sched_plan_nr, 2, GUEST, 0), XM_OK);
    assert_int_equal(guest_word(f, 0, GUEST), 0);                        /* the current plan */
    assert_int_equal(call(f, switch_sched_plan_nr, 1, GUEST, 0), XM_OK); /* last one wins */
    assert_status(f, 0, 1, 0, -1);
    fake_port_run_until(&f->hv, 9999);
    assert_int_equal(f->hv.sched.plan, 0);
    assert_int_equal(f->port.traced[HV_TRACE_PLAN_SWITCH], 0);
    fake_port_run_until(&f->hv, 10000);
    assert_int_equal(f->hv.sched.plan, 1);
    assert_int_equal(f->port.traced[HV_TRACE_PLAN_SWITCH], 1);
    assert_int_equal(f->port.last_traced[HV_TRACE_PLAN_SWITCH].a, 1);
    assert_int_equal(f->port.last_traced[HV_TRACE_PLAN_SWITCH].b, 0);
    assert_int_equal(hv_current(&f->hv), 0);
    fake_port_run_until(&f->hv, 13000); /* plan 1's second slot: User */
    assert_int_equal(hv_current(&f->hv), 1);
    fake_port_run_until(&f->hv, 16000); /* plan 1's next frame */
    assert_int_equal(hv_current(&f->hv), 0);
    assert_status(f, 10000, 1, 1, 0);
    assert_int_equal(call(f, switch_sched_plan_nr, 1, GUEST, 0), XM_NO_ACTION);
    assert_int_equal(call(f, switch_sched_plan_nr, 0, GUEST, 0), XM_INVALID_PARAM);
}

static void test_switch_now(void **state)
{
    struct fixture *f = *state;
    fake_port_run_until(&f->hv, 2500); /* in the middle of Sys's slot */
    uint64_t frames = f->hv.sched.maf_count;
    assert_false(hv_sched_switch_now(&f->hv, 3));
    assert_true(hv_sched_switch_now(&f->hv, 2));
    uint64_t start = f->hv.sched.maf_start_us;
    assert_in_range(start, 2500, 2501);
    assert_int_equal(f->hv.sched.plan, 2);
    assert_int_equal(f->hv.sched.maf_count, frames + 1);
    assert_int_equal(hv_current(&f->hv), HV_IDLE); /* plan 2 starts with a gap */
    fake_port_run_until(&f->hv, start + 2000);
    assert_int_equal(hv_current(&f->hv), 1);
    assert_int_equal(f->hv.sched.switch_us, start);
    assert_int_equal(f->hv.sched.prev_plan, 0);
    /* The same plan again: the frame restarts, no plan switch. */
    assert_true(hv_sched_switch_now(&f->hv, 2));
    assert_int_equal(f->port.traced[HV_TRACE_PLAN_SWITCH], 1);
    assert_int_equal(hv_current(&f->hv), HV_IDLE);
}

/* The simulator's request (inject plan): the checks of a system
 * partition's, no caller involved, the switch at the frame's end. */
static void test_external_request(void **state)
{
    struct fixture *f = *state;
    fake_port_run_until(&f->hv, 12000); /* plan 0's second frame: no partition asked */
    assert_int_equal(hv_plan_request_external(&f->hv, 0), XM_NO_ACTION);
    assert_int_equal(hv_plan_request_external(&f->hv, 3), XM_INVALID_PARAM);
    assert_int_equal(f->hv.sched.next_plan, 0);
    assert_int_equal(hv_plan_request_external(&f->hv, 2), XM_OK);
    fake_port_run_until(&f->hv, 19999);
    assert_int_equal(f->hv.sched.plan, 0);
    fake_port_run_until(&f->hv, 20000);
    assert_int_equal(f->hv.sched.plan, 2);
    assert_int_equal(f->hv.sched.switch_us, 20000);
    assert_int_equal(f->port.last_traced[HV_TRACE_PLAN_SWITCH].a, 2);
    assert_int_equal(hv_plan_request_external(&f->hv, 0), XM_INVALID_PARAM);
}

static void put_name(struct fixture *f, const char *name)
{
    memset(&f->port.guest[0][GUEST - FAKE_GUEST_BASE], 0, 16);
    memcpy(&f->port.guest[0][GUEST - FAKE_GUEST_BASE], name, strlen(name));
}

static void test_gid_by_name(void **state)
{
    struct fixture *f = *state;
    put_name(f, "maintenance");
    assert_int_equal(call(f, get_gid_by_name_nr, GUEST, XM_PLAN_NAME, 0), 2);
    assert_int_equal(call(f, get_gid_by_name_nr, GUEST, XM_PARTITION_NAME, 0), XM_INVALID_CONFIG);
    put_name(f, "User");
    assert_int_equal(call(f, get_gid_by_name_nr, GUEST, XM_PARTITION_NAME, 0), 1);
    assert_int_equal(call(f, get_gid_by_name_nr, GUEST, 2, 0), XM_INVALID_PARAM);
    assert_int_equal(
        call(f, get_gid_by_name_nr, FAKE_GUEST_BASE + FAKE_GUEST_SIZE - 8, XM_PLAN_NAME, 0),
        XM_INVALID_PARAM); /* 16 bytes must be readable */
}

static void test_gid_of_another_partition_needs_system(void **state)
{
    struct fixture *f = *state;
    call(f, switch_sched_plan_nr, 2, GUEST, 0);
    fake_port_run_until(&f->hv, 12000); /* User runs */
    memcpy(&f->port.guest[1][GUEST - FAKE_GUEST_BASE], "Sys", 4);
    assert_int_equal(call(f, get_gid_by_name_nr, GUEST, XM_PARTITION_NAME, 0), XM_PERM_ERROR);
    memcpy(&f->port.guest[1][GUEST - FAKE_GUEST_BASE], "User", 5);
    assert_int_equal(call(f, get_gid_by_name_nr, GUEST, XM_PARTITION_NAME, 0), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_status_after_reset, setup, teardown),
        cmocka_unit_test_setup_teardown(test_switch_checks, setup, teardown),
        cmocka_unit_test_setup_teardown(test_user_partition_may_not_switch, setup, teardown),
        cmocka_unit_test_setup_teardown(test_switch_at_the_end_of_the_frame, setup, teardown),
        cmocka_unit_test_setup_teardown(test_switch_now, setup, teardown),
        cmocka_unit_test_setup_teardown(test_external_request, setup, teardown),
        cmocka_unit_test_setup_teardown(test_gid_by_name, setup, teardown),
        cmocka_unit_test_setup_teardown(test_gid_of_another_partition_needs_system, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
