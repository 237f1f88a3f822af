/* Access to Unicorn's SPARC state blob through the discovered layout. */
#include "cpu/uc_sparc_state.h"

#include "cpu/uc_sparc_layout.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The one process-wide cache: a property of the Unicorn library binary,
 * discovered once, identical on every run with the same library. */
struct vcpu_layout vcpu_layout_cache;

enum probe_status { PROBE_NOT_RUN, PROBE_PASSED, PROBE_FAILED };
static enum probe_status probe_status;
static char probe_message[256];

#define L vcpu_layout_cache

enum vcpu_error vcpu_state_init(const char **message)
{
    if (probe_status == PROBE_NOT_RUN) {
        enum vcpu_error error =
            vcpu_probe_layout(&vcpu_layout_cache, probe_message, sizeof probe_message);
        if (error == VCPU_OK) {
            error = vcpu_probe_self_test(probe_message, sizeof probe_message);
        }
        probe_status = error == VCPU_OK ? PROBE_PASSED : PROBE_FAILED;
        if (error != VCPU_OK) {
            fprintf(stderr, "hvsim cpu: Unicorn SPARC state probe failed: %s\n", probe_message);
        }
    }
    if (message != NULL) {
        *message = probe_status == PROBE_PASSED ? "ok" : probe_message;
    }
    return probe_status == PROBE_PASSED ? VCPU_OK : VCPU_ERR_PROBE_FAILED;
}

enum vcpu_error vcpu_state_self_test(const char **message)
{
    enum vcpu_error error = vcpu_state_init(message);
    if (error != VCPU_OK) {
        return error;
    }
    error = vcpu_probe_self_test(probe_message, sizeof probe_message);
    if (message != NULL) {
        *message = error == VCPU_OK ? "ok" : probe_message;
    }
    return error;
}

uint32_t vcpu_state_nwindows(void)
{
    return L.nwindows;
}

enum vcpu_error vcpu_state_open(uc_engine **out)
{
    uc_engine *uc = NULL;
    if (uc_open(UC_ARCH_SPARC, UC_MODE_SPARC32 | UC_MODE_BIG_ENDIAN, &uc) != UC_ERR_OK) {
        return VCPU_ERR_UNICORN;
    }
    /* Before anything touches the CPU: the model is chosen at first use. */
    if (uc_ctl_set_cpu_model(uc, VCPU_UC_MODEL) != UC_ERR_OK) {
        uc_close(uc);
        return VCPU_ERR_UNICORN;
    }
    *out = uc;
    return VCPU_OK;
}

static uintptr_t window_pointer(const uint8_t *bytes)
{
    uintptr_t pointer;
    memcpy(&pointer, bytes + L.window_ptr, sizeof pointer);
    return pointer;
}

static void set_window_pointer(uint8_t *bytes, uintptr_t pointer)
{
    memcpy(bytes + L.window_ptr, &pointer, sizeof pointer);
}

enum vcpu_error vcpu_state_attach(uc_engine *uc, struct vcpu_blob *blob)
{
    if (uc_context_size(uc) != L.blob_size) {
        return VCPU_ERR_PROBE_FAILED;
    }
    if (uc_context_alloc(uc, &blob->context) != UC_ERR_OK) {
        return VCPU_ERR_UNICORN;
    }
    blob->bytes = (uint8_t *)blob->context;
    if (uc_context_save(uc, blob->context) != UC_ERR_OK) {
        vcpu_state_detach(blob);
        return VCPU_ERR_UNICORN;
    }
    uint32_t cwp = vcpu_state_get(blob, VCPU_F_CWP);
    blob->regbase = window_pointer(blob->bytes) - (uintptr_t)cwp * VCPU_WINDOW_BYTES;
    vcpu_state_set(blob, VCPU_F_CC_OP, L.cc_flags);
    vcpu_state_set(blob, VCPU_F_PSR_ICC, 0);
    return vcpu_state_restore(uc, blob);
}

void vcpu_state_detach(struct vcpu_blob *blob)
{
    if (blob->context != NULL) {
        uc_context_free(blob->context);
    }
    blob->context = NULL;
    blob->bytes = NULL;
}

