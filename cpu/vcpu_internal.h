/* Private to cpu/: the vCPU object shared by vcpu*.c. */
#ifndef CPU_VCPU_INTERNAL_H
#define CPU_VCPU_INTERNAL_H

#include "cpu/timing.h"
#include "cpu/uc_sparc_state.h"
#include "cpu/vcpu.h"

#include <stdbool.h>
#include <stdint.h>
#include <unicorn/unicorn.h>

#define VCPU_PAGE_SIZE 0x1000u

/* The vCPU's private area (never a partition's) starts with a code page the
 * host starts the engine on (offsets below), then the MMU tables. */
#define VCPU_PRIVATE_TRAMPOLINE 0x000u /* ta VCPU_PRIVATE_TA: resume hook */
#define VCPU_PRIVATE_FLAGS 0x010u      /* bne; nop; ta: makes the engine compute icc */
#define VCPU_PRIVATE_FLAGS_TA 0x018u
#define VCPU_PRIVATE_UNTIL 0xff0u /* uc_emu_start's end address, never executed */
#define VCPU_PRIVATE_TA 0x7fu     /* tt 0xff */
#define VCPU_PRIVATE_TT (0x80u + VCPU_PRIVATE_TA)

/* SPARC trap types the vCPU produces or handles. */
#define VCPU_TT_INSTRUCTION_ACCESS 0x01u
#define VCPU_TT_ILLEGAL 0x02u
#define VCPU_TT_PRIVILEGED 0x03u
#define VCPU_TT_WINDOW_OVERFLOW 0x05u
#define VCPU_TT_WINDOW_UNDERFLOW 0x06u
#define VCPU_TT_UNALIGNED 0x07u
#define VCPU_TT_DATA_ACCESS 0x09u
#define VCPU_TT_HYPERCALL 0xf0u
#define VCPU_TT_ASM_HYPERCALL 0xf1u

/* What a start of the engine on the private page is for. */
enum vcpu_private_mode { VCPU_MODE_GUEST, VCPU_MODE_RESUME, VCPU_MODE_HELPER };

/* One vcpu_run in progress. */
struct vcpu_run_state {
    int64_t budget; /* at most INT64_MAX cycles: never reached */
    int64_t left;   /* the budget minus the cycles charged; < 0 after an overrun */
    /* The guest block being run (NULL before the first): its slot in the
     * cost cache's front table, or `unlisted` for a block not cached. Only
     * block hooks write either, so it stays valid until the next block. */
    const struct vcpu_cost_slot *block;
    struct vcpu_cost_slot unlisted;
    bool budget_stop;
    bool exited; /* a hook recorded exit */
    struct vcpu_exit exit;
    enum vcpu_error error; /* an engine failure inside a hook */
};

struct vcpu {
    uc_engine *uc;
    struct vcpu_region *regions;
    uint32_t region_count;
    uint32_t private_base; /* the private area */
    uint32_t private_size;
    void *reservation; /* host address space backing the unmapped guest space */
    enum vcpu_private_mode mode;
    struct vcpu_blob state;  /* scratch copy of the engine state */
    struct vcpu_blob resume; /* what the trampoline restores */
    struct vcpu_blob saved;  /* the guest's state while a supervisor stub runs */
    uint32_t map_l1;         /* the partition's level-1 table in use; 0: the vCPU's own map */
    struct vcpu_cost_cache costs;
    struct vcpu_run_state run;
    struct vcpu_debug *debug; /* NULL unless debugged (vcpu_debug.c) */
};

bool vcpu_in_private(const struct vcpu *vcpu, uint32_t address);

/* Is [address, address + length) inside regions that all grant perm? If
 * not, *fault is the first address that does not. */
bool vcpu_guest_access_ok(const struct vcpu *vcpu, uint32_t address, uint32_t length, uint32_t perm,
                          uint32_t *fault);

/* The same through the partition's own tables (vcpu->map_l1 != 0). */
bool vcpu_map_allows(const struct vcpu *vcpu, uint32_t address, uint32_t length, uint32_t perm,
                     uint32_t *fault);

/* Snapshot the engine into vcpu->state / put vcpu->state back. */
enum vcpu_error vcpu_save(struct vcpu *vcpu);
enum vcpu_error vcpu_restore(struct vcpu *vcpu);

/* Inside a trap hook: end the run with this exit at the current PC. */
void vcpu_exit_at_trap(struct vcpu *vcpu, enum vcpu_exit_reason reason, uint32_t trap_type,
                       uint32_t fault_address);

/* Charge cycles the block hook did not (a window trap handled inside). */
void vcpu_charge_cycles(struct vcpu *vcpu, uint32_t cycles);

/* Take back the cost of the current block from address on (instructions
 * that did not run because a trap interrupted the block). */
void vcpu_refund_from(struct vcpu *vcpu, uint32_t address);

/* Window traps, handled like XtratuM's native LEON3 handlers. */
void vcpu_window_overflow(struct vcpu *vcpu);
void vcpu_window_underflow(struct vcpu *vcpu);

/* Why a window could not go to or come from the partition's stack: the
 * trap the partition's own handler would have taken, and where. */
struct vcpu_stack_fault {
    uint32_t trap_type; /* VCPU_TT_UNALIGNED or VCPU_TT_DATA_ACCESS */
    uint32_t address;
};

/* Spill window w of vcpu->state to the 64 bytes at its %sp (locals, then
 * ins), or fill it from there, with the partition's own permissions. The
 * blob is not restored into the engine. */
bool vcpu_spill_window(struct vcpu *vcpu, uint32_t w, struct vcpu_stack_fault *fault);
bool vcpu_fill_window(struct vcpu *vcpu, uint32_t w, struct vcpu_stack_fault *fault);

/* WIM after a spill (right) or a fill (left) with n windows. */
uint32_t vcpu_wim_rotate_right(uint32_t wim, uint32_t n);
uint32_t vcpu_wim_rotate_left(uint32_t wim, uint32_t n);

/* Run host code at this offset of the private page until its `ta`. */
enum vcpu_error vcpu_run_helper(struct vcpu *vcpu, uint32_t offset);

/* Address space through the MMU (vcpu_mmu.c): map regions, private area
 * and gaps; then switch the MMU on; release the host reservation. */
enum vcpu_error vcpu_mmu_build(struct vcpu *vcpu);
enum vcpu_error vcpu_mmu_enable(struct vcpu *vcpu);
void vcpu_mmu_release(struct vcpu *vcpu);

/* The cost of a block (cached). */
uint32_t vcpu_block_cost(struct vcpu *vcpu, uint32_t address, uint32_t size);

/* Start the engine at the saved resume state (vcpu->resume). */
uc_err vcpu_start_engine(struct vcpu *vcpu);

/* Debug mode (vcpu_debug.c): every guest block's hook, a refund of the
 * block from address on, the run loop with its stops, and clean-up. */
void vcpu_debug_block(struct vcpu *vcpu, uint32_t pc, uint32_t size);
void vcpu_debug_refund(struct vcpu *vcpu, uint32_t address);
uc_err vcpu_debug_run(struct vcpu *vcpu);
void vcpu_debug_free(struct vcpu *vcpu);

/* Copy between the host and guest virtual memory through the current map
 * (no permission check: the caller made it). */
enum vcpu_error vcpu_guest_rw(struct vcpu *vcpu, uint32_t address, void *buffer, uint32_t length,
                              bool write);

/* Register the hooks (before the first run). */
enum vcpu_error vcpu_install_hooks(struct vcpu *vcpu);

#endif
