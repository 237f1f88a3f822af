/* sim/config: pass 4 of XM_CF loading, the semantic checks of ids, plans and
 * slots, names, consoles and memory (xmcparser's checks, plus the ones the
 * simulator needs). The HM, hardware-resource and channel checks are in
 * their own files; sim_check_semantics runs them all. */
#include <stdlib.h>
#include <string.h>

#include "sim/config/check.h"
#include "sim/config/check_first.h"
#include <xm/xmconf.h>

#define SIM_PAGE_SIZE 4096u
#define SIM_ADDRESS_SPACE 0x100000000ull /* 4 GiB: the end of every 32-bit range */

/* --- ids ---------------------------------------------------------------- */

static bool sim_id_key(const void *record, uint64_t *number, const char **text)
{
    const struct sim_src *s = record;
    (void)text;
    *number = s->id;
    return !s->broken;
}

/* XtratuM's rule: ids are unique and consecutive from 0, so they can be
 * indexes. With n unique ids all below n, they are exactly 0..n-1. `what`
 * and `where` frame the message: "slot" ... " of plan 0". True when the ids
 * are usable as indexes. */
static bool sim_check_ids(struct sim_loader *ld, const struct sim_vec *v, size_t size,
                          const char *what, const char *where)
{
    if (sim_any_broken(v, size))
        return false;
    uint32_t *first = sim_first_same(ld, v, size, sim_id_key);
    bool ok = first != NULL;
    for (uint32_t i = 0; first != NULL && i < v->count; i++) {
        const struct sim_src *s = sim_vec_src(v, size, i);
        if (first[i] != SIM_NONE) {
            sim_report(ld, s->line, "duplicate %s id %u%s (first at line %ld)", what,
                       (unsigned)s->id, where, sim_vec_src(v, size, first[i])->line);
            ok = false;
        } else if (s->id >= v->count) {
            sim_report(ld, s->line,
                       "%s id %u%s is out of sequence: ids must run 0..%u without gaps", what,
                       (unsigned)s->id, where, (unsigned)(v->count - 1));
            ok = false;
        }
    }
    free(first);
    return ok;
}

/* --- semantic checks: plans and slots ----------------------------------- */

static int sim_compare_slots(const void *a, const void *b)
{
    const struct sim_slot_src *x = a, *y = b;
    if (x->slot.start_us != y->slot.start_us)
        return x->slot.start_us < y->slot.start_us ? -1 : 1;
    return x->src.line < y->src.line ? -1 : x->src.line > y->src.line; /* deterministic */
}

static void sim_check_slot(struct sim_loader *ld, const struct sim_plan_src *p,
                           const struct sim_slot_src *s, bool partitions_known)
{
    uint32_t plan = p->src.id, id = s->src.id;
    uint64_t end = (uint64_t)s->slot.start_us + s->slot.duration_us;
    char t1[32], t2[32];
    if (s->slot.duration_us == 0)
        sim_report(ld, s->src.line, "slot %u of plan %u has a zero duration", (unsigned)id,
                   (unsigned)plan);
    if (end > p->plan.major_frame_us && p->plan.major_frame_us != 0)
        sim_report(ld, s->src.line, "slot %u of plan %u ends at %s, past the major frame (%s)",
                   (unsigned)id, (unsigned)plan, sim_time_text(end, t1, sizeof(t1)),
                   sim_time_text(p->plan.major_frame_us, t2, sizeof(t2)));
    if (partitions_known && sim_find_partition(ld, s->slot.partition_id) == NULL)
        sim_report(ld, s->src.line, "slot %u of plan %u names partition %u, which does not exist",
                   (unsigned)id, (unsigned)plan, (unsigned)s->slot.partition_id);
    /* XM-Q gives a partition CONFIG_NO_VCPUS (2) vCPUs; the second is
     * halted until XM_reset_vcpu starts it, which hvsim refuses: its slots
     * are idle time. */
    if (s->slot.vcpu_id >= CONFIG_NO_VCPUS)
        sim_report(ld, s->src.line,
                   "slot %u of plan %u names vCPU %u, but partitions have vCPUs 0..%u",
                   (unsigned)id, (unsigned)plan, (unsigned)s->slot.vcpu_id, CONFIG_NO_VCPUS - 1);
    else if (s->slot.vcpu_id != 0)
        sim_warn(ld, s->src.line,
                 "slot %u of plan %u is for vCPU %u, which hvsim does not run (XtratuM's "
                 "second vCPU stays halted until XM_reset_vcpu starts it; hvsim refuses that): "
                 "the slot is idle time",
                 (unsigned)id, (unsigned)plan, (unsigned)s->slot.vcpu_id);
}

