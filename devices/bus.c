/* devices/: the APB bus (see bus.h). */
#include "devices/bus.h"
#include <stddef.h>

void bus_init(struct bus *bus)
{
    bus->device_count = 0;
}

static bool overlaps(const struct bus_device *a, const struct bus_device *b)
{
    return a->base < b->base + b->size && b->base < a->base + a->size;
}

enum dev_error bus_attach(struct bus *bus, const struct bus_device *device)
{
    if (device->size == 0 || device->base + device->size < device->base)
        return DEV_ERR_OVERLAP;
    for (uint32_t i = 0; i < bus->device_count; i++) {
        if (overlaps(&bus->devices[i], device))
            return DEV_ERR_OVERLAP;
    }
    if (bus->device_count == BUS_MAX_DEVICES)
        return DEV_ERR_BUS_FULL;
    bus->devices[bus->device_count++] = *device;
    return DEV_OK;
}

const struct bus_device *bus_find(const struct bus *bus, uint32_t address)
{
    for (uint32_t i = 0; i < bus->device_count; i++) {
        const struct bus_device *d = &bus->devices[i];
        if (address - d->base < d->size)
            return d;
    }
    return NULL;
}

/* The device for an access, after the checks every access shares. */
static enum dev_error decode(struct bus *bus, uint32_t address, uint32_t width, uint64_t now,
                             const struct bus_device **device)
{
    *device = bus_find(bus, address);
    if (!*device)
        return DEV_ERR_UNMAPPED;
    if (width != 4 || (address & 3u))
        return DEV_ERR_BAD_WIDTH;
    bus_update(bus, now);
    return DEV_OK;
}

enum dev_error bus_read(struct bus *bus, uint32_t address, uint32_t width, uint64_t now,
                        uint32_t *value)
{
    const struct bus_device *d;
    enum dev_error error = decode(bus, address, width, now, &d);
    *value = 0;
    if (error != DEV_OK)
        return error;
    return d->read(d->model, address - d->base, now, value);
}

enum dev_error bus_write(struct bus *bus, uint32_t address, uint32_t width, uint32_t value,
                         uint64_t now)
{
    const struct bus_device *d;
    enum dev_error error = decode(bus, address, width, now, &d);
    if (error != DEV_OK)
        return error;
    return d->write(d->model, address - d->base, value, now);
}

void bus_update(struct bus *bus, uint64_t now)
{
    for (uint32_t i = 0; i < bus->device_count; i++)
        bus->devices[i].update(bus->devices[i].model, now);
}

uint64_t bus_next_event(const struct bus *bus, uint64_t now)
{
    uint64_t next = DEV_NEVER;
    for (uint32_t i = 0; i < bus->device_count; i++) {
        uint64_t at = bus->devices[i].next_event(bus->devices[i].model, now);
        if (at < next)
            next = at;
    }
    return next;
}
