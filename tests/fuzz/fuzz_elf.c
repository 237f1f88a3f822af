/* libFuzzer target: the partition image loader (sim/image.c) on a file held
 * in memory, ELF (libelf) or XEF, for a partition with two 1 MB areas, one
 * mapped elsewhere (mappedAt) and one unmapped; then what `hvsim run` does
 * with an image it accepts: the check that every segment fits one area, the
 * copy of the segments into the areas (.bss zeroed), and the lookup of the
 * sections `hvsim xef build` reads. Its messages must name the file
 * (fuzz_report.h). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_report.h"
#include "sim/image.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define NAME "fuzz.elf"
#define AREA_SIZE (1u << 20)

static const struct hv_mem_area areas[] = {
    {.name = "code", .start = 0x40100000, .size = AREA_SIZE, .mapped_at = 0x40100000},
    {.name = "data", .start = 0x40200000, .size = AREA_SIZE, .mapped_at = 0x00100000},
    {.name = "hidden",
     .start = 0x40300000,
     .size = AREA_SIZE,
     .mapped_at = 0x40300000,
     .flags = HV_AREA_UNMAPPED},
};
#define AREA_COUNT (sizeof areas / sizeof areas[0])

static const struct hv_partition_config partition = {
    .id = 0, .name = "Fuzzed", .areas = areas, .area_count = AREA_COUNT};

/* The partition's memory, one buffer an area. */
static uint8_t memory[AREA_COUNT][AREA_SIZE];

/* A segment the loader said fits: copied where the partition sees it. */
static void copy_segment(const struct sim_segment *s)
{
    for (size_t i = 0; i < AREA_COUNT; i++) {
        const struct hv_mem_area *a = &areas[i];
        if (a->flags & HV_AREA_UNMAPPED || s->address < a->mapped_at ||
            (uint64_t)s->address + s->mem_size > (uint64_t)a->mapped_at + a->size)
            continue;
        uint8_t *at = memory[i] + (s->address - a->mapped_at);
        memcpy(at, s->data, s->file_size);
        memset(at + s->file_size, 0, s->mem_size - s->file_size);
        return;
    }
    abort(); /* sim_image_check_fits passed a segment no area holds */
}

static void load(const struct sim_image *image)
{
    struct fuzz_report report;
    if (!fuzz_report_open(&report))
        return;
    enum sim_error error = sim_image_check_fits(image, NAME, &partition, report.stream);
    fuzz_report_check(&report, NAME, error != SIM_OK);
    for (uint32_t i = 0; error == SIM_OK && i < image->segment_count; i++)
        copy_segment(&image->segments[i]);
    struct sim_section section;
    static const char *const names[] = {".xmImageHdr", ".xmHdr", ".text"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (sim_image_section(image, names[i], &section) > 0 && section.size > 0)
            memory[0][0] ^= section.data[section.size - 1]; /* the data is in the file */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fuzz_report report;
    struct sim_image image;
    if (!fuzz_report_open(&report))
        return 0;
    enum sim_error error =
        sim_image_from_memory_for(NAME, data, size, &partition, report.stream, &image);
    fuzz_report_check(&report, NAME, error != SIM_OK);
    if (error == SIM_OK)
        load(&image);
    sim_image_free(&image);
    return 0;
}
