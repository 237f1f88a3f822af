/* devices/: the LEON3 peripherals an XtratuM board gives the hypervisor,
 * assembled on one APB bus: an APBUART, a GPTIMER and an IRQMP, with the
 * UART's and timers' interrupt outputs wired into the IRQMP; optionally a
 * second APBUART for the partitions. Addresses and
 * lines come from a layout, so one assembly serves every board profile.
 *
 * The struct points into itself once initialised: do not copy or move it. */
#ifndef DEVICES_LEON3_H
#define DEVICES_LEON3_H

#include "devices/apbuart.h"
#include "devices/bus.h"
#include "devices/gptimer.h"
#include "devices/irqmp.h"

struct leon3_layout {
    uint32_t uart_base;
    uint32_t uart_irq;
    uint32_t irqmp_base;
    uint32_t gptimer_base;
    uint32_t timer_irq; /* timer n interrupts on timer_irq + n */
    uint32_t timer_count;
    uint32_t cpu_count;
};

struct leon3_devices {
    struct bus bus;
    struct apbuart uart;
    struct apbuart uart2; /* only when leon3_devices_add_uart2() attached it */
    struct gptimer gptimer;
    struct irqmp irqmp;
};

/* Reset devices at cycle 0 on a bus of their own. Fails only on a layout
 * whose devices overlap. */
enum dev_error leon3_devices_init(struct leon3_devices *d, const struct leon3_layout *layout,
                                  struct apbuart_sink uart_sink);

/* A second APBUART (XtratuM's UART2, for partitions) at base, interrupting
 * on line. Fails when the range meets another device's. */
enum dev_error leon3_devices_add_uart2(struct leon3_devices *d, uint32_t base, uint32_t line,
                                       struct apbuart_sink sink);

#endif
