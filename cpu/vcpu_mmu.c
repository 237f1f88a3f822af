/* Spatial isolation through the LEON3 SRMMU.
 *
 * Unicorn reports an access to an unmapped or protected page through a hook
 * that runs in the middle of a translated block, with PC and NPC left at
 * the start of that block: the faulting instruction cannot be told. The
 * engine's SRMMU instead raises a real SPARC trap (0x09 data access, 0x01
 * instruction access) with exact PC and NPC. So every vCPU runs with the
 * MMU on, identity page tables giving each region its permissions, and the
 * rest of the 32-bit space mapped in Unicorn (so Unicorn's own check never
 * fires) onto an inaccessible host reservation that the MMU never lets the
 * guest reach.
 *
 * The private area, at the highest free pages, holds the host code page
 * (execute-only for the guest), then the context table, the level-1 table
 * and 256-byte level-2/3 tables (not mapped for the guest at all). */
#define _GNU_SOURCE /* MAP_ANONYMOUS, MAP_NORESERVE */
#include "cpu/sparc_insn.h"
#include "cpu/uc_sparc_layout.h"
#include "cpu/vcpu_internal.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#define SPACE_END 0x100000000ull
#define TABLES_OFFSET VCPU_PAGE_SIZE /* context table, then level 1 */
#define L1_OFFSET (TABLES_OFFSET + 0x400u)
#define SMALL_TABLES_OFFSET (L1_OFFSET + 0x400u)
#define SMALL_TABLE_BYTES 0x100u
#define L2_SPAN (1u << 24) /* bytes mapped by one level-1 entry */
#define L3_SPAN (1u << 18) /* by one level-2 entry */

#define ASI_MMU_REGS 0x19u /* LEON3 MMU registers */
#define MMU_REG_CONTROL 0x000u
#define MMU_REG_CONTEXT_TABLE 0x100u
#define MMU_REG_CONTEXT 0x200u
#define MMU_ENABLE 1u
#define MMU_STUB 0x040u /* offset in the code page */
#define MMU_STUB_TA 0x04cu
#define FLUSH_STUB 0x060u /* sta %g0, [%g1] ASI_MMU_FLUSH; ta */
#define FLUSH_STUB_TA 0x064u
#define ASI_MMU_FLUSH 0x18u /* LEON3 MMU flush/probe */
#define FLUSH_ENTIRE 0x400u /* flush type 4 (entire) in address bits 11:8 */

#define PTD 1u
#define PTE 2u
/* SRMMU ACC field values (user / supervisor rights). */
#define ACC_READ 0u
#define ACC_READ_WRITE 1u
#define ACC_READ_EXEC 2u
#define ACC_ALL 3u
#define ACC_EXEC 4u

struct tables {
    uint8_t *bytes; /* image of the private area */
    uint32_t base;  /* its guest-physical address */
    uint32_t size;
    uint32_t next; /* next free small table */
};

static uint64_t region_end(const struct vcpu_region *r)
{
    return (uint64_t)r->guest_address + r->size;
}

/* Level-2 and level-3 tables the regions can need, at most. */
static uint32_t private_area_size(const struct vcpu *vcpu)
{
    uint32_t tables = 2 + 2; /* the code page's own */
    for (uint32_t i = 0; i < vcpu->region_count; i++) {
        tables += vcpu->regions[i].size / L3_SPAN + 2 + vcpu->regions[i].size / L2_SPAN + 2;
    }
    uint32_t bytes = SMALL_TABLES_OFFSET + tables * SMALL_TABLE_BYTES;
    return (bytes + VCPU_PAGE_SIZE - 1) / VCPU_PAGE_SIZE * VCPU_PAGE_SIZE;
}

static bool range_free(const struct vcpu *vcpu, uint64_t start, uint64_t end)
{
    for (uint32_t i = 0; i < vcpu->region_count; i++) {
        const struct vcpu_region *r = &vcpu->regions[i];
        if (start < region_end(r) && r->guest_address < end) {
            return false;
        }
    }
    return true;
}

/* The highest free range: the same map always gives the same place. */
static enum vcpu_error place_private_area(struct vcpu *vcpu, uint32_t size)
{
    for (uint64_t start = SPACE_END - size;; start -= VCPU_PAGE_SIZE) {
        if (range_free(vcpu, start, start + size)) {
            vcpu->private_base = (uint32_t)start;
            vcpu->private_size = size;
            return VCPU_OK;
        }
        if (start < VCPU_PAGE_SIZE) {
            return VCPU_ERR_BAD_REGION;
        }
    }
}

