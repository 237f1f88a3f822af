/* Discovery of Unicorn's SPARC state layout.
 *
 * A throw-away engine runs small hand-encoded snippets, each ending in a
 * `ta` whose interrupt hook snapshots the state blob. A field is the one
 * word whose value follows a known sequence across snapshots (registers
 * written with distinct tags, `save`/`restore` for CWP, `wr` with distinct
 * bit patterns for Y, WIM, TBR and the PSR fields, a trap in a delay slot
 * for NPC, `ld %fsr` and `ldd` into the FP registers with distinct tags
 * for the FPU). Zero or several candidates for any field fail the probe: a
 * guess would corrupt partitions silently. */
#include "cpu/sparc_insn.h"
#include "cpu/uc_sparc_layout.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PROBE_CODE 0x10000u
#define PROBE_CODE_SIZE 0x10000u
#define PROBE_UNTIL (PROBE_CODE + PROBE_CODE_SIZE - 4u) /* never executed */
#define PROBE_DATA_OFFSET 0x8000u                       /* snippets below, their data above */
#define PROBE_SLOT_BYTES 128u
#define PROBE_TA 0x10u /* the snapshot trap: tt 0x90 */
#define PROBE_TT (0x80u + PROBE_TA)
#define PROBE_TT_PRIVILEGED 0x03u
#define PROBE_SNAPS 28
#define PROBE_S_RADIUS 256u /* PSR fields are looked for this close to CWP */

struct probe {
    uc_engine *uc;
    uc_context *hook_context; /* saved by the trap hook */
    uc_context *work;         /* patched copies restored into the engine */
    struct vcpu_layout *layout;
    size_t size;
    uint8_t *claimed; /* one flag per blob byte already explained */
    uint8_t *snap[PROBE_SNAPS];
    uint32_t next_slot;
    uint32_t intno;
    bool trapped;
    char *message;
    size_t message_size;
};

static bool fail(struct probe *p, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    vsnprintf(p->message, p->message_size, format, args);
    va_end(args);
    return false;
}

static void probe_hook(uc_engine *uc, uint32_t intno, void *user)
{
    struct probe *p = user;
    p->intno = intno;
    p->trapped = true;
    if (uc_context_save(uc, p->hook_context) != UC_ERR_OK) {
        p->trapped = false;
    }
    uc_emu_stop(uc);
}

static uint32_t word(const uint8_t *bytes, uint32_t offset)
{
    return vcpu_layout_word(bytes, offset);
}

static void claim(struct probe *p, uint32_t offset, uint32_t bytes)
{
    memset(p->claimed + offset, 1, bytes);
}

static bool is_claimed(const struct probe *p, uint32_t offset, uint32_t bytes)
{
    for (uint32_t i = 0; i < bytes; i++) {
        if (p->claimed[offset + i]) {
            return true;
        }
    }
    return false;
}

/* Write a snippet to a fresh slot (the engine caches translations, so code
 * is never rewritten in place) and return its address. */
static bool put_code(struct probe *p, const uint32_t *code, uint32_t count, uint32_t *address)
{
    uint8_t bytes[PROBE_SLOT_BYTES];
    if (count * 4 > sizeof bytes || p->next_slot + PROBE_SLOT_BYTES > PROBE_DATA_OFFSET) {
        return fail(p, "probe snippet space exhausted");
    }
    for (uint32_t i = 0; i < count; i++) {
        bytes[4 * i] = (uint8_t)(code[i] >> 24);
        bytes[4 * i + 1] = (uint8_t)(code[i] >> 16);
        bytes[4 * i + 2] = (uint8_t)(code[i] >> 8);
        bytes[4 * i + 3] = (uint8_t)code[i];
    }
    *address = PROBE_CODE + p->next_slot;
    p->next_slot += PROBE_SLOT_BYTES;
    if (uc_mem_write(p->uc, *address, bytes, count * 4) != UC_ERR_OK) {
        return fail(p, "uc_mem_write of a probe snippet failed");
    }
    return true;
}

/* Run from address until the first trap; the hook's snapshot goes to
 * snap[index] (if index >= 0). */
static bool run_at(struct probe *p, uint32_t address, int index)
{
    p->trapped = false;
    p->intno = 0;
    uc_err err = uc_emu_start(p->uc, address, PROBE_UNTIL, 0, 0);
    if (err != UC_ERR_OK) {
        return fail(p, "probe snippet at 0x%x: %s", address, uc_strerror(err));
    }
    if (!p->trapped) {
        return fail(p, "probe snippet at 0x%x ended without a trap", address);
    }
    if (index >= 0) {
        memcpy(p->snap[index], p->hook_context, p->size);
    }
    return true;
}

