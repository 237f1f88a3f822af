/* Debugging a vCPU (for sim/gdb): breakpoints, single steps, watchpoints
 * and stops at an instruction count, all inside vcpu_run and at no cycle
 * cost: a run with stops charges the same cycles, and ends its slices at
 * the same instructions, as the same run without them (docs/debugging.md).
 *
 * A stop calls the vCPU's stop function from inside vcpu_run, with the
 * engine stopped before the instruction at stop->pc; that function may
 * read and write registers and memory, change breakpoints and the step
 * mode, and return to let the run go on. */
#ifndef CPU_VCPU_DEBUG_H
#define CPU_VCPU_DEBUG_H

#include "cpu/vcpu.h"

#include <stdbool.h>
#include <stdint.h>

#define VCPU_DEBUG_MAX_BREAKPOINTS 64u
#define VCPU_DEBUG_MAX_WATCHPOINTS 4u

enum vcpu_stop_reason {
    VCPU_STOP_STEP,       /* one instruction ran (vcpu_debug_set_step) */
    VCPU_STOP_BREAKPOINT, /* the next instruction is at a breakpoint */
    VCPU_STOP_WATCH,      /* the instruction at access_pc made a watched access */
    VCPU_STOP_TARGET,     /* the instruction count reached vcpu_debug_stop_at's */
    VCPU_STOP_INTERRUPT,  /* the poll function asked for a stop */
};

/* What a watchpoint catches (GDB's Z2, Z3, Z4). */
enum vcpu_watch_kind { VCPU_WATCH_WRITE = 1, VCPU_WATCH_READ = 2, VCPU_WATCH_ACCESS = 3 };

struct vcpu_stop {
    enum vcpu_stop_reason reason;
    uint32_t pc, npc;       /* where the vCPU continues */
    uint64_t retired;       /* instructions completed since the debugging started */
    uint32_t watch_address; /* VCPU_STOP_WATCH: first watched byte accessed */
    enum vcpu_watch_kind watch_kind;
    uint32_t access_pc; /* VCPU_STOP_WATCH: the load or store */
    uint64_t cycles;    /* charged by this vcpu_run so far (blocks whole, at their start) */
};

typedef void vcpu_stop_fn(struct vcpu *vcpu, const struct vcpu_stop *stop, void *user);
/* Asked every few thousand blocks: true stops the vCPU (a Ctrl-C). */
typedef bool vcpu_poll_fn(void *user);

/* Put the vCPU in debug mode (before its first run, so that the count of
 * retired instructions starts at boot). Its blocks then take the hook's
 * slow path: slower, same cycles. */
enum vcpu_error vcpu_debug_enable(struct vcpu *vcpu, vcpu_stop_fn *stop, vcpu_poll_fn *poll,
                                  void *user);

/* Stop after every instruction while on. */
void vcpu_debug_set_step(struct vcpu *vcpu, bool on);

/* At most VCPU_DEBUG_MAX_BREAKPOINTS / _WATCHPOINTS (VCPU_ERR_DEBUG_FULL);
 * removing one that is not there returns false. */
enum vcpu_error vcpu_debug_add_breakpoint(struct vcpu *vcpu, uint32_t address);
bool vcpu_debug_remove_breakpoint(struct vcpu *vcpu, uint32_t address);
enum vcpu_error vcpu_debug_add_watch(struct vcpu *vcpu, uint32_t address, uint32_t length,
                                     enum vcpu_watch_kind kind);
bool vcpu_debug_remove_watch(struct vcpu *vcpu, uint32_t address, uint32_t length,
                             enum vcpu_watch_kind kind);
void vcpu_debug_clear(struct vcpu *vcpu); /* breakpoints, watchpoints, step, target */

/* Stop when `retired` instructions have completed (UINT64_MAX: never):
 * how a deterministic re-run reaches a point of an earlier one. */
void vcpu_debug_stop_at(struct vcpu *vcpu, uint64_t retired);

/* Instructions completed since debugging started, at a stop or between
 * runs. A trapping instruction counts as completed. */
uint64_t vcpu_debug_retired(struct vcpu *vcpu);

#endif
