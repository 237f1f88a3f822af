/* hvcore: the hypercall table (XM-Q 1.0 numbering, `ta 0xF0`). The
 * partition's hypercall policy (policy.c) is checked first; then every
 * handler has one shape: permission check, argument and guest-pointer
 * check through the port's checked copies, the action, an XM return code.
 * Numbers without a handler yet answer XM_UNKNOWN_HYPERCALL, as XtratuM does
 * for an empty table entry. */
#include "bytes.h"
#include "internal.h"
#include <hvcore/trace.h>
#include <xm/api.h>
#include <xm/hypercalls.h>
#include <xm/objdir.h>
#include <xm/plan.h>

struct hv_call {
    uint32_t caller;
    const uint32_t *args;  /* %o1..%o5 */
    bool context_replaced; /* set by handlers after which the caller must not resume */
};

typedef int32_t (*hv_hypercall_fn)(struct hv *hv, struct hv_call *call);

/* A partition may act on itself; a system partition on any partition. */
static int32_t check_target(struct hv *hv, const struct hv_call *call, uint32_t target)
{
    if (target >= hv->config->partition_count)
        return XM_INVALID_PARAM;
    if (target != call->caller && !hv_partition_is_system(hv, call->caller))
        return XM_PERM_ERROR;
    return XM_OK;
}

static int32_t do_halt_partition(struct hv *hv, struct hv_call *call)
{
    uint32_t target = call->args[0];
    int32_t status = check_target(hv, call, target);
    if (status != XM_OK)
        return status;
    if (hv->partitions[target].state == HV_STATE_HALTED)
        return XM_NO_ACTION;
    hv_partition_halt(hv, target);
    call->context_replaced = target == call->caller;
    return XM_OK;
}

static int32_t do_suspend_partition(struct hv *hv, struct hv_call *call)
{
    int32_t status = check_target(hv, call, call->args[0]);
    return status != XM_OK ? status : hv_manage_suspend(hv, call->args[0]);
}

/* Only a system partition resumes (a suspended partition cannot call). */
static int32_t do_resume_partition(struct hv *hv, struct hv_call *call)
{
    if (!hv_partition_is_system(hv, call->caller))
        return XM_PERM_ERROR;
    int32_t status = check_target(hv, call, call->args[0]);
    return status != XM_OK ? status : hv_manage_resume(hv, call->args[0]);
}

/* reset_partition(id, ePoint, mode, status). Resetting itself, the caller
 * does not return (hv_hypercall sees it restarted). */
static int32_t do_reset_partition(struct hv *hv, struct hv_call *call)
{
    int32_t status = check_target(hv, call, call->args[0]);
    if (status != XM_OK)
        return status;
    return hv_manage_reset(hv, call->args[0], call->args[1], call->args[2], call->args[3]);
}

static int32_t do_shutdown_partition(struct hv *hv, struct hv_call *call)
{
    int32_t status = check_target(hv, call, call->args[0]);
    if (status != XM_OK)
        return status;
    hv_virq_raise_extended(hv, call->args[0], XM_VT_EXT_SHUTDOWN);
    return XM_OK;
}

static int32_t do_halt_system(struct hv *hv, struct hv_call *call)
{
    if (!hv_partition_is_system(hv, call->caller))
        return XM_PERM_ERROR;
    hv_system_halt(hv, (int32_t)call->caller);
    call->context_replaced = true;
    return XM_OK;
}

static int32_t do_reset_system(struct hv *hv, struct hv_call *call)
{
    if (!hv_partition_is_system(hv, call->caller))
        return XM_PERM_ERROR;
    if (call->args[0] != XM_COLD_RESET && call->args[0] != XM_WARM_RESET)
        return XM_INVALID_PARAM;
    hv_system_reset(hv, call->args[0]);
    return XM_OK;
}

static int32_t do_idle_self(struct hv *hv, struct hv_call *call)
{
    hv_partition_idle(hv, call->caller);
    return XM_OK;
}

