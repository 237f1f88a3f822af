/* sim/: hvcore's host port. The core's view of the world (time, timer,
 * console, guest memory, partition CPUs) implemented on the simulated
 * machine. */
#include "cpu/vcpu.h"
#include "sim/machine_internal.h"
#include <hvcore/port.h>

static struct sim_machine *machine_of(struct hv *hv)
{
    return hv->port_context;
}

uint32_t hv_port_io_read32(struct hv *hv, uint32_t address)
{
    (void)hv;
    (void)address;
    return 0; /* no device bus yet: reads as zero */
}

void hv_port_io_write32(struct hv *hv, uint32_t address, uint32_t value)
{
    (void)hv;
    (void)address;
    (void)value;
}

uint64_t hv_port_clock_us(struct hv *hv)
{
    return sim_clock_us(&machine_of(hv)->clock);
}

void hv_port_timer_arm(struct hv *hv, uint64_t deadline_us)
{
    struct sim_machine *m = machine_of(hv);
    m->timer_deadline = sim_clock_cycles_at_us(&m->clock, deadline_us);
}

void hv_port_console_write(struct hv *hv, int32_t device, uint32_t writer, const char *bytes,
                           size_t length)
{
    (void)device;
    (void)writer;
    fwrite(bytes, 1, length, machine_of(hv)->options.console);
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

uint32_t hv_port_cpu_get(struct hv *hv, uint32_t partition, enum hv_cpu_reg reg)
{
    return vcpu_get_reg(machine_of(hv)->partitions[partition].vcpu, vcpu_register(reg));
}

void hv_port_cpu_set(struct hv *hv, uint32_t partition, enum hv_cpu_reg reg, uint32_t value)
{
    struct vcpu *vcpu = machine_of(hv)->partitions[partition].vcpu;
    if (reg == HV_CPU_PSR) {
        uint32_t psr = vcpu_get_reg(vcpu, VCPU_PSR);
        value = (psr & ~PSR_ICC) | (value & PSR_ICC);
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
