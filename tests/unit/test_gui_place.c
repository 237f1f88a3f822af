/* gui/place.c: labels and the hover box stay inside the image, beside
 * what they describe, at every edge; names shortened with "…" to their
 * column, never inside a UTF-8 character. */
#include "gui/place.h"
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

static void label_right_of_its_anchor_when_it_fits(void **state)
{
    (void)state;
    assert_int_equal(gui_label_x(100, 50, 6, 0, 1000), 106);
    assert_int_equal(gui_label_x(944, 50, 6, 0, 1000), 950); /* just fits: ends at 1000 */
}

static void label_left_of_its_anchor_at_the_right_edge(void **state)
{
    (void)state;
    int x = gui_label_x(990, 50, 6, 0, 1000);
    assert_int_equal(x, 990 - 6 - 50);
    assert_true(x + 50 <= 1000);
}

static void label_wider_than_either_side_stays_inside(void **state)
{
    (void)state;
    /* 80 px in [100, 200) with the anchor in the middle: against the right edge */
    assert_int_equal(gui_label_x(150, 80, 6, 100, 200), 120);
    /* wider than the whole room: from the left edge */
    assert_int_equal(gui_label_x(150, 300, 6, 100, 200), 100);
}

static void box_below_right_of_the_cursor(void **state)
{
    (void)state;
    int x, y;
    gui_box_place(100, 100, 200, 80, 1400, 400, &x, &y);
    assert_int_equal(x, 116);
    assert_int_equal(y, 116);
}

/* At the right and bottom edges the box flips to the other side of the
 * cursor: inside the image, and not over the cursor. */
static void box_flips_at_the_right_and_bottom_edges(void **state)
{
    (void)state;
    int x, y;
    gui_box_place(1390, 395, 200, 80, 1400, 400, &x, &y);
    assert_true(x >= 0 && x + 200 <= 1390);
    assert_true(y >= 0 && y + 80 <= 395);
    gui_box_place(1300, 50, 200, 80, 1400, 400, &x, &y);
    assert_true(x + 200 <= 1300);
    assert_int_equal(y, 66);
}

/* No room on either side: inside the image all the same. */
static void box_in_a_small_image(void **state)
{
    (void)state;
    int x, y;
    gui_box_place(150, 100, 250, 180, 320, 200, &x, &y);
    assert_int_equal(x, 320 - 250);
    assert_int_equal(y, 200 - 180);
    gui_box_place(10, 10, 500, 300, 320, 200, &x, &y); /* larger than the image */
    assert_int_equal(x, 0);
    assert_int_equal(y, 0);
}

/* 7 px a character, a UTF-8 sequence counting as one. */
static int measure(void *context, const char *text)
{
    (void)context;
    int characters = 0;
    for (; *text; text++)
        characters += ((unsigned char)*text & 0xc0u) != 0x80u;
    return 7 * characters;
}

static void text_shortened_to_its_column(void **state)
{
    (void)state;
    char out[64];
    gui_fit_text("Partition0", 70, measure, NULL, out, sizeof out);
    assert_string_equal(out, "Partition0");
    gui_fit_text("AVeryLongPartitionName", 70, measure, NULL, out, sizeof out);
    assert_string_equal(out, "AVeryLong\xe2\x80\xa6"); /* 10 characters, 70 px */
    /* "µ" is two bytes: never cut between them */
    gui_fit_text("\xc2\xb5\xc2\xb5\xc2\xb5\xc2\xb5", 21, measure, NULL, out, sizeof out);
    assert_string_equal(out, "\xc2\xb5\xc2\xb5\xe2\x80\xa6");
    gui_fit_text("abc", 5, measure, NULL, out, sizeof out);
    assert_string_equal(out, "");
    gui_fit_text("abcdef", 1000, measure, NULL, out, 4); /* the buffer too is a limit */
    assert_string_equal(out, "\xe2\x80\xa6");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(label_right_of_its_anchor_when_it_fits),
        cmocka_unit_test(label_left_of_its_anchor_at_the_right_edge),
        cmocka_unit_test(label_wider_than_either_side_stays_inside),
        cmocka_unit_test(box_below_right_of_the_cursor),
        cmocka_unit_test(box_flips_at_the_right_and_bottom_edges),
        cmocka_unit_test(box_in_a_small_image),
        cmocka_unit_test(text_shortened_to_its_column),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
