#include "bus_port.h"
#include <string.h>

static struct bus_port *port(struct hv *hv)
{
    return hv->port_context;
}

uint32_t hv_port_io_read32(struct hv *hv, uint32_t address)
{
    struct bus_port *p = port(hv);
    uint32_t value = 0;
    if (bus_read(&p->devices.bus, address, 4, p->cycles, &value) != DEV_OK)
        p->io_errors++;
    p->cycles += p->access_cycles; /* the access happens, then takes its time */
    return value;
}

void hv_port_io_write32(struct hv *hv, uint32_t address, uint32_t value)
{
    struct bus_port *p = port(hv);
    if (bus_write(&p->devices.bus, address, 4, value, p->cycles) != DEV_OK)
        p->io_errors++;
    p->cycles += p->access_cycles;
}

static void console_byte(void *context, uint8_t byte, uint64_t cycle)
{
    struct bus_port *p = context;
    if (p->console_length < sizeof p->console) {
        p->console_cycle[p->console_length] = cycle;
        p->console[p->console_length++] = (char)byte;
    }
}

void bus_port_init(struct bus_port *p, struct hv *hv, const struct hv_board *board)
{
    const struct leon3_layout layout = {board->uart_base,
                                        board->uart_irq,
                                        board->irqmp_base,
                                        board->gptimer_base,
                                        board->clock_irq,
                                        2,
                                        1};
    memset(p, 0, sizeof *p);
    memset(hv, 0, sizeof *hv);
    hv->port_context = p;
    enum dev_error error =
        leon3_devices_init(&p->devices, &layout, (struct apbuart_sink){console_byte, p});
    if (error != DEV_OK)
        p->io_errors++;
}

static bool requested(const struct irqmp *irqmp, uint32_t line)
{
    return ((irqmp->pending | irqmp->force[0]) & irqmp->mask[0] & (1u << line)) != 0;
}

bool bus_port_run_until_irq(struct bus_port *p, uint32_t line, uint64_t until)
{
    for (;;) {
        uint64_t next = bus_next_event(&p->devices.bus, p->cycles);
        p->cycles = next < until ? next : until;
        bus_update(&p->devices.bus, p->cycles);
        if (requested(&p->devices.irqmp, line))
            return true;
        if (p->cycles == until)
            return false;
    }
}

void bus_port_run_until(struct bus_port *p, uint64_t until)
{
    bus_port_run_until_irq(p, 0, until); /* line 0 is never requested */
}

bool bus_port_take_irq(struct bus_port *p, uint32_t line)
{
    if (!requested(&p->devices.irqmp, line))
        return false;
    irqmp_ack(&p->devices.irqmp, 0, line);
    return true;
}

uint64_t hv_port_cycles(struct hv *hv)
{
    return port(hv)->cycles;
}
