/* The only code that knows Unicorn's internal SPARC CPU state.
 *
 * Unicorn's register API reaches G0-7, the current window and PC. The rest
 * of the state (NPC, PSR fields, WIM, TBR, Y, every window, %f0-%f31 and
 * %fsr) is reached
 * through the blob that uc_context_save copies verbatim from the engine's
 * CPU structure. Its layout is not published, so it is discovered once per
 * process by a probe (known values, small guest snippets) and checked by a
 * self-test; nothing is hard-coded. Offsets are relative to the start of the
 * uc_context (its header included). */
#ifndef CPU_UC_SPARC_STATE_H
#define CPU_UC_SPARC_STATE_H

#include "cpu/vcpu.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <unicorn/unicorn.h>

/* Scalar fields of the state, each one 32-bit word in the blob. */
enum vcpu_field {
    VCPU_F_PC,
    VCPU_F_NPC,
    VCPU_F_Y,
    VCPU_F_CC_OP,   /* lazy condition-code mode */
    VCPU_F_PSR_ICC, /* icc bits (PSR 23:20), valid when CC_OP is "flags" */
    VCPU_F_CWP,
    VCPU_F_WIM,
    VCPU_F_TBR,
    VCPU_F_PSR_S, /* booleans stored as 0/1 */
    VCPU_F_PSR_PS,
    VCPU_F_PSR_ET,
    VCPU_F_PSR_PIL, /* 0..15 */
    VCPU_F_PSR_EF,
    VCPU_F_COUNT
};

/* Register windows: 16 bytes per register group; "outs" of window w are the
 * "ins" of window w-1 (a save decrements CWP). */
enum vcpu_win_group { VCPU_WIN_OUT, VCPU_WIN_LOCAL, VCPU_WIN_IN };

/* A state blob bound to the engine it was saved from. regbase is the host
 * address of that engine's register file: the window pointer inside the blob
 * must point into it, which is what stops a blob being restored into another
 * engine. */
struct vcpu_blob {
    uc_context *context;
    uint8_t *bytes;
    uintptr_t regbase;
};

/* Run the probe and self-test once per process; later calls return the
 * cached verdict. On failure, *message says what was ambiguous. */
enum vcpu_error vcpu_state_init(const char **message);

/* Number of register windows the engine implements (8 on LEON3). */
uint32_t vcpu_state_nwindows(void);

/* Open an engine of the model the layout was probed with. */
enum vcpu_error vcpu_state_open(uc_engine **out);

/* Allocate a blob for an engine whose state is still the power-on state,
 * learn its register file address, and put the condition codes in "flags"
 * mode (the power-on lazy mode crashes on the first flags read). */
enum vcpu_error vcpu_state_attach(uc_engine *uc, struct vcpu_blob *blob);
void vcpu_state_detach(struct vcpu_blob *blob);

/* Save the engine into the blob / restore it after validating. */
enum vcpu_error vcpu_state_save(uc_engine *uc, struct vcpu_blob *blob);
enum vcpu_error vcpu_state_restore(uc_engine *uc, const struct vcpu_blob *blob);
bool vcpu_state_valid(const struct vcpu_blob *blob);

/* Copy the state part of one blob into another of the same engine. */
void vcpu_state_copy(struct vcpu_blob *to, const struct vcpu_blob *from);

uint32_t vcpu_state_get(const struct vcpu_blob *blob, enum vcpu_field field);
/* Any field but CWP (use vcpu_state_set_cwp). */
void vcpu_state_set(struct vcpu_blob *blob, enum vcpu_field field, uint32_t value);

/* Move to window cwp: window pointer and the wrap copy, as the engine does. */
void vcpu_state_set_cwp(struct vcpu_blob *blob, uint32_t cwp);

/* The full PSR. Reading needs the condition codes in "flags" mode
 * (vcpu_state_flags_ready); writing puts them in that mode. */
bool vcpu_state_flags_ready(const struct vcpu_blob *blob);
uint32_t vcpu_state_psr(const struct vcpu_blob *blob);
void vcpu_state_set_psr(struct vcpu_blob *blob, uint32_t psr);

/* G0-G7 (index 0..7). */
uint32_t vcpu_state_greg(const struct vcpu_blob *blob, uint32_t index);
void vcpu_state_set_greg(struct vcpu_blob *blob, uint32_t index, uint32_t value);

/* Register index (0..7) of a group of window w, whatever the current CWP. */
uint32_t vcpu_state_win(const struct vcpu_blob *blob, uint32_t w, enum vcpu_win_group group,
                        uint32_t index);
void vcpu_state_set_win(struct vcpu_blob *blob, uint32_t w, enum vcpu_win_group group,
                        uint32_t index, uint32_t value);

/* %f0-%f31 (index 0..31) and %fsr. Setting %fsr keeps its read-only ver
 * field and sets the engine's rounding mode from RD, as `ld %fsr` does. */
uint32_t vcpu_state_freg(const struct vcpu_blob *blob, uint32_t index);
void vcpu_state_set_freg(struct vcpu_blob *blob, uint32_t index, uint32_t value);
uint32_t vcpu_state_fsr(const struct vcpu_blob *blob);
void vcpu_state_set_fsr(struct vcpu_blob *blob, uint32_t value);

/* Zero %f0-%f31 and %fsr (but its ver field). */
void vcpu_state_clear_fpu(struct vcpu_blob *blob);

/* Zero G0-G7 and every window. */
void vcpu_state_clear_registers(struct vcpu_blob *blob);

/* Re-run the self-test of the discovered layout on a fresh engine. */
enum vcpu_error vcpu_state_self_test(const char **message);

#endif
