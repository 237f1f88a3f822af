/* fpu_reset: a reset, warm or cold, gives an FP partition the FPU state of
 * its first boot: %f0-%f31 zero and %fsr zero (its read-only ver field
 * aside). Each start prints what it finds, then fills every FP register
 * and %fsr (RD toward zero, accrued flags), checks they hold, and resets
 * itself: warm (status 7), then cold (status 9). docs/cpu.md "Floating
 * point" says why this differs from XM-Q, where the values survive. */
#include "fsr.h"
#include <stdio.h>
#include <xm.h>

void PartitionMain(void);

#define FSR_VER 0x000e0000u
#define FSR_FILLED 0xc00003e0u /* RD toward zero, every aexc flag */
#define WARM_STATUS 7u
#define COLD_STATUS 9u

static unsigned regs[32] __attribute__((aligned(8)));

static void store_fregs(void)
{
    __asm__ volatile("std %%f0, [%0 + 0]\n\tstd %%f2, [%0 + 8]\n\tstd %%f4, [%0 + 16]\n\t"
                     "std %%f6, [%0 + 24]\n\tstd %%f8, [%0 + 32]\n\tstd %%f10, [%0 + 40]\n\t"
                     "std %%f12, [%0 + 48]\n\tstd %%f14, [%0 + 56]\n\tstd %%f16, [%0 + 64]\n\t"
                     "std %%f18, [%0 + 72]\n\tstd %%f20, [%0 + 80]\n\tstd %%f22, [%0 + 88]\n\t"
                     "std %%f24, [%0 + 96]\n\tstd %%f26, [%0 + 104]\n\tstd %%f28, [%0 + 112]\n\t"
                     "std %%f30, [%0 + 120]"
                     :
                     : "r"(regs)
                     : "memory");
}

static void load_fregs(void)
{
    __asm__ volatile("ldd [%0 + 0], %%f0\n\tldd [%0 + 8], %%f2\n\tldd [%0 + 16], %%f4\n\t"
                     "ldd [%0 + 24], %%f6\n\tldd [%0 + 32], %%f8\n\tldd [%0 + 40], %%f10\n\t"
                     "ldd [%0 + 48], %%f12\n\tldd [%0 + 56], %%f14\n\tldd [%0 + 64], %%f16\n\t"
                     "ldd [%0 + 72], %%f18\n\tldd [%0 + 80], %%f20\n\tldd [%0 + 88], %%f22\n\t"
                     "ldd [%0 + 96], %%f24\n\tldd [%0 + 104], %%f26\n\tldd [%0 + 112], %%f28\n\t"
                     "ldd [%0 + 120], %%f30"
                     :
                     : "r"(regs)
                     : "memory");
}

/* How many of %f0-%f31 are non-zero, and %fsr without ver. */
static void report(const char *when)
{
    store_fregs();
    unsigned nonzero = 0;
    for (unsigned i = 0; i < 32; i++)
        nonzero += regs[i] != 0;
    printf("%s: %u of 32 FP registers non-zero, %%fsr 0x%08x\n", when, nonzero,
           read_fsr() & ~FSR_VER);
}

static void fill(void)
{
    for (unsigned i = 0; i < 32; i++)
        regs[i] = 0x41000000u + i * 0x1111u;
    load_fregs();
    write_fsr(FSR_FILLED);
    report("filled");
}

void PartitionMain(void)
{
    const partitionControlTable_t *pct = XM_params_get_PCT();
    unsigned status = pct->resetStatus;
    printf("start: resetStatus %u, resetCounter %u\n", status, (unsigned)pct->resetCounter);
    report("at start");
    if (status == COLD_STATUS) {
        printf("fpu_reset: done\n");
        return;
    }
    fill();
    if (status == WARM_STATUS)
        XM_reset_partition(XM_PARTITION_SELF, 0xffffffffu, XM_COLD_RESET, COLD_STATUS);
    else
        XM_reset_partition(XM_PARTITION_SELF, 0xffffffffu, XM_WARM_RESET, WARM_STATUS);
    printf("fpu_reset: the reset returned\n");
}
