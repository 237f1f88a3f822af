/* sim/image: loading LEON3 partition images and fitting them into a
 * partition's memory areas. The SPARC fixtures are built at test-build time
 * from test_image_sparc.c (see config.cmake); broken variants are made here
 * by truncating or patching a copy. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "sim/image.h"

#define IMAGES HVSIM_TEST_IMAGES
#define SCRATCH HVSIM_TEST_SCRATCH
#define OMAGIC IMAGES "/sparc_omagic.elf"
#define PATCHED SCRATCH "/image_patched.elf"

static const char *self_path; /* argv[0]: a host (x86-64 or other) ELF */

/* --- helpers ------------------------------------------------------------ */

static uint8_t *read_file(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    assert_int_equal(fseek(f, 0, SEEK_END), 0);
    long length = ftell(f);
    assert_true(length >= 0);
    rewind(f);
    uint8_t *bytes = malloc((size_t)length + 1);
    assert_non_null(bytes);
    assert_int_equal(fread(bytes, 1, (size_t)length, f), (size_t)length);
    fclose(f);
    *size = (size_t)length;
    return bytes;
}

static void write_file(const char *path, const uint8_t *bytes, size_t size)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(bytes, 1, size, f), size);
    assert_int_equal(fclose(f), 0);
}

static uint32_t be32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static void put_be32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

/* Offset of program header `i` in an ELF32 big-endian file. */
static size_t phdr_offset(const uint8_t *elf, unsigned i)
{
    return be32(elf + 28) + (size_t)i * 32u;
}

static char *read_stream(FILE *f)
{
    rewind(f);
    char *text = calloc(1, 4096);
    assert_non_null(text);
    size_t n = fread(text, 1, 4095, f);
    text[n] = '\0';
    return text;
}

/* Loads `path`, returns the diagnostics, *result the code. */
static char *load(const char *path, enum sim_error *result, struct sim_image *img)
{
    FILE *diag = tmpfile();
    assert_non_null(diag);
    *result = sim_image_load(path, diag, img);
    char *text = read_stream(diag);
    fclose(diag);
    return text;
}

static char *check_fits(const struct sim_image *img, const struct hv_partition_config *p,
                        enum sim_error *result)
{
    FILE *diag = tmpfile();
    assert_non_null(diag);
    *result = sim_image_check_fits(img, "part.elf", p, diag);
    char *text = read_stream(diag);
    fclose(diag);
    return text;
}

/* A copy of the -N fixture, with `patch` applied, loaded; the diagnostics. */
static char *load_patched(void (*patch)(uint8_t *elf, size_t *size), enum sim_error *result)
{
    size_t size;
    uint8_t *elf = read_file(OMAGIC, &size);
    patch(elf, &size);
    write_file(PATCHED, elf, size);
    free(elf);
    struct sim_image img;
    char *diag = load(PATCHED, result, &img);
    assert_null(img.segments); /* emptied on failure */
    assert_null(img.bytes);
    return diag;
}

/* --- valid images -------------------------------------------------------- */

static void test_load_omagic(void **state)
{
    (void)state;
    struct sim_image img;
    enum sim_error result;
    char *diag = load(OMAGIC, &result, &img);
    assert_string_equal(diag, "");
    assert_int_equal(result, SIM_OK);
    assert_int_equal(img.entry, 0x40100000);
    assert_int_equal(img.segment_count, 1);
    const struct sim_segment *s = &img.segments[0];
    assert_int_equal(s->address, 0x40100000);
    assert_int_equal(s->physical, 0x40100000);
    assert_true(s->file_size > 0);
    assert_true(s->mem_size >= s->file_size + 64 * 4); /* .bss: int zeroed[64] */
    size_t size;
    uint8_t *file = read_file(OMAGIC, &size);
    size_t offset = be32(file + phdr_offset(file, 0) + 4);
    assert_memory_equal(s->data, file + offset, s->file_size);
    free(file);
    sim_image_free(&img);
    sim_image_free(&img); /* emptied: safe twice */
    free(diag);
}

