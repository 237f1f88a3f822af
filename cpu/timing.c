/* Instruction-class decoding for the cycle model, and the block cost cache. */
#include "cpu/timing.h"

#include "cpu/sparc_insn.h"

#include <stdlib.h>
#include <string.h>

#define CACHE_INITIAL_CAPACITY 1024u

static uint32_t format2_cost(uint32_t insn)
{
    switch (vcpu_insn_op2(insn)) {
    case 2: /* Bicc */
    case 6: /* FBfcc */
    case 7: /* CBccc */
        return VCPU_COST_BRANCH;
    default: /* sethi, nop, unimp */
        return VCPU_COST_ALU;
    }
}

/* FPop1/FPop2 by their opf field (bits 13:5): division and square root
 * run in the GRFPU's iteration unit, everything else in its pipeline. */
static uint32_t fpop_cost(uint32_t insn)
{
    switch ((insn >> 5) & 0x1ffu) {
    case 0x4d: /* fdivs */
        return VCPU_COST_FDIVS;
    case 0x4e: /* fdivd */
        return VCPU_COST_FDIVD;
    case 0x29: /* fsqrts */
        return VCPU_COST_FSQRTS;
    case 0x2a: /* fsqrtd */
        return VCPU_COST_FSQRTD;
    default:
        return VCPU_COST_FPOP;
    }
}

static uint32_t format3_cost(uint32_t insn)
{
    switch (vcpu_insn_op3(insn)) {
    case 0x0a: /* umul */
    case 0x0b: /* smul */
    case 0x1a: /* umulcc */
    case 0x1b: /* smulcc */
        return VCPU_COST_MUL;
    case 0x0e: /* udiv */
    case 0x0f: /* sdiv */
    case 0x1e: /* udivcc */
    case 0x1f: /* sdivcc */
        return VCPU_COST_DIV;
    case 0x34: /* FPop1 */
    case 0x35: /* FPop2 */
        return fpop_cost(insn);
    case 0x38:
        return VCPU_COST_JMPL;
    case 0x39:
        return VCPU_COST_RETT;
    case 0x3a: /* Ticc: cond field "always" is ta */
        return ((insn >> 25) & 0xfu) == VCPU_COND_ALWAYS ? VCPU_COST_TRAP : VCPU_COST_TRAP_COND;
    case 0x3c:
    case 0x3d:
        return VCPU_COST_SAVE;
    default:
        return VCPU_COST_ALU;
    }
}

/* Loads and stores (op = 3): the low four op3 bits give the kind in every
 * ASI / FP / coprocessor variant. */
static uint32_t memory_cost(uint32_t insn)
{
    uint32_t op3 = vcpu_insn_op3(insn);
    if (op3 == 0x3c || op3 == 0x3e) { /* casa, casxa */
        return VCPU_COST_ATOMIC;
    }
    switch (op3 & 0xfu) {
    case 0x3:
        return VCPU_COST_LOAD_DOUBLE;
    case 0x4:
    case 0x5:
    case 0x6:
        return VCPU_COST_STORE;
    case 0x7:
        return VCPU_COST_STORE_DOUBLE;
    case 0xd: /* ldstub */
    case 0xf: /* swap */
        return VCPU_COST_ATOMIC;
    default:
        return VCPU_COST_LOAD;
    }
}

uint32_t vcpu_timing_insn_cost(uint32_t insn)
{
    switch (vcpu_insn_op(insn)) {
    case 0:
        return format2_cost(insn);
    case 1:
        return VCPU_COST_CALL;
    case 2:
        return format3_cost(insn);
    default:
        return memory_cost(insn);
    }
}

uint32_t vcpu_timing_bytes_cost(const uint8_t *bytes, uint32_t size)
{
    uint32_t cost = 0;
    for (uint32_t i = 0; i + 4 <= size; i += 4) {
        uint32_t insn = (uint32_t)bytes[i] << 24 | (uint32_t)bytes[i + 1] << 16 |
                        (uint32_t)bytes[i + 2] << 8 | bytes[i + 3];
        cost += vcpu_timing_insn_cost(insn);
    }
    return cost;
}

static uint32_t slot_of(const struct vcpu_cost_table *table, uint32_t address, uint32_t size)
{
    uint32_t hash = (address >> 2) * 2654435761u ^ size * 40503u;
    return hash & (table->capacity - 1);
}

static void front_clear(struct vcpu_cost_cache *cache)
{
    for (uint32_t i = 0; i < VCPU_COST_FRONT_SLOTS; i++) {
        cache->front[i] = (struct vcpu_cost_slot){VCPU_COST_FRONT_EMPTY, 0};
    }
}

static void front_put(struct vcpu_cost_cache *cache, struct vcpu_cost_entry entry)
{
    cache->front[vcpu_cost_front_index(entry.address)] =
        (struct vcpu_cost_slot){vcpu_cost_key(entry.address, entry.size), entry.cost};
}

