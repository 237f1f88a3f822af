/* devices/: the LEON3 peripheral set (see leon3.h). */
#include "devices/leon3.h"

/* The bus calls every model through the same untyped signatures; these
 * give each model's typed functions that shape. */
#define BUS_ADAPTERS(dev)                                                                          \
    static enum dev_error dev##_bus_read(void *m, uint32_t offset, uint64_t now, uint32_t *v)      \
    {                                                                                              \
        return dev##_read(m, offset, now, v);                                                      \
    }                                                                                              \
    static enum dev_error dev##_bus_write(void *m, uint32_t offset, uint32_t v, uint64_t now)      \
    {                                                                                              \
        return dev##_write(m, offset, v, now);                                                     \
    }                                                                                              \
    static uint64_t dev##_bus_next(const void *m, uint64_t now)                                    \
    {                                                                                              \
        return dev##_next_event(m, now);                                                           \
    }

BUS_ADAPTERS(apbuart)
BUS_ADAPTERS(gptimer)
BUS_ADAPTERS(irqmp)

static void apbuart_bus_update(void *m, uint64_t now)
{
    apbuart_update(m, now);
}

static void gptimer_bus_update(void *m, uint64_t now)
{
    gptimer_update(m, now);
}

static void irqmp_bus_update(void *m, uint64_t now)
{
    (void)now; /* no timed behaviour */
    irqmp_update(m);
}

enum dev_error leon3_devices_init(struct leon3_devices *d, const struct leon3_layout *layout,
                                  struct apbuart_sink uart_sink)
{
    struct dev_irq_sink to_irqmp = {irqmp_sink_raise, &d->irqmp};
    irqmp_init(&d->irqmp, layout->cpu_count);
    gptimer_init(&d->gptimer, layout->timer_count, layout->timer_irq, to_irqmp);
    apbuart_init(&d->uart, layout->uart_irq, to_irqmp, uart_sink);
    const struct bus_device devices[] = {
        {"apbuart", layout->uart_base, APBUART_SIZE, &d->uart, apbuart_bus_read, apbuart_bus_write,
         apbuart_bus_update, apbuart_bus_next},
        {"irqmp", layout->irqmp_base, IRQMP_SIZE, &d->irqmp, irqmp_bus_read, irqmp_bus_write,
         irqmp_bus_update, irqmp_bus_next},
        {"gptimer", layout->gptimer_base, GPTIMER_SIZE, &d->gptimer, gptimer_bus_read,
         gptimer_bus_write, gptimer_bus_update, gptimer_bus_next},
    };
    bus_init(&d->bus);
    for (uint32_t i = 0; i < sizeof devices / sizeof devices[0]; i++) {
        enum dev_error error = bus_attach(&d->bus, &devices[i]);
        if (error != DEV_OK)
            return error;
    }
    return DEV_OK;
}

enum dev_error leon3_devices_add_uart2(struct leon3_devices *d, uint32_t base, uint32_t line,
                                       struct apbuart_sink sink)
{
    apbuart_init(&d->uart2, line, (struct dev_irq_sink){irqmp_sink_raise, &d->irqmp}, sink);
    const struct bus_device device = {"apbuart2",         base,
                                      APBUART_SIZE,       &d->uart2,
                                      apbuart_bus_read,   apbuart_bus_write,
                                      apbuart_bus_update, apbuart_bus_next};
    return bus_attach(&d->bus, &device);
}
