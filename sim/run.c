/* sim/: the event loop. The clock never passes the timer deadline while a
 * partition runs: the running vCPU gets the cycles left until it as its
 * budget. Idle time jumps straight to the deadline. */
#include "cpu/vcpu.h"
#include "sim/config/config_load.h"
#include "sim/console.h"
#include "sim/machine_internal.h"
#include "sim/notice.h"
#include <xm/hypercalls.h>

static void report_trap(struct sim_machine *m, uint32_t id, const struct vcpu_exit *exit,
                        enum hv_trap_outcome outcome, FILE *diag)
{
    struct sim_trap_notice n = {
        .us = sim_clock_us(&m->clock),
        .partition = id,
        .name = m->config->partitions[id].name,
        .trap_type = exit->trap_type,
        .pc = exit->pc,
        .fault_address = exit->fault_address,
        .outcome = outcome,
        .event = m->hv.hm.last.event,
        .action = m->hv.hm.last.action,
        .symbols = m->options.symbols ? &m->options.symbols[id] : NULL,
    };
    if (sim_hm_notice_due(m))
        sim_notice_trap(diag, &n);
    sim_hm_report(m, diag);
}

/* After a trap or an assembly hypercall the core handled: continue after
 * the `ta`, where the core sent the partition, or report the health
 * monitor's event and continue after the trapping instruction if its
 * action was IGNORE. */
static void finish_trap(struct sim_machine *m, uint32_t id, const struct vcpu_exit *exit,
                        enum hv_trap_outcome outcome, FILE *diag)
{
    if (outcome == HV_TRAP_REDIRECTED)
        return;
    if (outcome != HV_TRAP_CONTINUE)
        report_trap(m, id, exit, outcome, diag);
    if (outcome == HV_TRAP_CONTINUE || (outcome != HV_TRAP_NO_PARTITION && m->hv.hm.last.skip))
        vcpu_skip_instruction(m->partitions[id].vcpu);
}

void sim_machine_take_trap(struct sim_machine *m, uint32_t trap, FILE *diag)
{
    struct vcpu_exit exit = {.reason = VCPU_EXIT_TRAP, .trap_type = trap};
    uint32_t id = (uint32_t)m->hv.sched.current;
    exit.pc = vcpu_get_reg(m->partitions[id].vcpu, VCPU_PC);
    m->clock.cycles += m->options.costs.entry; /* the trap enters the hypervisor */
    enum hv_trap_outcome outcome = hv_partition_trap(&m->hv, trap, exit.pc, 0);
    if (outcome != HV_TRAP_CONTINUE && outcome != HV_TRAP_REDIRECTED)
        report_trap(m, id, &exit, outcome, diag);
    sim_hm_report_alone(m, diag);
}

static enum hv_trap_outcome do_asm_hypercall(struct sim_machine *m, struct vcpu *vcpu)
{
    m->clock.cycles += m->options.costs.hypercall;
    return hv_asm_hypercall(&m->hv, vcpu_get_reg(vcpu, VCPU_O0), vcpu_get_reg(vcpu, VCPU_O0 + 1));
}

/* A failed hypercall's notice, before the partition sees the result. */
static void notice_failure(struct sim_machine *m, uint32_t id, uint32_t nr, int32_t result,
                           FILE *diag)
{
    if (!m->options.hypercall_notices || !sim_hypercall_is_misuse(result))
        return;
    struct sim_hypercall_failure f = {sim_clock_us(&m->clock),
                                      id,
                                      m->config->partitions[id].name,
                                      nr,
                                      result,
                                      m->options.symbols ? &m->options.symbols[id] : NULL};
    sim_hypercall_notice(&m->hypercall_notices, m->partitions[id].vcpu, &f, diag);
}

/* A hypercall's HM events (a denied call, the partition's own events)
 * have notices of their own, after the failed call's. */
