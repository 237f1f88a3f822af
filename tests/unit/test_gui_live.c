/* The live GUI's stepping (sim_machine_run_until_us, run_slot, run_mafs
 * in the window's increments) on the hello scenario: the run is the same
 * as without the GUI, record for record, and a slot step stops right when
 * the next slot starts. */
#include "gui/model.h"
#include "sim/config/config_load.h"
#include "sim/machine.h"
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#define MAFS 3

struct run {
    struct sim_config *config;
    struct sim_machine *machine;
    FILE *console;
};

static void start(struct run *r)
{
    const struct sim_image_ref images[] = {{.partition = 0, .path = HELLO_IMAGES "/hello_p0.elf"},
                                           {.partition = 1, .path = HELLO_IMAGES "/hello_p1.elf"}};
    r->console = tmpfile();
    assert_non_null(r->console);
    assert_int_equal(sim_config_load(HELLO_CONFIG, stderr, &r->config), SIM_OK);
    struct sim_options options = {.costs = {SIM_COST_ENTRY_DEFAULT, SIM_COST_HYPERCALL_DEFAULT,
                                            SIM_COST_CONTEXT_SWITCH_DEFAULT,
                                            SIM_COST_IO_ACCESS_DEFAULT},
                                  .console = r->console,
                                  .keep_trace = true};
    assert_int_equal(
        sim_machine_create(&r->machine, sim_config_hv(r->config), images, 2, &options, stderr),
        SIM_OK);
}

static void finish(struct run *r)
{
    sim_machine_destroy(r->machine);
    sim_config_free(r->config);
    fclose(r->console);
}

static size_t count_kind(const struct sim_trace *trace, uint16_t kind)
{
    size_t n = 0;
    for (size_t i = 0; i < trace->count; i++)
        n += trace->records[i].kind == kind;
    return n;
}

static void stepping_does_not_change_the_run(void **state)
{
    (void)state;
    struct run plain, live;
    start(&plain);
    start(&live);
    assert_int_equal(sim_machine_run_mafs(plain.machine, MAFS, stderr), SIM_OK);
    /* As a user would: play a little, step slots, step a frame, play on. */
    assert_int_equal(sim_machine_run_until_us(live.machine, 1234, MAFS, stderr), SIM_OK);
    assert_int_equal(sim_machine_run_slot(live.machine, MAFS, stderr), SIM_OK);
    assert_int_equal(sim_machine_run_slot(live.machine, MAFS, stderr), SIM_OK);
    assert_int_equal(sim_machine_run_mafs(live.machine, 2, stderr), SIM_OK);
    for (uint64_t us = 200000; sim_machine_mafs_started(live.machine) < MAFS; us += 777)
        assert_int_equal(sim_machine_run_until_us(live.machine, us, MAFS, stderr), SIM_OK);
    const struct sim_trace *a = sim_machine_trace(plain.machine);
    const struct sim_trace *b = sim_machine_trace(live.machine);
    assert_int_equal(a->count, b->count);
    assert_memory_equal(a->records, b->records, a->count * sizeof a->records[0]);
    assert_true(a->hash == b->hash);
    finish(&plain);
    finish(&live);
}

static void slot_step_stops_when_the_next_slot_starts(void **state)
{
    (void)state;
    struct run r;
    start(&r);
    const struct sim_trace *trace = sim_machine_trace(r.machine);
    for (size_t step = 1; step <= 4; step++) {
        assert_int_equal(sim_machine_run_slot(r.machine, MAFS, stderr), SIM_OK);
        assert_int_equal(count_kind(trace, HV_TRACE_SLOT_START), step);
        /* the start of that slot is the latest scheduling record */
        size_t i = trace->count;
        while (i > 0 && trace->records[i - 1].kind != HV_TRACE_SLOT_START &&
               trace->records[i - 1].kind != HV_TRACE_SLOT_END)
            i--;
        assert_int_equal(trace->records[i - 1].kind, HV_TRACE_SLOT_START);
    }
    assert_int_equal(sim_machine_mafs_started(r.machine), 1);
    finish(&r);
}

static void until_us_stops_at_the_mafs_limit(void **state)
{
    (void)state;
    struct run r;
    start(&r);
    assert_int_equal(sim_machine_run_until_us(r.machine, 10000000, 2, stderr), SIM_OK);
    assert_int_equal(sim_machine_mafs_started(r.machine), 2);
    assert_true(sim_clock_us(sim_machine_clock(r.machine)) < 300000);
    finish(&r);
}

/* The model of a live run so far: the running slot lasts until now. */
static void model_of_a_run_in_progress(void **state)
{
    (void)state;
    struct run r;
    start(&r);
    assert_int_equal(sim_machine_run_until_us(r.machine, 70000, MAFS, stderr), SIM_OK);
    const struct sim_trace *trace = sim_machine_trace(r.machine);
    struct gui_meta meta = {sim_config_hv(r.config), sim_machine_clock(r.machine)->khz,
                            sim_machine_clock(r.machine)->cycles, false, NULL};
    struct gui_model model;
    char error[200];
    assert_int_equal(
        gui_model_build(&model, trace->records, trace->count, &meta, error, sizeof error), GUI_OK);
    assert_int_equal(model.slot_count, 2);
    assert_true(model.slots[0].ended);
    assert_false(model.slots[1].ended);
    assert_int_equal(model.slots[1].actual_end, meta.end_cycle);
    assert_string_equal(model.names[1], "Partition1");
    gui_model_free(&model);
    finish(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(stepping_does_not_change_the_run),
        cmocka_unit_test(slot_step_stops_when_the_next_slot_starts),
        cmocka_unit_test(until_us_stops_at_the_mafs_limit),
        cmocka_unit_test(model_of_a_run_in_progress),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
