/* sim/scenario: running a scenario's machine to a point and injecting events.
 * Injections enter through the same doors as the real events: a fault
 * through hv_partition_trap() as if the partition's instruction trapped,
 * a device IRQ on an IRQMP input line, UART bytes into the console UART's
 * (or UART2's) receiver, a plan switch request through the core's external request.
 * Each leaves a SIM_TRACE_INJECT record in the trace. */
#include "sim/scenario/scenario_machine.h"
#include "sim/machine_internal.h"
#include <stdlib.h>
#include <string.h>
#include <xm/hypercalls.h>

struct stop {
    uint64_t maf;     /* SCN_RUN_MAFS: major frames started */
    uint64_t cycle;   /* SCN_RUN_UNTIL / FOR: the clock reached it */
    int32_t slot;     /* SCN_RUN_SLOT: slot index */
    bool slot_left;   /* the slot current when the command began has ended */
    int32_t who;      /* waiting for this partition to hold the CPU */
    uint64_t give_up; /* major frame count at which waiting stops */
};

/* A command that cannot be done: reported, SIM_ERR_USAGE. */
#define problem(c, path, out, ...)                                                                 \
    (scn_report((path), (c)->line, (out), __VA_ARGS__), SIM_ERR_USAGE)

struct sim_trace *scn_machine_trace(struct sim_machine *m)
{
    return &m->trace;
}

static bool maf_reached(const struct sim_machine *m, void *context)
{
    return m->hv.sched.maf_count >= ((struct stop *)context)->maf;
}

static bool time_reached(const struct sim_machine *m, void *context)
{
    return m->clock.cycles >= ((struct stop *)context)->cycle;
}

/* The slot starts anew (in the frame asked for): the slot current when
 * the command began must have ended first. */
static bool slot_started(const struct sim_machine *m, void *context)
{
    struct stop *s = context;
    if (m->hv.sched.slot != s->slot)
        s->slot_left = true;
    if (m->hv.sched.maf_count > s->give_up)
        return true;
    return s->slot_left && m->hv.sched.slot == s->slot &&
           (s->maf == UINT64_MAX || m->hv.sched.maf_count == s->maf);
}

static bool partition_runs(const struct sim_machine *m, void *context)
{
    struct stop *s = context;
    return m->hv.sched.current == s->who || m->hv.sched.maf_count > s->give_up;
}

static enum sim_error run_slot(struct sim_machine *m, const struct scn_command *c, const char *path,
                               FILE *out, FILE *diag)
{
    struct stop s = {.slot = (int32_t)c->n1,
                     .maf = c->has_n2 ? c->n2 : UINT64_MAX,
                     .give_up = c->has_n2 ? c->n2 : m->hv.sched.maf_count + 1};
    if (c->n1 >= m->config->plans[m->hv.sched.plan].slot_count)
        return problem(c, path, out, "the plan has no slot %d", s.slot);
    enum sim_error error = sim_machine_run_until(m, slot_started, &s, 0, diag);
    if (error == SIM_OK && m->hv.sched.slot != s.slot)
        return problem(c, path, out, "slot %d did not start%s (major frame %llu now)", s.slot,
                       c->has_n2 ? " in that major frame" : " within a major frame",
                       (unsigned long long)m->hv.sched.maf_count);
    return error;
}

/* Once the system has halted nothing runs again: let the console UART
 * send what it still holds, as `hvsim run` does at its end, so that the
 * expectations see the last bytes. */
static enum sim_error settle(struct sim_machine *m, enum sim_error error)
{
    if (error == SIM_OK && hv_system_halted(&m->hv))
        sim_machine_drain_console(m);
    return error;
}

static enum sim_error run_for(struct sim_machine *m, const struct scn_command *c, const char *path,
                              FILE *out, FILE *diag)
{
    struct stop s = {0};
    switch (c->op) {
    case SCN_RUN_MAFS:
        s.maf = m->hv.sched.maf_count + c->n1;
        return sim_machine_run_until(m, maf_reached, &s, 0, diag);
    case SCN_RUN_UNTIL:
    case SCN_RUN_FOR:
        s.cycle =
            sim_clock_cycles_at_us(&m->clock, c->n1) + (c->op == SCN_RUN_FOR ? m->clock.cycles : 0);
        return sim_machine_run_until(m, time_reached, &s, s.cycle, diag);
    default:
        return run_slot(m, c, path, out, diag);
    }
}

