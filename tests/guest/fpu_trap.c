/* fpu_trap: FP exceptions a partition enables in %fsr (TEM) reach it as
 * traps: the health monitor propagates XM_HM_EV_SPARCV8_FP_EXCEPTION to
 * vector 0x08 of its trap table (fpu.xml), with %fsr telling which
 * (ftt = 1, IEEE exception; cexc). Disabled ones only accrue. The virtual
 * EF: an FP partition starts with it set; cleared with XM_sparc_set_psr,
 * the next FP instruction is FP_DISABLED (vector 0x04 here); set again,
 * the FPU works. The handlers count and continue after the instruction. */
#include "fsr.h"
#include <irqs.h>
#include <stdio.h>
#include <xm.h>

void PartitionMain(void);

#define FSR_TEM_NV (1u << 27)
#define FSR_TEM_DZ (1u << 24)
#define FSR_FTT(fsr) (((fsr) >> 14) & 7u)
#define FSR_CEXC_NV 0x10u
#define FSR_CEXC_DZ 0x02u
#define FSR_AEXC_NX (1u << 5)

static volatile unsigned fp_traps, disabled_traps, trap_fsr;
static volatile double one = 1.0, two = 2.0, zero = 0.0, three = 3.0;

static void skip(trapCtxt_t *ctxt)
{
    ctxt->pc = ctxt->nPc;
    ctxt->nPc += 4;
}

static void on_fp_exception(trapCtxt_t *ctxt)
{
    fp_traps++;
    trap_fsr = read_fsr();
    skip(ctxt);
}

static void on_fp_disabled(trapCtxt_t *ctxt)
{
    disabled_traps++;
    skip(ctxt);
}

static void trapping_division(const char *what, double numerator, unsigned enable, unsigned cexc)
{
    fp_traps = 0;
    write_fsr(enable);
    volatile double result = numerator / zero;
    (void)result;
    unsigned fsr = trap_fsr;
    write_fsr(0);
    printf("%s: traps %u, ftt %u, cexc flag %s\n", what, fp_traps, FSR_FTT(fsr),
           fsr & cexc ? "set" : "clear");
}

void PartitionMain(void)
{
    InstallTrapHandler(0x08, on_fp_exception);
    InstallTrapHandler(0x04, on_fp_disabled);
    printf("virtual EF at start: %u\n", (XM_sparc_get_psr() & PSR_EF_BIT) != 0);
    trapping_division("1/0 with TEM.DZ", one, FSR_TEM_DZ, FSR_CEXC_DZ);
    trapping_division("0/0 with TEM.NV", zero, FSR_TEM_NV, FSR_CEXC_NV);

    fp_traps = 0;
    write_fsr(FSR_TEM_DZ);
    volatile double third = one / three;
    printf("1/3 with TEM.DZ only: traps %u, inexact accrued %s\n", fp_traps,
           read_fsr() & FSR_AEXC_NX ? "yes" : "no");
    write_fsr(0);
    (void)third;

    XM_sparc_set_psr(XM_sparc_get_psr() & ~PSR_EF_BIT);
    __asm__ volatile("fmovs %%f0, %%f1" ::: "memory"); /* one FP instruction */
    printf("EF cleared: FP_DISABLED traps %u, virtual EF %u\n", disabled_traps,
           (XM_sparc_get_psr() & PSR_EF_BIT) != 0);
    XM_sparc_set_psr(XM_sparc_get_psr() | PSR_EF_BIT);
    volatile double sum = one + two;
    printf("EF set again: 1+2 %s, FP_DISABLED traps %u\n", sum == 3.0 ? "= 3" : "WRONG",
           disabled_traps);
    printf("fpu_trap: done\n");
}
