/* sim/config: the last step of XM_CF loading: a file without any error becomes
 * the read-only struct hv_config. Arrays indexed by id are placed at their
 * id (ids are checked to be 0..n-1); everything variable-length (slots,
 * areas, I/O ranges, ports, channel ends, IPVI targets) fills one pool per
 * kind, in id order, so the whole configuration is a handful of blocks. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "sim/config/board_check.h"
#include "sim/config/build.h"
#include "sim/config/hm_rules.h"

struct sim_config {
    struct hv_config hv;
    struct hv_region *regions;
    struct hv_device *devices;
    struct hv_plan *plans;
    struct hv_slot *slots;
    struct hv_partition_config *partitions;
    struct hv_mem_area *areas;
    struct hv_io_range *io;
    struct hv_port_config *ports;
    struct hv_channel *channels;
    uint32_t *channel_ports; /* every channel's destination ports */
    struct hv_ipvi *ipvis;
    uint32_t *ipvi_targets;
    struct sim_config_simulator simulator;
    long *irq_src;  /* per partition: the line of its Interrupts element, 0: none */
    long *io_src;   /* per I/O range (as `io`): its element's line */
    long *area_src; /* per memory area (as `areas`): its element's line */
};

/* calloc that never asks for zero bytes, so NULL always means failure. */
static void *sim_alloc(size_t count, size_t size)
{
    return calloc(count == 0 ? 1 : count, size);
}

/* The sum of the counts of a sim_vec member of every record of `v`. */
static uint32_t sim_total(const struct sim_vec *v, size_t size, size_t member)
{
    uint32_t total = 0;
    for (uint32_t i = 0; i < v->count; i++) {
        const char *item = (const char *)v->items + (size_t)i * size;
        total += ((const struct sim_vec *)(const void *)(item + member))->count;
    }
    return total;
}

#define SIM_TOTAL(vec, type, member) sim_total((vec), sizeof(type), offsetof(type, member))

/* The index of the record whose id is `id`. */
static uint32_t sim_index_of(const struct sim_vec *v, size_t size, uint32_t id)
{
    uint32_t i = 0;
    while (sim_vec_src(v, size, i)->id != id)
        i++;
    return i;
}

static void sim_fill_plans(const struct sim_loader *ld, struct sim_config *c)
{
    const struct sim_plan_src *plans = ld->plans.items;
    uint32_t next = 0;
    for (uint32_t id = 0; id < ld->plans.count; id++) {
        const struct sim_plan_src *p = &plans[sim_index_of(&ld->plans, sizeof(*p), id)];
        const struct sim_slot_src *slots = p->slots.items;
        c->plans[id] = p->plan;
        c->plans[id].slots = &c->slots[next];
        c->plans[id].slot_count = p->slots.count;
        for (uint32_t s = 0; s < p->slots.count; s++)
            c->slots[next++] = slots[s].slot;
    }
}

struct sim_part_pools {
    uint32_t areas, io, ports;
};

static void sim_fill_partition(const struct sim_part_src *p, struct sim_config *c,
                               struct sim_part_pools *next)
{
    struct hv_partition_config *out = &c->partitions[p->src.id];
    const struct sim_area_src *areas = p->areas.items;
    const struct sim_io_src *io = p->io.items;
    const struct sim_port_src *ports = p->ports.items;
    *out = p->part;
    sim_hm_fill(&p->hm_events, false, out->hm);
    out->areas = &c->areas[next->areas];
    out->area_count = p->areas.count;
    for (uint32_t i = 0; i < p->areas.count; i++) {
        c->area_src[next->areas] = areas[i].src.line;
        c->areas[next->areas++] = areas[i].area;
    }
    out->io_ranges = &c->io[next->io];
    out->io_range_count = p->io.count;
    c->irq_src[p->src.id] = p->irq_line;
    for (uint32_t i = 0; i < p->io.count; i++) {
        c->io_src[next->io] = io[i].src.line;
        c->io[next->io++] = io[i].io;
    }
    out->first_port = next->ports;
    out->ports = &c->ports[next->ports];
    out->port_count = p->ports.count;
    for (uint32_t i = 0; i < p->ports.count; i++)
        c->ports[next->ports++] = ports[i].port;
}

