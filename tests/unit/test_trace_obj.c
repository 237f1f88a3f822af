/* hvcore's trace object through the fake port: XM_trace_event into the
 * caller's circular stream, destructive XM_trace_read (own stream, any
 * stream for a system partition, the hypervisor's), XM_trace_status, and
 * the refusals. */
#include "object_call.h"
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xm/hypercalls.h>
#include <xm/objdir.h>
#include <xm/trace.h>

static const struct hv_mem_area area = {"a", 0x40000000, 0x1000, 0x40000000, 0};
static const struct hv_slot slots[] = {{0, 0, 50000, 0, 0, 0}};
static const struct hv_plan plan = {0, "p", 100000, slots, 1};
static const struct hv_partition_config partitions[] = {
    {.id = 0, .name = "User", .flags = HV_PART_BOOT, .areas = &area, .area_count = 1},
    {.id = 1,
     .name = "System",
     .flags = HV_PART_BOOT | HV_PART_SYSTEM,
     .areas = &area,
     .area_count = 1},
};
static const struct hv_config config = {.cpu_khz = 50000,
                                        .plans = &plan,
                                        .plan_count = 1,
                                        .partitions = partitions,
                                        .partition_count = 2};

#define PAYLOAD 0x40000100u
#define EVENTS 0x40000200u
#define STATUS 0x40000600u
#define NOWHERE 0x10u
#define USER 0u
#define SYSTEM 1u

static int setup(void **state)
{
    *state = fixture_boot(&config);
    return 0;
}

static uint32_t stream(uint32_t id)
{
    return OBJDESC_BUILD(OBJ_CLASS_TRACE, id, 0);
}

/* XM_trace_event as partition p, payload "ev" + two digits of n + "..." */
static int32_t trace_event(struct fixture *f, uint32_t p, uint32_t n)
{
    char payload[XM_TRACE_PAYLOAD_LENGTH + 1];
    snprintf(payload, sizeof payload, "ev%02u....", n);
    memcpy(guest_at(&f->port, p, PAYLOAD), payload, XM_TRACE_PAYLOAD_LENGTH);
    return object_call(&f->hv, p, write_object_nr, stream(p), PAYLOAD, XM_TRACE_EVENT_SIZE, 0);
}

static int32_t trace_read(struct fixture *f, uint32_t p, uint32_t id, uint32_t events)
{
    return object_call(&f->hv, p, read_object_nr, stream(id), EVENTS, events * XM_TRACE_EVENT_SIZE,
                       0);
}

static int32_t trace_status(struct fixture *f, uint32_t p, uint32_t id)
{
    int32_t result =
        object_call(&f->hv, p, ctrl_object_nr, stream(id), XM_TRACE_GET_STATUS, STATUS, 0);
    return result == XM_OK ? (int32_t)guest_get32(&f->port, p, STATUS) : result;
}

/* Event i of what the last read left in partition p's buffer. */
static const uint8_t *event_payload(struct fixture *f, uint32_t p, uint32_t i)
{
    return guest_at(&f->port, p, EVENTS + i * XM_TRACE_EVENT_SIZE + 4);
}

static void test_event_is_stamped_and_read_back(void **state)
{
    struct fixture *f = *state;
    fake_port_run_until(&f->hv, 1234);
    assert_int_equal(trace_event(f, USER, 7), XM_TRACE_EVENT_SIZE);
    assert_int_equal(trace_status(f, USER, USER), 1);
    assert_int_equal(trace_read(f, USER, USER, 4), XM_TRACE_EVENT_SIZE);
    assert_int_equal(guest_get32(&f->port, USER, EVENTS), 1234);
    assert_memory_equal(event_payload(f, USER, 0), "ev07....", XM_TRACE_PAYLOAD_LENGTH);
    assert_int_equal(trace_status(f, USER, USER), 0);
    assert_int_equal(trace_read(f, USER, USER, 4), 0);
}

static void test_timestamp_is_the_low_word_of_the_clock(void **state)
{
    struct fixture *f = *state;
    /* The event timer fires at slot boundaries: run across many frames. */
    fake_port_run_until(&f->hv, 0x100000010ull);
    assert_int_equal(trace_event(f, USER, 1), XM_TRACE_EVENT_SIZE);
    assert_int_equal(trace_read(f, USER, USER, 1), XM_TRACE_EVENT_SIZE);
    assert_int_equal(guest_get32(&f->port, USER, EVENTS), 0x10);
}

static void test_stream_overwrites_the_oldest(void **state)
{
    struct fixture *f = *state;
    for (uint32_t i = 0; i < HV_TRACE_STREAM_EVENTS + 3; i++)
        assert_int_equal(trace_event(f, USER, i), XM_TRACE_EVENT_SIZE);
    assert_int_equal(trace_status(f, USER, USER), HV_TRACE_STREAM_EVENTS);
    assert_int_equal(trace_read(f, USER, USER, 2), 2 * XM_TRACE_EVENT_SIZE);
    assert_memory_equal(event_payload(f, USER, 0), "ev03....", XM_TRACE_PAYLOAD_LENGTH);
    assert_memory_equal(event_payload(f, USER, 1), "ev04....", XM_TRACE_PAYLOAD_LENGTH);
    assert_int_equal(trace_status(f, USER, USER), HV_TRACE_STREAM_EVENTS - 2);
}

