/* XM_idle_self through the fake port: in its own slot a partition gets the
 * CPU back when an interrupt it would take goes pending (its HW timer, an
 * owned hardware line); a masked or disabled one, or one that arrives
 * outside the slot, leaves it idle until its next slot. */
#include "timeirq_fixture.h"
#include <stdlib.h>
#include <xm/api.h>
#include <xm/guest.h>
#include <xm/hypercalls.h>

static const struct hv_mem_area area = {"a", 0x40000000, 0x1000, 0x40000000, 0};
/* P0 runs [0, 50) ms, P1 [50, 100) ms. */
static const struct hv_slot slots[] = {
    {0, 0, 50000, 0, 0, 0},
    {1, 50000, 50000, 1, 0, 0},
};
static const struct hv_plan plan = {0, "p", 100000, slots, 2};
static const uint32_t to_p0[] = {0};
static const struct hv_ipvi ipvis[] = {{0, 1, to_p0, 1}};
static const struct hv_partition_config partitions[] = {
    {.id = 0,
     .name = "Sleeper",
     .flags = HV_PART_BOOT,
     .areas = &area,
     .area_count = 1,
     .irq_lines = 1u << 4,
     .hm = FAKE_HM_HALT},
    {.id = 1, .name = "Other", .flags = HV_PART_BOOT, .areas = &area, .area_count = 1},
};
static const struct hv_config config = {.cpu_khz = 50000,
                                        .plans = &plan,
                                        .plan_count = 1,
                                        .partitions = partitions,
                                        .partition_count = 2,
                                        .ipvis = ipvis,
                                        .ipvi_count = 1};

#define TBR 0x40000000u
#define HW_TIMER (1u << XM_VT_EXT_HW_TIMER)
#define IPVI0 (1u << XM_VT_EXT_IPVI0)

/* P0 with a trap table, virtual interrupts on, the slot-start IRQ dropped,
 * its HW timer and IPVI 0 unmasked. */
static int setup(void **state)
{
    fixture_boot(state, &config);
    fixture_ready(*state, TBR, 0, HW_TIMER | IPVI0);
    return 0;
}

static void set_timer(struct fixture *f, int64_t abs_us)
{
    const uint32_t args[5] = {XM_HW_CLOCK, 0, (uint32_t)abs_us, 0, 0};
    assert_int_equal(fake_port_hypercall5(&f->hv, set_timer_nr, args), XM_OK);
}

static void idle(struct fixture *f)
{
    assert_int_equal(call(f, idle_self_nr, 0, 0, 0), XM_OK);
    assert_int_equal(hv_current(&f->hv), HV_IDLE);
    assert_int_equal(f->hv.partitions[0].state, HV_STATE_IDLE);
}

/* P0 holds the CPU again since `since` µs and takes vector first. */
static void assert_resumed(struct fixture *f, uint64_t since, uint32_t vector)
{
    assert_int_equal(hv_current(&f->hv), 0);
    assert_int_equal(f->hv.partitions[0].state, HV_STATE_READY);
    assert_int_equal(f->hv.partitions[0].run_start_us, since);
    assert_int_equal(hv_resume(&f->hv), HV_TRAP_REDIRECTED);
    assert_int_equal(f->port.cpu[0].trap_enter_address, TBR + 16 * vector);
}

static void test_timer_in_the_slot_wakes_at_its_time(void **state)
{
    struct fixture *f = *state;
    fake_port_run_until(&f->hv, 1000);
    set_timer(f, 10000);
    idle(f);
    fake_port_run_until(&f->hv, 9999);
    assert_int_equal(hv_current(&f->hv), HV_IDLE);
    fake_port_run_until(&f->hv, 10000);
    assert_resumed(f, 10000, 224 + XM_VT_EXT_HW_TIMER);
    assert_true(f->hv.partitions[0].exec_us <= 1000); /* idle time is not run time */
    fake_port_run_until(&f->hv, 50000);
    assert_int_equal(hv_current(&f->hv), 1);
}

static void test_masked_timer_waits_for_the_next_slot(void **state)
{
    struct fixture *f = *state;
    call(f, set_irqmask_nr, 0, HW_TIMER, 0);
    set_timer(f, 10000);
    idle(f);
    fake_port_run_until(&f->hv, 49999);
    assert_int_equal(hv_current(&f->hv), HV_IDLE);
    assert_int_equal(f->hv.partitions[0].state, HV_STATE_IDLE);
    fake_port_run_until(&f->hv, 100000);
    assert_int_equal(hv_current(&f->hv), 0);
    assert_int_equal(f->hv.partitions[0].state, HV_STATE_READY);
}

static void test_disabled_virtual_interrupts_wait_too(void **state)
{
    struct fixture *f = *state;
    hv_asm_hypercall(&f->hv, sparc_set_pil_nr, 0); /* PIL 15: none taken */
    set_timer(f, 10000);
    idle(f);
    fake_port_run_until(&f->hv, 49999);
    assert_int_equal(f->hv.partitions[0].state, HV_STATE_IDLE);
}

static void test_interrupt_after_the_slot_waits_for_the_next(void **state)
{
    struct fixture *f = *state;
    set_timer(f, 70000);
    idle(f);
    fake_port_run_until(&f->hv, 50000);
    assert_int_equal(hv_current(&f->hv), 1);
    assert_int_equal(call(f, raise_ipvi_nr, XM_VT_EXT_IPVI0, 0, 0), XM_OK);
    fake_port_run_until(&f->hv, 99999);
    assert_int_equal(hv_current(&f->hv), 1);
    assert_int_equal(f->hv.partitions[0].state, HV_STATE_IDLE);
    fake_port_run_until(&f->hv, 100000);
    assert_resumed(f, 100000, 224 + XM_VT_EXT_IPVI0); /* the highest pending first */
}

static void test_owned_line_wakes(void **state)
{
    struct fixture *f = *state;
    call(f, clear_irqmask_nr, 1u << 4, 0, 0);
    fake_port_run_until(&f->hv, 2000);
    idle(f);
    fake_port_run_until(&f->hv, 3000);
    hv_irq(&f->hv, 4);
    assert_resumed(f, 3000, 0x10 + 4);
}

static void test_pending_interrupt_returns_at_once(void **state)
{
    struct fixture *f = *state;
    call(f, set_irqpend_nr, 0, HW_TIMER, 0);
    uint32_t switches = f->port.traced[HV_TRACE_SWITCH];
    assert_int_equal(call(f, idle_self_nr, 0, 0, 0), XM_OK);
    assert_int_equal(hv_current(&f->hv), 0);
    assert_int_equal(f->hv.partitions[0].state, HV_STATE_READY);
    assert_int_equal(f->port.traced[HV_TRACE_SWITCH], switches);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_timer_in_the_slot_wakes_at_its_time, setup, teardown),
        cmocka_unit_test_setup_teardown(test_masked_timer_waits_for_the_next_slot, setup, teardown),
        cmocka_unit_test_setup_teardown(test_disabled_virtual_interrupts_wait_too, setup, teardown),
        cmocka_unit_test_setup_teardown(test_interrupt_after_the_slot_waits_for_the_next, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_owned_line_wakes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_pending_interrupt_returns_at_once, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
