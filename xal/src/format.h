/* xal printf core: formats into a sink that either drops what does not fit
 * (snprintf) or flushes it somewhere (printf -> console). Portable C with no
 * SPARC or libxm dependency, so the host unit tests compile it as is. */
#ifndef XAL_FORMAT_H
#define XAL_FORMAT_H

#include <stdarg.h>
#include <stddef.h>

struct xal_sink {
    char *buf;
    size_t cap;   /* bytes buf holds before a flush (or before dropping) */
    size_t pos;   /* bytes in buf now */
    size_t total; /* bytes produced so far, kept or not */
    /* Called when buf is full; must empty it (pos = 0). NULL: drop the rest. */
    void (*flush)(struct xal_sink *s);
};

/* Formats fmt into s; returns the number of bytes produced (s->total). */
int xal_format(struct xal_sink *s, const char *fmt, va_list ap);

/* vsnprintf semantics: at most size-1 bytes plus a NUL (nothing if size is 0);
 * returns the length the full output would have. */
int xal_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);

#endif
