/* sim/config: pass 4, ports and channels checked (rules in parse_ports.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/config/check.h"
#include "sim/config/check_first.h"

/* --- checks: ports ------------------------------------------------------ */

static bool sim_port_name_key(const void *record, uint64_t *number, const char **text)
{
    const struct sim_port_src *port = record;
    *number = 0;
    *text = port->port.name;
    return true;
}

static void sim_check_port_names(struct sim_loader *ld, const struct sim_part_src *p)
{
    const struct sim_port_src *ports = p->ports.items;
    uint32_t *first = sim_first_same(ld, &p->ports, sizeof *ports, sim_port_name_key);
    char label[64];
    for (uint32_t i = 0; first != NULL && i < p->ports.count; i++) {
        if (first[i] != SIM_NONE)
            sim_report(ld, ports[i].src.line, "duplicate port name '%s' in %s (first at line %ld)",
                       ports[i].port.name, sim_part_label(p, label, sizeof(label)),
                       ports[first[i]].src.line);
    }
    free(first);
}

/* Reports ports that no channel names. */
static void sim_check_ports_used(struct sim_loader *ld, const struct sim_part_src *p)
{
    const struct sim_port_src *ports = p->ports.items;
    char label[64];
    for (uint32_t i = 0; i < p->ports.count; i++) {
        if (ports[i].channel_line == 0)
            sim_report(ld, ports[i].src.line, "port '%s' of %s belongs to no channel",
                       ports[i].port.name, sim_part_label(p, label, sizeof(label)));
    }
}

/* --- checks: channel ends ----------------------------------------------- */

static const char *const sim_type_names[] = {"sampling", "queuing"};
static const char *const sim_direction_names[] = {"source", "destination"};

/* The end's partition, or NULL (reported). */
static const struct sim_part_src *sim_end_partition(struct sim_loader *ld,
                                                    const struct sim_end_src *end, const char *role)
{
    const struct sim_part_src *p = sim_find_partition(ld, end->partition_id);
    if (p == NULL) {
        sim_report(ld, end->line, "channel %s names partition %u, which does not exist", role,
                   (unsigned)end->partition_id);
        return NULL;
    }
    if (end->has_partition_name && strcmp(end->partition_name, p->part.name) != 0)
        sim_report(ld, end->line, "channel %s names partition %u '%s', but its name is '%s'", role,
                   (unsigned)end->partition_id, end->partition_name, p->part.name);
    return p;
}

/* Each partition's ports sorted by (name, index), so that a channel end
 * finds its port by binary search: ends times ports stays n log n. */
struct sim_named_port {
    const char *name;
    uint32_t index;
};

struct sim_port_names {
    struct sim_named_port *ports; /* per partition, as ld->partitions */
    uint32_t *first;              /* of each partition's ports in `ports` */
};

static int sim_compare_named(const void *a, const void *b)
{
    const struct sim_named_port *x = a, *y = b;
    int order = strcmp(x->name, y->name);
    return order != 0 ? order : (x->index > y->index) - (x->index < y->index);
}

static bool sim_index_port_names(const struct sim_loader *ld, struct sim_port_names *n)
{
    const struct sim_part_src *parts = ld->partitions.items;
    uint32_t total = 0;
    n->first = malloc(((size_t)ld->partitions.count + 1) * sizeof *n->first);
    for (uint32_t i = 0; n->first != NULL && i < ld->partitions.count; i++) {
        n->first[i] = total;
        total += parts[i].ports.count;
    }
    n->ports = malloc(((size_t)total + 1) * sizeof *n->ports);
    for (uint32_t i = 0; n->first != NULL && n->ports != NULL && i < ld->partitions.count; i++) {
        const struct sim_port_src *ports = parts[i].ports.items;
        struct sim_named_port *own = &n->ports[n->first[i]];
        for (uint32_t k = 0; k < parts[i].ports.count; k++)
            own[k] = (struct sim_named_port){ports[k].port.name, k};
        if (parts[i].ports.count > 1)
            qsort(own, parts[i].ports.count, sizeof *own, sim_compare_named);
    }
    return n->first != NULL && n->ports != NULL;
}

