/* hvcore: the MMU paravirtualisation of XtratuM for LEON3 (the LEON3
 * paper, 3.1-3.2), following Xen: a partition manages its own SPARC
 * reference MMU tables in pages of its own memory, which it registers as
 * page-table pages; from then on they are read-only to it, and every
 * change goes through these calls, which validate it. The tables stay in
 * the partition's memory (the port's physical accesses); the port makes
 * the CPU translate through them (hv_port_mmu_sync).
 *
 * Rules (docs/hypercalls.md):
 * - a page becomes a page-table page only if it is a whole page of one of
 *   the partition's own areas that is writable, not shared, and not mapped
 *   writable in any of its maps (the configuration's map: an area not
 *   flagged `unmapped` is mapped there; its own maps: every registered
 *   level-3 table);
 * - an entry is invalid, a PTD to a table of the next level (inside a
 *   registered page of that level), or, at level 3, a PTE mapping 4 KiB of
 *   the partition's own areas with at most the configured rights (never
 *   writable for a page-table page), or the PCT read-only; anything else
 *   (the hypervisor, another partition, I/O not granted) is refused;
 * - level-1 entries from XM_MMU_L1_RESERVED on are the hypervisor's;
 * - only a registered level-1 table becomes the current map; a page still
 *   in use (current map, or pointed to by a PTD) cannot be unregistered.
 *
 * Bounds: update_page32, write_register32 and invld_tlb check one entry;
 * set_page_type checks the page's 1024 entries and, to register, scans the
 * entries of at most HV_MMU_TABLE_PAGES level-3 pages for a writable
 * mapping of it (HV_MMU_TABLE_PAGES x 1024 words). */
#include "internal.h"
#include <xm/hypercalls.h>
#include <xm/mmu.h>

#define PAGE_SIZE 4096u
#define PAGE_WORDS 1024u
#define L1_TABLE_BYTES 1024u
#define L1_TABLE_ENTRIES 256u
#define SMALL_TABLE_BYTES 256u
#define PTD_TABLE(entry) (((entry) & ~3u) << 4)
#define PTE_PAGE(entry) (((entry)&0xffffff00u) << 4)
#define PTE_ACC(entry) (((entry)&XM_MMU_PTE_ACC_MASK) >> XM_MMU_PTE_ACC_SHIFT)
/* Physical address bits 35:32 (the top nibble of a PTD or PTE): LEON3
 * memory is below 4 GiB. */
#define HIGH_NIBBLE 0xf0000000u

static struct hv_mmu *mmu_of(struct hv *hv, uint32_t id)
{
    return &hv->mmu[id];
}

static struct hv_mmu_page *page_at(struct hv *hv, uint32_t id, uint32_t address)
{
    struct hv_mmu *mmu = mmu_of(hv, id);
    for (uint32_t i = 0; i < HV_MMU_TABLE_PAGES; i++)
        if (mmu->pages[i].level != PPAG_STD &&
            mmu->pages[i].address == (address & ~(PAGE_SIZE - 1)))
            return &mmu->pages[i];
    return 0;
}

static const struct hv_mem_area *own_area(struct hv *hv, uint32_t id, uint32_t page)
{
    const struct hv_partition_config *part = hv_partition_config(hv, id);
    for (uint32_t i = 0; i < part->area_count; i++) {
        const struct hv_mem_area *a = &part->areas[i];
        if (page >= a->start && page - a->start <= a->size - PAGE_SIZE && a->size >= PAGE_SIZE)
            return a;
    }
    return 0;
}

static bool area_writable(const struct hv_mem_area *area)
{
    return !(area->flags & (HV_AREA_READONLY | HV_AREA_ROM));
}

static bool acc_writable(uint32_t acc)
{
    return acc == XM_MMU_ACC_RW || acc == XM_MMU_ACC_RWX;
}

/* The page a PTE maps: own memory within its rights, or the PCT read-only.
 * `registering`: a page about to become a table page (it must not map
 * itself writable either). */
