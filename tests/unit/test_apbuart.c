/* devices/apbuart: register-level tests of the UART, with its transmit
 * time in cycles. */
#include "devices/apbuart.h"
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#define LINE 2u

struct fixture {
    struct apbuart u;
    char out[64];
    uint64_t out_cycle[64];
    uint32_t out_count;
    uint32_t pulses;
};

static void sink_byte(void *context, uint8_t byte, uint64_t cycle)
{
    struct fixture *f = context;
    f->out_cycle[f->out_count] = cycle;
    f->out[f->out_count++] = (char)byte;
}

static void pulse(void *context, uint32_t line)
{
    struct fixture *f = context;
    assert_int_equal(line, LINE);
    f->pulses++;
}

static int setup(void **state)
{
    static struct fixture f;
    memset(&f, 0, sizeof f);
    apbuart_init(&f.u, LINE, (struct dev_irq_sink){pulse, &f},
                 (struct apbuart_sink){sink_byte, &f});
    *state = &f;
    return 0;
}

static struct fixture *fixture(void **state)
{
    return *state;
}

static uint32_t rd(struct apbuart *u, uint32_t offset, uint64_t now)
{
    uint32_t value = 0xdeadbeefu;
    assert_int_equal(apbuart_read(u, offset, now, &value), DEV_OK);
    return value;
}

static void wr(struct apbuart *u, uint32_t offset, uint32_t value, uint64_t now)
{
    assert_int_equal(apbuart_write(u, offset, value, now), DEV_OK);
}

/* The documented character time: (10 bits, 11 with parity) * 8 * (scaler+1). */
static uint64_t char_time(uint32_t scaler, bool parity)
{
    return (parity ? 11u : 10u) * 8u * (scaler + 1u);
}

static void test_reset_state(void **state)
{
    struct apbuart *u = &fixture(state)->u;
    assert_int_equal(rd(u, APBUART_STATUS, 0), APBUART_STATUS_TS | APBUART_STATUS_TE);
    assert_int_equal(rd(u, APBUART_CTRL, 0), 0);
    assert_int_equal(apbuart_next_event(u, 0), DEV_NEVER);
}

/* Status during a transmission: shift register busy, then the holding
 * register full, each byte out after exactly one character time. */
static void test_status_during_transmit(void **state)
{
    struct fixture *f = fixture(state);
    struct apbuart *u = &f->u;
    uint64_t t = char_time(3, false);
    wr(u, APBUART_SCALER, 3, 0);
    wr(u, APBUART_CTRL, APBUART_CTRL_TE, 0);
    wr(u, APBUART_DATA, 'A', 1000);
    assert_int_equal(rd(u, APBUART_STATUS, 1000), APBUART_STATUS_TE);
    wr(u, APBUART_DATA, 'B', 1001);
    assert_int_equal(rd(u, APBUART_STATUS, 1001), APBUART_STATUS_TF);
    assert_int_equal(apbuart_next_event(u, 1001), 1000 + t);
    assert_int_equal(rd(u, APBUART_STATUS, 1000 + t - 1), APBUART_STATUS_TF);
    assert_int_equal(f->out_count, 0);
    assert_int_equal(rd(u, APBUART_STATUS, 1000 + t), APBUART_STATUS_TE);
    assert_int_equal(f->out_count, 1);
    assert_int_equal(f->out_cycle[0], 1000 + t);
    apbuart_update(u, 1000 + 2 * t);
    assert_int_equal(f->out_count, 2);
    assert_memory_equal(f->out, "AB", 2);
    assert_int_equal(f->out_cycle[1], 1000 + 2 * t);
    assert_int_equal(rd(u, APBUART_STATUS, 1000 + 2 * t), APBUART_STATUS_TS | APBUART_STATUS_TE);
    assert_int_equal(apbuart_next_event(u, 1000 + 2 * t), DEV_NEVER);
}

static void test_parity_adds_a_bit(void **state)
{
    struct fixture *f = fixture(state);
    wr(&f->u, APBUART_CTRL, APBUART_CTRL_TE | APBUART_CTRL_PE, 0);
    wr(&f->u, APBUART_SCALER, 0, 0);
    wr(&f->u, APBUART_DATA, 'p', 10);
    assert_int_equal(apbuart_next_event(&f->u, 10), 10 + char_time(0, true));
}

