/* Boot-state check: the partition sees %g1 = PCT address, reports it with a
 * hypercall, then two more hypercalls (normal and assembly). */
    .text
    .global _start
_start:
    mov     %g1, %o1
    mov     0x11, %o0
    subcc   %g0, 1, %g0     ! icc: N and C
    ta      0xf0            ! hypercall: o0 = 0x11, o1 = g1
    mov     0x22, %o0
    ta      0xf1            ! assembly hypercall
    add     %o0, 1, %o0
    ta      0xf0            ! o0 = 0x23
1:  ba      1b
     nop
