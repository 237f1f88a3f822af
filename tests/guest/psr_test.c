/* psr_test: the assembly hypercalls on the virtual PSR, as XtratuM defines
 * them: XM_sparc_get_psr shows the real icc (23:20) with the virtual EF
 * (12), PIL (11:8) and ET (5) of the PCT's iFlags; set_psr takes icc, PIL
 * and ET (EF only for an FP partition); set_pil / clear_pil set and clear
 * PIL; a software trap is delivered whatever the virtual ET; iret enables
 * it again; an unknown assembly hypercall does nothing. */
#include <irqs.h>
#include <stdio.h>
#include <xm.h>

void PartitionMain(void);

xm_u32_t vt_psr_after_cmp(xm_u32_t a, xm_u32_t b);
int vt_branches_after_set_psr(xm_u32_t flags);
xm_u32_t vt_asm_hypercall(xm_u32_t nr);

#define VIRTUAL (PSR_EF_BIT | PSR_PIL_MASK | PSR_ET_BIT)

static xm_u32_t trap_flags;

static void on_trap(trapCtxt_t *ctxt)
{
    trap_flags = ctxt->flags;
    ctxt->pc = ctxt->nPc;
    ctxt->nPc += 4;
}

static void show(const char *what)
{
    xm_u32_t psr = XM_sparc_get_psr();
    printf("%s: get_psr PIL %u ET %u EF %u, iFlags 0x%03x\n", what, (psr & PSR_PIL_MASK) >> 8,
           !!(psr & PSR_ET_BIT), !!(psr & PSR_EF_BIT), XM_params_get_PCT()->iFlags);
}

static void condition_codes(void)
{
    printf("icc after cmp 1,2: 0x%08x\n", vt_psr_after_cmp(1, 2) & PSR_ICC_MASK);
    printf("icc after cmp 2,2: 0x%08x\n", vt_psr_after_cmp(2, 2) & PSR_ICC_MASK);
    printf("icc after cmp 0x80000000,1: 0x%08x\n", vt_psr_after_cmp(0x80000000u, 1) & PSR_ICC_MASK);
    printf("icc after cmp 3,1: 0x%08x\n", vt_psr_after_cmp(3, 1) & PSR_ICC_MASK);
    xm_u32_t flags = XM_sparc_get_psr() & VIRTUAL;
    printf("branches after set_psr icc Z: 0x%x, N: 0x%x, C: 0x%x, V: 0x%x, none: 0x%x\n",
           vt_branches_after_set_psr(flags | 0x00400000),
           vt_branches_after_set_psr(flags | 0x00800000),
           vt_branches_after_set_psr(flags | 0x00100000),
           vt_branches_after_set_psr(flags | 0x00200000), vt_branches_after_set_psr(flags));
}

static void other_fields(void)
{
    xm_u32_t psr = XM_sparc_get_psr();
    printf("impl/ver 0x%02x, S %u, PS %u\n", psr >> 24, !!(psr & PSR_S_BIT), !!(psr & PSR_PS_BIT));
}

static void pil_and_et(void)
{
    show("boot");
    XM_sparc_clear_pil();
    show("clear_pil");
    XM_sparc_set_pil();
    show("set_pil");
    XM_sparc_set_psr(0x500 | PSR_ET_BIT);
    show("set_psr PIL 5 ET");
    XM_sparc_set_psr(PSR_EF_BIT | PSR_ET_BIT);
    show("set_psr EF ET (not an FP partition)");
    xm_u32_t saved;
    HwSaveFlagsCli(saved);
    show("HwSaveFlagsCli");
    printf("HwIsSti: %d\n", HwIsSti());
    HwRestoreFlags(saved);
    show("HwRestoreFlags");
    printf("HwIsSti: %d\n", HwIsSti());
}

static void trap_with_et_clear(void)
{
    InstallTrapHandler(0x85, on_trap);
    XM_sparc_set_psr(0x300);
    show("set_psr PIL 3, ET clear");
    __asm__ volatile("ta 5" ::: "memory");
    printf("trap delivered with ET clear: PSR copy PIL %u ET %u\n",
           (trap_flags & PSR_PIL_MASK) >> 8, !!(trap_flags & PSR_ET_BIT));
    show("after iret");
}

void PartitionMain(void)
{
    other_fields();
    condition_codes();
    pil_and_et();
    trap_with_et_clear();
    printf("unknown asm hypercall 7: o0 = %u\n", vt_asm_hypercall(7));
    printf("psr_test: done\n");
}
