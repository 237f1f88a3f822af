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

static size_t destination_total(const struct sim_trace_header *h)
{
    size_t total = 0;
    for (uint32_t c = 0; c < h->channel_count; c++)
        total += h->channels[c].destination_count;
    return total;
}

/* The ports, each not yet in a channel (channel UINT32_MAX). */
static const char *copy_ports(struct gui_trace_config *out, const struct sim_trace_header *h)
{
    for (uint32_t i = 0; i < h->port_count; i++) {
        const struct sim_trace_port *from = &h->ports[i];
        if (from->partition >= h->partition_count || from->direction > HV_PORT_DESTINATION ||
            from->type > HV_PORT_QUEUING)
            return "a port of a partition it does not have, or of no known direction or type";
        out->ports[i] = (struct hv_port_config){.partition_id = from->partition,
                                                .direction = from->direction,
                                                .type = from->type,
                                                .channel = UINT32_MAX};
        memcpy(out->ports[i].name, from->name, HV_NAME_MAX);
    }
    return NULL;
}

/* Puts port `port` in channel `c`; false for a port it does not have. */
static bool join(struct gui_trace_config *out, uint32_t port_count, uint32_t port, uint32_t c)
{
    if (port >= port_count)
        return false;
    out->ports[port].channel = c;
    return true;
}

/* The channels, their ports' channel set; every port must be in one. */
static const char *copy_channels(struct gui_trace_config *out, const struct sim_trace_header *h)
{
    uint32_t *destination = out->destinations;
    for (uint32_t c = 0; c < h->channel_count; c++) {
        const struct sim_trace_channel *from = &h->channels[c];
        if (from->type > HV_CHANNEL_QUEUING || !join(out, h->port_count, from->source_port, c))
            return "a channel of no known type or from a port it does not have";
        out->channels[c] = (struct hv_channel){.type = from->type,
                                               .source_port = from->source_port,
                                               .destination_ports = destination,
                                               .destination_count = from->destination_count};
        for (uint32_t d = 0; d < from->destination_count; d++, destination++) {
            if (!join(out, h->port_count, from->destinations[d], c))
                return "a channel to a port it does not have";
            *destination = from->destinations[d];
        }
    }
    for (uint32_t i = 0; i < h->port_count; i++)
        if (out->ports[i].channel == UINT32_MAX)
            return "a port in no channel";
    return NULL;
}

static void copy_partitions(struct gui_trace_config *out, const struct sim_trace_header *h)
{
    for (uint32_t i = 0; i < h->partition_count; i++) {
        out->partitions[i].id = i;
        memcpy(out->partitions[i].name, h->partition_names[i], HV_NAME_MAX);
    }
}

/* +1: calloc(0) may return NULL, which would read as out of memory */
static enum gui_error allocate(struct gui_trace_config *out, const struct sim_trace_header *h)
{
    out->partitions = calloc(h->partition_count + 1u, sizeof *out->partitions);
    out->plans = calloc(h->plan_count, sizeof *out->plans);
    out->slots = calloc(slot_total(h) + 1, sizeof *out->slots);
    out->ports = calloc(h->port_count + 1u, sizeof *out->ports);
    out->channels = calloc(h->channel_count + 1u, sizeof *out->channels);
    out->destinations = calloc(destination_total(h) + 1, sizeof *out->destinations);
    bool all = out->partitions && out->plans && out->slots && out->ports && out->channels &&
               out->destinations;
    return all ? GUI_OK : GUI_ERR_NO_MEMORY;
}

static void fill_config(struct gui_trace_config *out, const struct sim_trace_header *h)
{
    memcpy(out->config.name, h->system, HV_NAME_MAX);
    out->config.cpu_khz = h->khz;
    out->config.partitions = out->partitions;
    out->config.partition_count = h->partition_count;
    out->config.plans = out->plans;
    out->config.plan_count = h->plan_count;
    out->config.ports = out->ports;
    out->config.port_count = h->port_count;
    out->config.channels = out->channels;
    out->config.channel_count = h->channel_count;
    out->ports_unknown = h->version < SIM_TRACE_VERSION_PORTS;
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
    if (allocate(out, h) != GUI_OK) {
        gui_trace_config_free(out);
        snprintf(error, error_size, "reading the trace's header: out of memory");
        return GUI_ERR_NO_MEMORY;
    }
    copy_partitions(out, h);
    copy_plans(out, h);
    const char *problem = copy_ports(out, h);
    if (!problem)
        problem = copy_channels(out, h);
    if (problem) {
        gui_trace_config_free(out);
        snprintf(error, error_size, "the trace's header has %s", problem);
        return GUI_ERR_BAD_TRACE;
    }
    fill_config(out, h);
    return GUI_OK;
}

void gui_trace_config_free(struct gui_trace_config *c)
{
    free(c->partitions);
    free(c->plans);
    free(c->slots);
    free(c->ports);
    free(c->channels);
    free(c->destinations);
    memset(c, 0, sizeof *c);
}
