/* hvcore's sampling and queuing ports through the fake port: creating
 * against XM_CF, writing, reading, validity by refresh period, status and
 * info, full and empty queues, truncation, notifications (extended IRQs
 * and the PCT comm-port bitmap), bad descriptors and pointers, trace
 * records, and the configuration limits. */
#include "object_call.h"
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdlib.h>
#include <string.h>
#include <xm/commports.h>
#include <xm/guest.h>
#include <xm/hypercalls.h>
#include <xm/objdir.h>

/* Ports, system-wide: P0 sOut (0) qOut (1); P1 sIn (2) qIn (3); P2 sIn (4). */
enum { S_OUT, Q_OUT, S_IN, Q_IN, S_IN2 };
static const struct hv_port_config ports[] = {
    {"sOut", 0, HV_PORT_SOURCE, HV_PORT_SAMPLING, HV_PORT_FIFO, 0},
    {"qOut", 0, HV_PORT_SOURCE, HV_PORT_QUEUING, HV_PORT_FIFO, 1},
    {"sIn", 1, HV_PORT_DESTINATION, HV_PORT_SAMPLING, HV_PORT_FIFO, 0},
    {"qIn", 1, HV_PORT_DESTINATION, HV_PORT_QUEUING, HV_PORT_PRIORITY, 1},
    {"sIn", 2, HV_PORT_DESTINATION, HV_PORT_SAMPLING, HV_PORT_FIFO, 0},
};
#define REFRESH_US 1000u
#define S_MAX 16u
#define Q_MAX 8u
#define Q_DEPTH 2u
static const uint32_t sampling_destinations[] = {S_IN, S_IN2};
static const uint32_t queuing_destinations[] = {Q_IN};
static const struct hv_channel channels[] = {
    {.type = HV_CHANNEL_SAMPLING,
     .max_message_length = S_MAX,
     .refresh_period_us = REFRESH_US,
     .source_port = S_OUT,
     .destination_ports = sampling_destinations,
     .destination_count = 2},
    {.type = HV_CHANNEL_QUEUING,
     .max_message_length = Q_MAX,
     .max_messages = Q_DEPTH,
     .source_port = Q_OUT,
     .destination_ports = queuing_destinations,
     .destination_count = 1},
};
static const struct hv_mem_area area = {"a", 0x40000000, 0x1000, 0x40000000, 0};
static const struct hv_slot slots[] = {{0, 0, 50000, 0, 0, 0}};
static const struct hv_plan plan = {0, "p", 100000, slots, 1};
static const struct hv_partition_config partitions[] = {
    {.id = 0,
     .name = "Writer",
     .flags = HV_PART_BOOT,
     .areas = &area,
     .area_count = 1,
     .ports = &ports[0],
     .port_count = 2,
     .first_port = 0},
    {.id = 1,
     .name = "Reader",
     .flags = HV_PART_BOOT,
     .areas = &area,
     .area_count = 1,
     .ports = &ports[2],
     .port_count = 2,
     .first_port = 2},
    {.id = 2,
     .name = "Late",
     .flags = HV_PART_BOOT,
     .areas = &area,
     .area_count = 1,
     .ports = &ports[4],
     .port_count = 1,
     .first_port = 4},
};
static const struct hv_config config = {.cpu_khz = 50000,
                                        .plans = &plan,
                                        .plan_count = 1,
                                        .partitions = partitions,
                                        .partition_count = 3,
                                        .ports = ports,
                                        .port_count = 5,
                                        .channels = channels,
                                        .channel_count = 2};

/* Guest addresses the tests use in every partition's memory. */
#define NAME 0x40000100u
#define CMD 0x40000200u
#define BUF 0x40000300u
#define FLAGS 0x40000400u
#define OUT 0x40000500u
#define NOWHERE 0x10u
#define LAST_BYTE 0x40000fffu

static int setup(void **state)
{
    *state = fixture_boot(&config);
    return 0;
}

static uint32_t sdesc(uint32_t partition, uint32_t id)
{
    return OBJDESC_BUILD(OBJ_CLASS_SAMPLING_PORT, partition, id);
}

static uint32_t qdesc(uint32_t partition, uint32_t id)
{
    return OBJDESC_BUILD(OBJ_CLASS_QUEUING_PORT, partition, id);
}

static int32_t ctrl(struct fixture *f, uint32_t p, uint32_t desc, uint32_t cmd, uint32_t arg)
{
    return object_call(&f->hv, p, ctrl_object_nr, desc, cmd, arg, 0);
}

