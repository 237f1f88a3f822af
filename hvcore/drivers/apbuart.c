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

void hv_apbuart_init(struct hv *hv)
{
    const struct hv_board *board = hv->drivers.board;
    hv_port_io_write32(hv, reg(hv, UART_STATUS), 0);
    hv_port_io_write32(hv, reg(hv, UART_CTRL), CTRL_TE | CTRL_RE);
    hv_port_io_write32(hv, reg(hv, UART_SCALER), scaler_for(board->cpu_khz, board->uart_baud));
}

static bool wait_holding_empty(struct hv *hv)
{
    for (uint32_t polls = 0; polls < HV_APBUART_POLL_LIMIT; polls++) {
        if (hv_port_io_read32(hv, reg(hv, UART_STATUS)) & STATUS_TE)
            return true;
    }
    return false;
}

void hv_apbuart_write(struct hv *hv, const char *bytes, size_t length)
{
    for (size_t i = 0; i < length; i++) {
        if (!wait_holding_empty(hv)) {
            hv->drivers.console_dropped++;
            continue;
        }
        hv_port_io_write32(hv, reg(hv, UART_DATA), (uint8_t)bytes[i]);
    }
}
