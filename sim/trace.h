/* sim/: the run's event trace: what hvcore reports (hvcore/trace.h) and
 * what the simulator sees itself (console bytes), each stamped with the
 * virtual time in cycles, kept in memory, with a running hash. */
#ifndef SIM_TRACE_H
#define SIM_TRACE_H

#include <hvcore/trace.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Kinds the simulator adds after hvcore's. */
enum sim_trace_kind {
    SIM_TRACE_CONSOLE = 64, /* partition = writer (-1 hypervisor), a = the byte */
    SIM_TRACE_UART2 = 65,   /* a byte UART2 sent: partition -1, a = the byte */
};

struct sim_trace_record {
    uint64_t cycle;
    uint16_t kind;
    int16_t partition;
    uint32_t a, b, c;
};

struct sim_trace {
    struct sim_trace_record *records;
    size_t count, capacity;
    uint64_t hash;      /* FNV-1a over every record, in order */
    bool keep_records;  /* false: only the hash is kept */
    bool out_of_memory; /* records stopped being kept; the hash goes on */
};

void sim_trace_init(struct sim_trace *trace, bool keep_records);
void sim_trace_free(struct sim_trace *trace);
void sim_trace_add(struct sim_trace *trace, uint64_t cycle, const struct hv_trace_event *event);

#endif
