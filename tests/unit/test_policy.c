/* The hypercall policy (hvcore/src/policy.c) through the fake port: no
 * policy keeps XtratuM's rule; a restricted partition's refused calls
 * return XM_PERM_ERROR, are traced and raise XM_HM_EV_HYPERCALL_DENIED
 * with its table's action; management targets; a policy never widens
 * XtratuM's rule. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "hm_fixture.h"
#include <hvcore/policy.h>
#include <xm/api.h>
#include <xm/guest.h>

#define TIME_BUF 0x40000800u

static uint64_t group_calls(const char *name)
{
    for (uint32_t g = 0; g < hv_policy_group_count; g++) {
        if (strcmp(hv_policy_groups[g].name, name) == 0)
            return hv_policy_groups[g].calls;
    }
    fail_msg("no group %s", name);
    return 0;
}

static uint32_t group_objects(const char *name)
{
    for (uint32_t g = 0; g < hv_policy_group_count; g++) {
        if (strcmp(hv_policy_groups[g].name, name) == 0)
            return hv_policy_groups[g].objects;
    }
    fail_msg("no group %s", name);
    return 0;
}

/* User (0) may use ports and time only; its refusals are IGNOREd and logged. */
static void restrict_user_to_ports_and_time(struct fixture *f)
{
    f->parts[0].policy = (struct hv_policy){
        .restrict_calls = true,
        .calls = group_calls("ports") | group_calls("time"),
        .objects = group_objects("ports") | group_objects("time"),
    };
    f->parts[0].hm[XM_HM_EV_HYPERCALL_DENIED] = (struct hv_hm_entry){XM_HM_AC_IGNORE, true};
}

static int32_t call(struct fixture *f, uint32_t nr, uint32_t a1, uint32_t a2, bool *completes)
{
    return hcall(f, nr, a1, a2, 0, 0, completes);
}

static void test_no_policy_is_xtratum_rule(void **state)
{
    struct fixture *f = *state;
    bool completes;
    assert_int_equal(call(f, get_time_nr, XM_HW_CLOCK, TIME_BUF, &completes), XM_OK);
    assert_int_equal(call(f, set_cache_state_nr, XM_DCACHE, 1, &completes), XM_OK);
    assert_int_equal(call(f, suspend_partition_nr, 1, 0, &completes), XM_PERM_ERROR);
    assert_int_equal(f->port.traced[HV_TRACE_POLICY_DENIED], 0);
    assert_int_equal(f->hv.hm.events, 0); /* XtratuM's refusal raises nothing */
}

static void test_refused_call_perm_error_trace_hm(void **state)
{
    struct fixture *f = *state;
    bool completes;
    restrict_user_to_ports_and_time(f);
    assert_int_equal(call(f, get_time_nr, XM_HW_CLOCK, TIME_BUF, &completes), XM_OK);
    assert_int_equal(call(f, set_cache_state_nr, XM_DCACHE, 1, &completes), XM_PERM_ERROR);
    assert_true(completes);
    const struct hv_trace_event *denied = &f->port.last_traced[HV_TRACE_POLICY_DENIED];
    assert_int_equal(f->port.traced[HV_TRACE_POLICY_DENIED], 1);
    assert_int_equal(denied->partition, 0);
    assert_int_equal(denied->a, set_cache_state_nr);
    assert_int_equal(denied->c, HV_POLICY_CALL_DENIED);
    assert_int_equal(f->hv.hm.last.event, XM_HM_EV_HYPERCALL_DENIED);
    assert_int_equal(f->hv.hm.last.action, XM_HM_AC_IGNORE);
    assert_int_equal(f->hv.hm.count, 1); /* logged */
    assert_int_equal(f->port.last_traced[HV_TRACE_HYPERCALL].b, (uint32_t)XM_PERM_ERROR);
    assert_int_equal(hv_current(&f->hv), 0);
}

