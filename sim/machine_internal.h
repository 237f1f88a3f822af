/* sim/: the machine's state, shared by machine.c (set-up and the run loop)
 * and port.c (hvcore's host port). */
#ifndef SIM_MACHINE_INTERNAL_H
#define SIM_MACHINE_INTERNAL_H

#include "sim/machine.h"
#include <stdbool.h>

struct sim_partition {
    struct vcpu *vcpu;
    uint8_t *pct; /* HV_PCT_AREA_SIZE bytes, page aligned, mapped read-only */
    uint32_t image_entry;
};

/* A memory area mapped into several partitions: one host buffer. */
struct sim_shared_area {
    uint32_t start;
    uint32_t size;
    uint8_t *buffer;
};

#define SIM_MAX_SHARED_AREAS 256

struct sim_machine {
    struct hv hv;
    const struct hv_config *config;
    struct sim_options options;
    struct sim_clock clock;
    uint64_t timer_deadline; /* cycles; UINT64_MAX when disarmed */
    int32_t last_running;    /* who had the CPU last: a partition or HV_IDLE */
    bool booted;
    int engine_error; /* a vcpu_error met inside a port call, VCPU_OK if none */
    struct sim_partition partitions[HV_MAX_PARTITIONS];
    struct sim_shared_area shared[SIM_MAX_SHARED_AREAS];
    uint32_t shared_count;
};

#endif
