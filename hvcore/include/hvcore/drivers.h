/* hvcore: drivers for the LEON3 UART, timer unit and interrupt controller.
 * They reach the hardware only through hv_port_io_read32/write32, so the
 * same code runs on the board and against the simulator's device models.
 * State lives in hv->drivers (hvcore/board.h). */
#ifndef HVCORE_DRIVERS_H
#define HVCORE_DRIVERS_H

#include <hvcore/hv.h>
#include <stddef.h>

/* board.c */
/* The profile called name ("xm-leon3", "qemu-leon3"), or NULL. */
const struct hv_board *hv_board_find(const char *name);
/* Bring up all three drivers on board: the interrupt controller first
 * (everything masked), then the timers, then the console UART. */
void hv_board_init(struct hv *hv, const struct hv_board *board);

/* irqmp.c: processor 0's view of the IRQMP, lines 1..15. */
void hv_irqmp_init(struct hv *hv); /* all lines masked, level 0, nothing pending */
void hv_irqmp_mask(struct hv *hv, uint32_t line);
void hv_irqmp_unmask(struct hv *hv, uint32_t line);
void hv_irqmp_clear(struct hv *hv, uint32_t line);     /* drop a pending request */
void hv_irqmp_set_mask(struct hv *hv, uint32_t lines); /* bit n = line n enabled; one write */
uint32_t hv_irqmp_pending(struct hv *hv);              /* bit n = line n pending */
bool hv_irqmp_is_pending(struct hv *hv, uint32_t line);

/* gptimer.c: timer 1 as a free-running 1 MHz clock (wraps every 2^32 µs,
 * counted through its interrupt) and timer 2 as the one-shot event timer.
 * Init programs the prescaler for a 1 MHz tick, starts the clock at 0 and
 * unmasks both timer lines. */
#define HV_GPTIMER_MIN_INTERVAL_US 50u /* of partition timers (timer.c), not of arming */
#define HV_GPTIMER_MAX_INTERVAL_US 10000000u
void hv_gptimer_init(struct hv *hv);
/* Program the prescaler for a 1 MHz tick, phased from this access. The
 * board's first register access, so that the µs clock's zero is the
 * processor's time zero. hv_gptimer_init() expects it done. */
void hv_gptimer_start_prescaler(struct hv *hv);
uint64_t hv_gptimer_now_us(struct hv *hv);
/* Interrupt on the first clock tick at or after deadline_us, replacing any
 * earlier arming: at the next tick for a deadline reached; beyond 10 s from now the timer is
 * re-armed in steps of at most 10 s by hv_gptimer_irq. */
void hv_gptimer_arm(struct hv *hv, uint64_t deadline_us);
void hv_gptimer_disarm(struct hv *hv);
/* A timer line was taken (and acknowledged at the controller). True when
 * it was the event timer and the armed deadline has been reached: the
 * caller then runs hv_timer_event(). */
bool hv_gptimer_irq(struct hv *hv, uint32_t line);

/* apbuart.c: the console UART, polled. */
#define HV_APBUART_POLL_LIMIT 100000u
void hv_apbuart_init(struct hv *hv); /* TE|RE, scaler for board->uart_baud */
/* Send bytes: for each, wait (at most HV_APBUART_POLL_LIMIT status reads)
 * for the holding register to empty, then write it if it will be out of
 * the UART by deadline_us (µs clock), else stop. A byte that still finds
 * the UART busy is dropped and counted in hv->drivers.console_dropped.
 * Returns the bytes taken (sent or dropped): the rest would have run past
 * the deadline. */
size_t hv_apbuart_write(struct hv *hv, const char *bytes, size_t length, uint64_t deadline_us);

#endif
