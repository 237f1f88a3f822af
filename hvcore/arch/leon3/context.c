/* hvcore/arch/leon3: a partition's saved CPU. Window w's outs are window
 * w - 1's ins; the current window is the PSR's CWP. Window traps of the
 * partition and the core's window operations (port.c) act here, on
 * memory, as the vCPU of the simulator does on its engine (cpu/). */
#include "../../src/bytes.h"
#include "leon3.h"
#include <hvcore/port.h>
#include <stddef.h>

_Static_assert(offsetof(struct leon3_cpu, g) == LEON3_CPU_G, "start.S offsets");
_Static_assert(offsetof(struct leon3_cpu, psr) == LEON3_CPU_PSR, "start.S offsets");
_Static_assert(offsetof(struct leon3_cpu, wim) == LEON3_CPU_WIM, "start.S offsets");
_Static_assert(offsetof(struct leon3_cpu, pc) == LEON3_CPU_PC, "start.S offsets");
_Static_assert(offsetof(struct leon3_cpu, npc) == LEON3_CPU_NPC, "start.S offsets");
_Static_assert(offsetof(struct leon3_cpu, y) == LEON3_CPU_Y, "start.S offsets");
_Static_assert(sizeof(struct leon3_cpu) == LEON3_CPU_SIZE, "start.S offsets");

#define PSR_ET 0x20u
#define PSR_CWP 0x7u
#define FRAME_BYTES 64u
#define TT_UNALIGNED 0x07u
#define TT_DATA_ACCESS 0x09u

uint32_t leon3_cpu_cwp(const struct leon3_cpu *cpu)
{
    return cpu->psr & PSR_CWP;
}

static uint32_t below(uint32_t w)
{
    return (w + LEON3_WINDOWS - 1) % LEON3_WINDOWS;
}

uint32_t *leon3_cpu_reg(struct leon3_cpu *cpu, uint32_t reg)
{
    uint32_t cwp = leon3_cpu_cwp(cpu);
    if (reg < 8)
        return &cpu->g[reg];
    if (reg < 16)
        return &cpu->win[below(cwp)][8 + reg - 8];
    if (reg < 32)
        return &cpu->win[cwp][reg - 16];
    return &cpu->psr;
}

void leon3_cpu_boot(struct leon3_cpu *cpu, uint32_t entry, uint32_t g1)
{
    uint32_t *words = (uint32_t *)cpu;
    for (uint32_t i = 0; i < sizeof *cpu / 4; i++)
        words[i] = 0;
    /* user mode, CWP 0, window 1 (the caller's) invalid: as XtratuM's
     * JMP_PARTITION leaves it (docs/cpu.md, "Boot state") */
    cpu->psr = PSR_ET;
    cpu->wim = 0x2u;
    cpu->g[1] = g1;
    cpu->pc = entry;
    cpu->npc = entry + 4;
}

void leon3_cpu_skip(struct leon3_cpu *cpu)
{
    cpu->pc = cpu->npc;
    cpu->npc += 4;
}

uint32_t leon3_wim_rotate_right(uint32_t wim)
{
    return ((wim >> 1) | (wim << (LEON3_WINDOWS - 1))) & 0xffu;
}

uint32_t leon3_wim_rotate_left(uint32_t wim)
{
    return ((wim << 1) | (wim >> (LEON3_WINDOWS - 1))) & 0xffu;
}

/* A window's save area is at its own %sp (its %o6). */
static bool stack_usable(struct hv *hv, uint32_t id, uint32_t sp, bool write,
                         struct leon3_stack_fault *fault)
{
    fault->address = sp;
    fault->tt = TT_UNALIGNED;
    if (sp % 8 != 0)
        return false;
    fault->tt = TT_DATA_ACCESS;
    return leon3_guest_ok(hv, id, sp, FRAME_BYTES, write, &fault->address);
}

bool leon3_cpu_spill(struct hv *hv, uint32_t id, uint32_t w, struct leon3_stack_fault *fault)
{
    struct leon3_cpu *cpu = leon3_cpu_of(id);
    uint32_t sp = cpu->win[below(w)][8 + 6];
    uint8_t frame[FRAME_BYTES];
    if (!stack_usable(hv, id, sp, true, fault))
        return false;
    for (uint32_t i = 0; i < 16; i++)
        hv_put_be32(frame + 4 * i, cpu->win[w][i]);
    return hv_port_copy_to_guest(hv, id, sp, frame, FRAME_BYTES);
}

bool leon3_cpu_fill(struct hv *hv, uint32_t id, uint32_t w, struct leon3_stack_fault *fault)
{
    struct leon3_cpu *cpu = leon3_cpu_of(id);
    uint32_t sp = cpu->win[below(w)][8 + 6];
    uint8_t frame[FRAME_BYTES];
    if (!stack_usable(hv, id, sp, false, fault) ||
        !hv_port_copy_from_guest(hv, id, sp, frame, FRAME_BYTES))
        return false;
    for (uint32_t i = 0; i < 16; i++)
        cpu->win[w][i] = hv_get_be32(frame + 4 * i);
    return true;
}
