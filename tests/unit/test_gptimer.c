/* devices/gptimer: register-level tests (write registers, advance the
 * clock, assert registers and interrupt lines), and the lazy model against
 * a cycle-by-cycle reference. */
#include "devices/gptimer.h"
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#define IRQ_BASE 8u

/* Interrupt pulses seen: count and cycle of the last per line. */
struct pulses {
    uint32_t count[16];
};

static void record_pulse(void *context, uint32_t line)
{
    ((struct pulses *)context)->count[line]++;
}

struct fixture {
    struct gptimer g;
    struct pulses pulses;
};

static struct fixture *fixture(void **state)
{
    return *state;
}

static int setup(void **state)
{
    static struct fixture f;
    memset(&f, 0, sizeof f);
    gptimer_init(&f.g, 2, IRQ_BASE, (struct dev_irq_sink){record_pulse, &f.pulses});
    *state = &f;
    return 0;
}

static uint32_t rd(struct gptimer *g, uint32_t offset, uint64_t now)
{
    uint32_t value = 0xdeadbeefu;
    assert_int_equal(gptimer_read(g, offset, now, &value), DEV_OK);
    return value;
}

static void wr(struct gptimer *g, uint32_t offset, uint32_t value, uint64_t now)
{
    assert_int_equal(gptimer_write(g, offset, value, now), DEV_OK);
}

/* Start timer 0 at cycle `at` with the prescaler freshly loaded with
 * `prescale` (a tick every prescale+1 cycles, the first prescale+1 cycles
 * after `at`) and the timer loaded with `count`. */
static void start(struct gptimer *g, uint32_t prescale, uint32_t count, uint32_t ctrl, uint64_t at)
{
    wr(g, GPTIMER_SCALER_RELOAD, prescale, at);
    wr(g, GPTIMER_SCALER, prescale, at);
    wr(g, GPTIMER_TIMER(0) + GPTIMER_RELOAD, count, at);
    wr(g, GPTIMER_TIMER(0) + GPTIMER_CTRL, ctrl | GPTIMER_CTRL_LD, at);
}

static void test_reset_state(void **state)
{
    struct gptimer *g = &fixture(state)->g;
    assert_int_equal(rd(g, GPTIMER_SCALER, 0), GPTIMER_SCALER_MASK);
    assert_int_equal(rd(g, GPTIMER_SCALER_RELOAD, 0), GPTIMER_SCALER_MASK);
    assert_int_equal(rd(g, GPTIMER_CONFIG, 0),
                     2u | IRQ_BASE << GPTIMER_CONFIG_IRQ_SHIFT | GPTIMER_CONFIG_SI);
    assert_int_equal(rd(g, GPTIMER_TIMER(1) + GPTIMER_CTRL, 0), 0);
    assert_int_equal(gptimer_next_event(g, 0), DEV_NEVER);
}

/* Counter N underflows on tick N+1: prescale 4 (ticks at +5, +10, ...),
 * counter 2: 2, 1, 0, then the underflow on the third tick, at +15. */
static void test_underflow_after_counter_plus_one_ticks(void **state)
{
    struct fixture *f = fixture(state);
    struct gptimer *g = &f->g;
    start(g, 4, 2, GPTIMER_CTRL_EN | GPTIMER_CTRL_IE, 100);
    assert_int_equal(gptimer_next_event(g, 100), 115);
    assert_int_equal(rd(g, GPTIMER_TIMER(0), 104), 2);
    assert_int_equal(rd(g, GPTIMER_TIMER(0), 105), 1);
    assert_int_equal(rd(g, GPTIMER_TIMER(0), 110), 0);
    assert_int_equal(rd(g, GPTIMER_SCALER, 112), 2);
    gptimer_update(g, 114);
    assert_int_equal(f->pulses.count[IRQ_BASE], 0);
    gptimer_update(g, 115);
    assert_int_equal(f->pulses.count[IRQ_BASE], 1);
    /* Without RS the timer stops below zero. */
    uint32_t ctrl = rd(g, GPTIMER_TIMER(0) + GPTIMER_CTRL, 115);
    assert_int_equal(ctrl, GPTIMER_CTRL_IE | GPTIMER_CTRL_IP);
    assert_int_equal(rd(g, GPTIMER_TIMER(0), 115), 0xffffffffu);
    assert_int_equal(rd(g, GPTIMER_TIMER(0), 100000), 0xffffffffu);
    assert_int_equal(gptimer_next_event(g, 115), DEV_NEVER);
    assert_int_equal(f->pulses.count[IRQ_BASE], 1);
}

