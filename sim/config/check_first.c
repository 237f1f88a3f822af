/* sim/config: first conflicts by sorting (check_first.h). Ranges use two
 * bottom-up segment trees over the items sorted by (start, end): an item
 * i meets an earlier j either when j starts inside i (a contiguous run of
 * that order: a range minimum of the indexes inserted so far) or when j
 * starts before i and ends after i's start (j marks the run of starts it
 * covers; i reads the minimum on the path above its own leaf). */
#include <stdlib.h>
#include <string.h>

#include "sim/config/check_first.h"

static uint32_t sim_min(uint32_t a, uint32_t b)
{
    return a < b ? a : b;
}

static int sim_compare_keys(const void *a, const void *b)
{
    const struct sim_key *x = a, *y = b;
    if (x->number != y->number)
        return x->number < y->number ? -1 : 1;
    int text =
        x->text && y->text ? strcmp(x->text, y->text) : (x->text != NULL) - (y->text != NULL);
    if (text != 0)
        return text;
    return x->item < y->item ? -1 : x->item > y->item;
}

static bool sim_same_key(const struct sim_key *x, const struct sim_key *y)
{
    return x->number == y->number &&
           (x->text && y->text ? strcmp(x->text, y->text) == 0 : x->text == y->text);
}

bool sim_keys_init(struct sim_keys *k, uint32_t items)
{
    k->keys = malloc(((size_t)items + 1) * sizeof *k->keys);
    k->count = 0;
    k->items = items;
    return k->keys != NULL;
}

void sim_keys_add(struct sim_keys *k, uint32_t item, uint64_t number, const char *text)
{
    k->keys[k->count++] = (struct sim_key){number, text, item};
}

uint32_t *sim_keys_first(struct sim_keys *k)
{
    uint32_t *first = malloc(((size_t)k->items + 1) * sizeof *first);
    for (uint32_t i = 0; first != NULL && i < k->items; i++)
        first[i] = SIM_NONE;
    if (first != NULL && k->count > 1)
        qsort(k->keys, k->count, sizeof *k->keys, sim_compare_keys);
    for (uint32_t i = 1, head = 0; first != NULL && i < k->count; i++) {
        if (!sim_same_key(&k->keys[i], &k->keys[head]))
            head = i;
        else
            first[k->keys[i].item] = k->keys[head].item;
    }
    free(k->keys);
    k->keys = NULL;
    return first;
}

uint32_t *sim_first_same(struct sim_loader *ld, const struct sim_vec *v, size_t size,
                         sim_key_of key_of)
{
    struct sim_keys keys;
    uint32_t *first = NULL;
    if (sim_keys_init(&keys, v->count)) {
        for (uint32_t i = 0; i < v->count; i++) {
            uint64_t number = 0;
            const char *text = NULL;
            if (key_of((const char *)v->items + (size_t)i * size, &number, &text))
                sim_keys_add(&keys, i, number, text);
        }
        first = sim_keys_first(&keys);
    }
    if (first == NULL)
        sim_report_out_of_memory(ld);
    return first;
}

/* --- ranges ------------------------------------------------------------- */

struct sim_sorted {
    uint64_t start;
    uint64_t end;
    uint32_t item;
};

struct sim_overlap {
    struct sim_sorted *order; /* the items not skipped, by (start, end, item) */
    uint32_t size;
    uint32_t *position; /* of each item in order */
    uint32_t *starts;   /* tree: least item inserted in a run of positions */
    uint32_t *covers;   /* tree: least item whose range covers a position's start */
};

static int sim_compare_sorted(const void *a, const void *b)
{
    const struct sim_sorted *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end < y->end ? -1 : 1;
    return x->item < y->item ? -1 : x->item > y->item;
}

