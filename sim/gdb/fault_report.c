/* sim/gdb: the report of a partition's HM event, for a person to act on
 * (docs/debugging.md): the registers, the faulting instruction
 * disassembled (capstone), a backtrace symbolised from the image's DWARF
 * (symbols.h), and a stack pointer outside the image's stack (xal's
 * __xal_stack_bottom and __xal_stack_top) named as a stack overflow. */
#include "sim/gdb/fault_report.h"

#include "sim/gdb/gdb_internal.h"
#include "sim/gdb/symbols.h"

#include <capstone/capstone.h>
#include <stdlib.h>

#define MAX_FRAMES 256u
/* How far into a function its `save` is looked for. */
#define MAX_PROLOGUE 1024u

struct sim_gdb_fault_report {
    const char *paths[HV_MAX_PARTITIONS];
    struct gdb_symbols *symbols[HV_MAX_PARTITIONS]; /* opened at the first report */
    bool opened[HV_MAX_PARTITIONS];
};

static struct gdb_symbols *symbols_of(struct sim_gdb_fault_report *r, uint32_t partition)
{
    if (partition >= HV_MAX_PARTITIONS || !r->paths[partition])
        return NULL;
    if (!r->opened[partition])
        r->symbols[partition] = gdb_symbols_open(r->paths[partition]);
    r->opened[partition] = true;
    return r->symbols[partition];
}

/* %psr and %tbr as the partition sees them, as GDB shows them. */
static void print_registers(struct vcpu *vcpu, FILE *out)
{
    fprintf(out, "hvsim:   pc 0x%08x npc 0x%08x psr 0x%08x wim 0x%08x tbr 0x%08x y 0x%08x\n",
            vcpu_get_reg(vcpu, VCPU_PC), vcpu_get_reg(vcpu, VCPU_NPC), gdb_virtual_psr(vcpu),
            vcpu_get_reg(vcpu, VCPU_WIM), gdb_virtual_tbr(vcpu), vcpu_get_reg(vcpu, VCPU_Y));
    static const char groups[] = "goli";
    for (uint32_t g = 0; g < 4; g++) {
        fprintf(out, "hvsim:   %%%c0-7", groups[g]);
        for (uint32_t i = 0; i < 8; i++)
            fprintf(out, " %08x", vcpu_get_reg(vcpu, (enum vcpu_reg)(8 * g + i)));
        fputc('\n', out);
    }
}