static void test_object_calls_by_class(void **state)
{
    struct fixture *f = *state;
    bool completes;
    restrict_user_to_ports_and_time(f);
    uint32_t status = OBJDESC_BUILD(OBJ_CLASS_STATUS, 0, 0);
    uint32_t port = OBJDESC_BUILD(OBJ_CLASS_SAMPLING_PORT, 0, 0);
    uint32_t console = OBJDESC_BUILD(OBJ_CLASS_CONSOLE, 0, 0);
    assert_int_equal(call(f, ctrl_object_nr, status, 0, &completes), XM_PERM_ERROR);
    assert_int_equal(f->port.last_traced[HV_TRACE_POLICY_DENIED].b, OBJ_CLASS_STATUS);
    assert_int_equal(f->port.last_traced[HV_TRACE_POLICY_DENIED].c, HV_POLICY_OBJECT_DENIED);
    /* a port and the console reach their handlers (no such port: not a refusal) */
    assert_int_not_equal(call(f, ctrl_object_nr, port, 0, &completes), XM_PERM_ERROR);
    assert_int_equal(hcall(f, write_object_nr, console, 0, 0, 0, &completes), XM_OK);
    assert_int_equal(f->port.traced[HV_TRACE_POLICY_DENIED], 1);
}

/* Every hypercall with the first argument naming partition 1: the ones
 * outside ports, time and the base are refused, one HM event each; the
 * prober keeps the CPU and its neighbours are untouched. */
static void test_probe_every_hypercall(void **state)
{
    struct fixture *f = *state;
    bool completes;
    restrict_user_to_ports_and_time(f);
    const uint32_t refused[] = {0,  1,  2,  3,  4,  5,  6,  10, 11, 12, 13,
                                19, 20, 21, 22, 23, 33, 34, 35, 36, 37, 38};
    uint32_t expected = 0;
    for (uint32_t nr = 0; nr < NR_HYPERCALLS; nr++) {
        if (nr == idle_self_nr || nr == reset_vcpu_nr || nr == halt_vcpu_nr)
            continue; /* the base's calls that give up the CPU: below */
        uint32_t before = f->port.traced[HV_TRACE_POLICY_DENIED];
        int32_t result = hcall(f, nr, 1, 0, 0, 0, &completes);
        bool is_refused = expected < sizeof refused / sizeof refused[0] && refused[expected] == nr;
        assert_int_equal(f->port.traced[HV_TRACE_POLICY_DENIED], before + (is_refused ? 1 : 0));
        if (is_refused) {
            assert_int_equal(result, XM_PERM_ERROR);
            expected++;
        }
        assert_true(completes);
        assert_int_equal(hv_current(&f->hv), 0);
    }
    assert_int_equal(expected, sizeof refused / sizeof refused[0]);
    assert_int_equal(f->hv.hm.events, expected);
    assert_int_equal(f->hv.partitions[1].state, HV_STATE_READY);
    assert_int_equal(f->hv.partitions[2].state, HV_STATE_HALTED);
    assert_int_equal(f->port.boots[1], 1);
    assert_false(hv_system_halted(&f->hv));
    /* acting on itself is the base: it may halt itself */
    assert_int_equal(call(f, halt_partition_nr, 0, 0, &completes), XM_OK);
    assert_false(completes);
}

static void test_hm_action_halts_the_caller(void **state)
{
    struct fixture *f = *state;
    bool completes;
    restrict_user_to_ports_and_time(f);
    f->parts[0].hm[XM_HM_EV_HYPERCALL_DENIED] = (struct hv_hm_entry){XM_HM_AC_HALT, false};
    assert_int_equal(call(f, raise_ipvi_nr, XM_VT_EXT_IPVI0, 0, &completes), XM_PERM_ERROR);
    assert_int_equal(f->hv.partitions[0].state, HV_STATE_HALTED);
    assert_int_equal(hv_current(&f->hv), HV_IDLE);
    assert_int_equal(f->hv.hm.count, 0); /* not logged */
}

