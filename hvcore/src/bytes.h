/* Big-endian stores into guest-visible byte arrays (the PCT, hypercall
 * results): the host port is little-endian, the partitions are not. */
#ifndef HV_BYTES_H
#define HV_BYTES_H

#include <stdint.h>

static inline void hv_put_be16(uint8_t *p, uint16_t v)
{
    p[0] = (uint8_t)(v >> 8);
    p[1] = (uint8_t)v;
}

static inline void hv_put_be32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

static inline void hv_put_be64(uint8_t *p, uint64_t v)
{
    hv_put_be32(p, (uint32_t)(v >> 32));
    hv_put_be32(p + 4, (uint32_t)v);
}

static inline uint32_t hv_get_be32(const uint8_t *p)
{
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
}

#endif
