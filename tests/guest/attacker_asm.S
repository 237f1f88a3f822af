/* Assembly of the hostile partition (attacker.c): raw traps with whatever
 * registers the C side chose. Delay-slot instructions are indented one
 * more space. */
#include <xm.h>

    .text
    .align 4

/* unsigned attacker_hypercall(nr, a1, a2, a3, a4, a5): `ta 0xF0` with
 * %o0..%o5 as given (a leaf: the arguments are already there). */
    .global attacker_hypercall
attacker_hypercall:
    ta XM_HYPERCALL_TRAP
    retl
     nop

/* void attacker_asm_hypercall(nr, a1, l1, l2): `ta 0xF1` with %l1 and %l2
 * (an iret's PC and nPC) set to l1 and l2, in a window of its own. */
    .global attacker_asm_hypercall
attacker_asm_hypercall:
    save %sp, -96, %sp
    mov %i0, %o0
    mov %i1, %o1
    mov %i2, %l1
    mov %i3, %l2
    ta XM_ASMHYPERCALL_TRAP
    ret
     restore

/* void attacker_soft_trap(number): `ta number` (0..0x7f). */
    .global attacker_soft_trap
attacker_soft_trap:
    ta %o0
    retl
     nop

/* void attacker_corrupt_sp(sp, saves): %sp = sp, then `saves` window
 * saves (spilling below it once the windows run out) and as many
 * restores, then the real %sp back. */
    .global attacker_corrupt_sp
attacker_corrupt_sp:
    mov %sp, %g4
    mov %o1, %g3
    mov %o1, %g2
    mov %o0, %sp
1:  save %sp, -96, %sp
    subcc %g3, 1, %g3
    bne 1b
     nop
2:  restore
    subcc %g2, 1, %g2
    bne 2b
     nop
    mov %g4, %sp
    retl
     nop
