/* hvcore: IRQMP driver (processor 0's registers), as XtratuM's leon_pic.c
 * uses them: all lines at level 0, a line enabled by setting its mask bit. */
#include <hvcore/drivers.h>
#include <hvcore/port.h>

#define IRQMP_LEVEL 0x00u
#define IRQMP_PENDING 0x04u
#define IRQMP_FORCE0 0x08u
#define IRQMP_CLEAR 0x0Cu
#define IRQMP_MASK0 0x40u
#define IRQMP_LINES 0xfffeu

static uint32_t reg(const struct hv *hv, uint32_t offset)
{
    return hv->drivers.board->irqmp_base + offset;
}

static uint32_t line_bit(uint32_t line)
{
    return line < 32 ? (1u << line) & IRQMP_LINES : 0;
}

void hv_irqmp_init(struct hv *hv)
{
    hv_port_io_write32(hv, reg(hv, IRQMP_MASK0), 0);
    hv_port_io_write32(hv, reg(hv, IRQMP_LEVEL), 0);
    hv_port_io_write32(hv, reg(hv, IRQMP_FORCE0), 0);
    hv_port_io_write32(hv, reg(hv, IRQMP_CLEAR), IRQMP_LINES);
}

void hv_irqmp_mask(struct hv *hv, uint32_t line)
{
    uint32_t mask = hv_port_io_read32(hv, reg(hv, IRQMP_MASK0));
    hv_port_io_write32(hv, reg(hv, IRQMP_MASK0), mask & ~line_bit(line));
}

void hv_irqmp_unmask(struct hv *hv, uint32_t line)
{
    uint32_t mask = hv_port_io_read32(hv, reg(hv, IRQMP_MASK0));
    hv_port_io_write32(hv, reg(hv, IRQMP_MASK0), mask | line_bit(line));
}

void hv_irqmp_set_mask(struct hv *hv, uint32_t lines)
{
    hv_port_io_write32(hv, reg(hv, IRQMP_MASK0), lines & IRQMP_LINES);
}

void hv_irqmp_clear(struct hv *hv, uint32_t line)
{
    hv_port_io_write32(hv, reg(hv, IRQMP_CLEAR), line_bit(line));
}

uint32_t hv_irqmp_pending(struct hv *hv)
{
    return hv_port_io_read32(hv, reg(hv, IRQMP_PENDING)) & IRQMP_LINES;
}

bool hv_irqmp_is_pending(struct hv *hv, uint32_t line)
{
    return (hv_irqmp_pending(hv) & line_bit(line)) != 0;
}
