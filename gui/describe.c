/* gui/: names and details. */
#include "gui/describe.h"
#include "sim/common/xm_names.h"
#include "sim/trace/trace_export.h"
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <xm/hm.h>

const char *gui_hm_event_name(uint32_t event)
{
    return sim_hm_event_short_name(event);
}

const char *gui_hm_action_name(uint32_t action)
{
    return sim_hm_action_short_name(action);
}

static const char *state_name(uint32_t state)
{
    const char *name = sim_partition_state_name(state);
    return name ? name : "unknown state";
}

const char *gui_kind_name(uint32_t kind)
{
    switch (kind) {
    case HV_TRACE_HYPERCALL:
        return "hypercall";
    case HV_TRACE_ASM_HYPERCALL:
        return "assembly hypercall";
    case HV_TRACE_TRAP:
        return "trap";
    case HV_TRACE_VIRQ_RAISE:
        return "virtual IRQ raised";
    case HV_TRACE_VIRQ_DELIVER:
        return "virtual IRQ delivered";
    case HV_TRACE_HM_EVENT:
        return "HM event";
    case HV_TRACE_PORT_WRITE:
        return "port write";
    case HV_TRACE_PORT_READ:
        return "port read";
    case HV_TRACE_STATE:
        return "state change";
    case HV_TRACE_IRQ:
        return "interrupt";
    case HV_TRACE_VIRQ_LATENCY:
        return "virtual IRQ latency";
    case HV_TRACE_POLICY_DENIED:
        return "hypercall refused by the policy";
    case SIM_TRACE_INJECT:
        return "injection";
    }
    return "event";
}

/* Appends to buf, keeping it terminated. */
static void append(char *buf, size_t size, const char *format, ...)
{
    size_t used = strlen(buf);
    if (used + 1 >= size)
        return;
    va_list args;
    va_start(args, format);
    vsnprintf(buf + used, size - used, format, args);
    va_end(args);
}

static void append_time(const struct gui_model *model, char *buf, size_t size, const char *label,
                        uint64_t cycle)
{
    double ns = gui_cycles_to_ns(model->clock_khz, (double)cycle);
    append(buf, size, "%s%.3f \xc2\xb5s (cycle %llu)\n", label, ns / 1e3,
           (unsigned long long)cycle);
}

static const char *who(const struct gui_model *model, int32_t partition)
{
    return partition < 0 ? "hypervisor" : model->names[partition];
}

/* "hw_timer: 10.640 µs from its raise at 2000.000 µs to the handler, of
 * which 3.000 µs waiting for the slot; over the partition's bound". */
static void describe_latency(const struct gui_model *model, const struct gui_event *e, char *buf,
                             size_t size)
{
    char source[16];
    sim_trace_virq_source_name(e->a & 0xffu, source, sizeof source);
    double latency = gui_cycles_to_ns(model->clock_khz, e->b) / 1e3;
    double raised = gui_cycles_to_ns(model->clock_khz, (double)(e->cycle - e->b)) / 1e3;
    append(buf, size, "%s: %.3f \xc2\xb5s from its raise at %.3f \xc2\xb5s to the handler", source,
           latency, raised);
    if (e->c > 0)
        append(buf, size, ", of which %.3f \xc2\xb5s waiting for the slot",
               gui_cycles_to_ns(model->clock_khz, e->c) / 1e3);
    if (e->a & HV_LATENCY_OVER_BOUND)
        append(buf, size, "; over the partition's bound");
}

/* "XM_ctrl_object (13) returned XM_INVALID_CONFIG (-5)". */
static void describe_hypercall(const struct gui_event *e, char *buf, size_t size)
{
    char call[64], result[64];
    if (e->kind == HV_TRACE_ASM_HYPERCALL) {
        sim_format_asm_hypercall(e->a, call, sizeof call);
        append(buf, size, "%s", call);
        return;
    }
    sim_format_hypercall(e->a, call, sizeof call);
    sim_format_xm_result((int32_t)e->b, result, sizeof result);
    append(buf, size, "%s returned %s", call, result);
}

