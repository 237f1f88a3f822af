/* devices/: GRLIB APBUART, the LEON3 serial port.
 *
 * Modelled: DATA, STATUS, CTRL, SCALER; a one-byte transmitter holding
 * register in front of the shift register (GRLIB's configuration without a
 * TX FIFO) and an APBUART_RX_FIFO-byte receive FIFO; the status bits DR, TS,
 * TE, TF, RH, RF, OV and the RX count (BR, PE, FE are stored but never set:
 * the line has no errors); the RI and TI interrupts.
 *
 * Transmit time is exact in cycles: a character occupies the shift register
 * for bits * 8 * (SCALER + 1) cycles, bits = 1 start + 8 data + 1 stop, plus
 * 1 with parity (CTRL.PE), taken with the scaler and parity in force when the
 * character enters the shift register. It reaches the output sink when its
 * last bit has been shifted out. A byte written while the shift register is
 * busy waits in the holding register; one written while that is full too
 * replaces the waiting byte (a hardware register is simply overwritten).
 *
 * Choices where GRLIB and QEMU differ:
 * - QEMU's transmitter is always empty and sends at once; here it takes time
 *   so that status during a transmission is real.
 * - TI: QEMU pulses the interrupt on every DATA write; here (GRLIB) it pulses
 *   when a character has been transmitted.
 * - A DATA write with CTRL.TE clear is discarded (QEMU); GRLIB would keep it
 *   in the holding register until TE is set.
 * - Received bytes arrive whole at the cycle apbuart_receive() is called
 *   (no receive timing). With CTRL.RE clear they are refused; with the FIFO
 *   full they are lost and OV is set. RI pulses on every received byte.
 * - STATUS writes set BR, OV, PE, FE to the written bits (GRLIB: software
 *   clears them by writing 0); the other bits are read-only.
 *
 * Not modelled: TX FIFO, loopback (LB), flow control (FL), external clock
 * (EC), the FIFO-level interrupts and the debug FIFO register (bad offsets
 * from 0x10). */
#ifndef DEVICES_APBUART_H
#define DEVICES_APBUART_H

#include "devices/device.h"
#include <stdbool.h>

#define APBUART_SIZE 0x100u
#define APBUART_RX_FIFO 16u

#define APBUART_DATA 0x0u
#define APBUART_STATUS 0x4u
#define APBUART_CTRL 0x8u
#define APBUART_SCALER 0xCu

#define APBUART_STATUS_DR 0x001u /* data ready */
#define APBUART_STATUS_TS 0x002u /* transmitter shift register empty */
#define APBUART_STATUS_TE 0x004u /* transmitter holding register empty */
#define APBUART_STATUS_BR 0x008u /* break received */
#define APBUART_STATUS_OV 0x010u /* receive overrun */
#define APBUART_STATUS_PE 0x020u /* parity error */
#define APBUART_STATUS_FE 0x040u /* framing error */
#define APBUART_STATUS_RH 0x100u /* receive FIFO at least half full */
#define APBUART_STATUS_TF 0x200u /* transmitter holding register full */
#define APBUART_STATUS_RF 0x400u /* receive FIFO full */
#define APBUART_STATUS_RCNT_SHIFT 26u
#define APBUART_STATUS_ERRORS                                                                      \
    (APBUART_STATUS_BR | APBUART_STATUS_OV | APBUART_STATUS_PE | APBUART_STATUS_FE)

#define APBUART_CTRL_RE 0x001u /* receiver enable */
#define APBUART_CTRL_TE 0x002u /* transmitter enable */
#define APBUART_CTRL_RI 0x004u /* receiver interrupt enable */
#define APBUART_CTRL_TI 0x008u /* transmitter interrupt enable */
#define APBUART_CTRL_PS 0x010u /* parity select */
#define APBUART_CTRL_PE 0x020u /* parity enable */
#define APBUART_CTRL_MASK 0x1ffu
#define APBUART_SCALER_MASK 0xfffu

/* Where transmitted bytes go: called once per byte, at the cycle its last
 * bit leaves the shift register. */
struct apbuart_sink {
    void (*byte)(void *context, uint8_t byte, uint64_t cycle);
    void *context;
};

struct apbuart {
    struct dev_irq_sink irq;
    uint32_t line;
    struct apbuart_sink sink;
    uint32_t ctrl;
    uint32_t scaler;
    uint32_t errors; /* BR, OV, PE, FE */
    bool shifting;
    uint8_t shift_byte;
    uint64_t shift_done; /* cycle the shifting byte is out */
    bool holding;
    uint8_t hold_byte;
    uint8_t rx[APBUART_RX_FIFO];
    uint32_t rx_head;
    uint32_t rx_count;
};

void apbuart_init(struct apbuart *u, uint32_t line, struct dev_irq_sink irq,
                  struct apbuart_sink sink);
/* Control 0 (both directions off), scaler 0, both FIFOs empty. */
void apbuart_reset(struct apbuart *u);

enum dev_error apbuart_read(struct apbuart *u, uint32_t offset, uint64_t now, uint32_t *value);
enum dev_error apbuart_write(struct apbuart *u, uint32_t offset, uint32_t value, uint64_t now);

/* A byte arrives on the receive line at cycle `now`. False when the
 * receiver is disabled or the FIFO full (the byte is lost). */
bool apbuart_receive(struct apbuart *u, uint8_t byte, uint64_t now);

/* Bring the transmitter up to `now`: deliver finished characters to the
 * sink, move the held byte on, pulse TI. */
void apbuart_update(struct apbuart *u, uint64_t now);

/* The cycle the character in the shift register is out, or DEV_NEVER. */
uint64_t apbuart_next_event(const struct apbuart *u, uint64_t now);

/* Cycles one character takes with the current settings. */
uint64_t apbuart_char_cycles(const struct apbuart *u);

#endif
