/* devices/bus and the LEON3 assembly: decoding, faults, and interrupts
 * travelling from a timer or the UART into the IRQMP. */
#include "devices/leon3.h"
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#define UART 0x80000100u
#define IRQMP 0x80000200u
#define GPTIMER 0x80000300u

static const struct leon3_layout layout = {UART, 2, IRQMP, GPTIMER, 8, 2, 1};

static void wr(struct leon3_devices *d, uint32_t address, uint32_t value, uint64_t now)
{
    assert_int_equal(bus_write(&d->bus, address, 4, value, now), DEV_OK);
}

static uint32_t rd(struct leon3_devices *d, uint32_t address, uint64_t now)
{
    uint32_t value = 0xdeadbeefu;
    assert_int_equal(bus_read(&d->bus, address, 4, now, &value), DEV_OK);
    return value;
}

static void test_decode_and_faults(void **state)
{
    (void)state;
    static struct leon3_devices d;
    uint32_t value = 1;
    assert_int_equal(leon3_devices_init(&d, &layout, (struct apbuart_sink){0}), DEV_OK);
    assert_string_equal(bus_find(&d.bus, GPTIMER + 0x18)->name, "gptimer");
    assert_int_equal(rd(&d, GPTIMER + GPTIMER_CONFIG, 0) >> GPTIMER_CONFIG_IRQ_SHIFT & 0x1f, 8);
    assert_int_equal(bus_read(&d.bus, 0x80000400u, 4, 0, &value), DEV_ERR_UNMAPPED);
    assert_int_equal(value, 0);
    assert_int_equal(bus_write(&d.bus, BUS_APB_BASE, 4, 1, 0), DEV_ERR_UNMAPPED);
    assert_int_equal(bus_read(&d.bus, UART + 1, 1, 0, &value), DEV_ERR_BAD_WIDTH);
    assert_int_equal(bus_write(&d.bus, UART + 2, 4, 1, 0), DEV_ERR_BAD_WIDTH);
    assert_int_equal(bus_write(&d.bus, IRQMP + 0xC0, 4, 1, 0), DEV_ERR_BAD_OFFSET);
}

static enum dev_error no_read(void *m, uint32_t offset, uint64_t now, uint32_t *value)
{
    (void)m, (void)offset, (void)now;
    *value = 0;
    return DEV_OK;
}

static enum dev_error no_write(void *m, uint32_t offset, uint32_t value, uint64_t now)
{
    (void)m, (void)offset, (void)value, (void)now;
    return DEV_OK;
}

static void no_update(void *m, uint64_t now)
{
    (void)m, (void)now;
}

static uint64_t no_event(const void *m, uint64_t now)
{
    (void)m, (void)now;
    return DEV_NEVER;
}

static void test_attach_rejects_overlap_and_overflow(void **state)
{
    (void)state;
    struct bus bus;
    struct bus_device dev = {"d", 0x80000000u, 0x100, NULL, no_read, no_write, no_update, no_event};
    bus_init(&bus);
    assert_int_equal(bus_attach(&bus, &dev), DEV_OK);
    dev.base = 0x800000F0u;
    assert_int_equal(bus_attach(&bus, &dev), DEV_ERR_OVERLAP);
    dev.base = 0xFFFFFF80u;
    assert_int_equal(bus_attach(&bus, &dev), DEV_ERR_OVERLAP);
    for (uint32_t i = 1; i < BUS_MAX_DEVICES; i++) {
        dev.base = 0x80000000u + i * 0x100;
        assert_int_equal(bus_attach(&bus, &dev), DEV_OK);
    }
    dev.base = 0x90000000u;
    assert_int_equal(bus_attach(&bus, &dev), DEV_ERR_BUS_FULL);
    assert_int_equal(bus_next_event(&bus, 0), DEV_NEVER);
}

/* A timer programmed over the bus becomes an IRQMP request at exactly the
 * cycle the bus announced, on the timer's line. */
static void test_timer_interrupt_reaches_irqmp_at_its_cycle(void **state)
{
    (void)state;
    static struct leon3_devices d;
    assert_int_equal(leon3_devices_init(&d, &layout, (struct apbuart_sink){0}), DEV_OK);
    wr(&d, IRQMP + IRQMP_MASK(0), 1u << 9, 0);
    wr(&d, GPTIMER + GPTIMER_SCALER_RELOAD, 49, 0);
    wr(&d, GPTIMER + GPTIMER_SCALER, 49, 0);
    wr(&d, GPTIMER + GPTIMER_TIMER(1) + GPTIMER_RELOAD, 99, 0);
    wr(&d, GPTIMER + GPTIMER_TIMER(1) + GPTIMER_CTRL,
       GPTIMER_CTRL_LD | GPTIMER_CTRL_EN | GPTIMER_CTRL_IE, 0);
    uint64_t at = bus_next_event(&d.bus, 0);
    assert_int_equal(at, 100u * 50u); /* 100 ticks of 50 cycles */
    bus_update(&d.bus, at - 1);
    assert_int_equal(irqmp_irl(&d.irqmp, 0), 0);
    bus_update(&d.bus, at);
    assert_int_equal(irqmp_irl(&d.irqmp, 0), 9);
    assert_int_equal(rd(&d, IRQMP + IRQMP_PENDING, at), 1u << 9);
}

static void test_uart_interrupt_reaches_irqmp(void **state)
{
    (void)state;
    static struct leon3_devices d;
    assert_int_equal(leon3_devices_init(&d, &layout, (struct apbuart_sink){0}), DEV_OK);
    wr(&d, UART + APBUART_CTRL, APBUART_CTRL_RE | APBUART_CTRL_RI, 0);
    assert_true(apbuart_receive(&d.uart, 'k', 3));
    assert_int_equal(rd(&d, IRQMP + IRQMP_PENDING, 3), 1u << 2);
    assert_int_equal(rd(&d, UART + APBUART_DATA, 4), 'k');
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_decode_and_faults),
        cmocka_unit_test(test_attach_rejects_overlap_and_overflow),
        cmocka_unit_test(test_timer_interrupt_reaches_irqmp_at_its_cycle),
        cmocka_unit_test(test_uart_interrupt_reaches_irqmp),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
