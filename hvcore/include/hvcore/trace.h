/* hvcore: the events the core reports for the run's trace. The core says
 * what happened; the port stamps it with its clock and records it (sim/
 * keeps a trace with cycle times; the LEON3 port may drop them). The
 * meaning of a, b, c per kind is fixed here: docs/trace.md documents the
 * recorded form. */
#ifndef HVCORE_TRACE_H
#define HVCORE_TRACE_H

#include <stdint.h>

enum hv_trace_kind {
    HV_TRACE_MAF_START = 1, /* a = major frame number (low 32 bits), b = plan */
    HV_TRACE_SLOT_START,    /* partition = slot's, a = slot index, b = planned start µs */
    HV_TRACE_SLOT_END,      /* partition = slot's, a = slot index, b = planned end µs */
    HV_TRACE_SWITCH,        /* partition = who gets the CPU (-1 idle), a = previous (as u32) */
    HV_TRACE_STATE,         /* partition, a = new hv_partition_state, b = old */
    HV_TRACE_HYPERCALL,     /* partition = caller, a = number, b = result (as u32) */
    HV_TRACE_ASM_HYPERCALL, /* partition = caller, a = number */
    HV_TRACE_TRAP,          /* partition, a = SPARC trap type, b = pc, c = fault address */
    HV_TRACE_VIRQ_RAISE,    /* partition, a = 0 hardware / 1 extended, b = irq number */
    HV_TRACE_VIRQ_DELIVER,  /* partition, a = vector, b = pc interrupted */
    HV_TRACE_HM_EVENT,      /* partition (-1 hypervisor), a = event id, b = action, c = logged */
    HV_TRACE_PORT_WRITE,    /* partition, a = port index (config), b = size */
    HV_TRACE_PORT_READ,     /* partition, a = port index (config), b = size */
    HV_TRACE_PLAN_SWITCH,   /* a = new plan, b = previous plan */
    HV_TRACE_IRQ,           /* a = native interrupt line taken by the processor */
    HV_TRACE_POLICY_DENIED, /* partition = caller, a = hypercall, b = object class or target,
                               c = enum hv_policy_refusal */
    HV_TRACE_VIRQ_LATENCY,  /* partition, a = source (HV_VIRQ_SOURCE) | HV_LATENCY_OVER_BOUND,
                               b = cycles from raise to handler start, c = of which waiting
                               for the partition's slot; right after its VIRQ_DELIVER */
    HV_TRACE_KIND_COUNT
};

/* HV_TRACE_VIRQ_LATENCY's a: the latency within the partition's slot
 * (b - c) exceeded the partition's bound (hv_partition_config). */
#define HV_LATENCY_OVER_BOUND (1u << 8)

struct hv_trace_event {
    uint16_t kind;     /* enum hv_trace_kind */
    int16_t partition; /* -1: the hypervisor / idle */
    uint32_t a, b, c;
};

#endif
