/* xef/xef.c, xef_write.c, container.c: what is built parses back to the same
 * segments and custom files (compressed or not), with xmeformat's layout;
 * and every corruption a loader must not trust is refused with its status:
 * truncation, signature, version, digest, tables and segments outside the
 * file, a compressed stream overrunning its declared size, container tables
 * and files outside the container. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "xef/container.h"
#include "xef/xef.h"
#include "xef_inputs.h"

static struct xef_lzss_encoder encoder;
static uint8_t text[5000], data[300];
static const struct xef_build_segment segments[] = {
    {.phys_addr = 0x40100000, .virt_addr = 0x40100000, .data = text, .size = sizeof(text)},
    {.phys_addr = 0x40102000, .virt_addr = 0x40102000, .data = data, .size = sizeof(data)},
};
static const struct xef_custom_file customs[] = {{0x40180000, 0x1000}};

/* Builds the test partition image into a fresh buffer; *size its length. */
static uint8_t *build(bool compress, size_t *size)
{
    xef_input_fill(XEF_INPUT_CODE, 1, text, sizeof(text));
    xef_input_fill(XEF_INPUT_RANDOM, 2, data, sizeof(data));
    struct xef_build b = {
        .type = XEF_TYPE_PARTITION,
        .compress = compress,
        .payload = "0123456789abcdef",
        .image_header = 0x40101000,
        .entry_point = 0x40100000,
        .segments = segments,
        .segment_count = 2,
        .custom_files = customs,
        .custom_file_count = 1,
    };
    size_t bound = xef_write_bound(&b);
    uint8_t *out = malloc(bound);
    assert_non_null(out);
    assert_int_equal(xef_write(&b, &encoder, out, bound, size), XEF_OK);
    return out;
}

static void redigest(uint8_t *bytes, size_t size)
{
    xef_digest(bytes, size, XEF_DIGEST_OFFSET, bytes + XEF_DIGEST_OFFSET);
}

static void check_round_trip(bool compress)
{
    size_t size = 0;
    uint8_t *bytes = build(compress, &size);
    struct xef_file f;
    assert_int_equal(xef_parse(bytes, size, &f), XEF_OK);
    assert_int_equal(size % 4, 0);
    assert_int_equal(f.header.segment_table_offset, 96);
    assert_int_equal(f.header.custom_file_table_offset, 96 + 40);
    assert_int_equal(f.header.image_offset, 144);
    assert_int_equal(f.header.flags, XEF_TYPE_PARTITION | XEF_DIGEST | XEF_ARCH_SPARCV8 |
                                         (compress ? XEF_COMPRESSED : 0));
    assert_int_equal(f.header.image_length, sizeof(text) + sizeof(data));
    assert_memory_equal(f.header.payload, "0123456789abcdef", 16);
    assert_int_equal(f.header.entry_point, 0x40100000);
    assert_int_equal(f.header.segment_count, 2);
    struct xef_custom_file c = xef_custom_file_at(&f, 0);
    assert_int_equal(c.address, 0x40180000);
    assert_int_equal(c.size, 0x1000);
    for (uint32_t i = 0; i < 2; i++) {
        struct xef_segment s = xef_segment_at(&f, i);
        assert_int_equal(s.phys_addr, segments[i].phys_addr);
        assert_int_equal(s.file_size, segments[i].size);
        uint8_t *loaded = malloc(s.file_size);
        assert_int_equal(xef_segment_load(&f, i, loaded, s.file_size), XEF_OK);
        assert_memory_equal(loaded, segments[i].data, s.file_size);
        free(loaded);
    }
    if (compress)
        assert_true(f.header.deflated_image_length < f.header.image_length);
    free(bytes);
}

static void round_trip_plain(void **state)
{
    (void)state;
    check_round_trip(false);
}

static void round_trip_compressed(void **state)
{
    (void)state;
    check_round_trip(true);
}

