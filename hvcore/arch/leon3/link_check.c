/* hvcore/arch/leon3: the smallest configuration the port links with, so
 * that the SPARC build links a whole image (hv_link_check.elf) and a
 * port function the core needs but this port lacks fails the build, not
 * the first `hvsim run --engine qemu`. */
#include "leon3.h"
#include <stddef.h>

static const struct hv_slot slots[] = {
    {.id = 0, .start_us = 0, .duration_us = 1000, .partition_id = 0},
};
static const struct hv_plan plans[] = {
    {.id = 0, .name = "check", .major_frame_us = 1000, .slots = slots, .slot_count = 1},
};
static const struct hv_mem_area areas[] = {
    {.name = "m", .start = 0x40100000u, .size = 0x100000u, .mapped_at = 0x40100000u},
};
static const struct hv_partition_config partitions[] = {
    {.id = 0,
     .name = "P0",
     .flags = HV_PART_BOOT,
     .console = HV_CONSOLE_NONE,
     .areas = areas,
     .area_count = 1},
};
const struct hv_config leon3_config = {
    .name = "link-check",
    .cpu_khz = 40000,
    .hv_console = HV_CONSOLE_NONE,
    .plans = plans,
    .plan_count = 1,
    .partitions = partitions,
    .partition_count = 1,
};
const struct hv_board *const leon3_board = &hv_board_qemu_leon3;
const uint32_t leon3_image_entry[] = {0x40100000u};
const uint32_t leon3_stop_mafs = 1;
const uint32_t leon3_framed = 0;
const uint32_t leon3_traced = 0;
