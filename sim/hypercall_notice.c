/* sim/: the notices of failed hypercalls (hypercall_notice.h). */
#include "sim/hypercall_notice.h"
#include "cpu/vcpu.h"
#include "sim/common/xm_names.h"
#include <inttypes.h>
#include <string.h>
#include <xm/guest.h>
#include <xm/hypercalls.h>

/* libxm functions nest (XM_create_queuing_port calls XM_ctrl_object): the
 * call site is looked for this many frames up at most. */
#define MAX_LIBXM_DEPTH 4

bool sim_hypercall_is_misuse(int32_t result)
{
    return result < 0 && result != XM_NO_ACTION && result != XM_NOT_AVAILABLE;
}

/* One frame of the window chain: its %fp and return address (%i7, the
 * address of the call that entered it). */
struct frame {
    uint32_t window; /* its register window while resident */
    bool resident;
    uint32_t fp, ret;
};

static uint32_t load_be32(const uint8_t *b)
{
    return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

/* The caller's frame: from the register file while the windows from CWP
 * up are valid (WIM), else from the save area at the callee's %fp, where
 * the window overflow stored it. false: unreadable. */
static bool caller_frame(struct vcpu *vcpu, struct frame *f)
{
    uint32_t n = vcpu_windows(), next = (f->window + 1) % n;
    if (f->resident && !(vcpu_get_reg(vcpu, VCPU_WIM) & (1u << next))) {
        f->window = next;
        f->fp = vcpu_get_window_reg(vcpu, next, (enum vcpu_reg)(VCPU_I0 + 6));
        f->ret = vcpu_get_window_reg(vcpu, next, (enum vcpu_reg)(VCPU_I0 + 7));
        return true;
    }
    uint8_t saved[8];
    if (f->fp == 0 || f->fp % 8 != 0 || vcpu_read_mem(vcpu, f->fp + 56, saved, 8) != VCPU_OK)
        return false;
    f->resident = false;
    f->fp = load_be32(saved);
    f->ret = load_be32(saved + 4);
    return true;
}

static bool in_libxm(const struct sim_symbols *symbols, uint32_t pc, const char **name)
{
    const struct sim_symbol *s = sim_symbols_find(symbols, pc);
    if (!s || strncmp(s->name, "XM_", 3) != 0)
        return false;
    *name = s->name;
    return true;
}

/* The function the call instruction at site calls, if it is libxm's: the
 * name the partition's source uses, also when that function passed the
 * call on to another without a frame of its own (a tail call). */
static void called_function(struct vcpu *vcpu, const struct sim_symbols *symbols, uint32_t site,
                            char *call, size_t size)
{
    uint8_t bytes[4];
    const char *name;
    if (vcpu_read_mem(vcpu, site, bytes, 4) != VCPU_OK)
        return;
    uint32_t insn = load_be32(bytes);
    if (insn >> 30 != 1) /* not a call */
        return;
    uint32_t target = site + (uint32_t)((int32_t)(insn << 2));
    if (in_libxm(symbols, target, &name))
        snprintf(call, size, "%s", name);
}

/* The call site: the return address of the frame that trapped, then,
 * while that lies in a libxm function, its caller's; the call is named
 * after the libxm function called there. Without symbols: the first
 * return address and the hypercall's own name. */
static uint32_t call_site(struct vcpu *vcpu, const struct sim_hypercall_failure *f, char *call,
                          size_t size)
{
    uint32_t cwp = vcpu_get_reg(vcpu, VCPU_PSR) & PSR_CWP_MASK;
    struct frame frame = {cwp, true, vcpu_get_reg(vcpu, (enum vcpu_reg)(VCPU_I0 + 6)),
                          vcpu_get_reg(vcpu, (enum vcpu_reg)(VCPU_I0 + 7))};
    const char *name = sim_hypercall_name(f->nr);
    snprintf(call, size, "XM_%s", name ? name : "unknown");
    if (frame.ret == 0 || frame.ret % 4 != 0)
        return vcpu_get_reg(vcpu, VCPU_PC);
    uint32_t site = frame.ret;
    for (int depth = 0; depth < MAX_LIBXM_DEPTH && in_libxm(f->symbols, site, &name); depth++) {
        if (!caller_frame(vcpu, &frame) || frame.ret == 0 || frame.ret % 4 != 0)
            break;
        site = frame.ret;
    }
    called_function(vcpu, f->symbols, site, call, size);
    return site;
}

static struct sim_hypercall_site *site_of(struct sim_hypercall_notices *n, uint32_t partition,
                                          uint32_t pc)
{
    for (uint32_t i = 0; i < n->site_count; i++) {
        if (n->sites[i].partition == partition && n->sites[i].pc == pc)
            return &n->sites[i];
    }
    return NULL;
}

static void print_site(const struct sim_hypercall_site *s, const struct sim_symbols *symbols,
                       FILE *diag)
{
    char result[48], pc[SIM_PC_TEXT_MAX];
    sim_format_xm_result(s->result, result, sizeof result);
    sim_format_pc(symbols, s->pc, pc, sizeof pc);
    fprintf(diag, "%s returned %s at %s", s->call, result, pc);
}

void sim_hypercall_notice(struct sim_hypercall_notices *n, struct vcpu *vcpu,
                          const struct sim_hypercall_failure *f, FILE *diag)
{
    char call[SIM_HYPERCALL_NAME_MAX];
    uint32_t pc = call_site(vcpu, f, call, sizeof call);
    struct sim_hypercall_site *s = site_of(n, f->partition, pc);
    if (s) {
        s->count++;
        return;
    }
    if (n->site_count == SIM_HYPERCALL_SITES) {
        n->unlisted++;
        return;
    }
    s = &n->sites[n->site_count++];
    *s = (struct sim_hypercall_site){f->partition, pc, 1, f->result, ""};
    snprintf(s->call, sizeof s->call, "%s", call);
    fprintf(diag, "hvsim: %" PRIu64 " us: partition %" PRIu32 " (%s): ", f->us, f->partition,
            f->name);
    print_site(s, f->symbols, diag);
    fputc('\n', diag);
}

void sim_hypercall_summary(const struct sim_hypercall_notices *n, const struct hv_config *config,
                           const struct sim_symbols *symbols, FILE *diag)
{
    for (uint32_t i = 0; i < n->site_count; i++) {
        const struct sim_hypercall_site *s = &n->sites[i];
        if (s->count < 2)
            continue;
        fprintf(diag, "hvsim: partition %" PRIu32 " (%s): %" PRIu64 " times: ", s->partition,
                config->partitions[s->partition].name, s->count);
        print_site(s, symbols ? &symbols[s->partition] : NULL, diag);
        fputc('\n', diag);
    }
    if (n->unlisted)
        fprintf(diag,
                "hvsim: %" PRIu64 " more failed hypercalls at other call sites (notices name "
                "the first %d sites)\n",
                n->unlisted, SIM_HYPERCALL_SITES);
}
