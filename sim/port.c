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
