/* xef/md5.c against libmd's MD5 (an independent implementation) over seeded
 * random inputs of every length up to a few blocks, fed whole and in pieces,
 * plus RFC 1321's own test vectors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>
#include <md5.h>

#include "xef/md5.h"
#include "xef_inputs.h"

static void hex(const uint8_t digest[16], char out[33])
{
    for (int i = 0; i < 16; i++)
        snprintf(out + 2 * i, 3, "%02x", digest[i]);
}

static void rfc1321_vectors(void **state)
{
    (void)state;
    static const char *const cases[][2] = {
        {"", "d41d8cd98f00b204e9800998ecf8427e"},
        {"a", "0cc175b9c0f1b6a831c399e269772661"},
        {"abc", "900150983cd24fb0d6963f7d28e17f72"},
        {"message digest", "f96b697d7cb7938d525a2f31aaf161d0"},
        {"12345678901234567890123456789012345678901234567890123456789012345678901234567890",
         "57edf4a22be3c955ac49da2e2107b67a"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        uint8_t digest[16];
        char text[33];
        xef_md5(cases[i][0], strlen(cases[i][0]), digest);
        hex(digest, text);
        assert_string_equal(text, cases[i][1]);
    }
}

static void matches_libmd_whole(void **state)
{
    (void)state;
    static uint8_t data[3000];
    xef_input_fill(XEF_INPUT_RANDOM, 0x5eed, data, sizeof(data));
    for (size_t size = 0; size <= 300; size++) {
        uint8_t ours[16], theirs[16];
        xef_md5(data + size, size * 9, ours);
        MD5_CTX ctx;
        MD5Init(&ctx);
        MD5Update(&ctx, data + size, size * 9);
        MD5Final(theirs, &ctx);
        assert_memory_equal(ours, theirs, 16);
    }
}

/* Pieces of random lengths must hash as the whole. */
static void matches_libmd_in_pieces(void **state)
{
    (void)state;
    static uint8_t data[70000];
    uint32_t rng = 0xc0ffee;
    xef_input_fill(XEF_INPUT_RANDOM, 77, data, sizeof(data));
    for (int round = 0; round < 20; round++) {
        size_t size = xef_input_next(&rng) % sizeof(data), at = 0;
        struct xef_md5 m;
        xef_md5_init(&m);
        while (at < size) {
            size_t piece = xef_input_next(&rng) % 200u;
            piece = piece > size - at ? size - at : piece;
            xef_md5_update(&m, data + at, piece);
            at += piece;
        }
        uint8_t ours[16], theirs[16];
        xef_md5_final(&m, ours);
        MD5_CTX ctx;
        MD5Init(&ctx);
        MD5Update(&ctx, data, size);
        MD5Final(theirs, &ctx);
        assert_memory_equal(ours, theirs, 16);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rfc1321_vectors),
        cmocka_unit_test(matches_libmd_whole),
        cmocka_unit_test(matches_libmd_in_pieces),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
