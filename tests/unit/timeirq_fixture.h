/* The fixture of the hvcore tests that run a booted system (timers, plans,
 * virtual interrupts, latency, idle, the MMU calls): a system booted on the
 * fake port, and hypercalls as its running partition. */
#ifndef TIMEIRQ_FIXTURE_H
#define TIMEIRQ_FIXTURE_H

#include "fake_port.h"
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdlib.h>
#include <xm/guest.h>
#include <xm/hypercalls.h>

struct fixture {
    struct hv hv;
    struct fake_port port;
};

/* config booted: the first slot's partition runs. */
static inline int fixture_boot(void **state, const struct hv_config *config)
{
    struct fixture *f = calloc(1, sizeof *f);
    fake_port_init(&f->port, &f->hv);
    assert_int_equal(hv_init(&f->hv, config, &hv_board_xm_leon3, &f->port), HV_OK);
    hv_boot(&f->hv);
    *state = f;
    return 0;
}

static inline int teardown(void **state)
{
    free(*state);
    return 0;
}

/* A hypercall the caller resumes after. */
static inline int32_t call(struct fixture *f, uint32_t nr, uint32_t a1, uint32_t a2, uint32_t a3)
{
    bool completes;
    int32_t result = fake_port_hypercall(&f->hv, nr, a1, a2, a3, &completes);
    assert_true(completes);
    return result;
}

/* The running partition ready for interrupts: its trap table at tbr, the
 * slot-start IRQ dropped, the hw and ext bits unmasked, virtual
 * interrupts on. */
static inline void fixture_ready(struct fixture *f, uint32_t tbr, uint32_t hw, uint32_t ext)
{
    assert_int_equal(call(f, sparc_write_tbr_nr, tbr, 0, 0), XM_OK);
    assert_int_equal(call(f, clear_irqpend_nr, 0, 1u << XM_VT_EXT_CYCLIC_SLOT_START, 0), XM_OK);
    assert_int_equal(call(f, clear_irqmask_nr, hw, ext, 0), XM_OK);
    assert_int_equal(hv_asm_hypercall(&f->hv, sparc_clear_pil_nr, 0), HV_TRAP_CONTINUE);
}

#endif
