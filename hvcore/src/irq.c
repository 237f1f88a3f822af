/* hvcore: interrupt entry. The hypervisor's own lines (the timers, the
 * console UART) are handled here; lines configured for partitions become
 * their virtual interrupts (the services issue). */
#include "internal.h"
#include <hvcore/drivers.h>
#include <hvcore/trace.h>

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
    /* The console UART is only written, polled: its interrupt is masked. A
     * line no one owns cannot reach here while it stays masked. */
}
