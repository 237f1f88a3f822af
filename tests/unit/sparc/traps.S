/* One trap per case, each case at _start + 0x100 * k (the test starts the
 * partition there). Registers the test checks are set just before. Memory:
 * code 0x40000000 (R X), data 0x40100000 (R W), read-only 0x40200000 (R),
 * nothing at 0x10000000 or 0x20000000. */
/* Always two instructions, whatever the value, so offsets are fixed. */
    .macro  SET32 value, reg
    sethi   %hi(\value), \reg
    or      \reg, %lo(\value), \reg
    .endm

    .text
    .global _start
_start:
/* 0: privileged instruction after a few others in the same block */
    add     %g3, 1, %g3
    nop
    rd      %psr, %g1
    ta      0xf0

    .org    0x100
/* 1: misaligned load */
    SET32   0x40100001, %g1
    add     %g3, 1, %g3
    ld      [%g1 + 2], %g2
    ta      0xf0

    .org    0x200
/* 2: divide by zero */
    mov     5, %g1
    add     %g3, 1, %g3
    udiv    %g1, %g0, %g2
    ta      0xf0

    .org    0x300
/* 3: load from an unmapped address, not first in its block */
    SET32   0x10000000, %g1
    add     %g3, 1, %g3
    ld      [%g1 + 8], %g2
    ta      0xf0

    .org    0x400
/* 4: store into the read-only region */
    SET32   0x40200000, %g1
    add     %g3, 1, %g3
    st      %g3, [%g1 + 12]
    ta      0xf0

    .org    0x500
/* 5: illegal instruction (unimp) */
    add     %g3, 1, %g3
    unimp   0
    ta      0xf0

    .org    0x600
/* 6: tag overflow */
    mov     1, %g1
    add     %g3, 1, %g3
    taddcctv %g1, %g1, %g2
    ta      0xf0

    .org    0x700
/* 7: another software trap */
    add     %g3, 1, %g3
    ta      5
    ta      0xf0

    .org    0x800
/* 8: jump to an unmapped address */
    SET32   0x20000000, %g1
    jmp     %g1
     add    %g3, 1, %g3
    ta      0xf0

    .org    0x900
/* 9: unmapped load in a delay slot */
    SET32   0x10000000, %g1
    ba      9f
     ld     [%g1 + 4], %g2
    ta      0xf0
9:  ta      0xf0

    .org    0xa00
/* 10: hypercall in a delay slot */
    ba      9f
     ta     0xf0
    ta      0x10
9:  mov     0x5a, %o0
    ta      0xf0

    .org    0xb00
/* 11: store into the code region (read-only) */
    SET32   0x40000000, %g1
    st      %g0, [%g1]
    ta      0xf0

    .org    0xc00
/* 12: window underflow: the second restore fills window 1 from the stack
 * at window 0's %fp, which the test sets */
    restore
    restore
    ta      0xf0

    .org    0xd00
/* 13: FP instruction with the FPU disabled (EF = 0) */
    add     %g3, 1, %g3
    fadds   %f0, %f1, %f2
    ta      0xf0

    .org    0xe00
/* 14: LEON3 power-down (not a trap: the vCPU stops after the write, the
 * instruction after it not run yet) */
    add     %g3, 1, %g3
    wr      %g0, %asr19
    add     %g3, 1, %g3
    ta      0xf0

    .org    0xf00
/* 15: power-down in a delay slot: it stops at the branch's target */
    add     %g3, 1, %g3
    ba      1f
    wr      %g0, %asr19
    nop
1:  add     %g3, 1, %g3
    ta      0xf0