static void do_hypercall(struct sim_machine *m, uint32_t id, FILE *diag)
{
    struct vcpu *vcpu = m->partitions[id].vcpu;
    uint32_t regs[6];
    int32_t result;
    for (int i = 0; i < 6; i++)
        regs[i] = vcpu_get_reg(vcpu, VCPU_O0 + i);
    m->clock.cycles += m->options.costs.hypercall;
    if (hv_hypercall(&m->hv, regs, &result)) {
        notice_failure(m, id, regs[0], result, diag);
        vcpu_set_reg(vcpu, VCPU_O0, (uint32_t)result);
        vcpu_skip_instruction(vcpu);
    }
    sim_hm_report_alone(m, diag);
}

static enum sim_error handle_exit(struct sim_machine *m, uint32_t id, const struct vcpu_exit *exit,
                                  uint64_t deadline, FILE *diag)
{
    switch (exit->reason) {
    case VCPU_EXIT_BUDGET:
        /* What is left before the device event is less than the next
         * block: the event (an interrupt, say) takes the partition there. */
        if (m->clock.cycles < deadline)
            m->clock.cycles = deadline;
        return SIM_OK;
    case VCPU_EXIT_HYPERCALL:
        do_hypercall(m, id, diag);
        return SIM_OK;
    case VCPU_EXIT_ASM_HYPERCALL:
        finish_trap(m, id, exit, do_asm_hypercall(m, m->partitions[id].vcpu), diag);
        return SIM_OK;
    case VCPU_EXIT_TRAP:
        finish_trap(m, id, exit,
                    hv_partition_trap(&m->hv, exit->trap_type, exit->pc, exit->fault_address),
                    diag);
        return SIM_OK;
    case VCPU_EXIT_POWER_DOWN:
        m->powered_down = true; /* until the next interrupt (run_or_idle) */
        m->powered_down_by = id;
        return SIM_OK;
    case VCPU_EXIT_ERROR:
        break;
    }
    fprintf(diag, "hvsim: partition %u (%s): the CPU engine failed at pc 0x%08x\n", id,
            m->config->partitions[id].name, exit->pc);
    return SIM_ERR_CPU;
}

/* No hypervisor entry runs past a slot boundary (issue 11): a hypercall,
 * assembly hypercall or trap whose worst-case cost (entry, hypercall and
 * HV_HYPERCALL_MAX_IO register accesses) would reach the timer interrupt
 * of the scheduler's next boundary is not entered. The partition stays on the instruction, which
 * it executes again when it next runs; the CPU waits for the interrupt.
 * So the next slot starts at the same cycle whatever the partition did.
 * The console write bounds itself by the slot end (hvcore/src/console.c). */
static bool enters_too_late(const struct sim_machine *m, uint64_t at)
{
    const struct sim_costs *c = &m->options.costs;
    const struct hv_drivers *timer = &m->hv.drivers;
    if (!timer->event_armed || timer->event_deadline != m->hv.sched.next_event_us)
        return false; /* the next timer interrupt is the partition's own timer, not a boundary */
    uint64_t cost =
        (uint64_t)c->entry + c->hypercall + (uint64_t)HV_HYPERCALL_MAX_IO * c->io_access;
    uint64_t interrupt = gptimer_next_event(&m->devices.gptimer, m->clock.cycles);
    return interrupt != DEV_NEVER && at + cost > interrupt;
}

/* Run the partition until the next device event (its budget). */
static enum sim_error run_partition(struct sim_machine *m, uint32_t id, uint64_t deadline,
                                    FILE *diag)
{
    struct vcpu_exit exit;
    if (m->clock.cycles >= deadline)
        return SIM_OK;
    enum vcpu_error error = vcpu_run(m->partitions[id].vcpu, deadline - m->clock.cycles, &exit);
    if (error != VCPU_OK) {
        fprintf(diag, "hvsim: partition %u: %s\n", id, vcpu_strerror(error));
        return SIM_ERR_CPU;
    }
    bool enters = exit.reason != VCPU_EXIT_BUDGET && exit.reason != VCPU_EXIT_POWER_DOWN;
    if (enters && enters_too_late(m, m->clock.cycles + exit.cycles)) {
        m->clock.cycles = deadline; /* the instruction runs again when the partition next does */
        return SIM_OK;
    }
    m->clock.cycles += exit.cycles;
    bus_update(&m->devices.bus, m->clock.cycles); /* what the devices did meanwhile, first */
    m->clock.cycles += enters ? m->options.costs.entry : 0;
    return handle_exit(m, id, &exit, deadline, diag);
}

