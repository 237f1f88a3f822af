/* hvcore: the board the hypervisor's drivers program: where the UART,
 * timer unit and interrupt controller are, their interrupt lines and the
 * processor clock. Two profiles exist as const data (hv_board_xm_leon3,
 * hv_board_qemu_leon3); the drivers never assume an address or a line. */
#ifndef HVCORE_BOARD_H
#define HVCORE_BOARD_H

#include <stdbool.h>
#include <stdint.h>

struct hv_board {
    const char *name;
    uint32_t cpu_khz;
    uint32_t uart_base; /* the console UART (APBUART) */
    uint32_t uart_irq;
    uint32_t uart_baud;
    uint32_t irqmp_base;
    uint32_t gptimer_base;
    uint32_t clock_irq;  /* timer 1: the free-running µs clock */
    uint32_t event_irq;  /* timer 2: the one-shot next-event timer */
    uint32_t uart2_base; /* a second APBUART for partitions (XM_CF IoPorts), 0: none */
    uint32_t uart2_irq;
    uint32_t reserved_irqs; /* bit n: line n is the hypervisor's (its UART and timers) */
};

/* The registers of each device the hypervisor drives (the console UART,
 * the IRQMP, the GPTIMER): one APB slot of 256 bytes from its base. */
#define HV_BOARD_DEVICE_BYTES 0x100u

/* One of the hypervisor's own devices on a board. */
struct hv_board_device {
    const char *name; /* "UART1", "IRQMP", "GPTIMER"; NULL: none */
    uint32_t base;
    uint32_t size;
};

/* GR-CPCI-XC4V as XtratuM's CONFIG_LEON3 sees it: 50 MHz, UART1 on IRQ 2,
 * timers on IRQ 8 and 9, UART2 at 0x80100100 on IRQ 3. */
extern const struct hv_board hv_board_xm_leon3;
/* QEMU's leon3_generic: 40 MHz, UART on IRQ 3, timers on IRQ 6 and 7, no
 * second UART (QEMU has one). */
extern const struct hv_board hv_board_qemu_leon3;

/* The first of the hypervisor's own devices on board (console UART, IRQMP,
 * GPTIMER) that the bytes [base, base + bytes) reach; .name is NULL when
 * they reach none. A partition may be granted none of them: one write to
 * the GPTIMER or the IRQMP would stop the scheduler. */
struct hv_board_device hv_board_device_reached(const struct hv_board *board, uint32_t base,
                                               uint64_t bytes);

/* The drivers' state, kept in struct hv (member `drivers`). */
struct hv_drivers {
    const struct hv_board *board;
    uint32_t clock_wraps;    /* underflows of the µs clock counted so far */
    uint64_t event_deadline; /* µs: where the one-shot chain is heading */
    bool event_armed;
    uint32_t console_dropped; /* bytes given up after the UART stayed busy */
    uint32_t char_us;         /* µs one character takes on the console UART, rounded up */
};

#endif