static bool run_code(struct probe *p, const uint32_t *code, uint32_t count, int index)
{
    /* put_code sets it whenever it succeeds; gcc -O3 cannot see through fail() */
    uint32_t address = 0;
    if (!put_code(p, code, count, &address) || !run_at(p, address, index)) {
        return false;
    }
    if (p->intno != PROBE_TT) {
        return fail(p, "probe snippet at 0x%x trapped with tt 0x%x", address, p->intno);
    }
    return true;
}

static bool save_to(struct probe *p, int index)
{
    if (uc_context_save(p->uc, p->work) != UC_ERR_OK) {
        return fail(p, "uc_context_save failed");
    }
    memcpy(p->snap[index], p->work, p->size);
    return true;
}

static bool restore_from(struct probe *p, const uint8_t *bytes)
{
    memcpy(p->work, bytes, p->size);
    if (uc_context_restore(p->uc, p->work) != UC_ERR_OK) {
        return fail(p, "uc_context_restore failed");
    }
    return true;
}

static bool write_reg(struct probe *p, int reg, uint32_t value)
{
    if (uc_reg_write(p->uc, reg, &value) != UC_ERR_OK) {
        return fail(p, "uc_reg_write failed");
    }
    return true;
}

/* The unclaimed word whose value is want[i] in snapshot index[i], for all i. */
static bool find_word(struct probe *p, const char *what, const int *index, const uint32_t *want,
                      int count, uint32_t *found)
{
    int matches = 0;
    for (uint32_t off = 0; off + 4 <= p->size; off += 4) {
        if (is_claimed(p, off, 4)) {
            continue;
        }
        int i = 0;
        while (i < count && word(p->snap[index[i]], off) == want[i]) {
            i++;
        }
        if (i == count) {
            *found = off;
            matches++;
        }
    }
    if (matches != 1) {
        return fail(p, "%s: %d candidate words", what, matches);
    }
    claim(p, *found, 4);
    return true;
}

/* Snapshots used below, by step. */
enum {
    SNAP_A,
    SNAP_B,
    SNAP_C,
    SNAP_D,
    SNAP_E,
    SNAP_ADD,
    SNAP_AND,
    SNAP_SUB,
    SNAP_NC,
    SNAP_Z,
    SNAP_V,
    SNAP_BASE, /* supervisor base state */
    SNAP_W1,
    SNAP_W2,
    SNAP_P1,
    SNAP_P2,
    SNAP_P3,
    SNAP_P4,
    SNAP_P5,
    SNAP_DELAY,
    SNAP_FBASE, /* supervisor base state with EF = 1 */
    SNAP_F0,    /* FP registers and %fsr loaded, RD = 0..3 */
    SNAP_F1,
    SNAP_F2,
    SNAP_F3,
};

static uint32_t greg_tag(int set, int i)
{
    return 0x6a000000u + (uint32_t)set * 0x10000u + (uint32_t)i * 0x111u;
}

static uint32_t win_tag(int group, int i)
{
    return 0x4f000000u + (uint32_t)group * 0x100u + (uint32_t)i * 0x11u;
}

/* Globals and PC/NPC: tags written through the register API. */
static bool probe_globals(struct probe *p)
{
    static const uint32_t pcs[2] = {PROBE_CODE + 0x40u, PROBE_CODE + 0x80u};
    for (int set = 0; set < 2; set++) {
        for (int i = 1; i < 8; i++) {
            if (!write_reg(p, UC_SPARC_REG_G0 + i, greg_tag(set, i))) {
                return false;
            }
        }
        if (!write_reg(p, UC_SPARC_REG_PC, pcs[set]) || !save_to(p, set)) {
            return false;
        }
    }
    const int idx[2] = {SNAP_A, SNAP_B};
    uint32_t g1, want[2] = {greg_tag(0, 1), greg_tag(1, 1)};
    if (!find_word(p, "G1", idx, want, 2, &g1) || g1 < 4) {
        return fail(p, "G1 not found where G0 could precede it");
    }
    for (int i = 2; i < 8; i++) {
        if (word(p->snap[SNAP_A], g1 + 4u * (uint32_t)(i - 1)) != greg_tag(0, i)) {
            return fail(p, "G%d does not follow G1", i);
        }
    }
    p->layout->gregs = g1 - 4;
    claim(p, p->layout->gregs, VCPU_GROUP_BYTES);
    uint32_t pc_want[2] = {pcs[0], pcs[1]}, npc_want[2] = {pcs[0] + 4, pcs[1] + 4};
    return find_word(p, "PC", idx, pc_want, 2, &p->layout->field[VCPU_F_PC]) &&
           find_word(p, "NPC", idx, npc_want, 2, &p->layout->field[VCPU_F_NPC]);
}