static int32_t check_pte(struct hv *hv, uint32_t id, uint32_t entry, uint32_t registering)
{
    uint32_t page = PTE_PAGE(entry), acc = PTE_ACC(entry), word;
    if ((entry & HIGH_NIBBLE) != 0 || acc > XM_MMU_ACC_X)
        return XM_INVALID_PARAM;
    if (page == HV_PCT_ADDRESS && acc_writable(acc))
        return XM_PERM_ERROR;
    if (page == HV_PCT_ADDRESS) /* where the port has the PCT physically (not on LEON3) */
        return hv_port_phys_read(hv, id, page, &word, 1) ? XM_OK : XM_INVALID_CONFIG;
    const struct hv_mem_area *area = own_area(hv, id, page);
    if (area == 0)
        return XM_PERM_ERROR; /* the hypervisor, another partition, I/O */
    bool table_page = page_at(hv, id, page) != 0 || page == registering;
    if (acc_writable(acc) && (!area_writable(area) || table_page))
        return XM_PERM_ERROR;
    if ((entry & XM_MMU_PTE_CACHEABLE) && (area->flags & HV_AREA_UNCACHEABLE))
        return XM_PERM_ERROR; /* the area's flags hold in every map */
    return hv_port_phys_read(hv, id, page, &word, 1) ? XM_OK : XM_INVALID_CONFIG;
}

/* A PTD at level `level` points to a table of the next level. */
static int32_t check_ptd(struct hv *hv, uint32_t id, uint32_t level, uint32_t entry)
{
    uint32_t table = PTD_TABLE(entry);
    const struct hv_mmu_page *target = page_at(hv, id, table);
    if ((entry & HIGH_NIBBLE) != 0 || level == PPAG_PTDL3)
        return XM_INVALID_PARAM;
    if (target == 0 || target->level != level + 1 || table % SMALL_TABLE_BYTES != 0)
        return XM_INVALID_PARAM;
    return XM_OK;
}

/* Only 4 KiB pages: a PTE at level 1 or 2 (16 MiB, 256 KiB) is refused. */
static int32_t check_entry(struct hv *hv, uint32_t id, uint32_t level, uint32_t entry,
                           uint32_t registering)
{
    switch (entry & XM_MMU_ET_MASK) {
    case XM_MMU_ET_INVALID:
        return XM_OK;
    case XM_MMU_ET_PTD:
        return check_ptd(hv, id, level, entry);
    case XM_MMU_ET_PTE:
        return level == PPAG_PTDL3 ? check_pte(hv, id, entry, registering) : XM_INVALID_PARAM;
    default:
        return XM_INVALID_PARAM;
    }
}

static bool reserved_entry(uint32_t level, uint32_t address)
{
    return level == PPAG_PTDL1 && (address % L1_TABLE_BYTES) / 4 >= XM_MMU_L1_RESERVED;
}

/* A PTD's target gains or loses a reference. */
static void count_reference(struct hv *hv, uint32_t id, uint32_t entry, int delta)
{
    if ((entry & XM_MMU_ET_MASK) != XM_MMU_ET_PTD)
        return;
    struct hv_mmu_page *target = page_at(hv, id, PTD_TABLE(entry));
    if (target != 0)
        target->refs = (uint16_t)(target->refs + delta);
}

static bool read_word(struct hv *hv, uint32_t id, uint32_t address, uint32_t *word)
{
    return hv_port_phys_read(hv, id, address, word, 1);
}

/* A page's entries in order, read from the port a chunk at a time. */
#define CHUNK_WORDS 64u
struct entry_reader {
    uint32_t words[CHUNK_WORDS];
    uint32_t chunk; /* physical address of words[0]; 1 before the first read */
    bool ok;
};

static bool page_entry(struct hv *hv, uint32_t id, struct entry_reader *r, uint32_t address,
                       uint32_t *entry)
{
    uint32_t chunk = address & ~(CHUNK_WORDS * 4 - 1);
    if (r->chunk != chunk) {
        r->chunk = chunk;
        r->ok = hv_port_phys_read(hv, id, chunk, r->words, CHUNK_WORDS);
    }
    *entry = r->words[(address - chunk) / 4];
    return r->ok;
}

/* Every entry of a page about to become a table page of `level`. */
static int32_t check_page(struct hv *hv, uint32_t id, uint32_t page, uint32_t level)
{
    struct entry_reader reader = {.chunk = 1};
    for (uint32_t i = 0; i < PAGE_WORDS; i++) {
        uint32_t address = page + 4 * i, entry;
        if (!page_entry(hv, id, &reader, address, &entry))
            return XM_INVALID_CONFIG;
        if (reserved_entry(level, address))
            continue; /* cleared when registered */
        int32_t status = check_entry(hv, id, level, entry, page);
        if (status != XM_OK)
            return status;
    }
    return XM_OK;
}

