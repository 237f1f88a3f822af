/* A SPARC V8 virtual CPU for one partition, over Unicorn. The only module
 * that includes <unicorn/unicorn.h>; what it needs of Unicorn's internal
 * CPU state (NPC, PSR, WIM, TBR, the register windows) lives in
 * uc_sparc_state.c with its own self-test. */
#ifndef CPU_VCPU_H
#define CPU_VCPU_H

#include <stdbool.h>
#include <stdint.h>

enum vcpu_error {
    VCPU_OK = 0,
    VCPU_ERR_UNICORN, /* an Unicorn call failed */
    VCPU_ERR_NO_MEMORY,
    VCPU_ERR_BAD_REGION,     /* unaligned, overlapping or empty region */
    VCPU_ERR_UNMAPPED,       /* a host access outside the mapped regions */
    VCPU_ERR_READ_ONLY,      /* a write into a region the guest cannot write */
    VCPU_ERR_PROBE_FAILED,   /* Unicorn's CPU state layout not recognised */
    VCPU_ERR_BAD_STACK,      /* a window cannot go to or come from the guest's stack */
    VCPU_ERR_INVALID_WINDOW, /* the window to return to is not in the registers (WIM) */
    VCPU_ERR_DEBUG_FULL,     /* no room for another breakpoint or watchpoint */
};
const char *vcpu_strerror(enum vcpu_error error);

/* Guest permissions of a region. */
#define VCPU_PERM_READ 1u
#define VCPU_PERM_WRITE 2u
#define VCPU_PERM_EXEC 4u

/* One region of the partition's address space. Addresses and sizes are
 * multiples of 4 KiB. host_buffer == NULL: the vCPU allocates zeroed
 * memory; otherwise the buffer (size bytes, page aligned) is mapped, which
 * is how shared areas and the PCT page appear in several engines. */
struct vcpu_region {
    uint32_t guest_address;
    uint32_t size;
    uint32_t perms; /* VCPU_PERM_* */
    void *host_buffer;
};

enum vcpu_exit_reason {
    VCPU_EXIT_BUDGET,        /* the cycle budget is spent; resumes exactly */
    VCPU_EXIT_HYPERCALL,     /* ta 0xF0; pc is the ta */
    VCPU_EXIT_ASM_HYPERCALL, /* ta 0xF1; pc is the ta */
    VCPU_EXIT_TRAP,          /* any other trap: trap_type says which */
    /* A write to %asr19, the LEON3's power-down (user mode may): PC and NPC
     * are past the write, which ran; the processor waits for an interrupt
     * (docs/cpu.md). Not a trap: nothing to skip. */
    VCPU_EXIT_POWER_DOWN,
    VCPU_EXIT_ERROR, /* the engine failed: not the partition's fault */
};

struct vcpu_exit {
    enum vcpu_exit_reason reason;
    uint32_t trap_type;     /* SPARC tt (0x02 illegal, 0x03 privileged, 0x07 ...) */
    uint32_t pc, npc;       /* of the trapping instruction */
    uint32_t fault_address; /* data/instruction access faults */
    uint64_t cycles;        /* cycles charged during this run */
};

/* Registers reachable with vcpu_get/set_reg. */
enum vcpu_reg {
    VCPU_G0 = 0,  /* G0..G7 = 0..7 */
    VCPU_O0 = 8,  /* O0..O7 = 8..15  (current window) */
    VCPU_L0 = 16, /* L0..L7 = 16..23 */
    VCPU_I0 = 24, /* I0..I7 = 24..31 */
    VCPU_PC = 32,
    VCPU_NPC,
    VCPU_PSR,
    VCPU_WIM,
    VCPU_TBR,
    VCPU_Y,
    VCPU_F0,                 /* %f0..%f31 = VCPU_F0..VCPU_F0 + 31, whatever PSR.EF */
    VCPU_FSR = VCPU_F0 + 32, /* writing it keeps ver (19:17) and sets the rounding mode */
    VCPU_REG_COUNT
};

struct vcpu;

/* Create an engine whose address space is exactly these regions. */
enum vcpu_error vcpu_create(struct vcpu **out, const struct vcpu_region *regions,
                            uint32_t region_count);
void vcpu_destroy(struct vcpu *vcpu);

/* Host access to guest memory, checked against the regions: reads need the
 * address mapped; writes with respect_perms need VCPU_PERM_WRITE. */
enum vcpu_error vcpu_read_mem(struct vcpu *vcpu, uint32_t address, void *buffer, uint32_t length);
enum vcpu_error vcpu_write_mem(struct vcpu *vcpu, uint32_t address, const void *buffer,
                               uint32_t length, bool respect_perms);

/* XtratuM's partition boot state: user mode, ET = 1, CWP = 0, WIM = 0x2
 * (the caller's window, 1, invalid: nothing is spilled above the boot %fp),
 * condition codes initialised, PIL 0, %g1 = pct_address, PC = entry,
 * NPC = entry + 4, every other register zero, %f0-%f31 and %fsr (but its
 * ver field) included. */
enum vcpu_error vcpu_boot(struct vcpu *vcpu, uint32_t entry, uint32_t pct_address);

