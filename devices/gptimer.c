/* devices/: GRLIB GPTIMER model (see gptimer.h for what is modelled). */
#include "devices/gptimer.h"
#include <stddef.h>

#define CTRL_STORED (GPTIMER_CTRL_EN | GPTIMER_CTRL_RS | GPTIMER_CTRL_IE)

void gptimer_init(struct gptimer *g, uint32_t timer_count, uint32_t irq_base,
                  struct dev_irq_sink irq)
{
    if (timer_count == 0)
        timer_count = 1;
    if (timer_count > GPTIMER_MAX_TIMERS)
        timer_count = GPTIMER_MAX_TIMERS;
    g->timer_count = timer_count;
    g->irq_base = irq_base;
    g->irq = irq;
    gptimer_reset(g, 0);
}

void gptimer_reset(struct gptimer *g, uint64_t now)
{
    g->anchor = now;
    g->scaler = GPTIMER_SCALER_MASK;
    g->scaler_reload = GPTIMER_SCALER_MASK;
    for (uint32_t n = 0; n < GPTIMER_MAX_TIMERS; n++)
        g->timers[n] = (struct gptimer_timer){0, 0, 0};
}

/* Prescaler ticks in the `elapsed` cycles after the anchor: the first comes
 * when the scaler, at `scaler` now, passes below zero; then one every
 * reload+1 cycles. */
static uint64_t ticks_in(const struct gptimer *g, uint64_t elapsed)
{
    if (elapsed <= g->scaler)
        return 0;
    return 1 + (elapsed - g->scaler - 1) / ((uint64_t)g->scaler_reload + 1);
}

static uint32_t scaler_after(const struct gptimer *g, uint64_t elapsed)
{
    if (elapsed <= g->scaler)
        return g->scaler - (uint32_t)elapsed;
    uint64_t into = (elapsed - g->scaler - 1) % ((uint64_t)g->scaler_reload + 1);
    return g->scaler_reload - (uint32_t)into;
}

/* Cycles after the anchor until the tick numbered `tick` (1 = the next). */
static uint64_t cycles_to_tick(const struct gptimer *g, uint64_t tick)
{
    return g->scaler + 1 + (tick - 1) * ((uint64_t)g->scaler_reload + 1);
}

/* Apply `ticks` ticks to timer n; true when it underflowed with IE set. */
static bool timer_advance(struct gptimer_timer *t, uint64_t ticks)
{
    if (!(t->ctrl & GPTIMER_CTRL_EN) || ticks == 0)
        return false;
    if (ticks <= t->counter) {
        t->counter -= (uint32_t)ticks;
        return false;
    }
    uint64_t after = ticks - t->counter - 1; /* ticks after the first underflow */
    if (t->ctrl & GPTIMER_CTRL_RS) {
        t->counter = t->reload - (uint32_t)(after % ((uint64_t)t->reload + 1));
    } else {
        t->counter = 0xffffffffu;
        t->ctrl &= ~GPTIMER_CTRL_EN;
    }
    if (!(t->ctrl & GPTIMER_CTRL_IE))
        return false;
    t->ctrl |= GPTIMER_CTRL_IP;
    return true;
}

void gptimer_update(struct gptimer *g, uint64_t now)
{
    if (now <= g->anchor)
        return;
    uint64_t elapsed = now - g->anchor;
    uint64_t ticks = ticks_in(g, elapsed);
    g->scaler = scaler_after(g, elapsed);
    g->anchor = now;
    for (uint32_t n = 0; n < g->timer_count; n++) {
        if (timer_advance(&g->timers[n], ticks))
            dev_irq_pulse(&g->irq, g->irq_base + n);
    }
}

uint64_t gptimer_next_event(const struct gptimer *g, uint64_t now)
{
    uint64_t next = DEV_NEVER;
    for (uint32_t n = 0; n < g->timer_count; n++) {
        const struct gptimer_timer *t = &g->timers[n];
        if ((t->ctrl & (GPTIMER_CTRL_EN | GPTIMER_CTRL_IE)) != (GPTIMER_CTRL_EN | GPTIMER_CTRL_IE))
            continue;
        uint64_t at = g->anchor + cycles_to_tick(g, (uint64_t)t->counter + 1);
        if (at < next)
            next = at;
    }
    return next != DEV_NEVER && next < now ? now : next;
}

static uint32_t config_value(const struct gptimer *g)
{
    return g->timer_count | g->irq_base << GPTIMER_CONFIG_IRQ_SHIFT | GPTIMER_CONFIG_SI;
}

/* Timer n's register at `reg`, or NULL when the offset names none. */
static struct gptimer_timer *timer_at(struct gptimer *g, uint32_t offset, uint32_t *reg)
{
    uint32_t index = offset / 0x10u;
    *reg = offset % 0x10u;
    if (index == 0 || index > g->timer_count || *reg > GPTIMER_CTRL)
        return NULL;
    return &g->timers[index - 1];
}

static uint32_t timer_read(const struct gptimer_timer *t, uint32_t reg)
{
    switch (reg) {
    case GPTIMER_COUNTER:
        return t->counter;
    case GPTIMER_RELOAD:
        return t->reload;
    default:
        return t->ctrl;
    }
}

enum dev_error gptimer_read(struct gptimer *g, uint32_t offset, uint64_t now, uint32_t *value)
{
    gptimer_update(g, now);
    *value = 0;
    switch (offset) {
    case GPTIMER_SCALER:
        *value = g->scaler;
        return DEV_OK;
    case GPTIMER_SCALER_RELOAD:
        *value = g->scaler_reload;
        return DEV_OK;
    case GPTIMER_CONFIG:
        *value = config_value(g);
        return DEV_OK;
    default: {
        uint32_t reg;
        const struct gptimer_timer *t = timer_at(g, offset, &reg);
        if (!t)
            return DEV_ERR_BAD_OFFSET;
        *value = timer_read(t, reg);
        return DEV_OK;
    }
    }
}

static void ctrl_write(struct gptimer_timer *t, uint32_t value)
{
    uint32_t ip = t->ctrl & GPTIMER_CTRL_IP & ~value; /* write 1 clears */
    t->ctrl = (value & CTRL_STORED) | ip;
    if (value & GPTIMER_CTRL_LD)
        t->counter = t->reload;
}

static enum dev_error timer_write(struct gptimer *g, uint32_t offset, uint32_t value)
{
    uint32_t reg;
    struct gptimer_timer *t = timer_at(g, offset, &reg);
    if (!t)
        return DEV_ERR_BAD_OFFSET;
    if (reg == GPTIMER_COUNTER)
        t->counter = value;
    else if (reg == GPTIMER_RELOAD)
        t->reload = value;
    else
        ctrl_write(t, value);
    return DEV_OK;
}

enum dev_error gptimer_write(struct gptimer *g, uint32_t offset, uint32_t value, uint64_t now)
{
    gptimer_update(g, now);
    switch (offset) {
    case GPTIMER_SCALER:
        g->scaler = value & GPTIMER_SCALER_MASK;
        return DEV_OK;
    case GPTIMER_SCALER_RELOAD:
        g->scaler_reload = value & GPTIMER_SCALER_MASK;
        return DEV_OK;
    case GPTIMER_CONFIG:
        return DEV_ERR_READ_ONLY;
    default:
        return timer_write(g, offset, value);
    }
}
