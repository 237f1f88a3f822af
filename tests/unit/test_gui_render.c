/* gui/render.c and export.c, headless: the fixture's timeline rendered
 * into a software surface (no display), checked pixel by pixel, and the
 * PNG export byte-identical from run to run. */
#define _POSIX_C_SOURCE 200809L
#include "gui/export.h"
#include "gui/render.h"
#include "test_gui_fixture.h"
#include "test_gui_headless.h"
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define WIDTH 1132
#define HEIGHT 300

static int setup(void **state)
{
    static struct gui_headless f;
    fixture_model(&f.model);
    /* The fitted run ends 100 px before the plot's right edge. */
    if (gui_headless_render(&f, WIDTH, HEIGHT, FIX_END * 1.1) != 0)
        return -1;
    *state = &f;
    return 0;
}

static int teardown(void **state)
{
    gui_headless_close(*state);
    return 0;
}

static int lane_y(const struct gui_headless *f, uint32_t lane, double fraction)
{
    return gui_view_lane_top(&f->view, lane) + (int)(fraction * f->view.layout.lane_height);
}

static void partition_colour_inside_its_slot(void **state)
{
    struct gui_headless *f = *state;
    /* Alpha ran 12..200: its colour in the middle of the lane */
    assert_int_equal(gui_headless_pixel(f, gui_headless_x(f, 100) + 3, lane_y(f, 0, 0.5)),
                     gui_partition_colour(0));
    /* the planned slot behind, above the execution band */
    assert_int_equal(gui_headless_pixel(f, gui_headless_x(f, 300), lane_y(f, 0, 0.2)),
                     gui_partition_pale(0));
    /* Beta ran 500..900 */
    assert_int_equal(gui_headless_pixel(f, gui_headless_x(f, 800), lane_y(f, 1, 0.5)),
                     gui_partition_colour(1));
    assert_true(gui_partition_colour(0) != gui_partition_colour(1));
}

/* Off the halted hatching's lines (falling: x - y ≡ 0 mod 6): the x
 * nearest `x` whose pixel at y is not on a line. */
static int off_hatch(int x, int y)
{
    return ((x - y) % 6 + 6) % 6 == 0 ? x + 3 : x;
}

static bool on_hatch(int x, int y)
{
    return ((x - y) % 6 + 6) % 6 == 0;
}

/* Alpha's slot started 10 µs late (Beta's on time: the normal start is
 * 0): red where it should have run, the planned rectangle above; after
 * the HM event the slot stays planned only, hatched: Alpha is halted. */
static void late_start_and_shortened_execution_are_visible(void **state)
{
    struct gui_headless *f = *state;
    int x = gui_headless_x(f, 5);
    assert_int_equal(gui_headless_pixel(f, x, lane_y(f, 0, 0.5)), GUI_OVERRUN_COLOUR);
    assert_int_equal(gui_headless_pixel(f, x, lane_y(f, 0, 0.2)), gui_partition_pale(0));
    int y = lane_y(f, 0, 0.5);
    x = off_hatch(gui_headless_x(f, 300), y);
    assert_int_equal(gui_headless_pixel(f, x, y), gui_partition_pale(0));
}

/* Alpha is halted from 200 to the end: its lane hatched there (and only
 * there: not before, not on Beta's lane). */
static void halted_lane_is_hatched(void **state)
{
    struct gui_headless *f = *state;
    int y = lane_y(f, 0, 0.6), y1 = lane_y(f, 1, 0.6);
    int hatched = 0, before = 0, beta = 0;
    for (int x = gui_headless_x(f, 250); x < gui_headless_x(f, 950); x++) {
        bool line = on_hatch(x, y), dark = gui_headless_pixel(f, x, y) == GUI_HALTED_COLOUR;
        if (line != dark)
            fail_msg("pixel %d,%d: hatch line %d, halted colour %d", x, y, line, dark);
        hatched += dark;
        beta += gui_headless_pixel(f, x, y1) == GUI_HALTED_COLOUR;
    }
    for (int x = gui_headless_x(f, 20); x < gui_headless_x(f, 190); x++)
        before += gui_headless_pixel(f, x, y) == GUI_HALTED_COLOUR;
    assert_true(hatched > 50);
    assert_int_equal(before, 0);
    assert_int_equal(beta, 0);
}

