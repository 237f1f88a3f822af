/* cpu/: debug stops (breakpoints, steps, watchpoints, instruction-count
 * targets) change neither what a partition computes nor the cycles it is
 * charged, nor where its slices end. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "cpu/vcpu.h"
#include "cpu/vcpu_debug.h"
#include "vcpu_fixture.h"

#define BRANCHY_CHECKSUM 0xd4a3322eu
#define BRANCHY_CODE_BYTES 0x100u
#define MAX_STOPS 200000u
#define MAX_RUNS 100000u

struct recorder {
    uint32_t stops;
    uint32_t pcs[MAX_STOPS];
    uint32_t npcs[MAX_STOPS];
    uint64_t retired[MAX_STOPS];
    struct vcpu_stop last;
    bool step_after_stop;
};

static void record(struct vcpu *vcpu, const struct vcpu_stop *stop, void *user)
{
    struct recorder *r = user;
    assert_true(r->stops < MAX_STOPS);
    r->pcs[r->stops] = stop->pc;
    r->npcs[r->stops] = stop->npc;
    r->retired[r->stops] = stop->retired;
    r->stops++;
    r->last = *stop;
    assert_int_equal(stop->pc, vcpu_get_reg(vcpu, VCPU_PC));
    vcpu_debug_set_step(vcpu, r->step_after_stop);
}

static struct vcpu *branchy(struct recorder *r)
{
    struct vcpu *vcpu = vcpu_fixture_make(NULL);
    vcpu_fixture_load(vcpu, VCPU_TEST_BIN_BRANCHY);
    if (r != NULL) {
        assert_int_equal(vcpu_debug_enable(vcpu, record, NULL, r), VCPU_OK);
    }
    assert_int_equal(vcpu_boot(vcpu, CODE, PCT), VCPU_OK);
    return vcpu;
}

struct slices {
    uint32_t runs;
    uint64_t cycles[MAX_RUNS];
    uint32_t pcs[MAX_RUNS];
};

/* Run to the final hypercall in slices of budget cycles, recording where
 * each slice ended. */
static void run_sliced(struct vcpu *vcpu, uint64_t budget, struct slices *out)
{
    struct vcpu_exit exit;
    out->runs = 0;
    do {
        assert_int_equal(vcpu_run(vcpu, budget, &exit), VCPU_OK);
        assert_true(out->runs < MAX_RUNS);
        out->cycles[out->runs] = exit.cycles;
        out->pcs[out->runs] = exit.pc;
        out->runs++;
    } while (exit.reason == VCPU_EXIT_BUDGET);
    assert_int_equal(exit.reason, VCPU_EXIT_HYPERCALL);
    assert_int_equal(vcpu_get_reg(vcpu, REG(G, 6)), BRANCHY_CHECKSUM);
}

static void assert_same_slices(const struct slices *a, const struct slices *b)
{
    assert_int_equal(a->runs, b->runs);
    for (uint32_t i = 0; i < a->runs; i++) {
        assert_int_equal(a->cycles[i], b->cycles[i]);
        assert_int_equal(a->pcs[i], b->pcs[i]);
    }
}

static struct slices plain, debugged;
static struct recorder rec;

/* One stop per instruction, delay slots included, numbered in order. */
static void check_step_stops(const struct recorder *r)
{
    uint32_t delay_slots = 0;
    for (uint32_t i = 0; i < r->stops; i++) {
        assert_int_equal(r->retired[i], i + 1);
        delay_slots += r->npcs[i] != r->pcs[i] + 4;
    }
    assert_true(delay_slots > 100);
    print_message("branchy stepped: %u instructions, %u stops in delay slots\n", r->stops,
                  delay_slots);
}

/* Stepping every instruction, in one slice or in slices of a budget:
 * same result, same cycles, slices ending at the same instructions. */
static void test_step_everything(void **state)
{
    (void)state;
    static const uint64_t budgets[] = {UINT64_MAX / 2, 23};
    for (uint32_t b = 0; b < 2; b++) {
        struct vcpu *vcpu = branchy(NULL);
        run_sliced(vcpu, budgets[b], &plain);
        vcpu_destroy(vcpu);
        memset(&rec, 0, sizeof rec);
        rec.step_after_stop = true;
        vcpu = branchy(&rec);
        vcpu_debug_set_step(vcpu, true);
        run_sliced(vcpu, budgets[b], &debugged);
        assert_same_slices(&plain, &debugged);
        check_step_stops(&rec);
        vcpu_destroy(vcpu);
    }
}

/* Breakpoints on every instruction of the program, while the run is
 * sliced by a budget: the slices end where they end without them. */
static void test_breakpoints_keep_slices(void **state)
{
    (void)state;
    for (uint64_t budget = 7; budget < 400; budget += 61) {
        struct vcpu *vcpu = branchy(NULL);
        run_sliced(vcpu, budget, &plain);
        vcpu_destroy(vcpu);
        memset(&rec, 0, sizeof rec);
        vcpu = branchy(&rec);
        for (uint32_t a = CODE; a < CODE + BRANCHY_CODE_BYTES; a += 12) {
            assert_int_equal(vcpu_debug_add_breakpoint(vcpu, a), VCPU_OK);
        }
        run_sliced(vcpu, budget, &debugged);
        assert_same_slices(&plain, &debugged);
        assert_true(rec.stops > 1000);
        for (uint32_t i = 0; i < rec.stops; i++) {
            assert_int_equal((rec.pcs[i] - CODE) % 12, 0);
        }
        vcpu_destroy(vcpu);
    }
}

