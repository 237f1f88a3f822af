/* hvcore: the hypercall policy's vocabulary (hvsim's own extension,
 * docs/configuration.md "Hypercall policy"). A partition's struct
 * hv_policy (hvcore/config.h) lists the hypercalls it may make, by number,
 * and for the object hypercalls (read/write/seek/ctrl_object) the object
 * classes it may reach; the groups below are the names an integrator uses.
 * One table for the XM_CF loader, the checks and the documentation. */
#ifndef HVCORE_POLICY_H
#define HVCORE_POLICY_H

#include <hvcore/config.h>
#include <stdint.h>
#include <xm/hypercalls.h>
#include <xm/objdir.h>

#define HV_POLICY_CALL(nr) ((uint64_t)1 << (nr))
#define HV_POLICY_OBJECT(class) ((uint32_t)1 << (class))

/* The four object hypercalls: allowed for a descriptor when the call's bit
 * and the descriptor's class bit are both set. */
#define HV_POLICY_OBJECT_CALLS                                                                     \
    (HV_POLICY_CALL(read_object_nr) | HV_POLICY_CALL(write_object_nr) |                            \
     HV_POLICY_CALL(seek_object_nr) | HV_POLICY_CALL(ctrl_object_nr))

/* What every partition keeps whatever its policy: calls that act only on
 * itself (its trap table, its own interrupt masks, pending bits and
 * routes, its virtual CPUs, giving up its CPU time) and its own console,
 * which XM_CF grants with Partition@console. So do the management calls
 * that name the caller itself (HV_POLICY_TARGETED_CALLS): XAL's start-up
 * halts the partition when PartitionMain returns. The assembly hypercalls
 * (ta 0xF1) are never filtered either. */
#define HV_POLICY_BASE_CALLS                                                                       \
    (HV_POLICY_CALL(clear_irqmask_nr) | HV_POLICY_CALL(set_irqmask_nr) |                           \
     HV_POLICY_CALL(set_irqpend_nr) | HV_POLICY_CALL(clear_irqpend_nr) |                           \
     HV_POLICY_CALL(route_irq_nr) | HV_POLICY_CALL(sparc_write_tbr_nr) |                           \
     HV_POLICY_CALL(idle_self_nr) | HV_POLICY_CALL(get_vcpuid_nr) |                                \
     HV_POLICY_CALL(reset_vcpu_nr) | HV_POLICY_CALL(halt_vcpu_nr) | HV_POLICY_OBJECT_CALLS)
#define HV_POLICY_BASE_OBJECTS HV_POLICY_OBJECT(OBJ_CLASS_CONSOLE)

/* Management calls name a target partition in their first argument; a
 * policy's targets restrict the partitions other than the caller. */
#define HV_POLICY_TARGETED_CALLS                                                                   \
    (HV_POLICY_CALL(halt_partition_nr) | HV_POLICY_CALL(suspend_partition_nr) |                    \
     HV_POLICY_CALL(resume_partition_nr) | HV_POLICY_CALL(reset_partition_nr) |                    \
     HV_POLICY_CALL(shutdown_partition_nr))

struct hv_policy_group {
    const char *name; /* as XM_CF writes it */
    uint64_t calls;
    uint32_t objects;
};

/* management, time, ports, hm, trace, io, cache, plan, ipvi, status,
 * memory, mmu (the MMU paravirtualisation calls). */
extern const struct hv_policy_group hv_policy_groups[];
extern const uint32_t hv_policy_group_count;

/* The hypercall's name without its "_nr" (XM-Q's), or NULL for a number
 * XtratuM leaves empty. */
const char *hv_policy_call_name(uint32_t nr);

/* Why a call was refused (HV_TRACE_POLICY_DENIED's c). */
enum hv_policy_refusal {
    HV_POLICY_CALL_DENIED = 1,   /* the hypercall is not in the policy */
    HV_POLICY_OBJECT_DENIED = 2, /* an object call on a class the policy does not give */
    HV_POLICY_TARGET_DENIED = 3, /* a management call on a partition not among the targets */
};

#endif