static void sim_fill_partitions(const struct sim_loader *ld, struct sim_config *c)
{
    const struct sim_part_src *parts = ld->partitions.items;
    struct sim_part_pools next = {0, 0, 0};
    for (uint32_t id = 0; id < ld->partitions.count; id++)
        sim_fill_partition(&parts[sim_index_of(&ld->partitions, sizeof(*parts), id)], c, &next);
}

/* The end's port as an index in hv_config.ports; binds the port to it. */
static uint32_t sim_bind_end(const struct sim_end_src *end, struct sim_config *c, uint32_t channel)
{
    uint32_t index = c->partitions[end->part->src.id].first_port + end->port;
    c->ports[index].channel = channel;
    return index;
}

static void sim_fill_channels(const struct sim_loader *ld, struct sim_config *c)
{
    const struct sim_channel_src *channels = ld->channels.items;
    uint32_t next = 0;
    for (uint32_t i = 0; i < ld->channels.count; i++) {
        const struct sim_end_src *dests = channels[i].destinations.items;
        struct hv_channel *out = &c->channels[i];
        *out = channels[i].channel;
        out->source_port = sim_bind_end(&channels[i].source, c, i);
        out->destination_ports = &c->channel_ports[next];
        out->destination_count = channels[i].destinations.count;
        for (uint32_t d = 0; d < channels[i].destinations.count; d++)
            c->channel_ports[next++] = sim_bind_end(&dests[d], c, i);
    }
}

static void sim_fill_ipvis(const struct sim_loader *ld, struct sim_config *c)
{
    const struct sim_ipvi_src *ipvis = ld->ipvis.items;
    uint32_t next = 0;
    for (uint32_t i = 0; i < ld->ipvis.count; i++) {
        const uint32_t *targets = ipvis[i].destinations.items;
        struct hv_ipvi *out = &c->ipvis[i];
        out->id = ipvis[i].src.id;
        out->source_partition = ipvis[i].source;
        out->destinations = &c->ipvi_targets[next];
        out->destination_count = ipvis[i].destinations.count;
        for (uint32_t d = 0; d < ipvis[i].destinations.count; d++)
            c->ipvi_targets[next++] = targets[d];
    }
}

static void sim_fill_hw(const struct sim_loader *ld, struct sim_config *c)
{
    const struct sim_region_src *regions = ld->regions.items;
    const struct sim_device_src *devices = ld->devices.items;
    for (uint32_t i = 0; i < ld->regions.count; i++)
        c->regions[i] = regions[i].region;
    for (uint32_t i = 0; i < ld->devices.count; i++)
        c->devices[i] = devices[i].device;
}

static void sim_fill_hv(const struct sim_loader *ld, struct sim_config *c)
{
    struct hv_config *hv = &c->hv;
    memcpy(hv->name, ld->name, sizeof(hv->name));
    hv->cpu_khz = ld->cpu_khz;
    hv->hv_console = ld->hv_console_index;
    hv->regions = c->regions;
    hv->region_count = ld->regions.count;
    hv->devices = c->devices;
    hv->device_count = ld->devices.count;
    hv->plans = c->plans;
    hv->plan_count = ld->plans.count;
    hv->partitions = c->partitions;
    hv->partition_count = ld->partitions.count;
    sim_hm_fill(&ld->hv_hm_events, true, hv->hv_hm);
    hv->hv_memory_size = ld->hv_memory_size;
    hv->has_watchdog = ld->has_watchdog;
    hv->watchdog_initial_us = ld->watchdog_initial_us;
    hv->watchdog_reload_us = ld->watchdog_reload_us;
    hv->ports = c->ports;
    hv->port_count = SIM_TOTAL(&ld->partitions, struct sim_part_src, ports);
    hv->channels = c->channels;
    hv->channel_count = ld->channels.count;
    hv->ipvis = c->ipvis;
    hv->ipvi_count = ld->ipvis.count;
}

