/* Virtual interrupt latency (HV_TRACE_VIRQ_LATENCY) through the fake
 * port: from the raise (a HW timer's deadline) to the handler's start in
 * cycles, the wait for the owner's slot reported apart, coalesced raises
 * counted from the first, and the per-partition bound's mark. */
#include "timeirq_fixture.h"
#include <xm/api.h>
#include <xm/guest.h>
#include <xm/hypercalls.h>

static const struct hv_mem_area area = {"a", 0x40000000, 0x1000, 0x40000000, 0};
static const struct hv_slot slots[] = {
    {0, 0, 50000, 0, 0, 0},
    {1, 50000, 50000, 1, 0, 0},
};
static const struct hv_plan plan = {0, "p", 100000, slots, 2};
static const uint32_t to_p1[] = {1};
static const struct hv_ipvi ipvis[] = {{0, 0, to_p1, 1}};
static struct hv_partition_config partitions[] = {
    {.id = 0,
     .name = "Fast",
     .flags = HV_PART_BOOT,
     .areas = &area,
     .area_count = 1,
     .hm = FAKE_HM_HALT},
    {.id = 1,
     .name = "Other",
     .flags = HV_PART_BOOT,
     .areas = &area,
     .area_count = 1,
     .hm = FAKE_HM_HALT},
};
static const struct hv_config config = {.cpu_khz = 50000,
                                        .plans = &plan,
                                        .plan_count = 1,
                                        .partitions = partitions,
                                        .partition_count = 2,
                                        .ipvis = ipvis,
                                        .ipvi_count = 1};

#define TBR 0x40000000u
#define CYCLES_PER_US 50u
#define TIMER_SOURCE HV_VIRQ_SOURCE(1u, XM_VT_EXT_HW_TIMER)

static int setup(void **state)
{
    partitions[0].latency_bound_us = 0;
    fixture_boot(state, &config);
    struct fixture *f = *state;
    for (uint32_t id = 0; id < 2; id++) {
        f->port.cpu[id].pc = 0x40000100; /* where the handlers' iret returns */
        f->port.cpu[id].npc = 0x40000104;
    }
    return 0;
}

static const struct hv_trace_event *latency(struct fixture *f)
{
    return &f->port.last_traced[HV_TRACE_VIRQ_LATENCY];
}

static void deliver(struct fixture *f)
{
    uint32_t before = f->port.traced[HV_TRACE_VIRQ_LATENCY];
    assert_int_equal(hv_resume(&f->hv), HV_TRAP_REDIRECTED);
    assert_int_equal(f->port.traced[HV_TRACE_VIRQ_LATENCY], before + 1);
    assert_int_equal(hv_asm_hypercall(&f->hv, sparc_iret_nr, 0), HV_TRAP_REDIRECTED);
}

static void test_timer_latency_counts_from_its_deadline(void **state)
{
    struct fixture *f = *state;
    fixture_ready(f, TBR, 0, 1u << XM_VT_EXT_HW_TIMER);
    assert_int_equal(call(f, set_timer_nr, XM_HW_CLOCK, 0, 1000), XM_OK);
    fake_port_run_until(&f->hv, 1000); /* the timer interrupt's handling takes cycles */
    f->port.bus.cycles += 123;         /* ... and so does the port before resuming */
    uint64_t now = f->port.bus.cycles;
    deliver(f);
    assert_int_equal(latency(f)->partition, 0);
    assert_int_equal(latency(f)->a, TIMER_SOURCE);
    assert_int_equal(latency(f)->b, now - 1000 * CYCLES_PER_US);
    assert_true(latency(f)->b > 123);
    assert_int_equal(latency(f)->c, 0);
}

/* An IPVI raised in partition 0's slot waits for partition 1's slot: the
 * wait is reported apart from the latency within the slot. */
