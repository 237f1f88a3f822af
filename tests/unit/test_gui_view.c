/* gui/view.c, control.c, describe.c: the view transform, zoom, pan, fit,
 * hit testing, HM jumps and the words shown, all without a window. */
#include "gui/control.h"
#include "gui/describe.h"
#include "test_gui_fixture.h"
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <string.h>
#include <xm/hm.h>

#define WIDTH 1144 /* a 1000-pixel plot: one pixel per cycle when fitted */
#define HEIGHT 400

struct fixture {
    struct gui_model model;
    struct gui_control control;
};

static int setup(void **state)
{
    static struct fixture f;
    fixture_model(&f.model);
    gui_control_init(&f.control, &f.model, WIDTH, HEIGHT, false);
    *state = &f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    gui_model_free(&f->model);
    return 0;
}

static int lane_middle(const struct gui_view *v, uint32_t lane)
{
    return gui_view_lane_top(v, lane) + v->layout.lane_height / 2;
}

static void fit_shows_the_whole_run(void **state)
{
    struct fixture *f = *state;
    struct gui_view *v = &f->control.view;
    assert_int_equal(v->layout.plot_right - v->layout.plot_left, 1000);
    assert_true(fabs(gui_view_x(v, 0) - v->layout.plot_left) < 1e-9);
    assert_true(fabs(gui_view_x(v, FIX_END) - v->layout.plot_right) < 1e-9);
    assert_true(fabs(gui_view_cycle(v, gui_view_x(v, 123.5)) - 123.5) < 1e-9);
}

static void zoom_keeps_the_time_under_the_cursor(void **state)
{
    struct fixture *f = *state;
    struct gui_control *c = &f->control;
    gui_control_motion(c, 432, 100);
    double before = gui_view_cycle(&c->view, 432);
    gui_control_wheel(c, 3);
    assert_true(fabs(gui_view_cycle(&c->view, 432) - before) < 1e-6);
    assert_true(fabs(c->view.cycles_per_px - 1.0 / pow(GUI_ZOOM_STEP, 3)) < 1e-12);
    gui_control_action(c, &f->model, GUI_ACT_ZOOM_OUT);
    assert_true(fabs(gui_view_cycle(&c->view, 432) - before) < 1e-6);
    gui_control_action(c, &f->model, GUI_ACT_FIT);
    assert_true(fabs(c->view.cycles_per_px - 1.0) < 1e-12);
}

static void zoom_stops_at_the_limit(void **state)
{
    struct fixture *f = *state;
    gui_control_wheel(&f->control, 200);
    assert_true(f->control.view.cycles_per_px >= GUI_MIN_CYCLES_PER_PX);
    gui_control_action(&f->control, &f->model, GUI_ACT_FIT);
}

static void drag_and_arrows_pan(void **state)
{
    struct fixture *f = *state;
    struct gui_control *c = &f->control;
    int y = lane_middle(&c->view, 2); /* the hypervisor's lane: nothing to select there */
    gui_control_press(c, &f->model, 600, y);
    gui_control_motion(c, 650, y);
    gui_control_release(c);
    /* content moved right by 50 px: the time at 650 is what was at 600 */
    assert_true(fabs(gui_view_cycle(&c->view, 650) - 468) < 1e-9);
    gui_control_action(c, &f->model, GUI_ACT_PAN_RIGHT); /* a tenth of the plot later */
    assert_true(fabs(gui_view_cycle(&c->view, 650) - 568) < 1e-9);
    gui_control_action(c, &f->model, GUI_ACT_FIT);
}