/* The brief's plain `-Ttext` link: a first segment holding the ELF headers
 * starts below 0x40100000. */
static void test_load_paged(void **state)
{
    (void)state;
    struct sim_image img;
    enum sim_error result;
    char *diag = load(IMAGES "/sparc_paged.elf", &result, &img);
    assert_string_equal(diag, "");
    assert_int_equal(result, SIM_OK);
    assert_int_equal(img.entry, 0x40100000);
    assert_int_equal(img.segment_count, 2);
    assert_true(img.segments[0].address < 0x40100000);
    assert_true(img.segments[1].mem_size > img.segments[1].file_size);
    sim_image_free(&img);
    free(diag);
}

/* --- fitting ------------------------------------------------------------- */

static struct hv_partition_config partition(const struct hv_mem_area *areas, uint32_t count)
{
    struct hv_partition_config p = {.id = 0, .areas = areas, .area_count = count};
    strcpy(p.name, "P0");
    return p;
}

static void test_fits(void **state)
{
    (void)state;
    static const struct hv_mem_area areas[] = {
        {"io", 0x80000000, 0x1000, 0x80000000, HV_AREA_UNMAPPED},
        {"code", 0x40100000, 256 * 1024, 0x40100000, 0},
    };
    struct hv_partition_config p = partition(areas, 2);
    struct sim_image img;
    enum sim_error result;
    free(load(OMAGIC, &result, &img));
    char *diag = check_fits(&img, &p, &result);
    assert_string_equal(diag, "");
    assert_int_equal(result, SIM_OK);
    sim_image_free(&img);
    free(diag);
}

/* mappedAt: the partition sees the area at 0x40100000, its memory is at
 * 0x40200000, so an image linked for 0x40100000 must say p_paddr 0x40200000. */
static void test_fits_mapped(void **state)
{
    (void)state;
    static const struct hv_mem_area areas[] = {
        {"code", 0x40200000, 256 * 1024, 0x40100000, 0},
    };
    struct hv_partition_config p = partition(areas, 1);
    struct sim_image img;
    enum sim_error result;
    free(load(OMAGIC, &result, &img));
    char *diag = check_fits(&img, &p, &result);
    char expected[256];
    snprintf(expected, sizeof(expected),
             "part.elf: segment 0x40100000-0x%08x has physical address 0x40100000, but "
             "partition 0 (P0)'s area holds it at 0x40200000\n",
             0x40100000u + img.segments[0].mem_size);
    assert_string_equal(diag, expected);
    assert_int_equal(result, SIM_ERR_IMAGE);
    free(diag);
    img.segments[0].physical = 0x40200000; /* as an AT() link would give */
    diag = check_fits(&img, &p, &result);
    assert_string_equal(diag, "");
    assert_int_equal(result, SIM_OK);
    sim_image_free(&img);
    free(diag);
}

/* areas_text: how the message lists the partition's areas */
static void expect_no_fit(const struct hv_mem_area *areas, uint32_t count, const char *areas_text)
{
    struct hv_partition_config p = partition(areas, count);
    struct sim_image img;
    enum sim_error result;
    free(load(OMAGIC, &result, &img));
    char *diag = check_fits(&img, &p, &result);
    char expected[256];
    snprintf(expected, sizeof(expected),
             "part.elf: segment 0x40100000-0x%08x does not fit partition 0 (P0)'s memory "
             "areas (%s)\n",
             0x40100000u + img.segments[0].mem_size, areas_text);
    assert_string_equal(diag, expected);
    assert_int_equal(result, SIM_ERR_IMAGE);
    sim_image_free(&img);
    free(diag);
}