/* With RS the timer fires every reload+1 ticks, on the right line. */
static void test_restart_is_periodic(void **state)
{
    struct fixture *f = fixture(state);
    struct gptimer *g = &f->g;
    wr(g, GPTIMER_TIMER(1) + GPTIMER_RELOAD, 3, 0);
    wr(g, GPTIMER_TIMER(1) + GPTIMER_CTRL,
       GPTIMER_CTRL_LD | GPTIMER_CTRL_RS | GPTIMER_CTRL_EN | GPTIMER_CTRL_IE, 0);
    wr(g, GPTIMER_SCALER_RELOAD, 0, 0); /* a tick every cycle once the scaler is through */
    wr(g, GPTIMER_SCALER, 0, 0);
    for (uint64_t k = 1; k <= 5; k++) {
        uint64_t at = gptimer_next_event(g, 0);
        assert_int_equal(at, 4 * k);
        gptimer_update(g, at);
        assert_int_equal(f->pulses.count[IRQ_BASE + 1], k);
        assert_int_equal(rd(g, GPTIMER_TIMER(1), at), 3);
    }
    assert_int_equal(f->pulses.count[IRQ_BASE], 0);
}

static void test_prescaler_reload_takes_effect_at_next_underflow(void **state)
{
    struct gptimer *g = &fixture(state)->g;
    start(g, 9, 100, GPTIMER_CTRL_EN, 0); /* ticks at 10, 20, ... */
    wr(g, GPTIMER_SCALER_RELOAD, 1, 15);  /* scaler at 4 now: ticks at 20, 22, 24, ... */
    assert_int_equal(rd(g, GPTIMER_SCALER, 15), 4);
    assert_int_equal(rd(g, GPTIMER_TIMER(0), 19), 99);
    assert_int_equal(rd(g, GPTIMER_TIMER(0), 20), 98);
    assert_int_equal(rd(g, GPTIMER_TIMER(0), 26), 95);
}

static void test_ip_is_cleared_by_writing_one(void **state)
{
    struct gptimer *g = &fixture(state)->g;
    uint32_t on = GPTIMER_CTRL_EN | GPTIMER_CTRL_IE | GPTIMER_CTRL_RS;
    start(g, 0, 0, on, 0);
    gptimer_update(g, 1);
    uint32_t ctrl_reg = GPTIMER_TIMER(0) + GPTIMER_CTRL;
    assert_true(rd(g, ctrl_reg, 1) & GPTIMER_CTRL_IP);
    wr(g, ctrl_reg, on, 1); /* IP written as 0: kept */
    assert_true(rd(g, ctrl_reg, 1) & GPTIMER_CTRL_IP);
    wr(g, ctrl_reg, on | GPTIMER_CTRL_IP, 1);
    assert_int_equal(rd(g, ctrl_reg, 1), on);
}

static void test_disabled_or_quiet_timers_raise_nothing(void **state)
{
    struct fixture *f = fixture(state);
    struct gptimer *g = &f->g;
    start(g, 0, 5, GPTIMER_CTRL_LD, 0); /* loaded, not enabled */
    assert_int_equal(rd(g, GPTIMER_TIMER(0), 1000), 5);
    wr(g, GPTIMER_TIMER(0) + GPTIMER_CTRL, GPTIMER_CTRL_EN, 1000); /* no IE */
    assert_int_equal(gptimer_next_event(g, 1000), DEV_NEVER);
    assert_int_equal(rd(g, GPTIMER_TIMER(0) + GPTIMER_CTRL, 2000), 0);
    assert_int_equal(f->pulses.count[IRQ_BASE], 0);
}

static void test_counter_write_restarts_the_count(void **state)
{
    struct gptimer *g = &fixture(state)->g;
    start(g, 0, 1000, GPTIMER_CTRL_EN | GPTIMER_CTRL_IE, 0);
    wr(g, GPTIMER_TIMER(0) + GPTIMER_COUNTER, 10, 500);
    assert_int_equal(gptimer_next_event(g, 500), 511);
}

static void test_guest_errors_are_reported(void **state)
{
    struct gptimer *g = &fixture(state)->g;
    uint32_t value = 1;
    assert_int_equal(gptimer_read(g, GPTIMER_TIMER(0) + 0xC, 0, &value), DEV_ERR_BAD_OFFSET);
    assert_int_equal(value, 0);
    assert_int_equal(gptimer_read(g, GPTIMER_TIMER(2), 0, &value), DEV_ERR_BAD_OFFSET);
    assert_int_equal(gptimer_write(g, GPTIMER_TIMER(2), 1, 0), DEV_ERR_BAD_OFFSET);
    assert_int_equal(gptimer_write(g, 0x0C, 1, 0), DEV_ERR_BAD_OFFSET);
    assert_int_equal(gptimer_write(g, GPTIMER_CONFIG, 0, 0), DEV_ERR_READ_ONLY);
    assert_int_equal(rd(g, GPTIMER_CONFIG, 0) & GPTIMER_CONFIG_TIMERS_MASK, 2);
}

/* A cycle-by-cycle reference of the documented behaviour. */
struct reference {
    uint32_t scaler, scaler_reload;
    uint32_t counter[2], reload[2], ctrl[2];
    uint32_t pulses[2];
};

