/* The gui tests' system and trace. */
#include "test_gui_fixture.h"
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <hvcore/hv.h>

static const struct hv_slot slots[] = {
    {.id = 0, .start_us = 0, .duration_us = 400, .partition_id = 0},
    {.id = 1, .start_us = 500, .duration_us = 400, .partition_id = 1},
};
static const struct hv_plan plans[] = {
    {.id = 0, .name = "main", .major_frame_us = 1000, .slots = slots, .slot_count = 2},
};
static const struct hv_port_config ports[] = {
    {.name = "out", .partition_id = 0, .direction = HV_PORT_SOURCE, .type = HV_PORT_QUEUING},
    {.name = "in", .partition_id = 1, .direction = HV_PORT_DESTINATION, .type = HV_PORT_QUEUING},
};
static const uint32_t destinations[] = {1};
static const struct hv_channel channels[] = {
    {.type = HV_CHANNEL_QUEUING,
     .max_message_length = 16,
     .max_messages = 4,
     .source_port = 0,
     .destination_ports = destinations,
     .destination_count = 1},
};
static const struct hv_partition_config partitions[] = {
    {.id = 0, .name = "Alpha", .ports = &ports[0], .port_count = 1, .first_port = 0},
    {.id = 1, .name = "Beta", .ports = &ports[1], .port_count = 1, .first_port = 1},
};

const struct hv_config fixture_config = {
    .name = "fixture",
    .cpu_khz = FIX_KHZ,
    .plans = plans,
    .plan_count = 1,
    .partitions = partitions,
    .partition_count = 2,
    .ports = ports,
    .port_count = 2,
    .channels = channels,
    .channel_count = 1,
};

#define R(cycle, kind, partition, a, b, c)                                                         \
    {                                                                                              \
        cycle, kind, partition, a, b, c                                                            \
    }
const struct sim_trace_record fixture_records[] = {
    R(0, HV_TRACE_MAF_START, -1, 0, 0, 0),
    R(FIX_SLOT0_ACTUAL_START, HV_TRACE_SLOT_START, 0, 0, 0, 0),
    R(FIX_EXEC0_START, HV_TRACE_SWITCH, 0, (uint32_t)-1, 0, 0),
    R(100, HV_TRACE_HYPERCALL, 0, 11, 0, 0),
    R(150, HV_TRACE_PORT_WRITE, 0, 0, 4, 0),
    R(FIX_HM_CYCLE, HV_TRACE_HM_EVENT, 0, XM_HM_EV_MEM_PROTECTION, XM_HM_AC_HALT, 1),
    R(FIX_HM_CYCLE, HV_TRACE_STATE, 0, HV_STATE_HALTED, HV_STATE_READY, 0),
    R(FIX_HM_CYCLE, HV_TRACE_SWITCH, -1, 0, 0, 0),
    R(400, HV_TRACE_SLOT_END, 0, 0, 400, 0),
    R(500, HV_TRACE_SLOT_START, 1, 1, 500, 0),
    R(500, HV_TRACE_SWITCH, 1, (uint32_t)-1, 0, 0),
    R(600, HV_TRACE_PORT_READ, 1, 1, 4, 0),
    R(FIX_LINE_START, SIM_TRACE_CONSOLE, 1, 'o', 0, 0),
    R(710, SIM_TRACE_CONSOLE, 1, 'k', 0, 0),
    R(FIX_LINE_END, SIM_TRACE_CONSOLE, 1, '\n', 0, 0),
    R(900, HV_TRACE_SLOT_END, 1, 1, 900, 0),
    R(900, HV_TRACE_SWITCH, -1, 1, 0, 0),
    R(FIX_END, HV_TRACE_MAF_START, -1, 1, 0, 0),
};
const size_t fixture_record_count = sizeof fixture_records / sizeof fixture_records[0];

void fixture_model(struct gui_model *model)
{
    struct gui_meta meta = {&fixture_config, FIX_KHZ, 0, false, NULL};
    char error[200] = "";
    assert_int_equal(
        gui_model_build(model, fixture_records, fixture_record_count, &meta, error, sizeof error),
        GUI_OK);
}

void fixture_overrun_model(struct gui_model *model)
{
    struct sim_trace_record records[32];
    size_t n = 0;
    for (uint32_t frame = 0; frame < 3; frame++) {
        uint32_t base = frame * 1000u;
        uint32_t overrun = frame == 1 ? FIX_OVERRUN : 0, late = frame == 2 ? FIX_LATE : 0;
        records[n++] = (struct sim_trace_record)R(base, HV_TRACE_MAF_START, -1, frame, 0, 0);
        records[n++] = (struct sim_trace_record)R(base + 4, HV_TRACE_SLOT_START, 0, 0, base, 0);
        records[n++] = (struct sim_trace_record)R(base + 403 + overrun, HV_TRACE_SLOT_END, 0, 0,
                                                  base + 400, 0);
        records[n++] =
            (struct sim_trace_record)R(base + 504 + late, HV_TRACE_SLOT_START, 1, 1, base + 500, 0);
        records[n++] =
            (struct sim_trace_record)R(base + 903, HV_TRACE_SLOT_END, 1, 1, base + 900, 0);
    }
    struct gui_meta meta = {&fixture_config, FIX_KHZ, 3000, false, NULL};
    char error[200] = "";
    assert_int_equal(gui_model_build(model, records, n, &meta, error, sizeof error), GUI_OK);
}
