/* sim/config: for every item of a list, the first earlier item it
 * conflicts with (an equal key, an overlapping range), in O(n log n): the
 * checks name that one, so their messages do not depend on how the search
 * is done, and a file of 100,000 slots or areas is checked in a moment
 * rather than compared pair by pair. */
#ifndef SIM_CONFIG_CHECK_FIRST_H
#define SIM_CONFIG_CHECK_FIRST_H

#include "sim/config/loader.h"

#define SIM_NONE UINT32_MAX

/* The key of item `item`: a number, then a text (NULL: none). */
struct sim_key {
    uint64_t number;
    const char *text;
    uint32_t item;
};

/* Keys of some of `items` items, collected before the search. */
struct sim_keys {
    struct sim_key *keys;
    uint32_t count;
    uint32_t items;
};

/* False when out of memory. */
bool sim_keys_init(struct sim_keys *k, uint32_t items);
void sim_keys_add(struct sim_keys *k, uint32_t item, uint64_t number, const char *text);
/* first[i] for i < items: the least item whose key equals i's, when that
 * is not i itself; SIM_NONE otherwise and for items without a key. Frees
 * the keys; the result is malloc'd, NULL when out of memory. */
uint32_t *sim_keys_first(struct sim_keys *k);

/* The key of a staging record; false when it has none (left out). */
typedef bool (*sim_key_of)(const void *record, uint64_t *number, const char **text);

/* sim_keys_first over the records of v (each `size` bytes) by key_of;
 * NULL (reported) when out of memory. */
uint32_t *sim_first_same(struct sim_loader *ld, const struct sim_vec *v, size_t size,
                         sim_key_of key_of);

/* The half-open range [start, end) of an item. Items are met in index
 * order, a batch at a time (batch numbers never decrease), and an item
 * sees only the items of earlier batches. */
struct sim_interval {
    uint64_t start;
    uint64_t end;
    uint32_t batch;
    bool skip; /* neither looks nor is seen */
};

/* first[i]: the least item of an earlier batch whose range overlaps i's,
 * or SIM_NONE; with share_identical, a range equal to i's does not count.
 * malloc'd; NULL when out of memory. */
uint32_t *sim_first_overlap(const struct sim_interval *items, uint32_t count, bool share_identical);

#endif
