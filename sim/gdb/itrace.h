/* sim/gdb: an instruction trace of one partition (hvsim run --itrace
 * PARTITION[:FROM-TO]; docs/debugging.md): one line per instruction, its
 * address, disassembly, cycle and symbol, through the vCPU's single steps,
 * which cost no cycles. */
#ifndef SIM_GDB_ITRACE_H
#define SIM_GDB_ITRACE_H

#include "sim/common/sim_error.h"
#include "sim/machine.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

struct sim_itrace_options {
    uint32_t partition;
    bool by_address;   /* FROM-TO are addresses (0x...), else times in µs */
    uint64_t from, to; /* inclusive from, exclusive to; 0-0: everything */
    const char *image; /* the partition's image, for symbols (or NULL) */
    FILE *out;
};

/* "1", "1:0x40200000-0x40200100", "1:20000-30000" (µs). */
bool sim_itrace_parse(const char *text, struct sim_itrace_options *options);

/* Trace the partition of a machine not yet booted. */
enum sim_error sim_itrace_attach(struct sim_machine *machine, const struct sim_itrace_options *o);

#endif
