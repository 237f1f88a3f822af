/* xal: the libgcc helpers GCC calls for 64-bit arithmetic on SPARC V8 (the
 * 32-bit libgcc of Debian's sparc64 cross compiler is V8+/PIC and cannot run
 * on LEON3). GCC 12 with -mcpu=leon3 inlines 64-bit shifts and multiplies
 * but calls __udivdi3/__umoddi3/__divdi3/__moddi3; the others are here for
 * other compiler versions and -Os. Written with 32-bit halves only, so that
 * nothing in here can end up calling itself. */
#include <stdint.h>

/* The halves of a 64-bit value (any byte order, so the host tests can run it). */
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
typedef union {
    uint64_t all;
    struct {
        uint32_t hi, lo;
    } s;
} dword_t;
#else
typedef union {
    uint64_t all;
    struct {
        uint32_t lo, hi;
    } s;
} dword_t;
#endif

uint64_t __udivdi3(uint64_t n, uint64_t d);
uint64_t __umoddi3(uint64_t n, uint64_t d);
int64_t __divdi3(int64_t n, int64_t d);
int64_t __moddi3(int64_t n, int64_t d);
uint64_t __ashldi3(uint64_t v, int32_t shift);
uint64_t __lshrdi3(uint64_t v, int32_t shift);
int64_t __ashrdi3(int64_t v, int32_t shift);
int64_t __muldi3(int64_t a, int64_t b);

static dword_t mk(uint32_t hi, uint32_t lo)
{
    dword_t r;
    r.s.hi = hi;
    r.s.lo = lo;
    return r;
}

uint64_t __ashldi3(uint64_t v, int32_t shift)
{
    dword_t x = {v};
    if (shift == 0) {
        return v;
    }
    if (shift >= 32) {
        return mk(x.s.lo << (shift - 32), 0).all;
    }
    return mk((x.s.hi << shift) | (x.s.lo >> (32 - shift)), x.s.lo << shift).all;
}

uint64_t __lshrdi3(uint64_t v, int32_t shift)
{
    dword_t x = {v};
    if (shift == 0) {
        return v;
    }
    if (shift >= 32) {
        return mk(0, x.s.hi >> (shift - 32)).all;
    }
    return mk(x.s.hi >> shift, (x.s.lo >> shift) | (x.s.hi << (32 - shift))).all;
}

int64_t __ashrdi3(int64_t v, int32_t shift)
{
    dword_t x = {(uint64_t)v};
    uint32_t fill = (int32_t)x.s.hi < 0 ? UINT32_MAX : 0;
    if (shift == 0) {
        return v;
    }
    if (shift >= 32) {
        uint32_t lo = (uint32_t)((int32_t)x.s.hi >> (shift - 32));
        return (int64_t)mk(fill, lo).all;
    }
    uint32_t hi = (uint32_t)((int32_t)x.s.hi >> shift);
    return (int64_t)mk(hi, (x.s.lo >> shift) | (x.s.hi << (32 - shift))).all;
}

int64_t __muldi3(int64_t a, int64_t b)
{
    dword_t x = {(uint64_t)a}, y = {(uint64_t)b};
    dword_t r = {(uint64_t)x.s.lo * y.s.lo}; /* umul: 32x32 -> 64 */
    r.s.hi += x.s.lo * y.s.hi + x.s.hi * y.s.lo;
    return (int64_t)r.all;
}

static unsigned clz32(uint32_t x)
{
    unsigned n = 0;
    if ((x & 0xffff0000u) == 0) {
        n += 16;
        x <<= 16;
    }
    if ((x & 0xff000000u) == 0) {
        n += 8;
        x <<= 8;
    }
    if ((x & 0xf0000000u) == 0) {
        n += 4;
        x <<= 4;
    }
    if ((x & 0xc0000000u) == 0) {
        n += 2;
        x <<= 2;
    }
    return (x & 0x80000000u) == 0 ? n + 1 : n;
}

static unsigned clz64(dword_t x)
{
    return x.s.hi != 0 ? clz32(x.s.hi) : 32 + clz32(x.s.lo);
}

static dword_t shl1(dword_t x)
{
    return mk((x.s.hi << 1) | (x.s.lo >> 31), x.s.lo << 1);
}

static dword_t shr1(dword_t x)
{
    return mk(x.s.hi >> 1, (x.s.lo >> 1) | (x.s.hi << 31));
}

static int geq(dword_t a, dword_t b)
{
    return a.s.hi != b.s.hi ? a.s.hi > b.s.hi : a.s.lo >= b.s.lo;
}

static dword_t sub(dword_t a, dword_t b)
{
    return mk(a.s.hi - b.s.hi - (a.s.lo < b.s.lo), a.s.lo - b.s.lo);
}

/* Shift-and-subtract division. A zero divisor divides 32 bits by zero, which
 * traps (division_by_zero) as the hardware divide would. */
static uint64_t udivmod(uint64_t num, uint64_t den, uint64_t *rem)
{
    dword_t n = {num}, d = {den};
    if (d.s.hi == 0 && (n.s.hi == 0 || d.s.lo == 0)) {
        *rem = n.s.lo % d.s.lo;
        return n.s.lo / d.s.lo;
    }
    if (!geq(n, d)) {
        *rem = num;
        return 0;
    }
    unsigned shift = clz64(d) - clz64(n);
    for (unsigned i = 0; i < shift; i++) {
        d = shl1(d);
    }
    dword_t q = {0};
    for (unsigned i = 0; i <= shift; i++) {
        q = shl1(q);
        if (geq(n, d)) {
            n = sub(n, d);
            q.s.lo |= 1;
        }
        d = shr1(d);
    }
    *rem = n.all;
    return q.all;
}

uint64_t __udivdi3(uint64_t n, uint64_t d)
{
    uint64_t r;
    return udivmod(n, d, &r);
}

uint64_t __umoddi3(uint64_t n, uint64_t d)
{
    uint64_t r;
    udivmod(n, d, &r);
    return r;
}

static uint64_t magnitude(int64_t v)
{
    return v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
}

int64_t __divdi3(int64_t n, int64_t d)
{
    uint64_t r;
    uint64_t q = udivmod(magnitude(n), magnitude(d), &r);
    return (int64_t)((n < 0) != (d < 0) ? 0 - q : q);
}

int64_t __moddi3(int64_t n, int64_t d)
{
    uint64_t r;
    udivmod(magnitude(n), magnitude(d), &r);
    return (int64_t)(n < 0 ? 0 - r : r);
}
