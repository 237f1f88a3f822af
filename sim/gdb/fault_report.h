/* sim/gdb: the report printed after a partition fault's notice
 * (hvsim run --fault-report; docs/debugging.md). */
#ifndef SIM_GDB_FAULT_REPORT_H
#define SIM_GDB_FAULT_REPORT_H

#include "sim/machine.h"

#include <stdint.h>
#include <stdio.h>

/* Each partition's image (for its symbols), by partition id. */
struct sim_gdb_fault_images {
    const char *paths[HV_MAX_PARTITIONS];
    uint32_t count;
};

/* A sim_options.fault_report: registers, the instruction at pc, a
 * symbolised backtrace, a stack overflow; lines start "hvsim:   ". */
void sim_gdb_fault_report(void *images, struct sim_machine *machine, uint32_t partition,
                          uint32_t pc, FILE *diag);

#endif
