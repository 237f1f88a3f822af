#include "fake_port.h"
#include <string.h>

#define APB_ACCESS_CYCLES 4u

static struct fake_port *port(struct hv *hv)
{
    return hv->port_context;
}

void fake_port_init(struct fake_port *p, struct hv *hv)
{
    memset(p, 0, sizeof *p);
    bus_port_init(&p->bus, hv, &hv_board_xm_leon3);
    p->bus.access_cycles = APB_ACCESS_CYCLES;
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

void hv_port_trace(struct hv *hv, const struct hv_trace_event *event)
{
    if (event->kind < HV_TRACE_KIND_COUNT) {
        port(hv)->traced[event->kind]++;
        port(hv)->last_traced[event->kind] = *event;
    }
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
#define PSR_EF 0x00001000u

void hv_port_cpu_set(struct hv *hv, uint32_t partition, enum hv_cpu_reg reg, uint32_t value)
{
    uint32_t *regs = port(hv)->cpu[partition].regs;
    if (reg == HV_CPU_PSR)
        value = (regs[HV_CPU_PSR] & ~(PSR_ICC | PSR_EF)) | (value & (PSR_ICC | PSR_EF));
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

void fake_port_run_until(struct hv *hv, uint64_t t_us)
{
    struct bus_port *bus = &port(hv)->bus;
    uint64_t until = t_us * (hv->drivers.board->cpu_khz / 1000u);
    for (;;) {
        uint64_t next = bus_next_event(&bus->devices.bus, bus->cycles);
        if (bus->cycles < until)
            bus->cycles = next < until ? next : until;
        bus_update(&bus->devices.bus, bus->cycles);
        uint32_t line = irqmp_irl(&bus->devices.irqmp, 0);
        if (line != 0) {
            irqmp_ack(&bus->devices.irqmp, 0, line);
            hv_irq(hv, line);
        } else if (bus->cycles >= until) {
            return;
        }
    }
}

int32_t fake_port_hypercall(struct hv *hv, uint32_t nr, uint32_t a1, uint32_t a2, uint32_t a3,
                            bool *completes)
{
    uint32_t regs[6] = {nr, a1, a2, a3, 0, 0};
    int32_t result = 12345;
    *completes = hv_hypercall(hv, regs, &result);
    return result;
}

int32_t fake_port_hypercall5(struct hv *hv, uint32_t nr, const uint32_t args[5])
{
    uint32_t regs[6] = {nr, args[0], args[1], args[2], args[3], args[4]};
    int32_t result = 12345;
    (void)hv_hypercall(hv, regs, &result);
    return result;
}

uint32_t fake_port_pct_word(struct hv *hv, uint32_t partition, size_t offset)
{
    const uint8_t *p = port(hv)->pct[partition] + offset;
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static bool phys_range(uint32_t paddr)
{
    return paddr % 4 == 0 && paddr >= FAKE_PHYS_BASE && paddr - FAKE_PHYS_BASE < FAKE_PHYS_SIZE;
}

uint32_t fake_port_phys_word(struct hv *hv, uint32_t paddr)
{
    const uint8_t *p = &port(hv)->phys[paddr - FAKE_PHYS_BASE];
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

void fake_port_set_phys_word(struct hv *hv, uint32_t paddr, uint32_t value)
{
    uint8_t *p = &port(hv)->phys[paddr - FAKE_PHYS_BASE];
    p[0] = (uint8_t)(value >> 24);
    p[1] = (uint8_t)(value >> 16);
    p[2] = (uint8_t)(value >> 8);
    p[3] = (uint8_t)value;
}

bool hv_port_phys_read(struct hv *hv, uint32_t partition, uint32_t paddr, uint32_t *words,
                       uint32_t count)
{
    /* The PCT page sits at HV_PCT_ADDRESS physically, as on the simulator. */
    if (paddr - HV_PCT_ADDRESS < HV_PCT_AREA_SIZE && paddr % 4 == 0 &&
        4 * count <= HV_PCT_AREA_SIZE - (paddr - HV_PCT_ADDRESS)) {
        for (uint32_t i = 0; i < count; i++)
            words[i] = 0;
        return !port(hv)->mmu[partition].pct_unreachable;
    }
    for (uint32_t i = 0; i < count; i++) {
        if (!phys_range(paddr + 4 * i))
            return false;
        words[i] = fake_port_phys_word(hv, paddr + 4 * i);
    }
    return true;
}

bool hv_port_phys_write32(struct hv *hv, uint32_t partition, uint32_t paddr, uint32_t value)
{
    (void)partition;
    if (!phys_range(paddr))
        return false;
    fake_port_set_phys_word(hv, paddr, value);
    return true;
}

bool hv_port_mmu_sync(struct hv *hv, uint32_t partition, uint32_t l1, uint32_t vaddr)
{
    struct fake_mmu *mmu = &port(hv)->mmu[partition];
    if (l1 != 0 && l1 == mmu->refuse_l1)
        return false;
    mmu->syncs++;
    mmu->l1 = l1;
    mmu->vaddr = vaddr;
    return true;
}
