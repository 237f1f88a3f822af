/* xal's printf core (xal/src/format.c), built for the host and compared with
 * the host C library's snprintf on the conversions both define the same way;
 * %p (ours: 0x + 8 hex digits) and the flushing sink are checked on their own. */
#include "format.h"

/* cmocka.h needs these first. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

static int xal_snprintf(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = xal_vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    return n;
}

/* Formats with both implementations and compares text and return value. */
static void vsame(const char *fmt, va_list ap)
{
    char want[256], got[256];
    va_list aq;
    va_copy(aq, ap);
    int nwant = vsnprintf(want, sizeof want, fmt, ap);
    int ngot = xal_vsnprintf(got, sizeof got, fmt, aq);
    va_end(aq);
    assert_string_equal(got, want);
    assert_int_equal(ngot, nwant);
}

__attribute__((format(printf, 1, 2))) static void same(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsame(fmt, ap);
    va_end(ap);
}

/* For formats the compiler rightly frowns upon (ignored flags, NULL %s) but
 * that a partition may still write: the behaviour must match anyway. */
static void same_odd(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsame(fmt, ap);
    va_end(ap);
}

static void test_signed(void **state)
{
    (void)state;
    same("%d %i %d %d", 0, 1, -1, 42);
    same("%d %d", INT_MAX, INT_MIN);
    same_odd("[%5d] [%-5d] [%05d] [%-05d]", 42, 42, 42, 42);
    same("[%5d] [%-5d] [%05d]", -42, -42, -42);
    same("[%+d] [%+d] [% d] [% d] [%+05d]", 7, -7, 7, -7, 7);
    same_odd("[%.3d] [%.0d] [%5.0d] [%8.3d] [%-8.3d] [%08.3d]", 7, 0, 0, -7, 7, 7);
    same("[%*d] [%-*d] [%*d] [%.*d]", 6, 1, 6, 2, -6, 3, 4, 5);
    same("%hd %hhd %hu %hhu", (short)-300, (signed char)-100, (unsigned short)65535,
         (unsigned char)200);
    same("%ld %ld %lu", 123456789L, -123456789L, 4000000000UL);
    same("%zu %zd %td %jd", (size_t)12345, (ptrdiff_t)-5, (ptrdiff_t)-6, (intmax_t)-7);
}

static void test_unsigned_hex_octal(void **state)
{
    (void)state;
    same("%u %u %u", 0u, 1u, UINT_MAX);
    same("%x %X %x %X", 0u, 0u, 0xdeadbeefu, 0xdeadbeefu);
    same("[%8x] [%-8x] [%08X] [%#x] [%#X] [%#x] [%#010x]", 0xabcu, 0xabcu, 0xabcu, 255u, 255u, 0u,
         255u);
    same("%o %#o %#o %#.0o %.0o %#08o %#.5o", 8u, 8u, 0u, 0u, 0u, 8u, 8u);
    same_odd("[%.0x] [%.4x] [%+u] [% u]", 0u, 0xau, 5u, 5u);
}

static void test_64bit(void **state)
{
    (void)state;
    same("%lld %lld %lld", 0LL, LLONG_MAX, LLONG_MIN);
    same("%llu %llx %llX", ULLONG_MAX, ULLONG_MAX, 0x0123456789abcdefULL);
    same("%llu %llu %llu", 4294967295ULL, 4294967296ULL, 1000000000000000000ULL);
    same("%lld %lld", 10000000000LL, -9999999999LL);
    same("[%25lld] [%-25lld] [%025lld]", -1234567890123LL, 1234567890123LL, -1LL);
    same("%llo %#llx", 01777777777777777777777ULL, 0x100000000ULL);
    same("%d %lld %d", 1, 0x1122334455667788LL, 2);
}

static void test_strings_chars(void **state)
{
    (void)state;
    same("%s|%s|%s", "", "a", "hello, world");
    same("[%10s] [%-10s] [%.3s] [%10.3s] [%-10.3s] [%.0s] [%.*s]", "abc", "abc", "abcdef", "abcdef",
         "abcdef", "abc", 2, "abcdef");
    same("%c%c%c [%3c] [%-3c]", 'a', 'b', 'c', 'x', 'y');
    same("100%% [%%] %d%%", 5);
    same("no conversions at all");
    same_odd("%s", (const char *)NULL);
}

static void test_pointer(void **state)
{
    (void)state;
    char buf[64];
    assert_int_equal(xal_snprintf(buf, sizeof buf, "%p", (void *)(uintptr_t)0x40100000u), 10);
    assert_string_equal(buf, "0x40100000");
    xal_snprintf(buf, sizeof buf, "%p %p", (void *)0, (void *)(uintptr_t)0x1234u);
    assert_string_equal(buf, "0x00000000 0x00001234");
    xal_snprintf(buf, sizeof buf, "[%12p] [%-12p] [%012p]", (void *)(uintptr_t)0xabcu,
                 (void *)(uintptr_t)0xabcu, (void *)(uintptr_t)0xabcu);
    assert_string_equal(buf, "[  0x00000abc] [0x00000abc  ] [  0x00000abc]");
}

static void test_truncation(void **state)
{
    (void)state;
    char buf[8];
    memset(buf, 'z', sizeof buf);
    assert_int_equal(xal_snprintf(buf, 0, "%d", 12345), 5);
    assert_int_equal(buf[0], 'z');
    assert_int_equal(xal_snprintf(buf, 1, "%d", 12345), 5);
    assert_string_equal(buf, "");
    assert_int_equal(xal_snprintf(buf, 4, "%s", "abcdef"), 6);
    assert_string_equal(buf, "abc");
    assert_int_equal(xal_snprintf(buf, sizeof buf, "%d-%d", 123, 456), 7);
    assert_string_equal(buf, "123-456");
}

/* A sink that flushes every 3 bytes into a log, as printf flushes to the console. */
static char flush_log[256];
static size_t flush_len;
static int flush_calls;

static void log_flush(struct xal_sink *s)
{
    memcpy(flush_log + flush_len, s->buf, s->pos);
    flush_len += s->pos;
    flush_calls++;
    s->pos = 0;
}

static int sink_format(struct xal_sink *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = xal_format(s, fmt, ap);
    va_end(ap);
    return n;
}

static void test_flushing_sink(void **state)
{
    (void)state;
    char small[3];
    struct xal_sink s = {small, sizeof small, 0, 0, log_flush};
    int n = sink_format(&s, "%s=%05d;%llx", "key", -42, 0xfeedULL);
    log_flush(&s);
    flush_log[flush_len] = '\0';
    assert_int_equal(n, 14);
    assert_string_equal(flush_log, "key=-0042;feed");
    assert_int_equal(flush_len, 14);
    assert_int_equal(flush_calls, 5);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_signed),        cmocka_unit_test(test_unsigned_hex_octal),
        cmocka_unit_test(test_64bit),         cmocka_unit_test(test_strings_chars),
        cmocka_unit_test(test_pointer),       cmocka_unit_test(test_truncation),
        cmocka_unit_test(test_flushing_sink),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
