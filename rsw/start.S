/* rsw: entry and exit. The loader runs with traps off from start to end and
 * is compiled with -mflat (no save/restore), so with WIM = 0 no window trap
 * can happen: a trap with traps off would put the LEON3 in error mode. */
#define PSR_S 0x80
#define PSR_PIL 0xf00

    .section .text.start, "ax"
    .global _start
_start:
    set PSR_S | PSR_PIL, %g1
    wr %g1, %psr
    wr %g0, %wim
    nop
    nop
    nop
    set __bss_start, %g1
    set __bss_end, %g2
1:  cmp %g1, %g2
    bgeu 2f
    nop
    st %g0, [%g1]
    ba 1b
    add %g1, 4, %g1
2:  set __rsw_stack_top - 96, %sp
    mov %g0, %fp
    call rsw_main
    nop
    /* fall through: rsw_main does not return */

    .global rsw_stop
rsw_stop:
    ta 0
    ba rsw_stop
    nop

/* rsw_spin(n): 3 n + 3 instructions, what the measuring build times to
 * turn timer ticks into instructions (-icount makes both exact). */
    .global rsw_spin
rsw_spin:
1:  subcc %o0, 1, %o0
    bne 1b
    nop
    retl
    nop

/* The hypervisor's _start sets its own PSR, WIM, TBR and stack. */
    .global rsw_jump
rsw_jump:
    jmp %o0
    nop