/* Step the whole program: where it is after each instruction. */
static void record_every_step(struct recorder *steps)
{
    memset(steps, 0, sizeof *steps);
    steps->step_after_stop = true;
    struct vcpu *vcpu = branchy(steps);
    vcpu_debug_set_step(vcpu, true);
    run_sliced(vcpu, UINT64_MAX / 2, &debugged);
    vcpu_destroy(vcpu);
}

/* Each breakpoint stop is where stepping was after as many instructions
 * (the program, sliced by a budget, stops at every other word). */
static void test_breakpoints_match_steps(void **state)
{
    (void)state;
    static struct recorder steps;
    record_every_step(&steps);
    struct vcpu *vcpu = NULL;
    memset(&rec, 0, sizeof rec);
    vcpu = branchy(&rec);
    for (uint32_t a = CODE; a < CODE + BRANCHY_CODE_BYTES; a += 8) {
        assert_int_equal(vcpu_debug_add_breakpoint(vcpu, a), VCPU_OK);
    }
    struct vcpu_exit exit;
    do {
        assert_int_equal(vcpu_run(vcpu, 97, &exit), VCPU_OK);
    } while (exit.reason == VCPU_EXIT_BUDGET);
    assert_int_equal(vcpu_get_reg(vcpu, REG(G, 6)), BRANCHY_CHECKSUM);
    assert_true(rec.stops > 1000);
    assert_int_equal(rec.retired[0], 0); /* a breakpoint on the entry point */
    assert_int_equal(rec.pcs[0], CODE);
    for (uint32_t i = 1; i < rec.stops; i++) {
        uint64_t r = rec.retired[i];
        assert_true(r > rec.retired[i - 1]);
        assert_int_equal(rec.pcs[i], steps.pcs[r - 1]);
        assert_int_equal(rec.npcs[i], steps.npcs[r - 1]);
    }
    vcpu_destroy(vcpu);
}

/* A stop at an instruction count lands where stepping counted it. */
static void test_stop_at_count(void **state)
{
    (void)state;
    static struct recorder steps;
    record_every_step(&steps);
    struct vcpu *vcpu = NULL;
    for (uint64_t target = 1; target < steps.stops; target += steps.stops / 37) {
        memset(&rec, 0, sizeof rec);
        vcpu = branchy(&rec);
        vcpu_debug_stop_at(vcpu, target);
        run_sliced(vcpu, 97, &debugged);
        assert_int_equal(rec.stops, 1);
        assert_int_equal(rec.last.reason, VCPU_STOP_TARGET);
        assert_int_equal(rec.last.retired, target);
        assert_int_equal(rec.last.pc, steps.pcs[target - 1]);
        assert_int_equal(rec.last.npc, steps.npcs[target - 1]);
        vcpu_destroy(vcpu);
    }
}

/* A write watchpoint on the counter stops right after the store. */
static void test_watch_write(void **state)
{
    (void)state;
    memset(&rec, 0, sizeof rec);
    struct vcpu *vcpu = vcpu_fixture_make(NULL);
    vcpu_fixture_load(vcpu, VCPU_TEST_BIN_COUNTER);
    assert_int_equal(vcpu_debug_enable(vcpu, record, NULL, &rec), VCPU_OK);
    assert_int_equal(vcpu_boot(vcpu, CODE, PCT), VCPU_OK);
    for (uint32_t i = 0; i < VCPU_DEBUG_MAX_WATCHPOINTS; i++) {
        assert_int_equal(vcpu_debug_add_watch(vcpu, DATA + 64 * i, 4, VCPU_WATCH_WRITE), VCPU_OK);
    }
    assert_int_equal(vcpu_debug_add_watch(vcpu, DATA + 512, 4, VCPU_WATCH_WRITE),
                     VCPU_ERR_DEBUG_FULL);
    struct vcpu_exit exit;
    assert_int_equal(vcpu_run(vcpu, 200, &exit), VCPU_OK);
    assert_int_equal(exit.reason, VCPU_EXIT_BUDGET);
    assert_true(rec.stops >= 10);
    uint32_t value = 0;
    assert_int_equal(vcpu_read_mem(vcpu, DATA, &value, 4), VCPU_OK);
    for (uint32_t i = 0; i < rec.stops; i++) {
        /* counter.S: ld at +4, inc at +8, st at +12, b,a at +16 */
        assert_int_equal(rec.pcs[i], CODE + 16);
    }
    assert_int_equal(rec.last.access_pc, CODE + 12);
    assert_int_equal(__builtin_bswap32(value), rec.stops);
    assert_int_equal(rec.last.watch_address, DATA);
    vcpu_destroy(vcpu);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_step_everything),
        cmocka_unit_test(test_breakpoints_match_steps),
        cmocka_unit_test(test_breakpoints_keep_slices),
        cmocka_unit_test(test_stop_at_count),
        cmocka_unit_test(test_watch_write),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
