/* devices/: the LEON3 peripheral set (see leon3.h). The adapters below give
 * each model the bus's untyped signatures. */
#include "devices/leon3.h"

static enum dev_error uart_read(void *m, uint32_t offset, uint64_t now, uint32_t *value)
{
    return apbuart_read(m, offset, now, value);
}

static enum dev_error uart_write(void *m, uint32_t offset, uint32_t value, uint64_t now)
{
    return apbuart_write(m, offset, value, now);
}

static void uart_update(void *m, uint64_t now)
{
    apbuart_update(m, now);
}

static uint64_t uart_next(const void *m, uint64_t now)
{
    return apbuart_next_event(m, now);
}

static enum dev_error timer_read(void *m, uint32_t offset, uint64_t now, uint32_t *value)
{
    return gptimer_read(m, offset, now, value);
}

static enum dev_error timer_write(void *m, uint32_t offset, uint32_t value, uint64_t now)
{
    return gptimer_write(m, offset, value, now);
}

static void timer_update(void *m, uint64_t now)
{
    gptimer_update(m, now);
}

static uint64_t timer_next(const void *m, uint64_t now)
{
    return gptimer_next_event(m, now);
}

static enum dev_error irqmp_read_model(void *m, uint32_t offset, uint64_t now, uint32_t *value)
{
    return irqmp_read(m, offset, now, value);
}

static enum dev_error irqmp_write_model(void *m, uint32_t offset, uint32_t value, uint64_t now)
{
    return irqmp_write(m, offset, value, now);
}

static void irqmp_update_model(void *m, uint64_t now)
{
    (void)now;
    irqmp_update(m);
}

static uint64_t irqmp_next(const void *m, uint64_t now)
{
    return irqmp_next_event(m, now);
}

enum dev_error leon3_devices_init(struct leon3_devices *d, const struct leon3_layout *layout,
                                  struct apbuart_sink uart_sink)
{
    struct dev_irq_sink to_irqmp = {irqmp_sink_raise, &d->irqmp};
    irqmp_init(&d->irqmp, layout->cpu_count);
    gptimer_init(&d->gptimer, layout->timer_count, layout->timer_irq, to_irqmp);
    apbuart_init(&d->uart, layout->uart_irq, to_irqmp, uart_sink);
    const struct bus_device devices[] = {
        {"apbuart", layout->uart_base, APBUART_SIZE, &d->uart, uart_read, uart_write, uart_update,
         uart_next},
        {"irqmp", layout->irqmp_base, IRQMP_SIZE, &d->irqmp, irqmp_read_model, irqmp_write_model,
         irqmp_update_model, irqmp_next},
        {"gptimer", layout->gptimer_base, GPTIMER_SIZE, &d->gptimer, timer_read, timer_write,
         timer_update, timer_next},
    };
    bus_init(&d->bus);
    for (uint32_t i = 0; i < sizeof devices / sizeof devices[0]; i++) {
        enum dev_error error = bus_attach(&d->bus, &devices[i]);
        if (error != DEV_OK)
            return error;
    }
    return DEV_OK;
}
