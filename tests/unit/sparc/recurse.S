/* Recursion of depth 250 through register windows: sum(n) = n + sum(n-1)
 * with locals that must survive every spill and fill. Result in %o0, then
 * ta 0xf0. Stack: the test maps it below 0x40140000. */
    .text
    .global _start
_start:
    set     0x40140000 - 64, %fp
    sub     %fp, 96, %sp
    mov     250, %o0
    call    sum
     nop
    ta      0xf0
1:  ba      1b
     nop

/* int sum(int n): locals l0 = n, l1 = 2n kept across the call */
sum:
    save    %sp, -96, %sp
    mov     %i0, %l0
    sll     %i0, 1, %l1
    cmp     %i0, 0
    be,a    2f
     mov    0, %i0
    sub     %i0, 1, %o0
    call    sum
     nop
    add     %o0, %l0, %i0
    add     %i0, %l1, %i0
    sub     %i0, %l1, %i0
2:  ret
     restore
