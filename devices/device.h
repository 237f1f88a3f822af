/* devices/: what every device model shares. A model is a register file with
 * IRQ outputs and a next-event time, driven by a clock in cycles that the
 * caller passes in; it knows nothing of hvcore or cpu/. */
#ifndef DEVICES_DEVICE_H
#define DEVICES_DEVICE_H

#include <stdint.h>

/* next_event() when the model needs no attention until a register access. */
#define DEV_NEVER UINT64_MAX

/* The result of a register access. Everything but DEV_OK is a guest error
 * (or, for DEV_ERR_UNMAPPED, a bus fault) that the caller reports; the
 * access itself then had no effect and reads return 0. */
enum dev_error {
    DEV_OK = 0,
    DEV_ERR_UNMAPPED,   /* no device at this address */
    DEV_ERR_BAD_OFFSET, /* no register at this offset of the device */
    DEV_ERR_BAD_WIDTH,  /* not an aligned 32-bit access */
    DEV_ERR_READ_ONLY,  /* a write to a read-only register */
    DEV_ERR_OVERLAP,    /* bus set-up: two devices claim one address */
    DEV_ERR_BUS_FULL,   /* bus set-up: no room for another device */
};

const char *dev_strerror(enum dev_error error);

/* An interrupt output. GRLIB peripherals signal an interrupt with a
 * one-cycle pulse that the interrupt controller latches; raise() is that
 * pulse on `line`. A sink with no function ignores the pulse. */
struct dev_irq_sink {
    void (*raise)(void *context, uint32_t line);
    void *context;
};

static inline void dev_irq_pulse(const struct dev_irq_sink *sink, uint32_t line)
{
    if (sink->raise)
        sink->raise(sink->context, line);
}

#endif
