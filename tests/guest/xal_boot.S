/* xal_boot: a partition start-up with the semantics of XtratuM's XAL boot
 * code (our own code): .bss zeroed, %fp at the top of the stack, %sp one
 * minimal frame (96 bytes) below it, init_libxm(%g1), PartitionMain(), then
 * halt. The stack is the whole of .data, so .bss begins exactly at the
 * stack top, as in XAL's image, where .bss follows the stack in .data.
 * With -DSTACK_TOP=address the stack ends there instead (the end of the
 * partition's area) and nothing lies above it. Delay-slot instructions are
 * indented one more space. */
#define MIN_FRAME 96
#define STACK_BYTES 16384

    .section .text.start, "ax", @progbits
    .global _start
    .align 4
_start:
    set __bss_start, %o0
    set __bss_end, %o1
1:  cmp %o0, %o1
    bgeu 2f
     nop
    st %g0, [%o0]
    ba 1b
     add %o0, 4, %o0

2:
#ifdef STACK_TOP
    set STACK_TOP, %fp
#else
    set xal_boot_stack_top, %fp
#endif
    mov %g1, %l0
    mov %g1, %o0
    call init_libxm
     sub %fp, MIN_FRAME, %sp
    call PartitionMain
     sub %fp, MIN_FRAME, %sp
    ld [%l0 + 28], %o0 /* the PCT's id: halt this partition */
    call XM_halt_partition
     nop
3:  ba 3b
     nop

    .data
    .align 8
    .global xal_boot_stack_top
#ifndef STACK_TOP
    .skip STACK_BYTES
#endif
xal_boot_stack_top:

    .section .note.GNU-stack, "", @progbits
