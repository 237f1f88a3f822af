/* End-to-end check of a discovered layout on a fresh engine, through the
 * accessors everything else uses: every window reachable at every CWP (the
 * wrap area included), PSR/WIM/TBR/Y as the guest reads them, user mode,
 * a resume at a non-sequential (PC, NPC) from inside a trap hook, and the
 * FP registers and %fsr (its rounding mode included) as the guest sees
 * them. */
#include "cpu/sparc_insn.h"
#include "cpu/uc_sparc_layout.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define TEST_CODE 0x40000000u
#define TEST_CODE_SIZE 0x1000u
#define TEST_UNTIL (TEST_CODE + TEST_CODE_SIZE - 4u)
#define TEST_TA 0x10u
#define TEST_TRAMPOLINE_TA 0x11u

struct self_test {
    uc_engine *uc;
    struct vcpu_blob blob;
    struct vcpu_blob resume; /* restored by the trampoline hook */
    uint32_t intno;
    bool trapped;
    char *message;
    size_t message_size;
};

static bool fail(struct self_test *t, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    vsnprintf(t->message, t->message_size, format, args);
    va_end(args);
    return false;
}

static void self_test_hook(uc_engine *uc, uint32_t intno, void *user)
{
    struct self_test *t = user;
    if (intno == 0x80u + TEST_TRAMPOLINE_TA) {
        if (vcpu_state_restore(uc, &t->resume) != VCPU_OK) {
            uc_emu_stop(uc);
        }
        return;
    }
    t->intno = intno;
    t->trapped = true;
    uc_emu_stop(uc);
}

static bool put_code(struct self_test *t, uint32_t address, const uint32_t *code, uint32_t count)
{
    for (uint32_t i = 0; i < count; i++) {
        uint8_t b[4] = {(uint8_t)(code[i] >> 24), (uint8_t)(code[i] >> 16), (uint8_t)(code[i] >> 8),
                        (uint8_t)code[i]};
        if (uc_mem_write(t->uc, address + 4 * i, b, 4) != UC_ERR_OK) {
            return fail(t, "uc_mem_write failed");
        }
    }
    return true;
}

static bool run(struct self_test *t, uint32_t address, uint32_t want_intno)
{
    t->trapped = false;
    uc_err err = uc_emu_start(t->uc, address, TEST_UNTIL, 0, 0);
    if (err != UC_ERR_OK || !t->trapped || t->intno != want_intno) {
        return fail(t, "self-test run at 0x%x: %s, tt 0x%x (want 0x%x)", address, uc_strerror(err),
                    t->trapped ? t->intno : 0, want_intno);
    }
    return true;
}

static uint32_t tag(uint32_t w, uint32_t group, uint32_t i)
{
    return 0x70000000u | w << 12 | group << 8 | i;
}

/* Distinct values in every window, then each window made current. */
static bool check_windows(struct self_test *t)
{
    uint32_t n = vcpu_state_nwindows();
    for (uint32_t w = 0; w < n; w++) {
        for (uint32_t i = 0; i < 8; i++) {
            vcpu_state_set_win(&t->blob, w, VCPU_WIN_OUT, i, tag(w, 0, i));
            vcpu_state_set_win(&t->blob, w, VCPU_WIN_LOCAL, i, tag(w, 1, i));
        }
    }
    for (uint32_t w = 0; w < n; w++) {
        vcpu_state_set_cwp(&t->blob, w);
        if (vcpu_state_restore(t->uc, &t->blob) != VCPU_OK) {
            return fail(t, "restore at CWP %u refused", w);
        }
        for (uint32_t i = 0; i < 8; i++) {
            uint32_t o = 0, l = 0, in = 0;
            uc_reg_read(t->uc, UC_SPARC_REG_O0 + (int)i, &o);
            uc_reg_read(t->uc, UC_SPARC_REG_L0 + (int)i, &l);
            uc_reg_read(t->uc, UC_SPARC_REG_I0 + (int)i, &in);
            if (o != tag(w, 0, i) || l != tag(w, 1, i) || in != tag((w + 1) % n, 0, i)) {
                return fail(t, "window %u register %u not where the layout says", w, i);
            }
        }
    }
    return true;
}

