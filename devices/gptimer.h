/* devices/: GRLIB GPTIMER, the LEON3 general-purpose timer unit.
 *
 * Modelled: the 16-bit prescaler (decremented every cycle; when it underflows
 * it is reloaded and every timer gets one tick), up to GPTIMER_MAX_TIMERS
 * 32-bit down-counters with COUNTER/RELOAD/CTRL (EN, RS, LD, IE, IP), an
 * underflow after counter+1 ticks, separate interrupts (timer n pulses line
 * irq_base + n), the read-only CONFIG register.
 *
 * Not modelled: chaining (CH is ignored and reads 0), debug halt (DH), the
 * latch and watchdog registers, shared-interrupt mode, the extended 0x0C
 * register of each timer (a bad offset).
 *
 * GRLIB and QEMU disagree on IP: older GRLIB manuals (GR712RC) clear it by
 * writing 0, QEMU and the current GRLIB IP core manual by writing 1. This
 * model follows QEMU and current GRLIB: writing 1 to IP clears it, 0 keeps
 * it. On reset the prescaler and its reload are all ones (GRLIB; QEMU uses 0).
 * An underflow without RS stops the timer (EN cleared) with the counter at
 * 0xFFFFFFFF, as the GRLIB counter wraps below zero.
 *
 * Time is exact in cycles and lazy: the state is kept as of `anchor`, and
 * every access first folds the ticks since then (gptimer_update). No
 * per-cycle stepping. An interrupt pulse happens inside gptimer_update, so a
 * caller that wants it at its exact cycle calls gptimer_update at
 * gptimer_next_event(). */
#ifndef DEVICES_GPTIMER_H
#define DEVICES_GPTIMER_H

#include "devices/device.h"
#include <stdbool.h>

#define GPTIMER_MAX_TIMERS 7u
#define GPTIMER_SIZE 0x100u

/* Unit registers. */
#define GPTIMER_SCALER 0x00u
#define GPTIMER_SCALER_RELOAD 0x04u
#define GPTIMER_CONFIG 0x08u
#define GPTIMER_SCALER_MASK 0xffffu

/* CONFIG fields. */
#define GPTIMER_CONFIG_TIMERS_MASK 0x7u
#define GPTIMER_CONFIG_IRQ_SHIFT 3u
#define GPTIMER_CONFIG_SI (1u << 8) /* separate interrupts */

/* Timer n (0-based) lives at GPTIMER_TIMER(n); its registers at these
 * offsets from there. */
#define GPTIMER_TIMER(n) (0x10u * ((n) + 1u))
#define GPTIMER_COUNTER 0x0u
#define GPTIMER_RELOAD 0x4u
#define GPTIMER_CTRL 0x8u

#define GPTIMER_CTRL_EN 0x01u /* enable */
#define GPTIMER_CTRL_RS 0x02u /* restart: reload on underflow */
#define GPTIMER_CTRL_LD 0x04u /* load reload into counter (write only) */
#define GPTIMER_CTRL_IE 0x08u /* interrupt enable */
#define GPTIMER_CTRL_IP 0x10u /* interrupt pending (write 1 to clear) */
#define GPTIMER_CTRL_CH 0x20u /* chain (not modelled) */

struct gptimer_timer {
    uint32_t counter;
    uint32_t reload;
    uint32_t ctrl; /* EN, RS, IE, IP */
};

struct gptimer {
    uint32_t timer_count;
    uint32_t irq_base;
    struct dev_irq_sink irq;
    uint64_t anchor; /* the cycle the fields below are up to date with */
    uint32_t scaler;
    uint32_t scaler_reload;
    struct gptimer_timer timers[GPTIMER_MAX_TIMERS];
};

/* Configure the unit (timer_count is clamped to 1..GPTIMER_MAX_TIMERS),
 * then reset it at cycle 0. */
void gptimer_init(struct gptimer *g, uint32_t timer_count, uint32_t irq_base,
                  struct dev_irq_sink irq);
void gptimer_reset(struct gptimer *g, uint64_t now);

enum dev_error gptimer_read(struct gptimer *g, uint32_t offset, uint64_t now, uint32_t *value);
enum dev_error gptimer_write(struct gptimer *g, uint32_t offset, uint32_t value, uint64_t now);

/* Bring the unit up to cycle `now`, pulsing the interrupt of every timer
 * that underflowed with IE set (several underflows of one timer since the
 * last update give one pulse). `now` earlier than the last update is a
 * no-op. */
void gptimer_update(struct gptimer *g, uint64_t now);

/* The cycle of the next underflow with IE set (at least `now`), or
 * DEV_NEVER. */
uint64_t gptimer_next_event(const struct gptimer *g, uint64_t now);

#endif