static bool write_window_tags(struct probe *p)
{
    for (int i = 0; i < 8; i++) {
        if (!write_reg(p, UC_SPARC_REG_O0 + i, win_tag(0, i)) ||
            !write_reg(p, UC_SPARC_REG_L0 + i, win_tag(1, i)) ||
            !write_reg(p, UC_SPARC_REG_I0 + i, win_tag(2, i))) {
            return false;
        }
    }
    return true;
}

static bool matches_group(const uint8_t *bytes, uint32_t offset, int group)
{
    for (int i = 0; i < 8; i++) {
        if (word(bytes, offset + 4u * (uint32_t)i) != win_tag(group, i)) {
            return false;
        }
    }
    return true;
}

/* The register file: outs then locals of window 0, its ins as window 1's
 * outs. */
static bool find_regbase(struct probe *p)
{
    int matches = 0;
    const uint8_t *c = p->snap[SNAP_C];
    for (uint32_t off = 0; off + 3 * VCPU_GROUP_BYTES <= p->size; off += 4) {
        if (matches_group(c, off, 0) && matches_group(c, off + VCPU_GROUP_BYTES, 1) &&
            off + VCPU_WINDOW_BYTES + VCPU_GROUP_BYTES <= p->size &&
            matches_group(c, off + VCPU_WINDOW_BYTES, 2)) {
            p->layout->regbase = off;
            matches++;
        }
    }
    return matches == 1 || fail(p, "register file: %d candidates", matches);
}

/* CWP: 0 at power-on, nwindows-1 after one save, 1 after two restores. */
static bool find_cwp(struct probe *p)
{
    int matches = 0;
    for (uint32_t off = 0; off + 4 <= p->size; off += 4) {
        uint32_t d = word(p->snap[SNAP_D], off);
        if (!is_claimed(p, off, 4) && word(p->snap[SNAP_C], off) == 0 &&
            word(p->snap[SNAP_E], off) == 1 && d >= 2 && d < 32) {
            p->layout->field[VCPU_F_CWP] = off;
            p->layout->nwindows = d + 1;
            matches++;
        }
    }
    if (matches != 1) {
        return fail(p, "CWP: %d candidate words", matches);
    }
    claim(p, p->layout->field[VCPU_F_CWP], 4);
    return true;
}

static uintptr_t pointer_at(const uint8_t *bytes, uint32_t offset)
{
    uintptr_t value;
    memcpy(&value, bytes + offset, sizeof value);
    return value;
}

/* The window pointer moves by one window per CWP step. */
static bool find_window_pointer(struct probe *p)
{
    int matches = 0;
    uintptr_t step = VCPU_WINDOW_BYTES, last = p->layout->nwindows - 1;
    for (uint32_t off = 0; off + sizeof(uintptr_t) <= p->size; off += sizeof(uintptr_t)) {
        uintptr_t c = pointer_at(p->snap[SNAP_C], off);
        if (!is_claimed(p, off, sizeof(uintptr_t)) &&
            pointer_at(p->snap[SNAP_D], off) - c == last * step &&
            pointer_at(p->snap[SNAP_E], off) - c == step) {
            p->layout->window_ptr = off;
            matches++;
        }
    }
    if (matches != 1) {
        return fail(p, "window pointer: %d candidates", matches);
    }
    claim(p, p->layout->window_ptr, sizeof(uintptr_t));
    return true;
}