static void test_system_partition_reads_other_streams(void **state)
{
    struct fixture *f = *state;
    for (uint32_t i = 0; i < 3; i++)
        trace_event(f, USER, i);
    assert_int_equal(trace_status(f, SYSTEM, USER), 3);
    assert_int_equal(trace_read(f, SYSTEM, USER, 2), 2 * XM_TRACE_EVENT_SIZE);
    assert_memory_equal(event_payload(f, SYSTEM, 1), "ev01....", XM_TRACE_PAYLOAD_LENGTH);
    assert_int_equal(trace_status(f, USER, USER), 1);
    assert_int_equal(trace_status(f, SYSTEM, SYSTEM), 0);
    /* The hypervisor's stream: readable by system partitions only. */
    assert_int_equal(trace_status(f, SYSTEM, XM_HYPERVISOR_ID), 0);
    assert_int_equal(trace_read(f, SYSTEM, XM_HYPERVISOR_ID, 1), 0);
    assert_int_equal(trace_read(f, USER, XM_HYPERVISOR_ID, 1), XM_PERM_ERROR);
}

static void test_user_partition_is_confined_to_its_stream(void **state)
{
    struct fixture *f = *state;
    trace_event(f, SYSTEM, 1);
    assert_int_equal(trace_read(f, USER, SYSTEM, 1), XM_PERM_ERROR);
    assert_int_equal(trace_status(f, USER, SYSTEM), XM_PERM_ERROR);
    assert_int_equal(
        object_call(&f->hv, USER, write_object_nr, stream(SYSTEM), PAYLOAD, XM_TRACE_EVENT_SIZE, 0),
        XM_PERM_ERROR);
    assert_int_equal(trace_status(f, SYSTEM, SYSTEM), 1);
}

static void test_bad_sizes_and_pointers(void **state)
{
    struct fixture *f = *state;
    uint32_t self = stream(USER);
    assert_int_equal(object_call(&f->hv, USER, write_object_nr, self, PAYLOAD, 11, 0),
                     XM_INVALID_PARAM);
    assert_int_equal(object_call(&f->hv, USER, write_object_nr, self, 0, 12, 0), XM_INVALID_PARAM);
    assert_int_equal(object_call(&f->hv, USER, write_object_nr, self, PAYLOAD + 2, 12, 0),
                     XM_INVALID_PARAM);
    assert_int_equal(object_call(&f->hv, USER, write_object_nr, self, NOWHERE, 12, 0),
                     XM_INVALID_PARAM);
    assert_int_equal(object_call(&f->hv, USER, write_object_nr, self, PAYLOAD, 0x80000000u, 0),
                     XM_INVALID_PARAM);
    assert_int_equal(trace_status(f, USER, USER), 0);
    trace_event(f, USER, 1);
    assert_int_equal(object_call(&f->hv, USER, read_object_nr, self, EVENTS, 11, 0),
                     XM_INVALID_PARAM);
    assert_int_equal(object_call(&f->hv, USER, read_object_nr, self, NOWHERE, 12, 0),
                     XM_INVALID_PARAM);
    assert_int_equal(trace_status(f, USER, USER), 1); /* not consumed */
    assert_int_equal(
        object_call(&f->hv, USER, ctrl_object_nr, self, XM_TRACE_GET_STATUS, NOWHERE, 0),
        XM_INVALID_PARAM);
    assert_int_equal(object_call(&f->hv, USER, ctrl_object_nr, self, 9, STATUS, 0),
                     XM_INVALID_PARAM);
    assert_int_equal(trace_read(f, SYSTEM, 5, 1), XM_INVALID_PARAM);
    assert_int_equal(trace_status(f, SYSTEM, 5), XM_INVALID_PARAM);
}

/* Several events in one write repeat the payload, as in XM-Q. */
static void test_multiple_events_in_one_write(void **state)
{
    struct fixture *f = *state;
    memcpy(guest_at(&f->port, USER, PAYLOAD), "repeated", XM_TRACE_PAYLOAD_LENGTH);
    assert_int_equal(object_call(&f->hv, USER, write_object_nr, stream(USER), PAYLOAD,
                                 3 * XM_TRACE_EVENT_SIZE + 5, 0),
                     3 * XM_TRACE_EVENT_SIZE);
    assert_int_equal(trace_read(f, USER, USER, 3), 3 * XM_TRACE_EVENT_SIZE);
    assert_memory_equal(event_payload(f, USER, 2), "repeated", XM_TRACE_PAYLOAD_LENGTH);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, fixture_free)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_event_is_stamped_and_read_back),
        T(test_timestamp_is_the_low_word_of_the_clock),
        T(test_stream_overwrites_the_oldest),
        T(test_system_partition_reads_other_streams),
        T(test_user_partition_is_confined_to_its_stream),
        T(test_bad_sizes_and_pointers),
        T(test_multiple_events_in_one_write),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