/* The processor takes the highest interrupt the IRQMP presents, as a LEON3
 * does at the next instruction: acknowledge, enter the core. */
static bool take_interrupt(struct sim_machine *m)
{
    uint32_t line = irqmp_irl(&m->devices.irqmp, 0);
    if (line == 0)
        return false;
    m->powered_down = false; /* the interrupt ends a power-down, as on a LEON3 */
    irqmp_ack(&m->devices.irqmp, 0, line);
    m->clock.cycles += m->options.costs.entry;
    hv_irq(&m->hv, line);
    return true;
}

/* Before the partition runs, the core delivers its pending virtual
 * interrupt, if any (XtratuM does it on every return to a partition). */
static bool deliver_virqs(struct sim_machine *m, uint32_t id, FILE *diag)
{
    enum hv_trap_outcome outcome = hv_resume(&m->hv);
    if (outcome == HV_TRAP_CONTINUE || outcome == HV_TRAP_REDIRECTED)
        return true;
    struct sim_trap_notice n = {
        .us = sim_clock_us(&m->clock),
        .partition = id,
        .name = m->config->partitions[id].name,
        .outcome = outcome,
        .event = m->hv.hm.last.event,
        .action = m->hv.hm.last.action,
        .symbols = m->options.symbols ? &m->options.symbols[id] : NULL,
    };
    if (sim_hm_notice_due(m))
        sim_notice_virq(diag, &n);
    sim_hm_report(m, diag);
    return false;
}

static uint64_t earliest(uint64_t a, uint64_t b)
{
    return a < b ? a : b;
}

/* A UART's next event matters to the CPU only when its line reaches it. */
static uint64_t uart_interrupt(const struct sim_machine *m, const struct apbuart *u)
{
    if (!(m->devices.irqmp.mask[0] & (1u << u->line)))
        return DEV_NEVER;
    return apbuart_next_event(u, m->clock.cycles);
}

/* The next cycle at which a device may interrupt the CPU: the timers, and
 * a UART whose line is unmasked. A partition runs up to it. Other device
 * events (a byte leaving a UART whose interrupt is masked, such as the
 * polled console or another partition's UART2 outside its slot) happen
 * while it runs and are brought up to date after its run, with their own
 * cycles: they must not cut its run, which would cost it the rest of a
 * block (issue 11: a partition's device costs the others nothing). */
static uint64_t next_interrupt(const struct sim_machine *m)
{
    uint64_t at = gptimer_next_event(&m->devices.gptimer, m->clock.cycles);
    at = earliest(at, uart_interrupt(m, &m->devices.uart));
    return earliest(at, uart_interrupt(m, &m->devices.uart2));
}

static enum sim_error run_or_idle(struct sim_machine *m, FILE *diag)
{
    if (m->engine_error != VCPU_OK) {
        fprintf(diag, "hvsim: %s\n", vcpu_strerror(m->engine_error));
        return SIM_ERR_CPU;
    }
    bus_update(&m->devices.bus, m->clock.cycles);
    uint64_t next_input = sim_console_feed_input(m);
    if (take_interrupt(m))
        return SIM_OK;
    uint64_t deadline = earliest(next_interrupt(m), next_input);
    if (m->stop_at != 0)
        deadline = earliest(deadline, m->stop_at); /* sim_machine_run_until's time */
    int32_t current = hv_current(&m->hv);
    /* Another partition without an interrupt (a scenario's injection): the
     * power-down was the previous one's. */
    m->powered_down = m->powered_down && current == (int32_t)m->powered_down_by;
    if (current == HV_IDLE || m->powered_down) {
        m->clock.cycles = deadline; /* a powered-down partition keeps the CPU, idle */
        m->last_running = m->powered_down ? m->last_running : HV_IDLE;
        return SIM_OK;
    }
    /* The switch is paid before the delivery, so a virtual interrupt's
     * handler starts (VIRQ_DELIVER, its latency) when the partition runs. */
    if (m->last_running != current)
        m->clock.cycles += m->options.costs.context_switch;
    m->last_running = current;
    if (!deliver_virqs(m, (uint32_t)current, diag))
        return SIM_OK;
    return run_partition(m, (uint32_t)current, deadline, diag);
}

