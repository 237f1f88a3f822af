/* hvcore: SPARC virtual traps and the assembly hypercalls (`ta 0xF1`), with
 * the semantics of XtratuM's SPARC port (XM-Q 1.0: core/kernel/sparcv8
 * entry.S, start.S, irqs.c). A partition has a virtual trap table at its
 * virtual TBR (PCT arch.tbr, set with sparc_write_tbr) and a virtual ET,
 * PIL and EF (PCT iFlags); its real PSR keeps ET = 1 and PIL = 0. This file
 * decides; the port moves the register windows (hv_port_cpu_*). */
#include "internal.h"
#include <hvcore/trace.h>
#include <xm/hypercalls.h>

#define TRAP_TABLE_BYTES (256u * 16u)
#define VECTOR_BYTES 16u
#define IFLAGS_BITS (PSR_PIL_MASK | PSR_ET_BIT | PSR_EF_BIT)
#define SPARC_TT_FP_DISABLED 0x04u

/* Trap types XtratuM's trap table sends back to the partition's own
 * vector (its SOFT_TRAP entries): everything it has no handler for. From
 * user mode only trap instructions reach these: 0x80-0xEF, 0xF2-0xFF. */
static const struct {
    uint8_t first, last;
} reflected_ranges[] = {
    {0x0c, 0x10}, {0x21, 0x23}, {0x25, 0x29}, {0x2d, 0x3b}, {0x3d, 0xef}, {0xf2, 0xff},
};

bool hv_vtrap_is_reflected(uint32_t trap_type)
{
    uint32_t count = sizeof reflected_ranges / sizeof reflected_ranges[0];
    for (uint32_t i = 0; i < count; i++) {
        if (trap_type >= reflected_ranges[i].first && trap_type <= reflected_ranges[i].last)
            return true;
    }
    return false;
}

const char *hv_trap_outcome_str(enum hv_trap_outcome outcome)
{
    switch (outcome) {
    case HV_TRAP_CONTINUE:
        return "continues after the trap";
    case HV_TRAP_REDIRECTED:
        return "continues where the hypervisor sent it";
    case HV_TRAP_FAULT:
        return "handled by the health monitor";
    case HV_TRAP_BAD_TBR:
        return "no valid virtual trap table (TBR)";
    case HV_TRAP_BAD_STACK:
        return "a register window cannot go to or come from the partition's stack";
    case HV_TRAP_BAD_IRET:
        return "iret to an unreadable address or to a window not in the registers";
    case HV_TRAP_NO_PARTITION:
        return "no partition runs";
    }
    return "unknown trap outcome";
}

/* A virtual trap that cannot be delivered or returned from leaves the
 * partition unrecoverable: the health monitor decides (xmcparser's
 * default action is HALT). */
static enum hv_trap_outcome fault(struct hv *hv, uint32_t id, enum hv_trap_outcome why)
{
    return hv_hm_partition_event(hv, id, XM_HM_EV_PARTITION_UNRECOVERABLE, 0, why);
}

/* The PSR as XtratuM shows it (get_psr, %l0 of a virtual trap): what its
 * trap handler's `rd %psr` saw - real icc and impl/ver, S = 1, PS = 0, the
 * CWP of the trap window (one below the partition's) - with the virtual
 * ET, PIL and EF. */
static uint32_t virtual_psr(struct hv *hv, uint32_t id, uint32_t iflags)
{
    uint32_t real = hv_port_cpu_get(hv, id, HV_CPU_PSR);
    uint32_t windows = hv_port_cpu_windows(hv);
    uint32_t cwp = ((real & PSR_CWP_MASK) + windows - 1) % windows;
    uint32_t kept = real & ~(IFLAGS_BITS | PSR_S_BIT | PSR_PS_BIT | PSR_CWP_MASK);
    return kept | PSR_S_BIT | (iflags & IFLAGS_BITS) | cwp;
}

/* XtratuM checks the whole table is the partition's readable memory and
 * 4-byte aligned (IrqVector2Address), at delivery, not at sparc_write_tbr. */
static bool table_valid(struct hv *hv, uint32_t id, uint32_t tbr)
{
    return tbr % 4 == 0 && hv_port_guest_readable(hv, id, tbr, TRAP_TABLE_BYTES);
}

