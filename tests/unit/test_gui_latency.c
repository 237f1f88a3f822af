/* The timeline's virtual interrupt deliveries (gui/render.c, describe.c):
 * each VIRQ_LATENCY record is a line from the raise to the handler's start
 * at the top of its partition's lane, with a tick; one over the
 * partition's bound is red and marked down the lane; hovering it gives the
 * latency. Headless, on the gui tests' system (1 cycle = 1 µs). */
#include "gui/describe.h"
#include "gui/render.h"
#include "test_gui_fixture.h"
#include "test_gui_headless.h"
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <hvcore/trace.h>
#include <string.h>
#include <xm/guest.h>

#define WIDTH 1100
#define HEIGHT 300
#define TIMER (32u + XM_VT_EXT_HW_TIMER)

#define R(cycle, kind, partition, a, b, c)                                                         \
    {                                                                                              \
        cycle, kind, partition, a, b, c                                                            \
    }
/* Alpha: a HW timer raised at 100 and taken at 200 (in bound); another
 * raised at 600, in Beta's slot, waits for Alpha's next slot and is taken
 * 20 µs into it, over the bound. */
static const struct sim_trace_record records[] = {
    R(0, HV_TRACE_MAF_START, -1, 0, 0, 0),
    R(0, HV_TRACE_SLOT_START, 0, 0, 0, 0),
    R(0, HV_TRACE_SWITCH, 0, (uint32_t)-1, 0, 0),
    R(200, HV_TRACE_VIRQ_DELIVER, 0, 224, 0, 0),
    R(200, HV_TRACE_VIRQ_LATENCY, 0, TIMER, 100, 0),
    R(400, HV_TRACE_SLOT_END, 0, 0, 400, 0),
    R(500, HV_TRACE_SLOT_START, 1, 1, 500, 0),
    R(900, HV_TRACE_SLOT_END, 1, 1, 900, 0),
    R(1000, HV_TRACE_MAF_START, -1, 1, 0, 0),
    R(1000, HV_TRACE_SLOT_START, 0, 0, 1000, 0),
    R(1020, HV_TRACE_VIRQ_DELIVER, 0, 224, 0, 0),
    R(1020, HV_TRACE_VIRQ_LATENCY, 0, TIMER | HV_LATENCY_OVER_BOUND, 420, 400),
    R(1100, HV_TRACE_MAF_START, -1, 2, 0, 0),
};

static int setup(void **state)
{
    static struct gui_headless f;
    char error[200] = "";
    struct gui_meta meta = {&fixture_config, FIX_KHZ, 0, false, NULL};
    assert_int_equal(gui_model_build(&f.model, records, sizeof records / sizeof records[0], &meta,
                                     error, sizeof error),
                     GUI_OK);
    if (gui_headless_render(&f, WIDTH, HEIGHT, 1200) != 0)
        return -1;
    *state = &f;
    return 0;
}

static int teardown(void **state)
{
    gui_headless_close(*state);
    return 0;
}

static int lane_top(const struct gui_headless *f)
{
    return gui_view_lane_top(&f->view, 0);
}

static void test_delivery_line_and_ticks(void **state)
{
    struct gui_headless *f = *state;
    int h = f->view.layout.lane_height;
    /* in bound: the line from the raise (100) to the handler (200), a short tick */
    assert_int_equal(gui_headless_pixel(f, gui_headless_x(f, 150), lane_top(f) + 3), 0x0077ccu);
    assert_int_equal(gui_headless_pixel(f, gui_headless_x(f, 200), lane_top(f) + 3 + h / 8),
                     0x0077ccu);
    assert_int_not_equal(gui_headless_pixel(f, gui_headless_x(f, 200), lane_top(f) + h - 5),
                         GUI_LATE_COLOUR);
    /* over the bound: red, from the raise at 600 and down the lane at 1020 */
    assert_int_equal(gui_headless_pixel(f, gui_headless_x(f, 800), lane_top(f) + 3),
                     GUI_LATE_COLOUR);
    assert_int_equal(gui_headless_pixel(f, gui_headless_x(f, 1020), lane_top(f) + h - 5),
                     GUI_LATE_COLOUR);
}

static size_t latency_event(const struct gui_headless *f, size_t nth)
{
    for (size_t i = 0; i < f->model.event_count; i++) {
        if (f->model.events[i].kind == HV_TRACE_VIRQ_LATENCY && nth-- == 0)
            return i;
    }
    fail_msg("no latency event");
    return 0;
}

static void test_hover_gives_the_latency(void **state)
{
    struct gui_headless *f = *state;
    char text[512] = "";
    gui_describe_hit(&f->model, (struct gui_hit){GUI_HIT_EVENT, latency_event(f, 0)}, text,
                     sizeof text);
    assert_non_null(strstr(text, "virtual IRQ latency: Alpha\n"));
    assert_non_null(strstr(text, "hw_timer: 100.000 \xc2\xb5s from its raise at 100.000 \xc2\xb5s "
                                 "to the handler"));
    assert_null(strstr(text, "over"));
    text[0] = '\0';
    gui_describe_hit(&f->model, (struct gui_hit){GUI_HIT_EVENT, latency_event(f, 1)}, text,
                     sizeof text);
    assert_non_null(strstr(text, "hw_timer: 420.000 \xc2\xb5s from its raise at 600.000 \xc2\xb5s "
                                 "to the handler, of which 400.000 \xc2\xb5s waiting for the slot; "
                                 "over the partition's bound"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_delivery_line_and_ticks),
        cmocka_unit_test(test_hover_gives_the_latency),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