/* The least index of a port of p called `name`, or -1. */
static int sim_find_port(const struct sim_loader *ld, const struct sim_port_names *n,
                         const struct sim_part_src *p, const char *name)
{
    const struct sim_named_port *own =
        &n->ports[n->first[p - (const struct sim_part_src *)ld->partitions.items]];
    uint32_t lo = 0, hi = p->ports.count;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (strcmp(own[mid].name, name) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < p->ports.count && strcmp(own[lo].name, name) == 0 ? (int)own[lo].index : -1;
}

/* The index of the end's port in p->ports, or -1 (reported). */
static int sim_end_port(struct sim_loader *ld, const struct sim_port_names *names,
                        const struct sim_part_src *p, const struct sim_end_src *end)
{
    char label[64];
    int index = sim_find_port(ld, names, p, end->port_name);
    if (index < 0)
        sim_report(ld, end->line, "%s has no port '%s'", sim_part_label(p, label, sizeof(label)),
                   end->port_name);
    return index;
}

/* The port must fit the end's role and the channel's type, and be free. */
static void sim_check_end_port(struct sim_loader *ld, const struct sim_channel_src *c,
                               const struct sim_part_src *p, struct sim_port_src *port,
                               const struct sim_end_src *end, enum hv_port_direction role)
{
    char label[64];
    const char *who = sim_part_label(p, label, sizeof(label));
    const char *name = port->port.name;
    if (port->port.direction != role)
        sim_report(ld, end->line, "port '%s' of %s is a %s port, but is the %s of this channel",
                   name, who, sim_direction_names[port->port.direction], sim_direction_names[role]);
    if ((int)port->port.type != (int)c->channel.type)
        sim_report(ld, end->line, "port '%s' of %s is a %s port, but this is a %s channel", name,
                   who, sim_type_names[port->port.type], sim_type_names[c->channel.type]);
    if (port->channel_line != 0)
        sim_report(ld, end->line, "port '%s' of %s already belongs to the channel end at line %ld",
                   name, who, port->channel_line);
    else
        port->channel_line = end->line;
}

static void sim_resolve_end(struct sim_loader *ld, const struct sim_port_names *names,
                            const struct sim_channel_src *c, struct sim_end_src *end,
                            enum hv_port_direction role)
{
    const char *what = role == HV_PORT_SOURCE ? "source" : "destination";
    const struct sim_part_src *p = sim_end_partition(ld, end, what);
    int index = p != NULL ? sim_end_port(ld, names, p, end) : -1;
    if (index < 0)
        return;
    struct sim_port_src *port = &((struct sim_port_src *)p->ports.items)[index];
    sim_check_end_port(ld, c, p, port, end, role);
    end->part = p;
    end->port = (uint32_t)index;
}

static void sim_check_channel(struct sim_loader *ld, const struct sim_port_names *names,
                              struct sim_channel_src *c)
{
    const char *type = sim_type_names[c->channel.type];
    struct sim_end_src *dests = c->destinations.items;
    if (!c->src.broken && c->channel.max_message_length == 0)
        sim_report(ld, c->src.line, "%s channel has a zero maxMessageLength", type);
    if (!c->src.broken && c->channel.type == HV_CHANNEL_QUEUING && c->channel.max_messages == 0)
        sim_report(ld, c->src.line, "queuing channel has a zero maxNoMessages");
    if (!c->source.broken)
        sim_resolve_end(ld, names, c, &c->source, HV_PORT_SOURCE);
    for (uint32_t i = 0; i < c->destinations.count; i++) {
        if (!dests[i].broken)
            sim_resolve_end(ld, names, c, &dests[i], HV_PORT_DESTINATION);
    }
}

/* --- checks: IPVIs ------------------------------------------------------ */

static void sim_check_ipvi_partition(struct sim_loader *ld, const struct sim_ipvi_src *v,
                                     uint32_t id, const char *role)
{
    if (sim_find_partition(ld, id) == NULL)
        sim_report(ld, v->src.line, "IPVI %u names %s partition %u, which does not exist",
                   (unsigned)v->src.id, role, (unsigned)id);
}

static bool sim_ipvi_key(const void *record, uint64_t *number, const char **text)
{
    const struct sim_ipvi_src *v = record;
    (void)text;
    *number = (uint64_t)v->src.id << 32 | v->source;
    return !v->src.broken;
}

static void sim_check_ipvi(struct sim_loader *ld, const struct sim_ipvi_src *ipvis, uint32_t i,
                           uint32_t first)
{
    const struct sim_ipvi_src *v = &ipvis[i];
    const uint32_t *targets = v->destinations.items;
    if (v->src.id >= HV_MAX_IPVIS)
        sim_report(ld, v->src.line, "IPVI id %u is out of range (0..%d)", (unsigned)v->src.id,
                   HV_MAX_IPVIS - 1);
    if (first != SIM_NONE)
        sim_report(ld, v->src.line, "duplicate IPVI %u of partition %u (first at line %ld)",
                   (unsigned)v->src.id, (unsigned)v->source, ipvis[first].src.line);
    sim_check_ipvi_partition(ld, v, v->source, "source");
    for (uint32_t d = 0; d < v->destinations.count; d++)
        sim_check_ipvi_partition(ld, v, targets[d], "destination");
}

static void sim_check_ipvis(struct sim_loader *ld)
{
    const struct sim_ipvi_src *ipvis = ld->ipvis.items;
    uint32_t *first = sim_first_same(ld, &ld->ipvis, sizeof *ipvis, sim_ipvi_key);
    for (uint32_t i = 0; first != NULL && i < ld->ipvis.count; i++) {
        if (!ipvis[i].src.broken)
            sim_check_ipvi(ld, ipvis, i, first[i]);
    }
    free(first);
}

/* --- checks: the core's limits ------------------------------------------ */

/* The first port beyond HV_MAX_PORTS, counted partition after partition. */
static void sim_check_port_limit(struct sim_loader *ld)
{
    const struct sim_part_src *parts = ld->partitions.items;
    uint32_t total = 0;
    for (uint32_t i = 0; i < ld->partitions.count; i++) {
        const struct sim_port_src *ports = parts[i].ports.items;
        if (total + parts[i].ports.count > HV_MAX_PORTS) {
            sim_report(ld, ports[HV_MAX_PORTS - total].src.line,
                       "too many ports (the hypervisor holds at most %d)", HV_MAX_PORTS);
            return;
        }
        total += parts[i].ports.count;
    }
}

/* Channels in XML order take message storage until the pool is full. */
static void sim_check_channel_limits(struct sim_loader *ld)
{
    const struct sim_channel_src *channels = ld->channels.items;
    uint64_t bytes = 0;
    if (ld->channels.count > HV_MAX_CHANNELS) {
        sim_report(ld, channels[HV_MAX_CHANNELS].src.line,
                   "too many channels (the hypervisor holds at most %d)", HV_MAX_CHANNELS);
        return;
    }
    for (uint32_t i = 0; i < ld->channels.count; i++) {
        bytes += hv_channel_storage(&channels[i].channel);
        if (bytes > HV_COMM_POOL_BYTES) {
            sim_report(ld, channels[i].src.line,
                       "channel messages need %llu bytes so far, more than the hypervisor's "
                       "%u (a queuing channel takes maxNoMessages * (maxMessageLength + 4))",
                       (unsigned long long)bytes, (unsigned)HV_COMM_POOL_BYTES);
            return;
        }
    }
}

void sim_check_channels(struct sim_loader *ld)
{
    struct sim_part_src *parts = ld->partitions.items;
    struct sim_channel_src *channels = ld->channels.items;
    bool known = sim_partitions_known(ld);
    for (uint32_t i = 0; i < ld->partitions.count; i++)
        sim_check_port_names(ld, &parts[i]);
    struct sim_port_names names = {0};
    if (known && !sim_index_port_names(ld, &names)) {
        sim_report_out_of_memory(ld);
        known = false;
    }
    for (uint32_t i = 0; i < ld->channels.count && known; i++)
        sim_check_channel(ld, &names, &channels[i]);
    free(names.ports);
    free(names.first);
    for (uint32_t i = 0; i < ld->partitions.count && known; i++)
        sim_check_ports_used(ld, &parts[i]);
    if (known)
        sim_check_ipvis(ld);
    sim_check_port_limit(ld);
    sim_check_channel_limits(ld);
}
