/* Registers: the current window and globals through Unicorn's register API,
 * everything else through the state blob. */
#include "cpu/vcpu.h"

#include "cpu/uc_sparc_layout.h"
#include "cpu/vcpu_internal.h"

/* XtratuM's JMP_PARTITION (XM-Q core/include/sparcv8/asm.h) writes CWP =
 * NWINDOWS - 1 and WIM = 0x2, then its `rett` moves CWP to 0: the partition
 * starts in window 0 and window 1, its caller's, is the invalid one. */
#define BOOT_CWP 0u
#define BOOT_WIM 0x2u

enum vcpu_error vcpu_save(struct vcpu *vcpu)
{
    return vcpu_state_save(vcpu->uc, &vcpu->state);
}

enum vcpu_error vcpu_restore(struct vcpu *vcpu)
{
    return vcpu_state_restore(vcpu->uc, &vcpu->state);
}

/* After guest code ran, the engine may hold the condition codes lazily (as
 * the operands of the last cc-setting instruction). A conditional branch at
 * the start of a block makes it compute them into the PSR image: run one on
 * the private page, then put back PC/NPC and mark the codes as computed. */
static enum vcpu_error compute_flags(struct vcpu *vcpu)
{
    enum vcpu_error error = vcpu_save(vcpu);
    if (error != VCPU_OK || vcpu_state_flags_ready(&vcpu->state)) {
        return error;
    }
    uint32_t pc = vcpu_state_get(&vcpu->state, VCPU_F_PC);
    uint32_t npc = vcpu_state_get(&vcpu->state, VCPU_F_NPC);
    error = vcpu_run_helper(vcpu, VCPU_PRIVATE_FLAGS);
    if (error != VCPU_OK || (error = vcpu_save(vcpu)) != VCPU_OK) {
        return error;
    }
    vcpu_state_set(&vcpu->state, VCPU_F_PC, pc);
    vcpu_state_set(&vcpu->state, VCPU_F_NPC, npc);
    vcpu_state_set_psr(&vcpu->state, vcpu_state_psr(&vcpu->state));
    return vcpu_restore(vcpu);
}

static uc_sparc_reg uc_register(enum vcpu_reg reg)
{
    if (reg < VCPU_O0) {
        return UC_SPARC_REG_G0 + (int)reg;
    }
    if (reg < VCPU_L0) {
        return UC_SPARC_REG_O0 + (int)(reg - VCPU_O0);
    }
    if (reg < VCPU_I0) {
        return UC_SPARC_REG_L0 + (int)(reg - VCPU_L0);
    }
    return UC_SPARC_REG_I0 + (int)(reg - VCPU_I0);
}

static uint32_t get_special(struct vcpu *vcpu, enum vcpu_reg reg)
{
    if (reg == VCPU_PSR) {
        return compute_flags(vcpu) == VCPU_OK ? vcpu_state_psr(&vcpu->state) : 0;
    }
    if (vcpu_save(vcpu) != VCPU_OK) {
        return 0;
    }
    switch (reg) {
    case VCPU_PC:
        return vcpu_state_get(&vcpu->state, VCPU_F_PC);
    case VCPU_NPC:
        return vcpu_state_get(&vcpu->state, VCPU_F_NPC);
    case VCPU_WIM:
        return vcpu_state_get(&vcpu->state, VCPU_F_WIM);
    case VCPU_TBR:
        return vcpu_state_get(&vcpu->state, VCPU_F_TBR);
    case VCPU_Y:
        return vcpu_state_get(&vcpu->state, VCPU_F_Y);
    case VCPU_FSR:
        return vcpu_state_fsr(&vcpu->state);
    default:
        return reg >= VCPU_F0 && reg < VCPU_FSR ? vcpu_state_freg(&vcpu->state, reg - VCPU_F0) : 0;
    }
}

uint32_t vcpu_get_reg(struct vcpu *vcpu, enum vcpu_reg reg)
{
    if (reg >= VCPU_PC) {
        return get_special(vcpu, reg);
    }
    uint32_t value = 0;
    if (uc_reg_read(vcpu->uc, uc_register(reg), &value) != UC_ERR_OK) {
        return 0;
    }
    return value;
}