/* Beta's "ok" from 700 to 720: a green bar at the bottom of its lane. */
static void console_line_at_the_bottom_of_its_lane(void **state)
{
    struct gui_headless *f = *state;
    int y = gui_view_lane_top(&f->view, 1) + f->view.layout.lane_height - 5;
    assert_int_equal(gui_headless_pixel(f, gui_headless_x(f, 710), y), GUI_CONSOLE_COLOUR);
    assert_int_not_equal(gui_headless_pixel(f, gui_headless_x(f, 760), y), GUI_CONSOLE_COLOUR);
    y = gui_view_lane_top(&f->view, 0) + f->view.layout.lane_height - 5;
    assert_int_not_equal(gui_headless_pixel(f, gui_headless_x(f, 710), y), GUI_CONSOLE_COLOUR);
}

static bool legend_has(const struct gui_headless *f, uint32_t rgb)
{
    for (int y = 0; y < f->view.layout.lanes_top; y++) {
        for (int x = 0; x < f->view.layout.width; x++) {
            if (gui_headless_pixel(f, x, y) == rgb)
                return true;
        }
    }
    return false;
}

/* One legend entry per class of tick in the run, each in its tick's
 * colour; the classes the run lacks are not listed. And the rest of what
 * this run has: console lines, the halted hatching, the late start. */
static void legend_has_an_entry_per_kind_of_tick(void **state)
{
    struct gui_headless *f = *state;
    assert_true(legend_has(f, gui_tick_colour(GUI_TICK_HYPERCALL)));
    assert_true(legend_has(f, gui_tick_colour(GUI_TICK_PORT)));
    assert_true(legend_has(f, gui_tick_colour(GUI_TICK_STATE)));
    assert_false(legend_has(f, gui_tick_colour(GUI_TICK_TRAP)));
    assert_false(legend_has(f, gui_tick_colour(GUI_TICK_VIRQ)));
    assert_false(legend_has(f, gui_tick_colour(GUI_TICK_IRQ)));
    assert_true(legend_has(f, GUI_CONSOLE_COLOUR));
    assert_true(legend_has(f, GUI_HALTED_COLOUR));
    assert_false(legend_has(f, GUI_SUSPENDED_COLOUR));
    assert_true(legend_has(f, GUI_OVERRUN_COLOUR));
    for (int t = 0; t < GUI_TICK_CLASSES; t++) {
        for (int u = t + 1; u < GUI_TICK_CLASSES; u++)
            assert_int_not_equal(gui_tick_colour(t), gui_tick_colour(u));
    }
}

/* A legend wider than the image wraps into rows; the lanes move down. */
static void legend_wraps_in_a_narrow_image(void **state)
{
    struct gui_headless *f = *state;
    assert_int_equal(f->view.layout.legend_rows,
                     gui_legend_rows(&f->renderer, &f->model, &f->view));
    struct gui_view narrow;
    gui_view_init_rendered(&narrow, &f->renderer, &f->model, 400, 400);
    assert_true(narrow.layout.legend_rows > f->view.layout.legend_rows);
    assert_int_equal(narrow.layout.lanes_top, 4 + 20 * narrow.layout.legend_rows);
}

/* A second rendering's end, leaving SDL_ttf to the fixture's. */
static void close_second(struct gui_headless *h)
{
    SDL_FreeSurface(h->surface);
    gui_renderer_close(&h->renderer);
    gui_model_free(&h->model);
}

/* The overrun trace: the slot that ended 50 µs late has a red band from
 * where it should have ended to where it did and the legend says so;
 * slots that ended with the normal latency have none. */
