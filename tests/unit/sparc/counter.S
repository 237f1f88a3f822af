/* The LEON3 paper's counter partition: ld; inc; st; b,a. */
    .text
    .global _start
_start:
    set     0x40100000, %g2
loop:
    ld      [%g2], %g1
    inc     %g1
    st      %g1, [%g2]
    b,a     loop
