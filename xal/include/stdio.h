/* xal: the small <stdio.h> partitions get (as XtratuM's XAL): formatted output
 * to the partition console through XM_write_console. No FILE streams, no input.
 * Conversions: d i u o x X p s c %, flags - 0 + space #, width and precision
 * (also *), lengths hh h l ll z j t. %p prints 0x and 8 hex digits. */
#ifndef XAL_STDIO_H
#define XAL_STDIO_H

#include <stdarg.h>
#include <stddef.h>

#define EOF (-1)

#define XAL_PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))

int printf(const char *fmt, ...) XAL_PRINTF_LIKE(1, 2);
int vprintf(const char *fmt, va_list ap) XAL_PRINTF_LIKE(1, 0);
int sprintf(char *str, const char *fmt, ...) XAL_PRINTF_LIKE(2, 3);
int vsprintf(char *str, const char *fmt, va_list ap) XAL_PRINTF_LIKE(2, 0);
int snprintf(char *str, size_t size, const char *fmt, ...) XAL_PRINTF_LIKE(3, 4);
int vsnprintf(char *str, size_t size, const char *fmt, va_list ap) XAL_PRINTF_LIKE(3, 0);
int putchar(int c);
int puts(const char *s);

#endif
