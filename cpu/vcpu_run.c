/* Running a vCPU for a cycle budget: hooks, exits and exact resume.
 *
 * The budget is enforced by a block hook that charges each block its cost
 * and stops the engine *before* a block that would overrun (the engine then
 * reports exact PC and NPC, as long as no code hook exists on the engine).
 * A run always executes at least one block, so a budget smaller than the
 * next block still makes progress; exit->cycles can then exceed the budget
 * by less than that block's cost.
 *
 * Unicorn's uc_emu_start(pc) sets NPC = PC + 4, which is wrong after a stop
 * in a delay slot. When NPC is not PC + 4 the engine is started instead on a
 * one-instruction `ta` on the vCPU's private page, whose trap hook restores
 * the saved state: execution continues at the saved (PC, NPC). */
#include "cpu/vcpu.h"

#include "cpu/sparc_insn.h"
#include "cpu/vcpu_debug.h"
#include "cpu/vcpu_internal.h"

#include <string.h>

#define REFUND_CHUNK 256u

static uint32_t read_pc(struct vcpu *vcpu)
{
    uint32_t pc = 0;
    uc_reg_read(vcpu->uc, UC_SPARC_REG_PC, &pc);
    return pc;
}

uint32_t vcpu_block_cost(struct vcpu *vcpu, uint32_t address, uint32_t size)
{
    uint32_t cost = 0;
    if (vcpu_cost_cache_find(&vcpu->costs, address, size, &cost)) {
        return cost;
    }
    uint8_t bytes[REFUND_CHUNK];
    for (uint32_t done = 0; done < size; done += REFUND_CHUNK) {
        uint32_t chunk = size - done < REFUND_CHUNK ? size - done : REFUND_CHUNK;
        if (vcpu_guest_rw(vcpu, address + done, bytes, chunk, false) != VCPU_OK) {
            return cost; /* not cached: the fetch itself will fault */
        }
        cost += vcpu_timing_bytes_cost(bytes, chunk);
    }
    if (vcpu_cost_cache_insert(&vcpu->costs, address, size, cost) != VCPU_OK) {
        vcpu->run.error = VCPU_ERR_NO_MEMORY;
        uc_emu_stop(vcpu->uc);
    }
    return cost;
}

/* Charge a guest block, or stop before it when it would overrun the
 * budget (never before the run's first block). */
static void charge(uc_engine *uc, struct vcpu_run_state *run, const struct vcpu_cost_slot *block)
{
    int64_t left = run->left - block->cost;
    if (left < 0 && run->block != NULL) {
        run->budget_stop = true;
        uc_emu_stop(uc);
        return;
    }
    run->left = left;
    run->block = block;
}

void vcpu_charge_cycles(struct vcpu *vcpu, uint32_t cycles)
{
    vcpu->run.left -= cycles;
}

/* A block not in the front table: look further, unless it is host code
 * (not charged). The hook's own signature, and not inlined: on_block then
 * needs no saved registers, no stack frame and no argument moves. */
__attribute__((noinline)) static void on_block_miss(uc_engine *uc, uint64_t address, uint32_t size,
                                                    void *user)
{
    struct vcpu *vcpu = user;
    uint32_t pc = (uint32_t)address;
    if (vcpu_in_private(vcpu, pc)) {
        return;
    }
    if (vcpu->debug != NULL) {
        vcpu_debug_block(vcpu, pc, size);
        return;
    }
    uint32_t cost = vcpu_block_cost(vcpu, pc, size);
    const struct vcpu_cost_slot *known = &vcpu->costs.front[vcpu_cost_front_index(pc)];
    if (known->key == vcpu_cost_key(pc, size)) {
        charge(uc, &vcpu->run, known);
        return;
    }
    /* Not cached (unreadable, empty, or no memory). Overwriting `unlisted`
     * while run->block may point to it is harmless: if this block is
     * refused for the budget, the run ends without a refund. */
    vcpu->run.unlisted = (struct vcpu_cost_slot){vcpu_cost_key(pc, size), cost};
    charge(uc, &vcpu->run, &vcpu->run.unlisted);
}

/* Runs once per executed block, and the ALU loop of docs/benchmarks.md
 * takes time in proportion to host instructions: the common case is kept
 * to a lookup in the cost cache's front table (private blocks never enter
 * it) and the charge. The engine's PCs are 32-bit: a key built from a
 * wider address matches no slot and goes to the slow path. */
