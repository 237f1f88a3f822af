/* sim/trace*: the recorder's hash, the trace file's writer and reader (a
 * round trip with a kind this build does not know, a file followed while
 * it grows, corrupt files), the text exporter's lines, and the names the
 * exports give numbers. */
#include "sim/common/symbols.h"
#include "sim/common/xm_names.h"
#include "sim/trace/trace_export.h"
#include "sim/trace/trace_file.h"
#include <ctype.h>
#include <hvcore/hv.h>
#include <hvcore/policy.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <xm/guest.h>
#include <xm/hm.h>
#include <xm/hypercalls.h>

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

/* An end record that does not match the records is refused, in one line
 * naming the file (it once said "trace:", whatever the file). */
static void test_text_export_wrong_end(void **state)
{
    (void)state;
    struct sim_trace trace;
    struct sim_trace_reader *reader;
    char expected[600], *text = NULL;
    size_t size = 0;
    write_trace(scratch("wrong_end.trace"), &trace, false);
    assert_int_equal(sim_trace_writer_close(trace.writer, trace.total + 1, trace.hash, stderr),
                     SIM_OK);
    assert_int_equal(sim_trace_reader_open(&reader, scratch("wrong_end.trace"), stderr), SIM_OK);
    FILE *out = tmpfile(), *diag = open_memstream(&text, &size);
    assert_false(sim_trace_export_text(reader, out, diag));
    fclose(diag);
    fclose(out);
    snprintf(expected, sizeof expected, "%s: the end record says 9 records, hash ",
             scratch("wrong_end.trace"));
    assert_memory_equal(text, expected, strlen(expected));
    free(text);
    sim_trace_reader_close(reader);
    sim_trace_free(&trace);
}

/* A trace into scratch file `name`, its writer open, no record kept. */
static void open_trace(const char *name, struct sim_trace *trace)
{
    struct sim_trace_header header;
    assert_int_equal(sim_trace_header_from_config(&header, &config, "xm-leon3", 50000), SIM_OK);
    sim_trace_init(trace, false);
    assert_int_equal(sim_trace_writer_open(&trace->writer, scratch(name), &header, stderr), SIM_OK);
    sim_trace_header_free(&header);
}

/* Closes it and summarises its latencies: the summary, rewound. */
static FILE *latency_summary(const char *name, struct sim_trace *trace)
{
    struct sim_trace_reader *reader;
    assert_int_equal(sim_trace_writer_close(trace->writer, trace->total, trace->hash, stderr),
                     SIM_OK);
    assert_int_equal(sim_trace_reader_open(&reader, scratch(name), stderr), SIM_OK);
    FILE *out = tmpfile();
    assert_true(sim_trace_export_latency(reader, out, stderr));
    sim_trace_reader_close(reader);
    rewind(out);
    return out;
}

/* The latency summary: Alpha's HW timer at 100, 200, ..., 10000 cycles
 * (nearest-rank median 5000, p99 9900), Beta's IPVI 0 once in its slot and
 * once after waiting 50000 cycles for it, over its bound. */
