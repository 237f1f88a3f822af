/* sim/: hvcore's host port. Device registers are the board's device models
 * on the APB bus; guest memory and partition CPUs are the vCPUs. */
#include "cpu/vcpu.h"
#include "sim/console.h"
#include "sim/machine_internal.h"
#include <hvcore/port.h>

#define UART_DATA 0x0u

static struct sim_machine *machine_of(struct hv *hv)
{
    return hv->port_context;
}

/* An access happens at the current cycle and then takes the bus's time:
 * the clock moves on, so a driver that polls a status bit sees the device
 * progress. */
uint32_t hv_port_io_read32(struct hv *hv, uint32_t address)
{
    struct sim_machine *m = machine_of(hv);
    uint32_t value = 0;
    if (bus_read(&m->devices.bus, address, 4, m->clock.cycles, &value) != DEV_OK)
        m->io_errors++;
    m->clock.cycles += m->options.costs.io_access;
    return value;
}

void hv_port_io_write32(struct hv *hv, uint32_t address, uint32_t value)
{
    struct sim_machine *m = machine_of(hv);
    if (address == m->options.board->uart_base + UART_DATA)
        sim_console_note_writer(m);
    if (bus_write(&m->devices.bus, address, 4, value, m->clock.cycles) != DEV_OK)
        m->io_errors++;
    m->clock.cycles += m->options.costs.io_access;
}

uint64_t hv_port_cycles(struct hv *hv)
{
    return machine_of(hv)->clock.cycles;
}

/* Devices first: a byte a UART finished while the core worked is recorded
 * before the core's event, so records come out in time order. */
void hv_port_trace(struct hv *hv, const struct hv_trace_event *event)
{
    struct sim_machine *m = machine_of(hv);
    bus_update(&m->devices.bus, m->clock.cycles);
    sim_trace_add(&m->trace, m->clock.cycles, event);
    if (event->kind == HV_TRACE_HM_EVENT)
        sim_hm_seen(m, event); /* the partition as it was when it faulted */
}

bool hv_port_copy_from_guest(struct hv *hv, uint32_t partition, uint32_t guest_address,
                             void *destination, uint32_t length)
{
    struct vcpu *vcpu = machine_of(hv)->partitions[partition].vcpu;
    return vcpu_read_mem(vcpu, guest_address, destination, length) == VCPU_OK;
}

bool hv_port_copy_to_guest(struct hv *hv, uint32_t partition, uint32_t guest_address,
                           const void *source, uint32_t length)
{
    struct vcpu *vcpu = machine_of(hv)->partitions[partition].vcpu;
    return vcpu_write_mem(vcpu, guest_address, source, length, true) == VCPU_OK;
}

uint8_t *hv_port_pct(struct hv *hv, uint32_t partition)
{
    return machine_of(hv)->partitions[partition].pct;
}

void hv_port_partition_boot(struct hv *hv, uint32_t partition, uint32_t entry)
{
    struct sim_partition *p = &machine_of(hv)->partitions[partition];
    if (entry == HV_ENTRY_IMAGE)
        entry = p->image_entry;
    enum vcpu_error error = vcpu_boot(p->vcpu, entry, HV_PCT_ADDRESS);
    if (error != VCPU_OK)
        machine_of(hv)->engine_error = error; /* the run loop stops on it */
}

bool hv_port_guest_readable(struct hv *hv, uint32_t partition, uint32_t guest_address,
                            uint32_t length)
{
    struct vcpu *vcpu = machine_of(hv)->partitions[partition].vcpu;
    return vcpu_access_ok(vcpu, guest_address, length, VCPU_PERM_READ);
}

/* hv_cpu_reg numbers the SPARC registers as vcpu_reg does. */
static enum vcpu_reg vcpu_register(enum hv_cpu_reg reg)
{
    return reg == HV_CPU_PSR ? VCPU_PSR : (enum vcpu_reg)reg;
}

#define PSR_ICC 0x00f00000u
#define PSR_EF 0x00001000u

uint32_t hv_port_cpu_get(struct hv *hv, uint32_t partition, enum hv_cpu_reg reg)
{
    return vcpu_get_reg(machine_of(hv)->partitions[partition].vcpu, vcpu_register(reg));
}

void hv_port_cpu_set(struct hv *hv, uint32_t partition, enum hv_cpu_reg reg, uint32_t value)
{
    struct vcpu *vcpu = machine_of(hv)->partitions[partition].vcpu;
    if (reg == HV_CPU_PSR) {
        uint32_t psr = vcpu_get_reg(vcpu, VCPU_PSR);
        value = (psr & ~(PSR_ICC | PSR_EF)) | (value & (PSR_ICC | PSR_EF));
    }
    vcpu_set_reg(vcpu, vcpu_register(reg), value);
}

uint32_t hv_port_cpu_windows(struct hv *hv)
{
    (void)hv;
    return vcpu_windows();
}

/* A window operation refused for the partition's own reasons is the
 * core's to judge; an engine failure stops the run loop. */
static bool window_result(struct hv *hv, enum vcpu_error error)
{
    if (error == VCPU_ERR_BAD_STACK || error == VCPU_ERR_INVALID_WINDOW)
        return false;
    if (error != VCPU_OK)
        machine_of(hv)->engine_error = error;
    return true;
}

bool hv_port_cpu_trap_enter(struct hv *hv, uint32_t partition, uint32_t address, uint32_t l0)
{
    struct vcpu *vcpu = machine_of(hv)->partitions[partition].vcpu;
    return window_result(hv, vcpu_trap_enter(vcpu, address, l0));
}

bool hv_port_cpu_trap_return(struct hv *hv, uint32_t partition, uint32_t pc, uint32_t npc)
{
    struct vcpu *vcpu = machine_of(hv)->partitions[partition].vcpu;
    return window_result(hv, vcpu_trap_return(vcpu, pc, npc));
}

bool hv_port_cpu_flush_windows(struct hv *hv, uint32_t partition)
{
    return window_result(hv, vcpu_flush_windows(machine_of(hv)->partitions[partition].vcpu));
}

bool hv_port_cpu_fill_caller(struct hv *hv, uint32_t partition)
{
    return window_result(hv, vcpu_fill_caller_window(machine_of(hv)->partitions[partition].vcpu));
}
