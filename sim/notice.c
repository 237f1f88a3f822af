/* sim/: the run's notices (notice.h). */
#include "sim/notice.h"
#include "sim/config/hm_names.h"
#include <xm/hypercalls.h>

static const char *trap_name(uint32_t tt)
{
    switch (tt) {
    case 0x01:
        return "instruction access exception";
    case 0x02:
        return "illegal instruction";
    case 0x03:
        return "privileged instruction";
    case 0x04:
        return "fp disabled";
    case 0x07:
        return "memory address not aligned";
    case 0x08:
        return "fp exception";
    case 0x09:
        return "data access exception";
    case 0x0a:
        return "tag overflow";
    case 0x2a:
        return "division by zero";
    case XM_ASMHYPERCALL_TRAP:
        return "assembly hypercall";
    }
    return tt >= 0x80 ? "software trap" : "trap";
}

void sim_notice_trap(FILE *diag, const struct sim_trap_notice *n)
{
    fprintf(diag, "hvsim: %llu us: partition %u (%s): %s (tt 0x%02x) at pc 0x%08x",
            (unsigned long long)n->us, n->partition, n->name, trap_name(n->trap_type), n->trap_type,
            n->pc);
    if (n->trap_type == 0x01 || n->trap_type == 0x09)
        fprintf(diag, ", address 0x%08x", n->fault_address);
    if (n->outcome != HV_TRAP_FAULT)
        fprintf(diag, ": %s", hv_trap_outcome_str(n->outcome));
    if (n->outcome != HV_TRAP_NO_PARTITION)
        fprintf(diag, ": HM event %s, action %s", sim_hm_event_name(n->event),
                sim_hm_action_name(n->action));
    fputc('\n', diag);
}

/* The health monitor's event and the action it applied (issue 11: the
 * notice said "partition halted" whatever the action). */
void sim_notice_virq(FILE *diag, const struct sim_trap_notice *n)
{
    fprintf(diag,
            "hvsim: %llu us: partition %u (%s): virtual interrupt: %s: HM event %s, action %s\n",
            (unsigned long long)n->us, n->partition, n->name, hv_trap_outcome_str(n->outcome),
            sim_hm_event_name(n->event), sim_hm_action_name(n->action));
}

void sim_notice_halt(FILE *diag, uint64_t us, int32_t by, const char *name)
{
    fprintf(diag, "hvsim: %llu us: system halted", (unsigned long long)us);
    if (by >= 0)
        fprintf(diag, " by partition %d (%s)", by, name);
    fputc('\n', diag);
}
