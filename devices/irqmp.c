/* devices/: GRLIB IRQMP model (see irqmp.h for what is modelled). */
#include "devices/irqmp.h"
#include <stddef.h>

void irqmp_init(struct irqmp *irqmp, uint32_t cpu_count)
{
    if (cpu_count == 0)
        cpu_count = 1;
    if (cpu_count > IRQMP_MAX_CPUS)
        cpu_count = IRQMP_MAX_CPUS;
    irqmp->cpu_count = cpu_count;
    irqmp_reset(irqmp);
}

void irqmp_reset(struct irqmp *irqmp)
{
    irqmp->level = 0;
    irqmp->pending = 0;
    irqmp->broadcast = 0;
    irqmp->halted = ((1u << irqmp->cpu_count) - 1u) & ~1u;
    for (uint32_t cpu = 0; cpu < IRQMP_MAX_CPUS; cpu++) {
        irqmp->mask[cpu] = 0;
        irqmp->force[cpu] = 0;
    }
    irqmp_update(irqmp);
}

static uint32_t highest_line(uint32_t lines)
{
    for (uint32_t line = 15; line > 0; line--) {
        if (lines & (1u << line))
            return line;
    }
    return 0;
}

void irqmp_update(struct irqmp *irqmp)
{
    for (uint32_t cpu = 0; cpu < IRQMP_MAX_CPUS; cpu++) {
        uint32_t requested = (irqmp->pending | irqmp->force[cpu]) & irqmp->mask[cpu];
        uint32_t high = requested & irqmp->level;
        irqmp->irl[cpu] = highest_line(high ? high : requested);
    }
}

static uint32_t mp_status(const struct irqmp *irqmp)
{
    uint32_t value = (irqmp->cpu_count - 1u) << IRQMP_MP_NCPU_SHIFT | irqmp->halted;
    return irqmp->cpu_count > 1 ? value | IRQMP_MP_BA : value;
}

/* The per-CPU register array (mask or force) an offset falls in, or NULL. */
static uint32_t *per_cpu(struct irqmp *irqmp, uint32_t offset, bool *is_force)
{
    uint32_t cpu = (offset & 0x3fu) / 4u;
    if (cpu >= irqmp->cpu_count || (offset & 3u))
        return NULL;
    *is_force = offset >= IRQMP_FORCE(0) && offset < IRQMP_FORCE(IRQMP_MAX_CPUS);
    if (*is_force)
        return &irqmp->force[cpu];
    if (offset >= IRQMP_MASK(0) && offset < IRQMP_MASK(IRQMP_MAX_CPUS))
        return &irqmp->mask[cpu];
    return NULL;
}

enum dev_error irqmp_read(struct irqmp *irqmp, uint32_t offset, uint64_t now, uint32_t *value)
{
    (void)now;
    bool is_force;
    uint32_t *reg;
    *value = 0;
    switch (offset) {
    case IRQMP_LEVEL:
        *value = irqmp->level;
        return DEV_OK;
    case IRQMP_PENDING:
        *value = irqmp->pending;
        return DEV_OK;
    case IRQMP_FORCE0:
        *value = irqmp->force[0];
        return DEV_OK;
    case IRQMP_CLEAR:
        return DEV_OK; /* reads as zero */
    case IRQMP_MP_STATUS:
        *value = mp_status(irqmp);
        return DEV_OK;
    case IRQMP_BROADCAST:
        *value = irqmp->broadcast;
        return DEV_OK;
    default:
        reg = per_cpu(irqmp, offset, &is_force);
        if (!reg)
            return DEV_ERR_BAD_OFFSET;
        *value = *reg;
        return DEV_OK;
    }
}

static void start_cpus(struct irqmp *irqmp, uint32_t value)
{
    irqmp->halted &= ~value;
}

static enum dev_error per_cpu_write(struct irqmp *irqmp, uint32_t offset, uint32_t value)
{
    bool is_force;
    uint32_t *reg = per_cpu(irqmp, offset, &is_force);
    if (!reg)
        return DEV_ERR_BAD_OFFSET;
    if (is_force)
        *reg = (*reg | (value & IRQMP_LINES)) & ~((value >> IRQMP_FORCE_CLEAR_SHIFT) & IRQMP_LINES);
    else
        *reg = value & IRQMP_LINES;
    return DEV_OK;
}

static enum dev_error write_register(struct irqmp *irqmp, uint32_t offset, uint32_t value)
{
    switch (offset) {
    case IRQMP_LEVEL:
        irqmp->level = value & IRQMP_LINES;
        return DEV_OK;
    case IRQMP_PENDING:
        return DEV_ERR_READ_ONLY;
    case IRQMP_FORCE0:
        irqmp->force[0] = value & IRQMP_LINES;
        return DEV_OK;
    case IRQMP_CLEAR:
        irqmp->pending &= ~value;
        return DEV_OK;
    case IRQMP_MP_STATUS:
        start_cpus(irqmp, value);
        return DEV_OK;
    case IRQMP_BROADCAST:
        irqmp->broadcast = value & IRQMP_LINES;
        return DEV_OK;
    default:
        return per_cpu_write(irqmp, offset, value);
    }
}

enum dev_error irqmp_write(struct irqmp *irqmp, uint32_t offset, uint32_t value, uint64_t now)
{
    (void)now;
    enum dev_error error = write_register(irqmp, offset, value);
    irqmp_update(irqmp);
    return error;
}

void irqmp_raise(struct irqmp *irqmp, uint32_t line)
{
    if (line == 0 || line > 15)
        return;
    uint32_t bit = 1u << line;
    if (!(irqmp->broadcast & bit)) {
        irqmp->pending |= bit;
    } else {
        for (uint32_t cpu = 0; cpu < irqmp->cpu_count; cpu++)
            irqmp->force[cpu] |= bit;
    }
    irqmp_update(irqmp);
}

void irqmp_sink_raise(void *irqmp, uint32_t line)
{
    irqmp_raise(irqmp, line);
}

void irqmp_ack(struct irqmp *irqmp, uint32_t cpu, uint32_t line)
{
    if (cpu >= irqmp->cpu_count || line == 0 || line > 15)
        return;
    uint32_t bit = 1u << line;
    if (irqmp->force[cpu] & bit)
        irqmp->force[cpu] &= ~bit;
    else
        irqmp->pending &= ~bit;
    irqmp_update(irqmp);
}

uint32_t irqmp_irl(const struct irqmp *irqmp, uint32_t cpu)
{
    return cpu < irqmp->cpu_count ? irqmp->irl[cpu] : 0;
}

bool irqmp_cpu_halted(const struct irqmp *irqmp, uint32_t cpu)
{
    return cpu < irqmp->cpu_count && (irqmp->halted & (1u << cpu));
}

uint64_t irqmp_next_event(const struct irqmp *irqmp, uint64_t now)
{
    (void)irqmp;
    (void)now;
    return DEV_NEVER;
}
