/* xef/lzss.c: streams identical to those of XM-Q 1.0.8's LZSSCompress on the
 * same inputs (lengths and MD5s recorded from XM-Q's own code, built on the
 * host), round trips of every input shape, and a decoder that refuses to
 * write past its output or to read half a match. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "xef/lzss.h"
#include "xef/md5.h"
#include "xef_inputs.h"

static struct xef_lzss_encoder encoder;

struct xmq_stream {
    enum xef_input_kind kind;
    uint32_t seed;
    size_t size;
    size_t stream_size;
    const char *stream_md5;
};

/* XM-Q 1.0.8 user/libxm/common/lzss.c, LZSSCompress, on xef_input_fill(). */
static const struct xmq_stream xmq_streams[] = {
    {XEF_INPUT_RANDOM, 1, 1000, 1125, "268ad45f36bcf9ba19d60bf6533d76c6"},
    {XEF_INPUT_TEXT, 2, 20000, 2990, "8496b8fb85895468f55c4f2481b3b218"},
    {XEF_INPUT_ZEROS, 3, 10000, 1183, "88a69ec0ece5305be0c7ffd115609347"},
    {XEF_INPUT_SPACES, 4, 100, 13, "08b76c7adc88fc552755719a3a0b9dbb"},
    {XEF_INPUT_CODE, 5, 70000, 8367, "f3bb77ffa9587d6b5a30bce3b2c00dff"},
    {XEF_INPUT_RANDOM, 6, 1, 2, "968c519be47139bda94affc19b7e3e7d"},
    {XEF_INPUT_TEXT, 7, 2, 3, "feb9d77f96b3cc8a56d2855c19073d32"},
    {XEF_INPUT_TEXT, 8, 3, 4, "f53cc75cb71c07f07e4604ea3e15dddb"},
    {XEF_INPUT_TEXT, 9, 17, 14, "bdbbfc4ccd393779409813c9dfc4449d"},
    {XEF_INPUT_TEXT, 10, 18, 16, "8feccd0c05bbb6c787367b0c040f7c67"},
    {XEF_INPUT_TEXT, 11, 19, 14, "ff5edd15fc1c64e0d99c8515f91b348b"},
    {XEF_INPUT_CODE, 12, 4096, 587, "d9be03572fa1e7a16f3cc2fc3e11c18e"},
    {XEF_INPUT_TEXT, 13, 300000, 43113, "dc74e96c9ceb8aba053305d5bdb16b67"},
};

static void md5_hex(const uint8_t *data, size_t size, char out[33])
{
    uint8_t digest[16];
    xef_md5(data, size, digest);
    for (int i = 0; i < 16; i++)
        snprintf(out + 2 * i, 3, "%02x", digest[i]);
}

static void same_streams_as_xmq(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(xmq_streams) / sizeof(xmq_streams[0]); i++) {
        const struct xmq_stream *x = &xmq_streams[i];
        uint8_t *in = malloc(x->size), *out = malloc(xef_lzss_bound(x->size));
        assert_non_null(in);
        assert_non_null(out);
        xef_input_fill(x->kind, x->seed, in, x->size);
        size_t written = 0;
        assert_int_equal(
            xef_lzss_compress(&encoder, in, x->size, out, xef_lzss_bound(x->size), &written),
            XEF_LZSS_OK);
        char text[33];
        md5_hex(out, written, text);
        assert_int_equal(written, x->stream_size);
        assert_string_equal(text, x->stream_md5);
        free(in);
        free(out);
    }
}

static void round_trips(void **state)
{
    (void)state;
    static const size_t sizes[] = {0, 1, 2, 3, 18, 19, 4095, 4096, 4097, 9000, 131072};
    for (int kind = XEF_INPUT_RANDOM; kind <= XEF_INPUT_CODE; kind++) {
        for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
            size_t size = sizes[i], bound = xef_lzss_bound(size), stream = 0, back = 0;
            uint8_t *in = malloc(size + 1), *lz = malloc(bound), *out = malloc(size + 1);
            xef_input_fill((enum xef_input_kind)kind, (uint32_t)(kind * 100 + i), in, size);
            assert_int_equal(xef_lzss_compress(&encoder, in, size, lz, bound, &stream),
                             XEF_LZSS_OK);
            assert_true(stream <= bound);
            assert_int_equal(xef_lzss_decompress(lz, stream, out, size, &back), XEF_LZSS_OK);
            assert_int_equal(back, size);
            assert_memory_equal(in, out, size);
            free(in);
            free(lz);
            free(out);
        }
    }
}

/* A match may point into the window before any output: the initial spaces. */
static void match_into_initial_fill(void **state)
{
    (void)state;
    /* flags 0b10: item 0 a match at position 0 (a space) of length 5, item 1 'x' */
    static const uint8_t stream[] = {0x02, 0x00, 0x02, 'x'};
    uint8_t out[8];
    size_t written = 0;
    assert_int_equal(xef_lzss_decompress(stream, sizeof(stream), out, sizeof(out), &written),
                     XEF_LZSS_OK);
    assert_int_equal(written, 6);
    assert_memory_equal(out, "     x", 6);
}

static void refuses_overrun_and_half_match(void **state)
{
    (void)state;
    static uint8_t in[5000], lz[6000], out[5000];
    size_t stream = 0, written = 0;
    xef_input_fill(XEF_INPUT_TEXT, 3, in, sizeof(in));
    assert_int_equal(xef_lzss_compress(&encoder, in, sizeof(in), lz, sizeof(lz), &stream),
                     XEF_LZSS_OK);
    /* One byte short of room: refused, and nothing written past the room. */
    out[4999] = 0xa5;
    assert_int_equal(xef_lzss_decompress(lz, stream, out, 4999, &written), XEF_LZSS_OUTPUT_FULL);
    assert_int_equal(written, 4999);
    assert_int_equal(out[4999], 0xa5);
    /* A match whose second byte is missing. */
    static const uint8_t half[] = {0x00, 0x12};
    assert_int_equal(xef_lzss_decompress(half, sizeof(half), out, sizeof(out), &written),
                     XEF_LZSS_TRUNCATED);
    /* An encoder with too little room says so. */
    assert_int_equal(xef_lzss_compress(&encoder, in, sizeof(in), lz, 100, &stream),
                     XEF_LZSS_OUTPUT_FULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(same_streams_as_xmq),
        cmocka_unit_test(round_trips),
        cmocka_unit_test(match_into_initial_fill),
        cmocka_unit_test(refuses_overrun_and_half_match),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
