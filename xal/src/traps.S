/* xal: XAL's virtual trap table and its common entry (see <irqs.h>).
 *
 * The hypervisor enters vector tt at _traptab + 16 * tt in a new register
 * window with %l0 = PSR copy, %l1 = PC, %l2 = NPC and virtual traps
 * disabled. Each entry branches here with %l3 = tt. The entry code builds
 * a trapCtxt_t (y, g1-g7, then l2 l3 l0 l1) below the interrupted code's
 * %sp (this window's %fp), calls trapHandlersTab[tt](ctxt), reloads what
 * the handler may have changed, makes sure the interrupted window is back
 * in the registers (ctrl_winflow) and returns with iret. This window's ins
 * are the interrupted code's outs: nothing here writes an %i register.
 * Delay-slot instructions are indented one more space. */
#include "xal_asm.h"
#include <xm.h>

#define CTXT_BYTES 48 /* sizeof(trapCtxt_t) */
#define CTXT XAL_MIN_FRAME

    .section .text.xal_traps, "ax", @progbits
    .global CommonTrapHandler
    .type CommonTrapHandler, #function
    .align 4
CommonTrapHandler:
    sub %fp, XAL_MIN_FRAME + CTXT_BYTES, %sp
    std %l0, [%sp + CTXT + 40]  /* flags, pc */
    std %l2, [%sp + CTXT + 32]  /* nPc, irqNr */
    std %g6, [%sp + CTXT + 24]
    std %g4, [%sp + CTXT + 16]
    std %g2, [%sp + CTXT + 8]
    st %g1, [%sp + CTXT + 4]
    rd %y, %g5
    st %g5, [%sp + CTXT]

    set trapHandlersTab, %g1
    sll %l3, 2, %g2
    ld [%g1 + %g2], %g1
    cmp %g1, 0
    be 1f
     nop
    call %g1
     add %sp, CTXT, %o0

1:  ld [%sp + CTXT], %g1
    wr %g1, %y
    ld [%sp + CTXT + 4], %g1
    ldd [%sp + CTXT + 8], %g2
    ldd [%sp + CTXT + 16], %g4
    ldd [%sp + CTXT + 24], %g6
    ldd [%sp + CTXT + 32], %l2
    ldd [%sp + CTXT + 40], %l0

    mov sparc_ctrl_winflow_nr, %o0
    __XM_AHC
    mov sparc_iret_nr, %o0
    __XM_AHC
    .size CommonTrapHandler, .-CommonTrapHandler

/* One 16-byte entry per vector. Vector 0 (reset) restarts the partition,
 * as XAL's does. */
    .macro TRAP_ENTRY tt
    b CommonTrapHandler
     mov \tt, %l3
    nop
    nop
    .endm

    .section .text.xal_traptab, "ax", @progbits
    .global _traptab
    .type _traptab, #object
    .align 4096
_traptab:
    b _start
     nop
    nop
    nop
    .set vector, 1
    .rept 255
    TRAP_ENTRY vector
    .set vector, vector + 1
    .endr
    .size _traptab, .-_traptab

    .section .note.GNU-stack, "", @progbits
