/* sim/trace: the run's event trace: what hvcore reports (hvcore/trace.h) and
 * what the simulator sees itself (console bytes), each stamped with the
 * virtual time in cycles, with a running hash. Records are kept in memory
 * on request (the scenario runner's expectations read them) and streamed
 * to a trace file on request (sim/trace/trace_file.h, docs/trace.md). Any kind
 * number is taken: kinds added to hvcore later are recorded, hashed and
 * written like the others. */
#ifndef SIM_TRACE_H
#define SIM_TRACE_H

#include <hvcore/trace.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Kinds the simulator adds after hvcore's. */
enum sim_trace_kind {
    SIM_TRACE_CONSOLE = 64, /* partition = writer (-1 hypervisor), a = the byte */
    SIM_TRACE_UART2 = 65,   /* a byte UART2 sent: partition -1, a = the byte */
    SIM_TRACE_INJECT = 66,  /* a scenario's injection: partition, a = what, b, c its values */
};

/* What a SIM_TRACE_INJECT record's a says was injected. */
enum sim_trace_inject {
    SIM_INJECT_TRAP = 1, /* partition took trap b (a fault injected) */
    SIM_INJECT_IRQ,      /* IRQMP line b raised */
    SIM_INJECT_UART,     /* b bytes queued for the console UART's receiver */
    SIM_INJECT_PLAN,     /* plan b requested */
    SIM_INJECT_UART2,    /* b bytes queued for UART2's receiver */
};

struct sim_trace_record {
    uint64_t cycle;
    uint16_t kind;
    int16_t partition;
    uint32_t a, b, c;
};

struct sim_trace_writer; /* sim/trace/trace_file.h */

struct sim_trace {
    struct sim_trace_record *records;
    size_t count, capacity;
    uint64_t total;                  /* records seen, kept or not */
    uint64_t hash;                   /* FNV-1a over every record, in order */
    bool keep_records;               /* false: only the hash is kept */
    bool out_of_memory;              /* records stopped being kept; the hash goes on */
    struct sim_trace_writer *writer; /* records also go to a file, or NULL */
    FILE *hash_log;                  /* per-MAF hash lines (--hash), or NULL */
};

void sim_trace_init(struct sim_trace *trace, bool keep_records);
void sim_trace_free(struct sim_trace *trace);
void sim_trace_add(struct sim_trace *trace, uint64_t cycle, const struct hv_trace_event *event);

/* The hash of an empty trace, and the hash after one more record: the one
 * definition the recorder, the file reader and the tests share. */
uint64_t sim_trace_hash_start(void);
uint64_t sim_trace_hash_record(uint64_t hash, const struct sim_trace_record *record);

/* "hvsim: trace hash after MAF N: 0123456789abcdef" and, at the end,
 * "hvsim: trace hash: 0123456789abcdef (N records)". */
void sim_trace_print_hash(FILE *out, const struct sim_trace *trace);

#endif
