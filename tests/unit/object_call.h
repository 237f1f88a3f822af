/* Helpers for the object tests (ports, trace, memory copy): big-endian
 * values in the fake port's guest memory, and object hypercalls as a given
 * partition with all four arguments. */
#ifndef OBJECT_CALL_H
#define OBJECT_CALL_H

#include "fake_port.h"

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
