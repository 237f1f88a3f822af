/* hvcore/drivers against the device models: the port's register accesses
 * go to an APBUART, a GPTIMER and an IRQMP at the board's addresses, under a
 * test clock in cycles. Every test runs on both board profiles. */
#include "bus_port.h"
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

struct fixture {
    struct hv hv;
    struct bus_port port;
    const struct hv_board *board;
    uint64_t cycles_per_us;
    uint64_t start; /* the cycle the drivers started: µs clock zero */
};

/* Drivers started at cycle 1000 with register accesses taking no time,
 * so the µs clock ticks at start + k * cycles_per_us exactly. */
static struct fixture *start(void **state, uint32_t access_cycles)
{
    static struct fixture f;
    const struct hv_board *board = *state;
    memset(&f, 0, sizeof f);
    f.board = board;
    f.cycles_per_us = board->cpu_khz / 1000u;
    bus_port_init(&f.port, &f.hv, board);
    f.port.cycles = 1000;
    f.port.access_cycles = access_cycles;
    f.start = f.port.cycles;
    hv_board_init(&f.hv, board);
    return &f;
}

static uint32_t model_read(struct fixture *f, uint32_t address)
{
    uint32_t value;
    assert_int_equal(bus_read(&f->port.devices.bus, address, 4, f->port.cycles, &value), DEV_OK);
    return value;
}

static uint64_t now_us_at(struct fixture *f, uint64_t cycle)
{
    f->port.cycles = cycle;
    return hv_gptimer_now_us(&f->hv);
}

static void test_board_profiles(void **state)
{
    (void)state;
    assert_ptr_equal(hv_board_find("xm-leon3"), &hv_board_xm_leon3);
    assert_ptr_equal(hv_board_find("qemu-leon3"), &hv_board_qemu_leon3);
    assert_null(hv_board_find("xm-leon"));
    assert_null(hv_board_find("leon3"));
}

/* Init leaves the devices as XtratuM leaves them: a 1 MHz prescaler, timer
 * 1 free-running, both timer lines and nothing else enabled at the IRQMP,
 * the UART on at (about) the board's baud rate. */
static void test_init_programs_the_devices(void **state)
{
    struct fixture *f = start(state, 0);
    const struct hv_board *b = f->board;
    uint32_t timer1 = b->gptimer_base + GPTIMER_TIMER(0);
    assert_int_equal(model_read(f, b->gptimer_base + GPTIMER_SCALER_RELOAD) + 1, f->cycles_per_us);
    assert_int_equal(model_read(f, timer1 + GPTIMER_RELOAD), 0xffffffffu);
    assert_int_equal(model_read(f, timer1 + GPTIMER_CTRL),
                     GPTIMER_CTRL_EN | GPTIMER_CTRL_RS | GPTIMER_CTRL_IE);
    assert_int_equal(model_read(f, b->irqmp_base + IRQMP_MASK(0)),
                     1u << b->clock_irq | 1u << b->event_irq);
    assert_int_equal(model_read(f, b->uart_base + APBUART_CTRL), APBUART_CTRL_TE | APBUART_CTRL_RE);
    uint32_t scaler = model_read(f, b->uart_base + APBUART_SCALER);
    double baud = b->cpu_khz * 1000.0 / (8.0 * (scaler + 1));
    assert_true(baud > b->uart_baud * 0.98 && baud < b->uart_baud * 1.02);
    assert_int_equal(f->port.io_errors, 0);
}

static void test_clock_counts_microseconds(void **state)
{
    struct fixture *f = start(state, 0);
    uint64_t us = f->cycles_per_us;
    assert_int_equal(now_us_at(f, f->start), 0);
    assert_int_equal(now_us_at(f, f->start + us - 1), 0);
    assert_int_equal(now_us_at(f, f->start + us), 1);
    assert_int_equal(now_us_at(f, f->start + 123456 * us + us / 2), 123456);
}

/* Across the 32-bit wrap of timer 1: first read while the wrap is still
 * pending at the IRQMP (the driver counts it and clears the line), then the
 * next wrap taken as an interrupt. The clock never jumps or goes back. */
