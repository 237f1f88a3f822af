/* sim/notice.c: an HM event that keeps coming at one place (a fault in a
 * loop under IGNORE) prints its first three notices, then one line at its
 * 10th, 100th... event and one at the end of the run, each saying how many
 * more there were; other places count on their own. A PC is named with the
 * partition's function when its image has symbols. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "sim/notice.h"
#include <xm/hm.h>

#define PC 0x40100084u

/* events at PC, then (other) at another place; what was printed, the
 * notices as "N" lines. */
static char *run(struct sim_notice_places *places, unsigned events, unsigned other,
                 const struct sim_symbols *symbols)
{
    char *text = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&text, &size);
    struct sim_hm_notice n = {
        0, 0, "Faulty", PC, XM_HM_EV_SPARCV8_ILLEGAL_INSTR, XM_HM_AC_IGNORE, symbols};
    for (unsigned i = 0; i < events + other; i++) {
        n.us = i;
        n.pc = i < events ? PC : PC + 4;
        enum sim_notice_show show = sim_notice_count(places, &n);
        if (show == SIM_NOTICE_SHOW_ALL || show == SIM_NOTICE_SHOW_NOTICE)
            fprintf(out, "N %u\n", i + 1);
        else if (show == SIM_NOTICE_SHOW_SUMMARY)
            sim_notice_repeats(out, places, &n);
    }
    sim_notice_places_end(places, out);
    fclose(out);
    return text;
}

static void test_a_loop_prints_a_few_lines(void **state)
{
    (void)state;
    static struct sim_notice_places places;
    char *text = run(&places, 123, 1, NULL);
    assert_string_equal(
        text,
        "N 1\nN 2\nN 3\n"
        "hvsim: 9 us: partition 0 (Faulty): ... 7 more: HM event "
        "XM_HM_EV_SPARCV8_ILLEGAL_INSTR at pc 0x40100084, action XM_HM_AC_IGNORE (10 so far)\n"
        "hvsim: 99 us: partition 0 (Faulty): ... 90 more: HM event "
        "XM_HM_EV_SPARCV8_ILLEGAL_INSTR at pc 0x40100084, action XM_HM_AC_IGNORE (100 so far)\n"
        "N 124\n"
        "hvsim: at the end: partition 0 (Faulty): ... 23 more: HM event "
        "XM_HM_EV_SPARCV8_ILLEGAL_INSTR at pc 0x40100084, action XM_HM_AC_IGNORE (123 in all)\n");
    free(text);
}

/* With the image's symbols, the PC names its function. */
static void test_the_place_names_its_function(void **state)
{
    (void)state;
    static struct sim_notice_places places;
    struct sim_symbols symbols = {0};
    assert_true(sim_symbols_add(&symbols, PC - 4, 0x20, "fault_loop"));
    sim_symbols_sort(&symbols);
    char *text = run(&places, 10, 0, &symbols);
    assert_non_null(strstr(text, "at pc 0x40100084 <fault_loop+0x4>, action XM_HM_AC_IGNORE (10 "
                                 "so far)\n"));
    free(text);
    sim_symbols_free(&symbols);
}

/* A trap's notice: the PC with its function, the address, the event. */
static void test_a_trap_notice_names_its_function(void **state)
{
    (void)state;
    struct sim_symbols symbols = {0};
    assert_true(sim_symbols_add(&symbols, PC - 4, 0x20, "fault_loop"));
    sim_symbols_sort(&symbols);
    struct sim_trap_notice n = {.us = 22033,
                                .name = "Faulty",
                                .trap_type = 0x09,
                                .pc = PC,
                                .fault_address = 0,
                                .outcome = HV_TRAP_FAULT,
                                .event = XM_HM_EV_SPARCV8_DATA_ACCESS_EXCEPTION,
                                .action = XM_HM_AC_HALT,
                                .symbols = &symbols};
    char *text = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&text, &size);
    sim_notice_trap(out, &n);
    n.symbols = NULL;
    sim_notice_trap(out, &n);
    fclose(out);
    const char *line = "hvsim: 22033 us: partition 0 (Faulty): data access exception (tt 0x09) "
                       "at pc 0x40100084%s, address 0x00000000: HM event "
                       "XM_HM_EV_SPARCV8_DATA_ACCESS_EXCEPTION, action XM_HM_AC_HALT\n";
    char expected[512];
    int used = snprintf(expected, sizeof expected, line, " <fault_loop+0x4>");
    snprintf(expected + used, sizeof expected - (size_t)used, line, "");
    assert_string_equal(text, expected);
    free(text);
    sim_symbols_free(&symbols);
}

static void test_nothing_left_nothing_at_the_end(void **state)
{
    (void)state;
    static struct sim_notice_places places;
    char *text = run(&places, 3, 0, NULL);
    assert_string_equal(text, "N 1\nN 2\nN 3\n");
    free(text);
}

/* Beyond SIM_NOTICE_PLACES places, every event is a notice. */
static void test_places_beyond_the_table_are_all_shown(void **state)
{
    (void)state;
    static struct sim_notice_places places;
    struct sim_hm_notice n = {0, 0, "Faulty", 0, XM_HM_EV_SPARCV8_ILLEGAL_INSTR, 0, NULL};
    for (uint32_t i = 0; i < SIM_NOTICE_PLACES; i++) {
        n.pc = 4 * i;
        assert_int_equal(sim_notice_count(&places, &n), SIM_NOTICE_SHOW_ALL);
    }
    n.pc = 0x1000;
    for (int i = 0; i < 20; i++)
        assert_int_equal(sim_notice_count(&places, &n), SIM_NOTICE_SHOW_NOTICE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_a_loop_prints_a_few_lines),
        cmocka_unit_test(test_nothing_left_nothing_at_the_end),
        cmocka_unit_test(test_the_place_names_its_function),
        cmocka_unit_test(test_a_trap_notice_names_its_function),
        cmocka_unit_test(test_places_beyond_the_table_are_all_shown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