static void reference_tick(struct reference *r, int n)
{
    if (!(r->ctrl[n] & GPTIMER_CTRL_EN) || r->counter[n]-- != 0)
        return;
    if (r->ctrl[n] & GPTIMER_CTRL_RS)
        r->counter[n] = r->reload[n];
    else
        r->ctrl[n] &= ~GPTIMER_CTRL_EN;
    if (r->ctrl[n] & GPTIMER_CTRL_IE) {
        r->ctrl[n] |= GPTIMER_CTRL_IP;
        r->pulses[n]++;
    }
}

static void reference_edge(struct reference *r)
{
    if (r->scaler != 0) {
        r->scaler--;
        return;
    }
    r->scaler = r->scaler_reload;
    reference_tick(r, 0);
    reference_tick(r, 1);
}

static void reference_ctrl(struct reference *r, int n, uint32_t value)
{
    uint32_t ip = r->ctrl[n] & GPTIMER_CTRL_IP & ~value;
    r->ctrl[n] = (value & (GPTIMER_CTRL_EN | GPTIMER_CTRL_RS | GPTIMER_CTRL_IE)) | ip;
    if (value & GPTIMER_CTRL_LD)
        r->counter[n] = r->reload[n];
}

static uint32_t lcg(uint32_t *seed)
{
    *seed = *seed * 1103515245u + 12345u;
    return *seed >> 8;
}

/* One random register write, to the model and the reference alike. */
static void random_write(struct gptimer *g, struct reference *r, uint32_t *seed, uint64_t now)
{
    uint32_t what = lcg(seed) % 6, n = lcg(seed) % 2, value = lcg(seed);
    uint32_t base = GPTIMER_TIMER(n);
    if (what == 0) {
        r->scaler_reload = value % 4;
        wr(g, GPTIMER_SCALER_RELOAD, r->scaler_reload, now);
    } else if (what == 1) {
        r->scaler = value % 4;
        wr(g, GPTIMER_SCALER, r->scaler, now);
    } else if (what == 2) {
        r->reload[n] = value % 12;
        wr(g, base + GPTIMER_RELOAD, r->reload[n], now);
    } else if (what == 3) {
        r->counter[n] = value % 12;
        wr(g, base + GPTIMER_COUNTER, r->counter[n], now);
    } else {
        reference_ctrl(r, (int)n, value & 0x1f);
        wr(g, base + GPTIMER_CTRL, value & 0x1f, now);
    }
}

static void compare(struct gptimer *g, const struct reference *r, uint64_t now)
{
    assert_int_equal(rd(g, GPTIMER_SCALER, now), r->scaler);
    for (uint32_t n = 0; n < 2; n++) {
        assert_int_equal(rd(g, GPTIMER_TIMER(n) + GPTIMER_COUNTER, now), r->counter[n]);
        assert_int_equal(rd(g, GPTIMER_TIMER(n) + GPTIMER_CTRL, now), r->ctrl[n]);
    }
}

/* Random programs of register writes at random cycles: the model, updated
 * only at its own next events, agrees with the reference on every register
 * and on every interrupt pulse, cycle by cycle. */
static void test_lazy_model_matches_cycle_reference(void **state)
{
    struct fixture *f = fixture(state);
    struct gptimer *g = &f->g;
    struct reference r = {.scaler = 0xffff, .scaler_reload = 0xffff};
    uint32_t seed = 7, checked_pulses = 0;
    wr(g, GPTIMER_SCALER, 0, 0);
    r.scaler = 0;
    uint64_t now = 0;
    for (int step = 0; step < 2000; step++) {
        uint64_t until = now + lcg(&seed) % 40;
        for (uint64_t c = now + 1; c <= until; c++) {
            reference_edge(&r);
            if (gptimer_next_event(g, c) == c)
                gptimer_update(g, c);
            assert_int_equal(f->pulses.count[IRQ_BASE], r.pulses[0]);
            assert_int_equal(f->pulses.count[IRQ_BASE + 1], r.pulses[1]);
        }
        now = until;
        compare(g, &r, now);
        random_write(g, &r, &seed, now);
    }
    checked_pulses = r.pulses[0] + r.pulses[1];
    assert_true(checked_pulses > 100); /* the program did exercise underflows */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_reset_state, setup),
        cmocka_unit_test_setup(test_underflow_after_counter_plus_one_ticks, setup),
        cmocka_unit_test_setup(test_restart_is_periodic, setup),
        cmocka_unit_test_setup(test_prescaler_reload_takes_effect_at_next_underflow, setup),
        cmocka_unit_test_setup(test_ip_is_cleared_by_writing_one, setup),
        cmocka_unit_test_setup(test_disabled_or_quiet_timers_raise_nothing, setup),
        cmocka_unit_test_setup(test_counter_write_restarts_the_count, setup),
        cmocka_unit_test_setup(test_guest_errors_are_reported, setup),
        cmocka_unit_test_setup(test_lazy_model_matches_cycle_reference, setup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