static bool read_word(struct vcpu *vcpu, uint32_t address, uint32_t *word)
{
    uint8_t b[4];
    if (vcpu_read_mem(vcpu, address, b, 4) != VCPU_OK)
        return false;
    *word = (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
    return true;
}

static void print_instruction(struct vcpu *vcpu, uint32_t pc, FILE *out)
{
    uint8_t bytes[4];
    csh handle;
    cs_insn *insn = NULL;
    if (vcpu_read_mem(vcpu, pc, bytes, 4) != VCPU_OK) {
        fprintf(out, "hvsim:   instruction: unreadable at 0x%08x\n", pc);
        return;
    }
    if (cs_open(CS_ARCH_SPARC, CS_MODE_BIG_ENDIAN, &handle) != CS_ERR_OK)
        return;
    if (cs_disasm(handle, bytes, 4, pc, 1, &insn) == 1)
        fprintf(out, "hvsim:   instruction: %02x%02x%02x%02x  %s %s\n", bytes[0], bytes[1],
                bytes[2], bytes[3], insn->mnemonic, insn->op_str);
    else
        fprintf(out, "hvsim:   instruction: %02x%02x%02x%02x  (not an instruction)\n", bytes[0],
                bytes[1], bytes[2], bytes[3]);
    cs_free(insn, insn ? 1 : 0);
    cs_close(&handle);
}

/* SPARC `save`: op 2, op3 0x3c. */
static bool is_save(uint32_t insn)
{
    return (insn & 0xc1f80000u) == 0x81e00000u;
}

/* The function holding pc has not run a `save` before pc (a leaf, or pc
 * in its prologue): its return address is %o7, and the current window is
 * its caller's frame. Known only with symbols (where the function starts),
 * as GDB's prologue analysis. */
static bool frameless(struct vcpu *vcpu, struct gdb_symbols *symbols, uint32_t pc)
{
    uint32_t start, insn;
    if (!gdb_symbols_function(symbols, pc, &start))
        return false;
    for (uint32_t at = start; at < pc && at - start < 4 * MAX_PROLOGUE; at += 4) {
        if (!read_word(vcpu, at, &insn) || is_save(insn))
            return false;
    }
    return true;
}

static void print_frame(struct gdb_symbols *symbols, uint32_t n, uint32_t pc, FILE *out)
{
    char where[512];
    gdb_symbols_describe(symbols, pc, where, sizeof where);
    fprintf(out, "hvsim:   #%-2u 0x%08x %s\n", n, pc, where);
}

/* The frames' PCs: pc; a frameless function's caller from %o7; then each
 * caller's call from the window chain (%i7), the windows still in
 * registers read as if flushed. Returns how many. */
static uint32_t walk_frames(struct vcpu *vcpu, struct gdb_symbols *symbols, uint32_t pc,
                            uint32_t frames[MAX_FRAMES])
{
    uint32_t n = 0;
    frames[n++] = pc;
    if (frameless(vcpu, symbols, pc))
        frames[n++] = vcpu_get_reg(vcpu, (enum vcpu_reg)(VCPU_O0 + 7));
    uint32_t fp = vcpu_get_reg(vcpu, (enum vcpu_reg)(VCPU_I0 + 6));
    uint32_t ret = vcpu_get_reg(vcpu, (enum vcpu_reg)(VCPU_I0 + 7));
    uint8_t saved[8];
    while (n < MAX_FRAMES && ret != 0 && fp != 0 && fp % 8 == 0) {
        frames[n++] = ret;
        if (!gdb_read_flushed(vcpu, fp + 56, saved, 8))
            break;
        fp = (uint32_t)saved[0] << 24 | (uint32_t)saved[1] << 16 | (uint32_t)saved[2] << 8 |
             saved[3];
        ret = (uint32_t)saved[4] << 24 | (uint32_t)saved[5] << 16 | (uint32_t)saved[6] << 8 |
              saved[7];
    }
    return n;
}

/* One line a frame; a recursion's frames of the same call, one line. */
static void print_backtrace(struct vcpu *vcpu, struct gdb_symbols *symbols, uint32_t pc, FILE *out)
{
    uint32_t frames[MAX_FRAMES];
    uint32_t count = walk_frames(vcpu, symbols, pc, frames);
    for (uint32_t i = 0; i < count;) {
        uint32_t same = i + 1;
        while (same < count && frames[same] == frames[i])
            same++;
        print_frame(symbols, i, frames[i], out);
        if (same - i > 1)
            fprintf(out, "hvsim:   #%u-#%u the same call, %u frames%s\n", i + 1, same - 1,
                    same - i - 1, same == count && count == MAX_FRAMES ? ", and deeper" : "");
        i = same;
    }
}

static void check_stack(struct vcpu *vcpu, struct gdb_symbols *symbols, FILE *out)
{
    uint32_t bottom, top, sp = vcpu_get_reg(vcpu, (enum vcpu_reg)(VCPU_O0 + 6));
    if (!gdb_symbols_value(symbols, "__xal_stack_bottom", &bottom) ||
        !gdb_symbols_value(symbols, "__xal_stack_top", &top))
        return;
    if (sp < bottom || sp >= top)
        fprintf(out, "hvsim:   stack overflow: %%sp 0x%08x is outside the stack [0x%08x, 0x%08x)\n",
                sp, bottom, top);
}

static void report(void *context, struct sim_machine *machine, uint32_t partition, uint32_t pc,
                   unsigned parts, FILE *out)
{
    struct vcpu *vcpu = sim_machine_vcpu(machine, partition);
    if (!vcpu)
        return;
    struct gdb_symbols *symbols = symbols_of(context, partition);
    if (parts & SIM_FAULT_REGISTERS)
        print_registers(vcpu, out);
    if (parts & SIM_FAULT_INSTRUCTION)
        print_instruction(vcpu, pc, out);
    if (parts & SIM_FAULT_BACKTRACE)
        print_backtrace(vcpu, symbols, pc, out);
    if (parts & SIM_FAULT_STACK)
        check_stack(vcpu, symbols, out);
}

struct sim_gdb_fault_report *sim_gdb_fault_report_new(const struct sim_image_ref *images,
                                                      uint32_t count)
{
    struct sim_gdb_fault_report *r = calloc(1, sizeof *r);
    for (uint32_t i = 0; r && i < count; i++) {
        if (images[i].partition < HV_MAX_PARTITIONS)
            r->paths[images[i].partition] = images[i].path;
    }
    return r;
}

void sim_gdb_fault_report_free(struct sim_gdb_fault_report *r)
{
    for (uint32_t i = 0; r && i < HV_MAX_PARTITIONS; i++)
        gdb_symbols_close(r->symbols[i]);
    free(r);
}

void sim_gdb_fault_report_use(struct sim_gdb_fault_report *r, struct sim_options *options)
{
    options->fault_report = r ? report : NULL;
    options->fault_report_context = r;
}
