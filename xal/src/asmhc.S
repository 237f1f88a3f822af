/* xal: the assembly hypercalls (ta 0xF1, %o0 = number, argument in %o1).
 * Leaf routines with no save/restore, so they act on the caller's register
 * window exactly as XtratuM's inline versions do. */
#include <xm/hypercalls.h>

#define ASM_HYPERCALL(name, nr)                                                                    \
    .global name;                                                                                  \
    .type name, #function;                                                                         \
    .align 4;                                                                                      \
name:                                                                                              \
    mov nr, %o0;                                                                                   \
    ta XM_ASMHYPERCALL_TRAP;                                                                       \
    retl;                                                                                          \
     nop;                                                                                           \
    .size name, .- name

    .text

ASM_HYPERCALL(XM_sparc_flush_regwin, sparc_flush_regwin_nr)
ASM_HYPERCALL(XM_sparc_get_psr, sparc_get_psr_nr)
ASM_HYPERCALL(XM_sparc_set_pil, sparc_set_pil_nr)
ASM_HYPERCALL(XM_sparc_clear_pil, sparc_clear_pil_nr)
ASM_HYPERCALL(XM_sparc_ctrl_winflow, sparc_ctrl_winflow_nr)
/* iret returns to the interrupted code (the trap window's %l1/%l2); the
 * retl is only reached if the hypervisor refuses it. */
ASM_HYPERCALL(XM_sparc_iret, sparc_iret_nr)

/* void XM_sparc_set_psr(xm_u32_t flags): flags go in %o1. */
    .global XM_sparc_set_psr
    .type XM_sparc_set_psr, #function
    .align 4
XM_sparc_set_psr:
    mov %o0, %o1
    mov sparc_set_psr_nr, %o0
    ta XM_ASMHYPERCALL_TRAP
    retl
     nop
    .size XM_sparc_set_psr, .-XM_sparc_set_psr

    .section .note.GNU-stack, "", @progbits