static void test_clock_reads_right_across_the_wrap(void **state)
{
    struct fixture *f = start(state, 0);
    uint64_t us = f->cycles_per_us, wrap = 1ull << 32;
    uint32_t line = f->board->clock_irq;
    assert_int_equal(now_us_at(f, f->start + (wrap - 1) * us), wrap - 1);
    assert_int_equal(now_us_at(f, f->start + wrap * us), wrap);
    assert_false(hv_irqmp_is_pending(&f->hv, line));
    assert_int_equal(now_us_at(f, f->start + (wrap + 1) * us), wrap + 1);
    assert_true(bus_port_run_until_irq(&f->port, line, f->start + 3 * wrap * us));
    assert_int_equal(f->port.cycles, f->start + 2 * wrap * us);
    assert_true(bus_port_take_irq(&f->port, line));
    assert_false(hv_gptimer_irq(&f->hv, line));
    assert_int_equal(hv_gptimer_now_us(&f->hv), 2 * wrap);
    assert_int_equal(now_us_at(f, f->start + (2 * wrap + 7) * us), 2 * wrap + 7);
    assert_int_equal(f->port.io_errors, 0);
}

/* Arm at `from` µs for a deadline `delay` µs later. The event line must
 * come exactly at the cycle the clock reaches the deadline, no earlier;
 * intermediate interrupts (re-arming) must not report the deadline. */
static void expect_event(struct fixture *f, uint64_t from, uint64_t delay, uint64_t fires_at)
{
    uint32_t line = f->board->event_irq;
    uint64_t due = f->start + fires_at * f->cycles_per_us;
    f->port.cycles = f->start + from * f->cycles_per_us + 3;
    hv_gptimer_arm(&f->hv, from + delay);
    for (;;) {
        assert_true(bus_port_run_until_irq(&f->port, line, due));
        assert_true(bus_port_take_irq(&f->port, line));
        if (hv_gptimer_irq(&f->hv, line))
            break;
        assert_true(f->port.cycles < due);
    }
    assert_int_equal(f->port.cycles, due);
    assert_int_equal(hv_gptimer_now_us(&f->hv), fires_at);
}

static void test_one_shot_fires_at_the_exact_cycle(void **state)
{
    struct fixture *f = start(state, 0);
    expect_event(f, 10, 50, 60);
    expect_event(f, 100, 1000, 1100);
    expect_event(f, 2000, 10000000, 10002000);
    assert_int_equal(f->port.io_errors, 0);
}

static void test_one_shot_beyond_ten_seconds_is_chained(void **state)
{
    struct fixture *f = start(state, 0);
    uint32_t line = f->board->event_irq;
    uint64_t rearms = 0;
    expect_event(f, 5, 25000000, 25000005);
    /* Count the steps: two 10 s steps and the last 5 s. */
    f->port.cycles = f->start + 30000000 * f->cycles_per_us;
    hv_gptimer_arm(&f->hv, 30000000 + 25000000);
    while (bus_port_run_until_irq(&f->port, line, DEV_NEVER - 1)) {
        assert_true(bus_port_take_irq(&f->port, line));
        rearms++;
        if (hv_gptimer_irq(&f->hv, line))
            break;
    }
    assert_int_equal(rearms, 3);
    assert_int_equal(hv_gptimer_now_us(&f->hv), 55000000);
}

/* No 50 µs minimum (it pushed slot boundaries back, issue 11): a deadline
 * 1 µs away fires on time, one already reached at the next tick. */
static void test_one_shot_has_no_minimum(void **state)
{
    struct fixture *f = start(state, 0);
    expect_event(f, 100, 1, 101);
    expect_event(f, 500, 0, 501);
}

static void test_disarmed_timer_stays_quiet(void **state)
{
    struct fixture *f = start(state, 0);
    uint32_t line = f->board->event_irq;
    hv_gptimer_arm(&f->hv, 100);
    hv_gptimer_disarm(&f->hv);
    assert_false(bus_port_run_until_irq(&f->port, line, f->start + 1000 * f->cycles_per_us));
}

