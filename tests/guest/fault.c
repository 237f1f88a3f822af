/* fault: the faulty partition of tests/scenarios/faults.cmake. It prints a
 * line in its first slot, then in its second one runs the one instruction
 * the build selects (-DFAULT_<KIND>), labelled fault_insn so the test can
 * read its address from the image. The partition must be halted there:
 * "survived" must never appear, except for FAULT_NONE, the reference run. */
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
#else
#error "define one FAULT_<KIND>"
#endif

void PartitionMain(void);

void PartitionMain(void)
{
    printf("Faulty: slot 0\n");
    XM_idle_self();
    printf("Faulty: slot 1, faulting\n");
    __asm__ volatile(".global fault_insn\nfault_insn:\n\t" FAULT_INSN
                     :
                     : "r"(FAULT_ADDRESS)
                     : "g1", "memory");
    printf("Faulty: survived\n");
    for (;;)
        XM_idle_self();
}