enum vcpu_error vcpu_state_save(uc_engine *uc, struct vcpu_blob *blob)
{
    return uc_context_save(uc, blob->context) == UC_ERR_OK ? VCPU_OK : VCPU_ERR_UNICORN;
}

/* A bad window pointer or a zero cc mode crashes the host process, so both
 * are checked before every restore. */
bool vcpu_state_valid(const struct vcpu_blob *blob)
{
    uint32_t cwp = vcpu_state_get(blob, VCPU_F_CWP);
    uint32_t cc_op = vcpu_state_get(blob, VCPU_F_CC_OP);
    if (cwp >= L.nwindows || cc_op == 0 || cc_op >= 64) {
        return false;
    }
    return window_pointer(blob->bytes) == blob->regbase + (uintptr_t)cwp * VCPU_WINDOW_BYTES;
}

enum vcpu_error vcpu_state_restore(uc_engine *uc, const struct vcpu_blob *blob)
{
    if (!vcpu_state_valid(blob)) {
        return VCPU_ERR_PROBE_FAILED;
    }
    return uc_context_restore(uc, blob->context) == UC_ERR_OK ? VCPU_OK : VCPU_ERR_UNICORN;
}

void vcpu_state_copy(struct vcpu_blob *to, const struct vcpu_blob *from)
{
    memcpy(to->bytes, from->bytes, L.blob_size);
    to->regbase = from->regbase;
}

uint32_t vcpu_state_get(const struct vcpu_blob *blob, enum vcpu_field field)
{
    return vcpu_layout_word(blob->bytes, L.field[field]);
}

void vcpu_state_set(struct vcpu_blob *blob, enum vcpu_field field, uint32_t value)
{
    vcpu_layout_set_word(blob->bytes, L.field[field], value);
}

/* As the engine's own window switch: while CWP is the last window, the ins
 * of that window (outs of window 0) live in the wrap area after the file. */
void vcpu_state_set_cwp(struct vcpu_blob *blob, uint32_t cwp)
{
    uint32_t last = L.nwindows - 1;
    if (vcpu_state_get(blob, VCPU_F_CWP) == last) {
        memmove(blob->bytes + L.regbase, blob->bytes + L.wrap, VCPU_GROUP_BYTES);
    }
    vcpu_state_set(blob, VCPU_F_CWP, cwp);
    if (cwp == last) {
        memmove(blob->bytes + L.wrap, blob->bytes + L.regbase, VCPU_GROUP_BYTES);
    }
    set_window_pointer(blob->bytes, blob->regbase + (uintptr_t)cwp * VCPU_WINDOW_BYTES);
}

bool vcpu_state_flags_ready(const struct vcpu_blob *blob)
{
    return vcpu_state_get(blob, VCPU_F_CC_OP) == L.cc_flags;
}

uint32_t vcpu_state_psr(const struct vcpu_blob *blob)
{
    uint32_t psr = L.psr_version | (vcpu_state_get(blob, VCPU_F_PSR_ICC) & VCPU_PSR_ICC);
    psr |= vcpu_state_get(blob, VCPU_F_PSR_EF) ? VCPU_PSR_EF : 0;
    psr |= (vcpu_state_get(blob, VCPU_F_PSR_PIL) & 0xfu) << VCPU_PSR_PIL_SHIFT;
    psr |= vcpu_state_get(blob, VCPU_F_PSR_S) ? VCPU_PSR_S : 0;
    psr |= vcpu_state_get(blob, VCPU_F_PSR_PS) ? VCPU_PSR_PS : 0;
    psr |= vcpu_state_get(blob, VCPU_F_PSR_ET) ? VCPU_PSR_ET : 0;
    return psr | vcpu_state_get(blob, VCPU_F_CWP);
}

/* A CWP beyond the implemented windows is ignored (the hardware would
 * refuse the write with an illegal-instruction trap). */
