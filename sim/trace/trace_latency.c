/* sim/trace: the virtual interrupt latency summary (`hvsim trace FILE
 * --latency OUT`, docs/interrupts.md "Interrupt latency"): the
 * VIRQ_LATENCY records grouped by partition and source, each group's
 * count, min, median, 99th percentile and max in µs, and apart, the
 * deliveries that waited for the partition's slot and those over its
 * bound. Percentiles are nearest-rank over the sorted values. The records
 * are kept, then sorted once by group and latency: a group looked up per
 * record made a trace of 80,000 groups take 2 s, and the time grew with the
 * square of their number. */
#include <stdlib.h>
#include <string.h>

#include "sim/trace/trace_export.h"
#include <xm/guest.h>

/* One VIRQ_LATENCY record. */
struct latency {
    uint32_t in_slot; /* cycles, raise (or slot start) to handler */
    uint32_t wait;    /* cycles waited for the slot */
    int16_t partition;
    uint8_t source;
    bool over_bound;
};

struct latency_list {
    struct latency *items;
    uint32_t count, capacity;
    bool out_of_memory;
};

static void add(struct latency_list *l, const struct sim_trace_record *r)
{
    if (l->count == l->capacity) {
        uint32_t wanted = l->capacity ? l->capacity * 2u : 256u;
        struct latency *bigger =
            wanted > l->capacity ? realloc(l->items, (size_t)wanted * sizeof *bigger) : NULL;
        if (!bigger) {
            l->out_of_memory = true;
            return;
        }
        l->items = bigger;
        l->capacity = wanted;
    }
    uint32_t wait = r->c <= r->b ? r->c : r->b;
    l->items[l->count++] = (struct latency){r->b - wait, wait, r->partition, (uint8_t)r->a,
                                            (r->a & HV_LATENCY_OVER_BOUND) != 0};
}

static bool same_group(const struct latency *x, const struct latency *y)
{
    return x->partition == y->partition && x->source == y->source;
}

/* By partition, then source (the output's order), then latency (for the
 * percentiles). */
static int compare_latencies(const void *a, const void *b)
{
    const struct latency *x = a, *y = b;
    if (x->partition != y->partition)
        return (x->partition > y->partition) - (x->partition < y->partition);
    if (x->source != y->source)
        return (x->source > y->source) - (x->source < y->source);
    return (x->in_slot > y->in_slot) - (x->in_slot < y->in_slot);
}

/* Nearest rank: the smallest value with at least p% of them at or below. */
static uint32_t percentile(const struct latency *sorted, uint32_t n, uint32_t p)
{
    uint64_t rank = ((uint64_t)n * p + 99u) / 100u;
    return sorted[rank > 0 ? rank - 1 : 0].in_slot;
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

/* The line of one group, g[0..n), sorted by latency. */
static void print_group(const struct sim_trace_header *h, const struct latency *g, uint32_t n,
                        FILE *out)
{
    char who[HV_NAME_MAX], source[16];
    uint32_t waited = 0, max_wait = 0, over_bound = 0;
    for (uint32_t i = 0; i < n; i++) {
        waited += g[i].wait > 0;
        max_wait = g[i].wait > max_wait ? g[i].wait : max_wait;
        over_bound += g[i].over_bound;
    }
    sim_trace_virq_source_name(g->source, source, sizeof source);
    fprintf(out, "%-16s %-11s %7u %9.3f %9.3f %9.3f %9.3f %7u %10.3f %6u\n",
            sim_trace_header_partition(h, g->partition, who), source, n, us(g[0].in_slot, h->khz),
            us(percentile(g, n, 50), h->khz), us(percentile(g, n, 99), h->khz),
            us(g[n - 1].in_slot, h->khz), waited, us(max_wait, h->khz), over_bound);
}

static void print_table(const struct sim_trace_header *h, struct latency_list *l, FILE *out)
{
    if (l->count > 0) /* none: items is NULL, which qsort must not be given */
        qsort(l->items, l->count, sizeof *l->items, compare_latencies);
    fprintf(out, "# virtual interrupt latency in µs, raise (or the slot's start) to handler; "
                 "waited: deliveries raised before their slot, wait: the longest such wait\n");
    fprintf(out, "%-16s %-11s %7s %9s %9s %9s %9s %7s %10s %6s\n", "partition", "source", "count",
            "min", "median", "p99", "max", "waited", "max wait", "over");
    for (uint32_t start = 0, end; start < l->count; start = end) {
        for (end = start + 1; end < l->count && same_group(&l->items[start], &l->items[end]);)
            end++;
        print_group(h, &l->items[start], end - start, out);
    }
    if (l->count == 0)
        fprintf(out, "# no virtual interrupt was delivered\n");
}

bool sim_trace_export_latency(struct sim_trace_reader *reader, FILE *out, FILE *diag)
{
    struct latency_list table = {0};
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
    free(table.items);
    return ok;
}
