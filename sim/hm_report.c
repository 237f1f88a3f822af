/* sim/: a run's HM events on standard error (docs/debugging.md). Each is
 * printed after the hypervisor entry that raised it, under the notice of
 * its cause (run.c: a trap, a virtual interrupt) or a notice of its own
 * (raised in a hypercall, the watchdog's), with the fault report of
 * sim_options.fault_report (sim/gdb), written when the core raised the
 * event: before its action (a reset, say) changed the partition. Repeats
 * at one place are summed up (notice.h). */
#define _POSIX_C_SOURCE 200809L
#include "cpu/vcpu.h"
#include "sim/machine_internal.h"
#include <stdlib.h>
#include <xm/hm.h>

/* What applies to the event: a CPU trap's report has everything; a
 * virtual trap or interrupt that could not be delivered no instruction
 * (none caused it); an event raised in a hypercall (a denied call, the
 * partition's own) where in the code it came from. */
static unsigned parts_for(uint32_t event)
{
    bool trap = event == XM_HM_EV_UNEXPECTED_TRAP ||
                (event >= XM_HM_MAX_GENERIC_EVENTS &&
                 event < XM_HM_MAX_GENERIC_EVENTS + XM_HM_MAX_ARCH_EVENTS);
    if (trap)
        return SIM_FAULT_REGISTERS | SIM_FAULT_INSTRUCTION | SIM_FAULT_BACKTRACE | SIM_FAULT_STACK;
    if (event == XM_HM_EV_PARTITION_UNRECOVERABLE)
        return SIM_FAULT_REGISTERS | SIM_FAULT_BACKTRACE | SIM_FAULT_STACK;
    return SIM_FAULT_BACKTRACE | SIM_FAULT_STACK;
}

static void write_report(struct sim_machine *m, struct sim_hm_seen *seen)
{
    FILE *out = open_memstream(&seen->report, &seen->report_length);
    if (!out)
        return;
    m->options.fault_report(m->options.fault_report_context, m, (uint32_t)seen->notice.partition,
                            seen->notice.pc, parts_for(seen->notice.event), out);
    fclose(out);
}

void sim_hm_seen(struct sim_machine *m, const struct hv_trace_event *e)
{
    if (m->hm_seen_count == SIM_HM_SEEN_MAX) {
        m->hm_seen_dropped++;
        return;
    }
    struct sim_hm_seen *seen = &m->hm_seen[m->hm_seen_count++];
    struct vcpu *vcpu = e->partition >= 0 ? m->partitions[e->partition].vcpu : NULL;
    *seen = (struct sim_hm_seen){
        .notice = {
            .us = sim_clock_us(&m->clock),
            .partition = vcpu ? e->partition : -1,
            .name = vcpu ? m->config->partitions[e->partition].name : "",
            .pc = vcpu ? vcpu_get_reg(vcpu, VCPU_PC) : 0,
            .event = e->a,
            .action = e->b,
            .symbols = vcpu && m->options.symbols ? &m->options.symbols[e->partition] : NULL,
        }};
    seen->show = sim_notice_count(&m->hm_places, &seen->notice);
    if (seen->show == SIM_NOTICE_SHOW_ALL && vcpu && m->options.fault_report)
        write_report(m, seen);
}

static bool shows_notice(const struct sim_hm_seen *seen)
{
    return seen->show == SIM_NOTICE_SHOW_ALL || seen->show == SIM_NOTICE_SHOW_NOTICE;
}

bool sim_hm_notice_due(const struct sim_machine *m)
{
    return m->hm_seen_count == 0 || shows_notice(&m->hm_seen[0]);
}

/* What follows an event's notice: its report, or the line for its
 * place's repeats. */
static void print_after_notice(struct sim_machine *m, struct sim_hm_seen *seen, FILE *diag)
{
    if (seen->show == SIM_NOTICE_SHOW_SUMMARY)
        sim_notice_repeats(diag, &m->hm_places, &seen->notice);
    if (seen->report)
        fwrite(seen->report, 1, seen->report_length, diag);
    free(seen->report);
    seen->report = NULL;
}

static void print_alone(struct sim_machine *m, uint32_t from, FILE *diag)
{
    for (uint32_t i = from; i < m->hm_seen_count; i++) {
        struct sim_hm_seen *seen = &m->hm_seen[i];
        if (shows_notice(seen))
            sim_notice_hm(diag, &seen->notice);
        print_after_notice(m, seen, diag);
    }
    if (m->hm_seen_dropped > 0)
        fprintf(diag, "hvsim: %llu us: ... %u more HM events in the same hypervisor entry\n",
                (unsigned long long)sim_clock_us(&m->clock), m->hm_seen_dropped);
    m->hm_seen_count = 0;
    m->hm_seen_dropped = 0;
}

void sim_hm_report(struct sim_machine *m, FILE *diag)
{
    if (m->hm_seen_count == 0)
        return;
    print_after_notice(m, &m->hm_seen[0], diag);
    print_alone(m, 1, diag);
}

void sim_hm_report_alone(struct sim_machine *m, FILE *diag)
{
    print_alone(m, 0, diag);
}

void sim_hm_forget(struct sim_machine *m)
{
    for (uint32_t i = 0; i < m->hm_seen_count; i++)
        free(m->hm_seen[i].report);
    m->hm_seen_count = 0;
    m->hm_seen_dropped = 0;
}

void sim_hm_end(struct sim_machine *m, FILE *diag)
{
    if (!m->hm_places_ended)
        sim_notice_places_end(&m->hm_places, diag);
    m->hm_places_ended = true;
}

void sim_machine_repeats_so_far(const struct sim_machine *m, FILE *out)
{
    if (!m->hm_places_ended)
        sim_notice_places_end(&m->hm_places, out);
}
