/* hvcore/arch/leon3: boot, and what happens on every trap. Each trap from
 * a partition arrives in leon3_trap() with the partition's registers
 * saved; the core's entry point for it runs; then leon3_continue() gives
 * the processor to whoever the core chose (the context switch is loading
 * another saved register file and SRMMU context), or idles until the next
 * interrupt. */
#include "../../src/bytes.h"
#include "frames.h"
#include "leon3.h"
#include <hvcore/drivers.h>
#include <hvcore/port.h>

#define TT_INSTRUCTION_ACCESS 0x01u
#define TT_UNALIGNED 0x07u
#define TT_DATA_ACCESS 0x09u
#define TT_WINDOW_OVERFLOW 0x05u
#define TT_WINDOW_UNDERFLOW 0x06u
#define TT_IRQ_FIRST 0x11u
#define TT_IRQ_LAST 0x1fu
#define TT_HYPERCALL 0xf0u
#define TT_ASM_HYPERCALL 0xf1u

#define PSR_KEPT 0xfff03000u /* impl, ver, icc, EC, EF */
#define PSR_ET 0x20u

static struct hv hv;

static void leon3_continue(void) __attribute__((noreturn));

void leon3_main(void);
void leon3_trap(uint32_t tt);
void leon3_trap_hypervisor(uint32_t tt);

void leon3_main(void)
{
    leon3_srmmu_init(&leon3_config);
    enum hv_error error = hv_init(&hv, &leon3_config, leon3_board, NULL);
    if (error != HV_OK)
        leon3_panic(hv_strerror(error));
    hv_boot(&hv);
    leon3_continue();
}

static uint32_t running_id(void)
{
    return (uint32_t)(leon3_running - leon3_cpu_of(0));
}

static void notice(uint8_t kind, int32_t partition, uint32_t tt, uint32_t pc, uint32_t address,
                   enum hv_trap_outcome outcome)
{
    struct leon3_notice n = {
        .us = hv_gptimer_now_us(&hv),
        .kind = kind,
        .partition = partition,
        .tt = (uint8_t)tt,
        .pc = pc,
        .address = address,
        .outcome = (uint8_t)outcome,
        .event = (uint8_t)hv.hm.last.event,
        .action = (uint8_t)hv.hm.last.action,
    };
    leon3_report_notice(&n);
}

/* The HM events of the entry under way, as the simulator keeps them
 * (sim/hm_report.c): after the entry, a trap's or a virtual interrupt's
 * notice covers the first, and every other gets a notice of its own, with
 * the PC its partition was at when the core raised it. */
#define HM_SEEN_MAX 16u
struct hm_seen {
    int32_t partition;
    uint32_t pc;
    uint8_t event, action;
};
static struct hm_seen hm_seen[HM_SEEN_MAX];
static uint32_t hm_seen_count;

void leon3_hm_seen(const struct hv_trace_event *event)
{
    if (hm_seen_count == HM_SEEN_MAX)
        return;
    uint32_t pc = event->partition >= 0 ? leon3_cpu_of((uint32_t)event->partition)->pc : 0;
    hm_seen[hm_seen_count++] =
        (struct hm_seen){event->partition, pc, (uint8_t)event->a, (uint8_t)event->b};
}

/* Notices of their own for the entry's HM events from `from` on. */
static void hm_notices(uint32_t from)
{
    for (uint32_t i = from; i < hm_seen_count; i++) {
        struct leon3_notice n = {
            .us = hv_gptimer_now_us(&hv),
            .kind = LEON3_NOTICE_HM,
            .partition = hm_seen[i].partition,
            .pc = hm_seen[i].pc,
            .event = hm_seen[i].event,
            .action = hm_seen[i].action,
        };
        leon3_report_notice(&n);
    }
    hm_seen_count = 0;
}

static bool may_run(void)
{
    if (hv_system_halted(&hv)) {
        notice(LEON3_NOTICE_HALT, hv.system.halted_by, 0, 0, 0, HV_TRAP_CONTINUE);
        leon3_report_end(hv_gptimer_now_us(&hv), LEON3_END_HALTED);
        return false;
    }
    if (leon3_stop_mafs != 0 && hv.sched.maf_count >= leon3_stop_mafs) {
        leon3_report_end(hv_gptimer_now_us(&hv), LEON3_END_MAFS);
        return false;
    }
    return true;
}

static void leon3_continue(void)
{
    for (;;) {
        hm_notices(0); /* raised in an interrupt, say: no cause's notice took them */
        if (!may_run())
            leon3_shutdown();
        int32_t id = hv_current(&hv);
        if (id == HV_IDLE)
            leon3_idle();
        enum hv_trap_outcome outcome = hv_resume(&hv);
        if (outcome != HV_TRAP_CONTINUE && outcome != HV_TRAP_REDIRECTED) {
            notice(LEON3_NOTICE_VIRQ, id, 0, leon3_cpu_of((uint32_t)id)->pc, 0, outcome);
            hm_notices(1);
            continue;
        }
        leon3_srmmu_switch((uint32_t)id);
        leon3_fpu_switch((uint32_t)id);
        leon3_running = leon3_cpu_of((uint32_t)id);
        leon3_resume(leon3_running);
    }
}

/* The address a trapping load/store or jmpl was after, from the saved
 * registers (the LEON3's fault address register is page-aligned). */
