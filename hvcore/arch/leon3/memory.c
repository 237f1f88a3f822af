/* hvcore/arch/leon3: partition memory as the core sees it. A guest address
 * is translated through the partition's own map (the configuration's
 * areas at mappedAt, and its PCT page) and reached physically with the
 * MMU bypass ASI, so a copy works whichever partition's context is loaded
 * and can never fault. Pages for the PCTs and the SRMMU tables come from
 * the hypervisor's memory after the image (its PhysicalMemoryArea). */
#include "leon3.h"
#include <hvcore/port.h>

#define ASI_BYPASS "0x1c" /* LEON3: MMU bypass */
#define PAGE 4096u

static struct leon3_cpu cpus[HV_MAX_PARTITIONS];
static uint8_t *pcts[HV_MAX_PARTITIONS];
static uint32_t pool_next, pool_end;

extern uint8_t __image_start[], __image_end[];

struct leon3_cpu *leon3_cpu_of(uint32_t id)
{
    return &cpus[id];
}

static uint8_t phys_load8(uint32_t address)
{
    uint32_t value;
    __asm__ volatile("lduba [%1] " ASI_BYPASS ", %0" : "=r"(value) : "r"(address) : "memory");
    return (uint8_t)value;
}

static void phys_store8(uint32_t address, uint8_t value)
{
    __asm__ volatile("stba %0, [%1] " ASI_BYPASS : : "r"(value), "r"(address) : "memory");
}

void *leon3_alloc(uint32_t size, uint32_t align)
{
    if (pool_end == 0) {
        uint32_t hv_size = leon3_config.hv_memory_size ? leon3_config.hv_memory_size : 0x100000u;
        pool_next = (uint32_t)__image_end;
        pool_end = (uint32_t)__image_start + hv_size;
    }
    uint32_t at = (pool_next + align - 1) & ~(align - 1);
    if (at < pool_next || size > pool_end - at || at > pool_end)
        leon3_panic("the hypervisor's memory area is too small for its tables");
    pool_next = at + size;
    uint8_t *bytes = (uint8_t *)at;
    for (uint32_t i = 0; i < size; i++)
        bytes[i] = 0;
    return bytes;
}

uint8_t *hv_port_pct(struct hv *hv, uint32_t partition)
{
    (void)hv;
    if (pcts[partition] == NULL)
        pcts[partition] = leon3_alloc(HV_PCT_AREA_SIZE, PAGE);
    return pcts[partition];
}

/* Where guest address `address` of partition id is, physically, and up to
 * where (exclusive) that translation holds: 0 when unmapped. */
static uint64_t translate(struct hv *hv, uint32_t id, uint32_t address, bool write,
                          uint32_t *physical)
{
    const struct hv_partition_config *part = &hv->config->partitions[id];
    if (address - HV_PCT_ADDRESS < HV_PCT_AREA_SIZE) {
        *physical = (uint32_t)hv_port_pct(hv, id) + (address - HV_PCT_ADDRESS);
        return write ? 0 : (uint64_t)HV_PCT_ADDRESS + HV_PCT_AREA_SIZE;
    }
    for (uint32_t i = 0; i < part->area_count; i++) {
        const struct hv_mem_area *area = &part->areas[i];
        if (area->flags & HV_AREA_UNMAPPED || address - area->mapped_at >= area->size)
            continue;
        if (write && area->flags & (HV_AREA_READONLY | HV_AREA_ROM))
            return 0;
        *physical = area->start + (address - area->mapped_at);
        return (uint64_t)area->mapped_at + area->size;
    }
    return 0;
}

bool leon3_guest_ok(struct hv *hv, uint32_t id, uint32_t address, uint32_t length, bool write,
                    uint32_t *fault)
{
    uint64_t at = address, end = (uint64_t)address + length;
    while (at < end) {
        uint32_t physical;
        uint64_t until = at > 0xffffffffu ? 0 : translate(hv, id, (uint32_t)at, write, &physical);
        if (until == 0) {
            *fault = (uint32_t)at;
            return false;
        }
        at = until;
    }
    return true;
}

bool hv_port_guest_readable(struct hv *hv, uint32_t partition, uint32_t guest_address,
                            uint32_t length)
{
    uint32_t fault;
    return leon3_guest_ok(hv, partition, guest_address, length, false, &fault);
}

/* Each run of bytes one translation covers is copied in one loop. */
bool hv_port_copy_from_guest(struct hv *hv, uint32_t partition, uint32_t guest_address,
                             void *destination, uint32_t length)
{
    uint32_t fault, physical;
    uint8_t *out = destination;
    if (!leon3_guest_ok(hv, partition, guest_address, length, false, &fault))
        return false;
    for (uint32_t done = 0; done < length;) {
        uint64_t until = translate(hv, partition, guest_address + done, false, &physical);
        uint64_t n = until - (guest_address + done);
        for (uint32_t i = 0; i < n && done < length; i++)
            out[done++] = phys_load8(physical + i);
    }
    return true;
}

bool hv_port_copy_to_guest(struct hv *hv, uint32_t partition, uint32_t guest_address,
                           const void *source, uint32_t length)
{
    uint32_t fault, physical;
    const uint8_t *in = source;
    if (!leon3_guest_ok(hv, partition, guest_address, length, true, &fault))
        return false;
    for (uint32_t done = 0; done < length;) {
        uint64_t until = translate(hv, partition, guest_address + done, true, &physical);
        uint64_t n = until - (guest_address + done);
        for (uint32_t i = 0; i < n && done < length; i++)
            phys_store8(physical + i, in[done++]);
    }
    return true;
}
