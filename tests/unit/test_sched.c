/* hvcore scheduler and partition states, through the fake port. */
#include "fake_port.h"
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdlib.h>
#include <string.h>
#include <xm/guest.h>
#include <xm/hypercalls.h>

static const struct hv_mem_area area0 = {"a0", 0x40000000, 0x1000, 0x40000000, 0};
static const struct hv_mem_area area1 = {"a1", 0x40000000, 0x1000, 0x40000000, 0};

/* Plan 0: P0 [0,50) ms, P1 [50,100) ms. Plan 1 (gaps): P0 [10,20), P1 [60,70). */
static const struct hv_slot plan0_slots[] = {
    {0, 0, 50000, 0, 0, 0},
    {1, 50000, 50000, 1, 0, 0},
};
static const struct hv_slot gap_slots[] = {
    {0, 10000, 10000, 0, 0, 0},
    {1, 60000, 10000, 1, 0, 0},
};

static struct hv_partition_config partitions[] = {
    {.id = 0, .name = "P0", .flags = HV_PART_BOOT, .console = 0, .areas = &area0, .area_count = 1},
    {.id = 1,
     .name = "P1",
     .flags = HV_PART_BOOT | HV_PART_SYSTEM,
     .entry_point = 0x40000100,
     .has_entry_point = true,
     .console = 0,
     .areas = &area1,
     .area_count = 1},
};

struct fixture {
    struct hv hv;
    struct fake_port port;
    struct hv_plan plan;
    struct hv_config config;
};

static struct fixture *make(const struct hv_slot *slots, uint32_t count)
{
    struct fixture *f = calloc(1, sizeof *f);
    f->plan = (struct hv_plan){0, "p", 100000, slots, count};
    f->config = (struct hv_config){.cpu_khz = 50000,
                                   .plans = &f->plan,
                                   .plan_count = 1,
                                   .partitions = partitions,
                                   .partition_count = 2};
    fake_port_init(&f->port, &f->hv);
    assert_int_equal(hv_init(&f->hv, &f->config, &hv_board_xm_leon3, &f->port), HV_OK);
    return f;
}

static struct fixture *booted(const struct hv_slot *slots, uint32_t count)
{
    struct fixture *f = make(slots, count);
    hv_boot(&f->hv);
    return f;
}

static void test_boot_runs_first_slot(void **state)
{
    (void)state;
    struct fixture *f = booted(plan0_slots, 2);
    assert_int_equal(hv_current(&f->hv), 0);
    assert_int_equal(f->hv.drivers.event_deadline, 50000);
    assert_int_equal(f->port.boots[0], 1);
    assert_int_equal(f->port.boot_entry[0], HV_ENTRY_IMAGE);
    assert_int_equal(f->port.boot_entry[1], 0x40000100);
    free(f);
}

static void test_slots_in_order_over_frames(void **state)
{
    (void)state;
    struct fixture *f = booted(plan0_slots, 2);
    for (uint64_t maf = 0; maf < 3; maf++) {
        fake_port_run_until(&f->hv, maf * 100000 + 49999);
        assert_int_equal(hv_current(&f->hv), 0);
        fake_port_run_until(&f->hv, maf * 100000 + 50000);
        assert_int_equal(hv_current(&f->hv), 1);
        fake_port_run_until(&f->hv, maf * 100000 + 99999);
        assert_int_equal(hv_current(&f->hv), 1);
    }
    assert_int_equal(f->hv.sched.maf_count, 2);
    assert_int_equal(f->hv.partitions[0].slots_started, 3);
    assert_int_equal(f->hv.partitions[1].slots_started, 3);
    free(f);
}

static void test_gaps_are_idle(void **state)
{
    (void)state;
    struct fixture *f = booted(gap_slots, 2);
    assert_int_equal(hv_current(&f->hv), HV_IDLE);
    assert_int_equal(f->hv.drivers.event_deadline, 10000);
    fake_port_run_until(&f->hv, 15000);
    assert_int_equal(hv_current(&f->hv), 0);
    fake_port_run_until(&f->hv, 30000);
    assert_int_equal(hv_current(&f->hv), HV_IDLE);
    fake_port_run_until(&f->hv, 65000);
    assert_int_equal(hv_current(&f->hv), 1);
    fake_port_run_until(&f->hv, 105000);
    assert_int_equal(hv_current(&f->hv), HV_IDLE);
    fake_port_run_until(&f->hv, 110000);
    assert_int_equal(hv_current(&f->hv), 0);
    free(f);
}

/* A slot for a partition's second vCPU (XM-Q's vCpuId 1, never started
 * here) is idle time, and the partition's own slots are unchanged. */
static void test_second_vcpu_slot_is_idle(void **state)
{
    (void)state;
    static const struct hv_slot slots[] = {
        {0, 0, 30000, 0, 0, 0},
        {1, 30000, 20000, 0, 1, 0},
        {2, 50000, 50000, 1, 0, 0},
    };
    struct fixture *f = booted(slots, 3);
    assert_int_equal(hv_current(&f->hv), 0);
    fake_port_run_until(&f->hv, 35000);
    assert_int_equal(hv_current(&f->hv), HV_IDLE);
    assert_int_equal(f->hv.partitions[0].slots_started, 1);
    fake_port_run_until(&f->hv, 60000);
    assert_int_equal(hv_current(&f->hv), 1);
    fake_port_run_until(&f->hv, 100000);
    assert_int_equal(hv_current(&f->hv), 0);
    free(f);
}