/* Slots are sorted by start, so only neighbours can overlap. */
static void sim_check_overlap(struct sim_loader *ld, const struct sim_plan_src *p,
                              const struct sim_slot_src *prev, const struct sim_slot_src *s)
{
    uint64_t prev_end = (uint64_t)prev->slot.start_us + prev->slot.duration_us;
    char t1[32], t2[32];
    if (s->slot.start_us < prev_end)
        sim_report(ld, s->src.line,
                   "slot %u of plan %u starts at %s, before slot %u (line %ld) ends at %s",
                   (unsigned)s->src.id, (unsigned)p->src.id,
                   sim_time_text(s->slot.start_us, t1, sizeof(t1)), (unsigned)prev->src.id,
                   prev->src.line, sim_time_text(prev_end, t2, sizeof(t2)));
}

/* Slot ids are labels (the PCT's schedInfo.id): hv_plan.slots is sorted
 * by start and indexed by position. XM-Q's xmcparser accepts any ids,
 * repeated ones included; a repeated id is worth a warning, as a partition
 * telling its slots apart by schedInfo.id cannot. */
static void sim_warn_slot_ids(struct sim_loader *ld, const struct sim_plan_src *p)
{
    const struct sim_slot_src *slots = p->slots.items;
    uint32_t *first = sim_first_same(ld, &p->slots, sizeof *slots, sim_id_key);
    for (uint32_t i = 0; first != NULL && i < p->slots.count; i++) {
        if (first[i] != SIM_NONE)
            sim_warn(ld, slots[i].src.line,
                     "slot id %u of plan %u repeats the one at line %ld (XtratuM allows it; "
                     "a partition sees the id in its PCT's schedInfo.id)",
                     (unsigned)slots[i].src.id, (unsigned)p->src.id, slots[first[i]].src.line);
    }
    free(first);
}

static void sim_check_plan(struct sim_loader *ld, struct sim_plan_src *p, bool partitions_known)
{
    if (p->plan.major_frame_us == 0)
        sim_report(ld, p->src.line, "plan %u has a zero major frame", (unsigned)p->src.id);
    sim_warn_slot_ids(ld, p);
    if (p->slots.count > 1)
        qsort(p->slots.items, p->slots.count, sizeof(struct sim_slot_src), sim_compare_slots);
    const struct sim_slot_src *slots = p->slots.items, *prev = NULL;
    for (uint32_t i = 0; i < p->slots.count; i++) {
        if (slots[i].src.broken)
            continue;
        sim_check_slot(ld, p, &slots[i], partitions_known);
        if (prev != NULL)
            sim_check_overlap(ld, p, prev, &slots[i]);
        prev = &slots[i];
    }
}

static void sim_check_plans(struct sim_loader *ld)
{
    bool partitions_known = sim_partitions_known(ld);
    bool ids_ok = sim_check_ids(ld, &ld->plans, sizeof(struct sim_plan_src), "plan", "");
    if (ids_ok && ld->plans.count == 0 && ld->plan_table_line > 0)
        sim_report(ld, ld->plan_table_line, "there is no plan 0");
    struct sim_plan_src *plans = ld->plans.items;
    for (uint32_t i = 0; i < ld->plans.count; i++) {
        if (!plans[i].src.broken)
            sim_check_plan(ld, &plans[i], partitions_known);
    }
}

/* --- semantic checks: partitions, devices, consoles --------------------- */

static bool sim_part_name_key(const void *record, uint64_t *number, const char **text)
{
    const struct sim_part_src *p = record;
    *number = 0;
    *text = p->part.name;
    return p->part.name[0] != '\0';
}

