/* A test port for hvcore's drivers: hv_port_io_read32/write32 go to the
 * LEON3 device models on a bus, at the board's addresses, under a test clock
 * in cycles that the test advances. Each register access takes
 * access_cycles cycles, as an APB access does on the board. */
#ifndef BUS_PORT_H
#define BUS_PORT_H

#include "devices/leon3.h"
#include <hvcore/drivers.h>
#include <hvcore/port.h>

struct bus_port {
    struct leon3_devices devices;
    uint64_t cycles;
    uint32_t access_cycles;
    uint32_t io_errors; /* accesses the bus refused */
    char console[256];
    uint64_t console_cycle[256];
    uint32_t console_length;
};

/* Devices reset at cycle 0 at the board's addresses; hv zeroed and bound
 * to the port. The drivers are not started. */
void bus_port_init(struct bus_port *p, struct hv *hv, const struct hv_board *board);

/* Advance the clock through the devices' events up to `until`. Stops early,
 * returning true, at the first cycle `line` is pending and unmasked for
 * CPU 0. */
bool bus_port_run_until_irq(struct bus_port *p, uint32_t line, uint64_t until);
/* Advance the clock through the devices' events up to `until`. */
void bus_port_run_until(struct bus_port *p, uint64_t until);

/* CPU 0 takes the interrupt on `line` (the IRQMP acknowledge); false when
 * the line is not requested. */
bool bus_port_take_irq(struct bus_port *p, uint32_t line);

#endif
