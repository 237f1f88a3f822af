/* devices/: GRLIB IRQMP, the LEON3 multiprocessor interrupt controller.
 *
 * Modelled: lines 1..15, the level, pending, force and clear registers,
 * per-CPU mask and force (set bits 15:1, clear bits 31:17), the MP status
 * register (CPU count, halted CPUs, starting a CPU by writing its bit), the
 * broadcast register, and the processor side: each CPU's interrupt request
 * level (irl) and its acknowledge.
 *
 * Not modelled: extended interrupts (lines 16..31 and the 0xC0 extended
 * acknowledge registers: bad offsets), interrupt timestamps, the watchdog
 * and reset-vector extensions, asymmetric multiprocessing controllers.
 *
 * Choices where GRLIB and QEMU differ:
 * - acknowledge (the CPU taking line n): GRLIB clears the CPU's force bit if
 *   it is set and otherwise the pending bit; QEMU clears both. GRLIB here.
 * - CLEAR (0x0C) clears pending bits only (GRLIB); QEMU also clears the
 *   force bits of every CPU.
 * - FORCE0 (0x08) is CPU 0's force register written plainly (bits 15:1),
 *   as in QEMU and the GRLIB single-processor layout; the per-CPU force
 *   registers at 0x80 take GRLIB's set/clear encoding.
 * - PENDING (0x04) is read-only (QEMU); a write is reported.
 *
 * Priority: among (pending | force[cpu]) & mask[cpu], lines with their level
 * bit set first, then the highest line number. The controller has no timed
 * behaviour: irqmp_next_event() is always DEV_NEVER. */
#ifndef DEVICES_IRQMP_H
#define DEVICES_IRQMP_H

#include "devices/device.h"
#include <stdbool.h>

#define IRQMP_MAX_CPUS 16u
#define IRQMP_SIZE 0x100u

#define IRQMP_LEVEL 0x00u
#define IRQMP_PENDING 0x04u
#define IRQMP_FORCE0 0x08u
#define IRQMP_CLEAR 0x0Cu
#define IRQMP_MP_STATUS 0x10u
#define IRQMP_BROADCAST 0x14u
#define IRQMP_MASK(cpu) (0x40u + 4u * (cpu))
#define IRQMP_FORCE(cpu) (0x80u + 4u * (cpu))

#define IRQMP_LINES 0xfffeu /* lines 1..15 */
#define IRQMP_MP_NCPU_SHIFT 28u
#define IRQMP_MP_BA (1u << 27) /* broadcast register present */
#define IRQMP_FORCE_CLEAR_SHIFT 16u

struct irqmp {
    uint32_t cpu_count;
    uint32_t level;
    uint32_t pending;
    uint32_t broadcast;
    uint32_t halted; /* MP status bits: 1 = CPU halted */
    uint32_t mask[IRQMP_MAX_CPUS];
    uint32_t force[IRQMP_MAX_CPUS];
    uint32_t irl[IRQMP_MAX_CPUS]; /* outputs: line requested per CPU, 0 = none */
};

/* cpu_count is clamped to 1..IRQMP_MAX_CPUS. */
void irqmp_init(struct irqmp *irqmp, uint32_t cpu_count);
/* All lines masked and clear; CPU 0 running, the others halted. */
void irqmp_reset(struct irqmp *irqmp);

enum dev_error irqmp_read(struct irqmp *irqmp, uint32_t offset, uint64_t now, uint32_t *value);
enum dev_error irqmp_write(struct irqmp *irqmp, uint32_t offset, uint32_t value, uint64_t now);

/* Input: a peripheral pulsed `line` (1..15; others are ignored). A line set
 * in BROADCAST is forced on every CPU instead of becoming pending. */
void irqmp_raise(struct irqmp *irqmp, uint32_t line);
/* The raise() of a dev_irq_sink whose context is the irqmp. */
void irqmp_sink_raise(void *irqmp, uint32_t line);

/* Processor side: CPU `cpu` took the interrupt on `line`. */
void irqmp_ack(struct irqmp *irqmp, uint32_t cpu, uint32_t line);
/* Recompute the outputs (irl) from the registers. */
void irqmp_update(struct irqmp *irqmp);

uint32_t irqmp_irl(const struct irqmp *irqmp, uint32_t cpu);
bool irqmp_cpu_halted(const struct irqmp *irqmp, uint32_t cpu);
uint64_t irqmp_next_event(const struct irqmp *irqmp, uint64_t now);

#endif
