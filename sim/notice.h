/* sim/: the one-line notices of a run on standard error (traps the health
 * monitor handled, failed virtual interrupts, the system halting), worded
 * once for both engines: the simulator (run.c) and the LEON3 image under
 * QEMU (sim/engine/qemu.c). */
#ifndef SIM_NOTICE_H
#define SIM_NOTICE_H

#include <hvcore/hv.h>
#include <stdint.h>
#include <stdio.h>

struct sim_trap_notice {
    uint64_t us;
    uint32_t partition;
    const char *name; /* the partition's */
    uint32_t trap_type, pc, fault_address;
    enum hv_trap_outcome outcome;
    uint32_t event, action; /* the health monitor's, unless NO_PARTITION */
};

void sim_notice_trap(FILE *diag, const struct sim_trap_notice *n);
/* A virtual interrupt whose delivery failed (trap_type, pc and
 * fault_address unused). */
void sim_notice_virq(FILE *diag, const struct sim_trap_notice *n);
/* by: the partition that halted it, or -1 (name unused). */
void sim_notice_halt(FILE *diag, uint64_t us, int32_t by, const char *name);

#endif
