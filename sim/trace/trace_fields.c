/* sim/trace: one record's fields in words (sim_trace_format_fields), for
 * the text and JSON exporters and scenario messages: every number that
 * has a name is written with it, "XM_INVALID_CONFIG (-5)", PCs and
 * addresses in hex, with the function when the partition's symbols are
 * known (docs/trace.md, "Names"). */
#include "sim/common/xm_names.h"
#include "sim/trace/trace_export.h"
#include <inttypes.h>
#include <string.h>

#define VALUE_MAX 128

static void console_char(uint32_t byte, char *out, size_t size)
{
    if (byte == '\n')
        snprintf(out, size, "'\\n'");
    else if (byte >= 0x20 && byte < 0x7f && byte != '\'')
        snprintf(out, size, "'%c'", (char)byte);
    else
        snprintf(out, size, "0x%02x", byte);
}

static void partition_value(const struct sim_trace_header *h, int32_t id, char *out, size_t size)
{
    char buffer[HV_NAME_MAX];
    const char *name = id < 0 ? "idle" : sim_trace_header_partition(h, id, buffer);
    snprintf(out, size, "%s (%" PRId32 ")", name, id);
}

static void pc_value(const struct sim_trace_header *h, int32_t partition, uint32_t pc, char *out,
                     size_t size)
{
    bool known = h->symbols && partition >= 0 && (uint32_t)partition < h->partition_count;
    sim_format_pc(known ? &h->symbols[partition] : NULL, pc, out, size);
}

static void named(const char *name, uint32_t number, char *out, size_t size)
{
    snprintf(out, size, "%s (%" PRIu32 ")", name ? name : "unknown", number);
}

/* A plan by its id: "main (0)", or "plan 1" when it has no name. */
static void plan_value(const struct sim_trace_header *h, uint32_t id, char *out, size_t size)
{
    for (uint32_t p = 0; p < h->plan_count; p++) {
        if (h->plans[p].id == id && h->plans[p].name[0]) {
            snprintf(out, size, "%s (%" PRIu32 ")", h->plans[p].name, id);
            return;
        }
    }
    snprintf(out, size, "plan %" PRIu32, id);
}

static void trap_value(uint32_t tt, char *out, size_t size)
{
    char trap[SIM_TRAP_NAME_MAX];
    snprintf(out, size, "%s (0x%02" PRIx32 ")", sim_trap_name(tt, trap, sizeof trap), tt);
}

static void port_value(const struct sim_trace_header *h, uint32_t port, char *out, size_t size)
{
    named(port < h->port_count ? h->ports[port].name : NULL, port, out, size);
}

static const char *inject_name(uint32_t what)
{
    static const char *const names[] = {
        [SIM_INJECT_TRAP] = "trap", [SIM_INJECT_IRQ] = "irq",     [SIM_INJECT_UART] = "uart",
        [SIM_INJECT_PLAN] = "plan", [SIM_INJECT_UART2] = "uart2",
    };
    return what < sizeof names / sizeof *names ? names[what] : NULL;
}

static void latency_source(uint32_t a, char *out, size_t size)
{
    char source[16];
    sim_trace_virq_source_name(a & 0xffu, source, sizeof source);
    snprintf(out, size, "%s (0x%" PRIx32 ")%s", source, a,
             (a & HV_LATENCY_OVER_BOUND) ? " over_bound" : "");
}

/* Field a of the kinds whose a has a name. */
static bool first_value(const struct sim_trace_header *h, const struct sim_trace_record *r,
                        char *out, size_t size)
{
    switch (r->kind) {
    case HV_TRACE_SWITCH:
        partition_value(h, (int32_t)r->a, out, size);
        return true;
    case HV_TRACE_STATE:
        named(sim_partition_state_name(r->a), r->a, out, size);
        return true;
    case HV_TRACE_HYPERCALL:
    case HV_TRACE_POLICY_DENIED:
        sim_format_hypercall(r->a, out, size);
        return true;
    case HV_TRACE_ASM_HYPERCALL:
        sim_format_asm_hypercall(r->a, out, size);
        return true;
    case HV_TRACE_TRAP:
        trap_value(r->a, out, size);
        return true;
    case HV_TRACE_HM_EVENT:
        sim_format_hm_event(r->a, out, size);
        return true;
    case HV_TRACE_PORT_WRITE:
    case HV_TRACE_PORT_READ:
        port_value(h, r->a, out, size);
        return true;
    case HV_TRACE_VIRQ_LATENCY:
        latency_source(r->a, out, size);
        return true;
    case HV_TRACE_VIRQ_RAISE:
        snprintf(out, size, "%s", r->a ? "yes" : "no");
        return true;
    case HV_TRACE_PLAN_SWITCH:
        plan_value(h, r->a, out, size);
        return true;
    case SIM_TRACE_INJECT:
        named(inject_name(r->a), r->a, out, size);
        return true;
    }
    return false;
}

/* Fields b and c of the kinds whose b or c has a name or is an address. */
static bool later_value(const struct sim_trace_header *h, const struct sim_trace_record *r, int i,
                        char *out, size_t size)
{
    uint32_t v = i == 1 ? r->b : r->c;
    uint16_t k = r->kind;
    if ((k == HV_TRACE_TRAP || k == HV_TRACE_VIRQ_DELIVER) && i == 1)
        pc_value(h, r->partition, v, out, size);
    else if (k == HV_TRACE_TRAP)
        snprintf(out, size, "0x%08" PRIx32, v);
    else if ((k == HV_TRACE_PLAN_SWITCH || k == HV_TRACE_MAF_START) && i == 1)
        plan_value(h, v, out, size);
    else if (k == HV_TRACE_STATE && i == 1)
        named(sim_partition_state_name(v), v, out, size);
    else if (k == HV_TRACE_HYPERCALL && i == 1)
        sim_format_xm_result((int32_t)v, out, size);
    else if (k == HV_TRACE_HM_EVENT && i == 1)
        sim_format_hm_action(v, out, size);
    else if (k == HV_TRACE_HM_EVENT)
        snprintf(out, size, "%s", v ? "yes" : "no");
    else if (k == HV_TRACE_POLICY_DENIED && i == 2)
        named(sim_policy_refusal_name(v), v, out, size);
    else if (k == SIM_TRACE_INJECT && i == 1 && r->a == SIM_INJECT_TRAP)
        trap_value(v, out, size);
    else
        return false;
    return true;
}

static void field_value(const struct sim_trace_header *h, const struct sim_trace_record *r, int i,
                        char *out, size_t size)
{
    const uint32_t values[3] = {r->a, r->b, r->c};
    bool done = i == 0 ? first_value(h, r, out, size) : later_value(h, r, i, out, size);
    if (!done)
        snprintf(out, size, "%" PRIu32, values[i]);
}

void sim_trace_format_fields(const struct sim_trace_header *h, const struct sim_trace_record *r,
                             char *out, size_t size)
{
    static const char *const generic[3] = {"a", "b", "c"};
    const struct sim_trace_kind_info *info = sim_trace_header_kind(h, r->kind);
    size_t n = 0;
    out[0] = '\0';
    if (r->kind == SIM_TRACE_CONSOLE) {
        console_char(r->a, out, size);
        return;
    }
    for (int i = 0; i < 3 && n < size; i++) {
        const char *name = info ? info->fields[i] : generic[i];
        char value[VALUE_MAX];
        if (name[0] == '\0')
            continue;
        field_value(h, r, i, value, sizeof value);
        n += (size_t)snprintf(out + n, size - n, "%s%s=%s", n ? " " : "", name, value);
    }
}
