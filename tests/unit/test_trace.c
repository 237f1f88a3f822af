/* sim/trace*: the recorder's hash, the trace file's writer and reader (a
 * round trip with a kind this build does not know, a file followed while
 * it grows, corrupt files) and the text exporter's lines. */
#include "sim/trace/trace_export.h"
#include "sim/trace/trace_file.h"
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <xm/guest.h>

#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

static const struct hv_slot slots[] = {{0, 0, 500, 0, 0, 0}, {1, 500, 500, 1, 0, 0}};
static const struct hv_plan plans[] = {{0, "main", 1000, slots, 2}};
static const struct hv_partition_config parts[] = {{.id = 0, .name = "Alpha"},
                                                   {.id = 1, .name = "Beta"}};
/* Alpha's "out" to Beta's "in" and "log" (a sampling channel to two). */
static const struct hv_port_config ports[] = {
    {"out", 0, HV_PORT_SOURCE, HV_PORT_SAMPLING, HV_PORT_FIFO, 0},
    {"in", 1, HV_PORT_DESTINATION, HV_PORT_SAMPLING, HV_PORT_FIFO, 0},
    {"log", 1, HV_PORT_DESTINATION, HV_PORT_SAMPLING, HV_PORT_FIFO, 0}};
static const uint32_t destinations[] = {1, 2};
static const struct hv_channel channels[] = {{.type = HV_CHANNEL_SAMPLING,
                                              .source_port = 0,
                                              .destination_ports = destinations,
                                              .destination_count = 2}};
static const struct hv_config config = {.name = "unit",
                                        .cpu_khz = 50000,
                                        .plans = plans,
                                        .plan_count = 1,
                                        .partitions = parts,
                                        .partition_count = 2,
                                        .ports = ports,
                                        .port_count = 3,
                                        .channels = channels,
                                        .channel_count = 1};

/* Records of every shape: the hypervisor (-1), big values, a kind no
 * table knows (hvcore may add kinds: they must travel unchanged). */
static const struct hv_trace_event events[] = {
    {HV_TRACE_MAF_START, -1, 0, 0, 0}, {HV_TRACE_SLOT_START, 0, 0, 0, 0},
    {HV_TRACE_HYPERCALL, 0, 8, 0, 0},  {SIM_TRACE_CONSOLE, 0, 'h', 0, 0},
    {HV_TRACE_HM_EVENT, 1, 17, 6, 1},  {HV_TRACE_TRAP, 1, 0x2a, 0xfffffffc, 0x40000000},
    {200, 1, 0xdeadbeef, 1, 2},        {HV_TRACE_MAF_START, -1, 1, 0, 0},
};
#define EVENT_COUNT (sizeof events / sizeof events[0])

static const char *scratch(const char *name)
{
    static char path[512];
    snprintf(path, sizeof path, "%s/%s", HVSIM_TEST_SCRATCH, name);
    return path;
}

/* Record the events (cycle 1000 * i + i) into a trace and a file. */
static void write_trace(const char *path, struct sim_trace *trace, bool close)
{
    struct sim_trace_header header;
    assert_int_equal(sim_trace_header_from_config(&header, &config, "xm-leon3", 50000), SIM_OK);
    sim_trace_init(trace, true);
    assert_int_equal(sim_trace_writer_open(&trace->writer, path, &header, stderr), SIM_OK);
    sim_trace_header_free(&header);
    for (size_t i = 0; i < EVENT_COUNT; i++)
        sim_trace_add(trace, 1000 * i + i, &events[i]);
    if (close)
        assert_int_equal(sim_trace_writer_close(trace->writer, trace->total, trace->hash, stderr),
                         SIM_OK);
}

static void test_round_trip(void **state)
{
    (void)state;
    struct sim_trace trace;
    struct sim_trace_reader *reader;
    struct sim_trace_record r;
    write_trace(scratch("round_trip.trace"), &trace, true);
    assert_int_equal(sim_trace_reader_open(&reader, scratch("round_trip.trace"), stderr), SIM_OK);
    const struct sim_trace_header *h = sim_trace_reader_header(reader);
    assert_int_equal(h->khz, 50000);
    assert_string_equal(h->system, "unit");
    assert_string_equal(h->board, "xm-leon3");
    assert_int_equal(h->partition_count, 2);
    assert_string_equal(h->partition_names[1], "Beta");
    assert_int_equal(h->plans[0].slots[1].start_us, 500);
    assert_string_equal(sim_trace_header_kind(h, HV_TRACE_HM_EVENT)->fields[1], "action");
    assert_null(sim_trace_header_kind(h, 200));
    assert_int_equal(h->version, SIM_TRACE_VERSION);
    assert_int_equal(h->port_count, 3);
    assert_string_equal(h->ports[2].name, "log");
    assert_int_equal(h->ports[2].partition, 1);
    assert_int_equal(h->ports[2].direction, HV_PORT_DESTINATION);
    assert_int_equal(h->channel_count, 1);
    assert_int_equal(h->channels[0].destination_count, 2);
    assert_int_equal(h->channels[0].destinations[1], 2);
    for (size_t i = 0; i < EVENT_COUNT; i++) {
        assert_int_equal(sim_trace_reader_next(reader, &r), SIM_TRACE_RECORD);
        assert_memory_equal(&r, &trace.records[i], sizeof r);
    }
    assert_int_equal(sim_trace_reader_next(reader, &r), SIM_TRACE_END);
    uint64_t count, hash;
    sim_trace_reader_end(reader, &count, &hash);
    assert_int_equal(count, EVENT_COUNT);
    assert_true(hash == trace.hash && sim_trace_reader_hash(reader) == trace.hash);
    sim_trace_reader_close(reader);
    sim_trace_free(&trace);
}