static void overrun_is_red_and_normal_latency_is_not(void **state)
{
    (void)state;
    struct gui_headless o = {0};
    fixture_overrun_model(&o.model);
    assert_int_equal(gui_headless_render(&o, WIDTH, HEIGHT, 3000), 0);
    int y = gui_view_lane_top(&o.view, 0) + o.view.layout.lane_height / 2;
    assert_int_equal(gui_headless_pixel(&o, gui_headless_x(&o, 1403 + FIX_OVERRUN / 2), y),
                     GUI_OVERRUN_COLOUR);
    for (int frame = 0; frame < 3; frame += 2) {
        for (int x = gui_headless_x(&o, 1000 * frame + 395);
             x < gui_headless_x(&o, 1000 * frame + 420); x++)
            assert_int_not_equal(gui_headless_pixel(&o, x, y), GUI_OVERRUN_COLOUR);
    }
    /* Beta's slot of frame 2 started 20 µs late: red before it */
    y = gui_view_lane_top(&o.view, 1) + o.view.layout.lane_height / 2;
    assert_int_equal(gui_headless_pixel(&o, gui_headless_x(&o, 2504 + FIX_LATE / 2), y),
                     GUI_OVERRUN_COLOUR);
    assert_true(legend_has(&o, GUI_OVERRUN_COLOUR));
    close_second(&o);
}

/* Whether the row y has a pixel of the text's ink (reddish for HALT) in
 * [x0, x1). */
static bool reddish_in(const struct gui_headless *f, int y0, int y1, int x0, int x1)
{
    for (int y = y0; y < y1; y++) {
        for (int x = x0; x < x1; x++) {
            uint32_t p = gui_headless_pixel(f, x, y);
            if ((p >> 16) > 0xb0 && ((p >> 8) & 0xff) < 0x90 && (p & 0xff) < 0x90)
                return true;
        }
    }
    return false;
}

/* The HM event's name near the plot's right edge goes left of its line
 * instead of being cut; a name too long for the label column is
 * shortened before the plot. */
static void labels_are_not_cut_at_the_edges(void **state)
{
    (void)state;
    struct gui_headless e = {0};
    fixture_model(&e.model);
    snprintf(e.model.names[0], sizeof e.model.names[0], "%s", "AVeryLongPartitionNameIndeed");
    assert_int_equal(gui_headless_render(&e, WIDTH, HEIGHT, FIX_HM_CYCLE + 10), 0);
    int top = gui_view_lane_top(&e.view, 0), h = e.view.layout.lane_height;
    int x = gui_headless_x(&e, FIX_HM_CYCLE);
    assert_true(x > e.view.layout.plot_right - 60);
    assert_true(reddish_in(&e, top + h - 20, top + h - 6, x - 150, x - 2));
    assert_false(reddish_in(&e, top + h - 20, top + h - 6, x + 2, e.view.layout.width));
    /* the label column ends before the plot: no text ink past it */
    for (int y = top + h / 2 - 8; y < top + h / 2 + 8; y++) {
        for (int px = e.view.layout.plot_left - 3; px < e.view.layout.plot_left; px++) {
            uint32_t p = gui_headless_pixel(&e, px, y);
            assert_true(p == GUI_BACKGROUND || p == 0xf3f3f3u);
        }
    }
    close_second(&e);
}

static void hm_marker_at_the_event(void **state)
{
    struct gui_headless *f = *state;
    uint32_t halt = gui_hm_action_colour(XM_HM_AC_HALT);
    int x = gui_headless_x(f, FIX_HM_CYCLE);
    assert_int_equal(gui_headless_pixel(f, x, lane_y(f, 0, 0.5)), halt);
    assert_int_equal(gui_headless_pixel(f, x, gui_view_lane_top(&f->view, 0) + 4), halt);
    assert_true(gui_headless_pixel(f, x - 8, lane_y(f, 0, 0.5)) != halt);
    assert_true(gui_hm_action_colour(XM_HM_AC_IGNORE) != halt);
}

static void maf_line_at_the_frame_boundary(void **state)
{
    struct gui_headless *f = *state;
    /* MAF 1 starts at the end: a line through the hypervisor's lane */
    assert_int_equal(gui_headless_pixel(f, gui_headless_x(f, FIX_END), lane_y(f, 2, 0.9)),
                     0x505050u);
}

static void nothing_drawn_outside_the_run(void **state)
{
    struct gui_headless *f = *state;
    const struct gui_layout *l = &f->view.layout;
    for (int y = l->lanes_top; y < l->axis_top; y++) {
        for (int x = gui_headless_x(f, FIX_END) + 2; x < l->width; x++) {
            if (gui_headless_pixel(f, x, y) != GUI_BACKGROUND)
                fail_msg("pixel %d,%d after the run's end is 0x%06x", x, y,
                         gui_headless_pixel(f, x, y));
        }
    }
}