static bool probe_windows(struct probe *p)
{
    const uint32_t save[] = {vcpu_insn_reg(VCPU_OP3_SAVE, 0, 0, 0), vcpu_insn_ta(PROBE_TA)};
    const uint32_t restore2[] = {vcpu_insn_reg(VCPU_OP3_RESTORE, 0, 0, 0),
                                 vcpu_insn_reg(VCPU_OP3_RESTORE, 0, 0, 0), vcpu_insn_ta(PROBE_TA)};
    if (!write_window_tags(p) || !save_to(p, SNAP_C) || !find_regbase(p) ||
        !run_code(p, save, 2, SNAP_D) || !run_code(p, restore2, 3, SNAP_E) || !find_cwp(p) ||
        !find_window_pointer(p)) {
        return false;
    }
    struct vcpu_layout *l = p->layout;
    l->wrap = l->regbase + l->nwindows * VCPU_WINDOW_BYTES;
    if (l->wrap + VCPU_GROUP_BYTES > p->size || !matches_group(p->snap[SNAP_D], l->wrap, 0)) {
        return fail(p, "wrap area not after %u windows", l->nwindows);
    }
    claim(p, l->regbase, l->nwindows * VCPU_WINDOW_BYTES + VCPU_GROUP_BYTES);
    return true;
}

static bool run_cc(struct probe *p, uint32_t op3, uint32_t a, uint32_t b, bool branch, int index)
{
    const uint32_t code[] = {
        vcpu_insn_reg(op3, 0, VCPU_INSN_G(1), VCPU_INSN_G(2)),
        branch ? vcpu_insn_branch(VCPU_COND_NE, 0, 2) : VCPU_INSN_NOP,
        VCPU_INSN_NOP,
        vcpu_insn_ta(PROBE_TA),
    };
    return write_reg(p, UC_SPARC_REG_G1, a) && write_reg(p, UC_SPARC_REG_G2, b) &&
           run_code(p, code, 4, index);
}

/* The lazy cc mode: 0 at power-on, one small value per kind of cc-setting
 * operation. (Its "flags" value only appears after `wr %psr`.) */
static bool find_cc_op(struct probe *p)
{
    int matches = 0;
    for (uint32_t off = 0; off + 4 <= p->size; off += 4) {
        uint32_t a = word(p->snap[SNAP_ADD], off), b = word(p->snap[SNAP_AND], off);
        uint32_t c = word(p->snap[SNAP_SUB], off);
        bool small = a && b && c && a < 64 && b < 64 && c < 64 && a != b && a != c && b != c;
        if (!is_claimed(p, off, 4) && word(p->snap[SNAP_C], off) == 0 && small) {
            p->layout->field[VCPU_F_CC_OP] = off;
            matches++;
        }
    }
    if (matches != 1) {
        return fail(p, "cc mode: %d candidate words", matches);
    }
    claim(p, p->layout->field[VCPU_F_CC_OP], 4);
    return true;
}

/* A branch after addcc makes the engine compute the icc bits into the PSR
 * image (addcc has no shortcut in the branch translation, unlike subcc). */
static bool probe_condition_codes(struct probe *p)
{
    static const int idx[3] = {SNAP_NC, SNAP_Z, SNAP_V};
    static const uint32_t icc[3] = {0x00900000u, 0x00500000u, 0x00a00000u}; /* NC, ZC, NV */
    return run_cc(p, VCPU_OP3_ADDCC, 1, 2, false, SNAP_ADD) &&
           run_cc(p, VCPU_OP3_ANDCC, 1, 2, false, SNAP_AND) &&
           run_cc(p, VCPU_OP3_SUBCC, 1, 2, false, SNAP_SUB) && find_cc_op(p) &&
           run_cc(p, VCPU_OP3_ADDCC, 0xffffffffu, 0xffffffffu, true, SNAP_NC) &&
           run_cc(p, VCPU_OP3_ADDCC, 0xffffffffu, 1, true, SNAP_Z) &&
           run_cc(p, VCPU_OP3_ADDCC, 0x7fffffffu, 1, true, SNAP_V) &&
           find_word(p, "PSR icc", idx, icc, 3, &p->layout->field[VCPU_F_PSR_ICC]);
}

/* S is the one field that, set to 1, makes `rd %wim` legal. Candidates are
 * zero words near CWP (where the PSR fields live) and after the globals
 * (never the uc_context header before them, whose size field the restore
 * trusts); each is tried from the same base state. */
