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

/* Alpha's slot started 10 µs late: the planned rectangle shows before the
 * execution does, and after the HM event the slot stays planned only. */
static void late_start_and_shortened_execution_are_visible(void **state)
{
    struct gui_headless *f = *state;
    assert_int_equal(gui_headless_pixel(f, gui_headless_x(f, 6), lane_y(f, 0, 0.5)),
                     gui_partition_pale(0));
    assert_int_equal(gui_headless_pixel(f, gui_headless_x(f, 300), lane_y(f, 0, 0.5)),
                     gui_partition_pale(0));
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
