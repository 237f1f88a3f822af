/* gui/model.c: the timeline model from a known trace, and one clear
 * error line for records the configuration cannot explain. */
#include "test_gui_fixture.h"
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <hvcore/hv.h>
#include <stdlib.h>
#include <string.h>

static void slots_have_planned_and_actual_times(void **state)
{
    (void)state;
    struct gui_model m;
    fixture_model(&m);
    assert_int_equal(m.slot_count, 2);
    assert_int_equal(m.slots[0].planned_start, 0);
    assert_int_equal(m.slots[0].actual_start, FIX_SLOT0_ACTUAL_START);
    assert_int_equal(m.slots[0].planned_end, 400);
    assert_int_equal(m.slots[0].actual_end, 400);
    assert_true(m.slots[0].ended);
    assert_int_equal(m.slots[1].partition, 1);
    assert_int_equal(m.slots[1].planned_start, 500);
    assert_int_equal(m.end, FIX_END);
    gui_model_free(&m);
}

static void execution_follows_switches(void **state)
{
    (void)state;
    struct gui_model m;
    fixture_model(&m);
    assert_int_equal(m.exec_count, 4);
    assert_int_equal(m.execs[0].partition, 0);
    assert_int_equal(m.execs[0].start, FIX_EXEC0_START);
    assert_int_equal(m.execs[0].end, FIX_HM_CYCLE);
    assert_int_equal(m.execs[1].partition, -1);
    assert_int_equal(m.execs[3].partition, -1);
    assert_int_equal(m.execs[3].end, FIX_END); /* open until the run's end */
    gui_model_free(&m);
}

static void marks_events_and_messages(void **state)
{
    (void)state;
    struct gui_model m;
    fixture_model(&m);
    assert_int_equal(m.mark_count, 2);
    assert_int_equal(m.marks[1].cycle, FIX_END);
    assert_int_equal(m.marks[1].maf, 1);
    assert_int_equal(m.message_count, 1);
    assert_int_equal(m.messages[0].writer, 0);
    assert_int_equal(m.messages[0].reader, 1);
    assert_int_equal(m.messages[0].write_cycle, 150);
    assert_int_equal(m.messages[0].read_cycle, 600);
    /* hypercall, write, HM, state, read; the console byte is not an event */
    assert_int_equal(m.event_count, 5);
    assert_int_equal(m.events[2].kind, HV_TRACE_HM_EVENT);
    assert_string_equal(m.names[1], "Beta");
    gui_model_free(&m);
}

/* A trace cut in the middle of a slot: the slot and the execution run to
 * the end given by the simulator (a live run). */
static void open_slot_lasts_until_the_end(void **state)
{
    (void)state;
    struct gui_model m;
    struct gui_meta meta = {&fixture_config, FIX_KHZ, 650, false, NULL};
    char error[200];
    assert_int_equal(gui_model_build(&m, fixture_records, 12, &meta, error, sizeof error), GUI_OK);
    assert_int_equal(m.slot_count, 2);
    assert_false(m.slots[1].ended);
    assert_int_equal(m.slots[1].actual_end, 650);
    assert_int_equal(m.execs[m.exec_count - 1].end, 650);
    assert_int_equal(m.end, 650);
    gui_model_free(&m);
}

/* Build the fixture with record `index` replaced; meta says whether the
 * ports are known (a live run) or not (a recorded trace file). */
static enum gui_error build_replaced(struct gui_model *m, size_t index,
                                     struct sim_trace_record record, bool ports_unknown,
                                     char error[200])
{
    struct sim_trace_record records[64];
    memcpy(records, fixture_records, fixture_record_count * sizeof records[0]);
    records[index] = record;
    struct gui_meta meta = {&fixture_config, FIX_KHZ, 0, ports_unknown, NULL};
    return gui_model_build(m, records, fixture_record_count, &meta, error, 200);
}

/* Replace record `index` of the fixture with `bad` and expect `message`. */
static void expect_bad(size_t index, struct sim_trace_record bad, const char *message)
{
    struct gui_model m;
    char error[200] = "";
    assert_int_equal(build_replaced(&m, index, bad, false, error), GUI_ERR_BAD_TRACE);
    assert_string_equal(error, message);
    assert_null(strchr(error, '\n'));
    assert_null(m.slots);
    gui_model_free(&m);
}