/* Allocates every pool; false when one allocation failed. */
static bool sim_alloc_pools(const struct sim_loader *ld, struct sim_config *c)
{
    const struct sim_vec *parts = &ld->partitions;
    c->regions = sim_alloc(ld->regions.count, sizeof(*c->regions));
    c->devices = sim_alloc(ld->devices.count, sizeof(*c->devices));
    c->plans = sim_alloc(ld->plans.count, sizeof(*c->plans));
    c->slots = sim_alloc(SIM_TOTAL(&ld->plans, struct sim_plan_src, slots), sizeof(*c->slots));
    c->partitions = sim_alloc(parts->count, sizeof(*c->partitions));
    c->areas = sim_alloc(SIM_TOTAL(parts, struct sim_part_src, areas), sizeof(*c->areas));
    c->area_src = sim_alloc(SIM_TOTAL(parts, struct sim_part_src, areas), sizeof(*c->area_src));
    c->io = sim_alloc(SIM_TOTAL(parts, struct sim_part_src, io), sizeof(*c->io));
    c->io_src = sim_alloc(SIM_TOTAL(parts, struct sim_part_src, io), sizeof(*c->io_src));
    c->irq_src = sim_alloc(parts->count, sizeof(*c->irq_src));
    c->ports = sim_alloc(SIM_TOTAL(parts, struct sim_part_src, ports), sizeof(*c->ports));
    c->channels = sim_alloc(ld->channels.count, sizeof(*c->channels));
    c->channel_ports = sim_alloc(SIM_TOTAL(&ld->channels, struct sim_channel_src, destinations),
                                 sizeof(*c->channel_ports));
    c->ipvis = sim_alloc(ld->ipvis.count, sizeof(*c->ipvis));
    c->ipvi_targets = sim_alloc(SIM_TOTAL(&ld->ipvis, struct sim_ipvi_src, destinations),
                                sizeof(*c->ipvi_targets));
    return c->regions != NULL && c->devices != NULL && c->plans != NULL && c->slots != NULL &&
           c->partitions != NULL && c->areas != NULL && c->io != NULL && c->ports != NULL &&
           c->channels != NULL && c->channel_ports != NULL && c->ipvis != NULL &&
           c->ipvi_targets != NULL && c->io_src != NULL && c->irq_src != NULL &&
           c->area_src != NULL;
}

struct sim_config *sim_build(const struct sim_loader *ld)
{
    struct sim_config *c = calloc(1, sizeof(*c));
    if (c == NULL)
        return NULL;
    if (!sim_alloc_pools(ld, c)) {
        sim_config_free(c);
        return NULL;
    }
    sim_fill_hw(ld, c);
    sim_fill_plans(ld, c);
    sim_fill_partitions(ld, c);
    sim_fill_channels(ld, c);
    sim_fill_ipvis(ld, c);
    sim_fill_hv(ld, c);
    c->simulator = ld->simulator;
    return c;
}

const struct sim_config_simulator *sim_config_simulator(const struct sim_config *c)
{
    return &c->simulator;
}

long sim_config_irq_source_line(const struct sim_config *c, uint32_t partition)
{
    return c->irq_src[partition];
}

long sim_config_io_source_line(const struct sim_config *c, uint32_t partition, uint32_t range)
{
    const struct hv_io_range *first = c->hv.partitions[partition].io_ranges;
    return c->io_src[(first - c->io) + range];
}

long sim_config_area_source_line(const struct sim_config *c, uint32_t partition, uint32_t area)
{
    const struct hv_mem_area *first = c->hv.partitions[partition].areas;
    return c->area_src[(first - c->areas) + area];
}

const struct hv_config *sim_config_hv(const struct sim_config *c)
{
    return &c->hv;
}

void sim_config_free(struct sim_config *c)
{
    if (c == NULL)
        return;
    free(c->regions);
    free(c->devices);
    free(c->plans);
    free(c->slots);
    free(c->partitions);
    free(c->areas);
    free(c->io);
    free(c->io_src);
    free(c->area_src);
    free(c->irq_src);
    free(c->ports);
    free(c->channels);
    free(c->channel_ports);
    free(c->ipvis);
    free(c->ipvi_targets);
    free(c);
}
