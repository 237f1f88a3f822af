/* sim/: one simulated system: the configuration, hvcore, one vCPU per
 * partition, the partition control tables and the virtual clock, wired
 * together. Several machines can live in one process. */
#ifndef SIM_MACHINE_H
#define SIM_MACHINE_H

#include "sim/clock.h"
#include "sim/common/sim_error.h"
#include "sim/common/symbols.h"
#include "sim/image.h"
#include <hvcore/hv.h>
#include <stdio.h>

struct vcpu;
struct sim_machine;

/* Modelled hypervisor costs in cycles (docs/simulator.md). */
struct sim_costs {
    uint32_t entry;          /* trap into the hypervisor and back: every hypercall,
                                trap and timer interrupt */
    uint32_t hypercall;      /* dispatch and handler of a hypercall, on top of entry */
    uint32_t context_switch; /* the CPU passes to a partition from another or idle */
    uint32_t io_access;      /* one device register access by the hypervisor (APB) */
};

/* Defaults: estimates of XtratuM's LEON3 code paths (XM-Q's entry.S), to be
 * calibrated against the paper's measurements later; docs/simulator.md. */
#define SIM_COST_ENTRY_DEFAULT 200u
#define SIM_COST_HYPERCALL_DEFAULT 100u
#define SIM_COST_CONTEXT_SWITCH_DEFAULT 500u
/* An APB register access through the AHB/APB bridge: a few wait states. */
#define SIM_COST_IO_ACCESS_DEFAULT 4u

struct sim_options {
    struct sim_costs costs;
    const struct hv_board *board; /* NULL: xm-leon3 */
    FILE *console;                /* where the console UART's bytes go */
    bool console_prefix;          /* start each line with "[time us] writer: " */
    FILE *uart_input;             /* bytes received by the console UART, or NULL */
    FILE *uart2_input;            /* bytes received by UART2 (partitions' UART), or NULL */
    FILE *uart2_output;           /* where UART2's transmitted bytes go; NULL: nowhere */
    bool keep_trace;              /* keep every trace record in memory (else the hash only) */
    /* A partition's HM event, seen before its action changes the
     * partition: the lines of a report (sim/gdb's fault report), written to
     * out and printed after the event's notice (docs/debugging.md), or NULL. */
    void (*fault_report)(void *context, struct sim_machine *machine, uint32_t partition,
                         uint32_t pc, unsigned parts, FILE *out);
    void *fault_report_context;
    /* A notice when a hypercall fails (sim/hypercall_notice.h): hvsim run
     * unless --quiet-hypercalls; scenarios leave it off. */
    bool hypercall_notices;
    /* NULL, or HV_MAX_PARTITIONS tables (sim_symbols_load_images): the
     * partitions' functions, which name the PCs of the notices and the
     * call sites of failed hypercalls, the GUI's details
     * (sim_machine_symbols). */
    const struct sim_symbols *symbols;
};

/* What a fault report shows (its `parts`): a CPU trap all of it; a virtual
 * trap that could not be delivered no instruction (none caused it); an HM
 * event raised in a hypercall where in the code it was. */
enum sim_fault_part {
    SIM_FAULT_REGISTERS = 1u,
    SIM_FAULT_INSTRUCTION = 2u,
    SIM_FAULT_BACKTRACE = 4u,
    SIM_FAULT_STACK = 8u,
};

/* A partition's image, named on the command line as ID=FILE (an ELF or a XEF
 * file), or taken from a container (sim/container.h): then `path` is the
 * container's, `xef` the image's bytes, and the custom files go where the
 * image's header says (docs/xef.md). */
struct sim_image_ref {
    uint32_t partition;
    const char *path;
    struct sim_blob xef; /* bytes NULL: read path */
    struct sim_blob custom_files[XEF_MAX_CUSTOM_FILES];
    uint32_t custom_file_count;
};

struct sim_machine;

/* Exactly one image per partition of config, and none for a partition it
 * does not have (that one said first: it explains the one missing); the
 * problem is one `hvsim: ...` line on diag, SIM_ERR_USAGE. Shared by every
 * command that takes -p ID=FILE. */
enum sim_error sim_machine_check_images(const struct hv_config *config,
                                        const struct sim_image_ref *images, uint32_t image_count,
                                        FILE *diag);

