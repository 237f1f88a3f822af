/* fault: the faulty partition of tests/scenarios/faults.cmake. It prints a
 * line in its first slot, then in its second one runs the one instruction
 * the build selects (-DFAULT_<KIND>), labelled fault_insn so the test can
 * read its address from the image. With the default health-monitor table
 * the partition is halted there: "survived" must never appear, except for
 * FAULT_NONE, the reference run.
 * FAULT_NOTBR / FAULT_BADTBR: a software trap with no valid virtual trap
 * table (XtratuM: partition unrecoverable).
 * FAULT_VIRQ: a virtual interrupt (extended IRQ 8) made pending, then
 * enabled just before fault_insn with no valid virtual trap table: its
 * delivery fails (XtratuM: partition unrecoverable).
 * FAULT_HM: a division by zero with a trap handler installed, for the
 * tests of each HM action (hm_fault.xml.in): the handler counts the trap
 * and goes on after it (PROPAGATE). Any other kind gets the handler when
 * built with -DFAULT_HANDLER=<its trap type> (scenarios/faults). Every start prints its number and
 * the PCT's reset fields; a restarted partition (HM reset) does not fault again. The start count is
 * in .data, which a reset leaves as it is. */
#include <irqs.h>
#include <stdio.h>
#include <xm.h>

/* The Healthy partition's code (two_partitions.xml): a store there must
 * fault without touching it. */
#define OTHER_PARTITION 0x40200010u
/* This partition's read-only page. */
#define READ_ONLY_PAGE 0x40300000u

#if defined(FAULT_NONE)
#define FAULT_INSN "nop"
#define FAULT_ADDRESS 0u
#elif defined(FAULT_PRIVILEGED)
#define FAULT_INSN "rd %%wim, %%g1"
#define FAULT_ADDRESS 0u
#elif defined(FAULT_MISALIGNED)
#define FAULT_INSN "ld [%0], %%g1"
#define FAULT_ADDRESS 0x40100002u
#elif defined(FAULT_DIVZERO)
#define FAULT_INSN "udiv %0, %%g0, %%g1"
#define FAULT_ADDRESS 1u
#elif defined(FAULT_UNMAPPED)
#define FAULT_INSN "st %%g0, [%0]"
#define FAULT_ADDRESS OTHER_PARTITION
#elif defined(FAULT_READONLY)
#define FAULT_INSN "st %%g0, [%0]"
#define FAULT_ADDRESS READ_ONLY_PAGE
#elif defined(FAULT_ILLEGAL)
#define FAULT_INSN "unimp 0"
#define FAULT_ADDRESS 0u
#elif defined(FAULT_FPDISABLED)
/* A floating-point instruction in a partition without the "fp" flag. */
#define FAULT_INSN "fitod %%f0, %%f2"
#define FAULT_ADDRESS 0u
#elif defined(FAULT_BADPTR)
/* A null pointer dereferenced (a load: nothing is mapped at 0). */
#define FAULT_INSN "ld [%0], %%g1"
#define FAULT_ADDRESS 0u
#elif defined(FAULT_NOTBR)
/* A software trap with no virtual trap table (TBR never set). */
#define FAULT_INSN "ta 5"
#define FAULT_ADDRESS 0u
#elif defined(FAULT_HM)
#define FAULT_INSN "udiv %0, %%g0, %%g1"
#define FAULT_ADDRESS 1u
#define FAULT_HANDLER 0x2a /* trap2Vector of the division by zero */
#elif defined(FAULT_BADTBR)
/* A software trap whose table would run past the partition's memory. */
#define FAULT_INSN "ta 5"
#define FAULT_ADDRESS 0u
#define FAULT_TBR (READ_ONLY_PAGE + 16)
#elif defined(FAULT_VIRQ)
/* XM_enable_irqs inline: its assembly hypercall (set_psr, %o1 the PSR
 * with ET on and PIL 0) just before fault_insn, where the partition is
 * when the delivery fails on the way back (its fault report's PC). */
#define FAULT_SETUP "mov %0, %%o1\n\tmov 3, %%o0\n\tta 0xf1\n" /* sparc_set_psr_nr */
#define FAULT_INSN "nop"
#define FAULT_ADDRESS ((XM_sparc_get_psr() | PSR_ET_BIT) & ~PSR_PIL_MASK)
#define FAULT_TBR (READ_ONLY_PAGE + 16)
#define FAULT_RAISE_VIRQ 8u
#else
#error "define one FAULT_<KIND>"
#endif
#ifndef FAULT_SETUP
#define FAULT_SETUP ""
#endif

void PartitionMain(void);

static volatile unsigned starts = 1000; /* .data: not cleared by a restart */
static volatile unsigned handled;       /* .bss */

#ifdef FAULT_HANDLER
/* Count the trap and continue after the faulting instruction. */
static void CountTrap(trapCtxt_t *ctxt)
{
    handled++;
    ctxt->pc = ctxt->nPc;
    ctxt->nPc += 4;
}
#endif

static void report_start(void)
{
    partitionControlTable_t *pct = XM_params_get_PCT();
    starts++;
    printf("Faulty: start %u, resetCounter %u, resetStatus %u\n", starts - 1000,
           (unsigned)pct->resetCounter, (unsigned)pct->resetStatus);
}

void PartitionMain(void)
{
    report_start();
    if (starts - 1000 > 1) {
        printf("Faulty: restarted\n");
        for (;;)
            XM_idle_self();
    }
#ifdef FAULT_HANDLER
    InstallTrapHandler(FAULT_HANDLER, CountTrap);
#endif
    printf("Faulty: slot 0\n");
    XM_idle_self();
    printf("Faulty: slot 1, faulting\n");
#ifdef FAULT_TBR
    XM_sparc_write_tbr(FAULT_TBR);
#endif
#ifdef FAULT_RAISE_VIRQ
    XM_clear_irqmask(0, 1u << FAULT_RAISE_VIRQ);
    XM_set_irqpend(0, 1u << FAULT_RAISE_VIRQ);
#endif
    __asm__ volatile(FAULT_SETUP ".global fault_insn\nfault_insn:\n\t" FAULT_INSN
                     :
                     : "r"(FAULT_ADDRESS)
                     : "g1", "o0", "o1", "cc", "memory");
#ifdef FAULT_RAISE_VIRQ
    XM_disable_irqs(); /* one failed delivery: none at its next slot start */
#endif
    printf("Faulty: survived, trap handler ran %u times\n", handled);
    for (;;)
        XM_idle_self();
}
