/* hvcore/arch/leon3: partition memory as the core sees it. A guest address
 * is translated through the partition's map in use (the configuration's
 * areas at mappedAt and its PCT page, or the partition's own SRMMU tables,
 * walked as the SRMMU walks them, with the user rights of the PTE) and
 * reached physically with the MMU bypass ASI, so a copy works whichever
 * context is loaded and can never fault. Pages for the PCTs and the SRMMU tables come from
 * the hypervisor's memory after the image (its PhysicalMemoryArea). */
#include "leon3.h"
#include "srmmu.h"
#include <hvcore/port.h>
#include <xm/mmu.h>

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

uint32_t leon3_phys_load32(uint32_t address)
{
    uint32_t value;
    __asm__ volatile("lda [%1] " ASI_BYPASS ", %0" : "=r"(value) : "r"(address) : "memory");
    return value;
}

/* User rights of an SRMMU ACC field (SPARC V8 manual, table H-5). */
static bool user_may(uint32_t acc, bool write)
{
    return write ? acc == 1u || acc == 3u : acc <= 3u || acc == 5u;
}

/* The walk through a partition's own tables from its level-1 table at
 * `root`; as translate(). */
static uint64_t translate_own(uint32_t root, uint32_t address, bool write, uint32_t *physical)
{
    static const uint32_t shift[3] = {24, 18, 12}, mask[3] = {0xffu, 0x3fu, 0x3fu};
    uint32_t table = root;
    for (uint32_t level = 0; level < 3; level++) {
        uint32_t entry = leon3_phys_load32(table + 4u * ((address >> shift[level]) & mask[level]));
        if ((entry & 3u) == SRMMU_ET_PTD && level < 2) {
            table = (entry & ~3u) << 4;
            continue;
        }
        if ((entry & 3u) != SRMMU_ET_PTE || !user_may((entry >> 2) & 7u, write))
            return 0;
        uint32_t page = 1u << shift[level], base = address & ~(page - 1);
        *physical = ((entry >> 8) << 12) + (address - base);
        return (uint64_t)base + page;
    }
    return 0;
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
    if (hv->mmu[id].root != XM_MMU_INITIAL_MAP)
        return translate_own(hv->mmu[id].root, address, write, physical);
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
