/* gui/: a configuration from a trace file's header (gui/trace_config.h). */
#include "gui/trace_config.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static size_t slot_total(const struct sim_trace_header *h)
{
    size_t total = 0;
    for (uint32_t p = 0; p < h->plan_count; p++)
        total += h->plans[p].slot_count;
    return total;
}

static void copy_plans(struct gui_trace_config *out, const struct sim_trace_header *h)
{
    struct hv_slot *slot = out->slots;
    for (uint32_t p = 0; p < h->plan_count; p++) {
        const struct sim_trace_plan *from = &h->plans[p];
        out->plans[p] = (struct hv_plan){.id = p,
                                         .major_frame_us = from->major_frame_us,
                                         .slots = slot,
                                         .slot_count = from->slot_count};
        memcpy(out->plans[p].name, from->name, HV_NAME_MAX);
        for (uint32_t s = 0; s < from->slot_count; s++, slot++)
            *slot = (struct hv_slot){.id = s,
                                     .start_us = from->slots[s].start_us,
                                     .duration_us = from->slots[s].duration_us,
                                     .partition_id = from->slots[s].partition};
    }
}

static void copy_partitions(struct gui_trace_config *out, const struct sim_trace_header *h)
{
    for (uint32_t i = 0; i < h->partition_count; i++) {
        out->partitions[i].id = i;
        memcpy(out->partitions[i].name, h->partition_names[i], HV_NAME_MAX);
    }
}

enum gui_error gui_trace_config_init(struct gui_trace_config *out, const struct sim_trace_header *h,
                                     char *error, size_t error_size)
{
    memset(out, 0, sizeof *out);
    if (h->plan_count == 0 || h->partition_count > HV_MAX_PARTITIONS) {
        snprintf(error, error_size, "the trace's header has %s",
                 h->plan_count ? "too many partitions" : "no plan");
        return GUI_ERR_BAD_TRACE;
    }
    /* +1: calloc(0) may return NULL, which would read as out of memory */
    out->partitions = calloc(h->partition_count + 1u, sizeof *out->partitions);
    out->plans = calloc(h->plan_count, sizeof *out->plans);
    out->slots = calloc(slot_total(h) + 1, sizeof *out->slots);
    if (!out->partitions || !out->plans || !out->slots) {
        gui_trace_config_free(out);
        snprintf(error, error_size, "reading the trace's header: out of memory");
        return GUI_ERR_NO_MEMORY;
    }
    copy_partitions(out, h);
    copy_plans(out, h);
    memcpy(out->config.name, h->system, HV_NAME_MAX);
    out->config.cpu_khz = h->khz;
    out->config.partitions = out->partitions;
    out->config.partition_count = h->partition_count;
    out->config.plans = out->plans;
    out->config.plan_count = h->plan_count;
    return GUI_OK;
}

void gui_trace_config_free(struct gui_trace_config *c)
{
    free(c->partitions);
    free(c->plans);
    free(c->slots);
    memset(c, 0, sizeof *c);
}