enum hv_trap_outcome hv_vtrap_deliver(struct hv *hv, uint32_t id, uint32_t vector)
{
    uint32_t tbr = hv_pct_tbr(hv, id);
    if (!table_valid(hv, id, tbr))
        return fault(hv, id, HV_TRAP_BAD_TBR);
    uint32_t iflags = hv_pct_iflags(hv, id) & ~PSR_ET_BIT;
    hv_pct_set_iflags(hv, id, iflags);
    uint32_t l0 = virtual_psr(hv, id, iflags);
    if (!hv_port_cpu_trap_enter(hv, id, tbr + VECTOR_BYTES * (vector & 0xffu), l0))
        return fault(hv, id, HV_TRAP_BAD_STACK);
    return HV_TRAP_REDIRECTED;
}

int32_t hv_vtrap_write_tbr(struct hv *hv, uint32_t id, uint32_t tbr)
{
    hv_pct_set_tbr(hv, id, tbr);
    return XM_OK;
}

/* The real PSR the partition gets: icc as given, EF only for an FP
 * partition (a handler's %l0 at iret cannot enable the FPU elsewhere). */
static void set_real_psr(struct hv *hv, uint32_t id, uint32_t psr)
{
    if (!(hv_partition_config(hv, id)->flags & HV_PART_FP))
        psr &= ~(uint32_t)PSR_EF_BIT;
    hv_port_cpu_set(hv, id, HV_CPU_PSR, psr);
}

/* fp_disabled (tt 0x04) with the virtual EF set: XtratuM's trap table
 * enables the FPU (its lazy FPU switch) and runs the instruction again.
 * Only an FP partition has the virtual EF (iFlags, set at reset and by
 * set_psr); any other fp_disabled is the HM event FP_DISABLED. */
static bool enable_fpu(struct hv *hv, uint32_t id, uint32_t trap_type)
{
    if (trap_type != SPARC_TT_FP_DISABLED || !(hv_pct_iflags(hv, id) & PSR_EF_BIT) ||
        !(hv_partition_config(hv, id)->flags & HV_PART_FP))
        return false;
    set_real_psr(hv, id, hv_port_cpu_get(hv, id, HV_CPU_PSR) | PSR_EF_BIT);
    return true;
}

enum hv_trap_outcome hv_partition_trap(struct hv *hv, uint32_t trap_type, uint32_t pc,
                                       uint32_t address)
{
    if (hv->sched.current == HV_IDLE)
        return HV_TRAP_NO_PARTITION;
    uint32_t id = (uint32_t)hv->sched.current;
    hv_trace(hv, HV_TRACE_TRAP, (int32_t)id, trap_type, pc, address);
    if (hv_vtrap_is_reflected(trap_type))
        return hv_vtrap_deliver(hv, id, trap_type);
    if (enable_fpu(hv, id, trap_type))
        return HV_TRAP_REDIRECTED;
    return hv_hm_trap(hv, id, trap_type, pc, address);
}

/* The assembly hypercalls. Each runs in the caller's window (the `ta` has
 * not moved it) and, unless it says otherwise, continues after the `ta`
 * with %o0 unchanged. Where XtratuM would now deliver pending virtual IRQs
 * (set_psr, clear_pil and iret enabling them) nothing can be pending yet:
 * virtual IRQs come with issue 4. */
typedef enum hv_trap_outcome (*asm_hypercall_fn)(struct hv *hv, uint32_t id, uint32_t arg);

static void update_iflags(struct hv *hv, uint32_t id, uint32_t set, uint32_t clear)
{
    hv_pct_set_iflags(hv, id, (hv_pct_iflags(hv, id) & ~clear) | set);
}

static bool return_address_ok(struct hv *hv, uint32_t id, uint32_t address)
{
    return address % 4 == 0 && hv_port_guest_readable(hv, id, address, 4);
}

/* rett for the partition: back to %l1/%l2 of the caller's window (the
 * handler's, where delivery put them) in the window below, which must
 * still be in the registers (XAL calls ctrl_winflow first); icc from %l0;
 * virtual traps enabled again. */
