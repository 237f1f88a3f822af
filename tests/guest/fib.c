/* fib: the doubly recursive Fibonacci function up to fib(20), with the
 * number of calls fib(20) makes. */
#include "guest_test.h"
#include <stdio.h>

static unsigned calls;

static unsigned fib(unsigned n)
{
    calls++;
    return n < 2u ? n : fib(n - 1u) + fib(n - 2u);
}

static unsigned fib_loop(unsigned n)
{
    unsigned a = 0, b = 1;
    for (unsigned i = 0; i < n; i++) {
        unsigned next = a + b;
        a = b;
        b = next;
    }
    return a;
}

int guest_test_run(void)
{
    int failed = 0;
    for (unsigned n = 0; n <= 20u; n += 5u) {
        calls = 0;
        unsigned value = fib(n);
        printf("fib(%u) = %u (%u calls)\n", n, value, calls);
        /* fib(n) calls itself 2 fib(n+1) - 1 times. */
        failed += value != fib_loop(n) || calls != 2u * fib_loop(n + 1u) - 1u;
    }
    printf("fib: done\n");
    return failed;
}
