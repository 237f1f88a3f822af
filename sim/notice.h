/* sim/: the one-line notices of a run on standard error (traps the health
 * monitor handled, failed virtual interrupts, the system halting), worded
 * once for both engines: the simulator (run.c) and the LEON3 image under
 * QEMU (sim/engine/qemu.c). */
#ifndef SIM_NOTICE_H
#define SIM_NOTICE_H

#include "sim/common/symbols.h"
#include <hvcore/hv.h>
#include <stdint.h>
#include <stdio.h>

struct sim_trap_notice {
    uint64_t us;
    uint32_t partition;
    const char *name; /* the partition's */
    uint32_t trap_type, pc, fault_address;
    enum hv_trap_outcome outcome;
    uint32_t event, action;            /* the health monitor's, unless NO_PARTITION */
    const struct sim_symbols *symbols; /* the partition image's, naming pc; NULL: plain hex */
};

void sim_notice_trap(FILE *diag, const struct sim_trap_notice *n);
/* A virtual interrupt whose delivery failed (trap_type, pc and
 * fault_address unused): the HM event and the action applied. */
void sim_notice_virq(FILE *diag, const struct sim_trap_notice *n);
/* An HM event that no trap or interrupt notice covers (raised in a
 * hypercall, the watchdog's); partition -1: the hypervisor's scope (name
 * and pc unused). */
struct sim_hm_notice {
    uint64_t us;
    int32_t partition;
    const char *name;
    uint32_t pc, event, action;
    const struct sim_symbols *symbols; /* as in sim_trap_notice */
};
void sim_notice_hm(FILE *diag, const struct sim_hm_notice *n);
/* Repeats (docs/debugging.md): the HM events at one place (partition, PC,
 * event) beyond its first SIM_NOTICE_REPEATS are not printed one by one: a
 * line at the place's 10th, 100th, 1000th... event, and one at the end of
 * the run, say how many more there were. Both engines count alike. */
#define SIM_NOTICE_REPEATS 3u
#define SIM_NOTICE_PLACES 64u
struct sim_notice_place {
    struct sim_hm_notice last;
    uint64_t count, shown; /* events at the place; the count a line last showed */
};
struct sim_notice_places {
    struct sim_notice_place places[SIM_NOTICE_PLACES];
    uint32_t count;
};
enum sim_notice_show {
    SIM_NOTICE_SHOW_ALL,     /* the place's first: the notice and the report */
    SIM_NOTICE_SHOW_NOTICE,  /* the notice (a place beyond SIM_NOTICE_PLACES: always) */
    SIM_NOTICE_SHOW_SUMMARY, /* sim_notice_repeats' line instead of the notice */
    SIM_NOTICE_SHOW_NOTHING,
};
enum sim_notice_show sim_notice_count(struct sim_notice_places *places,
                                      const struct sim_hm_notice *n);
/* The line of SHOW_SUMMARY for n's place. */
void sim_notice_repeats(FILE *diag, struct sim_notice_places *places,
                        const struct sim_hm_notice *n);
/* At the end of the run: a line for each place whose last events were
 * not shown. */
void sim_notice_places_end(const struct sim_notice_places *places, FILE *diag);
/* by: the partition that halted it, or -1 (name unused). */
void sim_notice_halt(FILE *diag, uint64_t us, int32_t by, const char *name);

#endif