/* Run until the budget (cycles) is spent or the guest exits. Window
 * overflow/underflow traps are handled inside (spill/fill to the guest's
 * stack, with its permissions; a bad stack is a VCPU_EXIT_TRAP). A run with
 * a non-zero budget executes at least one block, so exit->cycles may exceed
 * a budget smaller than that block; budget 0 runs nothing. Budgets above
 * INT64_MAX cycles run as INT64_MAX. */
enum vcpu_error vcpu_run(struct vcpu *vcpu, uint64_t budget_cycles, struct vcpu_exit *exit);

/* Finish a trap instruction: PC = NPC, NPC += 4 (after a hypercall). */
void vcpu_skip_instruction(struct vcpu *vcpu);

/* PC and NPC are independent: setting one leaves the other. Writing PSR
 * may change CWP (the windows move with it); keep ET = 1 for a partition
 * (XtratuM virtualises ET in the PCT; with ET = 0 the engine's MMU would
 * grant every access). WIM keeps its implemented bits. */
uint32_t vcpu_get_reg(struct vcpu *vcpu, enum vcpu_reg reg);
void vcpu_set_reg(struct vcpu *vcpu, enum vcpu_reg reg, uint32_t value);

/* Register windows the engine implements (8, as LEON3); valid once a vCPU
 * exists. */
uint32_t vcpu_windows(void);

/* O/L/I registers of any window (0..7), whatever CWP is; other registers
 * as vcpu_get/set_reg. */
uint32_t vcpu_get_window_reg(struct vcpu *vcpu, uint32_t window, enum vcpu_reg reg);
void vcpu_set_window_reg(struct vcpu *vcpu, uint32_t window, enum vcpu_reg reg, uint32_t value);

/* Register-window operations for the hypervisor's virtual traps and
 * assembly hypercalls (what XtratuM's SPARC trap handlers do for a
 * partition). Windows go to and come from the partition's stack with its
 * own permissions and 8-byte alignment, as the window traps do; on
 * VCPU_ERR_BAD_STACK or VCPU_ERR_INVALID_WINDOW the CPU state is unchanged. */

/* Enter a new window as a trap does (CWP - 1), spilling the oldest window
 * first when the new one is invalid (as a `save` would); there %l0 = l0,
 * %l1 = PC, %l2 = NPC; then PC = address, NPC = address + 4. */
enum vcpu_error vcpu_trap_enter(struct vcpu *vcpu, uint32_t address, uint32_t l0);

/* Return from a trap window as `rett` does: CWP + 1, PC = pc, NPC = npc.
 * VCPU_ERR_INVALID_WINDOW when window CWP + 1 is marked invalid in WIM. */
enum vcpu_error vcpu_trap_return(struct vcpu *vcpu, uint32_t pc, uint32_t npc);

/* Spill every window that holds a caller's frame (CWP + 1 up to the
 * invalid window) to its %sp, then WIM = CWP + 1: afterwards every caller
 * is on the stack and each `restore` fills from there. */
enum vcpu_error vcpu_flush_windows(struct vcpu *vcpu);

/* When window CWP + 1 is invalid, fill it from the stack at the current
 * %fp and rotate WIM left (what an underflow would do at a `restore`);
 * otherwise nothing. */
enum vcpu_error vcpu_fill_caller_window(struct vcpu *vcpu);

/* May the partition access [address, address + length) with perms
 * (VCPU_PERM_*, 0 = mapped)? */
bool vcpu_access_ok(const struct vcpu *vcpu, uint32_t address, uint32_t length, uint32_t perms);

/* XtratuM's MMU paravirtualisation (docs/cpu.md): the partition's own
 * SPARC reference MMU tables, which the hypervisor validated, in its
 * regions. From now on the engine translates through the level-1 table at
 * engine address l1 (1 KiB aligned, in a region), or through the identity
 * map built at creation for l1 = 0; host accesses (vcpu_read_mem,
 * vcpu_write_mem with respect_perms, vcpu_access_ok, window spills and
 * fills) go through the same map with the same rights. Entries
 * VCPU_L1_RESERVED.. of that table are overwritten with the vCPU's own
 * (its PCT and private area: VCPU_ERR_BAD_REGION when the private area is
 * not among them). Translations the engine cached are dropped; translated
 * code is not. */
#define VCPU_L1_RESERVED 240u
enum vcpu_error vcpu_use_page_tables(struct vcpu *vcpu, uint32_t l1);

/* Drop the engine's cached translation of the page at address, or of
 * every page for VCPU_FLUSH_ALL (the SRMMU flush, run in supervisor mode
 * on the private page; the guest's state is kept). */
#define VCPU_FLUSH_ALL 0xffffffffu
enum vcpu_error vcpu_flush_tlb(struct vcpu *vcpu, uint32_t address);

/* The hypervisor's access to a region by engine address, whatever the
 * current map and the region's permissions (page-table pages). */
enum vcpu_error vcpu_read_phys(struct vcpu *vcpu, uint32_t address, void *buffer, uint32_t length);
enum vcpu_error vcpu_write_phys(struct vcpu *vcpu, uint32_t address, const void *buffer,
                                uint32_t length);

/* Re-run the start-up check of Unicorn's CPU state layout (the probe runs
 * once per process; this repeats its self-test). *message explains a
 * failure. */
enum vcpu_error vcpu_self_test(const char **message);

#endif
