/* sim/trace: the record kinds this build knows, with the names of their fields,
 * as hvcore/trace.h and sim/trace/trace.h define them. Every trace file carries
 * this table in its header, so a reader built before a kind was added
 * still names its fields. A kind missing here is still recorded; the
 * exporters call it "kind<N>" with fields a, b, c. */
#include "sim/trace/trace_file.h"

const struct sim_trace_kind_info sim_trace_kinds[] = {
    {HV_TRACE_MAF_START, "MAF_START", {"maf", "plan", ""}},
    {HV_TRACE_SLOT_START, "SLOT_START", {"slot", "planned_us", ""}},
    {HV_TRACE_SLOT_END, "SLOT_END", {"slot", "planned_us", ""}},
    {HV_TRACE_SWITCH, "SWITCH", {"previous", "", ""}},
    {HV_TRACE_STATE, "STATE", {"state", "old", ""}},
    {HV_TRACE_HYPERCALL, "HYPERCALL", {"nr", "result", ""}},
    {HV_TRACE_ASM_HYPERCALL, "ASM_HYPERCALL", {"nr", "", ""}},
    {HV_TRACE_TRAP, "TRAP", {"tt", "pc", "address"}},
    {HV_TRACE_VIRQ_RAISE, "VIRQ_RAISE", {"extended", "irq", ""}},
    {HV_TRACE_VIRQ_DELIVER, "VIRQ_DELIVER", {"vector", "pc", ""}},
    {HV_TRACE_HM_EVENT, "HM_EVENT", {"event", "action", "logged"}},
    {HV_TRACE_PORT_WRITE, "PORT_WRITE", {"port", "size", ""}},
    {HV_TRACE_PORT_READ, "PORT_READ", {"port", "size", ""}},
    {HV_TRACE_PLAN_SWITCH, "PLAN_SWITCH", {"plan", "previous", ""}},
    {HV_TRACE_IRQ, "IRQ", {"line", "", ""}},
    {HV_TRACE_POLICY_DENIED, "POLICY_DENIED", {"nr", "detail", "why"}},
    {HV_TRACE_VIRQ_LATENCY, "VIRQ_LATENCY", {"source", "cycles", "slot_wait"}},
    {SIM_TRACE_CONSOLE, "CONSOLE", {"byte", "", ""}},
    {SIM_TRACE_INJECT, "INJECT", {"what", "value", "extra"}},
};

const uint32_t sim_trace_kind_count = sizeof sim_trace_kinds / sizeof sim_trace_kinds[0];