static uint32_t effective_address(uint32_t id, struct leon3_cpu *cpu)
{
    uint8_t b[4];
    if (!hv_port_copy_from_guest(&hv, id, cpu->pc, b, 4))
        return 0;
    uint32_t insn = hv_get_be32(b);
    uint32_t op = insn >> 30, op3 = (insn >> 19) & 0x3fu;
    if (op != 3 && !(op == 2 && (op3 == 0x38 || op3 == 0x39)))
        return 0;
    uint32_t base = *leon3_cpu_reg(cpu, (insn >> 14) & 0x1fu);
    if (insn & (1u << 13))
        return base + (uint32_t)((int32_t)(insn << 19) >> 19);
    return base + *leon3_cpu_reg(cpu, insn & 0x1fu);
}

static uint32_t fault_address(uint32_t id, struct leon3_cpu *cpu, uint32_t tt)
{
    if (tt == TT_INSTRUCTION_ACCESS)
        return cpu->pc;
    if (tt == TT_UNALIGNED || tt == TT_DATA_ACCESS)
        return effective_address(id, cpu);
    return 0;
}

/* As the simulator's run loop: continue after the `ta`, where the core
 * sent the partition, or report the health monitor's event and continue
 * after the trapping instruction if its action said so. */
static void finish_trap(uint32_t id, struct leon3_cpu *cpu, uint32_t tt, uint32_t pc,
                        uint32_t address, enum hv_trap_outcome outcome)
{
    if (outcome == HV_TRAP_REDIRECTED)
        return;
    if (outcome != HV_TRAP_CONTINUE) {
        notice(LEON3_NOTICE_TRAP, (int32_t)id, tt, pc, address, outcome);
        hm_notices(1);
    }
    if (outcome == HV_TRAP_CONTINUE || (outcome != HV_TRAP_NO_PARTITION && hv.hm.last.skip))
        leon3_cpu_skip(cpu);
}

static void fault(uint32_t id, struct leon3_cpu *cpu, uint32_t tt, uint32_t address)
{
    uint32_t pc = cpu->pc; /* before the health monitor's action moves it */
    finish_trap(id, cpu, tt, pc, address, hv_partition_trap(&hv, tt, pc, address));
}

static void hypercall(struct leon3_cpu *cpu)
{
    uint32_t regs[6];
    int32_t result;
    for (uint32_t i = 0; i < 6; i++)
        regs[i] = *leon3_cpu_reg(cpu, HV_CPU_O0 + i);
    if (hv_hypercall(&hv, regs, &result)) {
        *leon3_cpu_reg(cpu, HV_CPU_O0) = (uint32_t)result;
        leon3_cpu_skip(cpu);
    }
    hm_notices(0); /* a denied call's, the partition's own events */
}

static void asm_hypercall(uint32_t id, struct leon3_cpu *cpu)
{
    uint32_t pc = cpu->pc;
    enum hv_trap_outcome outcome =
        hv_asm_hypercall(&hv, *leon3_cpu_reg(cpu, HV_CPU_O0), *leon3_cpu_reg(cpu, HV_CPU_O0 + 1));
    finish_trap(id, cpu, TT_ASM_HYPERCALL, pc, 0, outcome);
}

/* The partition's `save` found the next window invalid: its oldest window
 * goes to its stack, as the simulator's vCPU does; `save` runs again. */
static void window_overflow(uint32_t id, struct leon3_cpu *cpu)
{
    struct leon3_stack_fault bad;
    uint32_t oldest = (leon3_cpu_cwp(cpu) + LEON3_WINDOWS - 2) % LEON3_WINDOWS;
    if (!leon3_cpu_spill(&hv, id, oldest, &bad)) {
        fault(id, cpu, bad.tt, bad.address);
        return;
    }
    cpu->wim = leon3_wim_rotate_right(cpu->wim);
}

static void window_underflow(uint32_t id, struct leon3_cpu *cpu)
{
    struct leon3_stack_fault bad;
    uint32_t caller = (leon3_cpu_cwp(cpu) + 1) % LEON3_WINDOWS;
    if (!leon3_cpu_fill(&hv, id, caller, &bad)) {
        fault(id, cpu, bad.tt, bad.address);
        return;
    }
    cpu->wim = leon3_wim_rotate_left(cpu->wim);
}

/* The PSR start.S saved is the trap window's: the partition's is one
 * window up, in user mode with traps on. */
static void partition_psr(struct leon3_cpu *cpu)
{
    uint32_t cwp = ((cpu->psr & 7u) + 1) % LEON3_WINDOWS;
    cpu->psr = (cpu->psr & PSR_KEPT) | PSR_ET | cwp;
}

void leon3_trap(uint32_t tt)
{
    uint32_t id = running_id();
    struct leon3_cpu *cpu = leon3_running;
    partition_psr(cpu);
    if (tt == TT_HYPERCALL)
        hypercall(cpu);
    else if (tt == TT_ASM_HYPERCALL)
        asm_hypercall(id, cpu);
    else if (tt == TT_WINDOW_OVERFLOW)
        window_overflow(id, cpu);
    else if (tt == TT_WINDOW_UNDERFLOW)
        window_underflow(id, cpu);
    else if (tt >= TT_IRQ_FIRST && tt <= TT_IRQ_LAST)
        hv_irq(&hv, tt - 0x10u);
    else
        fault(id, cpu, tt, fault_address(id, cpu, tt));
    leon3_continue();
}

/* From the idle loop: an interrupt. Anything else is the hypervisor's own
 * fault: stop. */
void leon3_trap_hypervisor(uint32_t tt)
{
    if (tt < TT_IRQ_FIRST || tt > TT_IRQ_LAST)
        leon3_panic("unexpected trap in the hypervisor");
    hv_irq(&hv, tt - 0x10u);
    leon3_continue();
}
