/* libFuzzer target: xef_parse and everything a loader then does with a file
 * it accepted (segments, custom files, decompression). The input is parsed
 * as it is, then with its digest made right, so that the fuzzer gets past
 * the digest to the structure behind it. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xef/xef.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { MAX_SEGMENT = 1 << 20 };

static bool count_bytes(void *context, const uint8_t *bytes, size_t size)
{
    size_t *total = context;
    for (size_t i = 0; i < size; i++)
        *total += bytes[i] != 0;
    return true;
}

static void use_file(const struct xef_file *f)
{
    static struct xef_lzss_decoder decoder;
    static uint8_t segment[MAX_SEGMENT];
    for (uint32_t i = 0; i < f->header.custom_file_count; i++)
        (void)xef_custom_file_at(f, i);
    for (uint32_t i = 0; i < f->header.segment_count; i++) {
        struct xef_segment s = xef_segment_at(f, i);
        if (s.file_size <= MAX_SEGMENT)
            (void)xef_segment_load(f, i, segment, s.file_size);
        size_t nonzero = 0;
        (void)xef_segment_write(f, i, &decoder, count_bytes, &nonzero);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct xef_file f;
    if (xef_parse(data, size, &f) == XEF_OK)
        use_file(&f);
    if (size < XEF_HEADER_SIZE)
        return 0;
    uint8_t *copy = malloc(size);
    memcpy(copy, data, size);
    xef_digest(copy, size, XEF_DIGEST_OFFSET, copy + XEF_DIGEST_OFFSET);
    if (xef_parse(copy, size, &f) == XEF_OK)
        use_file(&f);
    free(copy);
    return 0;
}