static void test_no_fit(void **state)
{
    static const struct hv_mem_area elsewhere[] = {{"", 0x40101000, 0x1000, 0x40101000, 0}};
    static const struct hv_mem_area unmapped[] = {
        {"", 0x40100000, 0x1000, 0x40100000, HV_AREA_UNMAPPED}};
    static const struct hv_mem_area too_small[] = {{"", 0x40100000, 0x10, 0x40100000, 0}};
    /* Adjacent areas that together cover it: a segment must lie in ONE area. */
    static const struct hv_mem_area split[] = {{"", 0x40100000, 0x10, 0x40100000, 0},
                                               {"", 0x40100010, 0x1000, 0x40100010, 0}};
    (void)state;
    expect_no_fit(elsewhere, 1, "0x40101000-0x40102000");
    expect_no_fit(unmapped, 1, "0x40100000-0x40101000 unmapped");
    expect_no_fit(too_small, 1, "0x40100000-0x40100010");
    expect_no_fit(split, 2, "0x40100000-0x40100010, 0x40100010-0x40101010");
    expect_no_fit(NULL, 0, "none");
}

/* The plain -Ttext link does not fit an area starting at its text. */
static void test_paged_does_not_fit(void **state)
{
    (void)state;
    static const struct hv_mem_area areas[] = {{"", 0x40100000, 256 * 1024, 0x40100000, 0}};
    struct hv_partition_config p = partition(areas, 1);
    struct sim_image img;
    enum sim_error result;
    free(load(IMAGES "/sparc_paged.elf", &result, &img));
    char *diag = check_fits(&img, &p, &result);
    char expected[256];
    const struct sim_segment *s = &img.segments[0];
    snprintf(expected, sizeof(expected),
             "part.elf: segment 0x%08x-0x%08x does not fit partition 0 (P0)'s memory areas "
             "(0x40100000-0x40140000)\n",
             s->address, s->address + s->mem_size);
    assert_string_equal(diag, expected);
    assert_int_equal(result, SIM_ERR_IMAGE);
    sim_image_free(&img);
    free(diag);
}

/* --- invalid files ------------------------------------------------------- */

static void expect_error(const char *path, enum sim_error code, const char *message)
{
    struct sim_image img;
    enum sim_error result;
    char *diag = load(path, &result, &img);
    char expected[512];
    snprintf(expected, sizeof(expected), "%s: %s\n", path, message);
    assert_string_equal(diag, expected);
    assert_int_equal(result, code);
    assert_null(img.segments);
    free(diag);
}

static void test_missing_file(void **state)
{
    (void)state;
    expect_error(IMAGES "/missing.elf", SIM_ERR_IO, "cannot open: No such file or directory");
}

static void test_not_elf(void **state)
{
    (void)state;
    expect_error(HVSIM_TEST_CONFIGS "/hello.xml", SIM_ERR_IMAGE, "not an ELF file");
    write_file(PATCHED, (const uint8_t *)"", 0);
    expect_error(PATCHED, SIM_ERR_IMAGE, "not an ELF file");
}

static void test_host_elf(void **state)
{
    (void)state;
    expect_error(self_path, SIM_ERR_IMAGE, "not a SPARC (32-bit big-endian) ELF executable");
}

static void test_relocatable(void **state)
{
    (void)state;
    expect_error(IMAGES "/sparc.o", SIM_ERR_IMAGE,
                 "not a linked executable (ELF type 1, expected ET_EXEC)");
}

static void patch_sparc32plus(uint8_t *elf, size_t *size)
{
    (void)size;
    elf[18] = 0;
    elf[19] = 18; /* EM_SPARC32PLUS */
}

static void patch_little_endian(uint8_t *elf, size_t *size)
{
    (void)size;
    elf[5] = 1; /* ELFDATA2LSB */
}

static void test_other_machines(void **state)
{
    (void)state;
    enum sim_error result;
    char *diag = load_patched(patch_sparc32plus, &result);
    assert_string_equal(diag, PATCHED ": not a SPARC (32-bit big-endian) ELF executable\n");
    assert_int_equal(result, SIM_ERR_IMAGE);
    free(diag);
    diag = load_patched(patch_little_endian, &result);
    assert_string_equal(diag, PATCHED ": not a SPARC (32-bit big-endian) ELF executable\n");
    free(diag);
}

static size_t cut_at;