/* The same events give the same hash; one changed field another. */
static void test_hash(void **state)
{
    (void)state;
    struct sim_trace a, b;
    sim_trace_init(&a, false);
    sim_trace_init(&b, false);
    for (size_t i = 0; i < EVENT_COUNT; i++) {
        struct hv_trace_event e = events[i];
        sim_trace_add(&a, i, &e);
        e.c += i == 4;
        sim_trace_add(&b, i, &e);
    }
    assert_true(a.hash != b.hash);
    assert_int_equal(a.count, 0); /* not kept */
    assert_int_equal(a.total, EVENT_COUNT);
}

/* A reader follows a file being written: a record cut short is PENDING
 * and is read whole once the rest arrives. */
static void test_follow_growing_file(void **state)
{
    (void)state;
    struct sim_trace trace;
    struct sim_trace_reader *reader;
    struct sim_trace_record r;
    const char *path = scratch("growing.trace");
    write_trace(path, &trace, false);
    sim_trace_writer_flush(trace.writer);
    assert_int_equal(sim_trace_reader_open(&reader, path, stderr), SIM_OK);
    for (size_t i = 0; i < EVENT_COUNT; i++)
        assert_int_equal(sim_trace_reader_next(reader, &r), SIM_TRACE_RECORD);
    assert_int_equal(sim_trace_reader_next(reader, &r), SIM_TRACE_PENDING);
    struct hv_trace_event late = {HV_TRACE_SLOT_END, 1, 1, 1000, 0};
    sim_trace_add(&trace, 123456789, &late);
    sim_trace_writer_flush(trace.writer);
    assert_int_equal(sim_trace_reader_next(reader, &r), SIM_TRACE_RECORD);
    assert_int_equal(r.cycle, 123456789);
    assert_int_equal(r.b, 1000);
    sim_trace_writer_close(trace.writer, trace.total, trace.hash, stderr);
    assert_int_equal(sim_trace_reader_next(reader, &r), SIM_TRACE_END);
    sim_trace_reader_close(reader);
    sim_trace_free(&trace);
}

static void write_bytes(const char *path, const void *bytes, size_t n)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(bytes, 1, n, f), n);
    fclose(f);
}

/* A header cut inside the ports and channels (version 2; before the images,
 * 2 bytes a partition booted from an ELF, version 3): cut short, not read as
 * a version-1 header. */
static void test_header_cut_in_channels(void **state)
{
    (void)state;
    struct sim_trace_reader *reader = NULL;
    struct sim_trace_header header;
    struct sim_trace_writer *writer;
    assert_int_equal(sim_trace_header_from_config(&header, &config, "xm-leon3", 50000), SIM_OK);
    assert_int_equal(sim_trace_writer_open(&writer, scratch("channels.trace"), &header, stderr),
                     SIM_OK);
    size_t images = 2u * header.partition_count;
    sim_trace_header_free(&header);
    /* the header and a 10-byte end record */
    assert_int_equal(sim_trace_writer_close(writer, 0, 0, stderr), SIM_OK);
    FILE *f = fopen(scratch("channels.trace"), "rb");
    assert_non_null(f);
    uint8_t bytes[4096];
    size_t size = fread(bytes, 1, sizeof bytes, f);
    fclose(f);
    assert_true(size > 20 && size < sizeof bytes);
    write_bytes(scratch("channels.trace"), bytes, size - 10 - images - 4); /* into channel 0 */
    FILE *diag = tmpfile();
    assert_int_equal(sim_trace_reader_open(&reader, scratch("channels.trace"), diag), SIM_ERR_IO);
    char text[256] = {0};
    rewind(diag);
    assert_true(fread(text, 1, sizeof text - 1, diag) > 0);
    assert_non_null(strstr(text, "channels.trace: the trace file's header is cut short"));
    fclose(diag);
}