static uint32_t get_word(const struct tables *t, uint32_t offset)
{
    const uint8_t *b = t->bytes + offset;
    return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

static void set_word(struct tables *t, uint32_t offset, uint32_t value)
{
    uint8_t *b = t->bytes + offset;
    b[0] = (uint8_t)(value >> 24);
    b[1] = (uint8_t)(value >> 16);
    b[2] = (uint8_t)(value >> 8);
    b[3] = (uint8_t)value;
}

/* The table an entry points to, made on first use. */
static uint32_t next_level(struct tables *t, uint32_t entry_offset)
{
    uint32_t entry = get_word(t, entry_offset);
    if (entry == 0) {
        uint32_t table = t->next;
        t->next += SMALL_TABLE_BYTES;
        set_word(t, entry_offset, ((t->base + table) >> 4) | PTD);
        return table;
    }
    return ((entry & ~3u) << 4) - t->base;
}

static void map_page(struct tables *t, uint32_t address, uint32_t acc)
{
    uint32_t l2 = next_level(t, L1_OFFSET + 4 * (address >> 24));
    uint32_t l3 = next_level(t, l2 + 4 * ((address >> 18) & 63u));
    set_word(t, l3 + 4 * ((address >> 12) & 63u), ((address >> 4) & 0xffffff00u) | acc << 2 | PTE);
}

/* SPARC cannot express write-only: it is given read-write. */
static uint32_t acc_of(uint32_t perms)
{
    bool write = perms & VCPU_PERM_WRITE, exec = perms & VCPU_PERM_EXEC;
    if (write) {
        return exec ? ACC_ALL : ACC_READ_WRITE;
    }
    if (perms & VCPU_PERM_READ) {
        return exec ? ACC_READ_EXEC : ACC_READ;
    }
    return ACC_EXEC;
}

static void build_tables(const struct vcpu *vcpu, struct tables *t)
{
    set_word(t, TABLES_OFFSET, ((t->base + L1_OFFSET) >> 4) | PTD); /* context 0 */
    for (uint32_t i = 0; i < vcpu->region_count; i++) {
        const struct vcpu_region *r = &vcpu->regions[i];
        if (r->perms == 0) {
            continue; /* mapped in Unicorn, never reachable by the guest */
        }
        for (uint64_t a = r->guest_address; a < region_end(r); a += VCPU_PAGE_SIZE) {
            map_page(t, (uint32_t)a, acc_of(r->perms));
        }
    }
    map_page(t, t->base, ACC_EXEC);
}

static void put_code(struct tables *t, uint32_t offset, uint32_t insn)
{
    set_word(t, offset, insn);
}

static uint32_t sta(uint32_t rd, uint32_t rs1, uint32_t asi)
{
    return (3u << 30) | (rd << 25) | (0x14u << 19) | (rs1 << 14) | (asi << 5);
}

static void write_host_code(struct tables *t)
{
    put_code(t, VCPU_PRIVATE_TRAMPOLINE, vcpu_insn_ta(VCPU_PRIVATE_TA));
    put_code(t, VCPU_PRIVATE_FLAGS, vcpu_insn_branch(VCPU_COND_NE, 0, 2));
    put_code(t, VCPU_PRIVATE_FLAGS + 4, VCPU_INSN_NOP);
    put_code(t, VCPU_PRIVATE_FLAGS_TA, vcpu_insn_ta(VCPU_PRIVATE_TA));
    /* g1 = context table pointer, g2/g3 = register addresses, g4 = enable */
    put_code(t, MMU_STUB, sta(1, 2, ASI_MMU_REGS));
    put_code(t, MMU_STUB + 4, sta(0, 3, ASI_MMU_REGS));
    put_code(t, MMU_STUB + 8, sta(4, 0, ASI_MMU_REGS));
    put_code(t, MMU_STUB_TA, vcpu_insn_ta(VCPU_PRIVATE_TA));
    /* g1 = the page to flush, or FLUSH_ENTIRE */
    put_code(t, FLUSH_STUB, sta(0, 1, ASI_MMU_FLUSH));
    put_code(t, FLUSH_STUB_TA, vcpu_insn_ta(VCPU_PRIVATE_TA));
}

/* Host memory for guest pages without a buffer of their own: their part
 * of the reservation made accessible (zero pages, allocated when touched,
 * as uc_mem_map's would be). */
static enum vcpu_error open_in_reservation(struct vcpu *vcpu, uint64_t start, uint64_t size)
{
    if (mprotect((uint8_t *)vcpu->reservation + start, size, PROT_READ | PROT_WRITE) != 0) {
        return VCPU_ERR_NO_MEMORY;
    }
    return VCPU_OK;
}

static enum vcpu_error fill_private_area(struct vcpu *vcpu)
{
    struct tables t = {calloc(1, vcpu->private_size), vcpu->private_base, vcpu->private_size,
                       SMALL_TABLES_OFFSET};
    if (t.bytes == NULL) {
        return VCPU_ERR_NO_MEMORY;
    }
    write_host_code(&t);
    build_tables(vcpu, &t);
    enum vcpu_error error = open_in_reservation(vcpu, t.base, t.size);
    if (error == VCPU_OK) {
        memcpy((uint8_t *)vcpu->reservation + t.base, t.bytes, t.size);
    }
    free(t.bytes);
    return error;
}

/* Unicorn checks accesses against its own map before the MMU translates,
 * and that check reports a stale PC: so nothing may be unmapped. What is
 * not a region with a buffer of its own is the reservation, in one
 * mapping per span between such regions. */
static enum vcpu_error map_span(struct vcpu *vcpu, uint64_t start, uint64_t end)
{
    if (start >= end) {
        return VCPU_OK;
    }
    uc_err err = uc_mem_map_ptr(vcpu->uc, start, end - start, UC_PROT_ALL,
                                (uint8_t *)vcpu->reservation + start);
    return err == UC_ERR_OK ? VCPU_OK : VCPU_ERR_UNICORN;
}

/* The next region at or after `at` with a host buffer of its own. */
static const struct vcpu_region *next_buffer_region(const struct vcpu *vcpu, uint64_t at)
{
    const struct vcpu_region *next = NULL;
    for (uint32_t i = 0; i < vcpu->region_count; i++) {
        const struct vcpu_region *r = &vcpu->regions[i];
        if (r->host_buffer != NULL && r->guest_address >= at &&
            (next == NULL || r->guest_address < next->guest_address)) {
            next = r;
        }
    }
    return next;
}

/* Guest permissions are the MMU's job: Unicorn sees everything as RWX. */
static enum vcpu_error map_address_space(struct vcpu *vcpu)
{
    uint64_t at = 0;
    const struct vcpu_region *r;
    while ((r = next_buffer_region(vcpu, at)) != NULL) {
        enum vcpu_error error = map_span(vcpu, at, r->guest_address);
        if (error == VCPU_OK && uc_mem_map_ptr(vcpu->uc, r->guest_address, r->size, UC_PROT_ALL,
                                               r->host_buffer) != UC_ERR_OK) {
            error = VCPU_ERR_UNICORN;
        }
        if (error != VCPU_OK) {
            return error;
        }
        at = region_end(r);
    }
    return map_span(vcpu, at, SPACE_END);
}

static enum vcpu_error reserve_space(struct vcpu *vcpu)
{
    vcpu->reservation =
        mmap(NULL, SPACE_END, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (vcpu->reservation == MAP_FAILED) {
        vcpu->reservation = NULL;
        return VCPU_ERR_NO_MEMORY;
    }
    return VCPU_OK;
}

/* Regions without a buffer, the private area and the gaps all live in
 * the reservation: Unicorn gets one mapping per span between regions
 * with buffers (shared areas, the PCT) and one per such region, however
 * many areas the partition has (QEMU's dispatch holds at most 4096
 * sections, and every mapping costs a search over the others). */
enum vcpu_error vcpu_mmu_build(struct vcpu *vcpu)
{
    enum vcpu_error error = place_private_area(vcpu, private_area_size(vcpu));
    if (error == VCPU_OK) {
        error = reserve_space(vcpu);
    }
    for (uint32_t i = 0; i < vcpu->region_count && error == VCPU_OK; i++) {
        const struct vcpu_region *r = &vcpu->regions[i];
        if (r->host_buffer == NULL) {
            error = open_in_reservation(vcpu, r->guest_address, r->size);
        }
    }
    if (error == VCPU_OK) {
        error = fill_private_area(vcpu);
    }
    return error == VCPU_OK ? map_address_space(vcpu) : error;
}

void vcpu_mmu_release(struct vcpu *vcpu)
{
    if (vcpu->reservation != NULL) {
        munmap(vcpu->reservation, SPACE_END);
        vcpu->reservation = NULL;
    }
}

static enum vcpu_error set_globals(struct vcpu *vcpu, const uint32_t *values)
{
    for (int i = 1; i <= 4; i++) {
        if (uc_reg_write(vcpu->uc, UC_SPARC_REG_G0 + i, &values[i - 1]) != UC_ERR_OK) {
            return VCPU_ERR_UNICORN;
        }
    }
    return VCPU_OK;
}

/* Run the enabling stub in supervisor mode with traps enabled (with ET = 0
 * the engine's MMU would grant every access), then go back to the
 * power-on state. */
enum vcpu_error vcpu_mmu_enable(struct vcpu *vcpu)
{
    const uint32_t globals[4] = {(vcpu->private_base + TABLES_OFFSET) >> 4, MMU_REG_CONTEXT_TABLE,
                                 MMU_REG_CONTEXT, MMU_ENABLE};
    enum vcpu_error error = vcpu_save(vcpu);
    if (error != VCPU_OK) {
        return error;
    }
    uint32_t psr = vcpu_state_psr(&vcpu->state);
    vcpu_state_set_psr(&vcpu->state, psr | VCPU_PSR_S | VCPU_PSR_ET);
    error = vcpu_restore(vcpu);
    if (error == VCPU_OK) {
        error = set_globals(vcpu, globals);
    }
    if (error == VCPU_OK) {
        error = vcpu_run_helper(vcpu, MMU_STUB);
    }
    if (error != VCPU_OK || (error = vcpu_save(vcpu)) != VCPU_OK) {
        return error;
    }
    vcpu_state_clear_registers(&vcpu->state);
    vcpu_state_set_psr(&vcpu->state, psr);
    return vcpu_restore(vcpu);
}

/* The partition's own tables (XtratuM's MMU paravirtualisation). */

#define L1_BYTES 0x400u
#define RESERVED_BYTES ((256u - VCPU_L1_RESERVED) * 4u)

static bool engine_word(const struct vcpu *vcpu, uint32_t address, uint32_t *word)
{
    uint8_t b[4];
    if (uc_mem_read(vcpu->uc, address, b, 4) != UC_ERR_OK) {
        return false;
    }
    *word = (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
    return true;
}

/* The table walk the SRMMU does: engine address and ACC of a guest
 * address, or false where it would fault. */
static bool walk(const struct vcpu *vcpu, uint32_t address, uint32_t *engine_address, uint32_t *acc)
{
    static const uint32_t shift[3] = {24, 18, 12}, mask[3] = {0xffu, 0x3fu, 0x3fu};
    uint32_t table = vcpu->map_l1, entry;
    for (int level = 0; level < 3; level++) {
        if (!engine_word(vcpu, table + 4 * ((address >> shift[level]) & mask[level]), &entry)) {
            return false;
        }
        if ((entry & 3u) == PTE) {
            uint32_t offset = address & ((1u << shift[level]) - 1);
            *engine_address = ((entry & 0xffffff00u) << 4) + offset;
            *acc = (entry >> 2) & 7u;
            return true;
        }
        if ((entry & 3u) != PTD) {
            return false;
        }
        table = (entry & ~3u) << 4;
    }
    return false;
}

/* What a user-mode access may do under each ACC value. */
static bool acc_allows(uint32_t acc, uint32_t perms)
{
    static const uint8_t user[8] = {VCPU_PERM_READ,
                                    VCPU_PERM_READ | VCPU_PERM_WRITE,
                                    VCPU_PERM_READ | VCPU_PERM_EXEC,
                                    VCPU_PERM_READ | VCPU_PERM_WRITE | VCPU_PERM_EXEC,
                                    VCPU_PERM_EXEC,
                                    VCPU_PERM_READ,
                                    0,
                                    0};
    return (user[acc] & perms) == perms && (perms != 0 || user[acc] != 0);
}

bool vcpu_map_allows(const struct vcpu *vcpu, uint32_t address, uint32_t length, uint32_t perm,
                     uint32_t *fault)
{
    uint64_t at = address, end = (uint64_t)address + length;
    while (at < end) {
        uint32_t engine_address, acc;
        if (!walk(vcpu, (uint32_t)at, &engine_address, &acc) || !acc_allows(acc, perm)) {
            *fault = (uint32_t)at;
            return false;
        }
        at = (at | (VCPU_PAGE_SIZE - 1)) + 1;
    }
    return true;
}

enum vcpu_error vcpu_guest_rw(struct vcpu *vcpu, uint32_t address, void *buffer, uint32_t length,
                              bool write)
{
    uint8_t *bytes = buffer;
    while (length > 0) {
        uint32_t chunk = VCPU_PAGE_SIZE - address % VCPU_PAGE_SIZE, at = address, acc;
        chunk = chunk < length ? chunk : length;
        if (vcpu->map_l1 != 0 && !walk(vcpu, address, &at, &acc)) {
            return VCPU_ERR_UNMAPPED;
        }
        uc_err err = write ? uc_mem_write(vcpu->uc, at, bytes, chunk)
                           : uc_mem_read(vcpu->uc, at, bytes, chunk);
        if (err != UC_ERR_OK) {
            return VCPU_ERR_UNICORN;
        }
        address += chunk, bytes += chunk, length -= chunk;
    }
    return VCPU_OK;
}

/* Run a stub on the private page in supervisor mode with traps enabled,
 * then put the guest's state back exactly (PSR, globals, PC, NPC). */
static enum vcpu_error run_supervisor_stub(struct vcpu *vcpu, uint32_t offset, uint32_t g1)
{
    enum vcpu_error error = vcpu_save(vcpu);
    if (error != VCPU_OK) {
        return error;
    }
    vcpu_state_copy(&vcpu->saved, &vcpu->state);
    vcpu_state_set(&vcpu->state, VCPU_F_PSR_S, 1);
    vcpu_state_set(&vcpu->state, VCPU_F_PSR_ET, 1);
    error = vcpu_restore(vcpu);
    if (error == VCPU_OK && uc_reg_write(vcpu->uc, UC_SPARC_REG_G1, &g1) != UC_ERR_OK) {
        error = VCPU_ERR_UNICORN;
    }
    if (error == VCPU_OK) {
        error = vcpu_run_helper(vcpu, offset);
    }
    vcpu_state_copy(&vcpu->state, &vcpu->saved);
    enum vcpu_error restored = vcpu_restore(vcpu);
    return error != VCPU_OK ? error : restored;
}

enum vcpu_error vcpu_flush_tlb(struct vcpu *vcpu, uint32_t address)
{
    uint32_t g1 = address == VCPU_FLUSH_ALL ? FLUSH_ENTIRE : address & ~(VCPU_PAGE_SIZE - 1);
    return run_supervisor_stub(vcpu, FLUSH_STUB, g1);
}

static bool in_regions(const struct vcpu *vcpu, uint32_t address, uint32_t length)
{
    for (uint32_t i = 0; i < vcpu->region_count; i++) {
        const struct vcpu_region *r = &vcpu->regions[i];
        if (address >= r->guest_address && (uint64_t)address + length <= region_end(r)) {
            return true;
        }
    }
    return false;
}

/* The vCPU's own level-1 entries for the reserved range (the PCT, the
 * private area) go into the partition's table. */
static enum vcpu_error install_reserved(struct vcpu *vcpu, uint32_t l1)
{
    uint8_t entries[RESERVED_BYTES];
    uint32_t own = vcpu->private_base + L1_OFFSET + 4 * VCPU_L1_RESERVED;
    if (vcpu->private_base < VCPU_L1_RESERVED << 24 || l1 % L1_BYTES != 0 ||
        !in_regions(vcpu, l1, L1_BYTES)) {
        return VCPU_ERR_BAD_REGION;
    }
    if (uc_mem_read(vcpu->uc, own, entries, sizeof entries) != UC_ERR_OK ||
        uc_mem_write(vcpu->uc, l1 + 4 * VCPU_L1_RESERVED, entries, sizeof entries) != UC_ERR_OK) {
        return VCPU_ERR_UNICORN;
    }
    return VCPU_OK;
}

enum vcpu_error vcpu_use_page_tables(struct vcpu *vcpu, uint32_t l1)
{
    uint32_t root = l1 != 0 ? l1 : vcpu->private_base + L1_OFFSET;
    enum vcpu_error error = l1 != 0 ? install_reserved(vcpu, l1) : VCPU_OK;
    if (error != VCPU_OK) {
        return error;
    }
    uint8_t ptd[4];
    uint32_t value = (root >> 4) | PTD;
    ptd[0] = (uint8_t)(value >> 24), ptd[1] = (uint8_t)(value >> 16);
    ptd[2] = (uint8_t)(value >> 8), ptd[3] = (uint8_t)value;
    if (uc_mem_write(vcpu->uc, vcpu->private_base + TABLES_OFFSET, ptd, 4) != UC_ERR_OK) {
        return VCPU_ERR_UNICORN;
    }
    vcpu->map_l1 = l1;
    return vcpu_flush_tlb(vcpu, VCPU_FLUSH_ALL);
}