/* "0x4000107c <main+0x1c>" with the partition's symbols, else "0x4000107c". */
static void pc_text(const struct gui_model *model, int32_t partition, uint32_t pc, char *out,
                    size_t size)
{
    bool known = model->symbols && partition >= 0 && (uint32_t)partition < model->partition_count;
    sim_format_pc(known ? &model->symbols[partition] : NULL, pc, out, size);
}

/* "division by zero (tt 0x2a) at pc 0x401000f0 <PartitionMain+0x8c>,
 * address 0x00000000". */
static void describe_trap(const struct gui_model *model, const struct gui_event *trap, char *buf,
                          size_t size)
{
    char name[64], pc[SIM_PC_TEXT_MAX];
    pc_text(model, trap->partition, trap->b, pc, sizeof pc);
    append(buf, size, "%s (tt 0x%02x) at pc %s, address 0x%08x",
           sim_trap_name(trap->a, name, sizeof name), trap->a, pc, trap->c);
}

static bool is_trap_of(const struct gui_event *candidate, const struct gui_event *hm)
{
    return candidate->kind == HV_TRACE_TRAP && candidate->partition == hm->partition;
}

/* The trap an HM event was raised for: the partition's TRAP record at the
 * same cycle (the hypervisor records both as it takes the trap), or NULL.
 * Its tick lies under the HM event's marker, which the pointer finds
 * first: the HM event's details carry the trap's. */
static const struct gui_event *trap_of(const struct gui_model *model, size_t hm_index)
{
    const struct gui_event *hm = &model->events[hm_index];
    for (size_t j = hm_index; j-- > 0 && model->events[j].cycle == hm->cycle;) {
        if (is_trap_of(&model->events[j], hm))
            return &model->events[j];
    }
    for (size_t j = hm_index + 1; j < model->event_count && model->events[j].cycle == hm->cycle;
         j++) {
        if (is_trap_of(&model->events[j], hm))
            return &model->events[j];
    }
    return NULL;
}

static void describe_arguments(const struct gui_model *model, const struct gui_event *e, char *buf,
                               size_t size)
{
    char words[64], pc[SIM_PC_TEXT_MAX];
    switch (e->kind) {
    case HV_TRACE_VIRQ_LATENCY:
        describe_latency(model, e, buf, size);
        return;
    case HV_TRACE_HM_EVENT:
        append(buf, size, "%s, action %s%s", gui_hm_event_name(e->a), gui_hm_action_name(e->b),
               e->c ? ", logged" : "");
        return;
    case HV_TRACE_HYPERCALL:
    case HV_TRACE_ASM_HYPERCALL:
        describe_hypercall(e, buf, size);
        return;
    case HV_TRACE_TRAP:
        describe_trap(model, e, buf, size);
        return;
    case HV_TRACE_STATE:
        append(buf, size, "%s -> %s", state_name(e->b), state_name(e->a));
        return;
    case HV_TRACE_PORT_WRITE:
    case HV_TRACE_PORT_READ:
        append(buf, size, "port %u, %u bytes", e->a, e->b);
        return;
    case HV_TRACE_IRQ:
        append(buf, size, "line %u", e->a);
        return;
    case HV_TRACE_VIRQ_RAISE:
        append(buf, size, "%s interrupt %u", e->a ? "extended" : "hardware", e->b);
        return;
    case HV_TRACE_VIRQ_DELIVER:
        pc_text(model, e->partition, e->b, pc, sizeof pc);
        append(buf, size, "vector %u at pc %s", e->a, pc);
        return;
    case HV_TRACE_POLICY_DENIED:
        sim_format_hypercall(e->a, words, sizeof words);
        append(buf, size, "%s: %s (target or class %u)", words,
               sim_policy_refusal_name(e->c) ? sim_policy_refusal_name(e->c) : "unknown", e->b);
        return;
    }
    append(buf, size, "a %u, b 0x%x, c 0x%x", e->a, e->b, e->c);
}