static void test_full_holding_register_is_overwritten(void **state)
{
    struct fixture *f = fixture(state);
    wr(&f->u, APBUART_CTRL, APBUART_CTRL_TE, 0);
    wr(&f->u, APBUART_DATA, 'a', 0);
    wr(&f->u, APBUART_DATA, 'b', 0);
    wr(&f->u, APBUART_DATA, 'c', 0);
    apbuart_update(&f->u, 1000);
    assert_int_equal(f->out_count, 2);
    assert_memory_equal(f->out, "ac", 2);
}

static void test_transmitter_disabled_discards(void **state)
{
    struct fixture *f = fixture(state);
    wr(&f->u, APBUART_DATA, 'x', 0);
    apbuart_update(&f->u, 1000);
    assert_int_equal(f->out_count, 0);
    assert_int_equal(rd(&f->u, APBUART_STATUS, 1000), APBUART_STATUS_TS | APBUART_STATUS_TE);
}

/* TI pulses when a character has gone out, not when it is written. */
static void test_transmit_interrupt(void **state)
{
    struct fixture *f = fixture(state);
    wr(&f->u, APBUART_CTRL, APBUART_CTRL_TE | APBUART_CTRL_TI, 0);
    wr(&f->u, APBUART_DATA, 'x', 0);
    assert_int_equal(f->pulses, 0);
    apbuart_update(&f->u, char_time(0, false) - 1);
    assert_int_equal(f->pulses, 0);
    apbuart_update(&f->u, char_time(0, false));
    assert_int_equal(f->pulses, 1);
}

static void test_receive_fifo(void **state)
{
    struct fixture *f = fixture(state);
    struct apbuart *u = &f->u;
    assert_false(apbuart_receive(u, 'n', 0)); /* receiver off */
    wr(u, APBUART_CTRL, APBUART_CTRL_RE | APBUART_CTRL_RI, 0);
    assert_true(apbuart_receive(u, 'h', 5));
    assert_true(apbuart_receive(u, 'i', 6));
    assert_int_equal(f->pulses, 2);
    uint32_t status = rd(u, APBUART_STATUS, 7);
    assert_true(status & APBUART_STATUS_DR);
    assert_int_equal(status >> APBUART_STATUS_RCNT_SHIFT, 2);
    assert_int_equal(rd(u, APBUART_DATA, 8), 'h');
    assert_int_equal(rd(u, APBUART_DATA, 8), 'i');
    assert_false(rd(u, APBUART_STATUS, 8) & APBUART_STATUS_DR);
    assert_int_equal(rd(u, APBUART_DATA, 8), 0); /* empty */
}

static void test_receive_overrun(void **state)
{
    struct apbuart *u = &fixture(state)->u;
    wr(u, APBUART_CTRL, APBUART_CTRL_RE, 0);
    for (uint32_t i = 0; i < APBUART_RX_FIFO; i++)
        assert_true(apbuart_receive(u, (uint8_t)('a' + i), i));
    assert_false(apbuart_receive(u, 'z', 100));
    uint32_t status = rd(u, APBUART_STATUS, 100);
    assert_true(status & APBUART_STATUS_RF);
    assert_true(status & APBUART_STATUS_RH);
    assert_true(status & APBUART_STATUS_OV);
    assert_int_equal(rd(u, APBUART_DATA, 100), 'a'); /* the oldest byte survives */
    wr(u, APBUART_STATUS, 0, 101);                   /* software clears OV */
    assert_false(rd(u, APBUART_STATUS, 101) & APBUART_STATUS_OV);
}

static void test_guest_errors_are_reported(void **state)
{
    struct apbuart *u = &fixture(state)->u;
    uint32_t value = 1;
    assert_int_equal(apbuart_read(u, 0x10, 0, &value), DEV_ERR_BAD_OFFSET);
    assert_int_equal(value, 0);
    assert_int_equal(apbuart_write(u, 0x14, 1, 0), DEV_ERR_BAD_OFFSET);
    wr(u, APBUART_SCALER, 0xffffffffu, 0);
    assert_int_equal(rd(u, APBUART_SCALER, 0), APBUART_SCALER_MASK);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_reset_state, setup),
        cmocka_unit_test_setup(test_status_during_transmit, setup),
        cmocka_unit_test_setup(test_parity_adds_a_bit, setup),
        cmocka_unit_test_setup(test_full_holding_register_is_overwritten, setup),
        cmocka_unit_test_setup(test_transmitter_disabled_discards, setup),
        cmocka_unit_test_setup(test_transmit_interrupt, setup),
        cmocka_unit_test_setup(test_receive_fifo, setup),
        cmocka_unit_test_setup(test_receive_overrun, setup),
        cmocka_unit_test_setup(test_guest_errors_are_reported, setup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