static bool sim_device_name_key(const void *record, uint64_t *number, const char **text)
{
    const struct sim_device_src *d = record;
    *number = 0;
    *text = d->device.name;
    return d->device.name[0] != '\0';
}

static void sim_check_names(struct sim_loader *ld, const struct sim_vec *v, size_t size,
                            sim_key_of key_of, const char *what)
{
    uint32_t *first = sim_first_same(ld, v, size, key_of);
    for (uint32_t i = 0; first != NULL && i < v->count; i++) {
        const struct sim_src *s = sim_vec_src(v, size, i);
        uint64_t number;
        const char *name = NULL;
        if (first[i] != SIM_NONE && key_of(s, &number, &name))
            sim_report(ld, s->line, "duplicate %s name '%s' (first at line %ld)", what, name,
                       sim_vec_src(v, size, first[i])->line);
    }
    free(first);
}

/* Device index by name, or HV_CONSOLE_NONE (reported) when none matches. */
static int32_t sim_resolve_console(struct sim_loader *ld, const struct sim_console_ref *ref,
                                   const char *who)
{
    const struct sim_device_src *devices = ld->devices.items;
    if (!ref->given)
        return HV_CONSOLE_NONE;
    for (uint32_t i = 0; i < ld->devices.count; i++) {
        if (strcmp(devices[i].device.name, ref->name) == 0)
            return (int32_t)i;
    }
    sim_report(ld, ref->line, "%s console '%s' names no device", who, ref->name);
    return HV_CONSOLE_NONE;
}

static void sim_check_partitions(struct sim_loader *ld)
{
    struct sim_part_src *parts = ld->partitions.items;
    char label[64];
    sim_check_ids(ld, &ld->partitions, sizeof(struct sim_part_src), "partition", "");
    sim_check_names(ld, &ld->partitions, sizeof(struct sim_part_src), sim_part_name_key,
                    "partition");
    sim_check_names(ld, &ld->devices, sizeof(struct sim_device_src), sim_device_name_key, "device");
    for (uint32_t i = 0; i < ld->partitions.count; i++) {
        if (!parts[i].src.broken)
            parts[i].part.console = sim_resolve_console(
                ld, &parts[i].console, sim_part_label(&parts[i], label, sizeof(label)));
    }
}

/* --- semantic checks: memory ------------------------------------------- */

/* A half-open 64-bit range, so that an area ending at 4 GiB is expressible. */
struct sim_range {
    uint64_t start;
    uint64_t end;
};

static struct sim_range sim_range(uint32_t start, uint32_t size)
{
    struct sim_range r = {start, (uint64_t)start + size};
    return r;
}

static bool sim_overlaps(struct sim_range a, struct sim_range b)
{
    return a.start < b.end && b.start < a.end;
}

static const char *sim_range_text(struct sim_range r, char *buf, size_t size)
{
    snprintf(buf, size, "0x%08llx-0x%08llx", (unsigned long long)r.start,
             (unsigned long long)r.end);
    return buf;
}

static void sim_check_regions(struct sim_loader *ld)
{
    const struct sim_region_src *regions = ld->regions.items;
    struct sim_interval *ranges = calloc(ld->regions.count + 1u, sizeof *ranges);
    uint32_t *first = NULL;
    char t1[48];
    for (uint32_t i = 0; ranges != NULL && i < ld->regions.count; i++) {
        struct sim_range r = sim_range(regions[i].region.start, regions[i].region.size);
        ranges[i] = (struct sim_interval){r.start, r.end, i, regions[i].src.broken};
    }
    if (ranges == NULL || (first = sim_first_overlap(ranges, ld->regions.count, false)) == NULL)
        sim_report_out_of_memory(ld);
    for (uint32_t i = 0; first != NULL && i < ld->regions.count; i++) {
        if (regions[i].src.broken)
            continue;
        struct sim_range r = sim_range(regions[i].region.start, regions[i].region.size);
        if (regions[i].region.size == 0)
            sim_report(ld, regions[i].src.line, "region at 0x%08x has a zero size",
                       (unsigned)regions[i].region.start);
        else if (r.end > SIM_ADDRESS_SPACE)
            sim_report(ld, regions[i].src.line, "region %s extends past 4 GiB",
                       sim_range_text(r, t1, sizeof(t1)));
        if (first[i] != SIM_NONE)
            sim_report(ld, regions[i].src.line, "region %s overlaps the region at line %ld",
                       sim_range_text(r, t1, sizeof(t1)), regions[first[i]].src.line);
    }
    free(ranges);
    free(first);
}