static bool probe_supervisor(struct probe *p)
{
    const uint32_t code[] = {vcpu_insn_reg(VCPU_OP3_RDWIM, VCPU_INSN_G(3), 0, 0),
                             vcpu_insn_ta(PROBE_TA)};
    uint32_t address, cwp = p->layout->field[VCPU_F_CWP], found = 0;
    uint32_t lo = cwp > PROBE_S_RADIUS ? cwp - PROBE_S_RADIUS : 0;
    if (lo < p->layout->gregs + VCPU_GROUP_BYTES) {
        lo = p->layout->gregs + VCPU_GROUP_BYTES;
    }
    int matches = 0;
    if (!put_code(p, code, 2, &address)) {
        return false;
    }
    const uint8_t *base = p->snap[SNAP_V];
    for (uint32_t off = lo; off <= cwp + PROBE_S_RADIUS && off + 4 <= p->size; off += 4) {
        if (is_claimed(p, off, 4) || word(base, off) != 0) {
            continue;
        }
        memcpy(p->snap[SNAP_BASE], base, p->size);
        vcpu_layout_set_word(p->snap[SNAP_BASE], off, 1);
        if (!restore_from(p, p->snap[SNAP_BASE]) || !run_at(p, address, -1)) {
            return false;
        }
        if (p->intno == PROBE_TT) {
            found = off;
            matches++;
        } else if (p->intno != PROBE_TT_PRIVILEGED) {
            return fail(p, "supervisor probe at +%u trapped with tt 0x%x", off, p->intno);
        }
    }
    if (matches != 1) {
        return fail(p, "PSR.S: %d candidate words", matches);
    }
    p->layout->field[VCPU_F_PSR_S] = found;
    claim(p, found, 4);
    memcpy(p->snap[SNAP_BASE], base, p->size);
    vcpu_layout_set_word(p->snap[SNAP_BASE], found, 1);
    return true;
}

/* From the supervisor base state: g1 = value, `wr %g1, <op3>`, trap. */
static bool run_wr(struct probe *p, uint32_t op3, uint32_t value, int index)
{
    const uint32_t code[] = {vcpu_insn_reg(op3, 0, VCPU_INSN_G(1), 0), vcpu_insn_ta(PROBE_TA)};
    return restore_from(p, p->snap[SNAP_BASE]) && write_reg(p, UC_SPARC_REG_G1, value) &&
           run_code(p, code, 2, index);
}

static bool probe_wr_field(struct probe *p, const char *what, uint32_t op3, uint32_t v1,
                           uint32_t v2, enum vcpu_field field)
{
    static const int idx[2] = {SNAP_W1, SNAP_W2};
    uint32_t mask = 0xffffffffu;
    if (field == VCPU_F_WIM) {
        mask = (1u << p->layout->nwindows) - 1;
    }
    const uint32_t want[2] = {v1 & mask, v2 & mask};
    return run_wr(p, op3, v1, SNAP_W1) && run_wr(p, op3, v2, SNAP_W2) &&
           find_word(p, what, idx, want, 2, &p->layout->field[field]);
}

struct psr_pattern {
    uint32_t ps, et, ef, pil, icc, cwp;
};

static uint32_t pattern_psr(const struct psr_pattern *pt)
{
    return pt->icc << 20 | pt->ef << 12 | pt->pil << 8 | VCPU_PSR_S | pt->ps << 6 | pt->et << 5 |
           pt->cwp;
}

/* `wr %psr` leaves the engine in the "flags" cc mode, a value no cc-setting
 * operation used. */
static bool find_flags_mode(struct probe *p)
{
    uint32_t off = p->layout->field[VCPU_F_CC_OP], f = word(p->snap[SNAP_P1], off);
    for (int i = SNAP_P2; i <= SNAP_P5; i++) {
        if (word(p->snap[i], off) != f) {
            return fail(p, "cc mode after `wr %%psr` not constant");
        }
    }
    if (f == 0 || f >= 64 || f == word(p->snap[SNAP_ADD], off) ||
        f == word(p->snap[SNAP_AND], off) || f == word(p->snap[SNAP_SUB], off)) {
        return fail(p, "cc mode after `wr %%psr` is %u, not a distinct flags mode", f);
    }
    p->layout->cc_flags = f;
    return true;
}

