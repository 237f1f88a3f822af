/* xal: <stdlib.h> and <assert.h>'s helper. */
#include <assert.h>
#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xm.h>

static int digit_value(int c)
{
    if (isdigit(c))
        return c - '0';
    if (isalpha(c))
        return tolower(c) - 'a' + 10;
    return 99;
}

/* Skips space and a sign, settles the base from a 0 / 0x prefix when it
 * is 0 (or 16), and returns where the digits start. */
static const char *number_start(const char *s, int *base, int *negative)
{
    while (isspace(*s))
        s++;
    *negative = *s == '-';
    if (*s == '-' || *s == '+')
        s++;
    bool hex_prefix = s[0] == '0' && tolower(s[1]) == 'x' && isxdigit(s[2]);
    if ((*base == 0 || *base == 16) && hex_prefix) {
        *base = 16;
        return s + 2;
    }
    if (*base == 0)
        *base = s[0] == '0' ? 8 : 10;
    return s;
}

/* The magnitude of the digits in base (2..36); *end after the last digit,
 * or at the start of the string when there is none. */
static unsigned long long parse_unsigned(const char *s, char **end, int base, int *negative)
{
    const char *start = s;
    unsigned long long value = 0;
    bool any = false;
    if (base == 1 || base > 36 || base < 0) {
        if (end)
            *end = (char *)start;
        return 0;
    }
    s = number_start(s, &base, negative);
    for (; digit_value(*s) < base; s++, any = true)
        value = value * (unsigned)base + (unsigned)digit_value(*s);
    if (end)
        *end = (char *)(any ? s : start);
    return value;
}

unsigned long long strtoull(const char *s, char **end, int base)
{
    int negative = 0;
    unsigned long long value = parse_unsigned(s, end, base, &negative);
    return negative ? 0 - value : value;
}

long long strtoll(const char *s, char **end, int base)
{
    return (long long)strtoull(s, end, base);
}

unsigned long strtoul(const char *s, char **end, int base)
{
    return (unsigned long)strtoull(s, end, base);
}

long strtol(const char *s, char **end, int base)
{
    return (long)strtoull(s, end, base);
}

int atoi(const char *s)
{
    return (int)strtol(s, NULL, 10);
}

/* The last component of path (after its last '/'), in place. */
char *basename(char *path)
{
    char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

_Noreturn void exit(int status)
{
    (void)status;
    XM_halt_partition(XM_PARTITION_SELF);
    for (;;)
        XM_idle_self();
}

void xal_assert_failed(const char *file, unsigned line, const char *expression)
{
    printf("%s:%u: failed assertion `%s'\n", file, line, expression);
    exit(1);
}
