/* The floating-point environment for fpu_ieee.c, one implementation per
 * side: fpu_env_host.c (<fenv.h>) and fpu_env_sparc.c (the SPARC %fsr). */
#ifndef FPU_ENV_H
#define FPU_ENV_H

enum fp_rounding { FP_NEAREST, FP_TOWARD_ZERO, FP_UPWARD, FP_DOWNWARD };

/* IEEE exception flags, in this order in the mask fp_flags() returns. */
#define FP_INVALID 0x1u
#define FP_DIVBYZERO 0x2u
#define FP_OVERFLOW 0x4u
#define FP_UNDERFLOW 0x8u
#define FP_INEXACT 0x10u

void fp_set_rounding(enum fp_rounding mode);
void fp_clear_flags(void);
unsigned fp_flags(void);

#endif
