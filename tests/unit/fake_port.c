#include "fake_port.h"
#include <string.h>

static struct fake_port *port(struct hv *hv)
{
    return hv->port_context;
}

uint32_t hv_port_io_read32(struct hv *hv, uint32_t address)
{
    (void)hv;
    (void)address;
    return 0;
}

void hv_port_io_write32(struct hv *hv, uint32_t address, uint32_t value)
{
    (void)hv;
    (void)address;
    (void)value;
}

uint64_t hv_port_clock_us(struct hv *hv)
{
    return port(hv)->now_us;
}

void hv_port_timer_arm(struct hv *hv, uint64_t deadline_us)
{
    port(hv)->timer_deadline_us = deadline_us;
    port(hv)->timer_arms++;
}

void hv_port_console_write(struct hv *hv, int32_t device, uint32_t writer, const char *bytes,
                           size_t length)
{
    struct fake_port *p = port(hv);
    (void)device;
    if (p->console_length + length < sizeof p->console) {
        memcpy(p->console + p->console_length, bytes, length);
        p->console_length += length;
    }
    p->console_writer = writer;
}

static bool guest_range(uint32_t address, uint32_t length)
{
    return address >= FAKE_GUEST_BASE && length <= FAKE_GUEST_SIZE &&
           address - FAKE_GUEST_BASE <= FAKE_GUEST_SIZE - length;
}

bool hv_port_copy_from_guest(struct hv *hv, uint32_t partition, uint32_t guest_address,
                             void *destination, uint32_t length)
{
    if (!guest_range(guest_address, length))
        return false;
    memcpy(destination, &port(hv)->guest[partition][guest_address - FAKE_GUEST_BASE], length);
    return true;
}

bool hv_port_copy_to_guest(struct hv *hv, uint32_t partition, uint32_t guest_address,
                           const void *source, uint32_t length)
{
    if (!guest_range(guest_address, length))
        return false;
    memcpy(&port(hv)->guest[partition][guest_address - FAKE_GUEST_BASE], source, length);
    return true;
}

uint8_t *hv_port_pct(struct hv *hv, uint32_t partition)
{
    return port(hv)->pct[partition];
}

void hv_port_partition_boot(struct hv *hv, uint32_t partition, uint32_t entry)
{
    port(hv)->boots[partition]++;
    port(hv)->boot_entry[partition] = entry;
}

bool hv_port_guest_readable(struct hv *hv, uint32_t partition, uint32_t guest_address,
                            uint32_t length)
{
    (void)hv;
    (void)partition;
    return guest_range(guest_address, length);
}

uint32_t hv_port_cpu_get(struct hv *hv, uint32_t partition, enum hv_cpu_reg reg)
{
    return port(hv)->cpu[partition].regs[reg];
}

#define PSR_ICC 0x00f00000u

void hv_port_cpu_set(struct hv *hv, uint32_t partition, enum hv_cpu_reg reg, uint32_t value)
{
    uint32_t *regs = port(hv)->cpu[partition].regs;
    if (reg == HV_CPU_PSR)
        value = (regs[HV_CPU_PSR] & ~PSR_ICC) | (value & PSR_ICC);
    regs[reg] = value;
}

uint32_t hv_port_cpu_windows(struct hv *hv)
{
    (void)hv;
    return FAKE_WINDOWS;
}

bool hv_port_cpu_trap_enter(struct hv *hv, uint32_t partition, uint32_t address, uint32_t l0)
{
    struct fake_cpu *cpu = &port(hv)->cpu[partition];
    if (cpu->stack_fails)
        return false;
    cpu->trap_enters++;
    cpu->trap_enter_address = address;
    cpu->regs[HV_CPU_L0] = l0;
    cpu->regs[HV_CPU_L0 + 1] = cpu->pc;
    cpu->regs[HV_CPU_L0 + 2] = cpu->npc;
    cpu->pc = address;
    cpu->npc = address + 4;
    return true;
}

bool hv_port_cpu_trap_return(struct hv *hv, uint32_t partition, uint32_t pc, uint32_t npc)
{
    struct fake_cpu *cpu = &port(hv)->cpu[partition];
    if (cpu->caller_invalid)
        return false;
    cpu->trap_returns++;
    cpu->pc = pc;
    cpu->npc = npc;
    return true;
}

bool hv_port_cpu_flush_windows(struct hv *hv, uint32_t partition)
{
    struct fake_cpu *cpu = &port(hv)->cpu[partition];
    cpu->flushes += !cpu->stack_fails;
    return !cpu->stack_fails;
}

bool hv_port_cpu_fill_caller(struct hv *hv, uint32_t partition)
{
    struct fake_cpu *cpu = &port(hv)->cpu[partition];
    cpu->fills += !cpu->stack_fails;
    return !cpu->stack_fails;
}

void fake_port_run_until(struct hv *hv, uint64_t t)
{
    struct fake_port *p = port(hv);
    while (p->timer_deadline_us <= t) {
        p->now_us = p->timer_deadline_us;
        hv_timer_event(hv);
    }
    p->now_us = t;
}

int32_t fake_port_hypercall(struct hv *hv, uint32_t nr, uint32_t a1, uint32_t a2, uint32_t a3,
                            bool *completes)
{
    uint32_t regs[6] = {nr, a1, a2, a3, 0, 0};
    int32_t result = 12345;
    *completes = hv_hypercall(hv, regs, &result);
    return result;
}
