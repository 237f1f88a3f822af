/* Debug stops inside vcpu_run at no cycle cost (cpu/vcpu_debug.h).
 *
 * Cycles are charged per block when the block starts, and a slice ends
 * only before a block that would overrun the budget; so a run with stops
 * charges the same as one without if every stop leaves the block
 * structure alone. A stop inside a block therefore happens after the
 * block was charged as a whole: the rest of it, when the run goes on, is a
 * continuation (charged nothing, never refused for the budget), and the
 * next block starts where it would have started anyway.
 *
 * Only a block hook stop is exact in Unicorn (PC and NPC); a single step
 * adds a code hook for one run, on freshly translated code at that PC (so
 * that every other block keeps its hook-free translation), stops before
 * the second instruction and computes NPC from the stepped instruction,
 * since the engine's NPC is stale there. */
#include "cpu/vcpu_debug.h"

#include "cpu/sparc_insn.h"
#include "cpu/vcpu_internal.h"

#include <stdlib.h>
#include <string.h>

#define POLL_EVERY_BLOCKS 4096u
#define PSR_ICC_SHIFT 20u

struct watch {
    uint32_t address, length;
    enum vcpu_watch_kind kind;
};

/* How the engine stopped, when a debug hook stopped it. */
enum stop_kind {
    STOP_NONE,
    STOP_BEFORE_BLOCK, /* before a block that is not charged yet */
    STOP_IN_BLOCK,     /* inside the charged block: the rest is a continuation */
};

struct vcpu_debug {
    vcpu_stop_fn *stop_fn;
    vcpu_poll_fn *poll_fn;
    void *user;
    bool step;
    uint32_t breakpoints[VCPU_DEBUG_MAX_BREAKPOINTS];
    uint32_t breakpoint_count;
    struct watch watches[VCPU_DEBUG_MAX_WATCHPOINTS];
    uint32_t watch_count;
    uint64_t target; /* vcpu_debug_stop_at */
    /* The last charged block, [block_start, block_end), and the count of
     * instructions retired once it has run to its end. */
    uint32_t block_start, block_end;
    uint64_t retired;
    uint32_t blocks_since_poll;
    /* The engine's position when it last stopped for the debugger. */
    enum stop_kind stopped;
    enum vcpu_stop_reason reason; /* STOP_BEFORE_BLOCK from the run hook */
    bool walk; /* STOP_IN_BLOCK: go through the block one instruction at a time */
    uint32_t stop_pc;
    /* At a start: the first block at resume_pc continues the charged one
     * (resume_in_block); right after a report (fresh), no breakpoint stops
     * at resume_pc. */
    uint32_t resume_pc;
    bool resume_in_block;
    bool fresh;
    /* The single step in progress. */
    bool stepping;
    bool step_started; /* its instruction is under way */
    uc_hook code_hook;
};

/* ---- registers and instructions ---- */