enum vcpu_error vcpu_cost_cache_init(struct vcpu_cost_cache *cache)
{
    struct vcpu_cost_table *table = &cache->table;
    table->entries = calloc(CACHE_INITIAL_CAPACITY, sizeof *table->entries);
    table->capacity = CACHE_INITIAL_CAPACITY;
    table->count = 0;
    front_clear(cache);
    return table->entries != NULL ? VCPU_OK : VCPU_ERR_NO_MEMORY;
}

void vcpu_cost_cache_free(struct vcpu_cost_cache *cache)
{
    free(cache->table.entries);
    cache->table = (struct vcpu_cost_table){NULL, 0, 0};
}

void vcpu_cost_cache_clear(struct vcpu_cost_cache *cache)
{
    struct vcpu_cost_table *table = &cache->table;
    memset(table->entries, 0, table->capacity * sizeof *table->entries);
    table->count = 0;
    front_clear(cache);
}

bool vcpu_cost_cache_find(struct vcpu_cost_cache *cache, uint32_t address, uint32_t size,
                          uint32_t *cost)
{
    const struct vcpu_cost_table *table = &cache->table;
    uint32_t mask = table->capacity - 1;
    for (uint32_t i = slot_of(table, address, size);; i = (i + 1) & mask) {
        const struct vcpu_cost_entry *e = &table->entries[i];
        if (e->size == 0) {
            return false;
        }
        if (e->address == address && e->size == size) {
            *cost = e->cost;
            front_put(cache, *e);
            return true;
        }
    }
}

static void place(struct vcpu_cost_table *table, struct vcpu_cost_entry entry)
{
    uint32_t mask = table->capacity - 1, i = slot_of(table, entry.address, entry.size);
    while (table->entries[i].size != 0) {
        i = (i + 1) & mask;
    }
    table->entries[i] = entry;
    table->count++;
}

static bool block_overlaps(uint32_t address, uint32_t size, uint64_t start, uint64_t end)
{
    return size != 0 && address < end && start < (uint64_t)address + size;
}

static bool entry_overlaps(const struct vcpu_cost_entry *e, uint64_t start, uint64_t end)
{
    return block_overlaps(e->address, e->size, start, end);
}

/* A copy of the table with `capacity` slots, without the entries that
 * overlap [start, end). Rehashed in slot order of the old table: the result
 * depends only on the keys inserted, never on host addresses. */
static enum vcpu_error rebuild(struct vcpu_cost_table *table, uint32_t capacity, uint64_t start,
                               uint64_t end)
{
    struct vcpu_cost_table fresh = {calloc(capacity, sizeof *table->entries), capacity, 0};
    if (fresh.entries == NULL) {
        return VCPU_ERR_NO_MEMORY;
    }
    for (uint32_t i = 0; i < table->capacity; i++) {
        if (table->entries[i].size != 0 && !entry_overlaps(&table->entries[i], start, end)) {
            place(&fresh, table->entries[i]);
        }
    }
    free(table->entries);
    *table = fresh;
    return VCPU_OK;
}

/* Rebuild without the overlapping entries (open addressing has no cheap
 * delete); the table is only touched when code memory is rewritten. */
enum vcpu_error vcpu_cost_cache_forget(struct vcpu_cost_cache *cache, uint64_t start, uint64_t end)
{
    for (uint32_t i = 0; i < VCPU_COST_FRONT_SLOTS; i++) {
        const struct vcpu_cost_slot *slot = &cache->front[i];
        if (block_overlaps(vcpu_cost_slot_address(slot), vcpu_cost_slot_size(slot), start, end)) {
            cache->front[i] = (struct vcpu_cost_slot){VCPU_COST_FRONT_EMPTY, 0};
        }
    }
    struct vcpu_cost_table *table = &cache->table;
    uint32_t hits = 0;
    for (uint32_t i = 0; i < table->capacity; i++) {
        hits += entry_overlaps(&table->entries[i], start, end);
    }
    return hits == 0 ? VCPU_OK : rebuild(table, table->capacity, start, end);
}

enum vcpu_error vcpu_cost_cache_insert(struct vcpu_cost_cache *cache, uint32_t address,
                                       uint32_t size, uint32_t cost)
{
    struct vcpu_cost_table *table = &cache->table;
    if (size == 0) {
        return VCPU_OK; /* never cached: 0 marks empty slots */
    }
    if ((table->count + 1) * 2 > table->capacity) {
        enum vcpu_error error = rebuild(table, table->capacity * 2, 0, 0);
        if (error != VCPU_OK) {
            return error;
        }
    }
    place(table, (struct vcpu_cost_entry){address, size, cost});
    front_put(cache, (struct vcpu_cost_entry){address, size, cost});
    return VCPU_OK;
}
