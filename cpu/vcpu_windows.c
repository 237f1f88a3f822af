/* Window overflow and underflow, handled for the partition as XtratuM's
 * native LEON3 handlers do: spill the oldest window (CWP - 2) to the stack
 * at its %sp, or fill window CWP + 1 from the stack at its %sp (the current
 * %fp), rotate WIM by one, and return so that the `save`/`restore` runs
 * again. The stack is accessed with the partition's own permissions: a
 * misaligned %sp is a 0x07 trap, an inaccessible one a 0x09, reported at the
 * `save`/`restore` with the engine state untouched.
 *
 * The spill and fill of one window are shared with the host-side window
 * operations of vcpu_traps.c (virtual trap entry, flush, fill). */
#include "cpu/timing.h"
#include "cpu/uc_sparc_state.h"
#include "cpu/vcpu_internal.h"

#define FRAME_BYTES 64u /* locals then ins, as the ABI's register save area */

uint32_t vcpu_wim_rotate_right(uint32_t wim, uint32_t n)
{
    uint32_t mask = (1u << n) - 1;
    return ((wim >> 1) | (wim << (n - 1))) & mask;
}

uint32_t vcpu_wim_rotate_left(uint32_t wim, uint32_t n)
{
    uint32_t mask = (1u << n) - 1;
    return ((wim << 1) | (wim >> (n - 1))) & mask;
}

static void put_be32(uint8_t *bytes, uint32_t value)
{
    bytes[0] = (uint8_t)(value >> 24);
    bytes[1] = (uint8_t)(value >> 16);
    bytes[2] = (uint8_t)(value >> 8);
    bytes[3] = (uint8_t)value;
}

static uint32_t get_be32(const uint8_t *bytes)
{
    return (uint32_t)bytes[0] << 24 | (uint32_t)bytes[1] << 16 | (uint32_t)bytes[2] << 8 | bytes[3];
}

/* Can the partition itself access the save area at sp? If not, *fault says
 * which trap its own handler would have taken. */
static bool stack_usable(const struct vcpu *vcpu, uint32_t sp, uint32_t perm,
                         struct vcpu_stack_fault *fault)
{
    fault->address = sp;
    if (sp % 8 != 0) {
        fault->trap_type = VCPU_TT_UNALIGNED;
        return false;
    }
    fault->trap_type = VCPU_TT_DATA_ACCESS;
    return vcpu_guest_access_ok(vcpu, sp, FRAME_BYTES, perm, &fault->address);
}

bool vcpu_spill_window(struct vcpu *vcpu, uint32_t w, struct vcpu_stack_fault *fault)
{
    const struct vcpu_blob *s = &vcpu->state;
    uint32_t sp = vcpu_state_win(s, w, VCPU_WIN_OUT, 6);
    if (!stack_usable(vcpu, sp, VCPU_PERM_WRITE, fault)) {
        return false;
    }
    uint8_t frame[FRAME_BYTES];
    for (uint32_t i = 0; i < 8; i++) {
        put_be32(frame + 4 * i, vcpu_state_win(s, w, VCPU_WIN_LOCAL, i));
        put_be32(frame + 32 + 4 * i, vcpu_state_win(s, w, VCPU_WIN_IN, i));
    }
    return vcpu_guest_rw(vcpu, sp, frame, FRAME_BYTES, true) == VCPU_OK;
}

bool vcpu_fill_window(struct vcpu *vcpu, uint32_t w, struct vcpu_stack_fault *fault)
{
    struct vcpu_blob *s = &vcpu->state;
    uint32_t sp = vcpu_state_win(s, w, VCPU_WIN_OUT, 6);
    uint8_t frame[FRAME_BYTES];
    if (!stack_usable(vcpu, sp, VCPU_PERM_READ, fault)) {
        return false;
    }
    if (vcpu_guest_rw(vcpu, sp, frame, FRAME_BYTES, false) != VCPU_OK) {
        return false;
    }
    for (uint32_t i = 0; i < 8; i++) {
        vcpu_state_set_win(s, w, VCPU_WIN_LOCAL, i, get_be32(frame + 4 * i));
        vcpu_state_set_win(s, w, VCPU_WIN_IN, i, get_be32(frame + 32 + 4 * i));
    }
    return true;
}

/* The trapped instruction runs again in a new block, which charges it and
 * the rest of its block: take back what this block charged from it on. */
static void finish_window_trap(struct vcpu *vcpu, uint32_t wim)
{
    uint32_t pc = vcpu_state_get(&vcpu->state, VCPU_F_PC);
    vcpu_state_set(&vcpu->state, VCPU_F_WIM, wim);
    if (vcpu_restore(vcpu) != VCPU_OK) {
        vcpu->run.error = VCPU_ERR_PROBE_FAILED;
        uc_emu_stop(vcpu->uc);
        return;
    }
    vcpu_refund_from(vcpu, pc);
    vcpu_charge_cycles(vcpu, VCPU_COST_WINDOW_TRAP);
}

/* Inside the trap hook: snapshot the engine, or end the run on failure. */
static bool hook_save(struct vcpu *vcpu)
{
    if (vcpu_save(vcpu) != VCPU_OK) {
        vcpu->run.error = VCPU_ERR_UNICORN;
        uc_emu_stop(vcpu->uc);
        return false;
    }
    return true;
}

void vcpu_window_overflow(struct vcpu *vcpu)
{
    if (!hook_save(vcpu)) {
        return;
    }
    uint32_t n = vcpu_state_nwindows();
    uint32_t w = (vcpu_state_get(&vcpu->state, VCPU_F_CWP) + n - 2) % n;
    struct vcpu_stack_fault fault;
    if (!vcpu_spill_window(vcpu, w, &fault)) {
        vcpu_exit_at_trap(vcpu, VCPU_EXIT_TRAP, fault.trap_type, fault.address);
        return;
    }
    finish_window_trap(vcpu, vcpu_wim_rotate_right(vcpu_state_get(&vcpu->state, VCPU_F_WIM), n));
}

void vcpu_window_underflow(struct vcpu *vcpu)
{
    if (!hook_save(vcpu)) {
        return;
    }
    uint32_t n = vcpu_state_nwindows();
    uint32_t w = (vcpu_state_get(&vcpu->state, VCPU_F_CWP) + 1) % n;
    struct vcpu_stack_fault fault;
    if (!vcpu_fill_window(vcpu, w, &fault)) {
        vcpu_exit_at_trap(vcpu, VCPU_EXIT_TRAP, fault.trap_type, fault.address);
        return;
    }
    finish_window_trap(vcpu, vcpu_wim_rotate_left(vcpu_state_get(&vcpu->state, VCPU_F_WIM), n));
}
