/* A branchy program for preemption tests: annulled and plain branches,
 * delay slots doing work, calls and returns, recursion deep enough for
 * window traps, multiply and divide. The checksum ends in %g6, then
 * ta 0xf0. */
    .text
    .global _start
_start:
    set     0x40140000 - 64, %fp
    sub     %fp, 96, %sp
    clr     %g6
    mov     60, %g5
outer:
    mov     %g5, %o0
    call    mix
     add    %g6, 1, %g6             ! delay slot does work
    xor     %g6, %o0, %g6
    andcc   %g5, 1, %g0
    bne,a   odd
     add    %g6, 7, %g6             ! annulled when not taken
    sll     %g6, 1, %g1
    srl     %g6, 31, %g2
    or      %g1, %g2, %g6           ! rotate left by one
odd:
    and     %g5, 7, %o0
    add     %o0, 3, %o0
    call    depth
     nop
    add     %g6, %o0, %g6
    subcc   %g5, 1, %g5
    bg      outer
     xor    %g6, %g5, %g6           ! delay slot of a taken/not-taken branch
    ta      0xf0
1:  ba      1b
     nop

/* mix(n): a small loop with annulled branches, umul and udiv */
mix:
    save    %sp, -96, %sp
    mov     0, %l0
    mov     %i0, %l1
2:  umul    %l1, 13, %l2
    add     %l0, %l2, %l0
    andcc   %l1, 3, %g0
    be,a    3f
     sub    %l0, 5, %l0
    xor     %l0, %l1, %l0
3:  subcc   %l1, 1, %l1
    bg,a    2b
     add    %l0, 1, %l0
    mov     7, %l3
    wr      %g0, %g0, %y
    nop
    nop
    nop
    udiv    %l0, %l3, %l4
    add     %l0, %l4, %i0
    ret
     restore

/* depth(n): recursion with delay slots, returns sum of i*i */
depth:
    save    %sp, -96, %sp
    cmp     %i0, 0
    ble     4f
     mov    0, %l0
    umul    %i0, %i0, %l0
    sub     %i0, 1, %o0
    call    depth
     nop
    add     %o0, %l0, %l0
4:  ret
     restore %l0, %g0, %o0
