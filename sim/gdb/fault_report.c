/* sim/gdb: a partition fault's report, for a person to act on: the
 * registers, the faulting instruction disassembled (capstone), a
 * backtrace symbolised from the image's DWARF (elfutils' libdw), and a
 * stack pointer outside the image's stack (xal's __xal_stack_bottom and
 * __xal_stack_top) named as a stack overflow. */
#include "sim/gdb/fault_report.h"

#include "sim/gdb/gdb_internal.h"

#include <capstone/capstone.h>
#include <elfutils/libdwfl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FRAMES 16u
#define PSR_CWP 0x1fu

static const Dwfl_Callbacks offline_callbacks = {
    .find_elf = dwfl_build_id_find_elf,
    .find_debuginfo = dwfl_standard_find_debuginfo,
    .section_address = dwfl_offline_section_address,
};

static Dwfl_Module *open_image(const char *path, Dwfl **out)
{
    Dwfl *dwfl = dwfl_begin(&offline_callbacks);
    Dwfl_Module *module = dwfl ? dwfl_report_offline(dwfl, "", path, -1) : NULL;
    if (dwfl)
        dwfl_report_end(dwfl, NULL, NULL);
    *out = dwfl;
    return module;
}

/* "function at file:line", or "?" without symbols. */
static void describe(Dwfl_Module *module, uint32_t pc, char *out, size_t size)
{
    const char *name = module ? dwfl_module_addrname(module, pc) : NULL;
    Dwfl_Line *line = module ? dwfl_module_getsrc(module, pc) : NULL;
    int number = 0;
    const char *file = line ? dwfl_lineinfo(line, NULL, &number, NULL, NULL, NULL) : NULL;
    const char *base = file ? strrchr(file, '/') : NULL;
    snprintf(out, size, "%s", name ? name : "?");
    if (file)
        snprintf(out + strlen(out), size - strlen(out), " at %s:%d", base ? base + 1 : file,
                 number);
}

static bool symbol_value(Dwfl_Module *module, const char *wanted, uint32_t *value)
{
    int count = module ? dwfl_module_getsymtab(module) : -1;
    for (int i = 0; i < count; i++) {
        GElf_Sym sym;
        const char *name = dwfl_module_getsym(module, i, &sym, NULL);
        if (name && strcmp(name, wanted) == 0) {
            *value = (uint32_t)sym.st_value;
            return true;
        }
    }
    return false;
}

static void print_registers(struct vcpu *vcpu, FILE *diag)
{
    fprintf(diag, "hvsim:   pc 0x%08x npc 0x%08x psr 0x%08x wim 0x%08x tbr 0x%08x y 0x%08x\n",
            vcpu_get_reg(vcpu, VCPU_PC), vcpu_get_reg(vcpu, VCPU_NPC), vcpu_get_reg(vcpu, VCPU_PSR),
            vcpu_get_reg(vcpu, VCPU_WIM), vcpu_get_reg(vcpu, VCPU_TBR), vcpu_get_reg(vcpu, VCPU_Y));
    static const char groups[] = "goli";
    for (uint32_t g = 0; g < 4; g++) {
        fprintf(diag, "hvsim:   %%%c0-7", groups[g]);
        for (uint32_t i = 0; i < 8; i++)
            fprintf(diag, " %08x", vcpu_get_reg(vcpu, (enum vcpu_reg)(8 * g + i)));
        fputc('\n', diag);
    }
}

static void print_instruction(struct vcpu *vcpu, uint32_t pc, FILE *diag)
{
    uint8_t bytes[4];
    csh handle;
    cs_insn *insn = NULL;
    if (vcpu_read_mem(vcpu, pc, bytes, 4) != VCPU_OK) {
        fprintf(diag, "hvsim:   instruction: unreadable at 0x%08x\n", pc);
        return;
    }
    if (cs_open(CS_ARCH_SPARC, CS_MODE_BIG_ENDIAN, &handle) != CS_ERR_OK)
        return;
    if (cs_disasm(handle, bytes, 4, pc, 1, &insn) == 1)
        fprintf(diag, "hvsim:   instruction: %02x%02x%02x%02x  %s %s\n", bytes[0], bytes[1],
                bytes[2], bytes[3], insn->mnemonic, insn->op_str);
    else
        fprintf(diag, "hvsim:   instruction: %02x%02x%02x%02x  (not an instruction)\n", bytes[0],
                bytes[1], bytes[2], bytes[3]);
    cs_free(insn, insn ? 1 : 0);
    cs_close(&handle);
}

/* The frames: pc, then each caller's call from the window chain (%i7),
 * the windows still in registers read as if flushed. */
static void print_backtrace(struct vcpu *vcpu, Dwfl_Module *module, uint32_t pc, FILE *diag)
{
    char where[256];
    describe(module, pc, where, sizeof where);
    fprintf(diag, "hvsim:   #0  0x%08x %s\n", pc, where);
    uint32_t fp = vcpu_get_reg(vcpu, (enum vcpu_reg)(VCPU_I0 + 6));
    uint32_t ret = vcpu_get_reg(vcpu, (enum vcpu_reg)(VCPU_I0 + 7));
    for (uint32_t n = 1; n < MAX_FRAMES && ret != 0 && fp != 0 && fp % 8 == 0; n++) {
        describe(module, ret, where, sizeof where);
        fprintf(diag, "hvsim:   #%-2u 0x%08x %s\n", n, ret, where);
        uint8_t saved[8];
        if (!gdb_read_flushed(vcpu, fp + 56, saved, 8))
            break;
        fp = (uint32_t)saved[0] << 24 | (uint32_t)saved[1] << 16 | (uint32_t)saved[2] << 8 |
             saved[3];
        ret = (uint32_t)saved[4] << 24 | (uint32_t)saved[5] << 16 | (uint32_t)saved[6] << 8 |
              saved[7];
    }
}

static void check_stack(struct vcpu *vcpu, Dwfl_Module *module, FILE *diag)
{
    uint32_t bottom, top, sp = vcpu_get_reg(vcpu, (enum vcpu_reg)(VCPU_O0 + 6));
    if (!symbol_value(module, "__xal_stack_bottom", &bottom) ||
        !symbol_value(module, "__xal_stack_top", &top))
        return;
    if (sp < bottom || sp >= top)
        fprintf(diag,
                "hvsim:   stack overflow: %%sp 0x%08x is outside the stack [0x%08x, 0x%08x)\n", sp,
                bottom, top);
}

void sim_gdb_fault_report(void *context, struct sim_machine *machine, uint32_t partition,
                          uint32_t pc, FILE *diag)
{
    const struct sim_gdb_fault_images *images = context;
    struct vcpu *vcpu = sim_machine_vcpu(machine, partition);
    if (!vcpu)
        return;
    Dwfl *dwfl = NULL;
    const char *path = partition < images->count ? images->paths[partition] : NULL;
    Dwfl_Module *module = path ? open_image(path, &dwfl) : NULL;
    print_registers(vcpu, diag);
    print_instruction(vcpu, pc, diag);
    print_backtrace(vcpu, module, pc, diag);
    check_stack(vcpu, module, diag);
    if (dwfl)
        dwfl_end(dwfl);
}
