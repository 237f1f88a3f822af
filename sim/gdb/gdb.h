/* sim/gdb: a GDB server for the simulator (docs/debugging.md). Partitions
 * are GDB threads; a stop of any one stops the whole system (virtual time
 * stands still); breakpoints, steps and watchpoints cost no cycles, so a
 * debugged run ends with the trace hash of the same run undebugged. The
 * server is a front end of the single-threaded simulation: it blocks on
 * its socket while the system is stopped and polls it, without waiting,
 * while the system runs. */
#ifndef SIM_GDB_GDB_H
#define SIM_GDB_GDB_H

#include "sim/common/sim_error.h"
#include "sim/machine.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

struct sim_gdb_options {
    const char *address; /* ":PORT", "HOST:PORT", or a Unix socket path (has a '/') */
    bool wait;           /* --gdb-wait: wait for GDB, stopped before the first instruction */
};

/* Is text a --gdb address? (":1234", "localhost:1234", "./gdb.sock") */
bool sim_gdb_address_valid(const char *text);

/* How the server makes a machine: the first, and one per re-run of
 * reverse execution. make() builds the system (its trace file, hash
 * lines to log) with its console output to console; NULL after printing
 * why. console (here) is where the output finally goes. */
struct sim_gdb_maker {
    struct sim_machine *(*make)(void *context, FILE *console, FILE *log);
    void *context;
    FILE *console;
};

/* Run a machine until major frame `mafs` starts (or the system halts),
 * serving GDB on options->address; *machine is the machine at the end
 * (to drain, finish and destroy), NULL if none could be made. A port in
 * use or a socket that cannot be made is a one-line message and
 * SIM_ERR_USAGE. */
enum sim_error sim_gdb_run(const struct sim_gdb_options *options, const struct sim_gdb_maker *maker,
                           uint64_t mafs, FILE *diag, struct sim_machine **machine);

#endif