static void set_special(struct vcpu *vcpu, enum vcpu_reg reg, uint32_t value)
{
    if (vcpu_save(vcpu) != VCPU_OK) {
        return;
    }
    switch (reg) {
    case VCPU_PC:
        vcpu_state_set(&vcpu->state, VCPU_F_PC, value);
        break;
    case VCPU_NPC:
        vcpu_state_set(&vcpu->state, VCPU_F_NPC, value);
        break;
    case VCPU_PSR:
        vcpu_state_set_psr(&vcpu->state, value);
        break;
    case VCPU_WIM:
        vcpu_state_set(&vcpu->state, VCPU_F_WIM, value & ((1u << vcpu_state_nwindows()) - 1));
        break;
    case VCPU_TBR:
        vcpu_state_set(&vcpu->state, VCPU_F_TBR, value);
        break;
    case VCPU_Y:
        vcpu_state_set(&vcpu->state, VCPU_F_Y, value);
        break;
    case VCPU_FSR:
        vcpu_state_set_fsr(&vcpu->state, value);
        break;
    default:
        if (reg < VCPU_F0 || reg >= VCPU_FSR) {
            return;
        }
        vcpu_state_set_freg(&vcpu->state, reg - VCPU_F0, value);
        break;
    }
    vcpu_restore(vcpu);
}

void vcpu_set_reg(struct vcpu *vcpu, enum vcpu_reg reg, uint32_t value)
{
    if (reg == VCPU_G0 || reg >= VCPU_REG_COUNT) {
        return; /* %g0 reads as zero whatever is written */
    }
    if (reg >= VCPU_PC) {
        set_special(vcpu, reg, value);
        return;
    }
    uc_reg_write(vcpu->uc, uc_register(reg), &value);
}

uint32_t vcpu_windows(void)
{
    return vcpu_state_nwindows();
}

uint32_t vcpu_get_window_reg(struct vcpu *vcpu, uint32_t window, enum vcpu_reg reg)
{
    if (reg < VCPU_O0 || reg >= VCPU_PC) {
        return vcpu_get_reg(vcpu, reg);
    }
    if (vcpu_save(vcpu) != VCPU_OK) {
        return 0;
    }
    enum vcpu_win_group group = (enum vcpu_win_group)((reg - VCPU_O0) / 8);
    return vcpu_state_win(&vcpu->state, window, group, (reg - VCPU_O0) % 8);
}

void vcpu_set_window_reg(struct vcpu *vcpu, uint32_t window, enum vcpu_reg reg, uint32_t value)
{
    if (reg < VCPU_O0 || reg >= VCPU_PC) {
        vcpu_set_reg(vcpu, reg, value);
        return;
    }
    if (vcpu_save(vcpu) != VCPU_OK) {
        return;
    }
    enum vcpu_win_group group = (enum vcpu_win_group)((reg - VCPU_O0) / 8);
    vcpu_state_set_win(&vcpu->state, window, group, (reg - VCPU_O0) % 8, value);
    vcpu_restore(vcpu);
}

enum vcpu_error vcpu_boot(struct vcpu *vcpu, uint32_t entry, uint32_t pct_address)
{
    enum vcpu_error error = vcpu_save(vcpu);
    if (error != VCPU_OK) {
        return error;
    }
    struct vcpu_blob *s = &vcpu->state;
    vcpu_state_clear_registers(s);
    vcpu_state_clear_fpu(s); /* as hvsim's LEON3 port: docs/cpu.md says why not as XM-Q */
    vcpu_state_set_psr(s, VCPU_PSR_ET | BOOT_CWP); /* S = PS = EF = PIL = icc = 0 */
    vcpu_state_set(s, VCPU_F_WIM, BOOT_WIM);
    vcpu_state_set(s, VCPU_F_TBR, 0);
    vcpu_state_set(s, VCPU_F_Y, 0);
    vcpu_state_set_greg(s, 1, pct_address);
    vcpu_state_set(s, VCPU_F_PC, entry);
    vcpu_state_set(s, VCPU_F_NPC, entry + 4);
    return vcpu_restore(vcpu);
}

void vcpu_skip_instruction(struct vcpu *vcpu)
{
    if (vcpu_save(vcpu) != VCPU_OK) {
        return;
    }
    uint32_t npc = vcpu_state_get(&vcpu->state, VCPU_F_NPC);
    vcpu_state_set(&vcpu->state, VCPU_F_PC, npc);
    vcpu_state_set(&vcpu->state, VCPU_F_NPC, npc + 4);
    vcpu_restore(vcpu);
}