static uint32_t fetch(struct vcpu *vcpu, uint32_t pc)
{
    uint8_t b[4] = {0, 0, 0, 0};
    if (uc_mem_read(vcpu->uc, pc, b, 4) != UC_ERR_OK) {
        return 0;
    }
    return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

static uint32_t reg(struct vcpu *vcpu, uint32_t index)
{
    return index == 0 ? 0 : vcpu_get_reg(vcpu, (enum vcpu_reg)index);
}

/* rs1 + (simm13 or rs2) of a format-3 instruction. */
static uint32_t operand_address(struct vcpu *vcpu, uint32_t insn)
{
    uint32_t base = reg(vcpu, (insn >> 14) & 0x1fu);
    if (insn & (1u << 13)) {
        return base + (uint32_t)((int32_t)(insn << 19) >> 19);
    }
    return base + reg(vcpu, insn & 0x1fu);
}

/* Bicc condition on the integer condition codes (N Z V C). */
static bool condition_holds(uint32_t cond, uint32_t icc)
{
    bool n = icc & 8u, z = icc & 4u, v = icc & 2u, c = icc & 1u;
    bool result;
    switch (cond & 7u) {
    case 0:
        result = false;
        break; /* n / a */
    case 1:
        result = z;
        break; /* e / ne */
    case 2:
        result = z || (n != v);
        break; /* le / g */
    case 3:
        result = n != v;
        break; /* l / ge */
    case 4:
        result = c || z;
        break; /* leu / gu */
    case 5:
        result = c;
        break; /* cs / cc */
    case 6:
        result = n;
        break; /* neg / pos */
    default:
        result = v;
        break; /* vs / vc */
    }
    return (cond & 8u) ? !result : result;
}

/* What NPC becomes after the instruction at (pc, npc) when the next one
 * is at next_pc, from the state before it ran. FBfcc and CBccc take
 * their fall-through (the FPU's condition codes are not read). */
struct step_plan {
    uint32_t pc, npc, insn;
    uint32_t taken_npc; /* NPC when the delay slot runs next */
};

static struct step_plan plan_step(struct vcpu *vcpu)
{
    struct step_plan p;
    p.pc = vcpu_get_reg(vcpu, VCPU_PC);
    p.npc = vcpu_get_reg(vcpu, VCPU_NPC);
    p.insn = fetch(vcpu, p.pc);
    p.taken_npc = p.npc + 4;
    uint32_t op = vcpu_insn_op(p.insn);
    if (op == 0 && vcpu_insn_op2(p.insn) == 2) {
        uint32_t icc = (vcpu_get_reg(vcpu, VCPU_PSR) >> PSR_ICC_SHIFT) & 0xfu;
        if (condition_holds((p.insn >> 25) & 0xfu, icc)) {
            p.taken_npc = p.pc + (uint32_t)((int32_t)(p.insn << 10) >> 8);
        }
    } else if (op == 1) {
        p.taken_npc = p.pc + (p.insn << 2);
    } else if (op == 2 && vcpu_insn_op3(p.insn) == 0x38u) {
        p.taken_npc = operand_address(vcpu, p.insn);
    }
    return p;
}

static uint32_t npc_after(const struct step_plan *p, uint32_t next_pc)
{
    return next_pc == p->npc ? p->taken_npc : next_pc + 4;
}

/* ---- accounting ---- */

static void stop_engine(struct vcpu *vcpu, enum stop_kind kind)
{
    vcpu->debug->stopped = kind;
    uc_emu_stop(vcpu->uc);
}

/* Is the block at pc the rest of the charged one, which the engine left
 * at a debug stop? */
static bool continues_block(const struct vcpu_debug *d, uint32_t pc)
{
    return d->resume_in_block && pc == d->resume_pc && pc >= d->block_start && pc < d->block_end;
}

/* Charge the block at [pc, pc + size) as vcpu_run's block hook would, or
 * nothing when it continues the charged block. False: refused for the
 * budget (the run ends before it). */
static bool charge_block(struct vcpu *vcpu, uint32_t pc, uint32_t size)
{
    struct vcpu_debug *d = vcpu->debug;
    struct vcpu_run_state *run = &vcpu->run;
    uint32_t cost = 0;
    bool continuation = continues_block(d, pc);
    d->resume_in_block = false;
    if (!continuation) {
        cost = vcpu_block_cost(vcpu, pc, size);
        /* The fast path must not find this block: every block comes here. */
        vcpu->costs.front[vcpu_cost_front_index(pc)].key = VCPU_COST_FRONT_EMPTY;
        if (run->left - cost < 0 && run->block != NULL) {
            run->budget_stop = true;
            uc_emu_stop(vcpu->uc);
            return false;
        }
        run->left -= cost;
        d->block_start = pc;
        d->block_end = pc + size;
        d->retired += size / 4;
    }
    d->fresh = false; /* an instruction runs: breakpoints stop again */
    run->unlisted = (struct vcpu_cost_slot){vcpu_cost_key(pc, size), cost};
    run->block = &run->unlisted;
    return true;
}

void vcpu_debug_refund(struct vcpu *vcpu, uint32_t address)
{
    struct vcpu_debug *d = vcpu->debug;
    if (address >= d->block_start && address < d->block_end) {
        d->retired -= (d->block_end - address) / 4;
        d->block_end = address;
    }
    if (d->stepping) {
        d->step_started = false; /* a window trap: the instruction runs again */
    }
}

static uint64_t retired_at(const struct vcpu_debug *d, uint32_t pc)
{
    bool inside = d->stopped == STOP_IN_BLOCK && pc >= d->block_start && pc < d->block_end;
    return inside ? d->retired - (d->block_end - pc) / 4 : d->retired;
}

/* ---- what stops where ---- */

static bool is_breakpoint(const struct vcpu_debug *d, uint32_t pc)
{
    for (uint32_t i = 0; i < d->breakpoint_count; i++) {
        if (d->breakpoints[i] == pc) {
            return true;
        }
    }
    return false;
}

static bool breakpoint_within(const struct vcpu_debug *d, uint32_t from, uint32_t to)
{
    for (uint32_t i = 0; i < d->breakpoint_count; i++) {
        if (d->breakpoints[i] >= from && d->breakpoints[i] < to) {
            return true;
        }
    }
    return false;
}

static bool block_has_memory_access(struct vcpu *vcpu, uint32_t pc, uint32_t end)
{
    for (uint32_t at = pc; at < end; at += 4) {
        if (vcpu_insn_op(fetch(vcpu, at)) == 3) {
            return true;
        }
    }
    return false;
}

/* A stop before the block at pc, which is not charged yet. */
static bool stop_before_block(struct vcpu *vcpu, uint32_t pc)
{
    struct vcpu_debug *d = vcpu->debug;
    bool skip = d->fresh && pc == d->resume_pc;
    if (d->poll_fn && ++d->blocks_since_poll >= POLL_EVERY_BLOCKS) {
        d->blocks_since_poll = 0;
        if (d->poll_fn(d->user)) {
            d->reason = VCPU_STOP_INTERRUPT;
            return true;
        }
    }
    if (d->target == d->retired && !skip) {
        d->reason = VCPU_STOP_TARGET;
        return true;
    }
    if (is_breakpoint(d, pc) && !skip) {
        d->reason = VCPU_STOP_BREAKPOINT;
        return true;
    }
    return false;
}

/* Does anything stop after the first instruction of this charged block? */
static bool stop_inside_block(struct vcpu *vcpu, uint32_t pc, uint32_t end)
{
    struct vcpu_debug *d = vcpu->debug;
    uint64_t before = d->retired - (d->block_end - pc) / 4;
    bool target = d->target > before && d->target < before + (end - pc) / 4;
    return target || breakpoint_within(d, pc + 4, end) ||
           (d->watch_count > 0 && block_has_memory_access(vcpu, pc, end));
}

static void run_block_hook(struct vcpu *vcpu, uint32_t pc, uint32_t size)
{
    struct vcpu_debug *d = vcpu->debug;
    bool continuation = continues_block(d, pc);
    if (!continuation && stop_before_block(vcpu, pc)) {
        stop_engine(vcpu, STOP_BEFORE_BLOCK);
        return;
    }
    if (!charge_block(vcpu, pc, size)) {
        return;
    }
    /* A translation from the middle of a block may run on past its end
     * (a delay slot looks like straight code): walk to the end. */
    bool longer = continuation && pc + size > d->block_end;
    if (longer || stop_inside_block(vcpu, pc, d->block_end)) {
        d->walk = true;
        stop_engine(vcpu, STOP_IN_BLOCK);
    }
}

static void step_block_hook(struct vcpu *vcpu, uint32_t pc, uint32_t size)
{
    struct vcpu_debug *d = vcpu->debug;
    if (d->step_started) {
        stop_engine(vcpu, STOP_BEFORE_BLOCK);
        return;
    }
    charge_block(vcpu, pc, size);
}

void vcpu_debug_block(struct vcpu *vcpu, uint32_t pc, uint32_t size)
{
    if (vcpu->debug->stepping) {
        step_block_hook(vcpu, pc, size);
    } else {
        run_block_hook(vcpu, pc, size);
    }
}

static void on_code(uc_engine *uc, uint64_t address, uint32_t size, void *user)
{
    struct vcpu *vcpu = user;
    struct vcpu_debug *d = vcpu->debug;
    (void)uc, (void)size;
    if (!d->stepping || vcpu_in_private(vcpu, (uint32_t)address)) {
        return;
    }
    if (!d->step_started) {
        d->step_started = true;
        return;
    }
    stop_engine(vcpu, STOP_IN_BLOCK);
}

/* ---- running ---- */

enum outcome { RUN_ENDED, RUN_STOPPED };

/* Start the engine at the current state; RUN_STOPPED when a debug hook
 * stopped it, RUN_ENDED when the run is over (*err from the engine). */
static enum outcome start(struct vcpu *vcpu, uc_err *err)
{
    struct vcpu_debug *d = vcpu->debug;
    uint32_t pc = vcpu_get_reg(vcpu, VCPU_PC);
    d->resume_in_block = d->stopped == STOP_IN_BLOCK && pc == d->stop_pc;
    d->resume_pc = pc;
    d->stopped = STOP_NONE;
    if (vcpu_state_save(vcpu->uc, &vcpu->resume) != VCPU_OK) {
        vcpu->run.error = VCPU_ERR_UNICORN;
        return RUN_ENDED;
    }
    *err = vcpu_start_engine(vcpu);
    bool over = *err != UC_ERR_OK || vcpu->run.exited || vcpu->run.budget_stop ||
                vcpu->run.error != VCPU_OK || d->stopped == STOP_NONE;
    if (over) {
        d->stopped = STOP_NONE;
        return RUN_ENDED;
    }
    d->stop_pc = vcpu_get_reg(vcpu, VCPU_PC);
    return RUN_STOPPED;
}

static void forget_translation(struct vcpu *vcpu, uint32_t pc)
{
    (void)uc_ctl_remove_cache(vcpu->uc, pc, (uint64_t)pc + 4);
}

/* Unicorn deletes a hook at the end of an engine run, and translates
 * code with every hook still listed: run the engine once on the private
 * page so that the next guest code is translated without it. */
static void remove_code_hook(struct vcpu *vcpu)
{
    uc_hook_del(vcpu->uc, vcpu->debug->code_hook);
    if (vcpu_save(vcpu) != VCPU_OK || vcpu_run_helper(vcpu, VCPU_PRIVATE_TRAMPOLINE) != VCPU_OK ||
        vcpu_restore(vcpu) != VCPU_OK) {
        vcpu->run.error = VCPU_ERR_UNICORN;
    }
}

/* Run the instruction at PC and stop before the next one. */
static enum outcome step_one(struct vcpu *vcpu, uc_err *err)
{
    struct vcpu_debug *d = vcpu->debug;
    struct step_plan plan = plan_step(vcpu);
    if (uc_hook_add(vcpu->uc, &d->code_hook, UC_HOOK_CODE, (void *)on_code, vcpu, 1, 0) !=
        UC_ERR_OK) {
        vcpu->run.error = VCPU_ERR_UNICORN;
        return RUN_ENDED;
    }
    forget_translation(vcpu, plan.pc);
    d->stepping = true;
    d->step_started = false;
    enum outcome outcome = start(vcpu, err);
    d->stepping = false;
    d->fresh = false;
    remove_code_hook(vcpu);
    /* No translation made with the code hook may stay: the block hook's
     * stops are exact only on code without it. */
    forget_translation(vcpu, plan.pc);
    forget_translation(vcpu, vcpu->private_base + VCPU_PRIVATE_TRAMPOLINE);
    uint32_t pc = vcpu_get_reg(vcpu, VCPU_PC);
    forget_translation(vcpu, pc);
    if (vcpu->run.budget_stop && pc == plan.pc) {
        vcpu_set_reg(vcpu, VCPU_NPC, plan.npc); /* refused before it ran */
    }
    if (outcome == RUN_STOPPED && d->stopped == STOP_IN_BLOCK) {
        vcpu_set_reg(vcpu, VCPU_NPC, npc_after(&plan, pc));
        if (pc < d->block_start || pc >= d->block_end) {
            d->stopped = STOP_BEFORE_BLOCK; /* the next block is not charged yet */
        }
    }
    return outcome;
}

static void report(struct vcpu *vcpu, struct vcpu_stop *stop)
{
    struct vcpu_debug *d = vcpu->debug;
    stop->pc = vcpu_get_reg(vcpu, VCPU_PC);
    stop->npc = vcpu_get_reg(vcpu, VCPU_NPC);
    stop->retired = retired_at(d, stop->pc);
    stop->cycles = (uint64_t)(vcpu->run.budget - vcpu->run.left);
    if (d->target == stop->retired) {
        d->target = UINT64_MAX; /* reached once */
    }
    d->stop_fn(vcpu, stop, d->user);
    d->fresh = true;
}

static void report_reason(struct vcpu *vcpu, enum vcpu_stop_reason reason)
{
    struct vcpu_stop stop = {.reason = reason};
    report(vcpu, &stop);
}

/* The watched range a load or store at (the current) PC touches, if any. */
static bool watched_access(struct vcpu *vcpu, uint32_t insn, struct vcpu_stop *stop)
{
    struct vcpu_debug *d = vcpu->debug;
    if (vcpu_insn_op(insn) != 3 || d->watch_count == 0) {
        return false;
    }
    uint32_t op3 = vcpu_insn_op3(insn);
    uint32_t size = (op3 & 3u) == 3u ? 8u : (op3 & 3u) == 2u ? 2u : (op3 & 3u) == 1u ? 1u : 4u;
    if ((op3 & 0xfu) == 0xdu || (op3 & 0xfu) == 0xfu) {
        size = (op3 & 0xfu) == 0xdu ? 1u : 4u; /* ldstub, swap */
    }
    bool store = (op3 & 0x4u) || (op3 & 0xfu) == 0xdu || (op3 & 0xfu) == 0xfu;
    bool load = !(op3 & 0x4u) || (op3 & 0xfu) == 0xdu || (op3 & 0xfu) == 0xfu;
    uint32_t address = operand_address(vcpu, insn);
    for (uint32_t i = 0; i < d->watch_count; i++) {
        const struct watch *w = &d->watches[i];
        bool kind =
            ((w->kind & VCPU_WATCH_WRITE) && store) || ((w->kind & VCPU_WATCH_READ) && load);
        if (kind && address < w->address + w->length && w->address < address + size) {
            stop->watch_address = address > w->address ? address : w->address;
            stop->watch_kind = w->kind;
            return true;
        }
    }
    return false;
}

/* Go through the charged block one instruction at a time, stopping at
 * breakpoints, the target count and watched accesses, until the next
 * block. */
static enum outcome walk_block(struct vcpu *vcpu, uc_err *err)
{
    struct vcpu_debug *d = vcpu->debug;
    bool first = true;
    while (d->stopped == STOP_IN_BLOCK) {
        uint32_t pc = vcpu_get_reg(vcpu, VCPU_PC);
        if (!first && d->target == retired_at(d, pc)) {
            report_reason(vcpu, VCPU_STOP_TARGET);
        } else if (!first && is_breakpoint(d, pc)) {
            report_reason(vcpu, VCPU_STOP_BREAKPOINT);
        }
        if (d->step) {
            return RUN_STOPPED; /* the stop function asked for steps */
        }
        first = false;
        struct vcpu_stop watch = {.reason = VCPU_STOP_WATCH, .access_pc = pc};
        bool hit = watched_access(vcpu, fetch(vcpu, pc), &watch);
        if (step_one(vcpu, err) == RUN_ENDED) {
            return RUN_ENDED;
        }
        if (hit) {
            report(vcpu, &watch);
            if (d->step) {
                return RUN_STOPPED;
            }
        }
    }
    return RUN_STOPPED;
}

uc_err vcpu_debug_run(struct vcpu *vcpu)
{
    struct vcpu_debug *d = vcpu->debug;
    uc_err err = UC_ERR_OK;
    for (;;) {
        enum outcome outcome;
        if (d->step) {
            outcome = step_one(vcpu, &err);
            if (outcome == RUN_STOPPED) {
                report_reason(vcpu, VCPU_STOP_STEP);
            }
        } else {
            d->walk = false;
            outcome = start(vcpu, &err);
            if (outcome == RUN_STOPPED && d->walk) {
                outcome = walk_block(vcpu, &err);
            } else if (outcome == RUN_STOPPED) {
                report_reason(vcpu, d->reason);
            }
        }
        if (outcome == RUN_ENDED) {
            return err;
        }
    }
}

/* ---- set-up ---- */

enum vcpu_error vcpu_debug_enable(struct vcpu *vcpu, vcpu_stop_fn *stop, vcpu_poll_fn *poll,
                                  void *user)
{
    if (vcpu->debug == NULL) {
        vcpu->debug = calloc(1, sizeof *vcpu->debug);
        if (vcpu->debug == NULL) {
            return VCPU_ERR_NO_MEMORY;
        }
    }
    vcpu->debug->stop_fn = stop;
    vcpu->debug->poll_fn = poll;
    vcpu->debug->user = user;
    vcpu->debug->target = UINT64_MAX;
    for (uint32_t i = 0; i < VCPU_COST_FRONT_SLOTS; i++) {
        vcpu->costs.front[i].key = VCPU_COST_FRONT_EMPTY;
    }
    return VCPU_OK;
}

void vcpu_debug_free(struct vcpu *vcpu)
{
    free(vcpu->debug);
    vcpu->debug = NULL;
}

void vcpu_debug_set_step(struct vcpu *vcpu, bool on)
{
    vcpu->debug->step = on;
}

enum vcpu_error vcpu_debug_add_breakpoint(struct vcpu *vcpu, uint32_t address)
{
    struct vcpu_debug *d = vcpu->debug;
    if (is_breakpoint(d, address)) {
        return VCPU_OK;
    }
    if (d->breakpoint_count == VCPU_DEBUG_MAX_BREAKPOINTS) {
        return VCPU_ERR_DEBUG_FULL;
    }
    d->breakpoints[d->breakpoint_count++] = address;
    return VCPU_OK;
}

bool vcpu_debug_remove_breakpoint(struct vcpu *vcpu, uint32_t address)
{
    struct vcpu_debug *d = vcpu->debug;
    for (uint32_t i = 0; i < d->breakpoint_count; i++) {
        if (d->breakpoints[i] == address) {
            d->breakpoints[i] = d->breakpoints[--d->breakpoint_count];
            return true;
        }
    }
    return false;
}

enum vcpu_error vcpu_debug_add_watch(struct vcpu *vcpu, uint32_t address, uint32_t length,
                                     enum vcpu_watch_kind kind)
{
    struct vcpu_debug *d = vcpu->debug;
    if (length == 0 || (uint64_t)address + length > 0x100000000ull) {
        return VCPU_ERR_UNMAPPED;
    }
    if (d->watch_count == VCPU_DEBUG_MAX_WATCHPOINTS) {
        return VCPU_ERR_DEBUG_FULL;
    }
    d->watches[d->watch_count++] = (struct watch){address, length, kind};
    return VCPU_OK;
}

bool vcpu_debug_remove_watch(struct vcpu *vcpu, uint32_t address, uint32_t length,
                             enum vcpu_watch_kind kind)
{
    struct vcpu_debug *d = vcpu->debug;
    for (uint32_t i = 0; i < d->watch_count; i++) {
        const struct watch *w = &d->watches[i];
        if (w->address == address && w->length == length && w->kind == kind) {
            d->watches[i] = d->watches[--d->watch_count];
            return true;
        }
    }
    return false;
}

void vcpu_debug_clear(struct vcpu *vcpu)
{
    struct vcpu_debug *d = vcpu->debug;
    d->breakpoint_count = 0;
    d->watch_count = 0;
    d->step = false;
    d->target = UINT64_MAX;
}

void vcpu_debug_stop_at(struct vcpu *vcpu, uint64_t retired)
{
    vcpu->debug->target = retired;
}

uint64_t vcpu_debug_retired(struct vcpu *vcpu)
{
    struct vcpu_debug *d = vcpu->debug;
    return d == NULL ? 0 : retired_at(d, vcpu_get_reg(vcpu, VCPU_PC));
}
