/* xef/: MD5 after RFC 1321 §3. Words are assembled byte by byte (MD5 is
 * little-endian), so the same code is right on the big-endian LEON3 and on
 * the host. */
#include "xef/md5.h"

/* Per-round shift amounts, four per round. */
static const uint8_t xef_md5_shift[4][4] = {
    {7, 12, 17, 22}, {5, 9, 14, 20}, {4, 11, 16, 23}, {6, 10, 15, 21}};

/* T[i] = floor(abs(sin(i + 1)) * 2^32), RFC 1321 §3.4. */
static const uint32_t xef_md5_sine[64] = {
    0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
    0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
    0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
    0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
    0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
    0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
    0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
    0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391};

static uint32_t xef_md5_rotl(uint32_t x, unsigned n)
{
    return (x << n) | (x >> (32u - n));
}

/* The round function and the message word each of the 64 steps uses. */
static uint32_t xef_md5_mix(unsigned step, uint32_t b, uint32_t c, uint32_t d, unsigned *word)
{
    switch (step / 16u) {
    case 0:
        *word = step;
        return (b & c) | (~b & d);
    case 1:
        *word = (5u * step + 1u) % 16u;
        return (b & d) | (c & ~d);
    case 2:
        *word = (3u * step + 5u) % 16u;
        return b ^ c ^ d;
    default:
        *word = (7u * step) % 16u;
        return c ^ (b | ~d);
    }
}

static void xef_md5_compress(uint32_t state[4], const uint8_t block[64])
{
    uint32_t x[16];
    for (unsigned i = 0; i < 16; i++)
        x[i] = (uint32_t)block[4 * i] | (uint32_t)block[4 * i + 1] << 8 |
               (uint32_t)block[4 * i + 2] << 16 | (uint32_t)block[4 * i + 3] << 24;
    uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
    for (unsigned step = 0; step < 64; step++) {
        unsigned word;
        uint32_t f = xef_md5_mix(step, b, c, d, &word);
        uint32_t sum = a + f + xef_md5_sine[step] + x[word];
        a = d;
        d = c;
        c = b;
        b = b + xef_md5_rotl(sum, xef_md5_shift[step / 16u][step % 4u]);
    }
    state[0] += a;
    state[1] += b;
    state[2] += c;
    state[3] += d;
}

void xef_md5_init(struct xef_md5 *m)
{
    m->state[0] = 0x67452301;
    m->state[1] = 0xefcdab89;
    m->state[2] = 0x98badcfe;
    m->state[3] = 0x10325476;
    m->length = 0;
}

void xef_md5_update(struct xef_md5 *m, const void *data, size_t size)
{
    const uint8_t *p = data;
    for (size_t i = 0; i < size; i++) {
        m->block[m->length % 64u] = p[i];
        m->length++;
        if (m->length % 64u == 0)
            xef_md5_compress(m->state, m->block);
    }
}

void xef_md5_final(struct xef_md5 *m, uint8_t digest[XEF_MD5_BYTES])
{
    uint64_t bits = m->length * 8u;
    static const uint8_t pad_start = 0x80, zero = 0;
    xef_md5_update(m, &pad_start, 1);
    while (m->length % 64u != 56u)
        xef_md5_update(m, &zero, 1);
    for (unsigned i = 0; i < 8; i++) {
        uint8_t byte = (uint8_t)(bits >> (8u * i));
        xef_md5_update(m, &byte, 1);
    }
    for (unsigned i = 0; i < 16; i++)
        digest[i] = (uint8_t)(m->state[i / 4u] >> (8u * (i % 4u)));
}

void xef_md5(const void *data, size_t size, uint8_t digest[XEF_MD5_BYTES])
{
    struct xef_md5 m;
    xef_md5_init(&m);
    xef_md5_update(&m, data, size);
    xef_md5_final(&m, digest);
}