static enum xef_status parse_modified(bool compress, size_t offset, uint32_t value, bool digest)
{
    size_t size = 0;
    uint8_t *bytes = build(compress, &size);
    xef_put_be32(bytes + offset, value);
    if (digest)
        redigest(bytes, size);
    struct xef_file f;
    enum xef_status status = xef_parse(bytes, size, &f);
    free(bytes);
    return status;
}

static void refuses_corruption(void **state)
{
    (void)state;
    size_t size = 0;
    uint8_t *bytes = build(false, &size);
    struct xef_file f;
    assert_int_equal(xef_parse(bytes, 40, &f), XEF_ERR_TRUNCATED);
    assert_int_equal(xef_parse(bytes, size - 4, &f), XEF_ERR_TRUNCATED);
    bytes[200] ^= 1;
    assert_int_equal(xef_parse(bytes, size, &f), XEF_ERR_DIGEST);
    free(bytes);
    assert_int_equal(parse_modified(false, 0, 0x7f454c46, false), XEF_ERR_SIGNATURE);
    assert_int_equal(parse_modified(false, 4, 0x020000, true), XEF_ERR_VERSION);
    assert_int_equal(parse_modified(false, 48, 0xfffff000, true), XEF_ERR_SEGMENT_TABLE);
    assert_int_equal(parse_modified(false, 52, 0x80000000, true), XEF_ERR_SEGMENT_TABLE);
    assert_int_equal(parse_modified(false, 60, 4, true), XEF_ERR_CUSTOM_TABLE);
    assert_int_equal(parse_modified(false, 64, 0xffffff00, true), XEF_ERR_IMAGE);
    /* segment 1's offset past the image */
    assert_int_equal(parse_modified(false, 96 + 20 + 16, 5200, true), XEF_ERR_SEGMENT);
    /* segment 0's stored size past the image (compressed) */
    assert_int_equal(parse_modified(true, 96 + 12, 0x10000, true), XEF_ERR_SEGMENT);
    /* segment 0 loaded at the top of the address space, wrapping */
    assert_int_equal(parse_modified(false, 96, 0xffffff00, true), XEF_ERR_SEGMENT);
}

/* A stream that produces more than its segment declares is refused when
 * loaded, having written nothing past the declared size. */
static void refuses_stream_overrun(void **state)
{
    (void)state;
    size_t size = 0;
    uint8_t *bytes = build(true, &size);
    struct xef_file f;
    assert_int_equal(xef_parse(bytes, size, &f), XEF_OK);
    struct xef_segment s = xef_segment_at(&f, 0);
    uint32_t smaller = s.file_size - 100;
    xef_put_be32(bytes + 96 + 8, smaller);                               /* segment fileSize */
    xef_put_be32(bytes + f.header.image_offset + s.offset + 4, smaller); /* stream size */
    redigest(bytes, size);
    assert_int_equal(xef_parse(bytes, size, &f), XEF_OK);
    uint8_t *dest = calloc(1, s.file_size);
    assert_int_equal(xef_segment_load(&f, 0, dest, s.file_size), XEF_ERR_OVERRUN);
    for (uint32_t i = smaller; i < s.file_size; i++)
        assert_int_equal(dest[i], 0);
    /* and the stream header must agree with the segment */
    xef_put_be32(bytes + f.header.image_offset + s.offset + 4, s.file_size);
    redigest(bytes, size);
    assert_int_equal(xef_parse(bytes, size, &f), XEF_ERR_STREAM);
    free(dest);
    free(bytes);
}

/* --- containers ------------------------------------------------------------ */

static uint8_t *build_container(size_t *size)
{
    static const uint8_t core[] = "core", config[] = "config!", part[] = "partition-image";
    static const struct xef_container_input files[] = {
        {"xm_core.xef", core, 4}, {"xm_cf.xef", config, 7}, {"p0.xef", part, 15}};
    static const struct xef_container_partition partitions[] = {
        {.id = -1, .file = 0, .custom_file_count = 1, .custom_files = {1}},
        {.id = 0, .file = 2},
    };
    struct xef_container_build b = {partitions, 2, files, 3};
    size_t bound = xef_container_write_bound(&b);
    uint8_t *out = malloc(bound);
    assert_int_equal(xef_container_write(&b, out, bound, size), XEF_OK);
    return out;
}