/* `wr %psr` with patterns in which every field follows its own sequence. */
static bool probe_psr_fields(struct probe *p)
{
    static const struct psr_pattern pat[5] = {
        {1, 0, 0, 0x5, 0xa, 1}, {0, 1, 0, 0xa, 0x5, 1}, {1, 1, 1, 0x3, 0xc, 1},
        {0, 0, 1, 0xc, 0x3, 1}, {0, 0, 0, 0x0, 0x0, 3},
    };
    static const int idx[4] = {SNAP_P1, SNAP_P2, SNAP_P3, SNAP_P4};
    uint32_t ps[4], et[4], ef[4], pil[4];
    for (int i = 0; i < 5; i++) {
        if (!run_wr(p, VCPU_OP3_WRPSR, pattern_psr(&pat[i]), SNAP_P1 + i)) {
            return false;
        }
        if (i < 4) {
            ps[i] = pat[i].ps, et[i] = pat[i].et, ef[i] = pat[i].ef, pil[i] = pat[i].pil;
        }
    }
    struct vcpu_layout *l = p->layout;
    if (!find_flags_mode(p)) {
        return false;
    }
    return find_word(p, "PSR.PS", idx, ps, 4, &l->field[VCPU_F_PSR_PS]) &&
           find_word(p, "PSR.ET", idx, et, 4, &l->field[VCPU_F_PSR_ET]) &&
           find_word(p, "PSR.EF", idx, ef, 4, &l->field[VCPU_F_PSR_EF]) &&
           find_word(p, "PSR.PIL", idx, pil, 4, &l->field[VCPU_F_PSR_PIL]);
}

/* Cross-checks of the PSR image against the snapshots the patterns left. */
static bool check_psr_patterns(struct probe *p)
{
    const struct vcpu_layout *l = p->layout;
    const uint8_t *p5 = p->snap[SNAP_P5], *c = p->snap[SNAP_C];
    if (word(p->snap[SNAP_P1], l->field[VCPU_F_PSR_ICC]) != 0xa00000u ||
        word(p->snap[SNAP_P1], l->field[VCPU_F_CC_OP]) != l->cc_flags) {
        return fail(p, "`wr %%psr` does not land in the icc field in flags mode");
    }
    if (word(p5, l->field[VCPU_F_CWP]) != 3 ||
        pointer_at(p5, l->window_ptr) - pointer_at(c, l->window_ptr) != 3 * VCPU_WINDOW_BYTES) {
        return fail(p, "`wr %%psr` with CWP 3 does not move the window pointer");
    }
    return true;
}

/* `rd %psr` gives the impl/ver bits and must agree with the fields. */
static bool probe_psr_read(struct probe *p)
{
    const uint32_t code[] = {vcpu_insn_reg(VCPU_OP3_RDPSR, VCPU_INSN_G(3), 0, 0),
                             vcpu_insn_ta(PROBE_TA)};
    uint32_t g3 = 0;
    if (!restore_from(p, p->snap[SNAP_P3]) || !run_code(p, code, 2, -1) ||
        uc_reg_read(p->uc, UC_SPARC_REG_G3, &g3) != UC_ERR_OK) {
        return false;
    }
    const uint8_t *s = p->snap[SNAP_P3];
    const struct vcpu_layout *l = p->layout;
    uint32_t fields = word(s, l->field[VCPU_F_PSR_ICC]) | word(s, l->field[VCPU_F_PSR_EF]) << 12 |
                      word(s, l->field[VCPU_F_PSR_PIL]) << 8 | VCPU_PSR_S |
                      word(s, l->field[VCPU_F_PSR_PS]) << 6 |
                      word(s, l->field[VCPU_F_PSR_ET]) << 5 | word(s, l->field[VCPU_F_CWP]);
    p->layout->psr_version = g3 & VCPU_PSR_IMPL_VER;
    if ((g3 & ~VCPU_PSR_IMPL_VER) != fields) {
        return fail(p, "`rd %%psr` = 0x%08x, fields give 0x%08x", g3, fields);
    }
    return true;
}

/* A trap in a delay slot: PC on the trap, NPC on the branch target. */
static bool probe_delay_slot(struct probe *p)
{
    const uint32_t code[] = {vcpu_insn_branch(VCPU_COND_ALWAYS, 0, 3), vcpu_insn_ta(PROBE_TA),
                             vcpu_insn_ta(PROBE_TA + 1), VCPU_INSN_NOP};
    uint32_t start = PROBE_CODE + p->next_slot;
    if (!restore_from(p, p->snap[SNAP_V]) || !run_code(p, code, 4, SNAP_DELAY)) {
        return false;
    }
    const uint8_t *s = p->snap[SNAP_DELAY];
    if (word(s, p->layout->field[VCPU_F_PC]) != start + 4 ||
        word(s, p->layout->field[VCPU_F_NPC]) != start + 12) {
        return fail(p, "delay-slot trap: PC/NPC fields do not show the branch target");
    }
    return true;
}

#define PROBE_FP_RUNS 4
#define PROBE_FSR_AT 128 /* the %fsr word after the 32 registers */
#define PROBE_FSR_SEEN 132

