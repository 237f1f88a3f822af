/* The simulated machine end to end (hello scenario): slot boundaries come
 * from the GPTIMER through the IRQMP at the planned cycle plus the modelled
 * cost, and the board profile changes the clock and the IRQ lines only. */
#include "sim/config/config_load.h"
#include "sim/machine.h"
#include "sim/trace/trace.h"
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <hvcore/drivers.h>
#include <stdlib.h>

#define MAFS 3

struct run {
    struct sim_config *config;
    struct sim_machine *machine;
    FILE *console;
};

static struct run run_hello(const struct hv_board *board, struct sim_costs costs)
{
    struct run r = {0};
    const struct sim_image_ref images[] = {{.partition = 0, .path = HELLO_IMAGES "/hello_p0.elf"},
                                           {.partition = 1, .path = HELLO_IMAGES "/hello_p1.elf"}};
    r.console = tmpfile();
    assert_non_null(r.console);
    assert_int_equal(sim_config_load(HELLO_CONFIG, stderr, &r.config), SIM_OK);
    struct sim_options options = {
        .costs = costs, .board = board, .console = r.console, .keep_trace = true};
    FILE *quiet = tmpfile(); /* the board's clock note */
    assert_int_equal(
        sim_machine_create(&r.machine, sim_config_hv(r.config), images, 2, &options, quiet),
        SIM_OK);
    fclose(quiet);
    assert_int_equal(sim_machine_run_mafs(r.machine, MAFS, stderr), SIM_OK);
    return r;
}

static void finish(struct run *r)
{
    sim_machine_destroy(r->machine);
    sim_config_free(r->config);
    fclose(r->console);
}

static struct sim_costs costs_with_entry(uint32_t entry)
{
    return (struct sim_costs){
        .entry = entry, .hypercall = 100, .context_switch = 500, .io_access = 4};
}

/* Cycles from each slot's planned start to its SLOT_START record. */
static size_t slot_delays(const struct run *r, uint32_t khz, uint64_t *delays, size_t max)
{
    const struct sim_trace *trace = sim_machine_trace(r->machine);
    size_t n = 0;
    for (size_t i = 0; i < trace->count && n < max; i++) {
        const struct sim_trace_record *rec = &trace->records[i];
        if (rec->kind == HV_TRACE_SLOT_START)
            delays[n++] = rec->cycle - (uint64_t)rec->b * (khz / 1000u);
    }
    return n;
}

static void test_slots_start_at_the_planned_cycle_plus_the_entry_cost(void **state)
{
    (void)state;
    /* zeroed: gcc -O3 does not know that a failed assert_int_equal(n, ...) ends the test */
    uint64_t base[16] = {0}, more[16] = {0};
    struct run a = run_hello(&hv_board_xm_leon3, costs_with_entry(200));
    struct run b = run_hello(&hv_board_xm_leon3, costs_with_entry(1000));
    size_t n = slot_delays(&a, 50000, base, 16);
    /* Two slots per frame, and the first slot of the frame the run stops
     * at: the same timer event starts that frame and its slot. */
    assert_int_equal(n, 2 * MAFS + 1);
    assert_int_equal(slot_delays(&b, 50000, more, 16), n);
    /* Slot 0 starts at boot; every later one when the timer interrupt has
     * entered the core: the same delay each time, and exactly the entry
     * cost more when that cost grows by 800 cycles. */
    for (size_t i = 2; i < n; i++)
        assert_int_equal(base[i], base[1]);
    for (size_t i = 1; i < n; i++)
        assert_int_equal(more[i] - base[i], 800);
    assert_true(base[1] >= 200 && base[1] < 200 + 50 * 4); /* entry + the drivers' accesses */
    finish(&a);
    finish(&b);
}

/* The interrupt lines the processor took, as a bit mask. */
static uint32_t lines_taken(const struct run *r)
{
    const struct sim_trace *trace = sim_machine_trace(r->machine);
    uint32_t lines = 0;
    for (size_t i = 0; i < trace->count; i++)
        if (trace->records[i].kind == HV_TRACE_IRQ)
            lines |= 1u << trace->records[i].a;
    return lines;
}

static void test_board_profile_changes_clock_and_lines_only(void **state)
{
    (void)state;
    struct run xm = run_hello(&hv_board_xm_leon3, costs_with_entry(200));
    struct run qemu = run_hello(&hv_board_qemu_leon3, costs_with_entry(200));
    assert_int_equal(lines_taken(&xm), 1u << 9);   /* the event timer, TIMER2 */
    assert_int_equal(lines_taken(&qemu), 1u << 7); /* QEMU's second timer */
    const struct sim_trace *tx = sim_machine_trace(xm.machine);
    const struct sim_trace *tq = sim_machine_trace(qemu.machine);
    size_t ix = 0, iq = 0;
    /* The same slots, partitions and planned times, in the same order. */
    for (;;) {
        while (ix < tx->count && tx->records[ix].kind != HV_TRACE_SLOT_START)
            ix++;
        while (iq < tq->count && tq->records[iq].kind != HV_TRACE_SLOT_START)
            iq++;
        if (ix == tx->count || iq == tq->count)
            break;
        assert_int_equal(tx->records[ix].partition, tq->records[iq].partition);
        assert_int_equal(tx->records[ix].b, tq->records[iq].b);
        ix++, iq++;
    }
    assert_int_equal(ix, tx->count);
    assert_int_equal(iq, tq->count);
    assert_int_equal(sim_machine_clock(xm.machine)->khz, 50000);
    assert_int_equal(sim_machine_clock(qemu.machine)->khz, 40000);
    finish(&xm);
    finish(&qemu);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_slots_start_at_the_planned_cycle_plus_the_entry_cost),
        cmocka_unit_test(test_board_profile_changes_clock_and_lines_only),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
