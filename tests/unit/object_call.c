#include "object_call.h"
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

struct fixture *fixture_boot(const struct hv_config *config)
{
    struct fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    fake_port_init(&f->port, &f->hv);
    assert_int_equal(hv_init(&f->hv, config, &hv_board_xm_leon3, &f->port), HV_OK);
    hv_boot(&f->hv);
    return f;
}

int fixture_free(void **state)
{
    free(*state);
    return 0;
}

uint8_t *guest_at(struct fake_port *port, uint32_t partition, uint32_t address)
{
    return &port->guest[partition][address - FAKE_GUEST_BASE];
}

void guest_put32(struct fake_port *port, uint32_t partition, uint32_t address, uint32_t value)
{
    uint8_t *p = guest_at(port, partition, address);
    for (int i = 0; i < 4; i++)
        p[i] = (uint8_t)(value >> (24 - 8 * i));
}

void guest_put64(struct fake_port *port, uint32_t partition, uint32_t address, uint64_t value)
{
    guest_put32(port, partition, address, (uint32_t)(value >> 32));
    guest_put32(port, partition, address + 4, (uint32_t)value);
}

uint32_t guest_get32(struct fake_port *port, uint32_t partition, uint32_t address)
{
    const uint8_t *p = guest_at(port, partition, address);
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

uint64_t guest_get64(struct fake_port *port, uint32_t partition, uint32_t address)
{
    return (uint64_t)guest_get32(port, partition, address) << 32 |
           guest_get32(port, partition, address + 4);
}

void guest_put_string(struct fake_port *port, uint32_t partition, uint32_t address,
                      const char *text)
{
    memcpy(guest_at(port, partition, address), text, strlen(text) + 1);
}

int32_t object_call(struct hv *hv, uint32_t caller, uint32_t nr, uint32_t a1, uint32_t a2,
                    uint32_t a3, uint32_t a4)
{
    uint32_t regs[6] = {nr, a1, a2, a3, a4, 0};
    int32_t result = 12345;
    hv->sched.current = (int32_t)caller;
    hv_hypercall(hv, regs, &result);
    return result;
}