static void inject_record(struct sim_machine *m, int32_t who, uint32_t what, uint32_t value)
{
    struct hv_trace_event event = {SIM_TRACE_INJECT, (int16_t)who, what, value, 0};
    sim_trace_add(&m->trace, m->clock.cycles, &event);
}

/* The partition takes trap tt at its next instruction: wait until it holds
 * the CPU (at most to the end of the next major frame). */
static enum sim_error inject_trap(struct sim_machine *m, const struct scn_command *c,
                                  const char *path, FILE *out, FILE *diag)
{
    int32_t id = scn_partition(m->config, c->who);
    struct stop s = {.who = id, .give_up = m->hv.sched.maf_count + 1};
    if (id < 0)
        return problem(c, path, out, "no partition named '%s'", c->who);
    enum sim_error error = sim_machine_run_until(m, partition_runs, &s, 0, diag);
    if (error != SIM_OK)
        return error;
    if (m->hv.sched.current != id)
        return problem(c, path, out, "inject trap: %s did not run within a major frame", c->who);
    inject_record(m, id, SIM_INJECT_TRAP, (uint32_t)c->n1);
    sim_machine_take_trap(m, (uint32_t)c->n1, diag);
    return SIM_OK;
}

static bool at_once(const struct sim_machine *m, void *context)
{
    (void)m;
    (void)context;
    return true;
}

/* An injection before the first run finds the system booted, as a run
 * would: the core's boot would undo what was injected before it. */
static enum sim_error boot(struct sim_machine *m, FILE *diag)
{
    return sim_machine_run_until(m, at_once, NULL, 0, diag);
}

/* A plan switch request, as a system partition's XM_switch_sched_plan: it
 * takes effect when the current major frame ends. Asking for the plan
 * that runs is XM_NO_ACTION there, and nothing here either. */
static enum sim_error inject_plan(struct sim_machine *m, const struct scn_command *c,
                                  const char *path, FILE *out)
{
    uint32_t plan = (uint32_t)c->n1;
    inject_record(m, HV_IDLE, SIM_INJECT_PLAN, plan);
    if (hv_plan_request_external(&m->hv, plan) != XM_INVALID_PARAM)
        return SIM_OK;
    /* scn_check refused a plan the configuration does not have */
    return problem(c, path, out,
                   "inject plan %u: plan %u runs now, and plan 0 comes back only with a reset",
                   plan, m->hv.sched.plan);
}

/* Bytes for the console UART's receiver, or UART2's (n1 = 2): they
 * arrive one per character time from now, as --uart-in / --uart2-in. */
static enum sim_error inject_uart(struct sim_machine *m, const struct scn_command *c,
                                  const char *path, FILE *out)
{
    bool uart2 = c->n1 == 2;
    if (uart2 && m->options.board->uart2_base == 0)
        return problem(c, path, out, "inject uart2: board %s has no UART2", m->options.board->name);
    struct sim_uart_input *in = uart2 ? &m->uart2_input : &m->uart_input;
    uint8_t *grown = realloc(in->bytes, in->length + c->text_length + 1);
    if (!grown)
        return SIM_ERR_NO_MEMORY;
    memcpy(grown + in->length, c->text, c->text_length);
    in->bytes = grown;
    in->length += c->text_length;
    if (in->next_cycle < m->clock.cycles)
        in->next_cycle = m->clock.cycles;
    inject_record(m, HV_IDLE, uart2 ? SIM_INJECT_UART2 : SIM_INJECT_UART, (uint32_t)c->text_length);
    return SIM_OK;
}

enum sim_error scn_machine_do(struct sim_machine *m, const struct scn_command *c, const char *path,
                              FILE *out, FILE *diag)
{
    enum sim_error error =
        c->op >= SCN_INJECT_IRQ && c->op <= SCN_INJECT_PLAN ? boot(m, diag) : SIM_OK;
    if (error != SIM_OK)
        return error;
    switch (c->op) {
    case SCN_INJECT_TRAP:
        return inject_trap(m, c, path, out, diag);
    case SCN_INJECT_IRQ:
        inject_record(m, HV_IDLE, SIM_INJECT_IRQ, (uint32_t)c->n1);
        irqmp_raise(&m->devices.irqmp, (uint32_t)c->n1);
        return SIM_OK;
    case SCN_INJECT_UART:
        return inject_uart(m, c, path, out);
    case SCN_INJECT_PLAN:
        return inject_plan(m, c, path, out);
    default:
        return settle(m, run_for(m, c, path, out, diag));
    }
}