/* Each PTD of a table page (dis)owns its target. */
static void count_page_references(struct hv *hv, uint32_t id, uint32_t page, int delta)
{
    struct entry_reader reader = {.chunk = 1};
    for (uint32_t i = 0; i < PAGE_WORDS; i++) {
        uint32_t entry;
        if (page_entry(hv, id, &reader, page + 4 * i, &entry))
            count_reference(hv, id, entry, delta);
    }
}

/* Does a registered level-3 table map `page` writable? */
static bool mapped_writable(struct hv *hv, uint32_t id, uint32_t page)
{
    const struct hv_mmu *mmu = mmu_of(hv, id);
    for (uint32_t p = 0; p < HV_MMU_TABLE_PAGES; p++) {
        if (mmu->pages[p].level != PPAG_PTDL3)
            continue;
        struct entry_reader reader = {.chunk = 1};
        for (uint32_t i = 0; i < PAGE_WORDS; i++) {
            uint32_t entry;
            if (page_entry(hv, id, &reader, mmu->pages[p].address + 4 * i, &entry) &&
                (entry & XM_MMU_ET_MASK) == XM_MMU_ET_PTE && PTE_PAGE(entry) == page &&
                acc_writable(PTE_ACC(entry)))
                return true;
        }
    }
    return false;
}

static int32_t check_registrable(struct hv *hv, uint32_t id, uint32_t page)
{
    const struct hv_mem_area *area = own_area(hv, id, page);
    if (area == 0 || !area_writable(area) || (area->flags & HV_AREA_SHARED))
        return XM_PERM_ERROR;
    if (!(area->flags & HV_AREA_UNMAPPED) || mapped_writable(hv, id, page))
        return XM_OP_NOT_ALLOWED; /* writable in one of its maps */
    return XM_OK;
}

static struct hv_mmu_page *free_slot(struct hv *hv, uint32_t id)
{
    struct hv_mmu *mmu = mmu_of(hv, id);
    for (uint32_t i = 0; i < HV_MMU_TABLE_PAGES; i++)
        if (mmu->pages[i].level == PPAG_STD)
            return &mmu->pages[i];
    return 0;
}

/* The hypervisor's entries of each level-1 table in the page start
 * invalid; the port fills them when the table becomes the current map. */
static void clear_reserved(struct hv *hv, uint32_t id, uint32_t page)
{
    for (uint32_t table = page; table < page + PAGE_SIZE; table += L1_TABLE_BYTES)
        for (uint32_t i = XM_MMU_L1_RESERVED; i < L1_TABLE_ENTRIES; i++)
            (void)hv_port_phys_write32(hv, id, table + 4 * i, 0);
}

static int32_t register_page(struct hv *hv, uint32_t id, uint32_t page, uint32_t level)
{
    const struct hv_mmu_page *known = page_at(hv, id, page);
    if (known != 0)
        return known->level == level ? XM_NO_ACTION : XM_OP_NOT_ALLOWED;
    int32_t status = check_registrable(hv, id, page);
    if (status != XM_OK)
        return status;
    struct hv_mmu_page *slot = free_slot(hv, id);
    if (slot == 0)
        return XM_NOT_AVAILABLE;
    status = check_page(hv, id, page, level);
    if (status != XM_OK)
        return status;
    if (level == PPAG_PTDL1)
        clear_reserved(hv, id, page);
    *slot = (struct hv_mmu_page){.address = page, .level = (uint8_t)level, .refs = 0};
    count_page_references(hv, id, page, +1);
    return XM_OK;
}

static int32_t unregister_page(struct hv *hv, uint32_t id, uint32_t page)
{
    struct hv_mmu_page *known = page_at(hv, id, page);
    if (known == 0)
        return XM_NO_ACTION;
    if (known->refs != 0)
        return XM_OP_NOT_ALLOWED; /* the current map, or a PTD points into it */
    count_page_references(hv, id, page, -1);
    known->level = PPAG_STD;
    return XM_OK;
}

