/* sim/gdb: registers in GDB's SPARC32 numbering (sparc-tdep.c): %g0-%g7,
 * %o0-%o7, %l0-%l7, %i0-%i7 of the current window, %f0-%f31, then %y,
 * %psr, %wim, %tbr, %pc, %npc, %fsr, %csr; and memory through the
 * partition's own map. */
#include "sim/gdb/gdb_internal.h"

#include <hvcore/config.h>
#include <stddef.h>
#include <string.h>
#include <xm/guest.h>

enum {
    REG_F0 = 32,
    REG_Y = 64,
    REG_PSR,
    REG_WIM,
    REG_TBR,
    REG_PC,
    REG_NPC,
    REG_FSR,
    REG_CSR,
};

#define WINDOW_BYTES 64u /* %l0-%l7, %i0-%i7 as a window spill stores them */

static uint32_t load_be32(const uint8_t *b)
{
    return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

static bool pct_word(struct vcpu *vcpu, size_t offset, uint32_t *value)
{
    uint8_t b[4];
    if (vcpu_read_mem(vcpu, HV_PCT_ADDRESS + (uint32_t)offset, b, 4) != VCPU_OK)
        return false;
    *value = load_be32(b);
    return true;
}

/* The PSR as the partition's own code sees it under XtratuM: real icc and
 * CWP, supervisor, ET, PIL and EF from the PCT's iFlags. */
uint32_t gdb_virtual_psr(struct vcpu *vcpu)
{
    uint32_t real = vcpu_get_reg(vcpu, VCPU_PSR), iflags = 0;
    const uint32_t virtualised = PSR_PIL_MASK | PSR_ET_BIT | PSR_EF_BIT;
    if (!pct_word(vcpu, offsetof(partitionControlTable_t, iFlags), &iflags))
        return real;
    return (real & ~(virtualised | PSR_S_BIT | PSR_PS_BIT)) | PSR_S_BIT | (iflags & virtualised);
}

/* The virtual trap table's base (XM_sparc_set_tbr / the PCT's tbr). */
uint32_t gdb_virtual_tbr(struct vcpu *vcpu)
{
    uint32_t tbr = 0;
    pct_word(vcpu, offsetof(partitionControlTable_t, arch.tbr), &tbr);
    return tbr;
}

bool gdb_read_register(struct gdb_session *s, int32_t partition, uint32_t number, uint32_t *value)
{
    struct vcpu *vcpu = gdb_vcpu(s, partition);
    if (!vcpu || number >= GDB_REG_COUNT)
        return false;
    static const enum vcpu_reg specials[] = {VCPU_Y,   VCPU_PSR, VCPU_WIM,
                                             VCPU_TBR, VCPU_PC,  VCPU_NPC};
    if (number < REG_F0)
        *value = number == 0 ? 0 : vcpu_get_reg(vcpu, (enum vcpu_reg)number);
    else if (number < REG_Y)
        *value = vcpu_get_reg(vcpu, (enum vcpu_reg)(VCPU_F0 + (number - REG_F0)));
    else if (number == REG_FSR)
        *value = vcpu_get_reg(vcpu, VCPU_FSR);
    else if (number == REG_CSR)
        *value = 0; /* LEON3 has no coprocessor */
    else if (number == REG_PSR)
        *value = gdb_virtual_psr(vcpu);
    else if (number == REG_TBR)
        *value = gdb_virtual_tbr(vcpu);
    else
        *value = vcpu_get_reg(vcpu, specials[number - REG_Y]);
    return true;
}

bool gdb_write_register(struct gdb_session *s, int32_t partition, uint32_t number, uint32_t value)
{
    struct vcpu *vcpu = gdb_vcpu(s, partition);
    if (!vcpu || number >= GDB_REG_COUNT)
        return false;
    if (number > 0 && number < REG_F0) {
        vcpu_set_reg(vcpu, (enum vcpu_reg)number, value);
        return true;
    }
    if (number == REG_Y || number == REG_PC || number == REG_NPC) {
        vcpu_set_reg(vcpu, number == REG_Y ? VCPU_Y : number == REG_PC ? VCPU_PC : VCPU_NPC, value);
        return true;
    }
    if (number == REG_PSR) { /* only the condition codes are the partition's to change */
        uint32_t psr = vcpu_get_reg(vcpu, VCPU_PSR);
        vcpu_set_reg(vcpu, VCPU_PSR, (psr & ~PSR_ICC_MASK) | (value & PSR_ICC_MASK));
        return true;
    }
    if (number >= REG_F0 && number < REG_Y) {
        vcpu_set_reg(vcpu, (enum vcpu_reg)(VCPU_F0 + (number - REG_F0)), value);
        return true;
    }
    if (number == REG_FSR) { /* its ver field stays the FPU's */
        vcpu_set_reg(vcpu, VCPU_FSR, value);
        return true;
    }
    return number == 0; /* ignored, as the hardware */
}

/* Caller windows still in the register file, from CWP + 1 to the invalid
 * window: window w would be stored at its own %sp, the %i6 of w - 1. */
struct window_area {
    uint32_t window, address;
};

static uint32_t caller_windows(struct vcpu *vcpu, struct window_area *areas)
{
    uint32_t n = vcpu_windows(), cwp = vcpu_get_reg(vcpu, VCPU_PSR) & PSR_CWP_MASK;
    uint32_t wim = vcpu_get_reg(vcpu, VCPU_WIM), count = 0;
    for (uint32_t k = 1; k < n; k++) {
        uint32_t w = (cwp + k) % n;
        if (wim & (1u << w))
            break;
        uint32_t callee = (w + n - 1) % n;
        uint32_t sp = vcpu_get_window_reg(vcpu, callee, (enum vcpu_reg)(VCPU_I0 + 6));
        if (sp % 8 != 0)
            break;
        areas[count++] = (struct window_area){w, sp};
    }
    return count;
}

static uint32_t window_word(struct vcpu *vcpu, uint32_t window, uint32_t index)
{
    enum vcpu_reg reg = (enum vcpu_reg)(index < 8 ? VCPU_L0 + index : VCPU_I0 + index - 8);
    return vcpu_get_window_reg(vcpu, window, reg);
}

/* Put the register copies over the bytes read from [address, +length). */
static void overlay_windows(struct vcpu *vcpu, uint32_t address, uint8_t *out, uint32_t length)
{
    struct window_area areas[32];
    uint32_t count = caller_windows(vcpu, areas);
    for (uint32_t a = 0; a < count; a++) {
        for (uint32_t i = 0; i < WINDOW_BYTES; i++) {
            uint64_t at = (uint64_t)areas[a].address + i;
            if (at < address || at >= (uint64_t)address + length)
                continue;
            uint32_t word = window_word(vcpu, areas[a].window, i / 4);
            out[at - address] = (uint8_t)(word >> (24 - 8 * (i % 4)));
        }
    }
}

bool gdb_read_flushed(struct vcpu *vcpu, uint32_t address, uint8_t *out, uint32_t length)
{
    if (vcpu_read_mem(vcpu, address, out, length) != VCPU_OK)
        return false;
    overlay_windows(vcpu, address, out, length);
    return true;
}

bool gdb_read_memory(struct gdb_session *s, int32_t partition, uint32_t address, uint8_t *out,
                     uint32_t length)
{
    struct vcpu *vcpu = gdb_vcpu(s, partition);
    if (!vcpu || vcpu_read_mem(vcpu, address, out, length) != VCPU_OK)
        return false;
    overlay_windows(vcpu, address, out, length);
    return true;
}

/* A write over a window's stack frame goes to the register too, so that
 * the partition sees it when it returns there. */
static void write_windows(struct vcpu *vcpu, uint32_t address, const uint8_t *data, uint32_t length)
{
    struct window_area areas[32];
    uint32_t count = caller_windows(vcpu, areas);
    for (uint32_t a = 0; a < count; a++) {
        for (uint32_t i = 0; i < WINDOW_BYTES; i += 4) {
            uint64_t at = (uint64_t)areas[a].address + i;
            if (at < address || at + 4 > (uint64_t)address + length)
                continue;
            uint32_t index = i / 4;
            enum vcpu_reg reg = (enum vcpu_reg)(index < 8 ? VCPU_L0 + index : VCPU_I0 + index - 8);
            vcpu_set_window_reg(vcpu, areas[a].window, reg, load_be32(data + (at - address)));
        }
    }
}

bool gdb_write_memory(struct gdb_session *s, int32_t partition, uint32_t address,
                      const uint8_t *data, uint32_t length)
{
    struct vcpu *vcpu = gdb_vcpu(s, partition);
    if (!vcpu || vcpu_write_mem(vcpu, address, data, length, false) != VCPU_OK)
        return false;
    write_windows(vcpu, address, data, length);
    return true;
}
