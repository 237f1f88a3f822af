/* sim/: the one virtual clock. Time is a cycle count at the board's
 * frequency, advanced only by executed guest instructions and modelled
 * hypervisor costs; microseconds are derived from it. */
#ifndef SIM_CLOCK_H
#define SIM_CLOCK_H

#include <stdint.h>

struct sim_clock {
    uint64_t cycles;
    uint32_t khz; /* board frequency */
};

static inline uint64_t sim_clock_us(const struct sim_clock *clock)
{
    return clock->cycles * 1000u / clock->khz;
}

/* The first cycle at which sim_clock_us() reaches us. */
static inline uint64_t sim_clock_cycles_at_us(const struct sim_clock *clock, uint64_t us)
{
    return (us * clock->khz + 999u) / 1000u;
}

#endif
