/* xal: partition start-up (reference §5.3). The hypervisor enters at _start in
 * user mode with %g1 = address of the partition control table (PCT).
 * Clears .bss, sets up the stack (linker script: __xal_stack_top), calls
 * init_libxm(pct) and PartitionMain(), then halts the partition; should the
 * halt return, idles forever. Delay-slot instructions are indented one more space. */
#include "xal_asm.h"

    .section .text.start, "ax", @progbits
    .global _start
    .type _start, #function
    .align 4
_start:
    /* Define the condition codes first: Unicorn's lazy flags have nothing to
     * evaluate for a conditional branch before any flag-setting instruction. */
    cmp %g0, %g0
    mov %g1, %l0 /* the PCT address, kept in a local across all calls */

    /* Zero .bss a word at a time (bounds are 8-byte aligned). */
    set __bss_start, %o0
    set __bss_end, %o1
1:  cmp %o0, %o1
    bgeu 2f
     nop
    st %g0, [%o0]
    ba 1b
     add %o0, 4, %o0

    /* Stack: %fp at the top, %sp one minimal frame below it. */
2:  set __xal_stack_top, %fp
    sub %fp, XAL_MIN_FRAME, %sp

    call init_libxm
     mov %l0, %o0
    call PartitionMain
     nop
    call XM_halt_partition /* XM_PARTITION_SELF == pct->id */
     ld [%l0 + XAL_PCT_ID_OFFSET], %o0
3:  call XM_idle_self
     nop
    ba 3b
     nop
    .size _start, .-_start

    .section .note.GNU-stack, "", @progbits
