/* sim/trace: the trace recorder: hash, optional in-memory records, optional
 * file stream. */
#include "sim/trace/trace.h"
#include "sim/trace/trace_file.h"
#include <inttypes.h>
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

uint64_t sim_trace_hash_start(void)
{
    return FNV_OFFSET;
}

/* The hash covers the fields in a fixed order and width, never the
 * struct's padding or the host's byte order. */
uint64_t sim_trace_hash_record(uint64_t hash, const struct sim_trace_record *r)
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

/* A major frame starts: the frame before it is complete. The file is
 * flushed so that a reader following it live sees whole frames. */
static void frame_done(struct sim_trace *trace, const struct sim_trace_record *record)
{
    if (trace->hash_log)
        fprintf(trace->hash_log, "hvsim: trace hash after MAF %" PRIu32 ": %016" PRIx64 "\n",
                record->a - 1, trace->hash);
    if (trace->writer)
        sim_trace_writer_flush(trace->writer);
}

void sim_trace_add(struct sim_trace *trace, uint64_t cycle, const struct hv_trace_event *event)
{
    struct sim_trace_record record = {cycle,    event->kind, event->partition,
                                      event->a, event->b,    event->c};
    if (record.kind == HV_TRACE_MAF_START && record.a > 0)
        frame_done(trace, &record);
    trace->hash = sim_trace_hash_record(trace->hash, &record);
    trace->total++;
    if (trace->keep_records && !trace->out_of_memory)
        keep(trace, &record);
    if (trace->writer)
        sim_trace_writer_put(trace->writer, &record);
}

void sim_trace_print_hash(FILE *out, const struct sim_trace *trace)
{
    fprintf(out, "hvsim: trace hash: %016" PRIx64 " (%" PRIu64 " records)\n", trace->hash,
            trace->total);
}
