/* hvcore/arch/leon3: the port contract (hvcore/port.h) on the board.
 * Device registers are plain uncached loads and stores (the SRMMU maps
 * the APB area supervisor-only); a partition's CPU is its saved register
 * file (context.c), changed only while it is not running. */
#include "leon3.h"
#include <hvcore/drivers.h>
#include <hvcore/port.h>

#define UART_DATA 0x0u
#define PSR_ICC 0x00f00000u
#define PSR_EF 0x00001000u

uint32_t hv_port_io_read32(struct hv *hv, uint32_t address)
{
    (void)hv;
    return *(volatile uint32_t *)address;
}

void hv_port_io_write32(struct hv *hv, uint32_t address, uint32_t value)
{
    if (address == hv->drivers.board->uart_base + UART_DATA) {
        leon3_report_writer(hv_current(hv));
        leon3_report_console((uint8_t)value);
        return;
    }
    *(volatile uint32_t *)address = value;
}

/* The board's only clock is the timer unit's µs count. */
uint64_t hv_port_cycles(struct hv *hv)
{
    return hv_gptimer_now_us(hv) * hv->drivers.board->cpu_khz / 1000u;
}

void hv_port_trace(struct hv *hv, const struct hv_trace_event *event)
{
    leon3_report_trace(hv_gptimer_now_us(hv), event);
    if (event->kind == HV_TRACE_HM_EVENT)
        leon3_hm_seen(event);
}

void hv_port_partition_boot(struct hv *hv, uint32_t partition, uint32_t entry)
{
    (void)hv;
    if (entry == HV_ENTRY_IMAGE)
        entry = leon3_image_entry[partition];
    leon3_cpu_boot(leon3_cpu_of(partition), entry, HV_PCT_ADDRESS);
    leon3_fpu_reset(partition);
}

uint32_t hv_port_cpu_get(struct hv *hv, uint32_t partition, enum hv_cpu_reg reg)
{
    (void)hv;
    return *leon3_cpu_reg(leon3_cpu_of(partition), (uint32_t)reg);
}

void hv_port_cpu_set(struct hv *hv, uint32_t partition, enum hv_cpu_reg reg, uint32_t value)
{
    (void)hv;
    uint32_t *at = leon3_cpu_reg(leon3_cpu_of(partition), (uint32_t)reg);
    if (reg == HV_CPU_PSR)
        value = (*at & ~(PSR_ICC | PSR_EF)) | (value & (PSR_ICC | PSR_EF));
    if (reg != 0)
        *at = value;
}

uint32_t hv_port_cpu_windows(struct hv *hv)
{
    (void)hv;
    return LEON3_WINDOWS;
}

static uint32_t bit(uint32_t w)
{
    return 1u << w;
}

static void set_cwp(struct leon3_cpu *cpu, uint32_t w)
{
    cpu->psr = (cpu->psr & ~7u) | w;
}

bool hv_port_cpu_trap_enter(struct hv *hv, uint32_t partition, uint32_t address, uint32_t l0)
{
    struct leon3_cpu *cpu = leon3_cpu_of(partition);
    struct leon3_stack_fault fault;
    uint32_t fresh = (leon3_cpu_cwp(cpu) + LEON3_WINDOWS - 1) % LEON3_WINDOWS;
    if (cpu->wim & bit(fresh)) {
        /* As an overflow at a `save`: the oldest window makes room. */
        if (!leon3_cpu_spill(hv, partition, (fresh + LEON3_WINDOWS - 1) % LEON3_WINDOWS, &fault))
            return false;
        cpu->wim = leon3_wim_rotate_right(cpu->wim);
    }
    set_cwp(cpu, fresh);
    cpu->win[fresh][0] = l0;
    cpu->win[fresh][1] = cpu->pc;
    cpu->win[fresh][2] = cpu->npc;
    cpu->pc = address;
    cpu->npc = address + 4;
    return true;
}

bool hv_port_cpu_trap_return(struct hv *hv, uint32_t partition, uint32_t pc, uint32_t npc)
{
    (void)hv;
    struct leon3_cpu *cpu = leon3_cpu_of(partition);
    uint32_t previous = (leon3_cpu_cwp(cpu) + 1) % LEON3_WINDOWS;
    if (cpu->wim & bit(previous))
        return false;
    set_cwp(cpu, previous);
    cpu->pc = pc;
    cpu->npc = npc;
    return true;
}

bool hv_port_cpu_flush_windows(struct hv *hv, uint32_t partition)
{
    struct leon3_cpu *cpu = leon3_cpu_of(partition);
    struct leon3_stack_fault fault;
    uint32_t cwp = leon3_cpu_cwp(cpu);
    /* Callers sit at CWP + 1, CWP + 2, ... up to the invalid window. */
    for (uint32_t w = (cwp + 1) % LEON3_WINDOWS; w != cwp && !(cpu->wim & bit(w));
         w = (w + 1) % LEON3_WINDOWS) {
        if (!leon3_cpu_spill(hv, partition, w, &fault))
            return false;
    }
    cpu->wim = bit((cwp + 1) % LEON3_WINDOWS);
    return true;
}

bool hv_port_cpu_fill_caller(struct hv *hv, uint32_t partition)
{
    struct leon3_cpu *cpu = leon3_cpu_of(partition);
    struct leon3_stack_fault fault;
    uint32_t caller = (leon3_cpu_cwp(cpu) + 1) % LEON3_WINDOWS;
    if (!(cpu->wim & bit(caller)))
        return true;
    if (!leon3_cpu_fill(hv, partition, caller, &fault))
        return false;
    cpu->wim = leon3_wim_rotate_left(cpu->wim);
    return true;
}