static void describe_event(const struct gui_model *model, size_t index, char *buf, size_t size)
{
    const struct gui_event *e = &model->events[index];
    bool known = e->kind < HV_TRACE_KIND_COUNT || e->kind == SIM_TRACE_INJECT;
    if (known)
        append(buf, size, "%s: %s\n", gui_kind_name(e->kind), who(model, e->partition));
    else
        append(buf, size, "kind %u (new to this viewer): %s\n", e->kind, who(model, e->partition));
    append_time(model, buf, size, "at ", e->cycle);
    describe_arguments(model, e, buf, size);
    const struct gui_event *trap = e->kind == HV_TRACE_HM_EVENT ? trap_of(model, index) : NULL;
    if (trap) {
        append(buf, size, "\ncaused by ");
        describe_trap(model, trap, buf, size);
    }
}

static double us(const struct gui_model *model, uint64_t cycles)
{
    return gui_cycles_to_ns(model->clock_khz, (double)cycles) / 1e3;
}

/* How late the slot started and ended: the run's normal latency (the
 * timer interrupt's entry, as most slots show) said as such, and an
 * overrun or a late start beyond it said as that. */
static void describe_slot_timing(const struct gui_model *model, const struct gui_slot *s, char *buf,
                                 size_t size)
{
    uint64_t late = gui_slot_late(model, s), over = gui_slot_overrun(model, s);
    append(buf, size, "started %.3f \xc2\xb5s after its planned start",
           us(model, s->actual_start > s->planned_start ? s->actual_start - s->planned_start : 0));
    if (late)
        append(buf, size, ": LATE, %.3f \xc2\xb5s more than this run's normal %.3f \xc2\xb5s\n",
               us(model, late), us(model, model->slot_start_latency));
    else
        append(buf, size, " (normal)\n");
    if (!s->ended)
        return;
    append(buf, size, "ended %.3f \xc2\xb5s after its planned end",
           us(model, s->actual_end > s->planned_end ? s->actual_end - s->planned_end : 0));
    if (over)
        append(buf, size, ": OVERRUN, %.3f \xc2\xb5s more than this run's normal %.3f \xc2\xb5s",
               us(model, over), us(model, model->slot_end_latency));
    else
        append(buf, size, " (normal: the timer interrupt's latency)");
}

static void describe_slot(const struct gui_model *model, const struct gui_slot *s, char *buf,
                          size_t size)
{
    append(buf, size, "slot %u of plan %u: %s, MAF %llu\n", s->index, s->plan,
           model->names[s->partition], (unsigned long long)s->maf);
    append_time(model, buf, size, "planned start ", s->planned_start);
    append_time(model, buf, size, "actual start  ", s->actual_start);
    append_time(model, buf, size, "planned end   ", s->planned_end);
    append_time(model, buf, size, s->ended ? "actual end    " : "running at    ", s->actual_end);
    describe_slot_timing(model, s, buf, size);
}

/* A wrapped console text: at most CONSOLE_WRAP bytes a line of the box. */
#define CONSOLE_WRAP 72

static void describe_console(const struct gui_model *model, const struct gui_console_line *line,
                             char *buf, size_t size)
{
    append(buf, size, "%s%s%s\n", line->uart2 ? "UART2 line" : "console line: ",
           line->uart2 ? "" : who(model, line->partition), line->open ? " (no newline yet)" : "");
    append_time(model, buf, size, "from ", line->start);
    append_time(model, buf, size, "to   ", line->end);
    append(buf, size, "\"");
    for (const char *at = line->text; *at;) {
        size_t n = strlen(at);
        if (n > CONSOLE_WRAP) { /* at the last space that keeps the piece short */
            n = CONSOLE_WRAP;
            while (n > CONSOLE_WRAP / 2 && at[n] != ' ')
                n--;
            n = at[n] == ' ' ? n : CONSOLE_WRAP;
        }
        append(buf, size, "%s%.*s", at == line->text ? "" : "\n", (int)n, at);
        at += n + (at[n] == ' ');
    }
    append(buf, size, "\"");
}

