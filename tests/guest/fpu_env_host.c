/* fpu_env.h on the host: C99 <fenv.h>. */
#include "fpu_env.h"
#include <fenv.h>

void fp_set_rounding(enum fp_rounding mode)
{
    static const int modes[] = {FE_TONEAREST, FE_TOWARDZERO, FE_UPWARD, FE_DOWNWARD};
    fesetround(modes[mode]);
}

void fp_clear_flags(void)
{
    feclearexcept(FE_ALL_EXCEPT);
}

unsigned fp_flags(void)
{
    int raised = fetestexcept(FE_ALL_EXCEPT);
    return (raised & FE_INVALID ? FP_INVALID : 0u) | (raised & FE_DIVBYZERO ? FP_DIVBYZERO : 0u) |
           (raised & FE_OVERFLOW ? FP_OVERFLOW : 0u) | (raised & FE_UNDERFLOW ? FP_UNDERFLOW : 0u) |
           (raised & FE_INEXACT ? FP_INEXACT : 0u);
}
