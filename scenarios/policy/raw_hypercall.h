/* A normal hypercall by number with five arguments, for the probes of the
 * policy scenarios: libxm has no call for numbers it does not wrap. */
#ifndef POLICY_RAW_HYPERCALL_H
#define POLICY_RAW_HYPERCALL_H

#include <xm.h>

static inline xm_s32_t raw_hypercall(xm_u32_t nr, const xm_u32_t a[5])
{
    register xm_u32_t o0 __asm__("o0") = nr;
    register xm_u32_t o1 __asm__("o1") = a[0];
    register xm_u32_t o2 __asm__("o2") = a[1];
    register xm_u32_t o3 __asm__("o3") = a[2];
    register xm_u32_t o4 __asm__("o4") = a[3];
    register xm_u32_t o5 __asm__("o5") = a[4];
    __asm__ __volatile__("ta 0xf0"
                         : "+r"(o0), "+r"(o1), "+r"(o2), "+r"(o3), "+r"(o4), "+r"(o5)
                         :
                         : "o7", "memory", "cc");
    return (xm_s32_t)o0;
}

#endif
