/* LEON3 cycle cost of SPARC V8 instructions, per instruction class, and a
 * per-vCPU cache of the cost of each translated block.
 *
 * The figures follow the LEON3 instruction timing table of the GRLIB IP
 * core user's manual (7-stage pipeline, caches hitting), with two
 * simplifications documented in docs/cpu.md: the load-use interlock is
 * folded into a flat load cost, and an annulled delay slot costs nothing
 * extra (the engine does not put it in the block). */
#ifndef CPU_TIMING_H
#define CPU_TIMING_H

#include "cpu/vcpu.h"

#include <stdbool.h>
#include <stdint.h>

#define VCPU_COST_ALU 1u    /* add, logic, shift, sethi, nop, rd/wr */
#define VCPU_COST_BRANCH 1u /* Bicc, FBfcc */
#define VCPU_COST_CALL 1u
#define VCPU_COST_JMPL 3u
#define VCPU_COST_RETT 3u
#define VCPU_COST_SAVE 1u        /* save, restore */
#define VCPU_COST_LOAD 2u        /* 1 + the usual load-use interlock */
#define VCPU_COST_LOAD_DOUBLE 3u /* 2 + the interlock */
#define VCPU_COST_STORE 2u
#define VCPU_COST_STORE_DOUBLE 3u
#define VCPU_COST_ATOMIC 3u    /* ldstub, swap, casa */
#define VCPU_COST_MUL 2u       /* umul/smul, 32x32 multiplier with pipeline */
#define VCPU_COST_DIV 35u      /* udiv/sdiv */
#define VCPU_COST_TRAP 4u      /* ta: trap taken */
#define VCPU_COST_TRAP_COND 1u /* conditional Ticc, assumed not taken */
/* GRFPU (docs/cpu.md): each FPop costs its latency, as if its result were
 * used by the next instruction. */
#define VCPU_COST_FPOP 4u /* add, sub, mul, conversions, compares, moves */
#define VCPU_COST_FDIVS 16u
#define VCPU_COST_FDIVD 17u /* 16.5 in the GRFPU table, rounded up */
#define VCPU_COST_FSQRTS 24u
#define VCPU_COST_FSQRTD 25u /* 24.5, rounded up */
/* A window overflow/underflow handled for the partition: trap entry, the
 * native handler's ~10 instructions, eight double stores/loads, jmp+rett. */
#define VCPU_COST_WINDOW_TRAP 40u

/* Cost of one instruction word. */
uint32_t vcpu_timing_insn_cost(uint32_t insn);

/* Cost of size bytes of big-endian instruction words. */
uint32_t vcpu_timing_bytes_cost(const uint8_t *bytes, uint32_t size);

/* Open-addressing table keyed by (guest address, size) of a block: keys are
 * guest values only, so iteration and growth are deterministic.
 *
 * In front of it, a direct-mapped table of the blocks found or inserted
 * last, read inline by the block hook: that hook runs once per executed
 * block, and the hash probe behind a function call was most of the vCPU's
 * cost over raw Unicorn (docs/benchmarks.md). */
struct vcpu_cost_entry {
    uint32_t address;
    uint32_t size; /* 0: empty slot (in the hash table) */
    uint32_t cost;
};

/* A front slot: the block's address and size in one key, so that a lookup
 * is one compare. */
struct vcpu_cost_slot {
    uint64_t key; /* vcpu_cost_key(address, size) */
    uint32_t cost;
};

static inline uint64_t vcpu_cost_key(uint32_t address, uint32_t size)
{
    return (uint64_t)size << 32 | address;
}

static inline uint32_t vcpu_cost_slot_address(const struct vcpu_cost_slot *slot)
{
    return (uint32_t)slot->key;
}

static inline uint32_t vcpu_cost_slot_size(const struct vcpu_cost_slot *slot)
{
    return (uint32_t)(slot->key >> 32);
}

#define VCPU_COST_FRONT_SLOTS 1024u /* 16 KiB per vCPU */
#define VCPU_COST_FRONT_SHIFT 22u   /* 32 - log2(VCPU_COST_FRONT_SLOTS) */
#define VCPU_COST_FRONT_EMPTY 1u    /* a key no block has: odd address */

struct vcpu_cost_table {
    struct vcpu_cost_entry *entries;
    uint32_t capacity; /* power of two */
    uint32_t count;
};

struct vcpu_cost_cache {
    struct vcpu_cost_table table;
    struct vcpu_cost_slot front[VCPU_COST_FRONT_SLOTS];
};

/* The front slot a block at this address lives in; a hit is a slot whose
 * key is the block's. A multiplicative hash of the whole address, so that
 * blocks at the same offset of different pages do not collide. */
static inline uint32_t vcpu_cost_front_index(uint32_t address)
{
    return (uint32_t)(address * 2654435761u) >> VCPU_COST_FRONT_SHIFT;
}

enum vcpu_error vcpu_cost_cache_init(struct vcpu_cost_cache *cache);
void vcpu_cost_cache_free(struct vcpu_cost_cache *cache);
void vcpu_cost_cache_clear(struct vcpu_cost_cache *cache);
/* Looks in the hash table and puts what it finds in the front. */
bool vcpu_cost_cache_find(struct vcpu_cost_cache *cache, uint32_t address, uint32_t size,
                          uint32_t *cost);
/* Drop the blocks overlapping [start, end). */
enum vcpu_error vcpu_cost_cache_forget(struct vcpu_cost_cache *cache, uint64_t start, uint64_t end);
enum vcpu_error vcpu_cost_cache_insert(struct vcpu_cost_cache *cache, uint32_t address,
                                       uint32_t size, uint32_t cost);

#endif
