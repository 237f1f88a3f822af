/* sim/: hvcore's port for the MMU paravirtualisation (hvcore/src/mmu.c).
 * In a partition's engine, a mapped area sits at its mappedAt address and
 * an area flagged `unmapped` at its startAddr (with no rights in the
 * configuration's map). The partition's tables hold physical addresses
 * and the engine walks them as they are, so the areas reachable here are
 * those that sit at their startAddr (unmapped ones, and mapped ones
 * without another mappedAt), and the PCT page (read-only). */
#include "cpu/vcpu.h"
#include "sim/machine_internal.h"
#include <hvcore/port.h>

static struct sim_machine *machine_of(struct hv *hv)
{
    return hv->port_context;
}

/* [paddr, paddr + length) lies in one of the partition's areas that sits
 * at its own address. */
static bool reachable(struct hv *hv, uint32_t partition, uint32_t paddr, uint32_t length)
{
    const struct hv_partition_config *part = &machine_of(hv)->config->partitions[partition];
    if (paddr % 4 != 0)
        return false;
    for (uint32_t i = 0; i < part->area_count; i++) {
        const struct hv_mem_area *a = &part->areas[i];
        if (paddr - a->start < a->size)
            return (a->mapped_at == a->start || (a->flags & HV_AREA_UNMAPPED)) &&
                   length <= a->size - (paddr - a->start);
    }
    return false;
}

static uint32_t be32(const uint8_t *b)
{
    return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

#define MAX_WORDS 64u

/* Also the PCT page, for a PTE mapping it read-only. */
bool hv_port_phys_read(struct hv *hv, uint32_t partition, uint32_t paddr, uint32_t *words,
                       uint32_t count)
{
    struct vcpu *vcpu = machine_of(hv)->partitions[partition].vcpu;
    uint8_t bytes[4 * MAX_WORDS];
    uint32_t length = 4 * count;
    bool pct = paddr - HV_PCT_ADDRESS < HV_PCT_AREA_SIZE && paddr % 4 == 0 &&
               length <= HV_PCT_AREA_SIZE - (paddr - HV_PCT_ADDRESS);
    if (count > MAX_WORDS || (!pct && !reachable(hv, partition, paddr, length)))
        return false;
    if (vcpu_read_phys(vcpu, paddr, bytes, length) != VCPU_OK)
        return false;
    for (uint32_t i = 0; i < count; i++)
        words[i] = be32(bytes + 4 * i);
    return true;
}

bool hv_port_phys_write32(struct hv *hv, uint32_t partition, uint32_t paddr, uint32_t value)
{
    struct vcpu *vcpu = machine_of(hv)->partitions[partition].vcpu;
    uint8_t b[4] = {(uint8_t)(value >> 24), (uint8_t)(value >> 16), (uint8_t)(value >> 8),
                    (uint8_t)value};
    return reachable(hv, partition, paddr, 4) && vcpu_write_phys(vcpu, paddr, b, 4) == VCPU_OK;
}

/* A map the engine cannot run (its private page outside the reserved
 * level-1 range, a table outside its regions) is the partition's to be
 * refused; any other failure is the engine's and stops the run. */
bool hv_port_mmu_sync(struct hv *hv, uint32_t partition, uint32_t l1, uint32_t vaddr)
{
    struct sim_machine *m = machine_of(hv);
    struct vcpu *vcpu = m->partitions[partition].vcpu;
    enum vcpu_error error;
    if (vaddr == HV_MMU_ALL_PAGES)
        error = vcpu_use_page_tables(vcpu, l1);
    else
        error = vcpu_flush_tlb(vcpu, vaddr);
    if (error == VCPU_ERR_BAD_REGION)
        return false;
    if (error != VCPU_OK)
        m->engine_error = error;
    return true;
}
