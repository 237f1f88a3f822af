/* sim/: the run's notices (notice.h). */
#include "sim/notice.h"
#include "sim/common/xm_names.h"
#include <xm/hypercalls.h>

void sim_notice_trap(FILE *diag, const struct sim_trap_notice *n)
{
    char trap[SIM_TRAP_NAME_MAX], pc[SIM_PC_TEXT_MAX];
    sim_trap_name(n->trap_type, trap, sizeof trap);
    sim_format_pc(n->symbols, n->pc, pc, sizeof pc);
    fprintf(diag, "hvsim: %llu us: partition %u (%s): %s (tt 0x%02x) at pc %s",
            (unsigned long long)n->us, n->partition, n->name, trap, n->trap_type, pc);
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

static void hm_notice_start(FILE *diag, const struct sim_hm_notice *n)
{
    fprintf(diag, "hvsim: %llu us: ", (unsigned long long)n->us);
    if (n->partition < 0)
        fprintf(diag, "hypervisor: ");
    else
        fprintf(diag, "partition %d (%s): ", n->partition, n->name);
}

static void hm_notice_event(FILE *diag, const struct sim_hm_notice *n)
{
    fprintf(diag, "HM event %s", sim_hm_event_name(n->event));
    if (n->partition >= 0) {
        char pc[SIM_PC_TEXT_MAX];
        sim_format_pc(n->symbols, n->pc, pc, sizeof pc);
        fprintf(diag, " at pc %s", pc);
    }
    fprintf(diag, ", action %s", sim_hm_action_name(n->action));
}

void sim_notice_hm(FILE *diag, const struct sim_hm_notice *n)
{
    hm_notice_start(diag, n);
    hm_notice_event(diag, n);
    fputc('\n', diag);
}

static struct sim_notice_place *find_place(struct sim_notice_places *places,
                                           const struct sim_hm_notice *n)
{
    for (uint32_t i = 0; i < places->count; i++) {
        struct sim_notice_place *p = &places->places[i];
        if (p->last.partition == n->partition && p->last.pc == n->pc && p->last.event == n->event)
            return p;
    }
    return NULL;
}

static bool power_of_ten(uint64_t n)
{
    while (n >= 10 && n % 10 == 0)
        n /= 10;
    return n == 1;
}

enum sim_notice_show sim_notice_count(struct sim_notice_places *places,
                                      const struct sim_hm_notice *n)
{
    struct sim_notice_place *p = find_place(places, n);
    if (!p && places->count == SIM_NOTICE_PLACES)
        return SIM_NOTICE_SHOW_NOTICE;
    if (!p)
        p = &places->places[places->count++], *p = (struct sim_notice_place){.last = *n};
    p->last = *n;
    p->count++;
    if (p->count > SIM_NOTICE_REPEATS && !power_of_ten(p->count))
        return SIM_NOTICE_SHOW_NOTHING;
    enum sim_notice_show show = p->count == 1                    ? SIM_NOTICE_SHOW_ALL
                                : p->count <= SIM_NOTICE_REPEATS ? SIM_NOTICE_SHOW_NOTICE
                                                                 : SIM_NOTICE_SHOW_SUMMARY;
    if (show == SIM_NOTICE_SHOW_SUMMARY)
        return show; /* sim_notice_repeats says how many since the last line, then marks them */
    p->shown = p->count;
    return show;
}

static void repeats_line(FILE *diag, const struct sim_notice_place *p, const char *total)
{
    fprintf(diag, "... %llu more: ", (unsigned long long)(p->count - p->shown));
    hm_notice_event(diag, &p->last);
    fprintf(diag, " (%llu %s)\n", (unsigned long long)p->count, total);
}

void sim_notice_repeats(FILE *diag, struct sim_notice_places *places, const struct sim_hm_notice *n)
{
    struct sim_notice_place *p = find_place(places, n);
    if (!p)
        return;
    hm_notice_start(diag, n);
    repeats_line(diag, p, "so far");
    p->shown = p->count;
}

void sim_notice_places_end(const struct sim_notice_places *places, FILE *diag)
{
    for (uint32_t i = 0; i < places->count; i++) {
        const struct sim_notice_place *p = &places->places[i];
        if (p->count == p->shown)
            continue;
        fprintf(diag, "hvsim: at the end: ");
        if (p->last.partition >= 0)
            fprintf(diag, "partition %d (%s): ", p->last.partition, p->last.name);
        else
            fprintf(diag, "hypervisor: ");
        repeats_line(diag, p, "in all");
    }
}