/* System (1) may manage User (0) only. */
static void test_management_targets(void **state)
{
    struct fixture *f = *state;
    bool completes;
    f->parts[1].policy = (struct hv_policy){.restrict_targets = true, .targets = 1u << 0};
    f->parts[1].hm[XM_HM_EV_HYPERCALL_DENIED] = (struct hv_hm_entry){XM_HM_AC_IGNORE, true};
    run_system_slot(f);
    assert_int_equal(call(f, resume_partition_nr, 2, 0, &completes), XM_PERM_ERROR);
    assert_int_equal(f->port.last_traced[HV_TRACE_POLICY_DENIED].b, 2);
    assert_int_equal(f->port.last_traced[HV_TRACE_POLICY_DENIED].c, HV_POLICY_TARGET_DENIED);
    assert_int_equal(hcall(f, reset_partition_nr, 2, 0, XM_COLD_RESET, 0, &completes),
                     XM_PERM_ERROR);
    assert_int_equal(f->hv.partitions[2].state, HV_STATE_HALTED);
    assert_int_equal(call(f, suspend_partition_nr, 0, 0, &completes), XM_OK);
    assert_int_equal(f->hv.partitions[0].state, HV_STATE_SUSPENDED);
    assert_int_equal(call(f, resume_partition_nr, 0, 0, &completes), XM_OK);
    /* calls without a target are not restricted by targets */
    assert_int_equal(call(f, switch_sched_plan_nr, 1, 0x40000900u, &completes), XM_OK);
    assert_int_equal(f->port.traced[HV_TRACE_POLICY_DENIED], 2);
    assert_int_equal(f->hv.hm.events, 2);
}

/* A policy only narrows: a user partition given management still may not
 * manage others (XtratuM's rule; no HM event), and a system partition
 * without management may not either (the policy's refusal). */
static void test_policy_never_widens(void **state)
{
    struct fixture *f = *state;
    bool completes;
    f->parts[0].policy =
        (struct hv_policy){.restrict_calls = true, .calls = group_calls("management")};
    assert_int_equal(call(f, suspend_partition_nr, 1, 0, &completes), XM_PERM_ERROR);
    assert_int_equal(f->port.traced[HV_TRACE_POLICY_DENIED], 0);
    assert_int_equal(f->hv.hm.events, 0);
    f->parts[1].policy = (struct hv_policy){.restrict_calls = true, .calls = group_calls("time")};
    f->parts[1].hm[XM_HM_EV_HYPERCALL_DENIED] = (struct hv_hm_entry){XM_HM_AC_IGNORE, false};
    run_system_slot(f);
    assert_int_equal(call(f, suspend_partition_nr, 0, 0, &completes), XM_PERM_ERROR);
    assert_int_equal(f->port.traced[HV_TRACE_POLICY_DENIED], 1);
    assert_int_equal(f->hv.partitions[0].state, HV_STATE_READY);
}

static void test_group_table(void **state)
{
    (void)state;
    uint64_t seen = 0;
    for (uint32_t g = 0; g < hv_policy_group_count; g++) {
        assert_int_equal(hv_policy_groups[g].calls & seen, 0); /* each call in one group */
        assert_int_equal(hv_policy_groups[g].calls & HV_POLICY_BASE_CALLS, 0);
        seen |= hv_policy_groups[g].calls;
    }
    for (uint32_t nr = 0; nr < NR_HYPERCALLS; nr++) {
        if (hv_policy_call_name(nr) == 0)
            continue; /* a number XtratuM leaves empty */
        bool grouped = (seen | HV_POLICY_BASE_CALLS) & HV_POLICY_CALL(nr);
        assert_true(grouped);
    }
    assert_string_equal(hv_policy_call_name(raise_ipvi_nr), "raise_ipvi");
    assert_null(hv_policy_call_name(28));
    assert_null(hv_policy_call_name(NR_HYPERCALLS));
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_no_policy_is_xtratum_rule),  T(test_refused_call_perm_error_trace_hm),
        T(test_object_calls_by_class),      T(test_probe_every_hypercall),
        T(test_hm_action_halts_the_caller), T(test_management_targets),
        T(test_policy_never_widens),        cmocka_unit_test(test_group_table),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