static void test_wait_for_the_slot_reported(void **state)
{
    struct fixture *f = *state;
    fake_port_run_until(&f->hv, 1000);
    uint64_t raised = f->port.bus.cycles;
    assert_int_equal(call(f, raise_ipvi_nr, XM_VT_EXT_IPVI0, 0, 0), XM_OK);
    fake_port_run_until(&f->hv, 50000);
    assert_int_equal(hv_current(&f->hv), 1);
    uint64_t slot_start = f->hv.partitions[1].slot_start_cycle;
    assert_true(slot_start >= 50000 * CYCLES_PER_US);
    fixture_ready(f, TBR, 0, 1u << XM_VT_EXT_IPVI0);
    f->port.bus.cycles += 1000;
    uint64_t now = f->port.bus.cycles;
    uint32_t before = f->port.traced[HV_TRACE_VIRQ_LATENCY];
    assert_int_equal(hv_resume(&f->hv), HV_TRAP_REDIRECTED);
    assert_int_equal(f->port.traced[HV_TRACE_VIRQ_LATENCY], before + 1);
    assert_int_equal(latency(f)->partition, 1);
    assert_int_equal(latency(f)->a, HV_VIRQ_SOURCE(1u, XM_VT_EXT_IPVI0));
    assert_int_equal(latency(f)->b, now - raised);
    assert_int_equal(latency(f)->c, slot_start - raised);
}

/* Raised twice before it is taken: one delivery, counted from the first. */
static void test_coalesced_raises_count_from_the_first(void **state)
{
    struct fixture *f = *state;
    fixture_ready(f, TBR, 1u << 5, 0);
    fake_port_run_until(&f->hv, 2000);
    uint64_t first = f->port.bus.cycles;
    assert_int_equal(hv_asm_hypercall(&f->hv, sparc_set_pil_nr, 0), HV_TRAP_CONTINUE);
    assert_int_equal(call(f, set_irqpend_nr, 1u << 5, 0, 0), XM_OK);
    f->port.bus.cycles += 400;
    assert_int_equal(call(f, set_irqpend_nr, 1u << 5, 0, 0), XM_OK);
    f->port.bus.cycles += 400;
    assert_int_equal(hv_asm_hypercall(&f->hv, sparc_clear_pil_nr, 0), HV_TRAP_CONTINUE);
    uint64_t now = f->port.bus.cycles;
    deliver(f);
    assert_int_equal(latency(f)->a, HV_VIRQ_SOURCE(0u, 5u));
    assert_int_equal(latency(f)->b, now - first);
    /* taken: the next raise starts a new measurement */
    assert_int_equal(call(f, set_irqpend_nr, 1u << 5, 0, 0), XM_OK);
    f->port.bus.cycles += 7;
    deliver(f);
    assert_int_equal(latency(f)->b, 7);
}

/* Bound 10 µs = 500 cycles: 500 is within, 501 over. */
static void test_bound_marks_late_deliveries(void **state)
{
    struct fixture *f = *state;
    partitions[0].latency_bound_us = 10;
    fixture_ready(f, TBR, 1u << 5, 0);
    assert_int_equal(hv_asm_hypercall(&f->hv, sparc_set_pil_nr, 0), HV_TRAP_CONTINUE);
    assert_int_equal(call(f, set_irqpend_nr, 1u << 5, 0, 0), XM_OK);
    f->port.bus.cycles += 500;
    assert_int_equal(hv_asm_hypercall(&f->hv, sparc_clear_pil_nr, 0), HV_TRAP_CONTINUE);
    deliver(f);
    assert_int_equal(latency(f)->a, HV_VIRQ_SOURCE(0u, 5u));
    assert_int_equal(hv_asm_hypercall(&f->hv, sparc_set_pil_nr, 0), HV_TRAP_CONTINUE);
    assert_int_equal(call(f, set_irqpend_nr, 1u << 5, 0, 0), XM_OK);
    f->port.bus.cycles += 501;
    assert_int_equal(hv_asm_hypercall(&f->hv, sparc_clear_pil_nr, 0), HV_TRAP_CONTINUE);
    deliver(f);
    assert_int_equal(latency(f)->a, HV_VIRQ_SOURCE(0u, 5u) | HV_LATENCY_OVER_BOUND);
    assert_int_equal(latency(f)->b, 501);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_timer_latency_counts_from_its_deadline),
        T(test_wait_for_the_slot_reported),
        T(test_coalesced_raises_count_from_the_first),
        T(test_bound_marks_late_deliveries),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
