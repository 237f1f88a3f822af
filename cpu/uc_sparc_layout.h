/* Private to uc_sparc_*.c: the discovered layout of Unicorn's SPARC state
 * blob. Everything here is found by the probe (uc_sparc_probe.c); the
 * numbers are a property of the Unicorn library binary, never of a run. */
#ifndef CPU_UC_SPARC_LAYOUT_H
#define CPU_UC_SPARC_LAYOUT_H

#include "cpu/uc_sparc_state.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define VCPU_WINDOW_BYTES 64u /* outs + locals of one window */
#define VCPU_GROUP_BYTES 32u  /* eight registers */

/* PSR bits (SPARC V8 manual, 4.2). */
#define VCPU_PSR_IMPL_VER 0xff000000u
#define VCPU_PSR_ICC 0x00f00000u
#define VCPU_PSR_EF (1u << 12)
#define VCPU_PSR_PIL_SHIFT 8
#define VCPU_PSR_PIL (0xfu << VCPU_PSR_PIL_SHIFT)
#define VCPU_PSR_S (1u << 7)
#define VCPU_PSR_PS (1u << 6)
#define VCPU_PSR_ET (1u << 5)
#define VCPU_PSR_CWP 0x1fu

/* FPU (SPARC V8 manual, 4.4): 32 single registers; %fsr's RD (31:30)
 * picks the rounding mode, ver (19:17) is read-only. */
#define VCPU_FREGS 32u
#define VCPU_FSR_RD_SHIFT 30
#define VCPU_FSR_VER 0x000e0000u

struct vcpu_layout {
    size_t blob_size;             /* uc_context_size of an engine */
    uint32_t field[VCPU_F_COUNT]; /* offset of each scalar field */
    uint32_t gregs;               /* offset of G0 */
    uint32_t window_ptr;          /* host pointer to the current window */
    uint32_t regbase;             /* outs of window 0 */
    uint32_t wrap;                /* copy of window 0's outs while CWP = nwindows-1 */
    uint32_t nwindows;
    uint32_t cc_flags;         /* CC_OP value: flags are in PSR_ICC */
    uint32_t psr_version;      /* impl/ver bits a PSR read shows */
    uint32_t freg[VCPU_FREGS]; /* offset of each of %f0-%f31 */
    uint32_t fsr;              /* offset of %fsr as `st %fsr` shows it */
    /* The engine keeps the rounding mode a second time, in one byte of its
     * softfloat status that `ld %fsr` updates: its offset and its value
     * for each RD. */
    uint32_t fp_round;
    uint8_t fp_round_value[4];
};

/* The cached layout; valid once vcpu_state_init succeeded (or during the
 * self-test, which runs on a tentative copy). */
extern struct vcpu_layout vcpu_layout_cache;

/* Engine model the layout is probed with and every vCPU uses. */
#define VCPU_UC_MODEL UC_CPU_SPARC32_LEON3

/* Discover the layout; on failure write why into message. */
enum vcpu_error vcpu_probe_layout(struct vcpu_layout *layout, char *message, size_t size);

/* Check a tentative layout (already in vcpu_layout_cache) end to end. */
enum vcpu_error vcpu_probe_self_test(char *message, size_t size);

static inline uint32_t vcpu_layout_word(const uint8_t *bytes, uint32_t offset)
{
    uint32_t value;
    memcpy(&value, bytes + offset, sizeof value);
    return value;
}

static inline void vcpu_layout_set_word(uint8_t *bytes, uint32_t offset, uint32_t value)
{
    memcpy(bytes + offset, &value, sizeof value);
}

#endif
