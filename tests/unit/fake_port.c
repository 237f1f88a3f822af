#include "fake_port.h"
#include <string.h>

static struct fake_port *port(struct hv *hv)
{
    return hv->port_context;
}

uint32_t hv_port_io_read32(struct hv *hv, uint32_t address)
{
    (void)hv;
    (void)address;
    return 0;
}

void hv_port_io_write32(struct hv *hv, uint32_t address, uint32_t value)
{
    (void)hv;
    (void)address;
    (void)value;
}

uint64_t hv_port_clock_us(struct hv *hv)
{
    return port(hv)->now_us;
}

void hv_port_timer_arm(struct hv *hv, uint64_t deadline_us)
{
    port(hv)->timer_deadline_us = deadline_us;
    port(hv)->timer_arms++;
}

void hv_port_console_write(struct hv *hv, int32_t device, uint32_t writer, const char *bytes,
                           size_t length)
{
    struct fake_port *p = port(hv);
    (void)device;
    if (p->console_length + length < sizeof p->console) {
        memcpy(p->console + p->console_length, bytes, length);
        p->console_length += length;
    }
    p->console_writer = writer;
}

static bool guest_range(uint32_t address, uint32_t length)
{
    return address >= FAKE_GUEST_BASE && length <= FAKE_GUEST_SIZE &&
           address - FAKE_GUEST_BASE <= FAKE_GUEST_SIZE - length;
}

bool hv_port_copy_from_guest(struct hv *hv, uint32_t partition, uint32_t guest_address,
                             void *destination, uint32_t length)
{
    if (!guest_range(guest_address, length))
        return false;
    memcpy(destination, &port(hv)->guest[partition][guest_address - FAKE_GUEST_BASE], length);
    return true;
}

bool hv_port_copy_to_guest(struct hv *hv, uint32_t partition, uint32_t guest_address,
                           const void *source, uint32_t length)
{
    if (!guest_range(guest_address, length))
        return false;
    memcpy(&port(hv)->guest[partition][guest_address - FAKE_GUEST_BASE], source, length);
    return true;
}

uint8_t *hv_port_pct(struct hv *hv, uint32_t partition)
{
    return port(hv)->pct[partition];
}

void hv_port_partition_boot(struct hv *hv, uint32_t partition, uint32_t entry)
{
    port(hv)->boots[partition]++;
    port(hv)->boot_entry[partition] = entry;
}

void fake_port_run_until(struct hv *hv, uint64_t t)
{
    struct fake_port *p = port(hv);
    while (p->timer_deadline_us <= t) {
        p->now_us = p->timer_deadline_us;
        hv_timer_event(hv);
    }
    p->now_us = t;
}

int32_t fake_port_hypercall(struct hv *hv, uint32_t nr, uint32_t a1, uint32_t a2, uint32_t a3,
                            bool *completes)
{
    uint32_t regs[6] = {nr, a1, a2, a3, 0, 0};
    int32_t result = 12345;
    *completes = hv_hypercall(hv, regs, &result);
    return result;
}
