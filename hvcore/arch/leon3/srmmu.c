/* hvcore/arch/leon3: the SPARC reference MMU. Context 0 maps only the
 * hypervisor; partition id runs in context id + 1, which maps its areas
 * (at mappedAt; read-only ones RX; unmapped ones not at all; a shared area
 * is the same physical memory in each partition that lists it), its PCT
 * page read-only at HV_PCT_ADDRESS, and the hypervisor and the APB devices
 * supervisor-only. Every context, a partition's own maps too, maps the
 * trampoline (start.S) at LEON3_TRAMPOLINE_VA, supervisor-only: traps
 * enter and leave a partition through it. Tables are built with
 * srmmu_map(), which takes the largest page each step allows (16 MiB,
 * 256 KiB, 4 KiB).
 *
 * The MMU paravirtualisation (hvcore/src/mmu.c): a partition's own
 * level-1 table, validated by the core, becomes its context's root as it
 * is; the port fills its entries from XM_MMU_L1_RESERVED on with those of
 * the configuration's map (the PCT and the trampoline). */
#include "srmmu.h"
#include "leon3.h"
#include <hvcore/port.h>
#include <xm/mmu.h>

#define ASI_MMU_REGS "0x19"
#define ASI_BYPASS "0x1c"
#define MMU_CONTROL 0x000u
#define MMU_CTX_TABLE 0x100u
#define MMU_CTX LEON3_MMU_CTX_REG
#define MMU_FSR 0x300u
#define MMU_CONTROL_ENABLE 0x1u

#define CONTEXTS 256u
#define IO_BASE 0x80000000u
#define IO_SIZE 0x01000000u

extern uint8_t __image_start[];

static uint32_t *context_table;
static uint32_t *configured_map[HV_MAX_PARTITIONS]; /* level-1 tables */

static void mmu_write(uint32_t reg, uint32_t value)
{
    __asm__ volatile("sta %0, [%1] " ASI_MMU_REGS : : "r"(value), "r"(reg) : "memory");
}

static uint32_t mmu_read(uint32_t reg)
{
    uint32_t value;
    __asm__ volatile("lda [%1] " ASI_MMU_REGS ", %0" : "=r"(value) : "r"(reg) : "memory");
    return value;
}

static void tlb_flush_all(void)
{
    __asm__ volatile("sta %%g0, [%0] 0x18" : : "r"(0x400u) : "memory"); /* flush entire */
}

/* One page of one context, from the trampoline (start.S). */
static void tlb_flush_page(uint32_t context, uint32_t va)
{
    uint32_t offset = (uint32_t)leon3_flush_page_in - (uint32_t)leon3_trap_table;
    void (*flush)(uint32_t, uint32_t) =
        (void (*)(uint32_t, uint32_t))(LEON3_TRAMPOLINE_VA + offset);
    flush(context, va & ~(SRMMU_L3_PAGE - 1));
}

static uint32_t ptd_at(uint32_t physical)
{
    return (physical >> 4) | SRMMU_ET_PTD;
}

static uint32_t ptd(const uint32_t *table)
{
    return ptd_at((uint32_t)table);
}

static uint32_t *table_of(uint32_t entry)
{
    return (uint32_t *)((entry & ~3u) << 4);
}

uint32_t srmmu_pte(uint32_t physical, uint32_t acc, bool cacheable)
{
    return ((physical >> 12) << 8) | (cacheable ? SRMMU_PTE_C : 0) | (acc << 2) | SRMMU_ET_PTE;
}

/* The next level's table under *entry, made when missing; NULL when a
 * page already sits there. */
static uint32_t *next_table(uint32_t *entry, uint32_t entries)
{
    if ((*entry & 3u) == SRMMU_ET_INVALID) {
        uint32_t *table = leon3_alloc(entries * 4u, entries * 4u);
        *entry = ptd(table);
        return table;
    }
    return (*entry & 3u) == SRMMU_ET_PTD ? table_of(*entry) : NULL;
}

/* A page of this size fits here, and no finer table already covers it. */
static bool fits(const uint32_t *entry, uint32_t va, uint32_t pa, uint64_t left, uint32_t page)
{
    return va % page == 0 && pa % page == 0 && left >= page && (*entry & 3u) != SRMMU_ET_PTD;
}

bool srmmu_map(uint32_t *level1, uint32_t va, uint32_t pa, uint32_t size, uint32_t acc,
               bool cacheable)
{
    uint64_t left = size;
    while (left > 0) {
        uint32_t *entry = &level1[va >> 24], page = SRMMU_L1_PAGE;
        if (!fits(entry, va, pa, left, SRMMU_L1_PAGE)) {
            uint32_t *level2 = next_table(entry, SRMMU_L2_ENTRIES);
            if (level2 == NULL)
                return false;
            entry = &level2[(va >> 18) & 0x3fu];
            page = SRMMU_L2_PAGE;
            if (!fits(entry, va, pa, left, SRMMU_L2_PAGE)) {
                uint32_t *level3 = next_table(entry, SRMMU_L3_ENTRIES);
                if (level3 == NULL)
                    return false;
                entry = &level3[(va >> 12) & 0x3fu];
                page = SRMMU_L3_PAGE;
            }
        }
        if (*entry != SRMMU_ET_INVALID)
            return false;
        *entry = srmmu_pte(pa, acc, cacheable);
        va += page;
        pa += page;
        left -= page;
    }
    return true;
}

static void map_or_panic(uint32_t *level1, uint32_t va, uint32_t pa, uint32_t size, uint32_t acc,
                         bool cacheable)
{
    if (!srmmu_map(level1, va, pa, size, acc, cacheable))
        leon3_panic("overlapping memory areas in a partition's map");
}