static int32_t do_get_time(struct hv *hv, struct hv_call *call)
{
    uint8_t time[8];
    uint64_t value;
    if (call->args[0] == XM_HW_CLOCK)
        value = hv_time_now_us(hv);
    else if (call->args[0] == XM_EXEC_CLOCK)
        value = hv->partitions[call->caller].exec_us + hv_time_now_us(hv) -
                hv->partitions[call->caller].run_start_us;
    else
        return XM_INVALID_PARAM;
    hv_put_be64(time, value);
    if (!hv_port_copy_to_guest(hv, call->caller, call->args[1], time, sizeof time))
        return XM_INVALID_PARAM;
    return XM_OK;
}

/* The console object: write only, to the caller's own console. */
static int32_t console_write(struct hv *hv, uint32_t caller, const uint32_t *args)
{
    if (OBJDESC_GET_PARTITIONID(args[0]) != caller)
        return XM_PERM_ERROR;
    return hv_console_write_guest(hv, caller, args[1], args[2]);
}

static const struct hv_object_class console_object = {.write = console_write};

/* The status object: the system's and partitions' status, the plan status. */
static int32_t status_ctrl(struct hv *hv, uint32_t caller, const uint32_t *args)
{
    if (args[1] == XM_GET_SCHED_PLAN_STATUS)
        return hv_plan_status(hv, caller, args[2]);
    return hv_status_ctrl_object(hv, caller, args[0], args[1], args[2]);
}

static const struct hv_object_class status_object = {.ctrl = status_ctrl};

/* The HM object: the log (read, status) and application events (write). */
static int32_t hm_read(struct hv *hv, uint32_t caller, const uint32_t *args)
{
    return hv_hm_read_object(hv, caller, args[0], args[1], args[2]);
}

static int32_t hm_write(struct hv *hv, uint32_t caller, const uint32_t *args)
{
    return hv_hm_write_object(hv, caller, args[0], args[1], args[2]);
}

static int32_t hm_ctrl(struct hv *hv, uint32_t caller, const uint32_t *args)
{
    return hv_hm_ctrl_object(hv, caller, args[0], args[1], args[2]);
}

static const struct hv_object_class hm_object = {
    .read = hm_read, .write = hm_write, .ctrl = hm_ctrl};

/* read/write/seek/ctrl_object go to the descriptor's class: one entry per
 * class; a class without an entry answers XM_INVALID_PARAM. */
static const struct hv_object_class *const object_classes[OBJ_NO_CLASSES] = {
    [OBJ_CLASS_CONSOLE] = &console_object,
    [OBJ_CLASS_TRACE] = &hv_trace_object,
    [OBJ_CLASS_SAMPLING_PORT] = &hv_sampling_port_object,
    [OBJ_CLASS_QUEUING_PORT] = &hv_queuing_port_object,
    [OBJ_CLASS_MEM] = &hv_mem_object,
    [OBJ_CLASS_STATUS] = &status_object,
    [OBJ_CLASS_HM] = &hm_object,
};

static const struct hv_object_class *object_class(uint32_t desc)
{
    uint32_t class = OBJDESC_GET_CLASS(desc);
    return class < OBJ_NO_CLASSES ? object_classes[class] : 0;
}

static int32_t object_call(struct hv *hv, const struct hv_call *call, hv_object_op op)
{
    return op != 0 ? op(hv, call->caller, call->args) : XM_INVALID_PARAM;
}

/* read_object(desc, buffer, size, flags*) */
static int32_t do_read_object(struct hv *hv, struct hv_call *call)
{
    const struct hv_object_class *class = object_class(call->args[0]);
    return object_call(hv, call, class != 0 ? class->read : 0);
}

/* write_object(desc, buffer, size, flags*) */
static int32_t do_write_object(struct hv *hv, struct hv_call *call)
{
    const struct hv_object_class *class = object_class(call->args[0]);
    return object_call(hv, call, class != 0 ? class->write : 0);
}

/* seek_object(desc, offset, whence) */
static int32_t do_seek_object(struct hv *hv, struct hv_call *call)
{
    const struct hv_object_class *class = object_class(call->args[0]);
    return object_call(hv, call, class != 0 ? class->seek : 0);
}