static void test_latency_summary(void **state)
{
    (void)state;
    struct sim_trace trace;
    open_trace("latency.trace", &trace);
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
    FILE *out = latency_summary("latency.trace", &trace);
    char text[2048] = "";
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

/* --- names (docs/trace.md, "Names") ------------------------------------
 * No number without its name in the exports: a trace with a record of
 * every kind this build knows is exported as text and as JSON; every field
 * whose number has a name (hypercalls, return codes, trap types, HM events
 * and actions, states, partitions, ports, policy refusals, injections,
 * latency sources, flags) must carry it, and PCs must be hex with their
 * function when the symbols are given. */

#define PC_IN_MAIN 0x4000107cu

/* One record of every kind (the checks below fail if a kind is missing). */
static const struct hv_trace_event every_kind[] = {
    {HV_TRACE_MAF_START, -1, 0, 0, 0},
    {HV_TRACE_SLOT_START, 0, 0, 0, 0},
    {HV_TRACE_SWITCH, 0, (uint32_t)-1, 0, 0},
    {HV_TRACE_STATE, 1, HV_STATE_HALTED, HV_STATE_READY, 0},
    {HV_TRACE_HYPERCALL, 0, ctrl_object_nr, (uint32_t)XM_INVALID_CONFIG, 0},
    {HV_TRACE_ASM_HYPERCALL, 0, sparc_flush_regwin_nr, 0, 0},
    {HV_TRACE_TRAP, 0, 0x2a, PC_IN_MAIN, 0},
    {HV_TRACE_VIRQ_RAISE, 0, 1, 3, 0},
    {HV_TRACE_VIRQ_DELIVER, 0, 0x13, PC_IN_MAIN, 0},
    {HV_TRACE_HM_EVENT, 0, XM_HM_EV_SPARCV8_DIVIDE_EXCEPTION, XM_HM_AC_HALT, 1},
    {HV_TRACE_PORT_WRITE, 0, 0, 8, 0},
    {HV_TRACE_PORT_READ, 1, 1, 8, 0},
    {HV_TRACE_PLAN_SWITCH, -1, 0, 1, 0},
    {HV_TRACE_IRQ, -1, 8, 0, 0},
    {HV_TRACE_POLICY_DENIED, 1, halt_partition_nr, 0, HV_POLICY_TARGET_DENIED},
    {HV_TRACE_VIRQ_LATENCY, 0, 32u + XM_VT_EXT_HW_TIMER, 500, 0},
    {SIM_TRACE_INJECT, 0, SIM_INJECT_TRAP, 0x2a, 0},
    {SIM_TRACE_CONSOLE, 0, 'h', 0, 0},
    {HV_TRACE_SLOT_END, 0, 0, 500, 0},
};
#define EVERY_KIND_COUNT (sizeof every_kind / sizeof every_kind[0])

/* The fields whose value is a number with a name, or an address. */
static const char *const named_fields[] = {"previous", "state", "old",    "nr",     "result",
                                           "tt",       "pc",    "event",  "action", "logged",
                                           "port",     "why",   "source", "what",   "extended"};

/* Named fields in the records above: previous 2, state and old 2, nr 3,
 * result, tt, pc 2, event, action, logged, port 2, why, source, what,
 * extended. */
#define NAMED_IN_TEXT 20

static void write_every_kind(const char *path)
{
    struct sim_trace trace;
    struct sim_trace_header header;
    assert_int_equal(sim_trace_header_from_config(&header, &config, "xm-leon3", 50000), SIM_OK);
    sim_trace_init(&trace, false);
    assert_int_equal(sim_trace_writer_open(&trace.writer, path, &header, stderr), SIM_OK);
    sim_trace_header_free(&header);
    for (size_t i = 0; i < EVERY_KIND_COUNT; i++)
        sim_trace_add(&trace, 1000 * i, &every_kind[i]);
    assert_int_equal(sim_trace_writer_close(trace.writer, trace.total, trace.hash, stderr), SIM_OK);
    sim_trace_free(&trace);
}

typedef bool exporter_fn(struct sim_trace_reader *, FILE *, FILE *);

/* The export of the trace, with "main" at 0x40001060 in Alpha's symbols. */
static char *export_with(exporter_fn *export)
{
    struct sim_trace_reader *reader;
    struct sim_symbols symbols[2] = {{0}, {0}};
    char *text = NULL;
    size_t size = 0;
    assert_true(sim_symbols_add(&symbols[0], 0x40001060, 0x40, "main"));
    sim_symbols_sort(&symbols[0]);
    assert_int_equal(sim_trace_reader_open(&reader, scratch("names.trace"), stderr), SIM_OK);
    ((struct sim_trace_header *)sim_trace_reader_header(reader))->symbols = symbols;
    FILE *out = open_memstream(&text, &size);
    assert_true(export(reader, out, stderr));
    fclose(out);
    sim_trace_reader_close(reader);
    sim_symbols_free(&symbols[0]);
    return text;
}

/* A bare number: digits (maybe signed) up to a space, a quote or the end. */
static bool bare_number(const char *value)
{
    const char *p = value + (*value == '-');
    if (!isdigit((unsigned char)*p))
        return false;
    while (isdigit((unsigned char)*p))
        p++;
    return *p == '\0' || *p == ' ' || *p == '"' || *p == '\n';
}

/* Every "field=" of the named ones (after a space, or the quote that
 * opens JSON's fields string): not a bare number; counts them. */
static size_t check_fields(const char *text)
{
    size_t seen = 0;
    for (size_t f = 0; f < sizeof named_fields / sizeof *named_fields; f++) {
        char key[32];
        snprintf(key, sizeof key, "%s=", named_fields[f]);
        for (const char *at = strstr(text, key); at; at = strstr(at + 1, key)) {
            if (at == text || (at[-1] != ' ' && at[-1] != '"'))
                continue;
            if (bare_number(at + strlen(key)))
                fail_msg("%s: a number without its name: %.60s", named_fields[f], at);
            seen++;
        }
    }
    return seen;
}

static void expect_in(const char *text, const char *wanted)
{
    if (!strstr(text, wanted))
        fail_msg("not in the export: %s", wanted);
}

static void test_text_has_names(void **state)
{
    (void)state;
    write_every_kind(scratch("names.trace"));
    char *text = export_with(sim_trace_export_text);
    assert_int_equal(check_fields(text), NAMED_IN_TEXT);
    expect_in(text, "nr=XM_ctrl_object (13) result=XM_INVALID_CONFIG (-5)");
    expect_in(text, "nr=XM_sparc_flush_regwin (1)");
    expect_in(text, "tt=division by zero (0x2a) pc=0x4000107c <main+0x1c> address=0x00000000");
    expect_in(text, "event=XM_HM_EV_SPARCV8_DIVIDE_EXCEPTION (29) action=XM_HM_AC_HALT (6) "
                    "logged=yes");
    expect_in(text, "state=halted (3) old=ready (1)");
    expect_in(text, "previous=idle (-1)");
    expect_in(text, "plan=main (0) previous=plan 1");
    expect_in(text, "port=out (0) size=8");
    expect_in(text, "nr=XM_halt_partition (0) detail=0 why=target_denied (3)");
    expect_in(text, "what=trap (1) value=division by zero (0x2a)");
    expect_in(text, "source=hw_timer");
    free(text);
}

static void test_json_has_names(void **state)
{
    (void)state;
    write_every_kind(scratch("names.trace"));
    char *json = export_with(sim_trace_export_json);
    assert_int_equal(check_fields(json), NAMED_IN_TEXT - 1); /* SWITCH is a period there */
    expect_in(json, "\"name\":\"HM SPARCV8_DIVIDE_EXCEPTION: HALT\"");
    expect_in(json, "\"name\":\"XM_ctrl_object: XM_INVALID_CONFIG\"");
    expect_in(json, "\"name\":\"XM_sparc_flush_regwin\"");
    expect_in(json, "pc=0x4000107c <main+0x1c>");
    assert_null(strstr(json, "HM event "));
    free(json);
}

/* The shared tables: every hypercall hvcore dispatches and every return
 * code has a name; the formatters keep the numbers. */
static void test_tables(void **state)
{
    (void)state;
    char text[64];
    for (uint32_t nr = 0; nr < NR_HYPERCALLS; nr++) {
        bool reserved = nr >= 28 && nr <= 29;
        if (!reserved && !sim_hypercall_name(nr))
            fail_msg("hypercall %u has no name", nr);
    }
    for (uint32_t nr = 0; nr < NR_ASM_HYPERCALLS; nr++)
        assert_non_null(sim_asm_hypercall_name(nr));
    for (int32_t code = XM_OP_NOT_ALLOWED; code <= XM_OK; code++)
        assert_non_null(sim_xm_result_name(code));
    assert_null(sim_xm_result_name(12));
    sim_format_xm_result(12, text, sizeof text);
    assert_string_equal(text, "12");
    sim_format_xm_result(-99, text, sizeof text);
    assert_string_equal(text, "unknown (-99)");
    sim_format_hypercall(99, text, sizeof text);
    assert_string_equal(text, "unknown (99)");
    sim_format_hm_event(XM_HM_MAX_EVENTS, text, sizeof text);
    assert_string_equal(text, "unknown (40)");
    assert_string_equal(sim_trap_name(0x15, text, sizeof text), "interrupt level 5");
    assert_string_equal(sim_trap_name(0x83, text, sizeof text), "software trap");
}

/* A PC outside every function stays hex; one at a function's start has
 * no offset. */
static void test_pc_symbols(void **state)
{
    (void)state;
    struct sim_symbols s = {0};
    char text[SIM_PC_TEXT_MAX];
    assert_true(sim_symbols_add(&s, 0x40001000, 0x20, "start"));
    assert_true(sim_symbols_add(&s, 0x40000000, 0x10, "crt0"));
    sim_symbols_sort(&s);
    sim_format_pc(&s, 0x40001000, text, sizeof text);
    assert_string_equal(text, "0x40001000 <start>");
    sim_format_pc(&s, 0x40000004, text, sizeof text);
    assert_string_equal(text, "0x40000004 <crt0+0x4>");
    sim_format_pc(&s, 0x40001020, text, sizeof text);
    assert_string_equal(text, "0x40001020");
    sim_format_pc(NULL, 0x10, text, sizeof text);
    assert_string_equal(text, "0x00000010");
    sim_symbols_free(&s);
}

/* 300,000 groups, one delivery each (partition i / 256, source i % 256):
 * one line each, in order. Looking each record's group up among those seen
 * made this take minutes (2 s for 80,000): the test's TIMEOUT (trace.cmake)
 * fails it then. */
static void test_latency_many_groups(void **state)
{
    (void)state;
    enum { GROUPS = 300000 };
    struct sim_trace trace;
    open_trace("groups.trace", &trace);
    for (uint32_t i = 0; i < GROUPS; i++) {
        struct hv_trace_event e = {HV_TRACE_VIRQ_LATENCY, (int16_t)(i / 256), i % 256, 100, 0};
        sim_trace_add(&trace, i, &e);
    }
    FILE *out = latency_summary("groups.trace", &trace);
    char line[256], last[256] = "";
    size_t lines = 0;
    while (fgets(line, sizeof line, out)) {
        lines++;
        memcpy(last, line, sizeof line);
    }
    fclose(out);
    assert_int_equal(lines, GROUPS + 2);
    assert_memory_equal(last, "P1171            ext 191 ", 24); /* source 223 */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_hash),
        cmocka_unit_test(test_latency_summary),
        cmocka_unit_test(test_latency_many_groups),
        cmocka_unit_test(test_follow_growing_file),
        cmocka_unit_test(test_corrupt_files),
        cmocka_unit_test(test_text_export),
        cmocka_unit_test(test_text_export_wrong_end),
        cmocka_unit_test(test_header_cut_in_channels),
        cmocka_unit_test(test_text_has_names),
        cmocka_unit_test(test_json_has_names),
        cmocka_unit_test(test_tables),
        cmocka_unit_test(test_pc_symbols),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
