/* The fixture of the timer, plan and virtual-interrupt tests: a system
 * booted on the fake port, and hypercalls as its running partition. */
#ifndef TIMEIRQ_FIXTURE_H
#define TIMEIRQ_FIXTURE_H

#include "fake_port.h"
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdlib.h>

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

#endif