/* The fixture with record `index` replaced, which must build. */
static void build_good(struct gui_model *m, size_t index, struct sim_trace_record record,
                       bool ports_unknown)
{
    char error[200] = "";
    assert_int_equal(build_replaced(m, index, record, ports_unknown, error), GUI_OK);
}

static void bad_records_give_one_line(void **state)
{
    (void)state;
    expect_bad(3, (struct sim_trace_record){100, HV_TRACE_HYPERCALL, 9, 0, 0, 0},
               "trace record 3: partition 9 is not in the configuration");
    expect_bad(3, (struct sim_trace_record){5, HV_TRACE_HYPERCALL, 0, 0, 0, 0},
               "trace record 3: time goes backwards (cycle 5 after 12)");
    expect_bad(4, (struct sim_trace_record){150, HV_TRACE_PORT_WRITE, 0, 7, 4, 0},
               "trace record 4: port 7 is not in the configuration");
    expect_bad(1, (struct sim_trace_record){10, HV_TRACE_SLOT_START, 1, 0, 0, 0},
               "trace record 1: slot 0 of partition 1 is not in plan 0");
    expect_bad(1, (struct sim_trace_record){10, HV_TRACE_HYPERCALL, 0, 0, 0, 0},
               "trace record 8: a slot ends that never started");
    expect_bad(0, (struct sim_trace_record){0, HV_TRACE_MAF_START, -1, 0, 3, 0},
               "trace record 0: major frame of plan 3, which the configuration lacks");
}

/* Kinds are extensible (docs/trace.md): one this viewer does not know,
 * and a scenario's injection, are events drawn as ticks; UART2 bytes are
 * skipped like console bytes. */
static void other_kinds_are_ticks(void **state)
{
    (void)state;
    struct gui_model m;
    build_good(&m, 3, (struct sim_trace_record){100, 200, 0, 1, 2, 3}, false);
    assert_int_equal(m.event_count, 5);
    assert_int_equal(m.events[0].kind, 200);
    assert_int_equal(m.events[0].c, 3);
    gui_model_free(&m);
    build_good(&m, 3, (struct sim_trace_record){100, SIM_TRACE_INJECT, 0, 1, 0x2a, 0}, false);
    assert_int_equal(m.events[0].kind, SIM_TRACE_INJECT);
    gui_model_free(&m);
    build_good(&m, 3, (struct sim_trace_record){100, SIM_TRACE_UART2, -1, 'u', 0, 0}, false);
    assert_int_equal(m.event_count, 4);
    gui_model_free(&m);
}

/* A trace file's header has no ports: accesses are events, any port
 * number is taken, and no message is matched. */
static void unknown_ports_make_no_messages(void **state)
{
    (void)state;
    struct gui_model m;
    build_good(&m, 4, (struct sim_trace_record){150, HV_TRACE_PORT_WRITE, 0, 7, 4, 0}, true);
    assert_int_equal(m.message_count, 0);
    assert_int_equal(m.event_count, 5);
    assert_int_equal(m.events[1].kind, HV_TRACE_PORT_WRITE);
    assert_int_equal(m.events[1].a, 7);
    gui_model_free(&m);
}

/* Console bytes gather into lines per writer: Beta's "ok\n" is one line
 * from its first byte to its newline. */
static void console_bytes_are_lines(void **state)
{
    (void)state;
    struct gui_model m;
    fixture_model(&m);
    assert_int_equal(m.line_count, 1);
    assert_string_equal(m.lines[0].text, "ok");
    assert_int_equal(m.lines[0].partition, 1);
    assert_int_equal(m.lines[0].start, FIX_LINE_START);
    assert_int_equal(m.lines[0].end, FIX_LINE_END);
    assert_false(m.lines[0].open);
    gui_model_free(&m);
}

/* Two writers interleaved, the hypervisor's own line, a carriage return,
 * a control byte, a line too long to keep whole, one without its newline. */