/* Build a machine for config with one image per partition. Problems with
 * the images are printed to diag as `file: message` lines. */
enum sim_error sim_machine_create(struct sim_machine **out, const struct hv_config *config,
                                  const struct sim_image_ref *images, uint32_t image_count,
                                  const struct sim_options *options, FILE *diag);
void sim_machine_destroy(struct sim_machine *machine);

/* Boot the hypervisor (once) and run until major frame `mafs` starts. */
enum sim_error sim_machine_run_mafs(struct sim_machine *machine, uint64_t mafs, FILE *diag);

/* Live stepping (the GUI): run until the clock reaches `us` µs, or until
 * the next slot starts; both stop early when major frame `mafs` starts. */
enum sim_error sim_machine_run_until_us(struct sim_machine *machine, uint64_t us, uint64_t mafs,
                                        FILE *diag);
enum sim_error sim_machine_run_slot(struct sim_machine *machine, uint64_t mafs, FILE *diag);
/* At the end of a run: the call sites whose hypercalls failed more than
 * once, with their counts (when hypercall_notices is on). */
void sim_machine_report_hypercalls(const struct sim_machine *machine, FILE *diag);
/* Major frames started so far. */
uint64_t sim_machine_mafs_started(const struct sim_machine *machine);

/* Boot (once) and run until stop(machine, context) holds, checked between
 * steps (a step ends at the next device event, a vCPU exit, or the cycle
 * stop_at when it is not 0, which no partition runs past). */
typedef bool sim_machine_stop_fn(const struct sim_machine *machine, void *context);
enum sim_error sim_machine_run_until(struct sim_machine *machine, sim_machine_stop_fn *stop,
                                     void *context, uint64_t stop_at, FILE *diag);

/* At the end of a run: let the console UART send the bytes it still holds
 * (the clock moves on, nothing else runs), so the last output is seen. */
void sim_machine_drain_console(struct sim_machine *machine);

/* The run's trace so far (sim/trace/trace.h). */
const struct sim_trace *sim_machine_trace(const struct sim_machine *machine);

/* Stream the trace to path as well (docs/trace.md); before the run. */
enum sim_error sim_machine_trace_to_file(struct sim_machine *machine, const char *path, FILE *diag);
/* Print the trace hash after each major frame to log (--hash). */
void sim_machine_trace_hashes(struct sim_machine *machine, FILE *log);
/* End of the run: the lines for HM events repeated since they were last
 * shown (docs/debugging.md) on diag, then close the trace file with its
 * end record and print the final hash line if hashes are printed. */
enum sim_error sim_machine_trace_finish(struct sim_machine *machine, FILE *diag);

/* The lines the end of the run would print now about HM events repeated
 * since they were last shown (sim_machine_trace_finish prints them). */
void sim_machine_repeats_so_far(const struct sim_machine *machine, FILE *out);

const struct sim_clock *sim_machine_clock(const struct sim_machine *machine);
/* The configuration the machine runs (cpu_khz from the board). */
const struct hv_config *sim_machine_config(const struct sim_machine *machine);
/* The partitions' function symbols (sim_options.symbols), or NULL. */
const struct sim_symbols *sim_machine_symbols(const struct sim_machine *machine);
/* A partition's vCPU, for a debugger (sim/gdb); NULL for no such partition. */
struct vcpu *sim_machine_vcpu(struct sim_machine *machine, uint32_t partition);
const struct hv *sim_machine_hv(const struct sim_machine *machine);

/* A partition's memory as its CPU sees it (its own map, ignoring write
 * protection when writing): false where it maps nothing. For tests and
 * tools that set up or inspect a guest (tests/hostile/). */
bool sim_machine_read_guest(struct sim_machine *m, uint32_t partition, uint32_t address,
                            void *buffer, uint32_t length);
bool sim_machine_write_guest(struct sim_machine *m, uint32_t partition, uint32_t address,
                             const void *buffer, uint32_t length);

/* The running partition takes trap `trap` at its current PC, as if its
 * next instruction had raised it (a scenario's `inject trap`); its notice
 * goes to diag as a trap's does. */
void sim_machine_take_trap(struct sim_machine *m, uint32_t trap, FILE *diag);

#endif
