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
        return VCPU_COST_FPOP;
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

static uint32_t slot_of(const struct vcpu_cost_cache *cache, uint32_t address, uint32_t size)
{
    uint32_t hash = (address >> 2) * 2654435761u ^ size * 40503u;
    return hash & (cache->capacity - 1);
}

enum vcpu_error vcpu_cost_cache_init(struct vcpu_cost_cache *cache)
{
    cache->entries = calloc(CACHE_INITIAL_CAPACITY, sizeof *cache->entries);
    cache->capacity = CACHE_INITIAL_CAPACITY;
    cache->count = 0;
    return cache->entries != NULL ? VCPU_OK : VCPU_ERR_NO_MEMORY;
}

void vcpu_cost_cache_free(struct vcpu_cost_cache *cache)
{
    free(cache->entries);
    cache->entries = NULL;
    cache->capacity = 0;
    cache->count = 0;
}

void vcpu_cost_cache_clear(struct vcpu_cost_cache *cache)
{
    memset(cache->entries, 0, cache->capacity * sizeof *cache->entries);
    cache->count = 0;
}

bool vcpu_cost_cache_find(const struct vcpu_cost_cache *cache, uint32_t address, uint32_t size,
                          uint32_t *cost)
{
    uint32_t mask = cache->capacity - 1;
    for (uint32_t i = slot_of(cache, address, size);; i = (i + 1) & mask) {
        const struct vcpu_cost_entry *e = &cache->entries[i];
        if (e->size == 0) {
            return false;
        }
        if (e->address == address && e->size == size) {
            *cost = e->cost;
            return true;
        }
    }
}

static void place(struct vcpu_cost_cache *cache, struct vcpu_cost_entry entry)
{
    uint32_t mask = cache->capacity - 1, i = slot_of(cache, entry.address, entry.size);
    while (cache->entries[i].size != 0) {
        i = (i + 1) & mask;
    }
    cache->entries[i] = entry;
    cache->count++;
}

static bool entry_overlaps(const struct vcpu_cost_entry *e, uint64_t start, uint64_t end)
{
    return e->size != 0 && e->address < end && start < (uint64_t)e->address + e->size;
}

/* Rebuild without the overlapping entries (open addressing has no cheap
 * delete); the table is only touched when code memory is rewritten. */
enum vcpu_error vcpu_cost_cache_forget(struct vcpu_cost_cache *cache, uint64_t start, uint64_t end)
{
    uint32_t hits = 0;
    for (uint32_t i = 0; i < cache->capacity; i++) {
        hits += entry_overlaps(&cache->entries[i], start, end);
    }
    if (hits == 0) {
        return VCPU_OK;
    }
    struct vcpu_cost_cache kept = {calloc(cache->capacity, sizeof *cache->entries), cache->capacity,
                                   0};
    if (kept.entries == NULL) {
        return VCPU_ERR_NO_MEMORY;
    }
    for (uint32_t i = 0; i < cache->capacity; i++) {
        if (cache->entries[i].size != 0 && !entry_overlaps(&cache->entries[i], start, end)) {
            place(&kept, cache->entries[i]);
        }
    }
    free(cache->entries);
    *cache = kept;
    return VCPU_OK;
}

/* Rehash in slot order of the old table: the result depends only on the
 * keys inserted, never on host addresses. */
static enum vcpu_error grow(struct vcpu_cost_cache *cache)
{
    struct vcpu_cost_cache bigger = {calloc(cache->capacity * 2, sizeof *cache->entries),
                                     cache->capacity * 2, 0};
    if (bigger.entries == NULL) {
        return VCPU_ERR_NO_MEMORY;
    }
    for (uint32_t i = 0; i < cache->capacity; i++) {
        if (cache->entries[i].size != 0) {
            place(&bigger, cache->entries[i]);
        }
    }
    free(cache->entries);
    *cache = bigger;
    return VCPU_OK;
}

enum vcpu_error vcpu_cost_cache_insert(struct vcpu_cost_cache *cache, uint32_t address,
                                       uint32_t size, uint32_t cost)
{
    if (size == 0) {
        return VCPU_OK; /* never cached: 0 marks empty slots */
    }
    if ((cache->count + 1) * 2 > cache->capacity) {
        enum vcpu_error error = grow(cache);
        if (error != VCPU_OK) {
            return error;
        }
    }
    place(cache, (struct vcpu_cost_entry){address, size, cost});
    return VCPU_OK;
}