static void console_lines_per_writer(void **state)
{
    (void)state;
    struct sim_trace_record r[400];
    size_t n = 0;
    const char *alpha = "a\rb\x01\n", *beta = "xy\n";
    for (size_t i = 0; i < strlen(alpha); i++) {
        r[n++] = (struct sim_trace_record){10 + i, SIM_TRACE_CONSOLE, 0, (uint8_t)alpha[i], 0, 0};
        if (i < strlen(beta))
            r[n++] =
                (struct sim_trace_record){10 + i, SIM_TRACE_CONSOLE, 1, (uint8_t)beta[i], 0, 0};
    }
    for (size_t i = 0; i < 200; i++)
        r[n++] = (struct sim_trace_record){20 + i, SIM_TRACE_CONSOLE, -1, 'h', 0, 0};
    r[n++] = (struct sim_trace_record){300, SIM_TRACE_UART2, -1, 'u', 0, 0};
    struct gui_meta meta = {&fixture_config, FIX_KHZ, 400, false, NULL};
    struct gui_model m;
    char error[200] = "";
    assert_int_equal(gui_model_build(&m, r, n, &meta, error, sizeof error), GUI_OK);
    assert_int_equal(m.line_count, 4);
    assert_string_equal(m.lines[0].text, "ab?");
    assert_int_equal(m.lines[0].end, 14);
    assert_string_equal(m.lines[1].text, "xy");
    assert_int_equal(m.lines[1].partition, 1);
    assert_int_equal(m.lines[2].partition, -1);
    assert_int_equal(m.lines[2].length, 200);
    assert_int_equal(strlen(m.lines[2].text), GUI_CONSOLE_TEXT - 1);
    assert_string_equal(m.lines[2].text + GUI_CONSOLE_TEXT - 4, "...");
    assert_true(m.lines[2].open);
    assert_true(m.lines[3].uart2);
    assert_string_equal(m.lines[3].text, "u");
    gui_model_free(&m);
}

/* Suspended from a state change to the next, halted until the end; ready
 * and idle are not shaded. */
static void suspended_and_halted_stretches(void **state)
{
    (void)state;
    const struct sim_trace_record r[] = {
        {100, HV_TRACE_STATE, 1, HV_STATE_SUSPENDED, HV_STATE_READY, 0},
        {250, HV_TRACE_STATE, 1, HV_STATE_READY, HV_STATE_SUSPENDED, 0},
        {260, HV_TRACE_STATE, 0, HV_STATE_IDLE, HV_STATE_READY, 0},
        {300, HV_TRACE_STATE, 1, HV_STATE_HALTED, HV_STATE_READY, 0},
    };
    struct gui_meta meta = {&fixture_config, FIX_KHZ, 400, false, NULL};
    struct gui_model m;
    char error[200] = "";
    assert_int_equal(gui_model_build(&m, r, 4, &meta, error, sizeof error), GUI_OK);
    assert_int_equal(m.span_count, 2);
    assert_int_equal(m.spans[0].state, HV_STATE_SUSPENDED);
    assert_int_equal(m.spans[0].start, 100);
    assert_int_equal(m.spans[0].end, 250);
    assert_int_equal(m.spans[1].state, HV_STATE_HALTED);
    assert_int_equal(m.spans[1].partition, 1);
    assert_int_equal(m.spans[1].end, 400);
    assert_int_equal(m.event_count, 4); /* and each is a tick */
    gui_model_free(&m);
}

/* The normal latencies are what most slots show; one slot ending later
 * overran by the difference, one starting later started late by it. */
static void overrun_is_beyond_the_normal_latency(void **state)
{
    (void)state;
    struct gui_model m;
    fixture_overrun_model(&m);
    assert_int_equal(m.slot_count, 6);
    assert_int_equal(m.slot_start_latency, 4);
    assert_int_equal(m.slot_end_latency, 3);
    for (size_t i = 0; i < m.slot_count; i++) {
        assert_int_equal(gui_slot_overrun(&m, &m.slots[i]),
                         i == FIX_OVERRUN_SLOT ? FIX_OVERRUN : 0);
        assert_int_equal(gui_slot_late(&m, &m.slots[i]), i == FIX_LATE_SLOT ? FIX_LATE : 0);
    }
    gui_model_free(&m);
}