static void describe_message(const struct gui_model *model, const struct gui_message *m, char *buf,
                             size_t size)
{
    append(buf, size, "port message: %s -> %s\n", model->names[m->writer], model->names[m->reader]);
    append(buf, size, "port %s -> port %s, %u bytes read\n", m->source_name, m->destination_name,
           m->size);
    append_time(model, buf, size, "written at ", m->write_cycle);
    append_time(model, buf, size, "read at    ", m->read_cycle);
    append(buf, size, "%.3f \xc2\xb5s from the write to the read",
           gui_cycles_to_ns(model->clock_khz, (double)(m->read_cycle - m->write_cycle)) / 1e3);
}

static void describe_span(const struct gui_model *model, const struct gui_state_span *span,
                          char *buf, size_t size)
{
    append(buf, size, "%s %s\n", model->names[span->partition], state_name(span->state));
    append_time(model, buf, size, "from ", span->start);
    append_time(model, buf, size, span->end == model->end ? "to the run's end " : "to   ",
                span->end);
}

void gui_describe_hit(const struct gui_model *model, struct gui_hit hit, char *buf, size_t size)
{
    buf[0] = '\0';
    switch (hit.kind) {
    case GUI_HIT_EVENT:
        describe_event(model, hit.index, buf, size);
        return;
    case GUI_HIT_SLOT:
        describe_slot(model, &model->slots[hit.index], buf, size);
        return;
    case GUI_HIT_EXEC:
        append(buf, size, "idle\n");
        append_time(model, buf, size, "from ", model->execs[hit.index].start);
        append_time(model, buf, size, "to   ", model->execs[hit.index].end);
        return;
    case GUI_HIT_MARK: {
        const struct gui_mark *k = &model->marks[hit.index];
        if (k->plan_switch)
            append(buf, size, "plan switch %u -> %u\n", k->previous_plan, k->plan);
        else
            append(buf, size, "MAF %llu starts (plan %u)\n", (unsigned long long)k->maf, k->plan);
        append_time(model, buf, size, "at ", k->cycle);
        return;
    }
    case GUI_HIT_MESSAGE:
        describe_message(model, &model->messages[hit.index], buf, size);
        return;
    case GUI_HIT_CONSOLE:
        describe_console(model, &model->lines[hit.index], buf, size);
        return;
    case GUI_HIT_SPAN:
        describe_span(model, &model->spans[hit.index], buf, size);
        return;
    case GUI_HIT_NONE:
        return;
    }
}

static const struct gui_mark *mark_at(const struct gui_model *model, double cycle)
{
    const struct gui_mark *found = NULL;
    for (size_t i = 0; i < model->mark_count && (double)model->marks[i].cycle <= cycle; i++)
        found = &model->marks[i];
    return found;
}

uint64_t gui_model_maf_at(const struct gui_model *model, double cycle)
{
    const struct gui_mark *k = mark_at(model, cycle);
    return k ? k->maf : 0;
}

void gui_status_text(const struct gui_model *model, const struct gui_view *view, int x, char *buf,
                     size_t size)
{
    bool in_plot = x >= view->layout.plot_left && x < view->layout.plot_right;
    double cycle = in_plot ? gui_view_cycle(view, x) : (double)model->end;
    double ns = gui_cycles_to_ns(model->clock_khz, cycle);
    const struct gui_mark *k = mark_at(model, cycle);
    char time[32];
    gui_time_text(ns, gui_axis_step_ns(view, model->clock_khz, 1), time, sizeof time);
    snprintf(buf, size, "%s %s   MAF %llu   plan %u", in_plot ? "t =" : "end", time,
             (unsigned long long)(k ? k->maf : 0), k ? k->plan : 0);
}