int32_t hv_mmu_set_page_type(struct hv *hv, uint32_t id, uint32_t page, uint32_t type)
{
    if (page % PAGE_SIZE != 0 || type > PPAG_PTDL3)
        return XM_INVALID_PARAM;
    return type == PPAG_STD ? unregister_page(hv, id, page) : register_page(hv, id, page, type);
}

static bool sync_all(struct hv *hv, uint32_t id)
{
    return hv_port_mmu_sync(hv, id, mmu_of(hv, id)->root, HV_MMU_ALL_PAGES);
}

/* Write an entry and move the references of its old and new PTD. */
static bool write_entry(struct hv *hv, uint32_t id, uint32_t address, uint32_t value, uint32_t old)
{
    if (!hv_port_phys_write32(hv, id, address, value))
        return false;
    count_reference(hv, id, value, +1);
    count_reference(hv, id, old, -1);
    return true;
}

int32_t hv_mmu_update_page32(struct hv *hv, uint32_t id, uint32_t address, uint32_t value)
{
    const struct hv_mmu_page *table = page_at(hv, id, address);
    uint32_t old;
    if (address % 4 != 0 || table == 0)
        return XM_INVALID_PARAM;
    if (reserved_entry(table->level, address))
        return XM_PERM_ERROR;
    int32_t status = check_entry(hv, id, table->level, value, table->address);
    if (status != XM_OK)
        return status;
    if (!read_word(hv, id, address, &old) || !write_entry(hv, id, address, value, old))
        return XM_INVALID_CONFIG;
    /* A TLB holds only translations through valid entries: filling an
     * invalid one leaves nothing stale. */
    bool stale = (old & XM_MMU_ET_MASK) != XM_MMU_ET_INVALID;
    if (mmu_of(hv, id)->root == XM_MMU_INITIAL_MAP || !stale || sync_all(hv, id))
        return XM_OK;
    (void)write_entry(hv, id, address, old, value); /* the port cannot run it: undone */
    (void)sync_all(hv, id);
    return XM_INVALID_CONFIG;
}

static void set_root(struct hv *hv, uint32_t id, uint32_t root)
{
    struct hv_mmu *mmu = mmu_of(hv, id);
    if (mmu->root != XM_MMU_INITIAL_MAP)
        page_at(hv, id, mmu->root)->refs--;
    if (root != XM_MMU_INITIAL_MAP)
        page_at(hv, id, root)->refs++;
    mmu->root = root;
}

int32_t hv_mmu_write_register32(struct hv *hv, uint32_t id, uint32_t reg, uint32_t value)
{
    if (reg != PTD1_REG32)
        return XM_INVALID_PARAM;
    if (value != XM_MMU_INITIAL_MAP) {
        const struct hv_mmu_page *table = page_at(hv, id, value);
        if (table == 0 || table->level != PPAG_PTDL1 || value % L1_TABLE_BYTES != 0)
            return XM_INVALID_PARAM;
    }
    uint32_t old = mmu_of(hv, id)->root;
    if (value == old)
        return XM_NO_ACTION;
    set_root(hv, id, value);
    if (sync_all(hv, id))
        return XM_OK;
    set_root(hv, id, old); /* the port cannot run it: stay where we were */
    (void)sync_all(hv, id);
    return XM_INVALID_CONFIG;
}

/* Any address: dropping a translation that does not exist is harmless. */
int32_t hv_mmu_invld_tlb(struct hv *hv, uint32_t id, uint32_t address)
{
    bool done = hv_port_mmu_sync(hv, id, mmu_of(hv, id)->root, address & ~(PAGE_SIZE - 1));
    return done ? XM_OK : XM_INVALID_CONFIG;
}

/* A reset forgets the partition's page types and maps: it starts again on
 * the configuration's map (its memory is kept, as XtratuM keeps it). */
void hv_mmu_reset(struct hv *hv, uint32_t id)
{
    struct hv_mmu *mmu = mmu_of(hv, id);
    bool had_map = mmu->root != XM_MMU_INITIAL_MAP;
    *mmu = (struct hv_mmu){.root = XM_MMU_INITIAL_MAP};
    if (had_map)
        (void)sync_all(hv, id); /* the configuration's map always runs */
}
