/* Helpers for the object tests (ports, trace, memory copy): a booted
 * system on the fake port, big-endian values in its guest memory, and
 * object hypercalls as a given partition with all four arguments. */
#ifndef OBJECT_CALL_H
#define OBJECT_CALL_H

#include "fake_port.h"

struct fixture {
    struct hv hv;
    struct fake_port port;
};

/* `config` on the xm-leon3 board, booted (cmocka setup); fixture_free is
 * the matching teardown. */
struct fixture *fixture_boot(const struct hv_config *config);
int fixture_free(void **state);

uint8_t *guest_at(struct fake_port *port, uint32_t partition, uint32_t address);
void guest_put32(struct fake_port *port, uint32_t partition, uint32_t address, uint32_t value);
void guest_put64(struct fake_port *port, uint32_t partition, uint32_t address, uint64_t value);
uint32_t guest_get32(struct fake_port *port, uint32_t partition, uint32_t address);
uint64_t guest_get64(struct fake_port *port, uint32_t partition, uint32_t address);
void guest_put_string(struct fake_port *port, uint32_t partition, uint32_t address,
                      const char *text);

/* Hypercall nr with %o1..%o4 = a1..a4 as partition `caller` (made the
 * running one first). */
int32_t object_call(struct hv *hv, uint32_t caller, uint32_t nr, uint32_t a1, uint32_t a2,
                    uint32_t a3, uint32_t a4);

#endif
