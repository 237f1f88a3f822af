/* xal: the bridge from libxm's XEF_* calls (xef.h, XtratuM's names) to the
 * project's xef/ library, whose names clash with XtratuM's: each side
 * includes only its own headers. */
#ifndef XAL_XEF_GLUE_H
#define XAL_XEF_GLUE_H

#include <stdbool.h>
#include <stdint.h>

/* 0 or one of XEF_BAD_SIGNATURE..XEF_BAD_FILE (xef.h). */
int32_t xal_xef_check(const uint8_t *img);

typedef void *(*xal_xef_write_fn)(void *dest, const void *src, unsigned long n);

/* Writes segment `index` of the checked file at img to dest through write;
 * at most `limit` bytes (false if the segment is larger or its stream bad). */
bool xal_xef_load_segment(const uint8_t *img, uint32_t index, uint32_t dest, uint32_t limit,
                          xal_xef_write_fn write);

#endif
