/* fpu_switch: two FP partitions (fpu_two.xml) each fill %f0-%f31 and the
 * rounding mode of %fsr with values of their own, then check them again and
 * again while the plan switches between them every 1 ms (preempting them
 * anywhere in the loop). Each counts the checks that found a register
 * changed and the preemptions it saw (a jump of the hardware clock between
 * two checks that its execution clock did not make). */
#include "fsr.h"
#include <stdio.h>
#include <xm.h>

void PartitionMain(void);

#define CHECKS 3000 /* times (id + 1): the two finish, and print, at different times */
#define FSR_RD_SHIFT 30

static xm_u32_t pattern[32] __attribute__((aligned(8)));
static xm_u32_t seen[32] __attribute__((aligned(8)));

static void load_registers(void)
{
    __asm__ volatile("ldd [%0 + 0], %%f0\n\tldd [%0 + 8], %%f2\n\tldd [%0 + 16], %%f4\n\t"
                     "ldd [%0 + 24], %%f6\n\tldd [%0 + 32], %%f8\n\tldd [%0 + 40], %%f10\n\t"
                     "ldd [%0 + 48], %%f12\n\tldd [%0 + 56], %%f14\n\tldd [%0 + 64], %%f16\n\t"
                     "ldd [%0 + 72], %%f18\n\tldd [%0 + 80], %%f20\n\tldd [%0 + 88], %%f22\n\t"
                     "ldd [%0 + 96], %%f24\n\tldd [%0 + 104], %%f26\n\tldd [%0 + 112], %%f28\n\t"
                     "ldd [%0 + 120], %%f30\n\t"
                     :
                     : "r"(pattern)
                     : "memory");
}

/* The compiler must not use the FP registers between the two: only
 * integer code runs here (no float in this file outside the asm). */
static void store_registers(void)
{
    __asm__ volatile("std %%f0, [%0 + 0]\n\tstd %%f2, [%0 + 8]\n\tstd %%f4, [%0 + 16]\n\t"
                     "std %%f6, [%0 + 24]\n\tstd %%f8, [%0 + 32]\n\tstd %%f10, [%0 + 40]\n\t"
                     "std %%f12, [%0 + 48]\n\tstd %%f14, [%0 + 56]\n\tstd %%f16, [%0 + 64]\n\t"
                     "std %%f18, [%0 + 72]\n\tstd %%f20, [%0 + 80]\n\tstd %%f22, [%0 + 88]\n\t"
                     "std %%f24, [%0 + 96]\n\tstd %%f26, [%0 + 104]\n\tstd %%f28, [%0 + 112]\n\t"
                     "std %%f30, [%0 + 120]\n\t"
                     :
                     : "r"(seen)
                     : "memory");
}

static xmTime_t clock_now(xm_u32_t clock)
{
    xmTime_t now = 0;
    XM_get_time(clock, &now);
    return now;
}

static int registers_intact(xm_u32_t rounding)
{
    store_registers();
    for (int r = 0; r < 32; r++)
        if (seen[r] != pattern[r])
            return 0;
    return read_fsr() >> FSR_RD_SHIFT == rounding;
}

void PartitionMain(void)
{
    xm_u32_t id = XM_PARTITION_SELF;
    xm_u32_t rounding = id + 1; /* toward zero for 0, +inf for 1 */
    for (xm_u32_t r = 0; r < 32; r++)
        pattern[r] = 0x3f800000u + (id << 20) + (r << 8) + r;
    load_registers();
    write_fsr(rounding << FSR_RD_SHIFT);
    int changed = 0, preemptions = 0;
    xmTime_t last_hw = clock_now(XM_HW_CLOCK), last_exec = clock_now(XM_EXEC_CLOCK);
    int checks = CHECKS * (int)(id + 1);
    for (int i = 0; i < checks; i++) {
        changed += !registers_intact(rounding);
        xmTime_t hw = clock_now(XM_HW_CLOCK), exec = clock_now(XM_EXEC_CLOCK);
        preemptions += (hw - last_hw) - (exec - last_exec) > 500;
        last_hw = hw;
        last_exec = exec;
    }
    printf("Fp%u: %d checks, %d found a register changed, preempted %s\n", (unsigned)id, checks,
           changed, preemptions >= 5 ? "5 times or more" : "too rarely");
    XM_halt_partition(id);
}
