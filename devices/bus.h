/* devices/: the APB bus. It decodes an address to the device that claims
 * it and passes the access on with the device-relative offset; an address no
 * device claims is a fault (DEV_ERR_UNMAPPED). Device registers take aligned
 * 32-bit accesses only.
 *
 * Before every access the bus brings all its devices up to the access's
 * cycle, so a read of one device sees what the others did until then (an
 * interrupt a timer raised, say). */
#ifndef DEVICES_BUS_H
#define DEVICES_BUS_H

#include "devices/device.h"
#include <stdbool.h>

#define BUS_MAX_DEVICES 8u
#define BUS_APB_BASE 0x80000000u /* the LEON3 APB bridge's window */
#define BUS_APB_SIZE 0x00100000u

/* One device on the bus: its address range and its model's functions. */
struct bus_device {
    const char *name;
    uint32_t base;
    uint32_t size;
    void *model;
    enum dev_error (*read)(void *model, uint32_t offset, uint64_t now, uint32_t *value);
    enum dev_error (*write)(void *model, uint32_t offset, uint32_t value, uint64_t now);
    void (*update)(void *model, uint64_t now);
    uint64_t (*next_event)(const void *model, uint64_t now);
};

struct bus {
    struct bus_device devices[BUS_MAX_DEVICES];
    uint32_t device_count;
};

void bus_init(struct bus *bus);
/* DEV_ERR_OVERLAP when the range meets another device's (or wraps past the
 * end of the address space), DEV_ERR_BUS_FULL when there is no room. */
enum dev_error bus_attach(struct bus *bus, const struct bus_device *device);

/* The device claiming address, or NULL. */
const struct bus_device *bus_find(const struct bus *bus, uint32_t address);

/* width is in bytes. On an error reads give 0 and nothing changes. */
enum dev_error bus_read(struct bus *bus, uint32_t address, uint32_t width, uint64_t now,
                        uint32_t *value);
enum dev_error bus_write(struct bus *bus, uint32_t address, uint32_t width, uint32_t value,
                         uint64_t now);

/* Bring every device up to `now`; the earliest next event of any device
 * (at least now) or DEV_NEVER. */
void bus_update(struct bus *bus, uint64_t now);
uint64_t bus_next_event(const struct bus *bus, uint64_t now);

#endif
