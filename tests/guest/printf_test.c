/* printf_test: one console line per printf call, covering every conversion,
 * width, flag, length and the edge values; the host side compares the console
 * with printf_test.expected. Ends with "printf_test: done", then returns, so
 * crt0 halts the partition. */
#include <limits.h>
#include <stdio.h>

void PartitionMain(void);

static void integers(void)
{
    printf("d: %d %d %d %i %i\n", 0, 42, -42, 7, -7);
    printf("int limits: %d %d %u\n", INT_MAX, INT_MIN, UINT_MAX);
    printf("u: %u %u %u\n", 0u, 1u, 4000000000u);
    printf("x: %x %X %x %X %#x %#X\n", 0u, 0u, 0xdeadbeefu, 0xdeadbeefu, 255u, 255u);
    printf("o: %o %o %#o\n", 0u, 8u, 8u);
    printf("width: [%6d] [%-6d] [%06d] [%6d] [%-6d] [%06d]\n", 42, 42, 42, -42, -42, -42);
    printf("hex width: [%8x] [%-8x] [%08x] [%#010x]\n", 0xabcu, 0xabcu, 0xabcu, 0xabcu);
    printf("sign: [%+d] [%+d] [% d] [% d] [%+06d]\n", 5, -5, 5, -5, 5);
    printf("precision: [%.4d] [%8.4d] [%-8.4d] [%.0d] [%.3x]\n", 7, -7, 7, 0, 0xau);
    printf("star: [%*d] [%-*d] [%.*d]\n", 5, 1, 5, 2, 3, 3);
    printf("short: %hd %hu %hhd %hhu\n", (short)-1234, (unsigned short)65535, (signed char)-128,
           (unsigned char)255);
    printf("long: %ld %ld %lu %lx\n", 123456789L, (long)INT_MIN, 4294967295UL, 0xcafef00dUL);
}

static void integers64(void)
{
    printf("ll: %lld %lld %lld\n", 0LL, 1234567890123LL, -1234567890123LL);
    printf("ll limits: %lld %lld %llu\n", LLONG_MAX, LLONG_MIN, ULLONG_MAX);
    printf("llx: %llx %llX %#llx\n", 0x0123456789abcdefULL, 0xfedcba9876543210ULL, 0x100000000ULL);
    printf("ll 2^32: %llu %llu %lld\n", 4294967295ULL, 4294967296ULL, -4294967296LL);
    printf("ll width: [%22lld] [%-22lld] [%022lld]\n", -1LL, 1LL << 40, -(1LL << 40));
    printf("mixed: %d %lld %d %llx %d\n", 1, -2LL, 3, 0xaabbccdd11223344ULL, 5);
}

static void text(void)
{
    printf("s: [%s] [%s] [%10s] [%-10s] [%.3s] [%6.2s]\n", "", "hello", "right", "left", "truncate",
           "ab");
    printf("c: %c%c%c [%3c] [%-3c]\n", 'x', 'y', 'z', 'r', 'l');
    printf("percent: 100%% [%%]\n");
    printf("p: %p %p %p\n", (void *)0x40100000, (void *)0, (void *)0x1234);
    printf("p width: [%12p] [%-12p]\n", (void *)0xabc, (void *)0xffffffff);
}

void PartitionMain(void)
{
    printf("printf_test: start\n");
    integers();
    integers64();
    text();
    printf("printf_test: done\n");
}
