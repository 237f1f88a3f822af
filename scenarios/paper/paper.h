/* paper: where the Counters' integers live (one 4 KiB area each, shared
 * read-only with the Reader; the case configurations declare them). */
#ifndef PAPER_H
#define PAPER_H

#include <xm.h>

#define PAPER_COUNTER_BASE 0x42000000u
#define PAPER_MAX_COUNTERS 20u

static inline volatile xm_u32_t *paper_counter(xm_u32_t partition)
{
    return (volatile xm_u32_t *)(PAPER_COUNTER_BASE + partition * 0x1000u);
}

#endif
