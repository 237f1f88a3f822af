/* fpu_env.h in a partition: the SPARC V8 %fsr (RD, bits 31:30: nearest,
 * toward zero, +inf, -inf; accrued exceptions aexc, bits 9:5: nv, of, uf,
 * dz, nx). */
#include "fpu_env.h"
#include "fsr.h"

#define FSR_RD_SHIFT 30
#define FSR_RD_MASK (3u << FSR_RD_SHIFT)
#define FSR_AEXC_SHIFT 5
#define FSR_AEXC_MASK (0x1fu << FSR_AEXC_SHIFT)

void fp_set_rounding(enum fp_rounding mode)
{
    write_fsr((read_fsr() & ~FSR_RD_MASK) | (unsigned)mode << FSR_RD_SHIFT);
}

void fp_clear_flags(void)
{
    write_fsr(read_fsr() & ~FSR_AEXC_MASK);
}

unsigned fp_flags(void)
{
    unsigned aexc = (read_fsr() & FSR_AEXC_MASK) >> FSR_AEXC_SHIFT;
    /* aexc: nva 4, ofa 3, ufa 2, dza 1, nxa 0 */
    return (aexc & 0x10u ? FP_INVALID : 0u) | (aexc & 0x02u ? FP_DIVBYZERO : 0u) |
           (aexc & 0x08u ? FP_OVERFLOW : 0u) | (aexc & 0x04u ? FP_UNDERFLOW : 0u) |
           (aexc & 0x01u ? FP_INEXACT : 0u);
}
