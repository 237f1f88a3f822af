/* libFuzzer target: the scenario script parser (sim/scenario/scenario_parse.c)
 * on a script held in memory, then the check of the whole script against a
 * configuration (scn_check: partitions, plans, slots, times, files), as
 * hvsim scenario does before it runs anything; nothing is loaded or run.
 * The configuration is hello's (scenarios/hello/xm_cf.xml), written here
 * as the loader would build it. Its messages must name the script
 * (fuzz_report.h). */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "fuzz_report.h"
#include "sim/scenario/scenario.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define NAME "fuzz/scenario.hvsim"

static const struct hv_slot slots[] = {
    {.id = 0, .start_us = 0, .duration_us = 50000, .partition_id = 0},
    {.id = 1, .start_us = 50000, .duration_us = 50000, .partition_id = 1},
};
static const struct hv_plan plans[] = {
    {.id = 0, .major_frame_us = 100000, .slots = slots, .slot_count = 2},
};
static const struct hv_mem_area areas[] = {
    {.start = 0x40100000, .size = 1u << 20, .mapped_at = 0x40100000},
    {.start = 0x40200000, .size = 1u << 20, .mapped_at = 0x40200000},
};
static const struct hv_partition_config partitions[] = {
    {.id = 0, .name = "Partition0", .flags = HV_PART_BOOT, .areas = &areas[0], .area_count = 1},
    {.id = 1, .name = "Partition1", .flags = HV_PART_BOOT, .areas = &areas[1], .area_count = 1},
};
static const struct hv_config hello = {
    .name = "hello",
    .cpu_khz = 50000,
    .plans = plans,
    .plan_count = 1,
    .partitions = partitions,
    .partition_count = 2,
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct scn_script script;
    struct fuzz_report report;
    /* fmemopen refuses a size of 0 */
    FILE *file = size ? fmemopen((void *)data, size, "r") : fopen("/dev/null", "r");
    if (file == NULL || !fuzz_report_open(&report)) {
        if (file != NULL)
            fclose(file);
        return 0;
    }
    bool parsed = scn_parse_stream(NAME, file, "build", &script, report.stream);
    bool checked = script.path != NULL && scn_check(&script, &hello, NULL, false, report.stream);
    fuzz_report_check(&report, NAME, !parsed || !checked);
    scn_script_free(&script);
    return 0;
}