static uint32_t *new_context(uint32_t number, const struct hv_config *config)
{
    uint32_t *level1 = leon3_alloc(SRMMU_L1_ENTRIES * 4u, SRMMU_L1_ENTRIES * 4u);
    uint32_t hv_size = config->hv_memory_size ? config->hv_memory_size : 0x100000u;
    map_or_panic(level1, (uint32_t)__image_start, (uint32_t)__image_start, hv_size, SRMMU_ACC_S_RWX,
                 true);
    map_or_panic(level1, IO_BASE, IO_BASE, IO_SIZE, SRMMU_ACC_S_RWX, false);
    map_or_panic(level1, LEON3_TRAMPOLINE_VA, (uint32_t)leon3_trap_table, LEON3_TRAMPOLINE_SIZE,
                 SRMMU_ACC_S_RX, true);
    context_table[number] = ptd(level1);
    return level1;
}

static uint32_t area_acc(const struct hv_mem_area *area)
{
    return area->flags & (HV_AREA_READONLY | HV_AREA_ROM) ? SRMMU_ACC_RX : SRMMU_ACC_RWX;
}

static void map_partition(const struct hv_config *config, uint32_t id)
{
    const struct hv_partition_config *part = &config->partitions[id];
    uint32_t *level1 = new_context(id + 1, config);
    configured_map[id] = level1;
    for (uint32_t i = 0; i < part->area_count; i++) {
        const struct hv_mem_area *area = &part->areas[i];
        if (area->flags & HV_AREA_UNMAPPED)
            continue;
        map_or_panic(level1, area->mapped_at, area->start, area->size, area_acc(area),
                     !(area->flags & HV_AREA_UNCACHEABLE));
    }
    map_or_panic(level1, HV_PCT_ADDRESS, (uint32_t)hv_port_pct(NULL, id) /* the port's own pages */,
                 HV_PCT_AREA_SIZE, SRMMU_ACC_R, true);
}

void leon3_srmmu_init(const struct hv_config *config)
{
    context_table = leon3_alloc(CONTEXTS * 4u, CONTEXTS * 4u);
    new_context(0, config);
    for (uint32_t id = 0; id < config->partition_count; id++)
        map_partition(config, id);
    mmu_write(MMU_CTX_TABLE, (uint32_t)context_table >> 4);
    mmu_write(MMU_CTX, 0);
    tlb_flush_all();
    mmu_write(MMU_CONTROL, mmu_read(MMU_CONTROL) | MMU_CONTROL_ENABLE);
    /* From now on traps enter through the trampoline, in any context. */
    __asm__ volatile("wr %0, %%tbr; nop; nop; nop" : : "r"(LEON3_TRAMPOLINE_VA) : "memory");
}

/* leon3_resume loads it, from the trampoline, just before `rett`: the
 * hypervisor keeps running in context 0. */
void leon3_srmmu_switch(uint32_t id)
{
    leon3_next_context = id + 1;
}

uint32_t leon3_srmmu_fault_status(void)
{
    return mmu_read(MMU_FSR);
}

/* The MMU paravirtualisation (hvcore/src/mmu.c). A partition's memory by
 * physical address: inside one of its areas (wherever its mappedAt puts
 * it: the SRMMU walks physical addresses). Its PCT is not at
 * HV_PCT_ADDRESS physically here, so that address is refused (a PTE to it
 * would map whatever the board has there). */
static bool own_physical(struct hv *hv, uint32_t partition, uint32_t paddr, uint32_t length)
{
    const struct hv_partition_config *part = &hv->config->partitions[partition];
    if (paddr % 4 != 0)
        return false;
    for (uint32_t i = 0; i < part->area_count; i++) {
        const struct hv_mem_area *a = &part->areas[i];
        if (paddr - a->start < a->size)
            return length <= a->size - (paddr - a->start);
    }
    return false;
}

static void phys_store32(uint32_t address, uint32_t value)
{
    __asm__ volatile("sta %0, [%1] " ASI_BYPASS : : "r"(value), "r"(address) : "memory");
}

bool hv_port_phys_read(struct hv *hv, uint32_t partition, uint32_t paddr, uint32_t *words,
                       uint32_t count)
{
    if (count > SRMMU_L2_ENTRIES || !own_physical(hv, partition, paddr, 4 * count))
        return false;
    for (uint32_t i = 0; i < count; i++)
        words[i] = leon3_phys_load32(paddr + 4 * i);
    return true;
}

bool hv_port_phys_write32(struct hv *hv, uint32_t partition, uint32_t paddr, uint32_t value)
{
    if (!own_physical(hv, partition, paddr, 4))
        return false;
    phys_store32(paddr, value);
    return true;
}

/* The partition's context takes the level-1 table at l1 (the core
 * validated it: a registered, 1 KiB-aligned level-1 table of its own
 * memory), with the hypervisor's entries of the configuration's map; then
 * the SRMMU's TLB is flushed. An invalidation is the SRMMU's page flush
 * in the partition's context. */
bool hv_port_mmu_sync(struct hv *hv, uint32_t partition, uint32_t l1, uint32_t vaddr)
{
    (void)hv;
    if (vaddr == HV_MMU_ALL_PAGES && l1 == XM_MMU_INITIAL_MAP)
        context_table[partition + 1] = ptd(configured_map[partition]);
    else if (vaddr == HV_MMU_ALL_PAGES) {
        for (uint32_t i = XM_MMU_L1_RESERVED; i < SRMMU_L1_ENTRIES; i++)
            phys_store32(l1 + 4 * i, configured_map[partition][i]);
        context_table[partition + 1] = ptd_at(l1);
    }
    if (vaddr == HV_MMU_ALL_PAGES)
        tlb_flush_all();
    else
        tlb_flush_page(partition + 1, vaddr);
    return true;
}