static void on_block(uc_engine *uc, uint64_t address, uint32_t size, void *user)
{
    struct vcpu *vcpu = user;
    const struct vcpu_cost_slot *known =
        &vcpu->costs.front[vcpu_cost_front_index((uint32_t)address)];
    if (known->key != (address | (uint64_t)size << 32)) {
        on_block_miss(uc, address, size, user);
        return;
    }
    charge(uc, &vcpu->run, known);
}

void vcpu_refund_from(struct vcpu *vcpu, uint32_t address)
{
    struct vcpu_run_state *run = &vcpu->run;
    if (run->block == NULL) {
        return;
    }
    uint32_t start = vcpu_cost_slot_address(run->block);
    uint32_t end = start + vcpu_cost_slot_size(run->block);
    if (address < start || address >= end) {
        return;
    }
    if (vcpu->debug != NULL) {
        vcpu_debug_refund(vcpu, address);
    }
    uint8_t bytes[REFUND_CHUNK];
    for (uint32_t at = address; at < end; at += REFUND_CHUNK) {
        uint32_t chunk = end - at < REFUND_CHUNK ? end - at : REFUND_CHUNK;
        if (vcpu_guest_rw(vcpu, at, bytes, chunk, false) != VCPU_OK) {
            return;
        }
        int64_t cost = vcpu_timing_bytes_cost(bytes, chunk), charged = run->budget - run->left;
        run->left += cost < charged ? cost : charged;
    }
}

/* The trap instruction itself is charged; what follows it in the block is
 * not. */
void vcpu_exit_at_trap(struct vcpu *vcpu, enum vcpu_exit_reason reason, uint32_t trap_type,
                       uint32_t fault_address)
{
    struct vcpu_run_state *run = &vcpu->run;
    if (vcpu_save(vcpu) != VCPU_OK) {
        run->error = VCPU_ERR_UNICORN;
        uc_emu_stop(vcpu->uc);
        return;
    }
    run->exit.reason = reason;
    run->exit.trap_type = trap_type;
    run->exit.pc = vcpu_state_get(&vcpu->state, VCPU_F_PC);
    run->exit.npc = vcpu_state_get(&vcpu->state, VCPU_F_NPC);
    run->exit.fault_address = fault_address;
    run->exited = true;
    vcpu_refund_from(vcpu, run->exit.pc + 4);
    uc_emu_stop(vcpu->uc);
}

/* A trap on the private page: the resume trampoline, the end of a helper,
 * or a guest that jumped there (execute-only for it, so it can). */
static void private_trap(struct vcpu *vcpu, uint32_t pc, uint32_t intno)
{
    uint32_t offset = pc - vcpu->private_base;
    if (intno == VCPU_PRIVATE_TT && offset == VCPU_PRIVATE_TRAMPOLINE &&
        vcpu->mode == VCPU_MODE_RESUME) {
        vcpu->mode = VCPU_MODE_GUEST;
        if (vcpu_state_restore(vcpu->uc, &vcpu->resume) != VCPU_OK) {
            vcpu->run.error = VCPU_ERR_PROBE_FAILED;
            uc_emu_stop(vcpu->uc);
        }
        return;
    }
    if (intno == VCPU_PRIVATE_TT && vcpu->mode == VCPU_MODE_HELPER) {
        uc_emu_stop(vcpu->uc);
        return;
    }
    vcpu_exit_at_trap(vcpu, VCPU_EXIT_TRAP, VCPU_TT_INSTRUCTION_ACCESS, pc);
}

static uint32_t read_register(struct vcpu *vcpu, uint32_t index)
{
    uint32_t value = 0;
    if (index != 0) {
        int base = index < 8    ? UC_SPARC_REG_G0
                   : index < 16 ? UC_SPARC_REG_O0 - 8
                   : index < 24 ? UC_SPARC_REG_L0 - 16
                                : UC_SPARC_REG_I0 - 24;
        uc_reg_read(vcpu->uc, base + (int)index, &value);
    }
    return value;
}

/* The address a trapping load/store (or jmpl/rett) was after: rs1 plus
 * rs2 or simm13, with the registers as they were (the trap stopped the
 * instruction). 0 for instructions without an address. */
