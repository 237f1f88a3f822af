/* Register-window operations done by the host for the hypervisor: entering
 * a virtual trap's window, returning from it (iret), flushing the windows
 * to the stack and refilling the caller's window. They act on a snapshot of
 * the engine (vcpu->state) and put it back only when the whole operation
 * succeeded, so a failure leaves the CPU as it was. Memory written by a
 * spill before a later failure is harmless: those windows are still valid
 * in the registers. */
#include "cpu/vcpu.h"

#include "cpu/vcpu_internal.h"

static uint32_t window_bit(uint32_t w)
{
    return 1u << w;
}

enum vcpu_error vcpu_trap_enter(struct vcpu *vcpu, uint32_t address, uint32_t l0)
{
    enum vcpu_error error = vcpu_save(vcpu);
    if (error != VCPU_OK) {
        return error;
    }
    struct vcpu_blob *s = &vcpu->state;
    uint32_t n = vcpu_state_nwindows();
    uint32_t fresh = (vcpu_state_get(s, VCPU_F_CWP) + n - 1) % n;
    uint32_t wim = vcpu_state_get(s, VCPU_F_WIM);
    struct vcpu_stack_fault fault;
    if (wim & window_bit(fresh)) {
        /* As an overflow at a `save`: the oldest window makes room. */
        if (!vcpu_spill_window(vcpu, (fresh + n - 1) % n, &fault)) {
            return VCPU_ERR_BAD_STACK;
        }
        vcpu_state_set(s, VCPU_F_WIM, vcpu_wim_rotate_right(wim, n));
    }
    uint32_t pc = vcpu_state_get(s, VCPU_F_PC);
    uint32_t npc = vcpu_state_get(s, VCPU_F_NPC);
    vcpu_state_set_cwp(s, fresh);
    vcpu_state_set_win(s, fresh, VCPU_WIN_LOCAL, 0, l0);
    vcpu_state_set_win(s, fresh, VCPU_WIN_LOCAL, 1, pc);
    vcpu_state_set_win(s, fresh, VCPU_WIN_LOCAL, 2, npc);
    vcpu_state_set(s, VCPU_F_PC, address);
    vcpu_state_set(s, VCPU_F_NPC, address + 4);
    return vcpu_restore(vcpu);
}

enum vcpu_error vcpu_trap_return(struct vcpu *vcpu, uint32_t pc, uint32_t npc)
{
    enum vcpu_error error = vcpu_save(vcpu);
    if (error != VCPU_OK) {
        return error;
    }
    struct vcpu_blob *s = &vcpu->state;
    uint32_t previous = (vcpu_state_get(s, VCPU_F_CWP) + 1) % vcpu_state_nwindows();
    if (vcpu_state_get(s, VCPU_F_WIM) & window_bit(previous)) {
        return VCPU_ERR_INVALID_WINDOW;
    }
    vcpu_state_set_cwp(s, previous);
    vcpu_state_set(s, VCPU_F_PC, pc);
    vcpu_state_set(s, VCPU_F_NPC, npc);
    return vcpu_restore(vcpu);
}

enum vcpu_error vcpu_flush_windows(struct vcpu *vcpu)
{
    enum vcpu_error error = vcpu_save(vcpu);
    if (error != VCPU_OK) {
        return error;
    }
    struct vcpu_blob *s = &vcpu->state;
    uint32_t n = vcpu_state_nwindows();
    uint32_t cwp = vcpu_state_get(s, VCPU_F_CWP);
    uint32_t wim = vcpu_state_get(s, VCPU_F_WIM);
    struct vcpu_stack_fault fault;
    /* Callers sit at CWP + 1, CWP + 2, ... up to the invalid window. */
    for (uint32_t w = (cwp + 1) % n; w != cwp && !(wim & window_bit(w)); w = (w + 1) % n) {
        if (!vcpu_spill_window(vcpu, w, &fault)) {
            return VCPU_ERR_BAD_STACK;
        }
    }
    vcpu_state_set(s, VCPU_F_WIM, window_bit((cwp + 1) % n));
    return vcpu_restore(vcpu);
}

enum vcpu_error vcpu_fill_caller_window(struct vcpu *vcpu)
{
    enum vcpu_error error = vcpu_save(vcpu);
    if (error != VCPU_OK) {
        return error;
    }
    struct vcpu_blob *s = &vcpu->state;
    uint32_t n = vcpu_state_nwindows();
    uint32_t caller = (vcpu_state_get(s, VCPU_F_CWP) + 1) % n;
    uint32_t wim = vcpu_state_get(s, VCPU_F_WIM);
    struct vcpu_stack_fault fault;
    if (!(wim & window_bit(caller))) {
        return VCPU_OK;
    }
    if (!vcpu_fill_window(vcpu, caller, &fault)) {
        return VCPU_ERR_BAD_STACK;
    }
    vcpu_state_set(s, VCPU_F_WIM, vcpu_wim_rotate_left(wim, n));
    return vcpu_restore(vcpu);
}
