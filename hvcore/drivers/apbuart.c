/* hvcore: APBUART console driver, as XtratuM's leon_uart.c: poll the
 * holding-register-empty bit, write DATA. */
#include <hvcore/drivers.h>
#include <hvcore/port.h>

#define UART_DATA 0x0u
#define UART_STATUS 0x4u
#define UART_CTRL 0x8u
#define UART_SCALER 0xCu
#define STATUS_TE 0x04u /* holding register empty (XtratuM's STTS_TH_B) */
#define CTRL_RE 0x1u
#define CTRL_TE 0x2u
#define SCALER_MASK 0xfffu
#define BITS_PER_CHAR 10u  /* start, 8 data, stop */
#define SAMPLES_PER_BIT 8u /* the scaler ticks at 8 times the baud rate */

static uint32_t reg(const struct hv *hv, uint32_t offset)
{
    return hv->drivers.board->uart_base + offset;
}

/* XtratuM's formula: about cpu_hz / (8 * baud) - 1, rounded. */
static uint32_t scaler_for(uint32_t cpu_khz, uint32_t baud)
{
    uint64_t tenths = (uint64_t)cpu_khz * 1000u * 10u / ((uint64_t)baud * 8u);
    return (uint32_t)((tenths - 5u) / 10u) & SCALER_MASK;
}

/* A character is 10 bits of 8 scaler periods of scaler + 1 cycles. */
static uint32_t char_us_for(uint32_t cpu_khz, uint32_t scaler)
{
    uint64_t cycles = BITS_PER_CHAR * SAMPLES_PER_BIT * ((uint64_t)scaler + 1u);
    return (uint32_t)((cycles * 1000u + cpu_khz - 1u) / cpu_khz);
}

void hv_apbuart_init(struct hv *hv)
{
    const struct hv_board *board = hv->drivers.board;
    uint32_t scaler = scaler_for(board->cpu_khz, board->uart_baud);
    hv->drivers.char_us = char_us_for(board->cpu_khz, scaler);
    hv_port_io_write32(hv, reg(hv, UART_STATUS), 0);
    hv_port_io_write32(hv, reg(hv, UART_CTRL), CTRL_TE | CTRL_RE);
    hv_port_io_write32(hv, reg(hv, UART_SCALER), scaler);
}

static bool wait_holding_empty(struct hv *hv)
{
    for (uint32_t polls = 0; polls < HV_APBUART_POLL_LIMIT; polls++) {
        if (hv_port_io_read32(hv, reg(hv, UART_STATUS)) & STATUS_TE)
            return true;
    }
    return false;
}

/* How many bytes written from now on are out of the UART by deadline_us:
 * byte k of them is out at most k + 3 characters from now (two may wait in
 * the UART already), and the µs clock reads up to 1 µs behind the cycle.
 * One clock read per write, not per byte. */
static size_t bytes_out_by(struct hv *hv, uint64_t deadline_us)
{
    if (deadline_us == UINT64_MAX)
        return SIZE_MAX;
    uint64_t now = hv_gptimer_now_us(hv) + 1u;
    uint64_t chars = deadline_us > now ? (deadline_us - now) / hv->drivers.char_us : 0;
    return chars > 2u ? (size_t)(chars - 2u) : 0u;
}

size_t hv_apbuart_write(struct hv *hv, const char *bytes, size_t length, uint64_t deadline_us)
{
    size_t fit = bytes_out_by(hv, deadline_us);
    size_t n = length < fit ? length : fit;
    for (size_t i = 0; i < n; i++) {
        if (!wait_holding_empty(hv)) {
            hv->drivers.console_dropped++;
            continue;
        }
        hv_port_io_write32(hv, reg(hv, UART_DATA), (uint8_t)bytes[i]);
    }
    return n;
}
