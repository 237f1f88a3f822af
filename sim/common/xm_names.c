/* sim/common: the names of the partition ABI's numbers (xm_names.h): HM
 * events and actions as XM_CF spells them ("XM_HM_EV_...", "XM_HM_AC_...")
 * and short ("DIVIDE..."), hypercalls as the XM_CF policy spells them
 * (hvcore's table), return codes, SPARC V8 trap types, partition states. */
#include "sim/common/xm_names.h"
#include <hvcore/hv.h>
#include <hvcore/policy.h>
#include <stdio.h>
#include <string.h>
#include <xm/hm.h>
#include <xm/hypercalls.h>

#define SIM_NAME(x) [x] = #x
static const char *const sim_hm_events[XM_HM_MAX_EVENTS] = {
    SIM_NAME(XM_HM_EV_INTERNAL_ERROR),
    SIM_NAME(XM_HM_EV_UNEXPECTED_TRAP),
    SIM_NAME(XM_HM_EV_PARTITION_UNRECOVERABLE),
    SIM_NAME(XM_HM_EV_PARTITION_ERROR),
    SIM_NAME(XM_HM_EV_PARTITION_INTEGRITY),
    SIM_NAME(XM_HM_EV_MEM_PROTECTION),
    SIM_NAME(XM_HM_EV_OVERRUN),
    SIM_NAME(XM_HM_EV_SCHED_ERROR),
    SIM_NAME(XM_HM_EV_WATCHDOG_TIMER),
    SIM_NAME(XM_HM_EV_INCOMPATIBLE_INTERFACE),
    SIM_NAME(XM_HM_EV_EXTSYNC_ERROR),
    SIM_NAME(XM_HM_EV_SPARCV8_WRITE_ERROR),
    SIM_NAME(XM_HM_EV_SPARCV8_INSTR_ACCESS_MMU_MISS),
    SIM_NAME(XM_HM_EV_SPARCV8_INSTR_ACCESS_ERROR),
    SIM_NAME(XM_HM_EV_SPARCV8_REGISTER_HARDWARE_ERROR),
    SIM_NAME(XM_HM_EV_SPARCV8_INSTR_ACCESS_EXCEPTION),
    SIM_NAME(XM_HM_EV_SPARCV8_PRIVILEGED_INSTR),
    SIM_NAME(XM_HM_EV_SPARCV8_ILLEGAL_INSTR),
    SIM_NAME(XM_HM_EV_SPARCV8_FP_DISABLED),
    SIM_NAME(XM_HM_EV_SPARCV8_CP_DISABLED),
    SIM_NAME(XM_HM_EV_SPARCV8_UNIMPLEMENTED_FLUSH),
    SIM_NAME(XM_HM_EV_SPARCV8_WATCHPOINT_DETECTED),
    SIM_NAME(XM_HM_EV_SPARCV8_MEM_ADDR_NOT_ALIGNED),
    SIM_NAME(XM_HM_EV_SPARCV8_FP_EXCEPTION),
    SIM_NAME(XM_HM_EV_SPARCV8_CP_EXCEPTION),
    SIM_NAME(XM_HM_EV_SPARCV8_DATA_ACCESS_ERROR),
    SIM_NAME(XM_HM_EV_SPARCV8_DATA_ACCESS_MMU_MISS),
    SIM_NAME(XM_HM_EV_SPARCV8_DATA_ACCESS_EXCEPTION),
    SIM_NAME(XM_HM_EV_SPARCV8_TAG_OVERFLOW),
    SIM_NAME(XM_HM_EV_SPARCV8_DIVIDE_EXCEPTION),
    SIM_NAME(XM_HM_EV_SPARCV8_UNCORRECTABLE_EDAC_ERROR),
    SIM_NAME(XM_HM_EV_APP_DEADLINE_MISSED),
    SIM_NAME(XM_HM_EV_APP_APPLICATION_ERROR),
    SIM_NAME(XM_HM_EV_APP_NUMERIC_ERROR),
    SIM_NAME(XM_HM_EV_APP_ILLEGAL_REQUEST),
    SIM_NAME(XM_HM_EV_APP_STACK_OVERFLOW),
    SIM_NAME(XM_HM_EV_APP_MEMORY_VIOLATION),
    SIM_NAME(XM_HM_EV_APP_HARDWARE_FAULT),
    SIM_NAME(XM_HM_EV_APP_POWER_FAIL),
    SIM_NAME(XM_HM_EV_HYPERCALL_DENIED), /* hvsim's own (docs/health-monitor.md) */
};

