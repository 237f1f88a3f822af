/* sim/: the run's notices (notice.h). */
#include "sim/notice.h"
#include "sim/common/xm_names.h"
#include <xm/hypercalls.h>

void sim_notice_trap(FILE *diag, const struct sim_trap_notice *n)
{
    char trap[SIM_TRAP_NAME_MAX];
    sim_trap_name(n->trap_type, trap, sizeof trap);
    fprintf(diag, "hvsim: %llu us: partition %u (%s): %s (tt 0x%02x) at pc 0x%08x",
            (unsigned long long)n->us, n->partition, n->name, trap, n->trap_type, n->pc);
    if (n->trap_type == 0x01 || n->trap_type == 0x09)
        fprintf(diag, ", address 0x%08x", n->fault_address);
    if (n->outcome != HV_TRAP_FAULT)
        fprintf(diag, ": %s", hv_trap_outcome_str(n->outcome));
    if (n->outcome != HV_TRAP_NO_PARTITION)
        fprintf(diag, ": HM event %s, action %s", sim_hm_event_name(n->event),
                sim_hm_action_name(n->action));
    fputc('\n', diag);
}

void sim_notice_virq(FILE *diag, uint64_t us, uint32_t partition, const char *name,
                     enum hv_trap_outcome outcome)
{
    fprintf(diag, "hvsim: %llu us: partition %u (%s): virtual interrupt: %s: partition halted\n",
            (unsigned long long)us, partition, name, hv_trap_outcome_str(outcome));
}

void sim_notice_halt(FILE *diag, uint64_t us, int32_t by, const char *name)
{
    fprintf(diag, "hvsim: %llu us: system halted", (unsigned long long)us);
    if (by >= 0)
        fprintf(diag, " by partition %d (%s)", by, name);
    fputc('\n', diag);
}
