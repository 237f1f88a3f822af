/* ackermann: the Ackermann function, plainly recursive, with its call
 * count and deepest nesting. */
#include "guest_test.h"
#include <stdio.h>

struct counters {
    unsigned calls;
    unsigned depth;
    unsigned deepest;
};

static unsigned ackermann(unsigned m, unsigned n, struct counters *c)
{
    unsigned result;
    c->calls++;
    if (++c->depth > c->deepest)
        c->deepest = c->depth;
    if (m == 0)
        result = n + 1u;
    else if (n == 0)
        result = ackermann(m - 1u, 1u, c);
    else
        result = ackermann(m - 1u, ackermann(m, n - 1u, c), c);
    c->depth--;
    return result;
}

static unsigned report(unsigned m, unsigned n)
{
    struct counters c = {0, 0, 0};
    unsigned value = ackermann(m, n, &c);
    printf("ackermann(%u, %u) = %u: %u calls, %u deep\n", m, n, value, c.calls, c.deepest);
    return value;
}

int guest_test_run(void)
{
    /* Closed forms: A(2, n) = 2n + 3, A(3, n) = 2^(n+3) - 3. */
    int failed = report(2u, 3u) != 2u * 3u + 3u;
    failed += report(3u, 3u) != (1u << 6) - 3u;
    printf("ackermann: done\n");
    return failed;
}