static const char *const sim_hm_actions[XM_HM_MAX_ACTIONS] = {
    SIM_NAME(XM_HM_AC_IGNORE),
    SIM_NAME(XM_HM_AC_PARTITION_COLD_RESET),
    SIM_NAME(XM_HM_AC_PARTITION_WARM_RESET),
    SIM_NAME(XM_HM_AC_HYPERVISOR_COLD_RESET),
    SIM_NAME(XM_HM_AC_HYPERVISOR_WARM_RESET),
    SIM_NAME(XM_HM_AC_SUSPEND),
    SIM_NAME(XM_HM_AC_HALT),
    SIM_NAME(XM_HM_AC_PROPAGATE),
    SIM_NAME(XM_HM_AC_SWITCH_TO_MAINTENANCE),
};

const char *sim_hm_event_name(uint32_t event)
{
    return event < XM_HM_MAX_EVENTS ? sim_hm_events[event] : "unknown HM event";
}

const char *sim_hm_action_name(uint32_t action)
{
    return action < XM_HM_MAX_ACTIONS ? sim_hm_actions[action] : "unknown HM action";
}

/* The names without their prefix point into the same strings. */
static const char *without(const char *name, const char *prefix)
{
    size_t n = strlen(prefix);
    return strncmp(name, prefix, n) == 0 ? name + n : name;
}

const char *sim_hm_event_short_name(uint32_t event)
{
    return without(sim_hm_event_name(event), "XM_HM_EV_");
}

const char *sim_hm_action_short_name(uint32_t action)
{
    return without(sim_hm_action_name(action), "XM_HM_AC_");
}

const char *sim_hypercall_name(uint32_t nr)
{
    return hv_policy_call_name(nr);
}

static const char *const sim_asm_hypercalls[NR_ASM_HYPERCALLS] = {
    [sparc_iret_nr] = "sparc_iret",
    [sparc_flush_regwin_nr] = "sparc_flush_regwin",
    [sparc_get_psr_nr] = "sparc_get_psr",
    [sparc_set_psr_nr] = "sparc_set_psr",
    [sparc_set_pil_nr] = "sparc_set_pil",
    [sparc_clear_pil_nr] = "sparc_clear_pil",
    [sparc_ctrl_winflow_nr] = "sparc_ctrl_winflow",
};

const char *sim_asm_hypercall_name(uint32_t nr)
{
    return nr < NR_ASM_HYPERCALLS ? sim_asm_hypercalls[nr] : NULL;
}

static const char *const sim_results[] = {
    SIM_NAME(XM_OK),
    [-XM_NO_ACTION] = "XM_NO_ACTION",
    [-XM_UNKNOWN_HYPERCALL] = "XM_UNKNOWN_HYPERCALL",
    [-XM_INVALID_PARAM] = "XM_INVALID_PARAM",
    [-XM_PERM_ERROR] = "XM_PERM_ERROR",
    [-XM_INVALID_CONFIG] = "XM_INVALID_CONFIG",
    [-XM_INVALID_MODE] = "XM_INVALID_MODE",
    [-XM_NOT_AVAILABLE] = "XM_NOT_AVAILABLE",
    [-XM_OP_NOT_ALLOWED] = "XM_OP_NOT_ALLOWED",
};

