/* hvcore/arch/leon3: start-up, the trap table, trap entry and exit.
 *
 * The hypervisor runs in supervisor mode with PIL 15 (interrupts held off)
 * and traps enabled, on its own stack. A trap from a partition (user mode)
 * saves the partition's whole register file (8 windows, globals, PSR, WIM,
 * PC, NPC, Y) into *leon3_running with WIM = 0, so nothing can trap while
 * ET = 0, then calls leon3_trap(tt) on a fresh hypervisor stack. Returning
 * to a partition (leon3_resume) loads a register file back and `rett`s.
 * The hypervisor's own window overflows and underflows are the classic
 * handlers on its own stack; a partition's are done in C (leon3_trap), so
 * a bad partition stack pointer is found by a checked copy, never by a
 * fault with traps disabled.
 *
 * Entry points for a loader (issue 16's resident XEF loader can jump to
 * _start with the configuration already in place): _start, in supervisor
 * mode, at the image's link address. */
#include "leon3.h"

#define PSR_CWP 0x1f
#define PSR_ET 0x20
#define PSR_PS 0x40
#define PSR_S 0x80
#define PSR_PIL 0xf00
#define PSR_ICC 0x00f00000
#define PSR_EF 0x1000

#define STACK_FRAME 96

/* The trampoline: the trap table and the page after it, mapped at
 * LEON3_TRAMPOLINE_VA (supervisor only) in every context, the partitions'
 * own maps too (srmmu.c). TBR points there once the MMU is on, so a trap
 * taken in any map reaches a stub that loads context 0 (which maps the
 * hypervisor) before jumping to the handler; leon3_resume loads the
 * partition's context from there, just before `rett`. */
#define HIGH(label) (LEON3_TRAMPOLINE_VA + ((label) - trap_table))

/* %l0 = PSR, %l1 = PC, %l2 = NPC (hardware), %l3 = TBR: the tt is in it. */
#define TRAP(stub)                    \
    rd %psr, %l0;                     \
    sethi %hi(HIGH(stub)), %l4;       \
    jmp %l4 + %lo(HIGH(stub));        \
    rd %tbr, %l3

/* In the trampoline: context 0, then the handler. Clobbers %l4, %l5. */
#define STUB(handler)                 \
    mov LEON3_MMU_CTX_REG, %l5;             \
    sta %g0, [%l5] LEON3_ASI_MMU_REGS;      \
    sethi %hi(handler), %l4;          \
    jmp %l4 + %lo(handler);           \
    nop

#define TRAP4(h) TRAP(h); TRAP(h); TRAP(h); TRAP(h)
#define TRAP16(h) TRAP4(h); TRAP4(h); TRAP4(h); TRAP4(h)

    .section .text.start, "ax"
    .global _start
    .global leon3_trap_table
    .align 4096
leon3_trap_table:
trap_table:
    rd %psr, %l0                 /* 0x00: reset, with the MMU off */
    sethi %hi(reset), %l4
    jmp %l4 + %lo(reset)
    rd %tbr, %l3
    TRAP(stub_trap_common)       /* 0x01 */
    TRAP(stub_trap_common)
    TRAP(stub_trap_common)
    TRAP(stub_trap_common)       /* 0x04 */
    TRAP(stub_window_overflow)   /* 0x05 */
    TRAP(stub_window_underflow)  /* 0x06 */
    TRAP(stub_trap_common)       /* 0x07 */
    TRAP(stub_trap_common)
    TRAP(stub_trap_common)
    TRAP(stub_trap_common)
    TRAP(stub_trap_common)
    TRAP4(stub_trap_common)      /* 0x0c..0x0f */
    TRAP16(stub_trap_common)     /* 0x10..0x1f: interrupts */
    TRAP16(stub_trap_common)     /* 0x20 */
    TRAP16(stub_trap_common)     /* 0x30 */
    TRAP16(stub_trap_common)     /* 0x40 */
    TRAP16(stub_trap_common)     /* 0x50 */
    TRAP16(stub_trap_common)     /* 0x60 */
    TRAP16(stub_trap_common)     /* 0x70 */
    TRAP16(stub_trap_common)     /* 0x80: software traps */
    TRAP16(stub_trap_common)     /* 0x90 */
    TRAP16(stub_trap_common)     /* 0xa0 */
    TRAP16(stub_trap_common)     /* 0xb0 */
    TRAP16(stub_trap_common)     /* 0xc0 */
    TRAP16(stub_trap_common)     /* 0xd0 */
    TRAP16(stub_trap_common)     /* 0xe0 */
    TRAP16(stub_trap_common)     /* 0xf0: hypercalls */