static void test_irqmp_driver(void **state)
{
    struct fixture *f = start(state, 0);
    struct irqmp *model = &f->port.devices.irqmp;
    irqmp_raise(model, 5);
    assert_int_equal(hv_irqmp_pending(&f->hv), 1u << 5);
    assert_int_equal(irqmp_irl(model, 0), 0); /* init masked it */
    hv_irqmp_unmask(&f->hv, 5);
    assert_int_equal(irqmp_irl(model, 0), 5);
    hv_irqmp_mask(&f->hv, 5);
    assert_int_equal(irqmp_irl(model, 0), 0);
    hv_irqmp_clear(&f->hv, 5);
    assert_false(hv_irqmp_is_pending(&f->hv, 5));
    hv_irqmp_unmask(&f->hv, 16); /* no such line: nothing happens */
    assert_int_equal(model->mask[0], 1u << f->board->clock_irq | 1u << f->board->event_irq);
    assert_int_equal(f->port.io_errors, 0);
}

/* With each register access taking 4 cycles, the console driver polls the
 * holding register and the bytes leave the UART back to back, one
 * character time apart. */
static void test_console_bytes_reach_the_sink(void **state)
{
    struct fixture *f = start(state, 4);
    const char text[] = "hello, world\n";
    assert_int_equal(hv_apbuart_write(&f->hv, text, strlen(text), UINT64_MAX), strlen(text));
    bus_port_run_until(&f->port, f->port.cycles + 1000000);
    assert_int_equal(f->port.console_length, strlen(text));
    assert_memory_equal(f->port.console, text, strlen(text));
    uint32_t scaler = f->port.devices.uart.scaler;
    for (uint32_t i = 1; i < f->port.console_length; i++)
        assert_int_equal(f->port.console_cycle[i] - f->port.console_cycle[i - 1],
                         10u * 8u * (scaler + 1u));
    assert_int_equal(f->hv.drivers.console_dropped, 0);
}

/* If time stood still while the driver polls, the UART would never empty:
 * the poll gives up and the byte is dropped and counted, never a hang. */
static void test_console_gives_up_on_a_stuck_uart(void **state)
{
    struct fixture *f = start(state, 0);
    assert_int_equal(hv_apbuart_write(&f->hv, "abcde", 5, UINT64_MAX), 5);
    assert_int_equal(f->hv.drivers.console_dropped, 3);
    bus_port_run_until(&f->port, f->port.cycles + 1000000);
    assert_int_equal(f->port.console_length, 2);
    assert_memory_equal(f->port.console, "ab", 2);
}

/* A write never runs past its deadline (the caller's slot end, issue 11):
 * it stops before a byte that would not be out of the UART by then, and
 * every byte it sent is out by the deadline. */
static void test_console_write_stops_at_the_deadline(void **state)
{
    struct fixture *f = start(state, 4);
    char text[40];
    memset(text, 'x', sizeof text);
    uint64_t deadline = hv_gptimer_now_us(&f->hv) + 10u * f->hv.drivers.char_us;
    size_t sent = hv_apbuart_write(&f->hv, text, sizeof text, deadline);
    assert_true(sent >= 6 && sent < 10);
    assert_true(hv_gptimer_now_us(&f->hv) <= deadline);
    bus_port_run_until(&f->port, f->port.cycles + 10000000);
    assert_int_equal(f->port.console_length, sent);
    uint64_t last = f->port.console_cycle[sent - 1] - f->start;
    assert_true(last <= deadline * f->cycles_per_us);
}

#define BOTH(test)                                                                                 \
    cmocka_unit_test_prestate(test, (void *)&hv_board_xm_leon3),                                   \
        cmocka_unit_test_prestate(test, (void *)&hv_board_qemu_leon3)

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_board_profiles),
        BOTH(test_init_programs_the_devices),
        BOTH(test_clock_counts_microseconds),
        BOTH(test_clock_reads_right_across_the_wrap),
        BOTH(test_one_shot_fires_at_the_exact_cycle),
        BOTH(test_one_shot_beyond_ten_seconds_is_chained),
        BOTH(test_one_shot_has_no_minimum),
        BOTH(test_disarmed_timer_stays_quiet),
        BOTH(test_irqmp_driver),
        BOTH(test_console_bytes_reach_the_sink),
        BOTH(test_console_gives_up_on_a_stuck_uart),
        BOTH(test_console_write_stops_at_the_deadline),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
