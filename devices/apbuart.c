/* devices/: GRLIB APBUART model (see apbuart.h for what is modelled). */
#include "devices/apbuart.h"

#define BITS_PER_CHAR 10u  /* start, 8 data, stop */
#define SAMPLES_PER_BIT 8u /* the scaler ticks at 8 times the baud rate */

void apbuart_init(struct apbuart *u, uint32_t line, struct dev_irq_sink irq,
                  struct apbuart_sink sink)
{
    u->line = line;
    u->irq = irq;
    u->sink = sink;
    apbuart_reset(u);
}

void apbuart_reset(struct apbuart *u)
{
    u->ctrl = 0;
    u->scaler = 0;
    u->errors = 0;
    u->shifting = false;
    u->holding = false;
    u->rx_head = 0;
    u->rx_count = 0;
}

uint64_t apbuart_char_cycles(const struct apbuart *u)
{
    uint32_t bits = BITS_PER_CHAR + ((u->ctrl & APBUART_CTRL_PE) ? 1u : 0u);
    return (uint64_t)bits * SAMPLES_PER_BIT * (u->scaler + 1u);
}

static void start_shift(struct apbuart *u, uint8_t byte, uint64_t at)
{
    u->shifting = true;
    u->shift_byte = byte;
    u->shift_done = at + apbuart_char_cycles(u);
}

/* The character in the shift register is out at u->shift_done. */
static void finish_shift(struct apbuart *u)
{
    uint64_t done = u->shift_done;
    if (u->sink.byte)
        u->sink.byte(u->sink.context, u->shift_byte, done);
    u->shifting = false;
    if (u->holding) {
        u->holding = false;
        start_shift(u, u->hold_byte, done);
    }
    if (u->ctrl & APBUART_CTRL_TI)
        dev_irq_pulse(&u->irq, u->line);
}

void apbuart_update(struct apbuart *u, uint64_t now)
{
    while (u->shifting && u->shift_done <= now)
        finish_shift(u);
}

uint64_t apbuart_next_event(const struct apbuart *u, uint64_t now)
{
    if (!u->shifting)
        return DEV_NEVER;
    return u->shift_done < now ? now : u->shift_done;
}

static void transmit(struct apbuart *u, uint8_t byte, uint64_t now)
{
    if (!(u->ctrl & APBUART_CTRL_TE))
        return;
    if (!u->shifting) {
        start_shift(u, byte, now);
        return;
    }
    u->holding = true;
    u->hold_byte = byte;
}

static uint8_t rx_pop(struct apbuart *u)
{
    if (u->rx_count == 0)
        return 0;
    uint8_t byte = u->rx[u->rx_head];
    u->rx_head = (u->rx_head + 1) % APBUART_RX_FIFO;
    u->rx_count--;
    return byte;
}

bool apbuart_receive(struct apbuart *u, uint8_t byte, uint64_t now)
{
    apbuart_update(u, now);
    if (!(u->ctrl & APBUART_CTRL_RE))
        return false;
    if (u->rx_count == APBUART_RX_FIFO) {
        u->errors |= APBUART_STATUS_OV;
        return false;
    }
    u->rx[(u->rx_head + u->rx_count) % APBUART_RX_FIFO] = byte;
    u->rx_count++;
    if (u->ctrl & APBUART_CTRL_RI)
        dev_irq_pulse(&u->irq, u->line);
    return true;
}

static uint32_t status(const struct apbuart *u)
{
    uint32_t value = u->errors | u->rx_count << APBUART_STATUS_RCNT_SHIFT;
    if (u->rx_count)
        value |= APBUART_STATUS_DR;
    if (u->rx_count >= APBUART_RX_FIFO / 2)
        value |= APBUART_STATUS_RH;
    if (u->rx_count == APBUART_RX_FIFO)
        value |= APBUART_STATUS_RF;
    if (!u->shifting)
        value |= APBUART_STATUS_TS;
    value |= u->holding ? APBUART_STATUS_TF : APBUART_STATUS_TE;
    return value;
}

enum dev_error apbuart_read(struct apbuart *u, uint32_t offset, uint64_t now, uint32_t *value)
{
    apbuart_update(u, now);
    switch (offset) {
    case APBUART_DATA:
        *value = rx_pop(u);
        return DEV_OK;
    case APBUART_STATUS:
        *value = status(u);
        return DEV_OK;
    case APBUART_CTRL:
        *value = u->ctrl;
        return DEV_OK;
    case APBUART_SCALER:
        *value = u->scaler;
        return DEV_OK;
    default:
        *value = 0;
        return DEV_ERR_BAD_OFFSET;
    }
}

enum dev_error apbuart_write(struct apbuart *u, uint32_t offset, uint32_t value, uint64_t now)
{
    apbuart_update(u, now);
    switch (offset) {
    case APBUART_DATA:
        transmit(u, (uint8_t)value, now);
        return DEV_OK;
    case APBUART_STATUS:
        u->errors = value & APBUART_STATUS_ERRORS;
        return DEV_OK;
    case APBUART_CTRL:
        u->ctrl = value & APBUART_CTRL_MASK;
        return DEV_OK;
    case APBUART_SCALER:
        u->scaler = value & APBUART_SCALER_MASK;
        return DEV_OK;
    default:
        return DEV_ERR_BAD_OFFSET;
    }
}
