/* sim/: the in-memory trace and its hash. */
#include "sim/trace.h"
#include <stdlib.h>
#include <string.h>

#define FNV_OFFSET 0xcbf29ce484222325ull
#define FNV_PRIME 0x100000001b3ull

void sim_trace_init(struct sim_trace *trace, bool keep_records)
{
    memset(trace, 0, sizeof *trace);
    trace->hash = FNV_OFFSET;
    trace->keep_records = keep_records;
}

void sim_trace_free(struct sim_trace *trace)
{
    free(trace->records);
    trace->records = NULL;
    trace->count = trace->capacity = 0;
}

static uint64_t hash_bytes(uint64_t hash, uint64_t value, int bytes)
{
    for (int i = 0; i < bytes; i++) {
        hash ^= (uint8_t)(value >> (8 * i));
        hash *= FNV_PRIME;
    }
    return hash;
}

/* The hash covers the fields in a fixed order and width, never the
 * struct's padding or the host's byte order. */
static uint64_t hash_record(uint64_t hash, const struct sim_trace_record *r)
{
    hash = hash_bytes(hash, r->cycle, 8);
    hash = hash_bytes(hash, r->kind, 2);
    hash = hash_bytes(hash, (uint16_t)r->partition, 2);
    hash = hash_bytes(hash, r->a, 4);
    hash = hash_bytes(hash, r->b, 4);
    return hash_bytes(hash, r->c, 4);
}

static void keep(struct sim_trace *trace, const struct sim_trace_record *record)
{
    if (trace->count == trace->capacity) {
        size_t capacity = trace->capacity ? trace->capacity * 2 : 4096;
        struct sim_trace_record *grown = realloc(trace->records, capacity * sizeof *grown);
        if (!grown) {
            trace->out_of_memory = true;
            return;
        }
        trace->records = grown;
        trace->capacity = capacity;
    }
    trace->records[trace->count++] = *record;
}

void sim_trace_add(struct sim_trace *trace, uint64_t cycle, const struct hv_trace_event *event)
{
    struct sim_trace_record record = {cycle,    event->kind, event->partition,
                                      event->a, event->b,    event->c};
    trace->hash = hash_record(trace->hash, &record);
    if (trace->keep_records && !trace->out_of_memory)
        keep(trace, &record);
}