static void rendering_is_deterministic(void **state)
{
    struct gui_headless *f = *state;
    SDL_Surface *again = gui_surface_create(WIDTH, HEIGHT);
    assert_non_null(again);
    gui_render(&f->renderer, again, &f->model, &f->view, NULL);
    assert_memory_equal(again->pixels, f->surface->pixels, (size_t)again->pitch * HEIGHT);
    SDL_FreeSurface(again);
}

static long file_bytes(const char *path, char **data)
{
    FILE *file = fopen(path, "rb");
    assert_non_null(file);
    fseek(file, 0, SEEK_END);
    long size = ftell(file);
    rewind(file);
    *data = malloc((size_t)size);
    assert_int_equal(fread(*data, 1, (size_t)size, file), (size_t)size);
    fclose(file);
    return size;
}

static void png_export_is_byte_identical(void **state)
{
    struct gui_headless *f = *state;
    char a[] = "/tmp/gui_png_a_XXXXXX", b[] = "/tmp/gui_png_b_XXXXXX", error[200];
    close(mkstemp(a));
    close(mkstemp(b));
    struct gui_image_options options = {.width = 800, .height = 300};
    assert_int_equal(gui_export_png(&f->model, &options, a, error, sizeof error), GUI_OK);
    assert_int_equal(gui_export_png(&f->model, &options, b, error, sizeof error), GUI_OK);
    char *da, *db;
    long na = file_bytes(a, &da), nb = file_bytes(b, &db);
    assert_true(na > 1000);
    assert_int_equal(na, nb);
    assert_memory_equal(da, db, (size_t)na);
    assert_memory_equal(da, "\x89PNG", 4);
    free(da);
    free(db);
    unlink(a);
    unlink(b);
}

static void bad_range_and_path_are_one_line(void **state)
{
    struct gui_headless *f = *state;
    char error[200];
    struct gui_image_options options = {
        .has_from = true, .from_ns = 5000, .has_to = true, .to_ns = 4000};
    assert_int_equal(gui_export_png(&f->model, &options, "/tmp/never.png", error, sizeof error),
                     GUI_ERR_USAGE);
    assert_string_equal(error, "--from must be before --to (and before the run's end)");
    options = (struct gui_image_options){0};
    assert_int_equal(
        gui_export_png(&f->model, &options, "/nonexistent/dir/x.png", error, sizeof error),
        GUI_ERR_SDL);
    assert_non_null(
        strstr(error, "/nonexistent/dir/x.png: cannot create: No such file or directory"));
    assert_null(strchr(error, '\n'));
}

static void missing_font_is_one_line(void **state)
{
    (void)state;
    struct gui_renderer r;
    char error[200];
    setenv("HVSIM_FONT", "/nonexistent/font.ttf", 1);
    assert_int_equal(gui_renderer_open(&r, error, sizeof error), GUI_ERR_FONT);
    unsetenv("HVSIM_FONT");
    assert_non_null(strstr(error, "/nonexistent/font.ttf: cannot open the font"));
    assert_null(strchr(error, '\n'));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(partition_colour_inside_its_slot),
        cmocka_unit_test(late_start_and_shortened_execution_are_visible),
        cmocka_unit_test(halted_lane_is_hatched),
        cmocka_unit_test(console_line_at_the_bottom_of_its_lane),
        cmocka_unit_test(legend_has_an_entry_per_kind_of_tick),
        cmocka_unit_test(legend_wraps_in_a_narrow_image),
        cmocka_unit_test(overrun_is_red_and_normal_latency_is_not),
        cmocka_unit_test(labels_are_not_cut_at_the_edges),
        cmocka_unit_test(hm_marker_at_the_event),
        cmocka_unit_test(maf_line_at_the_frame_boundary),
        cmocka_unit_test(nothing_drawn_outside_the_run),
        cmocka_unit_test(rendering_is_deterministic),
        cmocka_unit_test(png_export_is_byte_identical),
        cmocka_unit_test(bad_range_and_path_are_one_line),
        cmocka_unit_test(missing_font_is_one_line),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