static void container_round_trip(void **state)
{
    (void)state;
    size_t size = 0;
    uint8_t *bytes = build_container(&size);
    struct xef_container c;
    assert_int_equal(xef_container_parse(bytes, size, &c), XEF_OK);
    assert_int_equal(c.partition_table_offset, 64);
    assert_int_equal(c.partition_count, 2);
    assert_int_equal(c.string_table_offset, 64 + 48);
    assert_int_equal(c.string_table_size, 12 + 10 + 7);
    assert_int_equal(c.file_count, 3);
    assert_int_equal(c.file_data_size, 4 + 7 + 15);
    assert_string_equal(xef_container_file_name(&c, 1), "xm_cf.xef");
    struct xef_container_file f = xef_container_file_at(&c, 2);
    assert_int_equal(f.offset % 8, 0);
    assert_memory_equal(xef_container_file_data(&c, 2), "partition-image", 15);
    assert_int_equal(c.file_data_offset, f.offset + 15);
    struct xef_container_partition p = xef_container_partition_at(&c, 0);
    assert_int_equal(p.id, -1);
    assert_int_equal(p.custom_files[0], 1);
    free(bytes);
}

static enum xef_status container_modified(size_t offset, uint32_t value)
{
    size_t size = 0;
    uint8_t *bytes = build_container(&size);
    xef_put_be32(bytes + offset, value);
    xef_digest(bytes, size, XEF_CONTAINER_DIGEST_OFFSET, bytes + XEF_CONTAINER_DIGEST_OFFSET);
    struct xef_container c;
    enum xef_status status = xef_container_parse(bytes, size, &c);
    free(bytes);
    return status;
}

static void container_refuses_corruption(void **state)
{
    (void)state;
    size_t size = 0;
    uint8_t *bytes = build_container(&size);
    struct xef_container c;
    assert_int_equal(xef_container_parse(bytes, 30, &c), XEF_ERR_TRUNCATED);
    assert_int_equal(xef_container_parse(bytes, size - 4, &c), XEF_ERR_TRUNCATED);
    bytes[size - 6] ^= 0x40;
    assert_int_equal(xef_container_parse(bytes, size, &c), XEF_ERR_DIGEST);
    free(bytes);
    assert_int_equal(container_modified(0, XEF_SIGNATURE), XEF_ERR_CONTAINER_SIGNATURE);
    assert_int_equal(container_modified(32, 0xfffffff0), XEF_ERR_PARTITION_TABLE);
    assert_int_equal(container_modified(36, 0), XEF_ERR_PARTITION_TABLE);
    assert_int_equal(container_modified(44, 0x10000000), XEF_ERR_FILE_TABLE);
    assert_int_equal(container_modified(52, 0x7fffffff), XEF_ERR_STRING_TABLE);
    size_t file_table = 64 + 48 + 32; /* string table rounded up to 8 */
    assert_int_equal(container_modified(file_table + 12 + 4, 0x100000), XEF_ERR_FILE);
    assert_int_equal(container_modified(file_table + 8, 29), XEF_ERR_STRING_TABLE);
    assert_int_equal(container_modified(64 + 24 + 4, 3), XEF_ERR_FILE_INDEX);
    assert_int_equal(container_modified(64 + 8, 4), XEF_ERR_FILE_INDEX);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(round_trip_plain),     cmocka_unit_test(round_trip_compressed),
        cmocka_unit_test(refuses_corruption),   cmocka_unit_test(refuses_stream_overrun),
        cmocka_unit_test(container_round_trip), cmocka_unit_test(container_refuses_corruption),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
