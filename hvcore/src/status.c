/* hvcore: the status object (XM-Q core/objects/status.c): ctrl_object on
 * OBJ_CLASS_STATUS with XM_GET_SYSTEM_STATUS answers xmSystemStatus_t for
 * XM_HYPERVISOR_ID (system partitions only) and xmPartitionStatus_t for a
 * partition (itself, or any for a system partition). The structs are
 * written field by field, big-endian, at their xm/status.h offsets. Fields
 * not tracked yet stay 0 (docs/health-monitor.md). */
#include "bytes.h"
#include "internal.h"
#include <stddef.h>
#include <xm/hypercalls.h>
#include <xm/objdir.h>
#include <xm/status.h>

#define SYSTEM_OFFSET(field) offsetof(xmSystemStatus_t, field)
#define PARTITION_OFFSET(field) offsetof(xmPartitionStatus_t, field)

_Static_assert(sizeof(xmSystemStatus_t) == XM_SYSTEM_STATUS_SIZE, "xmSystemStatus_t layout");
_Static_assert(sizeof(xmPartitionStatus_t) == XM_PARTITION_STATUS_SIZE,
               "xmPartitionStatus_t layout");

/* The EXEC clock: time run, including the current run. */
uint64_t hv_status_exec_us(struct hv *hv, uint32_t id)
{
    const struct hv_partition *p = &hv->partitions[id];
    if (hv->sched.current != (int32_t)id)
        return p->exec_us;
    return p->exec_us + hv_time_now_us(hv) - p->run_start_us;
}

static int32_t system_status(struct hv *hv, uint32_t caller, uint32_t address)
{
    uint8_t out[XM_SYSTEM_STATUS_SIZE];
    hv_memset(out, 0, sizeof out);
    hv_put_be32(out + SYSTEM_OFFSET(resetStatus), hv->system.reset_status);
    hv_put_be32(out + SYSTEM_OFFSET(resetCounter), hv->system.reset_counter);
    hv_put_be64(out + SYSTEM_OFFSET(noHmEvents), hv->hm.events);
    hv_put_be64(out + SYSTEM_OFFSET(noIrqs), hv->system.irqs);
    hv_put_be64(out + SYSTEM_OFFSET(currentMaf), hv->sched.maf_count);
    if (!hv_port_copy_to_guest(hv, caller, address, out, sizeof out))
        return XM_INVALID_PARAM;
    return XM_OK;
}

/* The hv_partition_state values are XM_STATUS_* already. A partition runs
 * one vCPU; XM-Q's others (CONFIG_NO_VCPUS) stay halted unless started. */
static int32_t partition_status(struct hv *hv, uint32_t caller, uint32_t id, uint32_t address)
{
    const struct hv_partition *p = &hv->partitions[id];
    uint8_t out[XM_PARTITION_STATUS_SIZE];
    hv_memset(out, 0, sizeof out);
    hv_put_be32(out + PARTITION_OFFSET(state), (uint32_t)p->state);
    for (uint32_t vcpu = 1; vcpu < CONFIG_NO_VCPUS; vcpu++)
        hv_put_be32(out + PARTITION_OFFSET(state) + 4 * vcpu, XM_STATUS_HALTED);
    hv_put_be32(out + PARTITION_OFFSET(resetCounter), p->reset_counter);
    hv_put_be32(out + PARTITION_OFFSET(resetStatus), p->reset_status);
    hv_put_be64(out + PARTITION_OFFSET(execClock), hv_status_exec_us(hv, id));
    if (!hv_port_copy_to_guest(hv, caller, address, out, sizeof out))
        return XM_INVALID_PARAM;
    return XM_OK;
}

int32_t hv_status_ctrl_object(struct hv *hv, uint32_t caller, uint32_t desc, uint32_t command,
                              uint32_t address)
{
    uint32_t id = OBJDESC_GET_PARTITIONID(desc);
    if (id != caller && !hv_partition_is_system(hv, caller))
        return XM_PERM_ERROR;
    if (command != XM_GET_SYSTEM_STATUS)
        return XM_INVALID_PARAM;
    if (id == XM_HYPERVISOR_ID)
        return system_status(hv, caller, address);
    if (id >= hv->config->partition_count)
        return XM_INVALID_PARAM;
    return partition_status(hv, caller, id, address);
}
