/* hvcore: interrupt entry. The hypervisor's own lines (the timers, the
 * console UART) are handled here; a line granted to a partition (XM_CF
 * Interrupts@lines) becomes that partition's pending hardware IRQ. */
#include "internal.h"
#include <hvcore/drivers.h>
#include <hvcore/trace.h>

/* The partition that owns line, or -1. */
static int32_t line_owner(const struct hv *hv, uint32_t line)
{
    for (uint32_t id = 0; id < hv->config->partition_count; id++) {
        if (line < 32 && (hv_partition_config(hv, id)->irq_lines & (1u << line)))
            return (int32_t)id;
    }
    return -1;
}

/* Isolation (issue 11): a partition's lines reach the processor only in
 * its own slots. At each slot boundary the controller's mask becomes the
 * hypervisor's timer lines plus the lines the slot's owner has unmasked
 * and that have not fired since: one register write whatever the
 * partitions did, so a boundary costs the same (none when no partition
 * owns a line: nothing to gate). A request raised in
 * another partition's slot stays pending at the controller and is taken
 * when its owner's slot starts. XtratuM takes it at once, in any slot. */
void hv_irq_gate_lines(struct hv *hv)
{
    const struct hv_board *board = hv->drivers.board;
    uint32_t owned = 0;
    for (uint32_t id = 0; id < hv->config->partition_count; id++)
        owned |= hv_partition_config(hv, id)->irq_lines;
    if (owned == 0)
        return;
    uint32_t lines = (1u << board->clock_irq) | (1u << board->event_irq);
    int32_t owner = hv_sched_slot_owner(hv);
    if (owner != HV_IDLE)
        lines |= hv->system.irq_enabled & hv_partition_config(hv, (uint32_t)owner)->irq_lines;
    hv_irqmp_set_mask(hv, lines);
}

void hv_irq(struct hv *hv, uint32_t line)
{
    const struct hv_board *board = hv->drivers.board;
    hv_trace(hv, HV_TRACE_IRQ, -1, line, 0, 0);
    hv->system.irqs++;
    if (line == board->clock_irq || line == board->event_irq) {
        if (hv_gptimer_irq(hv, line))
            hv_timer_event(hv);
        return;
    }
    /* As XtratuM's TriggerIrqHandler after its Ack: the line stays masked
     * at the controller until the owner unmasks it (XM_clear_irqmask), so a
     * device cannot flood the processor while its partition is not
     * running. The console UART is only written, polled: its interrupt is
     * masked; a line no one owns cannot reach here while it stays masked. */
    int32_t owner = line_owner(hv, line);
    if (owner < 0)
        return;
    hv->system.irq_enabled &= ~(1u << line);
    hv_irqmp_mask(hv, line);
    hv_virq_raise_hw(hv, (uint32_t)owner, line);
}
