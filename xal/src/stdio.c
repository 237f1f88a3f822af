/* xal: printf and friends over the format core. printf collects its output in
 * a buffer on the stack and writes it with one XM_write_console per call (more
 * only if one call produces more than XAL_PRINTF_BUFFER bytes). */
#include "format.h"
#include <stdio.h>
#include <xm.h>

#define XAL_PRINTF_BUFFER 256

static void console_write(const char *buf, size_t len)
{
    while (len > 0) {
        xm_s32_t n = XM_write_console((char *)buf, (xm_s32_t)len);
        if (n == 0) {
            XM_idle_self(); /* the slot ends before the next byte: wait for the next */
            continue;
        }
        if (n < 0) {
            return; /* console refused: drop the rest rather than spin */
        }
        buf += n;
        len -= (size_t)n;
    }
}

static void console_flush(struct xal_sink *s)
{
    console_write(s->buf, s->pos);
    s->pos = 0;
}

int vprintf(const char *fmt, va_list ap)
{
    char buf[XAL_PRINTF_BUFFER];
    struct xal_sink s = {buf, sizeof buf, 0, 0, console_flush};
    int n = xal_format(&s, fmt, ap);
    console_flush(&s);
    return n;
}

int printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vprintf(fmt, ap);
    va_end(ap);
    return n;
}

int vsnprintf(char *str, size_t size, const char *fmt, va_list ap)
{
    return xal_vsnprintf(str, size, fmt, ap);
}

int snprintf(char *str, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = xal_vsnprintf(str, size, fmt, ap);
    va_end(ap);
    return n;
}

int vsprintf(char *str, const char *fmt, va_list ap)
{
    return xal_vsnprintf(str, (size_t)-1 / 2, fmt, ap);
}

int sprintf(char *str, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsprintf(str, fmt, ap);
    va_end(ap);
    return n;
}

int putchar(int c)
{
    char ch = (char)c;
    console_write(&ch, 1);
    return (unsigned char)ch;
}

/* The string and its newline in one console write when they fit. */
int puts(const char *s)
{
    int n = printf("%s\n", s);
    return n < 0 ? EOF : n;
}