static void hit_finds_events_slots_and_nothing(void **state)
{
    struct fixture *f = *state;
    struct gui_view *v = &f->control.view;
    int hm_x = (int)gui_view_x(v, FIX_HM_CYCLE);
    struct gui_hit hit = gui_view_hit(v, &f->model, hm_x + 2, lane_middle(v, 0));
    assert_int_equal(hit.kind, GUI_HIT_EVENT);
    assert_int_equal(f->model.events[hit.index].kind, HV_TRACE_HM_EVENT);
    hit = gui_view_hit(v, &f->model, (int)gui_view_x(v, 300), lane_middle(v, 0));
    assert_int_equal(hit.kind, GUI_HIT_SLOT);
    assert_int_equal(hit.index, 0);
    hit = gui_view_hit(v, &f->model, (int)gui_view_x(v, 700), lane_middle(v, 1));
    assert_int_equal(hit.kind, GUI_HIT_SLOT);
    assert_int_equal(hit.index, 1);
    /* Alpha has nothing planned at 700: it is halted since 200 */
    hit = gui_view_hit(v, &f->model, (int)gui_view_x(v, 700), lane_middle(v, 0));
    assert_int_equal(hit.kind, GUI_HIT_SPAN);
    /* Beta's console line, at the bottom of its lane; above it, the slot */
    int bottom = gui_view_lane_top(v, 1) + v->layout.lane_height - 4;
    hit = gui_view_hit(v, &f->model, (int)gui_view_x(v, 710), bottom);
    assert_int_equal(hit.kind, GUI_HIT_CONSOLE);
    hit = gui_view_hit(v, &f->model, (int)gui_view_x(v, 710), lane_middle(v, 1));
    assert_int_equal(hit.kind, GUI_HIT_SLOT);
    /* the message's arrow, half-way from the write (150, Alpha) to the read
     * (600, Beta); 10 px off it, nothing of it */
    int mid_x = (int)gui_view_x(v, 375), mid_y = (lane_middle(v, 0) + lane_middle(v, 1)) / 2;
    hit = gui_view_hit(v, &f->model, mid_x, mid_y);
    assert_int_equal(hit.kind, GUI_HIT_MESSAGE);
    assert_int_not_equal(gui_view_hit(v, &f->model, mid_x, mid_y + 10).kind, GUI_HIT_MESSAGE);
    hit = gui_view_hit(v, &f->model, 5, lane_middle(v, 0)); /* the label column */
    assert_int_equal(hit.kind, GUI_HIT_NONE);
}

static void ticks_are_hit_only_when_shown(void **state)
{
    struct fixture *f = *state;
    struct gui_control *c = &f->control;
    int x = (int)gui_view_x(&c->view, 100), y = lane_middle(&c->view, 0);
    assert_int_equal(gui_view_hit(&c->view, &f->model, x, y).kind, GUI_HIT_EVENT);
    gui_control_action(c, &f->model, GUI_ACT_TOGGLE_TICKS);
    assert_int_equal(gui_view_hit(&c->view, &f->model, x, y).kind, GUI_HIT_SLOT);
    gui_control_action(c, &f->model, GUI_ACT_TOGGLE_TICKS);
}

static void click_selects_a_slot(void **state)
{
    struct fixture *f = *state;
    struct gui_control *c = &f->control;
    gui_control_press(c, &f->model, (int)gui_view_x(&c->view, 700), lane_middle(&c->view, 1));
    gui_control_release(c);
    assert_int_equal(c->selected_slot, 1);
    gui_control_press(c, &f->model, (int)gui_view_x(&c->view, 700), lane_middle(&c->view, 0));
    gui_control_release(c);
    assert_int_equal(c->selected_slot, -1);
}

static void n_and_p_jump_between_hm_events(void **state)
{
    struct fixture *f = *state;
    struct gui_control *c = &f->control;
    assert_int_equal(gui_model_next_hm(&f->model, 0, 1), 2);
    assert_int_equal(gui_model_next_hm(&f->model, FIX_HM_CYCLE, 1), -1);
    assert_int_equal(gui_model_next_hm(&f->model, 900, -1), 2);
    gui_control_wheel(c, 10);
    gui_control_action(c, &f->model, GUI_ACT_PREV_HM); /* from the middle, 500 */
    double middle = (c->view.layout.plot_left + c->view.layout.plot_right) / 2.0;
    assert_true(fabs(gui_view_cycle(&c->view, middle) - FIX_HM_CYCLE) < 1e-6);
    gui_control_action(c, &f->model, GUI_ACT_FIT);
}