/* The regions by start, each with the furthest end of the regions up to
 * it: an area lies in some region when the last region starting at or
 * before it reaches that far (one binary search). */
struct sim_region_index {
    struct sim_range *by_start; /* .end: the furthest end so far */
    uint32_t count;
};

static int sim_compare_ranges(const void *a, const void *b)
{
    const struct sim_range *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}

static bool sim_index_regions(const struct sim_loader *ld, struct sim_region_index *index)
{
    const struct sim_region_src *regions = ld->regions.items;
    index->count = ld->regions.count;
    index->by_start = malloc((index->count + 1u) * sizeof *index->by_start);
    if (index->by_start == NULL)
        return false;
    for (uint32_t i = 0; i < index->count; i++)
        index->by_start[i] = sim_range(regions[i].region.start, regions[i].region.size);
    if (index->count > 1)
        qsort(index->by_start, index->count, sizeof *index->by_start, sim_compare_ranges);
    for (uint32_t i = 1; i < index->count; i++) {
        if (index->by_start[i].end < index->by_start[i - 1].end)
            index->by_start[i].end = index->by_start[i - 1].end;
    }
    return true;
}

static bool sim_in_some_region(const struct sim_region_index *index, struct sim_range r)
{
    uint32_t lo = 0, hi = index->count;
    while (lo < hi) { /* the first region starting after r */
        uint32_t mid = lo + (hi - lo) / 2;
        if (index->by_start[mid].start <= r.start)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo > 0 && index->by_start[lo - 1].end >= r.end;
}

/* What the memory checks share: every area of every partition in file
 * order, and the regions. */
struct sim_memory {
    struct sim_area_ref {
        struct sim_part_src *part;
        uint32_t part_index; /* in ld->partitions */
        struct sim_area_src *area;
        bool checked; /* not broken before the checks */
    } * areas;
    uint32_t count;
    struct sim_region_index regions;
    bool regions_known; /* no region is broken */
};

/* Checks one area on its own; false when it is unusable for overlap checks. */
static bool sim_check_area(struct sim_loader *ld, const struct sim_memory *m,
                           const struct sim_part_src *p, const struct sim_area_src *a)
{
    static const struct sim_range pct = {HV_PCT_ADDRESS, (uint64_t)HV_PCT_ADDRESS + SIM_PAGE_SIZE};
    struct sim_range r = sim_range(a->area.start, a->area.size);
    struct sim_range view = sim_range(a->area.mapped_at, a->area.size);
    char label[64], t1[48];
    const char *who = sim_part_label(p, label, sizeof(label));
    const char *range = sim_range_text(r, t1, sizeof(t1));
    long line = a->src.line;
    if (a->area.size == 0) {
        sim_report(ld, line, "area at 0x%08x of %s has a zero size", (unsigned)a->area.start, who);
        return false;
    }
    if (r.end > SIM_ADDRESS_SPACE || view.end > SIM_ADDRESS_SPACE) {
        sim_report(ld, line, "area %s of %s extends past 4 GiB", range, who);
        return false;
    }
    if ((a->area.start | a->area.size | a->area.mapped_at) % SIM_PAGE_SIZE != 0)
        sim_report(ld, line, "area %s of %s is not aligned to 4 KiB pages", range, who);
    if (sim_overlaps(r, pct))
        sim_report(ld, line, "area %s of %s overlaps the PCT page at 0x%08x", range, who,
                   (unsigned)HV_PCT_ADDRESS);
    else if (sim_overlaps(view, pct))
        sim_report(ld, line, "area %s of %s is mapped at 0x%08x, over the PCT page at 0x%08x",
                   range, who, (unsigned)a->area.mapped_at, (unsigned)HV_PCT_ADDRESS);
    if (ld->regions.count > 0 && m->regions_known && !sim_in_some_region(&m->regions, r))
        sim_report(ld, line, "area %s of %s lies outside every memory region", range, who);
    return true;
}

/* What sim_check_area accepts for the overlap checks. */
static bool sim_area_usable(const struct sim_area_src *a)
{
    return a->area.size != 0 && (uint64_t)a->area.start + a->area.size <= SIM_ADDRESS_SPACE &&
           (uint64_t)a->area.mapped_at + a->area.size <= SIM_ADDRESS_SPACE;
}

/* Where an area sits in the partition's address space at boot: a mapped
 * area at mappedAt, an unmapped one (which the partition maps itself, by
 * physical address: docs/hypercalls.md) at its startAddr. */
static uint32_t sim_area_placed_at(const struct sim_area_src *a)
{
    return a->area.flags & HV_AREA_UNMAPPED ? a->area.start : a->area.mapped_at;
}

/* The first earlier area each area overlaps: of another partition
 * (identical ones are shared, not overlapping), of its own partition
 * physically, of its own partition where they sit at boot. */
struct sim_area_conflicts {
    uint32_t *other;
    uint32_t *own;
    uint32_t *placed;
};

/* The ranges of every area: physical (placed: where it sits at boot);
 * with own_only, each partition's moved 8 GiB apart from the others' so
 * that only its own areas can meet. */
static uint32_t *sim_first_area_overlaps(const struct sim_memory *m, bool placed, bool own_only)
{
    struct sim_interval *ranges = calloc(m->count + 1u, sizeof *ranges);
    uint32_t *first = NULL;
    if (ranges == NULL)
        return NULL;
    for (uint32_t k = 0; k < m->count; k++) {
        const struct sim_area_src *a = m->areas[k].area;
        uint32_t part = m->areas[k].part_index;
        uint64_t offset = own_only ? (uint64_t)part << 33 : 0;
        struct sim_range r =
            sim_range(placed ? sim_area_placed_at(a) : a->area.start, a->area.size);
        ranges[k] = (struct sim_interval){r.start + offset, r.end + offset, own_only ? k : part,
                                          a->src.broken};
    }
    first = sim_first_overlap(ranges, m->count, !own_only);
    free(ranges);
    return first;
}

static bool sim_find_conflicts(const struct sim_memory *m, struct sim_area_conflicts *c)
{
    c->other = sim_first_area_overlaps(m, false, false);
    c->own = sim_first_area_overlaps(m, false, true);
    c->placed = sim_first_area_overlaps(m, true, true);
    return c->other != NULL && c->own != NULL && c->placed != NULL;
}

static void sim_free_conflicts(struct sim_area_conflicts *c)
{
    free(c->other);
    free(c->own);
    free(c->placed);
}

static bool sim_area_shape_key(const void *record, uint64_t *number, const char **text)
{
    const struct sim_area_ref *ref = record;
    (void)text;
    *number = (uint64_t)ref->area->area.start << 32 | ref->area->area.size;
    return !ref->area->src.broken;
}

/* Areas of two partitions with identical start and size are a shared
 * area: every such area gets HV_AREA_SHARED. Each area's first twin is
 * its group's least one: a twin in another partition marks both, and
 * then the group's first marks the rest. */
static bool sim_mark_shared(struct sim_loader *ld, const struct sim_memory *m)
{
    struct sim_vec refs = {m->areas, m->count, m->count};
    uint32_t *first = sim_first_same(ld, &refs, sizeof *m->areas, sim_area_shape_key);
    for (uint32_t k = 0; first != NULL && k < m->count; k++) {
        if (first[k] != SIM_NONE && m->areas[k].part != m->areas[first[k]].part) {
            m->areas[k].area->area.flags |= HV_AREA_SHARED;
            m->areas[first[k]].area->area.flags |= HV_AREA_SHARED;
        }
    }
    for (uint32_t k = 0; first != NULL && k < m->count; k++) {
        if (first[k] != SIM_NONE && (m->areas[first[k]].area->area.flags & HV_AREA_SHARED))
            m->areas[k].area->area.flags |= HV_AREA_SHARED;
    }
    free(first);
    return first != NULL;
}

/* The first overlap of area k, as the pairwise check in file order named
 * it: another partition's areas come before its own earlier ones. */
static void sim_report_conflict(struct sim_loader *ld, const struct sim_memory *m,
                                const struct sim_area_conflicts *c, uint32_t k)
{
    char label[64], other[64], t1[48];
    const struct sim_area_src *a = m->areas[k].area;
    const char *who = sim_part_label(m->areas[k].part, label, sizeof(label));
    const char *range = sim_range_text(sim_range(a->area.start, a->area.size), t1, sizeof(t1));
    uint32_t own = c->own[k] < c->placed[k] ? c->own[k] : c->placed[k];
    if (c->other[k] != SIM_NONE)
        sim_report(ld, a->src.line, "area %s of %s overlaps an area of %s (line %ld)", range, who,
                   sim_part_label(m->areas[c->other[k]].part, other, sizeof(other)),
                   m->areas[c->other[k]].area->src.line);
    else if (own != SIM_NONE && own == c->own[k])
        sim_report(ld, a->src.line, "area %s of %s overlaps its area at line %ld", range, who,
                   m->areas[own].area->src.line);
    else if (own != SIM_NONE)
        sim_report(ld, a->src.line, "area %s of %s is mapped over its area at line %ld", range, who,
                   m->areas[own].area->src.line);
}

/* The PCT page lists at most HV_MAX_AREAS areas: the first area past
 * them is reported. */
static void sim_check_area_count(struct sim_loader *ld, const struct sim_part_src *p)
{
    const struct sim_area_src *areas = p->areas.items;
    char label[64];
    if (p->areas.count > HV_MAX_AREAS)
        sim_report(ld, areas[HV_MAX_AREAS].src.line,
                   "%s has %u memory areas, more than %d (what its PCT page lists)",
                   sim_part_label(p, label, sizeof(label)), (unsigned)p->areas.count, HV_MAX_AREAS);
}

/* Every area in file order; unusable ones (zero size, past 4 GiB) become
 * broken, out of the later checks. */
static bool sim_list_areas(struct sim_loader *ld, struct sim_memory *m)
{
    struct sim_part_src *parts = ld->partitions.items;
    uint32_t total = 0;
    for (uint32_t pi = 0; pi < ld->partitions.count; pi++)
        total += parts[pi].areas.count;
    m->areas = calloc(total + 1u, sizeof *m->areas);
    m->count = 0;
    for (uint32_t pi = 0; m->areas != NULL && pi < ld->partitions.count; pi++) {
        struct sim_area_src *areas = parts[pi].areas.items;
        sim_check_area_count(ld, &parts[pi]);
        for (uint32_t ai = 0; ai < parts[pi].areas.count; ai++) {
            m->areas[m->count++] =
                (struct sim_area_ref){&parts[pi], pi, &areas[ai], !areas[ai].src.broken};
            areas[ai].src.broken = areas[ai].src.broken || !sim_area_usable(&areas[ai]);
        }
    }
    m->regions_known = !sim_any_broken(&ld->regions, sizeof(struct sim_region_src));
    return m->areas != NULL && sim_index_regions(ld, &m->regions);
}

/* Each area checked on its own, then against the ones before it: the
 * messages come in the order a pairwise check in file order gave, each
 * area's first conflict only. */
static void sim_check_memory(struct sim_loader *ld)
{
    struct sim_memory m = {0};
    struct sim_area_conflicts c = {0};
    bool ready = sim_list_areas(ld, &m) && sim_find_conflicts(&m, &c) && sim_mark_shared(ld, &m);
    if (!ready)
        sim_report_out_of_memory(ld);
    for (uint32_t k = 0; ready && k < m.count; k++) {
        if (m.areas[k].checked && sim_check_area(ld, &m, m.areas[k].part, m.areas[k].area))
            sim_report_conflict(ld, &m, &c, k);
    }
    sim_free_conflicts(&c);
    free(m.areas);
    free(m.regions.by_start);
}

void sim_check_semantics(struct sim_loader *ld)
{
    sim_check_regions(ld);
    sim_check_partitions(ld);
    sim_check_memory(ld);
    sim_check_plans(ld);
    ld->hv_console_index = sim_resolve_console(ld, &ld->hv_console, "XMHypervisor");
    sim_check_hm(ld);
    sim_check_hw(ld);
    sim_check_channels(ld);
    sim_check_policies(ld);
}
