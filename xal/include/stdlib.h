/* xal: <stdlib.h>, what XtratuM's XAL gives: string to number conversions
 * (base 0 = by prefix, 2..36; no errno: out-of-range values wrap as the
 * unsigned arithmetic does), basename, and exit (halts the partition). */
#ifndef XAL_STDLIB_H
#define XAL_STDLIB_H

#include <stddef.h>

int atoi(const char *s);
long strtol(const char *s, char **end, int base);
unsigned long strtoul(const char *s, char **end, int base);
long long strtoll(const char *s, char **end, int base);
unsigned long long strtoull(const char *s, char **end, int base);
char *basename(char *path);
_Noreturn void exit(int status);

#endif