const char *sim_xm_result_name(int32_t result)
{
    bool known =
        result <= 0 && -(int64_t)result < (int64_t)(sizeof sim_results / sizeof *sim_results);
    return known ? sim_results[-(int64_t)result] : NULL;
}

/* The SPARC V8 manual's trap types (table 7-1), in words. */
static const char *const sim_traps[0x40] = {
    [0x00] = "reset",
    [0x01] = "instruction access exception",
    [0x02] = "illegal instruction",
    [0x03] = "privileged instruction",
    [0x04] = "fp disabled",
    [0x05] = "window overflow",
    [0x06] = "window underflow",
    [0x07] = "memory address not aligned",
    [0x08] = "fp exception",
    [0x09] = "data access exception",
    [0x0a] = "tag overflow",
    [0x0b] = "watchpoint detected",
    [0x20] = "register access error",
    [0x21] = "instruction access error",
    [0x24] = "cp disabled",
    [0x25] = "unimplemented flush",
    [0x28] = "cp exception",
    [0x29] = "data access error",
    [0x2a] = "division by zero",
    [0x2b] = "data store error",
    [0x2c] = "data access MMU miss",
    [0x3c] = "instruction access MMU miss",
};

const char *sim_trap_name(uint32_t tt, char *out, size_t size)
{
    if (tt < 0x40 && sim_traps[tt])
        snprintf(out, size, "%s", sim_traps[tt]);
    else if (tt > 0x10 && tt < 0x20)
        snprintf(out, size, "interrupt level %u", tt - 0x10);
    else if (tt == XM_HYPERCALL_TRAP)
        snprintf(out, size, "hypercall");
    else if (tt == XM_ASMHYPERCALL_TRAP)
        snprintf(out, size, "assembly hypercall");
    else if (tt >= 0x80 && tt < 0x100)
        snprintf(out, size, "software trap");
    else
        snprintf(out, size, "unknown trap");
    return out;
}

static const char *const sim_states[] = {
    [HV_STATE_IDLE] = "idle",
    [HV_STATE_READY] = "ready",
    [HV_STATE_SUSPENDED] = "suspended",
    [HV_STATE_HALTED] = "halted",
};

const char *sim_partition_state_name(uint32_t state)
{
    return state < sizeof sim_states / sizeof *sim_states ? sim_states[state] : NULL;
}

const char *sim_policy_refusal_name(uint32_t why)
{
    switch (why) {
    case HV_POLICY_CALL_DENIED:
        return "call_denied";
    case HV_POLICY_OBJECT_DENIED:
        return "object_denied";
    case HV_POLICY_TARGET_DENIED:
        return "target_denied";
    }
    return NULL;
}

/* "PREFIXname (number)" or "unknown (number)". */
static void with_number(const char *prefix, const char *name, int64_t number, char *out,
                        size_t size)
{
    snprintf(out, size, "%s%s (%lld)", name ? prefix : "", name ? name : "unknown",
             (long long)number);
}

void sim_format_hypercall(uint32_t nr, char *out, size_t size)
{
    with_number("XM_", sim_hypercall_name(nr), nr, out, size);
}

void sim_format_asm_hypercall(uint32_t nr, char *out, size_t size)
{
    with_number("XM_", sim_asm_hypercall_name(nr), nr, out, size);
}

void sim_format_xm_result(int32_t result, char *out, size_t size)
{
    if (result > 0)
        snprintf(out, size, "%d", (int)result);
    else
        with_number("", sim_xm_result_name(result), result, out, size);
}

static bool is_known(const char *name)
{
    return strncmp(name, "unknown", 7) != 0;
}

void sim_format_hm_event(uint32_t event, char *out, size_t size)
{
    const char *name = sim_hm_event_name(event);
    with_number("", is_known(name) ? name : NULL, event, out, size);
}

void sim_format_hm_action(uint32_t action, char *out, size_t size)
{
    const char *name = sim_hm_action_name(action);
    with_number("", is_known(name) ? name : NULL, action, out, size);
}