static enum hv_trap_outcome do_iret(struct hv *hv, uint32_t id, uint32_t arg)
{
    uint32_t psr = hv_port_cpu_get(hv, id, HV_CPU_L0);
    uint32_t pc = hv_port_cpu_get(hv, id, HV_CPU_L0 + 1);
    uint32_t npc = hv_port_cpu_get(hv, id, HV_CPU_L0 + 2);
    (void)arg;
    if (!return_address_ok(hv, id, pc) || !return_address_ok(hv, id, npc))
        return fault(hv, id, HV_TRAP_BAD_IRET);
    if (!hv_port_cpu_trap_return(hv, id, pc, npc))
        return fault(hv, id, HV_TRAP_BAD_IRET);
    set_real_psr(hv, id, psr);
    update_iflags(hv, id, PSR_ET_BIT, 0);
    return HV_TRAP_REDIRECTED;
}

static enum hv_trap_outcome do_flush_regwin(struct hv *hv, uint32_t id, uint32_t arg)
{
    (void)arg;
    if (!hv_port_cpu_flush_windows(hv, id))
        return fault(hv, id, HV_TRAP_BAD_STACK);
    return HV_TRAP_CONTINUE;
}

static enum hv_trap_outcome do_get_psr(struct hv *hv, uint32_t id, uint32_t arg)
{
    (void)arg;
    hv_port_cpu_set(hv, id, HV_CPU_O0, virtual_psr(hv, id, hv_pct_iflags(hv, id)));
    return HV_TRAP_CONTINUE;
}

/* icc (and EF, for an FP partition) to the real PSR; ET and PIL (and EF
 * for an FP partition) replace iFlags. */
static enum hv_trap_outcome do_set_psr(struct hv *hv, uint32_t id, uint32_t flags)
{
    uint32_t bits = PSR_PIL_MASK | PSR_ET_BIT;
    if (hv_partition_config(hv, id)->flags & HV_PART_FP)
        bits |= PSR_EF_BIT;
    set_real_psr(hv, id, flags);
    hv_pct_set_iflags(hv, id, flags & bits);
    return HV_TRAP_CONTINUE;
}

static enum hv_trap_outcome do_set_pil(struct hv *hv, uint32_t id, uint32_t arg)
{
    (void)arg;
    update_iflags(hv, id, PSR_PIL_MASK, 0);
    return HV_TRAP_CONTINUE;
}

static enum hv_trap_outcome do_clear_pil(struct hv *hv, uint32_t id, uint32_t arg)
{
    (void)arg;
    update_iflags(hv, id, 0, PSR_PIL_MASK);
    return HV_TRAP_CONTINUE;
}

/* Make sure the caller's caller window is in the registers, so that an
 * iret from here can return into it. */
static enum hv_trap_outcome do_ctrl_winflow(struct hv *hv, uint32_t id, uint32_t arg)
{
    (void)arg;
    if (!hv_port_cpu_fill_caller(hv, id))
        return fault(hv, id, HV_TRAP_BAD_STACK);
    return HV_TRAP_CONTINUE;
}

static const asm_hypercall_fn asm_hypercall_table[NR_ASM_HYPERCALLS] = {
    [sparc_iret_nr] = do_iret,
    [sparc_flush_regwin_nr] = do_flush_regwin,
    [sparc_get_psr_nr] = do_get_psr,
    [sparc_set_psr_nr] = do_set_psr,
    [sparc_set_pil_nr] = do_set_pil,
    [sparc_clear_pil_nr] = do_clear_pil,
    [sparc_ctrl_winflow_nr] = do_ctrl_winflow,
};

enum hv_trap_outcome hv_asm_hypercall(struct hv *hv, uint32_t nr, uint32_t arg)
{
    if (hv->sched.current == HV_IDLE)
        return HV_TRAP_NO_PARTITION;
    hv_trace(hv, HV_TRACE_ASM_HYPERCALL, hv->sched.current, nr, 0, 0);
    if (nr >= NR_ASM_HYPERCALLS)
        return HV_TRAP_CONTINUE; /* XtratuM ignores an unknown number */
    return asm_hypercall_table[nr](hv, (uint32_t)hv->sched.current, arg);
}
