/* hvcore/arch/leon3: the FPU, switched lazily. Only a partition whose PSR
 * has EF (an HV_PART_FP partition that enabled it) uses it; its registers
 * and FSR stay in the FPU until another such partition runs, which saves
 * them into the owner's area first. The hypervisor itself never touches
 * the FPU (built with -msoft-float). */
#include "leon3.h"

#define PSR_EF 0x00001000u

struct leon3_fpu {
    uint64_t f[16]; /* %f0-%f31 as pairs */
    uint32_t fsr;
} __attribute__((aligned(8)));

static struct leon3_fpu fpus[HV_MAX_PARTITIONS];
static int32_t fp_owner = -1;

static void hypervisor_ef(bool on)
{
    uint32_t psr;
    __asm__ volatile("rd %%psr, %0" : "=r"(psr));
    psr = on ? psr | PSR_EF : psr & ~PSR_EF;
    __asm__ volatile("wr %0, %%psr; nop; nop; nop" : : "r"(psr) : "memory");
}

static void save(struct leon3_fpu *f)
{
    __asm__ volatile("std %%f0, [%0 + 0]\n\tstd %%f2, [%0 + 8]\n\tstd %%f4, [%0 + 16]\n\t"
                     "std %%f6, [%0 + 24]\n\tstd %%f8, [%0 + 32]\n\tstd %%f10, [%0 + 40]\n\t"
                     "std %%f12, [%0 + 48]\n\tstd %%f14, [%0 + 56]\n\tstd %%f16, [%0 + 64]\n\t"
                     "std %%f18, [%0 + 72]\n\tstd %%f20, [%0 + 80]\n\tstd %%f22, [%0 + 88]\n\t"
                     "std %%f24, [%0 + 96]\n\tstd %%f26, [%0 + 104]\n\tstd %%f28, [%0 + 112]\n\t"
                     "std %%f30, [%0 + 120]\n\tst %%fsr, [%0 + 128]"
                     :
                     : "r"(f)
                     : "memory");
}

static void load(const struct leon3_fpu *f)
{
    __asm__ volatile("ldd [%0 + 0], %%f0\n\tldd [%0 + 8], %%f2\n\tldd [%0 + 16], %%f4\n\t"
                     "ldd [%0 + 24], %%f6\n\tldd [%0 + 32], %%f8\n\tldd [%0 + 40], %%f10\n\t"
                     "ldd [%0 + 48], %%f12\n\tldd [%0 + 56], %%f14\n\tldd [%0 + 64], %%f16\n\t"
                     "ldd [%0 + 72], %%f18\n\tldd [%0 + 80], %%f20\n\tldd [%0 + 88], %%f22\n\t"
                     "ldd [%0 + 96], %%f24\n\tldd [%0 + 104], %%f26\n\tldd [%0 + 112], %%f28\n\t"
                     "ldd [%0 + 120], %%f30\n\tld [%0 + 128], %%fsr"
                     :
                     : "r"(f)
                     : "memory");
}

void leon3_fpu_switch(uint32_t id)
{
    if (!(leon3_cpu_of(id)->psr & PSR_EF) || fp_owner == (int32_t)id)
        return;
    hypervisor_ef(true);
    if (fp_owner >= 0)
        save(&fpus[fp_owner]);
    load(&fpus[id]);
    hypervisor_ef(false);
    fp_owner = (int32_t)id;
}

void leon3_fpu_reset(uint32_t id)
{
    struct leon3_fpu zero = {{0}, 0};
    fpus[id] = zero;
    if (fp_owner == (int32_t)id)
        fp_owner = -1;
}
