/* xef/: MD5 (RFC 1321), freestanding. XEF images and containers carry an MD5
 * digest of the whole file (reference §4.1); the host tools, xal's libxm and a
 * LEON3 loader all hash with this one implementation. No allocation, no
 * library calls: the state is the caller's. */
#ifndef XEF_MD5_H
#define XEF_MD5_H

#include <stddef.h>
#include <stdint.h>

#define XEF_MD5_BYTES 16u

struct xef_md5 {
    uint32_t state[4];
    uint64_t length;   /* bytes hashed so far */
    uint8_t block[64]; /* the partial block not yet compressed */
};

void xef_md5_init(struct xef_md5 *m);
void xef_md5_update(struct xef_md5 *m, const void *data, size_t size);
void xef_md5_final(struct xef_md5 *m, uint8_t digest[XEF_MD5_BYTES]);

/* One-shot: the digest of `size` bytes at `data`. */
void xef_md5(const void *data, size_t size, uint8_t digest[XEF_MD5_BYTES]);

#endif