/* The trampoline's second page: the stubs and the last step of
 * leon3_resume (%l3 = context, %l4 = LEON3_MMU_CTX_REG, %l1/%l2 = PC/NPC). */
stub_trap_common:
    STUB(trap_common)
stub_window_overflow:
    STUB(window_overflow)
stub_window_underflow:
    STUB(window_underflow)
resume_in_context:
    sta %l3, [%l4] LEON3_ASI_MMU_REGS
    jmp %l1
    rett %l2

/* void leon3_flush_page_in(uint32_t context, uint32_t page): the SRMMU's
 * page flush (type 0) holds for the context loaded, so load the
 * partition's for it; called at its trampoline address (srmmu.c), where
 * the fetch works in both contexts, with PIL 15. */
    .global leon3_flush_page_in
leon3_flush_page_in:
    mov LEON3_MMU_CTX_REG, %o2
    sta %o0, [%o2] LEON3_ASI_MMU_REGS
    sta %g0, [%o1] LEON3_ASI_MMU_FLUSH
    sta %g0, [%o2] LEON3_ASI_MMU_REGS
    retl
    nop

reset:
_start:
    /* Supervisor, traps off, PIL 15, window 0; the trap table. */
    set PSR_S | PSR_PIL, %g1
    wr %g1, %psr
    wr %g0, %wim
    set trap_table, %g1
    wr %g1, %tbr
    nop
    nop
    /* Window 0 is ours; window 1 is the invalid one (7 usable). */
    mov 2, %g1
    wr %g1, %wim
    nop
    nop
    nop
    /* Clear .bss (the image's, not the partitions'). */
    set __bss_start, %g1
    set __bss_end, %g2
1:  cmp %g1, %g2
    bgeu 2f
    nop
    st %g0, [%g1]
    ba 1b
    add %g1, 4, %g1
2:  set leon3_stack_top - STACK_FRAME, %sp
    mov %g0, %fp
    set PSR_S | PSR_PIL | PSR_ET, %g1
    wr %g1, %psr
    nop
    nop
    nop
    call leon3_main
    nop
    ba leon3_shutdown
    nop

/* WIM = the window above the current one: the hypervisor gets the other
 * seven, going down. Clobbers %g3, %g4. */
#define HV_WIM_ABOVE_CURRENT  \
    rd %psr, %g3;             \
    and %g3, 7, %g3;          \
    add %g3, 1, %g3;          \
    and %g3, 7, %g3;          \
    mov 1, %g4;               \
    sll %g4, %g3, %g4;        \
    wr %g4, %wim;             \
    nop; nop; nop

/* Fresh hypervisor stack, traps on with PIL 15, then call f(%g2). */
#define ENTER_C(f)                              \
    set leon3_stack_top - STACK_FRAME, %sp;     \
    mov %g0, %fp;                               \
    rd %psr, %g3;                               \
    or %g3, PSR_PIL | PSR_ET, %g3;              \
    wr %g3, %psr;                               \
    nop; nop; nop;                              \
    call f;                                     \
    mov %g2, %o0;                               \
    ba leon3_shutdown;                          \
    nop

trap_common:
    andcc %l0, PSR_PS, %g0
    bnz from_hypervisor
    nop