/* Supervisor state written through the blob, read back by the guest. */
static bool check_special_registers(struct self_test *t)
{
    const uint32_t code[] = {
        vcpu_insn_reg(VCPU_OP3_RDPSR, VCPU_INSN_G(1), 0, 0),
        vcpu_insn_reg(VCPU_OP3_RDWIM, VCPU_INSN_G(2), 0, 0),
        vcpu_insn_reg(VCPU_OP3_RDTBR, VCPU_INSN_G(3), 0, 0),
        vcpu_insn_reg(VCPU_OP3_RDY, VCPU_INSN_G(4), 0, 0),
        vcpu_insn_ta(TEST_TA),
    };
    uint32_t psr = 0x00500000u | VCPU_PSR_EF | 7u << 8 | VCPU_PSR_S | VCPU_PSR_PS | 5u;
    vcpu_state_set_psr(&t->blob, psr);
    vcpu_state_set(&t->blob, VCPU_F_WIM, 0x81u);
    vcpu_state_set(&t->blob, VCPU_F_TBR, 0x40001000u);
    vcpu_state_set(&t->blob, VCPU_F_Y, 0x13579bdfu);
    if (!put_code(t, TEST_CODE, code, 5) || vcpu_state_restore(t->uc, &t->blob) != VCPU_OK ||
        !run(t, TEST_CODE, 0x80u + TEST_TA)) {
        return false;
    }
    const uint32_t want[4] = {psr | vcpu_layout_cache.psr_version, 0x81u, 0x40001000u, 0x13579bdfu};
    for (int i = 0; i < 4; i++) {
        uint32_t g = 0;
        uc_reg_read(t->uc, UC_SPARC_REG_G1 + i, &g);
        if (g != want[i]) {
            return fail(t, "special register %d reads 0x%08x, want 0x%08x", i, g, want[i]);
        }
    }
    return vcpu_state_save(t->uc, &t->blob) == VCPU_OK;
}

/* User mode: the same read is privileged. */
static bool check_user_mode(struct self_test *t)
{
    vcpu_state_set_psr(&t->blob, VCPU_PSR_ET | 2u);
    return vcpu_state_restore(t->uc, &t->blob) == VCPU_OK && run(t, TEST_CODE, 0x03u);
}

/* Resume at PC = A, NPC = B (not A + 4) through a trampoline whose trap hook
 * restores the blob: A and then B must run, A + 4 never. */
static bool check_resume(struct self_test *t)
{
    const uint32_t a = TEST_CODE + 0x100u, b = TEST_CODE + 0x200u, tramp = TEST_CODE + 0x300u;
    const uint32_t at_a[] = {vcpu_insn_imm(VCPU_OP3_OR, VCPU_INSN_G(5), 0, 1),
                             vcpu_insn_ta(TEST_TA + 2)};
    const uint32_t at_b[] = {vcpu_insn_imm(VCPU_OP3_OR, VCPU_INSN_G(6), 0, 2),
                             vcpu_insn_ta(TEST_TA)};
    const uint32_t at_tramp[] = {vcpu_insn_ta(TEST_TRAMPOLINE_TA)};
    if (!put_code(t, a, at_a, 2) || !put_code(t, b, at_b, 2) || !put_code(t, tramp, at_tramp, 1) ||
        vcpu_state_save(t->uc, &t->resume) != VCPU_OK) {
        return false;
    }
    vcpu_state_set(&t->resume, VCPU_F_PC, a);
    vcpu_state_set(&t->resume, VCPU_F_NPC, b);
    vcpu_state_set_greg(&t->resume, 5, 0);
    vcpu_state_set_greg(&t->resume, 6, 0);
    uint32_t g5 = 0, g6 = 0, pc = 0;
    if (!run(t, tramp, 0x80u + TEST_TA) || uc_reg_read(t->uc, UC_SPARC_REG_G5, &g5) ||
        uc_reg_read(t->uc, UC_SPARC_REG_G6, &g6) || uc_reg_read(t->uc, UC_SPARC_REG_PC, &pc)) {
        return false;
    }
    if (g5 != 1 || g6 != 2 || pc != b + 4) {
        return fail(t, "resume at (PC, NPC): g5=%u g6=%u pc=0x%x", g5, g6, pc);
    }
    return true;
}

#define TEST_FP_CODE (TEST_CODE + 0x400u)
#define TEST_FP_DATA (TEST_CODE + 0x800u)
#define TEST_FP_ONE 0x3f800000u   /* 1.0f */
#define TEST_FP_THREE 0x40400000u /* 3.0f */

static uint32_t fp_tag(uint32_t i)
{
    return i == 0 ? TEST_FP_ONE : i == 1 ? TEST_FP_THREE : 0x71000000u | i << 12 | i;
}

