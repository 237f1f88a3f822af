/* sim/config: XM_CF ports and channels: Partition/PortTable, Channels/
 * {SamplingChannel, QueuingChannel, Ipvi}. Rules:
 *   - port names are unique within a partition;
 *   - each channel end names an existing partition (and, when given,
 *     @partitionName is that partition's name) and one of its ports, whose
 *     direction matches the end (Source: source port) and whose type matches
 *     the channel;
 *   - every port belongs to exactly one channel (xmcparser accepts a port no
 *     channel names, and lets a second channel silently take a port over:
 *     both are errors here, since neither port could ever work);
 *   - maxMessageLength and maxNoMessages are not zero;
 *   - Ipvi: id 0..HV_MAX_IPVIS-1, once per source partition; source and
 *     destinations are existing partitions;
 *   - the core's fixed limits (hvcore/config.h): at most HV_MAX_PORTS ports
 *     and HV_MAX_CHANNELS channels, whose messages fit HV_COMM_POOL_BYTES. */
#include <string.h>

#include <libxml/tree.h>

#include "sim/config/parse.h"

static void sim_parse_port(struct sim_loader *ld, xmlNode *node, void *ctx)
{
    struct sim_part_src *part = ctx;
    unsigned before = ld->errors;
    struct sim_port_src *p = sim_begin(ld, &part->ports, sizeof(*p), node);
    if (p == NULL)
        return;
    char *direction = sim_attr(node, "direction");
    char *type = sim_attr(node, "type");
    char *discipline = sim_attr(node, "discipline");
    sim_copy_name(ld, node, "name", p->port.name);
    p->port.partition_id = part->src.id;
    p->port.direction = direction != NULL && strcmp(direction, "source") == 0 ? HV_PORT_SOURCE
                                                                              : HV_PORT_DESTINATION;
    p->port.type =
        type != NULL && strcmp(type, "queuing") == 0 ? HV_PORT_QUEUING : HV_PORT_SAMPLING;
    p->port.discipline =
        discipline != NULL && strcmp(discipline, "PRIORITY") == 0 ? HV_PORT_PRIORITY : HV_PORT_FIFO;
    xmlFree(direction);
    xmlFree(type);
    xmlFree(discipline);
    p->src.broken = ld->errors != before;
}

void sim_parse_port_table(struct sim_loader *ld, xmlNode *node, void *part)
{
    static const struct sim_child children[] = {{"Port", sim_parse_port}};
    SIM_PARSE_CHILDREN(ld, node, children, part);
}

static void sim_parse_end(struct sim_loader *ld, xmlNode *node, struct sim_end_src *end)
{
    unsigned before = ld->errors;
    end->line = sim_line(node);
    sim_get(ld, node, "partitionId", &sim_kind_id, &end->partition_id);
    end->has_partition_name = sim_has_attr(node, "partitionName");
    sim_copy_name(ld, node, "partitionName", end->partition_name);
    sim_copy_name(ld, node, "portName", end->port_name);
    end->broken = ld->errors != before;
}

static void sim_parse_source(struct sim_loader *ld, xmlNode *node, void *ctx)
{
    sim_parse_end(ld, node, &((struct sim_channel_src *)ctx)->source);
}

static void sim_parse_destination(struct sim_loader *ld, xmlNode *node, void *ctx)
{
    struct sim_channel_src *c = ctx;
    struct sim_end_src *end = sim_vec_push(ld, &c->destinations, sizeof(*end));
    if (end != NULL)
        sim_parse_end(ld, node, end);
}

static void sim_parse_channel(struct sim_loader *ld, xmlNode *node, enum hv_channel_type type)
{
    static const struct sim_child children[] = {
        {"Source", sim_parse_source},
        {"Destination", sim_parse_destination},
    };
    unsigned before = ld->errors;
    struct sim_channel_src *c = sim_begin(ld, &ld->channels, sizeof(*c), node);
    if (c == NULL)
        return;
    c->channel.type = type;
    sim_get(ld, node, "maxMessageLength", &sim_kind_size, &c->channel.max_message_length);
    sim_get(ld, node, "refreshPeriod", &sim_kind_time, &c->channel.refresh_period_us);
    sim_get(ld, node, "maxNoMessages", &sim_kind_id, &c->channel.max_messages);
    sim_get(ld, node, "maxTimeExpiration", &sim_kind_time, &c->channel.max_time_expiration_us);
    c->src.broken = ld->errors != before;
    SIM_PARSE_CHILDREN(ld, node, children, c);
}

static void sim_parse_sampling(struct sim_loader *ld, xmlNode *node, void *ctx)
{
    (void)ctx;
    sim_parse_channel(ld, node, HV_CHANNEL_SAMPLING);
}

static void sim_parse_queuing(struct sim_loader *ld, xmlNode *node, void *ctx)
{
    (void)ctx;
    sim_parse_channel(ld, node, HV_CHANNEL_QUEUING);
}

static void sim_parse_ipvi(struct sim_loader *ld, xmlNode *node, void *ctx)
{
    (void)ctx;
    unsigned before = ld->errors;
    struct sim_ipvi_src *v = sim_begin(ld, &ld->ipvis, sizeof(*v), node);
    if (v == NULL)
        return;
    sim_get(ld, node, "id", &sim_kind_id, &v->src.id);
    sim_get(ld, node, "sourceId", &sim_kind_id, &v->source);
    sim_get_id_list(ld, node, "destinationId", &v->destinations);
    v->src.broken = ld->errors != before;
}

void sim_parse_channels(struct sim_loader *ld, xmlNode *node, void *ctx)
{
    static const struct sim_child children[] = {
        {"SamplingChannel", sim_parse_sampling},
        {"QueuingChannel", sim_parse_queuing},
        {"Ipvi", sim_parse_ipvi},
    };
    SIM_PARSE_CHILDREN(ld, node, children, ctx);
}
