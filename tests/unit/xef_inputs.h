/* Deterministic test inputs for the LZSS and XEF tests: a seeded xorshift
 * generator and a few shapes of data (random, text-like, runs, code-like),
 * so that the same bytes can be fed to another implementation. */
#ifndef XEF_INPUTS_H
#define XEF_INPUTS_H

#include <stddef.h>
#include <stdint.h>

enum xef_input_kind {
    XEF_INPUT_RANDOM,
    XEF_INPUT_TEXT,   /* words from a small vocabulary: many long matches */
    XEF_INPUT_ZEROS,  /* one long run */
    XEF_INPUT_SPACES, /* matches the window's initial fill */
    XEF_INPUT_CODE,   /* big-endian words drawn from a few dozen values */
};

static inline uint32_t xef_input_next(uint32_t *state)
{
    uint32_t x = *state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    *state = x;
    return x;
}

static inline void xef_input_text(uint32_t *state, uint8_t *out, size_t size)
{
    static const char *const words[] = {"partition ", "hypervisor ", "slot ", "frame ",
                                        "port ",      "LEON3 ",      "XEF ",  "\n"};
    size_t at = 0;
    while (at < size) {
        const char *w = words[xef_input_next(state) % 8u];
        for (size_t i = 0; w[i] != '\0' && at < size; i++)
            out[at++] = (uint8_t)w[i];
    }
}

static inline void xef_input_fill(enum xef_input_kind kind, uint32_t seed, uint8_t *out,
                                  size_t size)
{
    uint32_t state = seed == 0 ? 1u : seed;
    if (kind == XEF_INPUT_TEXT) {
        xef_input_text(&state, out, size);
        return;
    }
    for (size_t i = 0; i < size; i++) {
        uint32_t r = xef_input_next(&state);
        switch (kind) {
        case XEF_INPUT_RANDOM:
            out[i] = (uint8_t)r;
            break;
        case XEF_INPUT_ZEROS:
            out[i] = 0;
            break;
        case XEF_INPUT_SPACES:
            out[i] = ' ';
            break;
        default: /* code: the word (i / 4) from a few dozen values */
            out[i] = (uint8_t)((((i / 4u) * 2654435761u) % 37u) * 0x01010101u >> (8u * (i % 4u)));
            (void)r;
            break;
        }
    }
}

#endif