static uint32_t fp_data(struct self_test *t, uint32_t index)
{
    uint8_t b[4] = {0};
    uc_mem_read(t->uc, TEST_FP_DATA + 4 * index, b, 4);
    return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

/* The guest stores %f0-%f31 and %fsr written through the blob, then
 * computes 1/3 in single precision into %f2 under that RD. */
static bool check_fp_run(struct self_test *t, uint32_t rd)
{
    static const uint32_t third[4] = {0x3eaaaaabu, 0x3eaaaaaau, 0x3eaaaaabu, 0x3eaaaaaau};
    for (uint32_t i = 0; i < VCPU_FREGS; i++) {
        vcpu_state_set_freg(&t->blob, i, fp_tag(i));
    }
    vcpu_state_set_fsr(&t->blob, rd << VCPU_FSR_RD_SHIFT);
    uint32_t fsr = vcpu_state_fsr(&t->blob);
    vcpu_state_set_psr(&t->blob, VCPU_PSR_EF | VCPU_PSR_S | VCPU_PSR_PS);
    vcpu_state_set_greg(&t->blob, 1, TEST_FP_DATA);
    if (vcpu_state_restore(t->uc, &t->blob) != VCPU_OK || !run(t, TEST_FP_CODE, 0x80u + TEST_TA) ||
        vcpu_state_save(t->uc, &t->blob) != VCPU_OK) {
        return false;
    }
    for (uint32_t i = 0; i < VCPU_FREGS; i++) {
        if (fp_data(t, i) != fp_tag(i)) {
            return fail(t, "%%f%u reads 0x%08x, want 0x%08x", i, fp_data(t, i), fp_tag(i));
        }
    }
    if (fp_data(t, VCPU_FREGS) != fsr || fsr >> VCPU_FSR_RD_SHIFT != rd) {
        return fail(t, "%%fsr reads 0x%08x, want 0x%08x", fp_data(t, VCPU_FREGS), fsr);
    }
    if (fp_data(t, VCPU_FREGS + 1) != third[rd] || vcpu_state_freg(&t->blob, 2) != third[rd]) {
        return fail(t, "1/3 with RD %u gives 0x%08x, want 0x%08x", rd, fp_data(t, VCPU_FREGS + 1),
                    third[rd]);
    }
    return true;
}

static bool check_fpu(struct self_test *t)
{
    uint32_t code[VCPU_FREGS + 4];
    for (uint32_t i = 0; i < VCPU_FREGS; i++) {
        code[i] = vcpu_insn_mem(VCPU_OP3_STF, i, VCPU_INSN_G(1), (int32_t)(4 * i));
    }
    code[32] = vcpu_insn_mem(VCPU_OP3_STFSR, 0, VCPU_INSN_G(1), 4 * VCPU_FREGS);
    code[33] = vcpu_insn_fpop1(VCPU_OPF_FDIVS, 2, 0, 1);
    code[34] = vcpu_insn_mem(VCPU_OP3_STF, 2, VCPU_INSN_G(1), 4 * (VCPU_FREGS + 1));
    code[35] = vcpu_insn_ta(TEST_TA);
    if (!put_code(t, TEST_FP_CODE, code, VCPU_FREGS + 4)) {
        return false;
    }
    for (uint32_t rd = 0; rd < 4; rd++) {
        if (!check_fp_run(t, 3 - rd)) { /* RD = 0 last: after every other mode */
            return false;
        }
    }
    return true;
}

static bool self_test_setup(struct self_test *t)
{
    uc_hook hook;
    t->blob.context = NULL;
    t->resume.context = NULL;
    if (vcpu_state_open(&t->uc) != VCPU_OK) {
        return fail(t, "cannot open an engine");
    }
    if (uc_mem_map(t->uc, TEST_CODE, TEST_CODE_SIZE, UC_PROT_ALL) != UC_ERR_OK ||
        uc_hook_add(t->uc, &hook, UC_HOOK_INTR, (void *)self_test_hook, t, 1, 0) != UC_ERR_OK) {
        return fail(t, "cannot set up the self-test engine");
    }
    if (vcpu_state_attach(t->uc, &t->blob) != VCPU_OK ||
        vcpu_state_attach(t->uc, &t->resume) != VCPU_OK) {
        return fail(t, "cannot attach state blobs");
    }
    return true;
}

enum vcpu_error vcpu_probe_self_test(char *message, size_t size)
{
    struct self_test t = {.message = message, .message_size = size};
    bool ok = self_test_setup(&t) && check_windows(&t) && check_special_registers(&t) &&
              check_user_mode(&t) && check_resume(&t) && check_fpu(&t);
    vcpu_state_detach(&t.blob);
    vcpu_state_detach(&t.resume);
    if (t.uc != NULL) {
        uc_close(t.uc);
    }
    return ok ? VCPU_OK : VCPU_ERR_PROBE_FAILED;
}