static void live_view_follows_the_end(void **state)
{
    struct fixture *f = *state;
    struct gui_control c;
    gui_control_init(&c, &f->model, WIDTH, HEIGHT, true);
    gui_view_show(&c.view, 0, 500);
    gui_control_follow(&c, &f->model);
    double end_x = gui_view_x(&c.view, FIX_END);
    assert_true(end_x < c.view.layout.plot_right && end_x > c.view.layout.plot_left);
    gui_control_action(&c, &f->model, GUI_ACT_PAN_LEFT); /* the user looks back: stop following */
    assert_false(c.follow);
    gui_control_action(&c, &f->model, GUI_ACT_STEP_SLOT);
    assert_true(c.paused);
    assert_int_equal(c.step, GUI_STEP_SLOT);
}

static void axis_steps_and_labels(void **state)
{
    struct fixture *f = *state;
    struct gui_view *v = &f->control.view; /* 1 µs a pixel */
    assert_true(gui_axis_step_ns(v, FIX_KHZ, 90) == 100e3);
    assert_true(gui_axis_step_ns(v, FIX_KHZ, 120) == 200e3);
    assert_true(gui_axis_step_ns(v, FIX_KHZ, 300) == 500e3);
    char text[32];
    gui_time_text(1.5e6, 500e3, text, sizeof text);
    assert_string_equal(text, "1.5 ms");
    gui_time_text(250e3, 50e3, text, sizeof text);
    assert_string_equal(text, "250 \xc2\xb5s");
    gui_time_text(2e9, 1e9, text, sizeof text);
    assert_string_equal(text, "2 s");
    gui_time_text(0, 1e6, text, sizeof text);
    assert_string_equal(text, "0 ms");
    gui_time_text(40, 20, text, sizeof text);
    assert_string_equal(text, "40 ns");
}

/* A console line is hovered on its bar and on its text after it (about
 * 7 px a character, up to the writer's next line), not past that. */
static void console_text_is_hovered_too(void **state)
{
    (void)state;
    const char *text = "a console line of forty characters......\n";
    struct sim_trace_record r[64];
    size_t n = 0;
    for (size_t i = 0; text[i]; i++)
        r[n++] = (struct sim_trace_record){100 + i, SIM_TRACE_CONSOLE, 0, (uint8_t)text[i], 0, 0};
    r[n++] = (struct sim_trace_record){600, SIM_TRACE_CONSOLE, 0, 'x', 0, 0};
    struct gui_meta meta = {&fixture_config, FIX_KHZ, FIX_END, false, NULL};
    struct gui_model m;
    char error[200] = "";
    assert_int_equal(gui_model_build(&m, r, n, &meta, error, sizeof error), GUI_OK);
    struct gui_control c;
    gui_control_init(&c, &m, WIDTH, HEIGHT, false); /* one pixel a cycle */
    struct gui_view *v = &c.view;
    int y = gui_view_lane_top(v, 0) + v->layout.lane_height - 12; /* the text's row */
    int x0 = (int)gui_view_x(v, 100);
    struct gui_hit hit = gui_view_hit(v, &m, x0 + 20, y); /* on the bar (41 px) */
    assert_int_equal(hit.kind, GUI_HIT_CONSOLE);
    assert_int_equal(hit.index, 0);
    hit = gui_view_hit(v, &m, x0 + 200, y); /* on the text (40 × 7 px) */
    assert_int_equal(hit.kind, GUI_HIT_CONSOLE);
    assert_int_equal(hit.index, 0);
    assert_int_not_equal(gui_view_hit(v, &m, x0 + 300, y).kind, GUI_HIT_CONSOLE);
    /* the next line at 600: its own */
    hit = gui_view_hit(v, &m, (int)gui_view_x(v, 600), y);
    assert_int_equal(hit.kind, GUI_HIT_CONSOLE);
    assert_int_equal(hit.index, 1);
    gui_model_free(&m);
}