static uint32_t freg_tag(uint32_t run, uint32_t i)
{
    return 0x3c000000u + run * 0x10000u + i * 0x101u;
}

/* One %fsr pattern per run: RD = run, TEM, aexc and cexc all different. */
static uint32_t fsr_pattern(uint32_t run)
{
    static const uint32_t tem[PROBE_FP_RUNS] = {0x15, 0x0a, 0x1f, 0x03};
    static const uint32_t aexc[PROBE_FP_RUNS] = {0x0a, 0x15, 0x03, 0x1c};
    static const uint32_t cexc[PROBE_FP_RUNS] = {0x05, 0x0a, 0x1c, 0x03};
    return run << VCPU_FSR_RD_SHIFT | tem[run] << 23 | aexc[run] << 5 | cexc[run];
}

static bool write_be32(struct probe *p, uint32_t address, uint32_t value)
{
    const uint8_t b[4] = {(uint8_t)(value >> 24), (uint8_t)(value >> 16), (uint8_t)(value >> 8),
                          (uint8_t)value};
    return uc_mem_write(p->uc, address, b, 4) == UC_ERR_OK || fail(p, "uc_mem_write failed");
}

static bool read_be32(struct probe *p, uint32_t address, uint32_t *value)
{
    uint8_t b[4];
    if (uc_mem_read(p->uc, address, b, 4) != UC_ERR_OK) {
        return fail(p, "uc_mem_read failed");
    }
    *value = (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
    return true;
}

/* From the supervisor base state with EF = 1: `ldd` the 32 tags of a run
 * into %f0-%f31, `ld` its %fsr pattern, and `st %fsr` what the guest then
 * reads (the ver field is the engine's). */
static bool run_fp_loads(struct probe *p, uint32_t code_address, uint32_t run, uint32_t *seen)
{
    uint32_t data = PROBE_CODE + PROBE_DATA_OFFSET + run * 0x100u;
    for (uint32_t i = 0; i < VCPU_FREGS; i++) {
        if (!write_be32(p, data + 4 * i, freg_tag(run, i))) {
            return false;
        }
    }
    if (!write_be32(p, data + PROBE_FSR_AT, fsr_pattern(run)) ||
        !restore_from(p, p->snap[SNAP_FBASE]) || !write_reg(p, UC_SPARC_REG_G1, data) ||
        !run_at(p, code_address, SNAP_F0 + (int)run)) {
        return false;
    }
    if (p->intno != PROBE_TT) {
        return fail(p, "FP probe run %u trapped with tt 0x%x", run, p->intno);
    }
    if (!read_be32(p, data + PROBE_FSR_SEEN, seen)) {
        return false;
    }
    return *seen >> VCPU_FSR_RD_SHIFT == run || fail(p, "`ld %%fsr` did not set RD = %u", run);
}

/* The one unclaimed byte that takes a different value for each RD and,
 * in the base state, the value of the base state's RD. */
static bool find_rounding_byte(struct probe *p)
{
    struct vcpu_layout *l = p->layout;
    uint32_t base_rd = word(p->snap[SNAP_FBASE], l->fsr) >> VCPU_FSR_RD_SHIFT;
    int matches = 0;
    for (uint32_t off = 0; off < p->size; off++) {
        uint8_t v[PROBE_FP_RUNS];
        for (int r = 0; r < PROBE_FP_RUNS; r++) {
            v[r] = p->snap[SNAP_F0 + r][off];
        }
        bool distinct = v[0] != v[1] && v[0] != v[2] && v[0] != v[3] && v[1] != v[2] &&
                        v[1] != v[3] && v[2] != v[3];
        if (!is_claimed(p, off, 1) && distinct && p->snap[SNAP_FBASE][off] == v[base_rd]) {
            l->fp_round = off;
            memcpy(l->fp_round_value, v, sizeof v);
            matches++;
        }
    }
    if (matches != 1) {
        return fail(p, "FP rounding mode: %d candidate bytes", matches);
    }
    claim(p, l->fp_round, 1);
    return true;
}

static bool probe_fpu(struct probe *p)
{
    uint32_t code[VCPU_FREGS / 2 + 3], address = 0, seen[PROBE_FP_RUNS];
    for (uint32_t i = 0; i < VCPU_FREGS / 2; i++) {
        code[i] = vcpu_insn_mem(VCPU_OP3_LDDF, 2 * i, VCPU_INSN_G(1), (int32_t)(8 * i));
    }
    code[16] = vcpu_insn_mem(VCPU_OP3_LDFSR, 0, VCPU_INSN_G(1), PROBE_FSR_AT);
    code[17] = vcpu_insn_mem(VCPU_OP3_STFSR, 0, VCPU_INSN_G(1), PROBE_FSR_SEEN);
    code[18] = vcpu_insn_ta(PROBE_TA);
    memcpy(p->snap[SNAP_FBASE], p->snap[SNAP_BASE], p->size);
    vcpu_layout_set_word(p->snap[SNAP_FBASE], p->layout->field[VCPU_F_PSR_EF], 1);
    if (!put_code(p, code, 19, &address)) {
        return false;
    }
    for (uint32_t run = 0; run < PROBE_FP_RUNS; run++) {
        if (!run_fp_loads(p, address, run, &seen[run])) {
            return false;
        }
    }
    static const int idx[PROBE_FP_RUNS] = {SNAP_F0, SNAP_F1, SNAP_F2, SNAP_F3};
    for (uint32_t i = 0; i < VCPU_FREGS; i++) {
        const uint32_t want[PROBE_FP_RUNS] = {freg_tag(0, i), freg_tag(1, i), freg_tag(2, i),
                                              freg_tag(3, i)};
        char what[8];
        snprintf(what, sizeof what, "%%f%u", i);
        if (!find_word(p, what, idx, want, PROBE_FP_RUNS, &p->layout->freg[i])) {
            return false;
        }
    }
    return find_word(p, "%fsr", idx, seen, PROBE_FP_RUNS, &p->layout->fsr) && find_rounding_byte(p);
}

static bool probe_steps(struct probe *p)
{
    return probe_globals(p) && probe_windows(p) && probe_condition_codes(p) &&
           probe_supervisor(p) &&
           probe_wr_field(p, "Y", VCPU_OP3_WRY, 0xdeadbeefu, 0x01234567u, VCPU_F_Y) &&
           probe_wr_field(p, "WIM", VCPU_OP3_WRWIM, 0xa5u, 0x5au, VCPU_F_WIM) &&
           probe_wr_field(p, "TBR", VCPU_OP3_WRTBR, 0x12345000u, 0xabcde000u, VCPU_F_TBR) &&
           probe_psr_fields(p) && check_psr_patterns(p) && probe_psr_read(p) &&
           probe_delay_slot(p) && probe_fpu(p);
}

static bool probe_setup(struct probe *p)
{
    uc_hook hook;
    if (vcpu_state_open(&p->uc) != VCPU_OK) {
        return fail(p, "cannot open a SPARC32 engine");
    }
    p->size = uc_context_size(p->uc);
    p->claimed = calloc(p->size, 1);
    for (int i = 0; i < PROBE_SNAPS; i++) {
        p->snap[i] = malloc(p->size);
        if (p->snap[i] == NULL) {
            return fail(p, "out of memory");
        }
    }
    if (p->claimed == NULL || uc_context_alloc(p->uc, &p->hook_context) != UC_ERR_OK ||
        uc_context_alloc(p->uc, &p->work) != UC_ERR_OK) {
        return fail(p, "cannot allocate probe contexts");
    }
    if (uc_mem_map(p->uc, PROBE_CODE, PROBE_CODE_SIZE, UC_PROT_ALL) != UC_ERR_OK ||
        uc_hook_add(p->uc, &hook, UC_HOOK_INTR, (void *)probe_hook, p, 1, 0) != UC_ERR_OK) {
        return fail(p, "cannot set up the probe engine");
    }
    return true;
}

static void probe_teardown(struct probe *p)
{
    for (int i = 0; i < PROBE_SNAPS; i++) {
        free(p->snap[i]);
    }
    free(p->claimed);
    if (p->hook_context != NULL) {
        uc_context_free(p->hook_context);
    }
    if (p->work != NULL) {
        uc_context_free(p->work);
    }
    if (p->uc != NULL) {
        uc_close(p->uc);
    }
}

enum vcpu_error vcpu_probe_layout(struct vcpu_layout *layout, char *message, size_t size)
{
    struct probe p = {.layout = layout, .message = message, .message_size = size};
    memset(layout, 0, sizeof *layout);
    bool ok = probe_setup(&p);
    if (ok) {
        layout->blob_size = p.size;
        ok = probe_steps(&p);
    }
    probe_teardown(&p);
    return ok ? VCPU_OK : VCPU_ERR_PROBE_FAILED;
}
