/* sim/: the notices of hypercalls that fail (docs/simulator.md, "Failed
 * hypercalls"): one line the first time a call site gets an error, then
 * a count at the end of the run. The call site is where the partition
 * called the libxm function that made the hypercall, found from the
 * register windows and, with the image's symbols, named after it:
 *   hvsim: 4025 us: partition 1 (Reader): XM_create_queuing_port returned
 *   XM_INVALID_CONFIG (-5) at 0x40001234 <main+0x20>
 * XM_NO_ACTION and XM_NOT_AVAILABLE (nothing to do, an empty or full
 * port: a partition's ordinary polling) get no notice; every failure is in
 * the trace. */
#ifndef SIM_HYPERCALL_NOTICE_H
#define SIM_HYPERCALL_NOTICE_H

#include "sim/common/symbols.h"
#include <hvcore/config.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

struct vcpu;

/* Call sites remembered; failures at further sites are only counted. */
#define SIM_HYPERCALL_SITES 64
#define SIM_HYPERCALL_NAME_MAX 64

struct sim_hypercall_site {
    uint32_t partition, pc;
    uint64_t count;
    int32_t result; /* the first failure's */
    char call[SIM_HYPERCALL_NAME_MAX];
};

struct sim_hypercall_notices {
    struct sim_hypercall_site sites[SIM_HYPERCALL_SITES];
    uint32_t site_count;
    uint64_t unlisted; /* failures at sites past the table */
};

/* What the notice needs to know of the failed call. */
struct sim_hypercall_failure {
    uint64_t us;
    uint32_t partition;
    const char *name; /* the partition's */
    uint32_t nr;
    int32_t result;
    const struct sim_symbols *symbols; /* the partition's, or NULL */
};

/* Does result deserve a notice? */
bool sim_hypercall_is_misuse(int32_t result);
/* The failure f of the hypercall the vCPU is stopped at (its `ta`): a
 * notice on diag the first time at its call site, a count after. */
void sim_hypercall_notice(struct sim_hypercall_notices *notices, struct vcpu *vcpu,
                          const struct sim_hypercall_failure *f, FILE *diag);
/* At the end of the run: each call site that failed more than once, with
 * its count, and the failures past the table. symbols: one table per
 * partition, or NULL. */
void sim_hypercall_summary(const struct sim_hypercall_notices *notices,
                           const struct hv_config *config, const struct sim_symbols *symbols,
                           FILE *diag);

#endif