static uint32_t effective_address(struct vcpu *vcpu, uint32_t pc)
{
    uint8_t b[4];
    if (vcpu_guest_rw(vcpu, pc, b, 4, false) != VCPU_OK) {
        return 0;
    }
    uint32_t insn = (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
    uint32_t op3 = vcpu_insn_op3(insn);
    bool jump = vcpu_insn_op(insn) == 2 && (op3 == 0x38 || op3 == 0x39);
    if (vcpu_insn_op(insn) != 3 && !jump) {
        return 0;
    }
    uint32_t base = read_register(vcpu, (insn >> 14) & 0x1fu);
    if (insn & (1u << 13)) {
        return base + (uint32_t)((int32_t)(insn << 19) >> 19);
    }
    return base + read_register(vcpu, insn & 0x1fu);
}

static void on_interrupt(uc_engine *uc, uint32_t intno, void *user)
{
    struct vcpu *vcpu = user;
    uint32_t pc = read_pc(vcpu);
    (void)uc;
    if (vcpu_in_private(vcpu, pc)) {
        private_trap(vcpu, pc, intno);
        return;
    }
    switch (intno) {
    case VCPU_TT_WINDOW_OVERFLOW:
        vcpu_window_overflow(vcpu);
        break;
    case VCPU_TT_WINDOW_UNDERFLOW:
        vcpu_window_underflow(vcpu);
        break;
    case VCPU_TT_HYPERCALL:
        vcpu_exit_at_trap(vcpu, VCPU_EXIT_HYPERCALL, intno, 0);
        break;
    case VCPU_TT_ASM_HYPERCALL:
        vcpu_exit_at_trap(vcpu, VCPU_EXIT_ASM_HYPERCALL, intno, 0);
        break;
    case VCPU_TT_INSTRUCTION_ACCESS:
        vcpu_exit_at_trap(vcpu, VCPU_EXIT_TRAP, intno, pc);
        break;
    case VCPU_TT_UNALIGNED:
    case VCPU_TT_DATA_ACCESS:
        vcpu_exit_at_trap(vcpu, VCPU_EXIT_TRAP, intno, effective_address(vcpu, pc));
        break;
    default:
        vcpu_exit_at_trap(vcpu, VCPU_EXIT_TRAP, intno, 0);
        break;
    }
}

/* Unmapped or protected access. Returning false stops the engine. */
static bool on_bad_access(uc_engine *uc, uc_mem_type type, uint64_t address, int size,
                          int64_t value, void *user)
{
    struct vcpu *vcpu = user;
    bool fetch = type == UC_MEM_FETCH_UNMAPPED || type == UC_MEM_FETCH_PROT;
    (void)uc, (void)size, (void)value;
    vcpu_exit_at_trap(vcpu, VCPU_EXIT_TRAP,
                      fetch ? VCPU_TT_INSTRUCTION_ACCESS : VCPU_TT_DATA_ACCESS, (uint32_t)address);
    return false;
}

/* Hooks apply only to code translated after they are added, so all of them
 * are in place before the first run. No UC_HOOK_CODE: it would make budget
 * stops report a stale PC/NPC (and cost 5x in speed). */
enum vcpu_error vcpu_install_hooks(struct vcpu *vcpu)
{
    uc_hook block, intr, memory;
    if (uc_hook_add(vcpu->uc, &block, UC_HOOK_BLOCK, (void *)on_block, vcpu, 1, 0) ||
        uc_hook_add(vcpu->uc, &intr, UC_HOOK_INTR, (void *)on_interrupt, vcpu, 1, 0) ||
        uc_hook_add(vcpu->uc, &memory, UC_HOOK_MEM_UNMAPPED | UC_HOOK_MEM_PROT,
                    (void *)on_bad_access, vcpu, 1, 0)) {
        return VCPU_ERR_UNICORN;
    }
    return VCPU_OK;
}

static void exit_here(struct vcpu *vcpu, enum vcpu_exit_reason reason, uint32_t trap_type,
                      uint32_t fault_address)
{
    struct vcpu_exit *exit = &vcpu->run.exit;
    exit->reason = reason;
    exit->trap_type = trap_type;
    exit->fault_address = fault_address;
    if (vcpu_save(vcpu) != VCPU_OK) {
        exit->reason = VCPU_EXIT_ERROR;
        return;
    }
    exit->pc = vcpu_state_get(&vcpu->state, VCPU_F_PC);
    exit->npc = vcpu_state_get(&vcpu->state, VCPU_F_NPC);
}

static bool writes_asr19(uint32_t insn)
{
    return vcpu_insn_op(insn) == 2 && vcpu_insn_op3(insn) == 0x30 && ((insn >> 25) & 0x1fu) == 19;
}

/* The other silent stop: the engine halted at a write to %asr19 (QEMU's
 * LEON3 power-down, which leaves PC and NPC past it). Its block was
 * charged whole: what follows the write is refunded, the write being the
 * first in the block (a block is straight-line code up to its branch). */
static void power_down(struct vcpu *vcpu)
{
    const struct vcpu_cost_slot *block = vcpu->run.block;
    exit_here(vcpu, VCPU_EXIT_POWER_DOWN, 0, 0);
    if (block == NULL)
        return;
    uint32_t start = vcpu_cost_slot_address(block), end = start + vcpu_cost_slot_size(block);
    for (uint32_t at = start; at < end; at += 4) {
        uint8_t b[4];
        if (vcpu_guest_rw(vcpu, at, b, 4, false) != VCPU_OK)
            return;
        if (writes_asr19((uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 |
                         b[3])) {
            vcpu_refund_from(vcpu, at + 4);
            return;
        }
    }
}

/* Why uc_emu_start returned, when no hook recorded an exit. */
static void classify_stop(struct vcpu *vcpu, uc_err err)
{
    if (err == UC_ERR_INSN_INVALID) {
        exit_here(vcpu, VCPU_EXIT_TRAP, VCPU_TT_ILLEGAL, 0);
        vcpu_refund_from(vcpu, vcpu->run.exit.pc + 4);
    } else if (err != UC_ERR_OK) {
        exit_here(vcpu, VCPU_EXIT_ERROR, 0, 0);
    } else if (vcpu->run.budget_stop) {
        exit_here(vcpu, VCPU_EXIT_BUDGET, 0, 0);
    } else if (read_pc(vcpu) == vcpu->private_base + VCPU_PRIVATE_UNTIL) {
        /* The guest jumped to the private page's end: uc_emu_start's end. */
        exit_here(vcpu, VCPU_EXIT_TRAP, VCPU_TT_INSTRUCTION_ACCESS, read_pc(vcpu));
    } else {
        power_down(vcpu);
    }
}

enum vcpu_error vcpu_run_helper(struct vcpu *vcpu, uint32_t offset)
{
    vcpu->mode = VCPU_MODE_HELPER;
    uc_err err = uc_emu_start(vcpu->uc, vcpu->private_base + offset,
                              vcpu->private_base + VCPU_PRIVATE_UNTIL, 0, 0);
    vcpu->mode = VCPU_MODE_GUEST;
    return err == UC_ERR_OK ? VCPU_OK : VCPU_ERR_UNICORN;
}

uc_err vcpu_start_engine(struct vcpu *vcpu)
{
    uint32_t pc = vcpu_state_get(&vcpu->resume, VCPU_F_PC);
    uint32_t npc = vcpu_state_get(&vcpu->resume, VCPU_F_NPC);
    uint32_t start = pc;
    if (npc != pc + 4) {
        vcpu->mode = VCPU_MODE_RESUME;
        start = vcpu->private_base + VCPU_PRIVATE_TRAMPOLINE;
    }
    uc_err err = uc_emu_start(vcpu->uc, start, vcpu->private_base + VCPU_PRIVATE_UNTIL, 0, 0);
    vcpu->mode = VCPU_MODE_GUEST;
    return err;
}

enum vcpu_error vcpu_run(struct vcpu *vcpu, uint64_t budget_cycles, struct vcpu_exit *exit)
{
    memset(&vcpu->run, 0, sizeof vcpu->run);
    vcpu->run.budget = budget_cycles < INT64_MAX ? (int64_t)budget_cycles : INT64_MAX;
    vcpu->run.left = vcpu->run.budget;
    if (budget_cycles == 0) {
        exit_here(vcpu, VCPU_EXIT_BUDGET, 0, 0);
        *exit = vcpu->run.exit;
        return VCPU_OK;
    }
    enum vcpu_error error = vcpu_state_save(vcpu->uc, &vcpu->resume);
    if (error != VCPU_OK) {
        return error;
    }
    uc_err err = vcpu->debug != NULL ? vcpu_debug_run(vcpu) : vcpu_start_engine(vcpu);
    if (vcpu->run.error != VCPU_OK) {
        exit_here(vcpu, VCPU_EXIT_ERROR, 0, 0);
    } else if (!vcpu->run.exited) {
        classify_stop(vcpu, err);
    }
    vcpu->run.exit.cycles = (uint64_t)(vcpu->run.budget - vcpu->run.left);
    *exit = vcpu->run.exit;
    return vcpu->run.error != VCPU_OK ? vcpu->run.error : VCPU_OK;
}