/* ctrl_object(desc, cmd, arg*) */
static int32_t do_ctrl_object(struct hv *hv, struct hv_call *call)
{
    const struct hv_object_class *class = object_class(call->args[0]);
    return object_call(hv, call, class != 0 ? class->ctrl : 0);
}

static int32_t do_sparc_write_tbr(struct hv *hv, struct hv_call *call)
{
    return hv_vtrap_write_tbr(hv, call->caller, call->args[0]);
}

/* Timers, plans, interrupts and partition devices (timer.c, plan.c,
 * virq.c, ioport.c, gid.c). A 64-bit xmTime_t takes two registers, high
 * word first. */
static int64_t time_arg(const uint32_t *args)
{
    return (int64_t)(((uint64_t)args[0] << 32) | args[1]);
}

static int32_t do_set_timer(struct hv *hv, struct hv_call *call)
{
    return hv_timer_set(hv, call->caller, call->args[0], time_arg(&call->args[1]),
                        time_arg(&call->args[3]));
}

static int32_t do_switch_sched_plan(struct hv *hv, struct hv_call *call)
{
    return hv_plan_request(hv, call->caller, call->args[0], call->args[1]);
}

static int32_t do_clear_irqmask(struct hv *hv, struct hv_call *call)
{
    return hv_virq_clear_mask(hv, call->caller, call->args[0], call->args[1]);
}

static int32_t do_set_irqmask(struct hv *hv, struct hv_call *call)
{
    return hv_virq_set_mask(hv, call->caller, call->args[0], call->args[1]);
}

static int32_t do_set_irqpend(struct hv *hv, struct hv_call *call)
{
    return hv_virq_set_pend(hv, call->caller, call->args[0], call->args[1]);
}

static int32_t do_clear_irqpend(struct hv *hv, struct hv_call *call)
{
    return hv_virq_clear_pend(hv, call->caller, call->args[0], call->args[1]);
}

static int32_t do_route_irq(struct hv *hv, struct hv_call *call)
{
    return hv_virq_route(hv, call->caller, call->args[0], call->args[1], call->args[2]);
}

static int32_t do_raise_ipvi(struct hv *hv, struct hv_call *call)
{
    return hv_virq_raise_ipvi(hv, call->caller, call->args[0] & 0xffu);
}

/* Caches are not modelled: valid requests are accepted and change nothing
 * (XM-Q SetCacheStateSys's checks). */
static int32_t do_set_cache_state(struct hv *hv, struct hv_call *call)
{
    uint32_t cache = call->args[0], action = call->args[1];
    (void)hv;
    if (action < XM_ACTIVATE_CACHE || action > XM_FLUSH_CACHE)
        return XM_INVALID_PARAM;
    if (cache != XM_DCACHE && cache != XM_ICACHE)
        return XM_INVALID_PARAM;
    return XM_OK;
}

static int32_t do_get_gid_by_name(struct hv *hv, struct hv_call *call)
{
    return hv_gid_by_name(hv, call->caller, call->args[0], call->args[1]);
}

static int32_t do_halt_vcpu(struct hv *hv, struct hv_call *call)
{
    return hv_vcpu_halt(hv, call->caller, call->args[0], &call->context_replaced);
}

static int32_t do_reset_vcpu(struct hv *hv, struct hv_call *call)
{
    return hv_vcpu_reset(hv, call->caller, call->args[0], call->args[1]);
}

static int32_t do_reload_watchdog(struct hv *hv, struct hv_call *call)
{
    return hv_watchdog_reload(hv, call->caller, time_arg(&call->args[0]));
}

static int32_t do_get_vcpuid(struct hv *hv, struct hv_call *call)
{
    (void)hv;
    (void)call;
    return 0; /* one virtual CPU per partition */
}

static int32_t do_sparc_inport(struct hv *hv, struct hv_call *call)
{
    return hv_ioport_in(hv, call->caller, call->args[0], call->args[1]);
}

static int32_t do_sparc_outport(struct hv *hv, struct hv_call *call)
{
    return hv_ioport_out(hv, call->caller, call->args[0], call->args[1]);
}

