/* sim/engine: a run on the second engine, the LEON3 image under
 * qemu-system-sparc -M leon3_generic (docs/leon3.md). The same inputs and
 * outputs as the simulator's run: console bytes to `console`, the notices
 * on diag worded as the simulator words them (sim/notice.h), and the
 * run's trace in hvsim's format, recorded into `trace` (sim/trace). QEMU
 * runs with -icount (SIM_QEMU_ICOUNT): time advances by instructions
 * executed, so two runs give the same bytes. */
#ifndef SIM_ENGINE_QEMU_H
#define SIM_ENGINE_QEMU_H

#include "sim/engine/leon3_image.h"
#include "sim/trace/trace.h"

#define SIM_QEMU_PROGRAM "qemu-system-sparc"
/* 2^5 = 32 ns of virtual time per instruction: 31 MIPS, what a LEON3 at
 * 40 MHz executes at about 1.3 cycles per instruction; shift=0 (1 ns)
 * would give each partition 25 times the work per slot. sleep=off: idle
 * time is skipped, not waited for. */
#define SIM_QEMU_ICOUNT "shift=5,sleep=off"

struct sim_qemu_run {
    const struct hv_config *config;
    const struct sim_image_ref *images;
    uint32_t image_count;
    uint64_t mafs;           /* run until this major frame starts */
    FILE *console;           /* the partitions' console bytes */
    bool console_prefix;     /* "[time us] writer: " at each line, as the simulator's --prefix */
    struct sim_trace *trace; /* records go here (with its writer and hash log); NULL: no trace */
    const char *keep_image;  /* also copy hv.elf here, or NULL */
};

/* Is the QEMU program on PATH? */
bool sim_qemu_available(void);

/* Build the image, run QEMU, decode its UART. SIM_ERR_CPU when the image
 * stops without its end frame (a hypervisor panic, QEMU failing). */
enum sim_error sim_qemu_run(const struct sim_qemu_run *run, FILE *diag);

#endif
