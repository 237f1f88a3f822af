/* hvcore/arch/leon3: what the hypervisor tells the outside world. QEMU's
 * leon3_generic has one UART, shared by the partitions' console bytes and
 * everything else the host needs (the run's trace, health-monitor notices,
 * the end of the run). With leon3_framed set, bytes other than console
 * bytes travel in frames: LEON3_FRAME_ESC, a type, then the type's fixed
 * payload, big-endian (docs/leon3.md has the table; sim/engine reads it).
 * A console byte equal to LEON3_FRAME_ESC is sent as ESC, FRAME_LITERAL.
 * Without framing only console bytes and one-line notices are written. */
#include "frames.h"
#include "leon3.h"
#include <hvcore/drivers.h>

#define UART_DATA 0x0u
#define UART_STATUS 0x4u
#define UART_STATUS_TE 0x4u
#define SPIN_LIMIT 100000u

static int32_t last_writer = -2;

static void raw_byte(uint8_t byte)
{
    uint32_t base = leon3_board->uart_base;
    for (uint32_t i = 0; i < SPIN_LIMIT; i++) {
        if (*(volatile uint32_t *)(base + UART_STATUS) & UART_STATUS_TE)
            break;
    }
    *(volatile uint32_t *)(base + UART_DATA) = byte;
}

static void raw_be(uint64_t value, uint32_t bytes)
{
    while (bytes-- > 0)
        raw_byte((uint8_t)(value >> (8 * bytes)));
}

static void frame_start(uint8_t type)
{
    raw_byte(LEON3_FRAME_ESC);
    raw_byte(type);
}

void leon3_report_writer(int32_t writer)
{
    if (!leon3_framed || writer == last_writer)
        return;
    last_writer = writer;
    frame_start(LEON3_FRAME_WRITER);
    raw_byte((uint8_t)(writer + 1));
}

void leon3_report_trace(uint64_t us, const struct hv_trace_event *event)
{
    if (!leon3_framed || !leon3_traced)
        return;
    frame_start(LEON3_FRAME_TRACE);
    raw_be(us, 8);
    raw_be(event->kind, 2);
    raw_be((uint16_t)event->partition, 2);
    raw_be(event->a, 4);
    raw_be(event->b, 4);
    raw_be(event->c, 4);
}

void leon3_report_text(const char *text)
{
    while (*text)
        raw_byte((uint8_t)*text++);
}

void leon3_report_number(uint32_t value, uint32_t base)
{
    char digits[12];
    uint32_t n = 0;
    do {
        digits[n++] = "0123456789abcdef"[value % base];
        value /= base;
    } while (value != 0);
    while (n > 0)
        raw_byte((uint8_t)digits[--n]);
}

void leon3_report_notice(const struct leon3_notice *notice)
{
    if (!leon3_framed) {
        leon3_report_text("hvsim: notice ");
        leon3_report_number(notice->kind, 10);
        leon3_report_text(" partition ");
        leon3_report_number((uint32_t)notice->partition, 10);
        leon3_report_text(" tt 0x");
        leon3_report_number(notice->tt, 16);
        leon3_report_text("\n");
        return;
    }
    frame_start(LEON3_FRAME_NOTICE);
    raw_be(notice->us, 8);
    raw_byte(notice->kind);
    raw_byte((uint8_t)(notice->partition + 1));
    raw_byte(notice->tt);
    raw_be(notice->pc, 4);
    raw_be(notice->address, 4);
    raw_byte(notice->outcome);
    raw_byte(notice->event);
    raw_byte(notice->action);
}

void leon3_report_end(uint64_t us, uint32_t reason)
{
    if (!leon3_framed)
        return;
    frame_start(LEON3_FRAME_END);
    raw_be(us, 8);
    raw_byte((uint8_t)reason);
}

void leon3_panic(const char *why)
{
    if (leon3_framed)
        frame_start(LEON3_FRAME_PANIC);
    leon3_report_text("hvsim: LEON3 hypervisor: ");
    leon3_report_text(why);
    leon3_report_text("\n");
    if (leon3_framed)
        raw_byte(0);
    leon3_shutdown();
}

/* Console bytes from the core's APBUART driver: port.c's io_write32 sends
 * them here when framing is on. */
void leon3_report_console(uint8_t byte)
{
    raw_byte(byte);
    if (leon3_framed && byte == LEON3_FRAME_ESC)
        raw_byte(LEON3_FRAME_LITERAL);
}