static int32_t create_sampling(struct fixture *f, uint32_t p, const char *name, uint32_t size,
                               uint32_t direction, uint64_t refresh)
{
    guest_put_string(&f->port, p, NAME, name);
    guest_put32(&f->port, p, CMD + XM_SCREATE_OFF_NAME, NAME);
    guest_put32(&f->port, p, CMD + XM_SCREATE_OFF_MAXSIZE, size);
    guest_put32(&f->port, p, CMD + XM_SCREATE_OFF_DIRECTION, direction);
    guest_put64(&f->port, p, CMD + XM_SCREATE_OFF_REFRESH, refresh);
    return ctrl(f, p, sdesc(p, 0), XM_COMM_CREATE_PORT, CMD);
}

static int32_t create_queuing(struct fixture *f, uint32_t p, const char *name, uint32_t depth,
                              uint32_t size, uint32_t direction)
{
    guest_put_string(&f->port, p, NAME, name);
    guest_put32(&f->port, p, CMD + XM_QCREATE_OFF_NAME, NAME);
    guest_put32(&f->port, p, CMD + XM_QCREATE_OFF_MAXMSGS, depth);
    guest_put32(&f->port, p, CMD + XM_QCREATE_OFF_MAXSIZE, size);
    guest_put32(&f->port, p, CMD + XM_QCREATE_OFF_DIRECTION, direction);
    return ctrl(f, p, qdesc(p, 0), XM_COMM_CREATE_PORT, CMD);
}

static void open_sampling(struct fixture *f)
{
    assert_int_equal(create_sampling(f, 0, "sOut", S_MAX, XM_SOURCE_PORT, REFRESH_US), S_OUT);
    assert_int_equal(create_sampling(f, 1, "sIn", S_MAX, XM_DESTINATION_PORT, REFRESH_US), S_IN);
}

static void open_queuing(struct fixture *f)
{
    assert_int_equal(create_queuing(f, 0, "qOut", Q_DEPTH, Q_MAX, XM_SOURCE_PORT), Q_OUT);
    assert_int_equal(create_queuing(f, 1, "qIn", Q_DEPTH, Q_MAX, XM_DESTINATION_PORT), Q_IN);
}

static int32_t write_msg(struct fixture *f, uint32_t p, uint32_t desc, const char *text,
                         uint32_t size)
{
    memcpy(guest_at(&f->port, p, BUF), text, size);
    return object_call(&f->hv, p, write_object_nr, desc, BUF, size, 0);
}

static int32_t read_msg(struct fixture *f, uint32_t p, uint32_t desc, uint32_t size, uint32_t flags)
{
    memset(guest_at(&f->port, p, BUF), 0, S_MAX + 1);
    return object_call(&f->hv, p, read_object_nr, desc, BUF, size, flags);
}