/* Hover texts of a message's arrow, a console line, a halted stretch. */
static void details_of_a_message_a_line_and_a_state(void **state)
{
    struct fixture *f = *state;
    char text[1024];
    gui_describe_hit(&f->model, (struct gui_hit){GUI_HIT_MESSAGE, 0}, text, sizeof text);
    assert_string_equal(text, "port message: Alpha -> Beta\n"
                              "port out -> port in, 4 bytes read\n"
                              "written at 150.000 \xc2\xb5s (cycle 150)\n"
                              "read at    600.000 \xc2\xb5s (cycle 600)\n"
                              "450.000 \xc2\xb5s from the write to the read");
    gui_describe_hit(&f->model, (struct gui_hit){GUI_HIT_CONSOLE, 0}, text, sizeof text);
    assert_string_equal(text, "console line: Beta\n"
                              "from 700.000 \xc2\xb5s (cycle 700)\n"
                              "to   720.000 \xc2\xb5s (cycle 720)\n"
                              "\"ok\"");
    gui_describe_hit(&f->model, (struct gui_hit){GUI_HIT_SPAN, 0}, text, sizeof text);
    assert_string_equal(text, "Alpha halted\n"
                              "from 200.000 \xc2\xb5s (cycle 200)\n"
                              "to the run's end 1000.000 \xc2\xb5s (cycle 1000)\n");
}

static void details_of_a_late_slot_and_an_hm_event(void **state)
{
    struct fixture *f = *state;
    char text[1024];
    gui_describe_hit(&f->model, (struct gui_hit){GUI_HIT_SLOT, 0}, text, sizeof text);
    assert_non_null(strstr(text, "slot 0 of plan 0: Alpha, MAF 0"));
    assert_non_null(strstr(text, "planned start 0.000 \xc2\xb5s"));
    assert_non_null(strstr(text, "actual start  10.000 \xc2\xb5s"));
    /* Beta's slot started on time: the normal start latency is 0, Alpha's
     * 10 µs is late; both ended on time */
    assert_non_null(strstr(text, "started 10.000 \xc2\xb5s after its planned start: LATE, "
                                 "10.000 \xc2\xb5s more than this run's normal 0.000 \xc2\xb5s\n"));
    assert_non_null(strstr(text, "ended 0.000 \xc2\xb5s after its planned end (normal: the timer "
                                 "interrupt's latency)"));
    assert_null(strstr(text, "OVERRUN"));
    gui_describe_hit(&f->model, (struct gui_hit){GUI_HIT_EVENT, 2}, text, sizeof text);
    assert_non_null(strstr(text, "HM event: Alpha\nat 200.000 \xc2\xb5s"));
    assert_non_null(strstr(text, "MEM_PROTECTION, action HALT, logged"));
    gui_describe_hit(&f->model, (struct gui_hit){GUI_HIT_EVENT, 0}, text, sizeof text);
    assert_non_null(strstr(text, "hypercall: Alpha\n"));
    assert_non_null(strstr(text, "XM_write_object (11) returned XM_OK (0)"));
}

/* The details of a hit described with these symbols (NULL: none). */
static void describe_with(const struct sim_trace_record *r, size_t n,
                          const struct sim_symbols *symbols, size_t event, char *text, size_t size)
{
    struct gui_meta meta = {&fixture_config, FIX_KHZ, FIX_END, false, symbols};
    struct gui_model m;
    char error[200] = "";
    assert_int_equal(gui_model_build(&m, r, n, &meta, error, sizeof error), GUI_OK);
    gui_describe_hit(&m, (struct gui_hit){GUI_HIT_EVENT, event}, text, size);
    gui_model_free(&m);
}

/* A trap's and a virtual interrupt's PC named by the partition's own
 * symbols when the images' are given, plain hex without them or outside
 * every function; an HM event raised by a trap (same partition, same
 * cycle: the trap's tick lies under its marker) says the trap too. */