static void patch_truncate(uint8_t *elf, size_t *size)
{
    (void)elf;
    *size = cut_at;
}

static void expect_truncated(size_t size, const char *message)
{
    enum sim_error result;
    char expected[256];
    cut_at = size;
    char *diag = load_patched(patch_truncate, &result);
    snprintf(expected, sizeof(expected), "%s: %s\n", PATCHED, message);
    assert_string_equal(diag, expected);
    assert_int_equal(result, SIM_ERR_IMAGE);
    free(diag);
}

static void test_truncated(void **state)
{
    (void)state;
    expect_truncated(10, "truncated: the ELF header is incomplete");
    expect_truncated(40, "truncated: the ELF header is incomplete");
    expect_truncated(60, "truncated: the program headers end past the end of the file");
    expect_truncated(0x74 + 8, "truncated: segment 0's data ends past the end of the file");
}

static void patch_filesz(uint8_t *elf, size_t *size)
{
    (void)size;
    uint8_t *ph = elf + phdr_offset(elf, 0);
    put_be32(ph + 16, be32(ph + 20) + 1); /* p_filesz = p_memsz + 1 */
}

static void patch_no_load(uint8_t *elf, size_t *size)
{
    (void)size;
    put_be32(elf + phdr_offset(elf, 0), 0); /* PT_LOAD -> PT_NULL */
}

static void patch_wrap(uint8_t *elf, size_t *size)
{
    (void)size;
    put_be32(elf + phdr_offset(elf, 0) + 8, 0xffffff00); /* p_vaddr near 4 GiB */
}

static void test_corrupt_segments(void **state)
{
    (void)state;
    enum sim_error result;
    char *diag = load_patched(patch_filesz, &result);
    assert_non_null(strstr(diag, ": segment 0: file size 0x"));
    assert_non_null(strstr(diag, "exceeds its memory size 0x"));
    assert_int_equal(result, SIM_ERR_IMAGE);
    free(diag);
    diag = load_patched(patch_no_load, &result);
    assert_string_equal(diag, PATCHED ": has no loadable (PT_LOAD) segment\n");
    free(diag);
    diag = load_patched(patch_wrap, &result);
    assert_string_equal(diag, PATCHED ": segment 0 extends past 4 GiB\n");
    free(diag);
}

/* Every prefix and a spread of single-byte corruptions: a message or
 * success, never a crash (and, under valgrind, no invalid read). */
static void test_robustness(void **state)
{
    (void)state;
    size_t size;
    uint8_t *elf = read_file(OMAGIC, &size);
    uint32_t seed = 12345;
    for (size_t i = 0; i < size * 2; i++) {
        uint8_t *copy = malloc(size);
        assert_non_null(copy);
        memcpy(copy, elf, size);
        size_t length = i < size ? i : size;
        if (i >= size) {
            seed = seed * 1103515245u + 12345u;
            copy[(seed >> 8) % 200u % size] ^= (uint8_t)(1u << ((seed >> 4) & 7u));
        }
        write_file(PATCHED, copy, length);
        free(copy);
        struct sim_image img;
        enum sim_error result = sim_image_load(PATCHED, NULL, &img);
        assert_true(result == SIM_OK || result == SIM_ERR_IMAGE);
        sim_image_free(&img);
    }
    free(elf);
}

int main(int argc, char **argv)
{
    (void)argc;
    self_path = argv[0];
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_load_omagic),
        cmocka_unit_test(test_load_paged),
        cmocka_unit_test(test_fits),
        cmocka_unit_test(test_fits_mapped),
        cmocka_unit_test(test_no_fit),
        cmocka_unit_test(test_paged_does_not_fit),
        cmocka_unit_test(test_missing_file),
        cmocka_unit_test(test_not_elf),
        cmocka_unit_test(test_host_elf),
        cmocka_unit_test(test_relocatable),
        cmocka_unit_test(test_other_machines),
        cmocka_unit_test(test_truncated),
        cmocka_unit_test(test_corrupt_segments),
        cmocka_unit_test(test_robustness),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
