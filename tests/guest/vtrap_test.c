/* vtrap_test: software traps reflected to the partition's virtual trap
 * table (XAL's _traptab and InstallTrapHandler), handlers returning with
 * iret, from delay slots too; what a handler sees (pc, nPc, tt, PSR copy,
 * virtual ET) and what survives it (icc, globals, outs, locals at any
 * call depth, a handler deep enough to spill the interrupted window). */
#include <irqs.h>
#include <stdio.h>
#include <xm.h>

void PartitionMain(void);

int vt_delay_taken(void);
int vt_delay_untaken(void);
int vt_icc_kept(void);
int vt_regs_kept(void);
int vt_trap_at_depth(int n);
unsigned vt_deep(unsigned n);
extern char vt_delay_taken_ta[], vt_delay_taken_target[], vt_delay_untaken_ta[];

static unsigned count[TRAPTAB_LENGTH];
static trapCtxt_t last;
static xm_u32_t psr_inside;
static unsigned deep_result;
static unsigned handler_depth;

static void step_over(trapCtxt_t *ctxt)
{
    last = *ctxt;
    count[ctxt->irqNr]++;
    psr_inside = XM_sparc_get_psr();
    if (handler_depth)
        deep_result = vt_deep(handler_depth);
    ctxt->pc = ctxt->nPc;
    ctxt->nPc += 4;
}

static const char *yes(int ok)
{
    return ok ? "ok" : "WRONG";
}

static void counting(void)
{
    for (int i = 0; i < 3; i++)
        __asm__ volatile("ta 5" ::: "memory");
    __asm__ volatile("ta 0" ::: "memory");
    __asm__ volatile("ta 0x72" ::: "memory");
    printf("tt: %s\n", yes(last.irqNr == 0xf2));
    __asm__ volatile("ta 0x7f" ::: "memory");
    printf("count: ta 5 x%u, ta 0 x%u, ta 0x72 x%u, ta 0x7f x%u\n", count[0x85], count[0x80],
           count[0xf2], count[0xff]);
}

static void delay_slots(void)
{
    int r = vt_delay_taken();
    printf("delay slot, taken: resumed at target %s, pc %s, nPc %s\n", yes(r == 1),
           yes(last.pc == (xm_u32_t)vt_delay_taken_ta),
           yes(last.nPc == (xm_u32_t)vt_delay_taken_target));
    r = vt_delay_untaken();
    printf("delay slot, not taken: resumed after it %s, pc %s, nPc %s\n", yes(r == 1),
           yes(last.pc == (xm_u32_t)vt_delay_untaken_ta),
           yes(last.nPc == (xm_u32_t)vt_delay_untaken_ta + 4));
}

static void psr_copy(void)
{
    int kept = vt_icc_kept();
    printf("icc kept across the handler: %s\n", yes(kept));
    printf("psr copy: icc N+C %s, S %s, ET clear %s, PIL 15 %s, impl/ver 0x%02x\n",
           yes((last.flags & PSR_ICC_MASK) == 0x00900000), yes(last.flags & PSR_S_BIT),
           yes(!(last.flags & PSR_ET_BIT)), yes((last.flags & PSR_PIL_MASK) == PSR_PIL_MASK),
           last.flags >> 24);
    printf("inside: get_psr ET %u; after iret: iFlags ET %u\n", !!(psr_inside & PSR_ET_BIT),
           !!(XM_params_get_PCT()->iFlags & PSR_ET_BIT));
}

static void registers(void)
{
    printf("registers kept: %d of 13\n", vt_regs_kept());
    int depths_ok = 0;
    for (int n = 0; n < 20; n++)
        depths_ok += vt_trap_at_depth(n) == n + 1;
    printf("locals kept with the trap at depths 0..19: %d of 20\n", depths_ok);
    handler_depth = 40;
    unsigned before = count[0x85];
    int r = vt_trap_at_depth(3);
    handler_depth = 0;
    printf("handler 40 calls deep: sum %u, back %s, traps %u\n", deep_result, yes(r == 4),
           count[0x85] - before);
}

void PartitionMain(void)
{
    InstallTrapHandler(0x85, step_over);
    InstallTrapHandler(0x86, step_over);
    InstallTrapHandler(0x80, step_over);
    InstallTrapHandler(0xf2, step_over);
    InstallTrapHandler(0xff, step_over);
    printf("tbr: %s\n", yes(XM_params_get_PCT()->arch.tbr == (xm_u32_t)_traptab));
    counting();
    delay_slots();
    psr_copy();
    registers();
    printf("vtrap_test: done\n");
}
