/* sim/gdb: the report printed after a partition's HM event notice, by
 * default in hvsim run and the scenario runner (docs/debugging.md). */
#ifndef SIM_GDB_FAULT_REPORT_H
#define SIM_GDB_FAULT_REPORT_H

#include "sim/machine.h"

#include <stdint.h>

/* The partitions' images (for their symbols, opened at a partition's
 * first report); the paths must outlive it. NULL: out of memory. */
struct sim_gdb_fault_report *sim_gdb_fault_report_new(const struct sim_image_ref *images,
                                                      uint32_t count);
void sim_gdb_fault_report_free(struct sim_gdb_fault_report *report);

/* Machines made with options report through it (sim_options.fault_report):
 * the registers, the instruction at the PC, a symbolised backtrace, a stack
 * overflow, as much of it as applies (enum sim_fault_part); lines start
 * "hvsim:   ". NULL: no reports. */
void sim_gdb_fault_report_use(struct sim_gdb_fault_report *report, struct sim_options *options);

#endif