static void test_corrupt_files(void **state)
{
    (void)state;
    struct sim_trace_reader *reader = NULL;
    FILE *diag = tmpfile();
    write_bytes(scratch("bad_magic.trace"), "NOTATRACE", 9);
    assert_int_equal(sim_trace_reader_open(&reader, scratch("bad_magic.trace"), diag), SIM_ERR_IO);
    write_bytes(scratch("short.trace"), "HVSTRACE\1\0\x50", 11);
    assert_int_equal(sim_trace_reader_open(&reader, scratch("short.trace"), diag), SIM_ERR_IO);
    write_bytes(scratch("future.trace"), "HVSTRACE\4\0\x50\xc3\0\0", 14);
    assert_int_equal(sim_trace_reader_open(&reader, scratch("future.trace"), diag), SIM_ERR_IO);
    char text[512] = {0};
    rewind(diag);
    assert_true(fread(text, 1, sizeof text - 1, diag) > 0);
    assert_non_null(strstr(text, "bad_magic.trace: not an hvsim trace file"));
    assert_non_null(strstr(text, "short.trace: the trace file's header is cut short"));
    assert_non_null(strstr(text, "future.trace: unsupported trace format version 4"));
    fclose(diag);
}

/* The text export names kinds and fields from the file's own table, and
 * falls back to kind<N> a= b= c= for a kind it does not list. */
static void test_text_export(void **state)
{
    (void)state;
    struct sim_trace trace;
    struct sim_trace_reader *reader;
    char *text = NULL;
    size_t size = 0;
    write_trace(scratch("text.trace"), &trace, true);
    assert_int_equal(sim_trace_reader_open(&reader, scratch("text.trace"), stderr), SIM_OK);
    FILE *out = open_memstream(&text, &size);
    assert_true(sim_trace_export_text(reader, out, stderr));
    fclose(out);
    assert_non_null(
        strstr(text, "HM_EVENT       Beta             event=XM_HM_EV_SPARCV8_ILLEGAL_INSTR (17) "
                     "action=XM_HM_AC_HALT (6) logged=yes"));
    assert_non_null(strstr(text, "kind200        Beta             a=3735928559 b=1 c=2"));
    assert_non_null(strstr(text, "CONSOLE        Alpha            'h'"));
    assert_non_null(strstr(text, "# end: 8 records, hash "));
    assert_non_null(strstr(text, "# port 2: log of Beta, destination, sampling\n"));
    assert_non_null(strstr(text, "# channel 0, sampling: port 0 -> 1 2\n"));
    free(text);
    sim_trace_reader_close(reader);
    sim_trace_free(&trace);
}

/* The latency summary: Alpha's HW timer at 100, 200, ..., 10000 cycles
 * (nearest-rank median 5000, p99 9900), Beta's IPVI 0 once in its slot and
 * once after waiting 50000 cycles for it, over its bound. */
static void test_latency_summary(void **state)
{
    (void)state;
    struct sim_trace trace;
    struct sim_trace_header header;
    assert_int_equal(sim_trace_header_from_config(&header, &config, "xm-leon3", 50000), SIM_OK);
    sim_trace_init(&trace, false);
    assert_int_equal(
        sim_trace_writer_open(&trace.writer, scratch("latency.trace"), &header, stderr), SIM_OK);
    sim_trace_header_free(&header);
    for (uint32_t i = 100; i >= 1; i--) {
        struct hv_trace_event e = {HV_TRACE_VIRQ_LATENCY, 0, 32u + XM_VT_EXT_HW_TIMER, 100 * i, 0};
        sim_trace_add(&trace, 1000u * (101u - i), &e);
    }
    const struct hv_trace_event beta[] = {
        {HV_TRACE_VIRQ_LATENCY, 1, 32u + XM_VT_EXT_IPVI0, 1000, 0},
        {HV_TRACE_VIRQ_LATENCY, 1, (32u + XM_VT_EXT_IPVI0) | HV_LATENCY_OVER_BOUND, 51000, 50000},
    };
    for (uint32_t i = 0; i < 2; i++)
        sim_trace_add(&trace, 200000u + i, &beta[i]);
    assert_int_equal(sim_trace_writer_close(trace.writer, trace.total, trace.hash, stderr), SIM_OK);
    struct sim_trace_reader *reader;
    assert_int_equal(sim_trace_reader_open(&reader, scratch("latency.trace"), stderr), SIM_OK);
    FILE *out = tmpfile();
    assert_true(sim_trace_export_latency(reader, out, stderr));
    sim_trace_reader_close(reader);
    char text[2048] = "";
    rewind(out);
    size_t n = fread(text, 1, sizeof text - 1, out);
    text[n] = '\0';
    fclose(out);
    const char *lines = strchr(text, '\n') + 1;
    assert_string_equal(
        lines,
        "partition        source        count       min    median       p99       max  waited   "
        "max wait   over\n"
        "Alpha            hw_timer        100     2.000   100.000   198.000   200.000       0      "
        "0.000      0\n"
        "Beta             ipvi0             2    20.000    20.000    20.000    20.000       1   "
        "1000.000      1\n");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_hash),
        cmocka_unit_test(test_latency_summary),
        cmocka_unit_test(test_follow_growing_file),
        cmocka_unit_test(test_corrupt_files),
        cmocka_unit_test(test_text_export),
        cmocka_unit_test(test_header_cut_in_channels),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
