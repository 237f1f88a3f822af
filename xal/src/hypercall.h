/* xal: the normal hypercall trap (reference §5.1). %o0 = number, %o1..%o5 =
 * arguments, result in %o0; `ta 0xF0` may clobber %o0-%o5 and %o7. Every
 * libxm call is a one-liner over one of these. */
#ifndef XAL_HYPERCALL_H
#define XAL_HYPERCALL_H

#include <xm/hypercalls.h>
#include <xm/types.h>

#define XAL_STR_(x) #x
#define XAL_STR(x) XAL_STR_(x)
#define XAL_TA_HYPERCALL "ta " XAL_STR(XM_HYPERCALL_TRAP)

/* "memory": the hypervisor reads and writes guest buffers passed by address. */
static inline xm_s32_t xal_hypercall0(xm_u32_t nr)
{
    register xm_u32_t o0 __asm__("o0") = nr;
    __asm__ __volatile__(XAL_TA_HYPERCALL
                         : "+r"(o0)
                         :
                         : "o1", "o2", "o3", "o4", "o5", "o7", "memory", "cc");
    return (xm_s32_t)o0;
}

static inline xm_s32_t xal_hypercall1(xm_u32_t nr, xm_u32_t a1)
{
    register xm_u32_t o0 __asm__("o0") = nr;
    register xm_u32_t o1 __asm__("o1") = a1;
    __asm__ __volatile__(XAL_TA_HYPERCALL
                         : "+r"(o0), "+r"(o1)
                         :
                         : "o2", "o3", "o4", "o5", "o7", "memory", "cc");
    return (xm_s32_t)o0;
}

static inline xm_s32_t xal_hypercall2(xm_u32_t nr, xm_u32_t a1, xm_u32_t a2)
{
    register xm_u32_t o0 __asm__("o0") = nr;
    register xm_u32_t o1 __asm__("o1") = a1;
    register xm_u32_t o2 __asm__("o2") = a2;
    __asm__ __volatile__(XAL_TA_HYPERCALL
                         : "+r"(o0), "+r"(o1), "+r"(o2)
                         :
                         : "o3", "o4", "o5", "o7", "memory", "cc");
    return (xm_s32_t)o0;
}

static inline xm_s32_t xal_hypercall3(xm_u32_t nr, xm_u32_t a1, xm_u32_t a2, xm_u32_t a3)
{
    register xm_u32_t o0 __asm__("o0") = nr;
    register xm_u32_t o1 __asm__("o1") = a1;
    register xm_u32_t o2 __asm__("o2") = a2;
    register xm_u32_t o3 __asm__("o3") = a3;
    __asm__ __volatile__(XAL_TA_HYPERCALL
                         : "+r"(o0), "+r"(o1), "+r"(o2), "+r"(o3)
                         :
                         : "o4", "o5", "o7", "memory", "cc");
    return (xm_s32_t)o0;
}

static inline xm_s32_t xal_hypercall4(xm_u32_t nr, xm_u32_t a1, xm_u32_t a2, xm_u32_t a3,
                                      xm_u32_t a4)
{
    register xm_u32_t o0 __asm__("o0") = nr;
    register xm_u32_t o1 __asm__("o1") = a1;
    register xm_u32_t o2 __asm__("o2") = a2;
    register xm_u32_t o3 __asm__("o3") = a3;
    register xm_u32_t o4 __asm__("o4") = a4;
    __asm__ __volatile__(XAL_TA_HYPERCALL
                         : "+r"(o0), "+r"(o1), "+r"(o2), "+r"(o3), "+r"(o4)
                         :
                         : "o5", "o7", "memory", "cc");
    return (xm_s32_t)o0;
}

static inline xm_s32_t xal_hypercall5(xm_u32_t nr, xm_u32_t a1, xm_u32_t a2, xm_u32_t a3,
                                      xm_u32_t a4, xm_u32_t a5)
{
    register xm_u32_t o0 __asm__("o0") = nr;
    register xm_u32_t o1 __asm__("o1") = a1;
    register xm_u32_t o2 __asm__("o2") = a2;
    register xm_u32_t o3 __asm__("o3") = a3;
    register xm_u32_t o4 __asm__("o4") = a4;
    register xm_u32_t o5 __asm__("o5") = a5;
    __asm__ __volatile__(XAL_TA_HYPERCALL
                         : "+r"(o0), "+r"(o1), "+r"(o2), "+r"(o3), "+r"(o4), "+r"(o5)
                         :
                         : "o7", "memory", "cc");
    return (xm_s32_t)o0;
}

/* Guest addresses travel as 32-bit words. */
#define XAL_PTR(p) ((xm_u32_t)(uintptr_t)(p))
/* xmTime_t (64 bits) takes two registers, high word first. */
#define XAL_HI(t) ((xm_u32_t)((xm_u64_t)(t) >> 32))
#define XAL_LO(t) ((xm_u32_t)(xm_u64_t)(t))

#endif