static uint32_t pct_word(struct fixture *f, uint32_t p, size_t offset)
{
    const uint8_t *b = &f->port.pct[p][offset];
    return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

/* The port notifications pending for partition p (other extended IRQs,
 * such as the slot start, are not these tests' business). */
static uint32_t ext_pending(struct fixture *f, uint32_t p)
{
    uint32_t notify = (1u << XM_VT_EXT_SAMPLING_PORT) | (1u << XM_VT_EXT_QUEUING_PORT);
    return pct_word(f, p, offsetof(partitionControlTable_t, extIrqsPend)) & notify;
}

/* The PCT's comm-port bitmap word 0 (one memory area in every partition). */
static uint32_t commport_bits(struct fixture *f, uint32_t p)
{
    return pct_word(f, p, sizeof(partitionControlTable_t) + sizeof(struct xmPhysicalMemMap));
}

/* --- create -------------------------------------------------------------- */

static void test_create_matches_config_and_recreate_gives_same_descriptor(void **state)
{
    struct fixture *f = *state;
    open_sampling(f);
    assert_int_equal(create_sampling(f, 0, "sOut", S_MAX, XM_SOURCE_PORT, REFRESH_US), S_OUT);
    open_queuing(f);
    assert_int_equal(create_queuing(f, 0, "qOut", Q_DEPTH, Q_MAX, XM_SOURCE_PORT), Q_OUT);
    assert_int_equal(create_sampling(f, 2, "sIn", S_MAX, XM_DESTINATION_PORT, REFRESH_US), S_IN2);
}

static void test_create_rejects_what_the_config_does_not_say(void **state)
{
    struct fixture *f = *state;
    assert_int_equal(create_sampling(f, 0, "sOut", S_MAX - 1, XM_SOURCE_PORT, REFRESH_US),
                     XM_INVALID_CONFIG);
    assert_int_equal(create_sampling(f, 0, "sOut", S_MAX, XM_SOURCE_PORT, REFRESH_US + 1),
                     XM_INVALID_CONFIG);
    assert_int_equal(create_sampling(f, 0, "sOut", S_MAX, XM_DESTINATION_PORT, REFRESH_US),
                     XM_INVALID_CONFIG);
    assert_int_equal(create_sampling(f, 0, "nothere", S_MAX, XM_SOURCE_PORT, REFRESH_US),
                     XM_INVALID_CONFIG);
    /* Another partition's port, and a queuing port by the sampling call. */
    assert_int_equal(create_sampling(f, 0, "sIn", S_MAX, XM_DESTINATION_PORT, REFRESH_US),
                     XM_INVALID_CONFIG);
    assert_int_equal(create_sampling(f, 0, "qOut", S_MAX, XM_SOURCE_PORT, REFRESH_US),
                     XM_INVALID_CONFIG);
    assert_int_equal(create_queuing(f, 0, "qOut", Q_DEPTH + 1, Q_MAX, XM_SOURCE_PORT),
                     XM_INVALID_CONFIG);
    assert_int_equal(create_queuing(f, 0, "qOut", Q_DEPTH, Q_MAX + 1, XM_SOURCE_PORT),
                     XM_INVALID_CONFIG);
    assert_int_equal(create_queuing(f, 0, "sOut", Q_DEPTH, Q_MAX, XM_SOURCE_PORT),
                     XM_INVALID_CONFIG);
    /* Nothing was opened: writing the port is refused. */
    assert_int_equal(write_msg(f, 0, sdesc(0, S_OUT), "x", 1), XM_INVALID_PARAM);
}

static void test_create_rejects_bad_arguments(void **state)
{
    struct fixture *f = *state;
    assert_int_equal(create_sampling(f, 0, "sOut", S_MAX, 3, REFRESH_US), XM_INVALID_PARAM);
    assert_int_equal(create_queuing(f, 0, "qOut", Q_DEPTH, Q_MAX, 0), XM_INVALID_PARAM);
    assert_int_equal(ctrl(f, 0, sdesc(0, 0), XM_COMM_CREATE_PORT, NOWHERE), XM_INVALID_PARAM);
    assert_int_equal(ctrl(f, 0, qdesc(0, 0), XM_COMM_CREATE_PORT, LAST_BYTE), XM_INVALID_PARAM);
    guest_put32(&f->port, 0, CMD + XM_SCREATE_OFF_NAME, NOWHERE);
    assert_int_equal(ctrl(f, 0, sdesc(0, 0), XM_COMM_CREATE_PORT, CMD), XM_INVALID_PARAM);
    /* A name with no NUL within HV_NAME_MAX bytes. */
    memset(guest_at(&f->port, 0, NAME), 'a', HV_NAME_MAX);
    guest_put32(&f->port, 0, CMD + XM_SCREATE_OFF_NAME, NAME);
    assert_int_equal(ctrl(f, 0, sdesc(0, 0), XM_COMM_CREATE_PORT, CMD), XM_INVALID_PARAM);
    assert_int_equal(ctrl(f, 0, sdesc(0, 0), 7, CMD), XM_INVALID_PARAM);
    assert_int_equal(ctrl(f, 0, qdesc(0, 0), 7, CMD), XM_INVALID_PARAM);
}

/* A name ending in the last byte of the partition's memory is readable. */
static void test_create_reads_a_name_at_the_end_of_memory(void **state)
{
    struct fixture *f = *state;
    guest_put_string(&f->port, 0, LAST_BYTE - 4, "sOut");
    guest_put32(&f->port, 0, CMD + XM_SCREATE_OFF_NAME, LAST_BYTE - 4);
    guest_put32(&f->port, 0, CMD + XM_SCREATE_OFF_MAXSIZE, S_MAX);
    guest_put32(&f->port, 0, CMD + XM_SCREATE_OFF_DIRECTION, XM_SOURCE_PORT);
    guest_put64(&f->port, 0, CMD + XM_SCREATE_OFF_REFRESH, REFRESH_US);
    assert_int_equal(ctrl(f, 0, sdesc(0, 0), XM_COMM_CREATE_PORT, CMD), S_OUT);
}

/* --- sampling ------------------------------------------------------------ */

static void test_sampling_read_before_any_write_is_no_action(void **state)
{
    struct fixture *f = *state;
    open_sampling(f);
    assert_int_equal(read_msg(f, 1, sdesc(1, S_IN), S_MAX, FLAGS), XM_NO_ACTION);
    assert_int_equal(ext_pending(f, 0) & (1u << XM_VT_EXT_SAMPLING_PORT), 0);
}

static void test_sampling_write_notifies_open_receivers(void **state)
{
    struct fixture *f = *state;
    open_sampling(f);
    assert_int_equal(write_msg(f, 0, sdesc(0, S_OUT), "hello", 5), XM_OK);
    assert_int_equal(ext_pending(f, 1), 1u << XM_VT_EXT_SAMPLING_PORT);
    assert_int_equal(commport_bits(f, 1), 1u << S_IN);
    assert_int_equal(commport_bits(f, 0), 1u << S_OUT);
    /* Partition 2 has not created its port: it hears nothing. */
    assert_int_equal(ext_pending(f, 2), 0);
    assert_int_equal(commport_bits(f, 2), 0);
    assert_int_equal(ext_pending(f, 0), 0);
}

static void test_sampling_read_returns_message_and_validity(void **state)
{
    struct fixture *f = *state;
    open_sampling(f);
    assert_int_equal(write_msg(f, 0, sdesc(0, S_OUT), "hello", 5), XM_OK);
    guest_put32(&f->port, 1, FLAGS, 0xdead);
    assert_int_equal(read_msg(f, 1, sdesc(1, S_IN), S_MAX, FLAGS), 5);
    assert_memory_equal(guest_at(&f->port, 1, BUF), "hello\0", 6);
    assert_int_equal(guest_get32(&f->port, 1, FLAGS), XM_MSG_VALID);
    /* The sender hears that it was consumed; the bitmaps are clear. */
    assert_int_equal(ext_pending(f, 0), 1u << XM_VT_EXT_SAMPLING_PORT);
    assert_int_equal(commport_bits(f, 1), 0);
    assert_int_equal(commport_bits(f, 0), 0);
    /* Reading again gives the same message; a short buffer truncates. */
    assert_int_equal(read_msg(f, 1, sdesc(1, S_IN), 3, 0), 3);
    assert_memory_equal(guest_at(&f->port, 1, BUF), "hel\0", 4);
    assert_int_equal(write_msg(f, 0, sdesc(0, S_OUT), "bye", 3), XM_OK);
    assert_int_equal(read_msg(f, 1, sdesc(1, S_IN), S_MAX, 0), 3);
    assert_memory_equal(guest_at(&f->port, 1, BUF), "bye\0", 4);
}

static uint64_t sampling_timestamp(struct fixture *f, uint32_t p, uint32_t port)
{
    assert_int_equal(ctrl(f, p, sdesc(p, port), XM_COMM_GET_PORT_STATUS, OUT), XM_OK);
    return guest_get64(&f->port, p, OUT + XM_SSTATUS_OFF_TIMESTAMP);
}

static void test_sampling_validity_ends_at_timestamp_plus_refresh(void **state)
{
    struct fixture *f = *state;
    open_sampling(f);
    fake_port_run_until(&f->hv, 3000);
    assert_int_equal(write_msg(f, 0, sdesc(0, S_OUT), "v", 1), XM_OK);
    uint64_t written = sampling_timestamp(f, 1, S_IN);
    assert_int_equal(written, 3000);
    fake_port_run_until(&f->hv, written + REFRESH_US - 1);
    assert_int_equal(read_msg(f, 1, sdesc(1, S_IN), S_MAX, FLAGS), 1);
    assert_int_equal(guest_get32(&f->port, 1, FLAGS), XM_MSG_VALID);
    fake_port_run_until(&f->hv, written + REFRESH_US);
    assert_int_equal(read_msg(f, 1, sdesc(1, S_IN), S_MAX, FLAGS), 1);
    assert_int_equal(guest_get32(&f->port, 1, FLAGS), 0);
    assert_int_equal(ctrl(f, 1, sdesc(1, S_IN), XM_COMM_GET_PORT_STATUS, OUT), XM_OK);
    assert_int_equal(guest_get32(&f->port, 1, OUT + XM_SSTATUS_OFF_FLAGS), XM_COMM_CONSUMED_MSG);
}

static void test_sampling_refuses_wrong_direction_size_and_descriptor(void **state)
{
    struct fixture *f = *state;
    open_sampling(f);
    assert_int_equal(write_msg(f, 1, sdesc(1, S_IN), "x", 1), XM_INVALID_PARAM);
    assert_int_equal(read_msg(f, 0, sdesc(0, S_OUT), S_MAX, 0), XM_INVALID_PARAM);
    assert_int_equal(write_msg(f, 0, sdesc(0, S_OUT), "x", 0), XM_INVALID_CONFIG);
    assert_int_equal(write_msg(f, 0, sdesc(0, S_OUT), "0123456789abcdefg", S_MAX + 1),
                     XM_INVALID_CONFIG);
    assert_int_equal(read_msg(f, 1, sdesc(1, S_IN), 0, 0), XM_INVALID_CONFIG);
    assert_int_equal(read_msg(f, 1, sdesc(1, S_IN), S_MAX + 1, 0), XM_INVALID_CONFIG);
    /* Another partition's port, a queuing port, a port beyond the table,
     * a port not created. */
    assert_int_equal(write_msg(f, 1, sdesc(1, S_OUT), "x", 1), XM_INVALID_PARAM);
    assert_int_equal(write_msg(f, 0, sdesc(0, Q_OUT), "x", 1), XM_INVALID_PARAM);
    assert_int_equal(write_msg(f, 0, sdesc(0, 99), "x", 1), XM_INVALID_PARAM);
    assert_int_equal(read_msg(f, 2, sdesc(2, S_IN2), S_MAX, 0), XM_INVALID_PARAM);
    assert_int_equal(f->port.traced[HV_TRACE_PORT_WRITE], 0);
}

static void test_sampling_refuses_bad_pointers(void **state)
{
    struct fixture *f = *state;
    open_sampling(f);
    assert_int_equal(object_call(&f->hv, 0, write_object_nr, sdesc(0, S_OUT), NOWHERE, 4, 0),
                     XM_INVALID_PARAM);
    assert_int_equal(object_call(&f->hv, 0, write_object_nr, sdesc(0, S_OUT), LAST_BYTE, 2, 0),
                     XM_INVALID_PARAM);
    assert_int_equal(read_msg(f, 1, sdesc(1, S_IN), S_MAX, 0), XM_NO_ACTION);
    assert_int_equal(write_msg(f, 0, sdesc(0, S_OUT), "hello", 5), XM_OK);
    assert_int_equal(object_call(&f->hv, 1, read_object_nr, sdesc(1, S_IN), NOWHERE, 4, 0),
                     XM_INVALID_PARAM);
    assert_int_equal(read_msg(f, 1, sdesc(1, S_IN), S_MAX, NOWHERE), XM_INVALID_PARAM);
    /* Nothing was consumed: the sender heard nothing. */
    assert_int_equal(ext_pending(f, 0), 0);
    assert_int_equal(ctrl(f, 1, sdesc(1, S_IN), XM_COMM_GET_PORT_STATUS, NOWHERE),
                     XM_INVALID_PARAM);
    assert_int_equal(ctrl(f, 1, sdesc(1, S_IN), XM_COMM_GET_PORT_INFO, NOWHERE), XM_INVALID_PARAM);
}

static void test_sampling_status_follows_the_message(void **state)
{
    struct fixture *f = *state;
    open_sampling(f);
    assert_int_equal(ctrl(f, 1, sdesc(1, S_IN), XM_COMM_GET_PORT_STATUS, OUT), XM_OK);
    assert_int_equal(guest_get64(&f->port, 1, OUT + XM_SSTATUS_OFF_TIMESTAMP), 0);
    assert_int_equal(guest_get32(&f->port, 1, OUT + XM_SSTATUS_OFF_LASTSIZE), 0);
    assert_int_equal(guest_get32(&f->port, 1, OUT + XM_SSTATUS_OFF_FLAGS), XM_COMM_EMPTY_PORT);
    fake_port_run_until(&f->hv, 200);
    assert_int_equal(write_msg(f, 0, sdesc(0, S_OUT), "abcd", 4), XM_OK);
    assert_int_equal(ctrl(f, 1, sdesc(1, S_IN), XM_COMM_GET_PORT_STATUS, OUT), XM_OK);
    assert_int_equal(guest_get64(&f->port, 1, OUT + XM_SSTATUS_OFF_TIMESTAMP), 200);
    assert_int_equal(guest_get32(&f->port, 1, OUT + XM_SSTATUS_OFF_LASTSIZE), 4);
    assert_int_equal(guest_get32(&f->port, 1, OUT + XM_SSTATUS_OFF_FLAGS),
                     XM_COMM_NEW_MSG | XM_COMM_MSG_VALID);
    assert_int_equal(read_msg(f, 1, sdesc(1, S_IN), S_MAX, 0), 4);
    assert_int_equal(ctrl(f, 0, sdesc(0, S_OUT), XM_COMM_GET_PORT_STATUS, OUT), XM_OK);
    assert_int_equal(guest_get32(&f->port, 0, OUT + XM_SSTATUS_OFF_FLAGS),
                     XM_COMM_CONSUMED_MSG | XM_COMM_MSG_VALID);
    assert_int_equal(ctrl(f, 0, qdesc(0, S_OUT), XM_COMM_GET_PORT_STATUS, OUT), XM_INVALID_PARAM);
}

static void put_info_name(struct fixture *f, uint32_t p, const char *name)
{
    guest_put_string(&f->port, p, NAME, name);
    memset(guest_at(&f->port, p, OUT), 0xee, XM_SINFO_SIZE);
    guest_put32(&f->port, p, OUT, NAME);
}

static void test_sampling_info_by_name(void **state)
{
    struct fixture *f = *state;
    put_info_name(f, 1, "sIn");
    assert_int_equal(ctrl(f, 1, sdesc(1, 0), XM_COMM_GET_PORT_INFO, OUT), XM_OK);
    assert_int_equal(guest_get32(&f->port, 1, OUT + XM_SINFO_OFF_NAME), NAME);
    assert_int_equal(guest_get64(&f->port, 1, OUT + XM_SINFO_OFF_REFRESH), REFRESH_US);
    assert_int_equal(guest_get32(&f->port, 1, OUT + XM_SINFO_OFF_MAXSIZE), S_MAX);
    assert_int_equal(guest_get32(&f->port, 1, OUT + XM_SINFO_OFF_DIRECTION), XM_DESTINATION_PORT);
    assert_int_equal(guest_get32(&f->port, 1, OUT + XM_SINFO_OFF_OBJDESC), sdesc(1, S_IN));
    put_info_name(f, 1, "qIn");
    assert_int_equal(ctrl(f, 1, sdesc(1, 0), XM_COMM_GET_PORT_INFO, OUT), XM_INVALID_PARAM);
    put_info_name(f, 1, "sOut");
    assert_int_equal(ctrl(f, 1, sdesc(1, 0), XM_COMM_GET_PORT_INFO, OUT), XM_INVALID_PARAM);
}

static void test_port_writes_and_reads_are_traced(void **state)
{
    struct fixture *f = *state;
    open_sampling(f);
    assert_int_equal(write_msg(f, 0, sdesc(0, S_OUT), "hello", 5), XM_OK);
    assert_int_equal(read_msg(f, 1, sdesc(1, S_IN), 2, 0), 2);
    assert_int_equal(f->port.traced[HV_TRACE_PORT_WRITE], 1);
    assert_int_equal(f->port.last_traced[HV_TRACE_PORT_WRITE].partition, 0);
    assert_int_equal(f->port.last_traced[HV_TRACE_PORT_WRITE].a, S_OUT);
    assert_int_equal(f->port.last_traced[HV_TRACE_PORT_WRITE].b, 5);
    assert_int_equal(f->port.traced[HV_TRACE_PORT_READ], 1);
    assert_int_equal(f->port.last_traced[HV_TRACE_PORT_READ].partition, 1);
    assert_int_equal(f->port.last_traced[HV_TRACE_PORT_READ].a, S_IN);
    assert_int_equal(f->port.last_traced[HV_TRACE_PORT_READ].b, 2);
}

/* --- queuing ------------------------------------------------------------- */

static int32_t receive(struct fixture *f, uint32_t size)
{
    memset(guest_at(&f->port, 1, BUF), 0, Q_MAX + 1);
    return object_call(&f->hv, 1, read_object_nr, qdesc(1, Q_IN), BUF, size, 0);
}

static uint32_t queued(struct fixture *f, uint32_t p, uint32_t port)
{
    assert_int_equal(ctrl(f, p, qdesc(p, port), XM_COMM_GET_PORT_STATUS, OUT), XM_OK);
    return guest_get32(&f->port, p, OUT + XM_QSTATUS_OFF_NOMSGS);
}

static void test_queue_full_and_empty(void **state)
{
    struct fixture *f = *state;
    open_queuing(f);
    assert_int_equal(receive(f, Q_MAX), XM_NOT_AVAILABLE);
    assert_int_equal(write_msg(f, 0, qdesc(0, Q_OUT), "one", 3), XM_OK);
    assert_int_equal(write_msg(f, 0, qdesc(0, Q_OUT), "two!", 4), XM_OK);
    assert_int_equal(write_msg(f, 0, qdesc(0, Q_OUT), "three", 5), XM_NOT_AVAILABLE);
    assert_int_equal(queued(f, 0, Q_OUT), 2);
    assert_int_equal(queued(f, 1, Q_IN), 2);
    assert_int_equal(receive(f, Q_MAX), 3);
    assert_memory_equal(guest_at(&f->port, 1, BUF), "one\0", 4);
    assert_int_equal(write_msg(f, 0, qdesc(0, Q_OUT), "three", 5), XM_OK);
    assert_int_equal(receive(f, Q_MAX), 4);
    assert_memory_equal(guest_at(&f->port, 1, BUF), "two!\0", 5);
    assert_int_equal(receive(f, Q_MAX), 5);
    assert_memory_equal(guest_at(&f->port, 1, BUF), "three\0", 6);
    assert_int_equal(receive(f, Q_MAX), XM_NOT_AVAILABLE);
    assert_int_equal(queued(f, 1, Q_IN), 0);
}

static void test_queue_truncation_consumes_the_message(void **state)
{
    struct fixture *f = *state;
    open_queuing(f);
    assert_int_equal(write_msg(f, 0, qdesc(0, Q_OUT), "ABCDEFGH", 8), XM_OK);
    assert_int_equal(write_msg(f, 0, qdesc(0, Q_OUT), "next", 4), XM_OK);
    assert_int_equal(receive(f, 3), 3);
    assert_memory_equal(guest_at(&f->port, 1, BUF), "ABC\0", 4);
    assert_int_equal(receive(f, Q_MAX), 4);
    assert_memory_equal(guest_at(&f->port, 1, BUF), "next\0", 5);
}

static void test_queue_notifies_both_ends(void **state)
{
    struct fixture *f = *state;
    open_queuing(f);
    assert_int_equal(write_msg(f, 0, qdesc(0, Q_OUT), "a", 1), XM_OK);
    assert_int_equal(write_msg(f, 0, qdesc(0, Q_OUT), "b", 1), XM_OK);
    assert_int_equal(ext_pending(f, 1), 1u << XM_VT_EXT_QUEUING_PORT);
    assert_int_equal(ext_pending(f, 0), 0);
    assert_int_equal(commport_bits(f, 1), 1u << Q_IN);
    assert_int_equal(commport_bits(f, 0), 1u << Q_OUT);
    assert_int_equal(receive(f, Q_MAX), 1);
    assert_int_equal(ext_pending(f, 0), 1u << XM_VT_EXT_QUEUING_PORT);
    assert_int_equal(commport_bits(f, 1), 1u << Q_IN); /* one is left */
    assert_int_equal(receive(f, Q_MAX), 1);
    assert_int_equal(commport_bits(f, 1), 0);
    assert_int_equal(commport_bits(f, 0), 0);
}

static void test_queue_refuses_wrong_direction_size_and_pointers(void **state)
{
    struct fixture *f = *state;
    open_queuing(f);
    assert_int_equal(write_msg(f, 1, qdesc(1, Q_IN), "x", 1), XM_INVALID_PARAM);
    assert_int_equal(object_call(&f->hv, 0, read_object_nr, qdesc(0, Q_OUT), BUF, 1, 0),
                     XM_INVALID_PARAM);
    assert_int_equal(write_msg(f, 0, qdesc(0, Q_OUT), "x", 0), XM_INVALID_CONFIG);
    assert_int_equal(write_msg(f, 0, qdesc(0, Q_OUT), "123456789", Q_MAX + 1), XM_INVALID_CONFIG);
    assert_int_equal(receive(f, Q_MAX + 1), XM_INVALID_CONFIG);
    assert_int_equal(object_call(&f->hv, 0, write_object_nr, qdesc(0, Q_OUT), NOWHERE, 1, 0),
                     XM_INVALID_PARAM);
    assert_int_equal(queued(f, 0, Q_OUT), 0);
    assert_int_equal(write_msg(f, 0, qdesc(0, Q_OUT), "x", 1), XM_OK);
    assert_int_equal(object_call(&f->hv, 1, read_object_nr, qdesc(1, Q_IN), NOWHERE, 1, 0),
                     XM_INVALID_PARAM);
    assert_int_equal(queued(f, 1, Q_IN), 1); /* not consumed */
    assert_int_equal(ctrl(f, 1, qdesc(1, Q_IN), XM_COMM_GET_PORT_STATUS, NOWHERE),
                     XM_INVALID_PARAM);
    assert_int_equal(ctrl(f, 1, qdesc(1, S_IN), XM_COMM_GET_PORT_STATUS, OUT), XM_INVALID_PARAM);
}

static void test_queuing_info_by_name(void **state)
{
    struct fixture *f = *state;
    put_info_name(f, 1, "qIn");
    assert_int_equal(ctrl(f, 1, qdesc(1, 0), XM_COMM_GET_PORT_INFO, OUT), XM_OK);
    assert_int_equal(guest_get32(&f->port, 1, OUT + XM_QINFO_OFF_NAME), NAME);
    assert_int_equal(guest_get32(&f->port, 1, OUT + XM_QINFO_OFF_MAXSIZE), Q_MAX);
    assert_int_equal(guest_get32(&f->port, 1, OUT + XM_QINFO_OFF_MAXMSGS), Q_DEPTH);
    assert_int_equal(guest_get32(&f->port, 1, OUT + XM_QINFO_OFF_DIRECTION), XM_DESTINATION_PORT);
    assert_int_equal(guest_get32(&f->port, 1, OUT + XM_QINFO_OFF_FLAGS), XM_PRIORITY_PORT);
    assert_int_equal(guest_get32(&f->port, 1, OUT + XM_QINFO_OFF_OBJDESC), qdesc(1, Q_IN));
    put_info_name(f, 1, "sIn");
    assert_int_equal(ctrl(f, 1, qdesc(1, 0), XM_COMM_GET_PORT_INFO, OUT), XM_INVALID_PARAM);
    guest_put32(&f->port, 1, OUT, NOWHERE);
    assert_int_equal(ctrl(f, 1, qdesc(1, 0), XM_COMM_GET_PORT_INFO, OUT), XM_INVALID_PARAM);
}

/* --- PCT and limits ------------------------------------------------------ */

static void test_pct_counts_the_partitions_ports(void **state)
{
    struct fixture *f = *state;
    assert_int_equal(pct_word(f, 0, offsetof(partitionControlTable_t, noCommPorts)), 2);
    assert_int_equal(pct_word(f, 2, offsetof(partitionControlTable_t, noCommPorts)), 1);
}

static void test_init_refuses_configs_beyond_the_limits(void **state)
{
    struct fixture *f = *state;
    struct hv_config big = config;
    struct hv_channel huge[2] = {channels[0], channels[1]};
    huge[1].max_messages = HV_COMM_POOL_BYTES / (Q_MAX + 4) + 1;
    big.channels = huge;
    assert_int_equal(hv_init(&f->hv, &big, &hv_board_xm_leon3, &f->port), HV_ERR_COMM_LIMITS);
    huge[1].max_messages = (HV_COMM_POOL_BYTES - S_MAX) / (Q_MAX + 4);
    assert_int_equal(hv_init(&f->hv, &big, &hv_board_xm_leon3, &f->port), HV_OK);
    big.port_count = HV_MAX_PORTS + 1;
    assert_int_equal(hv_init(&f->hv, &big, &hv_board_xm_leon3, &f->port), HV_ERR_COMM_LIMITS);
    assert_string_equal(hv_strerror(HV_ERR_COMM_LIMITS),
                        "more ports, channels or message bytes than the core holds");
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, fixture_free)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_create_matches_config_and_recreate_gives_same_descriptor),
        T(test_create_rejects_what_the_config_does_not_say),
        T(test_create_rejects_bad_arguments),
        T(test_create_reads_a_name_at_the_end_of_memory),
        T(test_sampling_read_before_any_write_is_no_action),
        T(test_sampling_write_notifies_open_receivers),
        T(test_sampling_read_returns_message_and_validity),
        T(test_sampling_validity_ends_at_timestamp_plus_refresh),
        T(test_sampling_refuses_wrong_direction_size_and_descriptor),
        T(test_sampling_refuses_bad_pointers),
        T(test_sampling_status_follows_the_message),
        T(test_sampling_info_by_name),
        T(test_port_writes_and_reads_are_traced),
        T(test_queue_full_and_empty),
        T(test_queue_truncation_consumes_the_message),
        T(test_queue_notifies_both_ends),
        T(test_queue_refuses_wrong_direction_size_and_pointers),
        T(test_queuing_info_by_name),
        T(test_pct_counts_the_partitions_ports),
        T(test_init_refuses_configs_beyond_the_limits),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
