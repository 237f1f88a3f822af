/* sim/scenario/scenario_parse.c and scenario_expect.c: script errors are
 * "file:line: message", all of them in one pass; expectations on HM
 * events, port messages, console text and the hash, checked against
 * synthetic traces (the services that emit HM and port records come from
 * other issues: these expectations must work as soon as they exist). */
#include "sim/scenario/scenario.h"
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

static const struct hv_partition_config parts[] = {{.id = 0, .name = "Alpha"},
                                                   {.id = 1, .name = "Beta"}};
static const struct hv_config config = {.name = "unit", .partitions = parts, .partition_count = 2};

static char script_path[512];

static void write_script(const char *text)
{
    snprintf(script_path, sizeof script_path, "%s/unit.hvsim", HVSIM_TEST_SCRATCH);
    FILE *f = fopen(script_path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* Parse text; diagnostics into *diag_text (malloc'ed). */
static bool parse(const char *text, struct scn_script *script, char **diag_text)
{
    size_t size;
    write_script(text);
    FILE *diag = open_memstream(diag_text, &size);
    bool ok = scn_parse(script_path, "/build", script, diag);
    fclose(diag);
    return ok;
}

static void assert_line(const char *diag, int line, const char *message)
{
    char want[2048];
    snprintf(want, sizeof want, "%s:%d: %s", script_path, line, message);
    if (!strstr(diag, want))
        fail_msg("missing \"%s\" in:\n%s", want, diag);
}

static void test_parse_errors(void **state)
{
    (void)state;
    struct scn_script script;
    char *diag = NULL;
    assert_false(parse("image Alpha ${NOPE}/a.elf\n"
                       "run 3 weeks\n"
                       "frobnicate\n"
                       "expect console Alpha matches /a(b/\n"
                       "config late.xml\n"
                       "inject irq 16\n"
                       "expect hm Alpha EXPLODE\n"
                       "expect console Alpha \"unterminated\n"
                       "expect plan one\n"
                       "expect plan 1 after 20ms\n"
                       "expect hm Alpha HALT event EXPLODED\n",
                       &script, &diag));
    assert_line(diag, 1, "unknown variable ${NOPE}");
    assert_line(diag, 2, "usage: run N mafs");
    assert_line(diag, 3, "unknown command 'frobnicate'");
    assert_line(diag, 4, "invalid regular expression /a(b/");
    assert_line(diag, 5, "'config' must come before the first run, inject or expect");
    assert_line(diag, 6, "line: expected a number up to 15, got '16'");
    assert_line(diag, 7, "unknown health-monitor action 'EXPLODE'");
    assert_line(diag, 8, "unterminated string");
    assert_line(diag, 9, "plan: expected a number up to 4294967295, got 'one'");
    assert_line(diag, 10, "usage: expect plan N [since TIME]");
    assert_line(diag, 11, "unknown health-monitor event 'EXPLODED'");
    free(diag);
    scn_script_free(&script);
}

/* `skip qemu "WHY"`: the one engine a script can decline, with its reason. */
static void test_parse_skip(void **state)
{
    (void)state;
    struct scn_script script;
    char *diag = NULL;
    assert_false(parse("skip sim \"no\"\nskip qemu\nskip qemu why\n", &script, &diag));
    assert_line(diag, 1, "usage: skip qemu \"WHY\" (the engine it cannot run on, and why)");
    assert_line(diag, 2, "usage: skip qemu \"WHY\"");
    assert_line(diag, 3, "usage: skip qemu \"WHY\" (the engine it cannot run on, and why)");
    free(diag);
    scn_script_free(&script);
    diag = NULL;
    assert_true(parse("skip qemu \"it injects\"\n", &script, &diag));
    free(diag);
    assert_int_equal(script.commands[1].op, SCN_SKIP);
    assert_string_equal(script.commands[1].text, "it injects");
    scn_script_free(&script);
}

/* A regular expression whose repetitions, written out, would make glibc's
 * regcomp take seconds and gigabytes is refused (the nested bounds took 6 s
 * and 1 GB, the 22 +s 7 s and 3 GB, a* then eleven +s 1 s and 250 MB:
 * fuzz_scenario's ten-minute runs found the last two); the ones the
 * scenarios use, and a class with a bracket in it, are not. */
static void test_parse_regex_size(void **state)
{
    (void)state;
    struct scn_script script;
    char *diag = NULL;
    assert_false(parse("expect console Alpha matches /((a{1,100}){1,100}){1,100}/\n"
                       "expect console Alpha matches /a{1,32767}/\n"
                       "expect console Alpha matches /([[:digit:]]{1,200}x){1,60}/\n"
                       "expect console Alpha matches /a++++++++++++++++++++++/\n"
                       "expect console Alpha matches /F*+++++++++++/\n"
                       "expect console Alpha matches /((((((((((((F*)+)+)+)+)+)+)+)+)+)+)+)/\n"
                       "expect console Alpha matches /((a{,100}){,100}){,100}/\n",
                       &script, &diag));
    assert_line(diag, 1, "regular expression /((a{1,100}){1,100}){1,100}/ too large");
    assert_line(diag, 2, "regular expression /a{1,32767}/ too large: a bound over 255");
    assert_line(diag, 3, "regular expression /([[:digit:]]{1,200}x){1,60}/ too large");
    assert_line(diag, 4, "regular expression /a++++++++++++++++++++++/ too large");
    assert_line(diag, 5, "regular expression /F*+++++++++++/ too large");
    assert_line(diag, 6, "regular expression /((((((((((((F*)+)+)+)+)+)+)+)+)+)+)+)/ too large");
    assert_line(diag, 7, "regular expression /((a{,100}){,100}){,100}/ too large");
    free(diag);
    scn_script_free(&script);
    diag = NULL;
    assert_true(parse("expect console Alpha matches /^Partition0: slot 2 at [0-9]+ us$/\n"
                      "expect console Alpha matches /([[:digit:]]{1,20}x){1,40}[]{]{255,}/\n"
                      "expect console Alpha matches /(((((((F*)+)+)+)+)+)+)/\n",
                      &script, &diag));
    free(diag);
    scn_script_free(&script);
}

static void test_parse_commands(void **state)
{
    (void)state;
    struct scn_script script;
    char *diag = NULL;
    assert_true(parse("# a comment\n"
                      "set D ${SPARC}/x\n"
                      "image Beta ${D}/b.elf   # trailing comment\n"
                      "run until slot 2 of maf 3\n"
                      "run for 1.5ms\n"
                      "inject uart \"a\\n\"\n"
                      "expect hm Beta XM_HM_AC_HALT count 2 in maf 1..4\n"
                      "inject plan 2\n"
                      "expect plan 1 since 100ms\n"
                      "expect console Alpha same-as ../ref.txt\n",
                      &script, &diag));
    assert_string_equal(diag, "");
    assert_int_equal(script.count, 9); /* the default config comes first */
    assert_int_equal(script.commands[0].op, SCN_CONFIG);
    assert_non_null(strstr(script.commands[0].text, "/xm_cf.xml"));
    assert_string_equal(script.commands[1].text, "/build/sparc/x/b.elf");
    assert_true(script.commands[2].n1 == 2 && script.commands[2].n2 == 3);
    assert_int_equal(script.commands[3].n1, 1500);
    assert_int_equal(script.commands[4].text_length, 2);
    const struct scn_command *hm = &script.commands[5];
    assert_true(hm->n1 == 6 && hm->n2 == 2 && hm->maf_from == 1 && hm->maf_to == 4);
    assert_true(script.commands[6].op == SCN_INJECT_PLAN && script.commands[6].n1 == 2);
    const struct scn_command *plan = &script.commands[7];
    assert_true(plan->op == SCN_EXPECT_PLAN && plan->n1 == 1 && plan->has_n2 && plan->n2 == 100000);
    assert_int_equal(script.commands[8].match, SCN_SAME);
    assert_non_null(strstr(script.commands[8].text, "/../ref.txt"));
    free(diag);
    scn_script_free(&script);
}

/* Frame 0: Alpha writes "one\n" and two port messages; frame 1: Beta's HM
 * event 17 with action HALT (6), Alpha a third port message. */
static void synthetic_trace(struct sim_trace *trace)
{
    static const struct hv_trace_event events[] = {
        {HV_TRACE_MAF_START, -1, 0, 0, 0},  {SIM_TRACE_CONSOLE, 0, 'o', 0, 0},
        {SIM_TRACE_CONSOLE, 0, 'n', 0, 0},  {SIM_TRACE_CONSOLE, 0, 'e', 0, 0},
        {SIM_TRACE_CONSOLE, 0, '\n', 0, 0}, {HV_TRACE_PORT_WRITE, 0, 0, 8, 0},
        {HV_TRACE_PORT_WRITE, 0, 0, 8, 0},  {HV_TRACE_MAF_START, -1, 1, 0, 0},
        {HV_TRACE_HM_EVENT, 1, 17, 6, 1},   {HV_TRACE_PORT_WRITE, 0, 1, 4, 0},
        {HV_TRACE_PORT_READ, 1, 2, 4, 0},
    };
    sim_trace_init(trace, true);
    for (size_t i = 0; i < sizeof events / sizeof events[0]; i++)
        sim_trace_add(trace, 100 * i, &events[i]);
}

/* Check the script's expectations; the report text into *out_text. */
static unsigned failures(const char *text, const struct sim_trace *trace, char **out_text)
{
    struct scn_script script;
    char *diag = NULL;
    size_t size;
    assert_true(parse(text, &script, &diag));
    free(diag);
    struct scn_view view = {trace, &config, NULL, script_path, false, false, NULL, 0};
    FILE *out = open_memstream(out_text, &size);
    unsigned failed = 0;
    for (size_t i = 0; i < script.count; i++)
        if (script.commands[i].op != SCN_CONFIG)
            failed += !scn_expect(&view, &script.commands[i], out);
    fclose(out);
    scn_script_free(&script);
    return failed;
}

static void test_expect_hm_and_ports(void **state)
{
    (void)state;
    struct sim_trace trace;
    char *out = NULL;
    synthetic_trace(&trace);
    assert_int_equal(failures("expect hm Beta HALT\n"
                              "expect hm Beta XM_HM_AC_HALT in maf 1\n"
                              "expect hm Beta HALT count 1 in maf 0..3\n"
                              "expect port-writes Alpha 3\n"
                              "expect port-reads 1 1\n"
                              "expect port-writes Beta 0\n"
                              "expect hm Beta HALT event SPARCV8_ILLEGAL_INSTR count 1\n"
                              "expect hm Beta HALT event 17 in maf 1\n",
                              &trace, &out),
                     0);
    assert_string_equal(out, "");
    free(out);
    assert_int_equal(failures("expect hm Beta HALT in maf 2..5\n"
                              "expect hm Alpha SUSPEND count 1\n"
                              "expect port-writes Alpha 2\n"
                              "expect hm Gamma HALT\n"
                              "expect hm Beta HALT event XM_HM_EV_SPARCV8_DIVIDE_EXCEPTION\n"
                              "expect virqs Beta 1\n",
                              &trace, &out),
                     6);
    assert_line(out, 1,
                "HM events with action HALT for Beta in MAF 2..5: expected at least 1, got 0; "
                "its other HM events: HALT (event XM_HM_EV_SPARCV8_ILLEGAL_INSTR) in MAF 1");
    assert_line(out, 2,
                "HM events with action SUSPEND for Alpha: expected 1, got 0; its other "
                "HM events: none");
    assert_line(out, 3, "port writes by Alpha: expected 2, got 3");
    assert_line(out, 4, "no partition named 'Gamma'");
    assert_line(out, 5,
                "HM events with action HALT (event XM_HM_EV_SPARCV8_DIVIDE_EXCEPTION) for Beta: "
                "expected at least 1, got 0; its other HM events: HALT (event "
                "XM_HM_EV_SPARCV8_ILLEGAL_INSTR) in MAF 1");
    assert_line(out, 6, "virtual IRQs delivered to Beta: expected 1, got 0");
    free(out);
    sim_trace_free(&trace);
}

static void test_expect_console_and_hash(void **state)
{
    (void)state;
    struct sim_trace trace;
    char *out = NULL, text[256];
    synthetic_trace(&trace);
    snprintf(text, sizeof text,
             "expect console Alpha \"one\\n\"\n"
             "expect console all contains \"ne\"\n"
             "expect console Alpha matches /^o.e$/\n"
             "expect console Beta \"\"\n"
             "expect hash %016llx\n",
             (unsigned long long)trace.hash);
    assert_int_equal(failures(text, &trace, &out), 0);
    free(out);
    assert_int_equal(failures("expect console Alpha \"one\\ntwo\\n\"\n"
                              "expect console Alpha contains \"two\"\n"
                              "expect hash 1234\n",
                              &trace, &out),
                     3);
    assert_line(out, 1, "console of Alpha differs at line 2 (expected 2 lines, got 1)");
    assert_non_null(strstr(out, "    expected: \"two\"\n    actual:   (no line)\n"));
    assert_line(out, 2,
                "console of Alpha does not contain \"two\" (1 line so far, the last \"one\")");
    assert_line(out, 3, "trace hash: expected 0000000000001234, got ");
    free(out);
    /* a search that fails says what was searched, in the script's escapes */
    assert_int_equal(failures("expect console Alpha matches /^t.o$/\n"
                              "expect console Beta contains \"a \\\"b\\\"\\n\"\n",
                              &trace, &out),
                     2);
    assert_line(out, 1,
                "console of Alpha has no line matching /^t.o$/ (1 line so far, the last \"one\")");
    assert_line(out, 2,
                "console of Beta does not contain \"a \\\"b\\\"\\n\" (nothing written so far)");
    free(out);
    sim_trace_free(&trace);
}

/* same-as: a file another scenario records; --update rewrites `file`
 * files but never this one, so a drifting neighbour cannot hide. */
static void test_same_as_is_never_updated(void **state)
{
    (void)state;
    struct sim_trace trace;
    struct scn_script script;
    char *diag = NULL, *out = NULL, reference[600];
    size_t size, length = 0;
    synthetic_trace(&trace);
    snprintf(reference, sizeof reference, "%s/reference.txt", HVSIM_TEST_SCRATCH);
    FILE *f = fopen(reference, "w");
    assert_non_null(f);
    fputs("two\n", f);
    fclose(f);
    assert_true(parse("expect console Alpha same-as reference.txt\n", &script, &diag));
    struct scn_view view = {&trace, &config, NULL, script_path, true, false, NULL, 0};
    FILE *report = open_memstream(&out, &size);
    assert_false(scn_expect(&view, &script.commands[1], report));
    fclose(report);
    assert_line(out, 1, "console of Alpha differs from ");
    f = fopen(reference, "r");
    assert_non_null(f);
    char kept[16] = "";
    length = fread(kept, 1, sizeof kept - 1, f);
    fclose(f);
    assert_int_equal(length, 4);
    assert_string_equal(kept, "two\n");
    free(diag);
    free(out);
    scn_script_free(&script);
    sim_trace_free(&trace);
}

/* Without the machine (here) there is no plan to compare with. */
static void test_expect_plan_needs_a_machine(void **state)
{
    (void)state;
    struct sim_trace trace;
    char *out = NULL;
    synthetic_trace(&trace);
    assert_int_equal(failures("expect plan 0\n", &trace, &out), 1);
    assert_line(out, 1, "no plan here");
    free(out);
    sim_trace_free(&trace);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_errors),
        cmocka_unit_test(test_parse_commands),
        cmocka_unit_test(test_parse_skip),
        cmocka_unit_test(test_parse_regex_size),
        cmocka_unit_test(test_expect_hm_and_ports),
        cmocka_unit_test(test_expect_console_and_hash),
        cmocka_unit_test(test_same_as_is_never_updated),
        cmocka_unit_test(test_expect_plan_needs_a_machine),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