/* The first position whose (start, end) is not below (start, end). */
static uint32_t sim_lower_bound(const struct sim_overlap *o, uint64_t start, uint64_t end)
{
    uint32_t lo = 0, hi = o->size;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        const struct sim_sorted *s = &o->order[mid];
        if (s->start < start || (s->start == start && s->end < end))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static uint32_t sim_range_min(const struct sim_overlap *o, uint32_t lo, uint32_t hi)
{
    uint32_t best = SIM_NONE;
    for (lo += o->size, hi += o->size; lo < hi; lo /= 2, hi /= 2) {
        if (lo & 1)
            best = sim_min(best, o->starts[lo++]);
        if (hi & 1)
            best = sim_min(best, o->starts[--hi]);
    }
    return best;
}

static void sim_cover(struct sim_overlap *o, uint32_t lo, uint32_t hi, uint32_t item)
{
    for (lo += o->size, hi += o->size; lo < hi; lo /= 2, hi /= 2) {
        if (lo & 1) {
            o->covers[lo] = sim_min(o->covers[lo], item);
            lo++;
        }
        if (hi & 1) {
            hi--;
            o->covers[hi] = sim_min(o->covers[hi], item);
        }
    }
}

static uint32_t sim_covering(const struct sim_overlap *o, uint32_t position)
{
    uint32_t best = SIM_NONE;
    for (uint32_t p = position + o->size; p > 0; p /= 2)
        best = sim_min(best, o->covers[p]);
    return best;
}

static void sim_insert(struct sim_overlap *o, const struct sim_interval *r, uint32_t item)
{
    uint32_t p = o->position[item] + o->size;
    for (o->starts[p] = item; p > 1; p /= 2)
        o->starts[p / 2] = sim_min(o->starts[p], o->starts[p ^ 1u]);
    /* the starts strictly inside (r->start, r->end) */
    sim_cover(o, sim_lower_bound(o, r->start + 1, 0), sim_lower_bound(o, r->end, 0), item);
}

static uint32_t sim_query(const struct sim_overlap *o, const struct sim_interval *r, uint32_t item,
                          bool share_identical)
{
    /* earlier items starting in [start, end), but an empty one at start */
    uint32_t lo = sim_lower_bound(o, r->start, r->start + 1);
    uint32_t hi = sim_lower_bound(o, r->end, 0);
    uint32_t best = sim_covering(o, o->position[item]);
    if (lo >= hi)
        return best;
    if (!share_identical)
        return sim_min(best, sim_range_min(o, lo, hi));
    uint32_t same_lo = sim_lower_bound(o, r->start, r->end);
    uint32_t same_hi = sim_lower_bound(o, r->start, r->end + 1);
    return sim_min(best, sim_min(sim_range_min(o, lo, same_lo), sim_range_min(o, same_hi, hi)));
}

static bool sim_overlap_init(struct sim_overlap *o, const struct sim_interval *items,
                             uint32_t count)
{
    o->order = malloc(((size_t)count + 1) * sizeof *o->order);
    o->position = malloc(((size_t)count + 1) * sizeof *o->position);
    o->starts = malloc(((size_t)count + 1) * 2 * sizeof *o->starts);
    o->covers = malloc(((size_t)count + 1) * 2 * sizeof *o->covers);
    if (!o->order || !o->position || !o->starts || !o->covers)
        return false;
    o->size = 0;
    for (uint32_t i = 0; i < count; i++) {
        if (!items[i].skip)
            o->order[o->size++] = (struct sim_sorted){items[i].start, items[i].end, i};
    }
    if (o->size > 1)
        qsort(o->order, o->size, sizeof *o->order, sim_compare_sorted);
    for (uint32_t p = 0; p < o->size; p++)
        o->position[o->order[p].item] = p;
    memset(o->starts, 0xff, ((size_t)o->size * 2 + 2) * sizeof *o->starts); /* SIM_NONE */
    memset(o->covers, 0xff, ((size_t)o->size * 2 + 2) * sizeof *o->covers);
    return true;
}

static void sim_overlap_free(struct sim_overlap *o)
{
    free(o->order);
    free(o->position);
    free(o->starts);
    free(o->covers);
}

uint32_t *sim_first_overlap(const struct sim_interval *items, uint32_t count, bool share_identical)
{
    struct sim_overlap o;
    uint32_t *first = malloc(((size_t)count + 1) * sizeof *first);
    bool ok = sim_overlap_init(&o, items, count) && first != NULL;
    for (uint32_t i = 0, next; i < count && ok; i = next) {
        for (next = i; next < count && items[next].batch == items[i].batch; next++)
            first[next] =
                items[next].skip ? SIM_NONE : sim_query(&o, &items[next], next, share_identical);
        for (uint32_t j = i; j < next; j++) {
            if (!items[j].skip)
                sim_insert(&o, &items[j], j);
        }
    }
    sim_overlap_free(&o);
    if (!ok) {
        free(first);
        return NULL;
    }
    return first;
}