void vcpu_state_set_psr(struct vcpu_blob *blob, uint32_t psr)
{
    vcpu_state_set(blob, VCPU_F_CC_OP, L.cc_flags);
    vcpu_state_set(blob, VCPU_F_PSR_ICC, psr & VCPU_PSR_ICC);
    vcpu_state_set(blob, VCPU_F_PSR_EF, (psr & VCPU_PSR_EF) != 0);
    vcpu_state_set(blob, VCPU_F_PSR_PIL, (psr & VCPU_PSR_PIL) >> VCPU_PSR_PIL_SHIFT);
    vcpu_state_set(blob, VCPU_F_PSR_S, (psr & VCPU_PSR_S) != 0);
    vcpu_state_set(blob, VCPU_F_PSR_PS, (psr & VCPU_PSR_PS) != 0);
    vcpu_state_set(blob, VCPU_F_PSR_ET, (psr & VCPU_PSR_ET) != 0);
    if ((psr & VCPU_PSR_CWP) < L.nwindows) {
        vcpu_state_set_cwp(blob, psr & VCPU_PSR_CWP);
    }
}

uint32_t vcpu_state_greg(const struct vcpu_blob *blob, uint32_t index)
{
    return vcpu_layout_word(blob->bytes, L.gregs + 4 * (index & 7));
}

void vcpu_state_set_greg(struct vcpu_blob *blob, uint32_t index, uint32_t value)
{
    vcpu_layout_set_word(blob->bytes, L.gregs + 4 * (index & 7), value);
}

static uint32_t window_offset(const struct vcpu_blob *blob, uint32_t w, enum vcpu_win_group group,
                              uint32_t index)
{
    w %= L.nwindows;
    if (group == VCPU_WIN_IN) {
        w = (w + 1) % L.nwindows;
        group = VCPU_WIN_OUT;
    }
    index &= 7;
    if (group == VCPU_WIN_OUT && w == 0 && vcpu_state_get(blob, VCPU_F_CWP) == L.nwindows - 1) {
        return L.wrap + 4 * index;
    }
    uint32_t base = L.regbase + w * VCPU_WINDOW_BYTES;
    return base + (group == VCPU_WIN_LOCAL ? VCPU_GROUP_BYTES : 0) + 4 * index;
}

uint32_t vcpu_state_win(const struct vcpu_blob *blob, uint32_t w, enum vcpu_win_group group,
                        uint32_t index)
{
    return vcpu_layout_word(blob->bytes, window_offset(blob, w, group, index));
}

void vcpu_state_set_win(struct vcpu_blob *blob, uint32_t w, enum vcpu_win_group group,
                        uint32_t index, uint32_t value)
{
    vcpu_layout_set_word(blob->bytes, window_offset(blob, w, group, index), value);
}

void vcpu_state_clear_registers(struct vcpu_blob *blob)
{
    memset(blob->bytes + L.gregs, 0, VCPU_GROUP_BYTES);
    memset(blob->bytes + L.regbase, 0, L.nwindows * VCPU_WINDOW_BYTES);
    memset(blob->bytes + L.wrap, 0, VCPU_GROUP_BYTES);
}

uint32_t vcpu_state_freg(const struct vcpu_blob *blob, uint32_t index)
{
    return vcpu_layout_word(blob->bytes, L.freg[index % VCPU_FREGS]);
}

void vcpu_state_set_freg(struct vcpu_blob *blob, uint32_t index, uint32_t value)
{
    vcpu_layout_set_word(blob->bytes, L.freg[index % VCPU_FREGS], value);
}

uint32_t vcpu_state_fsr(const struct vcpu_blob *blob)
{
    return vcpu_layout_word(blob->bytes, L.fsr);
}

void vcpu_state_set_fsr(struct vcpu_blob *blob, uint32_t value)
{
    uint32_t ver = vcpu_state_fsr(blob) & VCPU_FSR_VER;
    vcpu_layout_set_word(blob->bytes, L.fsr, (value & ~VCPU_FSR_VER) | ver);
    blob->bytes[L.fp_round] = L.fp_round_value[value >> VCPU_FSR_RD_SHIFT];
}

void vcpu_state_clear_fpu(struct vcpu_blob *blob)
{
    for (uint32_t i = 0; i < VCPU_FREGS; i++) {
        vcpu_state_set_freg(blob, i, 0);
    }
    vcpu_state_set_fsr(blob, 0);
}
