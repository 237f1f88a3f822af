/* Assembly helpers of the virtual-trap guest tests: software traps at
 * exact places (delay slots, after setting icc, at call depths), with
 * results the C side prints. Delay-slot instructions are indented one more
 * space. */
#include <xm.h>

    .text
    .align 4

/* int vt_delay_taken(void): `ta 5` in the delay slot of a taken branch.
 * 1 when execution resumed at the branch target. */
    .global vt_delay_taken, vt_delay_taken_ta, vt_delay_taken_target
vt_delay_taken:
    ba vt_delay_taken_target
vt_delay_taken_ta:
     ta 5
    retl
     mov 2, %o0
vt_delay_taken_target:
    retl
     mov 1, %o0

/* int vt_delay_untaken(void): `ta 5` in the delay slot of a branch not
 * taken. 1 when execution resumed after the delay slot. */
    .global vt_delay_untaken, vt_delay_untaken_ta
vt_delay_untaken:
    cmp %g0, 1
    be 1f
vt_delay_untaken_ta:
     ta 5
    retl
     mov 1, %o0
1:  retl
     mov 2, %o0

/* int vt_icc_kept(void): N and C set, then `ta 6` (whose handler runs C
 * code that changes icc). 1 when both are still set after the return. */
    .global vt_icc_kept
vt_icc_kept:
    subcc %g0, 1, %g0
    ta 6
    bpos 1f
     nop
    bcc 1f
     nop
    retl
     mov 1, %o0
1:  retl
     mov 0, %o0

/* int vt_regs_kept(void): %g1-%g7 and %o0-%o5 hold known values across
 * `ta 5`; returns how many of the 13 still do. Saves the caller's globals
 * in its locals. */
    .global vt_regs_kept
vt_regs_kept:
    save %sp, -96, %sp
    mov %g2, %l2
    mov %g3, %l3
    mov %g4, %l4
    mov %g5, %l5
    mov %g6, %l6
    mov %g7, %l7
    set 0x1000, %l0
    add %l0, 1, %g1
    add %l0, 2, %g2
    add %l0, 3, %g3
    add %l0, 4, %g4
    add %l0, 5, %g5
    add %l0, 6, %g6
    add %l0, 7, %g7
    add %l0, 8, %o0
    add %l0, 9, %o1
    add %l0, 10, %o2
    add %l0, 11, %o3
    add %l0, 12, %o4
    add %l0, 13, %o5
    ta 5
    mov 0, %i0
    .irp reg, %g1, %g2, %g3, %g4, %g5, %g6, %g7, %o0, %o1, %o2, %o3, %o4, %o5
    add %l0, 1, %l0
    cmp \reg, %l0
    be,a 1f
     add %i0, 1, %i0
1:
    .endr
    mov %l2, %g2
    mov %l3, %g3
    mov %l4, %g4
    mov %l5, %g5
    mov %l6, %g6
    mov %l7, %g7
    ret
     restore

/* int vt_trap_at_depth(n): n nested calls, `ta 5` at the bottom, every
 * level checking on the way back that its locals survived. Returns n + 1
 * when they all did. */
    .global vt_trap_at_depth
vt_trap_at_depth:
    save %sp, -96, %sp
    xor %i0, 0x5a5, %l0
    sll %i0, 4, %l7
    cmp %i0, 0
    bne 1f
     nop
    ta 5
    ba 2f
     mov 1, %i0
1:  call vt_trap_at_depth
     sub %i0, 1, %o0
    add %o0, 1, %i0
2:  sra %l7, 4, %l6
    xor %l6, 0x5a5, %l6
    cmp %l6, %l0
    bne,a 3f
     mov -1000, %i0
3:  ret
     restore

/* unsigned vt_deep(n): sum 1..n through n register windows (spills and
 * fills from a trap handler). */
    .global vt_deep
vt_deep:
    save %sp, -96, %sp
    mov %i0, %l0
    cmp %i0, 0
    be 1f
     mov 0, %i0
    call vt_deep
     sub %l0, 1, %o0
    add %o0, %l0, %i0
1:  ret
     restore

/* xm_u32_t vt_psr_after_cmp(a, b): get_psr right after `cmp a, b`. */
    .global vt_psr_after_cmp
vt_psr_after_cmp:
    cmp %o0, %o1
    mov sparc_get_psr_nr, %o0
    ta XM_ASMHYPERCALL_TRAP
    retl
     nop

/* int vt_branches_after_set_psr(flags): set_psr(flags), then which
 * branches see the new icc: bit 0 Z, 1 N, 2 C, 3 V. */
    .global vt_branches_after_set_psr
vt_branches_after_set_psr:
    mov %o0, %o1
    mov sparc_set_psr_nr, %o0
    ta XM_ASMHYPERCALL_TRAP
    mov 0, %o0
    bne 1f
     nop
    or %o0, 1, %o0
1:  bpos 2f
     nop
    or %o0, 2, %o0
2:  bcc 3f
     nop
    or %o0, 4, %o0
3:  bvc 4f
     nop
    or %o0, 8, %o0
4:  retl
     nop

/* xm_u32_t vt_asm_hypercall(nr): `ta 0xF1` with %o0 = nr; returns %o0. */
    .global vt_asm_hypercall
vt_asm_hypercall:
    ta XM_ASMHYPERCALL_TRAP
    retl
     nop

    .section .note.GNU-stack, "", @progbits