static void empty_trace_is_an_empty_model(void **state)
{
    (void)state;
    struct gui_model m;
    struct gui_meta meta = {&fixture_config, FIX_KHZ, 0, false, NULL};
    char error[200];
    assert_int_equal(gui_model_build(&m, NULL, 0, &meta, error, sizeof error), GUI_OK);
    assert_int_equal(m.slot_count + m.exec_count + m.event_count, 0);
    assert_int_equal(m.end, 0);
    gui_model_free(&m);
}

/* Two queuing channels; after one message on the first, its reader polls
 * in vain while the second carries many writes. A read that found nothing
 * scanned every write since the last match again: this took minutes. The
 * test's TIMEOUT (gui.cmake) fails it then. */
static void unanswered_reads_do_not_rescan(void **state)
{
    (void)state;
    enum { POLLS = 400000 };
    static const struct hv_port_config ports[] = {
        {.name = "a", .partition_id = 0, .direction = HV_PORT_SOURCE, .type = HV_PORT_QUEUING},
        {.name = "b",
         .partition_id = 0,
         .direction = HV_PORT_SOURCE,
         .type = HV_PORT_QUEUING,
         .channel = 1},
        {.name = "a_in",
         .partition_id = 1,
         .direction = HV_PORT_DESTINATION,
         .type = HV_PORT_QUEUING},
        {.name = "b_in",
         .partition_id = 1,
         .direction = HV_PORT_DESTINATION,
         .type = HV_PORT_QUEUING,
         .channel = 1},
    };
    static const uint32_t to_a[] = {2}, to_b[] = {3};
    static const struct hv_channel channels[] = {
        {.type = HV_CHANNEL_QUEUING,
         .source_port = 0,
         .destination_ports = to_a,
         .destination_count = 1},
        {.type = HV_CHANNEL_QUEUING,
         .source_port = 1,
         .destination_ports = to_b,
         .destination_count = 1},
    };
    struct hv_config config = fixture_config;
    config.ports = ports;
    config.port_count = 4;
    config.channels = channels;
    config.channel_count = 2;
    struct sim_trace_record *records = calloc(2 * POLLS + 2, sizeof *records);
    assert_non_null(records);
    records[0] = (struct sim_trace_record){0, HV_TRACE_MAF_START, -1, 0, 0, 0};
    records[1] = (struct sim_trace_record){1, HV_TRACE_PORT_WRITE, 0, 0, 4, 0};
    for (uint32_t i = 0; i < POLLS; i++) {
        records[2 + 2 * i] = (struct sim_trace_record){2 + 2 * i, HV_TRACE_PORT_WRITE, 0, 1, 4, 0};
        records[3 + 2 * i] = (struct sim_trace_record){3 + 2 * i, HV_TRACE_PORT_READ, 1, 2, 4, 0};
    }
    struct gui_meta meta = {&config, FIX_KHZ, 0, false, NULL};
    struct gui_model m;
    char error[200] = "";
    assert_int_equal(gui_model_build(&m, records, 2 * POLLS + 2, &meta, error, sizeof error),
                     GUI_OK);
    assert_int_equal(m.message_count, 1); /* a's one message, read once */
    assert_int_equal(m.messages[0].write_cycle, 1);
    assert_int_equal(m.messages[0].read_cycle, 3);
    gui_model_free(&m);
    free(records);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(slots_have_planned_and_actual_times),
        cmocka_unit_test(execution_follows_switches),
        cmocka_unit_test(marks_events_and_messages),
        cmocka_unit_test(open_slot_lasts_until_the_end),
        cmocka_unit_test(bad_records_give_one_line),
        cmocka_unit_test(other_kinds_are_ticks),
        cmocka_unit_test(unknown_ports_make_no_messages),
        cmocka_unit_test(empty_trace_is_an_empty_model),
        cmocka_unit_test(console_bytes_are_lines),
        cmocka_unit_test(console_lines_per_writer),
        cmocka_unit_test(suspended_and_halted_stretches),
        cmocka_unit_test(overrun_is_beyond_the_normal_latency),
        cmocka_unit_test(unanswered_reads_do_not_rescan),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