/* One step, the devices brought up to its end: what they did while the
 * CPU ran or idled is there when the run stops here (a scenario's check). */
static enum sim_error step(struct sim_machine *m, FILE *diag)
{
    enum sim_error error = run_or_idle(m, diag);
    bus_update(&m->devices.bus, m->clock.cycles);
    sim_hm_report_alone(m, diag); /* raised in an interrupt, say: no cause's notice took them */
    return error;
}

void sim_machine_drain_console(struct sim_machine *m)
{
    for (int i = 0; i < 4; i++) {
        uint64_t t = earliest(apbuart_next_event(&m->devices.uart, m->clock.cycles),
                              apbuart_next_event(&m->devices.uart2, m->clock.cycles));
        if (t == UINT64_MAX)
            return;
        m->clock.cycles = t;
        bus_update(&m->devices.bus, t);
    }
}

/* XM_halt_system or the health monitor stopped the system: one notice. */
static void report_halt(struct sim_machine *m, FILE *diag)
{
    int32_t by = m->hv.system.halted_by;
    if (m->halt_reported)
        return;
    m->halt_reported = true;
    sim_notice_halt(diag, sim_clock_us(&m->clock), by,
                    by >= 0 ? m->config->partitions[by].name : "");
}

static void boot_once(struct sim_machine *m)
{
    if (!m->booted) {
        hv_boot(&m->hv);
        m->booted = true;
    }
}

/* Before frame `mafs` starts, unless the system has halted. */
static bool may_run(struct sim_machine *m, uint64_t mafs, FILE *diag)
{
    if (hv_system_halted(&m->hv)) {
        report_halt(m, diag);
        return false;
    }
    return m->hv.sched.maf_count < mafs;
}

enum sim_error sim_machine_run_mafs(struct sim_machine *m, uint64_t mafs, FILE *diag)
{
    boot_once(m);
    while (may_run(m, mafs, diag)) {
        enum sim_error error = step(m, diag);
        if (error != SIM_OK)
            return error;
    }
    return SIM_OK;
}

enum sim_error sim_machine_run_until_us(struct sim_machine *m, uint64_t us, uint64_t mafs,
                                        FILE *diag)
{
    boot_once(m);
    while (sim_clock_us(&m->clock) < us && may_run(m, mafs, diag)) {
        enum sim_error error = step(m, diag);
        if (error != SIM_OK)
            return error;
    }
    return SIM_OK;
}

/* A new slot has started since (maf, slot) was the scheduler's position. */
static bool slot_started(const struct sim_machine *m, uint64_t maf, int32_t slot)
{
    return m->hv.sched.slot >= 0 && (m->hv.sched.slot != slot || m->hv.sched.maf_count != maf);
}

enum sim_error sim_machine_run_slot(struct sim_machine *m, uint64_t mafs, FILE *diag)
{
    /* Before boot nothing ran: the first slot, started at boot, is the step. */
    uint64_t maf = m->hv.sched.maf_count;
    int32_t slot = m->booted ? m->hv.sched.slot : -1;
    boot_once(m);
    /* Two frames without a slot start: the plan has none; stop anyway. */
    while (!slot_started(m, maf, slot) && may_run(m, mafs, diag) &&
           m->hv.sched.maf_count < maf + 2) {
        enum sim_error error = step(m, diag);
        if (error != SIM_OK)
            return error;
    }
    return SIM_OK;
}

uint64_t sim_machine_mafs_started(const struct sim_machine *m)
{
    return m->hv.sched.maf_count;
}

enum sim_error sim_machine_run_until(struct sim_machine *m, sim_machine_stop_fn *stop,
                                     void *context, uint64_t stop_at, FILE *diag)
{
    enum sim_error error = SIM_OK;
    boot_once(m);
    m->stop_at = stop_at;
    while (error == SIM_OK && !stop(m, context) && may_run(m, UINT64_MAX, diag))
        error = step(m, diag);
    m->stop_at = 0;
    return error;
}