/* The MMU paravirtualisation (mmu.c): a partition's own page tables. */
static int32_t do_set_page_type(struct hv *hv, struct hv_call *call)
{
    return hv_mmu_set_page_type(hv, call->caller, call->args[0], call->args[1]);
}

static int32_t do_update_page32(struct hv *hv, struct hv_call *call)
{
    return hv_mmu_update_page32(hv, call->caller, call->args[0], call->args[1]);
}

static int32_t do_write_register32(struct hv *hv, struct hv_call *call)
{
    return hv_mmu_write_register32(hv, call->caller, call->args[0], call->args[1]);
}

static int32_t do_invld_tlb(struct hv *hv, struct hv_call *call)
{
    return hv_mmu_invld_tlb(hv, call->caller, call->args[0]);
}

static const hv_hypercall_fn hypercall_table[NR_HYPERCALLS] = {
    [halt_partition_nr] = do_halt_partition,
    [suspend_partition_nr] = do_suspend_partition,
    [resume_partition_nr] = do_resume_partition,
    [reset_partition_nr] = do_reset_partition,
    [shutdown_partition_nr] = do_shutdown_partition,
    [halt_system_nr] = do_halt_system,
    [reset_system_nr] = do_reset_system,
    [idle_self_nr] = do_idle_self,
    [get_time_nr] = do_get_time,
    [read_object_nr] = do_read_object,
    [write_object_nr] = do_write_object,
    [seek_object_nr] = do_seek_object,
    [ctrl_object_nr] = do_ctrl_object,
    [sparc_write_tbr_nr] = do_sparc_write_tbr,
    [set_timer_nr] = do_set_timer,
    [clear_irqmask_nr] = do_clear_irqmask,
    [set_irqmask_nr] = do_set_irqmask,
    [set_irqpend_nr] = do_set_irqpend,
    [clear_irqpend_nr] = do_clear_irqpend,
    [route_irq_nr] = do_route_irq,
    [set_cache_state_nr] = do_set_cache_state,
    [switch_sched_plan_nr] = do_switch_sched_plan,
    [get_gid_by_name_nr] = do_get_gid_by_name,
    [sparc_inport_nr] = do_sparc_inport,
    [sparc_outport_nr] = do_sparc_outport,
    [get_vcpuid_nr] = do_get_vcpuid,
    [raise_ipvi_nr] = do_raise_ipvi,
    [reset_vcpu_nr] = do_reset_vcpu,
    [halt_vcpu_nr] = do_halt_vcpu,
    [reload_watchdog_nr] = do_reload_watchdog,
    [set_page_type_nr] = do_set_page_type,
    [update_page32_nr] = do_update_page32,
    [write_register32_nr] = do_write_register32,
    [invld_tlb_nr] = do_invld_tlb,
};

bool hv_hypercall(struct hv *hv, const uint32_t regs[6], int32_t *result)
{
    struct hv_call call = {.caller = (uint32_t)hv->sched.current, .args = &regs[1]};
    uint32_t nr = regs[0];
    if (hv->sched.current == HV_IDLE) {
        *result = XM_INVALID_MODE;
        return true;
    }
    if (nr >= NR_HYPERCALLS || hypercall_table[nr] == 0) {
        *result = XM_UNKNOWN_HYPERCALL;
        hv_trace(hv, HV_TRACE_HYPERCALL, (int32_t)call.caller, nr, (uint32_t)*result, 0);
        return true;
    }
    uint32_t boots = hv->partitions[call.caller].boots;
    if (hv_policy_allows(hv, call.caller, nr, call.args))
        *result = hypercall_table[nr](hv, &call);
    else
        *result = XM_PERM_ERROR;
    hv_trace(hv, HV_TRACE_HYPERCALL, (int32_t)call.caller, nr, (uint32_t)*result, 0);
    /* A caller restarted by its call (its own reset, a system reset, an HM
     * action) does not return from it. */
    return !call.context_replaced && hv->partitions[call.caller].boots == boots;
}
