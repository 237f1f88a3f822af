/* xef/: LZSS as XtratuM's XEF uses it (reference §4.1): Okumura's 1989
 * scheme with a 4096-byte window, matches of 3..18 bytes, a window that
 * starts filled with spaces and writing at N - F. A flag byte, read from its
 * least significant bit, announces eight items: 1 = one literal byte, 0 = a
 * two-byte match (window position in 12 bits, length - 3 in 4 bits).
 *
 * The encoder finds matches with Okumura's binary search trees, so that the
 * same input gives the same stream as XM-Q's xmeformat, byte for byte. It
 * keeps its trees in a caller-provided struct (about 30 KiB). The decoder
 * keeps its window in a 4 KiB struct and hands its output to a sink in
 * chunks, so a loader can write it where a plain pointer cannot reach (a
 * system partition copying into another partition with XM_memory_copy).
 * Freestanding. */
#ifndef XEF_LZSS_H
#define XEF_LZSS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define XEF_LZSS_WINDOW 4096  /* N */
#define XEF_LZSS_MAX_MATCH 18 /* F */
#define XEF_LZSS_THRESHOLD 2  /* a match must be longer than this */
#define XEF_LZSS_FILL ' '     /* the window's initial contents */

struct xef_lzss_encoder {
    uint8_t window[XEF_LZSS_WINDOW + XEF_LZSS_MAX_MATCH - 1];
    /* Trees: node i is the string at window[i]; roots at WINDOW + 1 + byte. */
    int16_t left[XEF_LZSS_WINDOW + 1];
    int16_t right[XEF_LZSS_WINDOW + 257];
    int16_t parent[XEF_LZSS_WINDOW + 1];
    int32_t match_position;
    int32_t match_length;
};

enum xef_lzss_status {
    XEF_LZSS_OK = 0,
    XEF_LZSS_OUTPUT_FULL, /* the output would pass its capacity */
    XEF_LZSS_TRUNCATED,   /* the stream ends inside a match */
    XEF_LZSS_SINK,        /* the sink refused the output */
};

/* Compresses in[0..size) into out (at most `capacity` bytes); *written gets
 * the stream's length. A worst-case stream is size + size / 8 + 1 bytes. */
enum xef_lzss_status xef_lzss_compress(struct xef_lzss_encoder *e, const uint8_t *in, size_t size,
                                       uint8_t *out, size_t capacity, size_t *written);

/* Worst-case compressed size of `size` bytes. */
size_t xef_lzss_bound(size_t size);

struct xef_lzss_decoder {
    uint8_t window[XEF_LZSS_WINDOW];
};

/* Receives decoded bytes in order; false stops decoding (XEF_LZSS_SINK). */
typedef bool (*xef_lzss_sink_fn)(void *context, const uint8_t *bytes, size_t size);

/* Decodes the stream in[0..size), passing the output to `sink` in chunks of
 * at most a few hundred bytes; *written gets the bytes produced. A stream
 * that would produce more than `capacity` bytes is refused
 * (XEF_LZSS_OUTPUT_FULL) and nothing past `capacity` reaches the sink. */
enum xef_lzss_status xef_lzss_decode(struct xef_lzss_decoder *d, const uint8_t *in, size_t size,
                                     size_t capacity, xef_lzss_sink_fn sink, void *context,
                                     size_t *written);

/* xef_lzss_decode into out[0..capacity), the window on the stack. */
enum xef_lzss_status xef_lzss_decompress(const uint8_t *in, size_t size, uint8_t *out,
                                         size_t capacity, size_t *written);

#endif
