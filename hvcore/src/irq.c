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

void hv_irq(struct hv *hv, uint32_t line)
{
    const struct hv_board *board = hv->drivers.board;
    hv_trace(hv, HV_TRACE_IRQ, -1, line, 0, 0);
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
    hv_irqmp_mask(hv, line);
    hv_virq_raise_hw(hv, (uint32_t)owner, line);
}