static void test_non_boot_partition_is_halted_and_its_slot_idle(void **state)
{
    (void)state;
    partitions[1].flags &= ~HV_PART_BOOT;
    struct fixture *f = booted(plan0_slots, 2);
    partitions[1].flags |= HV_PART_BOOT;
    assert_int_equal(f->hv.partitions[1].state, HV_STATE_HALTED);
    fake_port_run_until(&f->hv, 60000);
    assert_int_equal(hv_current(&f->hv), HV_IDLE);
    uint8_t *pct = f->port.pct[1];
    assert_int_equal(pct[offsetof(partitionControlTable_t, flags) + 3] & PARTITION_HALTED_F,
                     PARTITION_HALTED_F);
    free(f);
}

static int32_t call(struct fixture *f, uint32_t nr, uint32_t a1, uint32_t a2, uint32_t a3,
                    bool *completes)
{
    return fake_port_hypercall(&f->hv, nr, a1, a2, a3, completes);
}

static void test_idle_self_yields_until_next_slot(void **state)
{
    (void)state;
    bool completes;
    struct fixture *f = booted(plan0_slots, 2);
    fake_port_run_until(&f->hv, 1000);
    assert_int_equal(call(f, idle_self_nr, 0, 0, 0, &completes), XM_OK);
    assert_true(completes);
    assert_int_equal(hv_current(&f->hv), HV_IDLE);
    assert_int_equal(f->hv.partitions[0].state, HV_STATE_IDLE);
    fake_port_run_until(&f->hv, 50000);
    assert_int_equal(hv_current(&f->hv), 1);
    fake_port_run_until(&f->hv, 100000);
    assert_int_equal(hv_current(&f->hv), 0);
    assert_int_equal(f->hv.partitions[0].state, HV_STATE_READY);
    free(f);
}

static void test_pct_at_boot_and_slot_start(void **state)
{
    (void)state;
    struct fixture *f = booted(plan0_slots, 2);
    fake_port_run_until(&f->hv, 50000);
    const uint8_t *pct = f->port.pct[1];
    assert_memory_equal(pct, "\xa5\xa5\x5a\x5a", 4);
    assert_int_equal(pct[offsetof(partitionControlTable_t, id) + 3], 1);
    assert_string_equal((const char *)pct + offsetof(partitionControlTable_t, name), "P1");
    assert_int_equal(pct[offsetof(partitionControlTable_t, flags) + 3] & PARTITION_SYSTEM_F,
                     PARTITION_SYSTEM_F);
    /* schedInfo: noSlot = 1 in the top half-word, id 1, duration 50000 µs. */
    assert_memory_equal(pct + XM_PCT_OFF_SCHEDINFO, "\x00\x01\x00\x00\x00\x00\x00\x01", 8);
    assert_memory_equal(pct + XM_PCT_OFF_SCHEDINFO + 8, "\x00\x00\xc3\x50", 4);
    /* Default vectors: HW IRQ 1 -> 0x11, extended IRQ 0 -> 224. */
    assert_memory_equal(pct + offsetof(partitionControlTable_t, hwIrq2Vector) + 2, "\x00\x11", 2);
    assert_memory_equal(pct + offsetof(partitionControlTable_t, extIrq2Vector), "\x00\xe0", 2);
    free(f);
}

static void test_trace_reports_slots_with_planned_times(void **state)
{
    (void)state;
    struct fixture *f = booted(plan0_slots, 2);
    fake_port_run_until(&f->hv, 150000);
    assert_int_equal(f->port.traced[HV_TRACE_SLOT_START], 4); /* 0, 50, 100, 150 ms */
    assert_int_equal(f->port.traced[HV_TRACE_SLOT_END], 3);
    assert_int_equal(f->port.traced[HV_TRACE_MAF_START], 2);
    const struct hv_trace_event *start = &f->port.last_traced[HV_TRACE_SLOT_START];
    assert_int_equal(start->partition, 1);
    assert_int_equal(start->a, 1);
    assert_int_equal(start->b, 150000);
    const struct hv_trace_event *end = &f->port.last_traced[HV_TRACE_SLOT_END];
    assert_int_equal(end->partition, 0);
    assert_int_equal(end->b, 150000);
    const struct hv_trace_event *sw = &f->port.last_traced[HV_TRACE_SWITCH];
    assert_int_equal(sw->partition, 1);
    assert_int_equal(sw->a, (uint32_t)HV_IDLE);
    free(f);
}

static void test_pct_layout_matches_xtratum(void **state)
{
    (void)state;
    assert_int_equal(sizeof(partitionControlTable_t), XM_PCT_SIZE);
    assert_int_equal(offsetof(partitionControlTable_t, schedInfo), XM_PCT_OFF_SCHEDINFO);
    assert_int_equal(offsetof(partitionControlTable_t, trap2Vector), XM_PCT_OFF_TRAP2VECTOR);
    assert_int_equal(offsetof(partitionControlTable_t, name), 52);
    assert_int_equal(sizeof(struct xmPhysicalMemMap), 32);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_boot_runs_first_slot),
        cmocka_unit_test(test_slots_in_order_over_frames),
        cmocka_unit_test(test_gaps_are_idle),
        cmocka_unit_test(test_second_vcpu_slot_is_idle),
        cmocka_unit_test(test_non_boot_partition_is_halted_and_its_slot_idle),
        cmocka_unit_test(test_idle_self_yields_until_next_slot),
        cmocka_unit_test(test_pct_at_boot_and_slot_start),
        cmocka_unit_test(test_trace_reports_slots_with_planned_times),
        cmocka_unit_test(test_pct_layout_matches_xtratum),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
