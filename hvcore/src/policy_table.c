/* hvcore: the hypercall policy's names (hvcore/policy.h): the groups an
 * integrator writes in XM_CF and the hypercalls' own names. A library of
 * its own (hvcore_policy): the XM_CF loader needs the names, the core only
 * the bits. */
#include <hvcore/policy.h>

#define CALL HV_POLICY_CALL
#define OBJECT HV_POLICY_OBJECT

const struct hv_policy_group hv_policy_groups[] = {
    {"management",
     CALL(halt_partition_nr) | CALL(suspend_partition_nr) | CALL(resume_partition_nr) |
         CALL(reset_partition_nr) | CALL(shutdown_partition_nr) | CALL(halt_system_nr) |
         CALL(reset_system_nr),
     0},
    {"time", CALL(get_time_nr) | CALL(set_timer_nr), 0},
    {"ports", 0, OBJECT(OBJ_CLASS_SAMPLING_PORT) | OBJECT(OBJ_CLASS_QUEUING_PORT)},
    {"hm", CALL(reload_watchdog_nr), OBJECT(OBJ_CLASS_HM)},
    {"trace", 0, OBJECT(OBJ_CLASS_TRACE)},
    {"io",
     CALL(sparc_inport_nr) | CALL(sparc_outport_nr) | CALL(sparc_disable_sdp_nr) |
         CALL(sparc_outport_sdp_nr) | CALL(sparc_outport_msg_nr),
     0},
    {"cache", CALL(set_cache_state_nr), 0},
    {"plan", CALL(switch_sched_plan_nr), 0},
    {"ipvi", CALL(raise_ipvi_nr), 0},
    {"status", CALL(get_gid_by_name_nr), OBJECT(OBJ_CLASS_STATUS)},
    {"memory", 0, OBJECT(OBJ_CLASS_MEM)},
    {"mmu",
     CALL(update_page32_nr) | CALL(set_page_type_nr) | CALL(invld_tlb_nr) |
         CALL(write_register32_nr),
     0},
};
const uint32_t hv_policy_group_count = sizeof hv_policy_groups / sizeof hv_policy_groups[0];

#define NAME(call) [call##_nr] = #call
static const char *const call_names[NR_HYPERCALLS] = {
    NAME(halt_partition),    NAME(suspend_partition),  NAME(resume_partition),
    NAME(reset_partition),   NAME(shutdown_partition), NAME(halt_system),
    NAME(reset_system),      NAME(idle_self),          NAME(get_time),
    NAME(set_timer),         NAME(read_object),        NAME(write_object),
    NAME(seek_object),       NAME(ctrl_object),        NAME(clear_irqmask),
    NAME(set_irqmask),       NAME(set_irqpend),        NAME(clear_irqpend),
    NAME(route_irq),         NAME(set_cache_state),    NAME(switch_sched_plan),
    NAME(get_gid_by_name),   NAME(sparc_inport),       NAME(sparc_outport),
    NAME(sparc_write_tbr),   NAME(sparc_disable_sdp),  NAME(sparc_outport_sdp),
    NAME(sparc_outport_msg), NAME(reset_vcpu),         NAME(halt_vcpu),
    NAME(get_vcpuid),        NAME(raise_ipvi),         NAME(reload_watchdog),
    NAME(update_page32),     NAME(set_page_type),      NAME(invld_tlb),
    NAME(write_register32),
};

const char *hv_policy_call_name(uint32_t nr)
{
    return nr < NR_HYPERCALLS ? call_names[nr] : 0;
}
