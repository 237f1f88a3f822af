/* sim/trace: the virtual interrupt latency summary (`hvsim trace FILE
 * --latency OUT`, docs/interrupts.md "Interrupt latency"): the
 * VIRQ_LATENCY records grouped by partition and source, each group's
 * count, min, median, 99th percentile and max in µs, and apart, the
 * deliveries that waited for the partition's slot and those over its
 * bound. Percentiles are nearest-rank over the sorted values. */
#include <stdlib.h>
#include <string.h>

#include "sim/trace/trace_export.h"
#include <xm/guest.h>

struct latency_group {
    int32_t partition;
    uint32_t source;
    uint32_t *in_slot; /* cycles, raise (or slot start) to handler */
    uint32_t count, capacity;
    uint32_t waited; /* deliveries that waited for the slot */
    uint32_t max_wait;
    uint32_t over_bound;
};

struct latency_table {
    struct latency_group *groups;
    uint32_t count, capacity;
    bool out_of_memory;
};

static bool grow(void **items, uint32_t *capacity, uint32_t count, size_t size)
{
    if (count < *capacity)
        return true;
    uint32_t wanted = *capacity ? *capacity * 2u : 16u;
    void *bigger = realloc(*items, (size_t)wanted * size);
    if (!bigger)
        return false;
    *items = bigger;
    *capacity = wanted;
    return true;
}

/* The group of (partition, source), made on first sight; NULL: no memory. */
static struct latency_group *group_of(struct latency_table *t, int32_t partition, uint32_t source)
{
    for (uint32_t i = 0; i < t->count; i++) {
        if (t->groups[i].partition == partition && t->groups[i].source == source)
            return &t->groups[i];
    }
    if (!grow((void **)&t->groups, &t->capacity, t->count, sizeof *t->groups))
        return NULL;
    t->groups[t->count] = (struct latency_group){.partition = partition, .source = source};
    return &t->groups[t->count++];
}

static void add(struct latency_table *t, const struct sim_trace_record *r)
{
    struct latency_group *g = group_of(t, r->partition, r->a & 0xffu);
    if (!g || !grow((void **)&g->in_slot, &g->capacity, g->count, sizeof *g->in_slot)) {
        t->out_of_memory = true;
        return;
    }
    uint32_t wait = r->c <= r->b ? r->c : r->b;
    g->in_slot[g->count++] = r->b - wait;
    g->waited += wait > 0;
    g->max_wait = wait > g->max_wait ? wait : g->max_wait;
    g->over_bound += (r->a & HV_LATENCY_OVER_BOUND) != 0;
}

static int compare_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* Groups by partition, then source: the order of the output. */
static int compare_groups(const void *a, const void *b)
{
    const struct latency_group *x = a, *y = b;
    if (x->partition != y->partition)
        return (x->partition > y->partition) - (x->partition < y->partition);
    return (x->source > y->source) - (x->source < y->source);
}

/* Nearest rank: the smallest value with at least p% of them at or below. */
static uint32_t percentile(const uint32_t *sorted, uint32_t n, uint32_t p)
{
    uint64_t rank = ((uint64_t)n * p + 99u) / 100u;
    return sorted[rank > 0 ? rank - 1 : 0];
}

void sim_trace_virq_source_name(uint32_t source, char *out, size_t size)
{
    static const char *const extended[XM_VT_EXT_MAX] = {
        [XM_VT_EXT_HW_TIMER] = "hw_timer",       [XM_VT_EXT_EXEC_TIMER] = "exec_timer",
        [XM_VT_EXT_SHUTDOWN] = "shutdown",       [XM_VT_EXT_SAMPLING_PORT] = "sampling",
        [XM_VT_EXT_QUEUING_PORT] = "queuing",    [XM_VT_EXT_CYCLIC_SLOT_START] = "slot_start",
        [XM_VT_EXT_MEM_PROTECT] = "mem_protect",
    };
    uint32_t ext = source - 32u;
    if (source < 32)
        snprintf(out, size, "line %u", source);
    else if (ext >= XM_VT_EXT_IPVI0 && ext < XM_VT_EXT_MAX)
        snprintf(out, size, "ipvi%u", ext - XM_VT_EXT_IPVI0);
    else if (ext < XM_VT_EXT_MAX && extended[ext])
        snprintf(out, size, "%s", extended[ext]);
    else
        snprintf(out, size, "ext %u", ext);
}

static double us(uint32_t cycles, uint32_t khz)
{
    return khz ? (double)cycles * 1000.0 / khz : 0.0;
}

static void print_group(const struct sim_trace_header *h, struct latency_group *g, FILE *out)
{
    char who[HV_NAME_MAX], source[16];
    qsort(g->in_slot, g->count, sizeof *g->in_slot, compare_u32);
    sim_trace_virq_source_name(g->source, source, sizeof source);
    fprintf(out, "%-16s %-11s %7u %9.3f %9.3f %9.3f %9.3f %7u %10.3f %6u\n",
            sim_trace_header_partition(h, g->partition, who), source, g->count,
            us(g->in_slot[0], h->khz), us(percentile(g->in_slot, g->count, 50), h->khz),
            us(percentile(g->in_slot, g->count, 99), h->khz), us(g->in_slot[g->count - 1], h->khz),
            g->waited, us(g->max_wait, h->khz), g->over_bound);
}

static void print_table(const struct sim_trace_header *h, struct latency_table *t, FILE *out)
{
    if (t->count > 0) /* no group: groups is NULL, which qsort must not be given */
        qsort(t->groups, t->count, sizeof *t->groups, compare_groups);
    fprintf(out, "# virtual interrupt latency in µs, raise (or the slot's start) to handler; "
                 "waited: deliveries raised before their slot, wait: the longest such wait\n");
    fprintf(out, "%-16s %-11s %7s %9s %9s %9s %9s %7s %10s %6s\n", "partition", "source", "count",
            "min", "median", "p99", "max", "waited", "max wait", "over");
    for (uint32_t i = 0; i < t->count; i++)
        print_group(h, &t->groups[i], out);
    if (t->count == 0)
        fprintf(out, "# no virtual interrupt was delivered\n");
}

static void free_table(struct latency_table *t)
{
    for (uint32_t i = 0; i < t->count; i++)
        free(t->groups[i].in_slot);
    free(t->groups);
}

bool sim_trace_export_latency(struct sim_trace_reader *reader, FILE *out, FILE *diag)
{
    struct latency_table table = {0};
    struct sim_trace_record record;
    enum sim_trace_next next;
    while ((next = sim_trace_reader_next(reader, &record)) == SIM_TRACE_RECORD) {
        if (record.kind == HV_TRACE_VIRQ_LATENCY)
            add(&table, &record);
    }
    bool ok =
        sim_trace_reader_ending(reader, next, diag) != SIM_TRACE_DAMAGED && !table.out_of_memory;
    if (table.out_of_memory)
        fprintf(diag, "hvsim: out of memory summarising the latencies\n");
    if (ok)
        print_table(sim_trace_reader_header(reader), &table, out);
    free_table(&table);
    return ok;
}