from_partition:
    /* Everything of the partition into *leon3_running; only the trap
     * window's locals are free until the globals are saved. */
    sethi %hi(leon3_running), %l4
    ld [%l4 + %lo(leon3_running)], %l4
    st %l0, [%l4 + LEON3_CPU_PSR]
    st %l1, [%l4 + LEON3_CPU_PC]
    st %l2, [%l4 + LEON3_CPU_NPC]
    rd %y, %l5
    st %l5, [%l4 + LEON3_CPU_Y]
    rd %wim, %l5
    st %l5, [%l4 + LEON3_CPU_WIM]
    st %g0, [%l4 + LEON3_CPU_G]
    st %g1, [%l4 + LEON3_CPU_G + 4]
    std %g2, [%l4 + LEON3_CPU_G + 8]
    std %g4, [%l4 + LEON3_CPU_G + 16]
    std %g6, [%l4 + LEON3_CPU_G + 24]
    mov %l4, %g1                /* the saved CPU */
    srl %l3, 4, %g2
    and %g2, 0xff, %g2          /* tt */
    wr %g0, %wim                /* no window traps while ET = 0 */
    nop
    nop
    nop
    mov LEON3_WINDOWS, %g5
1:  rd %psr, %g4
    and %g4, 7, %g4
    sll %g4, 6, %g4
    add %g4, %g1, %g4           /* &win[CWP] */
    std %l0, [%g4 + 0]
    std %l2, [%g4 + 8]
    std %l4, [%g4 + 16]
    std %l6, [%g4 + 24]
    std %i0, [%g4 + 32]
    std %i2, [%g4 + 40]
    std %i4, [%g4 + 48]
    std %i6, [%g4 + 56]
    subcc %g5, 1, %g5
    bnz 1b
    restore                     /* eight of them: back in the trap window */
    HV_WIM_ABOVE_CURRENT
    ENTER_C(leon3_trap)

from_hypervisor:
    /* Only an interrupt taken while idle is expected here: the idle loop
     * keeps nothing, so its windows are dropped. */
    srl %l3, 4, %g2
    and %g2, 0xff, %g2
    HV_WIM_ABOVE_CURRENT
    ENTER_C(leon3_trap_hypervisor)

window_overflow:
    andcc %l0, PSR_PS, %g0
    bz from_partition
    nop
    /* The hypervisor's own: spill the oldest window to its stack. */
    rd %wim, %l3
    srl %l3, 1, %l4
    sll %l3, LEON3_WINDOWS - 1, %l5
    or %l4, %l5, %l3
    and %l3, 0xff, %l3
    mov %g1, %l7                /* the new WIM crosses in %g1 */
    mov %l3, %g1
    save
    wr %g1, %wim                /* before `restore` comes back up */
    nop
    nop
    nop
    std %l0, [%sp + 0]
    std %l2, [%sp + 8]
    std %l4, [%sp + 16]
    std %l6, [%sp + 24]
    std %i0, [%sp + 32]
    std %i2, [%sp + 40]
    std %i4, [%sp + 48]
    std %i6, [%sp + 56]
    restore
    mov %l7, %g1
    jmp %l1
    rett %l2

window_underflow:
    andcc %l0, PSR_PS, %g0
    bz from_partition
    nop
    rd %wim, %l3
    sll %l3, 1, %l4
    srl %l3, LEON3_WINDOWS - 1, %l5
    or %l4, %l5, %l3
    and %l3, 0xff, %l3
    wr %l3, %wim
    nop
    nop
    nop
    restore
    restore
    ldd [%sp + 0], %l0
    ldd [%sp + 8], %l2
    ldd [%sp + 16], %l4
    ldd [%sp + 24], %l6
    ldd [%sp + 32], %i0
    ldd [%sp + 40], %i2
    ldd [%sp + 48], %i4
    ldd [%sp + 56], %i6
    save
    save
    jmp %l1
    rett %l2

/* void leon3_resume(struct leon3_cpu *cpu): load a partition's register
 * file and return to it in user mode. */
    .text
    .global leon3_resume