static void details_name_pcs_with_symbols(void **state)
{
    (void)state;
    const struct sim_trace_record r[] = {
        {100, HV_TRACE_TRAP, 0, 0x2a, 0x4000107c, 0}, /* Alpha, in main */
        {100, HV_TRACE_HM_EVENT, 0, XM_HM_EV_SPARCV8_DIVIDE_EXCEPTION, XM_HM_AC_HALT, 1},
        {600, HV_TRACE_VIRQ_DELIVER, 1, 5, 0x40001060, 0}, /* Beta, at its tick's start */
        {700, HV_TRACE_TRAP, 0, 0x2a, 0x40009000, 0},      /* Alpha, in no function */
        {750, HV_TRACE_HM_EVENT, 0, XM_HM_EV_PARTITION_ERROR, XM_HM_AC_HALT, 1}, /* no trap */
    };
    const size_t n = sizeof r / sizeof r[0];
    struct sim_symbols symbols[HV_MAX_PARTITIONS] = {{0}};
    assert_true(sim_symbols_add(&symbols[0], 0x40001060, 0x40, "main"));
    assert_true(sim_symbols_add(&symbols[1], 0x40001060, 0x80, "tick"));
    assert_true(sim_symbols_add(&symbols[1], 0x40001000, 0x20, "start"));
    sim_symbols_sort(&symbols[1]);
    char text[1024];
    describe_with(r, n, symbols, 0, text, sizeof text);
    assert_non_null(strstr(text, "division by zero (tt 0x2a) at pc 0x4000107c <main+0x1c>, "
                                 "address 0x00000000"));
    describe_with(r, n, symbols, 1, text, sizeof text);
    assert_non_null(strstr(text, "SPARCV8_DIVIDE_EXCEPTION, action HALT, logged\ncaused by "
                                 "division by zero (tt 0x2a) at pc 0x4000107c <main+0x1c>"));
    describe_with(r, n, symbols, 2, text, sizeof text);
    assert_non_null(strstr(text, "vector 5 at pc 0x40001060 <tick>"));
    describe_with(r, n, symbols, 3, text, sizeof text);
    assert_non_null(strstr(text, "at pc 0x40009000, address"));
    describe_with(r, n, symbols, 4, text, sizeof text);
    assert_null(strstr(text, "caused by"));
    describe_with(r, n, NULL, 0, text, sizeof text);
    assert_non_null(strstr(text, "at pc 0x4000107c, address"));
    assert_null(strchr(text, '<'));
    describe_with(r, n, NULL, 2, text, sizeof text);
    assert_non_null(strstr(text, "vector 5 at pc 0x40001060"));
    assert_null(strchr(text, '<'));
    for (size_t p = 0; p < HV_MAX_PARTITIONS; p++)
        sim_symbols_free(&symbols[p]);
}

static void status_line_names_time_and_maf(void **state)
{
    struct fixture *f = *state;
    struct gui_view *v = &f->control.view;
    char text[120];
    gui_status_text(&f->model, v, (int)gui_view_x(v, 250), text, sizeof text);
    assert_string_equal(text, "t = 250 \xc2\xb5s   MAF 0   plan 0");
    gui_status_text(&f->model, v, v->layout.plot_right - 1, text, sizeof text);
    assert_string_equal(text, "t = 999 \xc2\xb5s   MAF 0   plan 0");
    gui_status_text(&f->model, v, 3, text, sizeof text); /* over the labels */
    assert_string_equal(text, "end 1.000 ms   MAF 1   plan 0");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fit_shows_the_whole_run),
        cmocka_unit_test(zoom_keeps_the_time_under_the_cursor),
        cmocka_unit_test(zoom_stops_at_the_limit),
        cmocka_unit_test(drag_and_arrows_pan),
        cmocka_unit_test(hit_finds_events_slots_and_nothing),
        cmocka_unit_test(ticks_are_hit_only_when_shown),
        cmocka_unit_test(click_selects_a_slot),
        cmocka_unit_test(n_and_p_jump_between_hm_events),
        cmocka_unit_test(live_view_follows_the_end),
        cmocka_unit_test(axis_steps_and_labels),
        cmocka_unit_test(details_of_a_late_slot_and_an_hm_event),
        cmocka_unit_test(details_of_a_message_a_line_and_a_state),
        cmocka_unit_test(details_name_pcs_with_symbols),
        cmocka_unit_test(console_text_is_hovered_too),
        cmocka_unit_test(status_line_names_time_and_maf),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
