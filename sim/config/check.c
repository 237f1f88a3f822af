/* sim/config: pass 4 of XM_CF loading, the semantic checks of ids, plans and
 * slots, names, consoles and memory (xmcparser's checks, plus the ones the
 * simulator needs). The HM, hardware-resource and channel checks are in
 * their own files; sim_check_semantics runs them all. */
#include <stdlib.h>
#include <string.h>

#include "sim/config/check.h"
#include <xm/xmconf.h>

#define SIM_PAGE_SIZE 4096u
#define SIM_ADDRESS_SPACE 0x100000000ull /* 4 GiB: the end of every 32-bit range */

/* --- ids ---------------------------------------------------------------- */

/* XtratuM's rule: ids are unique and consecutive from 0, so they can be
 * indexes. With n unique ids all below n, they are exactly 0..n-1. `what`
 * and `where` frame the message: "slot" ... " of plan 0". True when the ids
 * are usable as indexes. */
static bool sim_check_ids(struct sim_loader *ld, const struct sim_vec *v, size_t size,
                          const char *what, const char *where)
{
    if (sim_any_broken(v, size))
        return false;
    bool ok = true;
    for (uint32_t i = 0; i < v->count; i++) {
        const struct sim_src *s = sim_vec_src(v, size, i);
        uint32_t j = 0;
        while (j < i && sim_vec_src(v, size, j)->id != s->id)
            j++;
        if (j < i) {
            sim_report(ld, s->line, "duplicate %s id %u%s (first at line %ld)", what,
                       (unsigned)s->id, where, sim_vec_src(v, size, j)->line);
            ok = false;
        } else if (s->id >= v->count) {
            sim_report(ld, s->line,
                       "%s id %u%s is out of sequence: ids must run 0..%u without gaps", what,
                       (unsigned)s->id, where, (unsigned)(v->count - 1));
            ok = false;
        }
    }
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
    for (uint32_t i = 0; i < p->slots.count; i++) {
        uint32_t j = 0;
        while (j < i && (slots[j].src.broken || slots[j].src.id != slots[i].src.id))
            j++;
        if (j < i && !slots[i].src.broken)
            sim_warn(ld, slots[i].src.line,
                     "slot id %u of plan %u repeats the one at line %ld (XtratuM allows it; "
                     "a partition sees the id in its PCT's schedInfo.id)",
                     (unsigned)slots[i].src.id, (unsigned)p->src.id, slots[j].src.line);
    }
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

static void sim_check_names(struct sim_loader *ld, const struct sim_vec *v, size_t size,
                            size_t name_offset, const char *what)
{
    for (uint32_t i = 0; i < v->count; i++) {
        const struct sim_src *s = sim_vec_src(v, size, i);
        const char *name = (const char *)s + name_offset;
        for (uint32_t j = 0; j < i && name[0] != '\0'; j++) {
            const struct sim_src *t = sim_vec_src(v, size, j);
            if (strcmp(name, (const char *)t + name_offset) == 0) {
                sim_report(ld, s->line, "duplicate %s name '%s' (first at line %ld)", what, name,
                           t->line);
                break;
            }
        }
    }
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
    sim_check_names(ld, &ld->partitions, sizeof(struct sim_part_src),
                    offsetof(struct sim_part_src, part.name), "partition");
    sim_check_names(ld, &ld->devices, sizeof(struct sim_device_src),
                    offsetof(struct sim_device_src, device.name), "device");
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

static bool sim_contains(struct sim_range outer, struct sim_range inner)
{
    return outer.start <= inner.start && inner.end <= outer.end;
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
    char t1[48];
    for (uint32_t i = 0; i < ld->regions.count; i++) {
        if (regions[i].src.broken)
            continue;
        struct sim_range r = sim_range(regions[i].region.start, regions[i].region.size);
        if (regions[i].region.size == 0)
            sim_report(ld, regions[i].src.line, "region at 0x%08x has a zero size",
                       (unsigned)regions[i].region.start);
        else if (r.end > SIM_ADDRESS_SPACE)
            sim_report(ld, regions[i].src.line, "region %s extends past 4 GiB",
                       sim_range_text(r, t1, sizeof(t1)));
        for (uint32_t j = 0; j < i; j++) {
            if (!regions[j].src.broken &&
                sim_overlaps(r, sim_range(regions[j].region.start, regions[j].region.size)))
                sim_report(ld, regions[i].src.line, "region %s overlaps the region at line %ld",
                           sim_range_text(r, t1, sizeof(t1)), regions[j].src.line);
        }
    }
}

static bool sim_in_some_region(const struct sim_loader *ld, struct sim_range r)
{
    const struct sim_region_src *regions = ld->regions.items;
    for (uint32_t i = 0; i < ld->regions.count; i++) {
        if (sim_contains(sim_range(regions[i].region.start, regions[i].region.size), r))
            return true;
    }
    return false;
}

/* Checks one area on its own; false when it is unusable for overlap checks. */
static bool sim_check_area(struct sim_loader *ld, const struct sim_part_src *p,
                           const struct sim_area_src *a)
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
    bool regions_known = !sim_any_broken(&ld->regions, sizeof(struct sim_region_src));
    if (ld->regions.count > 0 && regions_known && !sim_in_some_region(ld, r))
        sim_report(ld, line, "area %s of %s lies outside every memory region", range, who);
    return true;
}

/* Where an area sits in the partition's address space at boot: a mapped
 * area at mappedAt, an unmapped one (which the partition maps itself, by
 * physical address: docs/hypercalls.md) at its startAddr. */
static uint32_t sim_area_placed_at(const struct sim_area_src *a)
{
    return a->area.flags & HV_AREA_UNMAPPED ? a->area.start : a->area.mapped_at;
}

/* Two areas of one partition: neither their memory nor where they sit at
 * boot may overlap. */
static void sim_check_area_pair_same(struct sim_loader *ld, const struct sim_part_src *p,
                                     const struct sim_area_src *a, const struct sim_area_src *b)
{
    char label[64], t1[48];
    const char *who = sim_part_label(p, label, sizeof(label));
    struct sim_range ra = sim_range(a->area.start, a->area.size);
    if (sim_overlaps(ra, sim_range(b->area.start, b->area.size)))
        sim_report(ld, a->src.line, "area %s of %s overlaps its area at line %ld",
                   sim_range_text(ra, t1, sizeof(t1)), who, b->src.line);
    else if (sim_overlaps(sim_range(sim_area_placed_at(a), a->area.size),
                          sim_range(sim_area_placed_at(b), b->area.size)))
        sim_report(ld, a->src.line, "area %s of %s is mapped over its area at line %ld",
                   sim_range_text(ra, t1, sizeof(t1)), who, b->src.line);
}

/* Areas of two partitions: identical start and size is a shared area (both
 * get HV_AREA_SHARED); any other overlap breaks spatial isolation. */
static void sim_check_area_pair_other(struct sim_loader *ld, const struct sim_part_src *p,
                                      struct sim_area_src *a, const struct sim_part_src *q,
                                      struct sim_area_src *b)
{
    char label[64], other[64], t1[48];
    struct sim_range ra = sim_range(a->area.start, a->area.size);
    if (!sim_overlaps(ra, sim_range(b->area.start, b->area.size)))
        return;
    if (a->area.start == b->area.start && a->area.size == b->area.size) {
        a->area.flags |= HV_AREA_SHARED;
        b->area.flags |= HV_AREA_SHARED;
        return;
    }
    sim_report(ld, a->src.line, "area %s of %s overlaps an area of %s (line %ld)",
               sim_range_text(ra, t1, sizeof(t1)), sim_part_label(p, label, sizeof(label)),
               sim_part_label(q, other, sizeof(other)), b->src.line);
}

/* Compares area `a` of partition `p` with every area listed before it. */
static void sim_check_area_against_earlier(struct sim_loader *ld, struct sim_part_src *parts,
                                           uint32_t pi, uint32_t ai)
{
    struct sim_area_src *a = &((struct sim_area_src *)parts[pi].areas.items)[ai];
    for (uint32_t qi = 0; qi <= pi; qi++) {
        struct sim_area_src *areas = parts[qi].areas.items;
        uint32_t limit = qi == pi ? ai : parts[qi].areas.count;
        for (uint32_t bi = 0; bi < limit; bi++) {
            if (areas[bi].src.broken)
                continue;
            if (qi == pi)
                sim_check_area_pair_same(ld, &parts[pi], a, &areas[bi]);
            else
                sim_check_area_pair_other(ld, &parts[pi], a, &parts[qi], &areas[bi]);
        }
    }
}

static void sim_check_memory(struct sim_loader *ld)
{
    struct sim_part_src *parts = ld->partitions.items;
    for (uint32_t pi = 0; pi < ld->partitions.count; pi++) {
        struct sim_area_src *areas = parts[pi].areas.items;
        for (uint32_t ai = 0; ai < parts[pi].areas.count; ai++) {
            if (areas[ai].src.broken || !sim_check_area(ld, &parts[pi], &areas[ai])) {
                areas[ai].src.broken = true; /* keep it out of the overlap checks */
                continue;
            }
            sim_check_area_against_earlier(ld, parts, pi, ai);
        }
    }
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