leon3_resume:
    rd %psr, %g1
    andn %g1, PSR_ET, %g1
    wr %g1, %psr                /* traps off */
    nop
    nop
    nop
    mov %o0, %g1
    wr %g0, %wim
    nop
    nop
    nop
    mov LEON3_WINDOWS, %g5
1:  rd %psr, %g4
    and %g4, 7, %g4
    sll %g4, 6, %g4
    add %g4, %g1, %g4
    ldd [%g4 + 0], %l0
    ldd [%g4 + 8], %l2
    ldd [%g4 + 16], %l4
    ldd [%g4 + 24], %l6
    ldd [%g4 + 32], %i0
    ldd [%g4 + 40], %i2
    ldd [%g4 + 48], %i4
    ldd [%g4 + 56], %i6
    subcc %g5, 1, %g5
    bnz 1b
    restore
    /* PSR: the partition's icc and EF, supervisor, traps off, PIL 0, in the
     * window below the partition's (rett goes up into it). */
    ld [%g1 + LEON3_CPU_PSR], %g2
    and %g2, 7, %g3
    add %g3, LEON3_WINDOWS - 1, %g3
    and %g3, 7, %g3
    set PSR_ICC | PSR_EF, %g4
    and %g2, %g4, %g2
    or %g2, %g3, %g2
    or %g2, PSR_S, %g2
    wr %g2, %psr
    nop
    nop
    nop
    mov %g1, %l0                /* the trap window's locals are free */
    ld [%l0 + LEON3_CPU_WIM], %l3
    wr %l3, %wim
    ld [%l0 + LEON3_CPU_Y], %l3
    wr %l3, %y
    ld [%l0 + LEON3_CPU_PC], %l1
    ld [%l0 + LEON3_CPU_NPC], %l2
    ld [%l0 + LEON3_CPU_G + 4], %g1
    ldd [%l0 + LEON3_CPU_G + 8], %g2
    ldd [%l0 + LEON3_CPU_G + 16], %g4
    ldd [%l0 + LEON3_CPU_G + 24], %g6
    sethi %hi(leon3_next_context), %l3
    ld [%l3 + %lo(leon3_next_context)], %l3
    mov LEON3_MMU_CTX_REG, %l4
    set HIGH(resume_in_context), %l5
    jmp %l5
    nop

/* Wait for an interrupt with interrupts on: it arrives at from_hypervisor. */
    .global leon3_idle
leon3_idle:
    rd %psr, %g1
    andn %g1, PSR_PIL, %g1
    wr %g1, %psr
    nop
    nop
    nop
1:  wr %g0, %asr19              /* LEON3 power-down until an interrupt */
    ba 1b
    nop

/* Stop the processor: QEMU ends on `ta 0` with traps off (TA0_SHUTDOWN);
 * a board halts in error mode. */
    .global leon3_shutdown
leon3_shutdown:
    rd %psr, %g1
    andn %g1, PSR_ET, %g1
    wr %g1, %psr
    nop
    nop
    nop
    ta 0
    ba leon3_shutdown
    nop

/* The hypervisor's image header, as XtratuM's core carries it: `hvsim xef
 * build` takes the image's type (hypervisor) from it, and a loader the
 * address (docs/xef.md). "$XMh", ABI and API versions 1 (xm/types.h), no
 * custom files, "$XMh". */
    .section .xmHdr, "a"
    .global xmHdr
    .align 4
xmHdr:
    .word 0x24584d68, 1, 1, 0
    .word 0, 0, 0, 0, 0, 0
    .word 0x24584d68

    .global leon3_running
    .global leon3_next_context
    .section .bss
    .align 8
leon3_running:
    .skip 4
leon3_next_context:             /* the SRMMU context leon3_resume loads */
    .skip 4
    .align 8
leon3_stack:
    .skip 16384
    .global leon3_stack_top
leon3_stack_top:

    .section .note.GNU-stack, "", @progbits
