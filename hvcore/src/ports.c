/* hvcore: sampling and queuing ports (XM-Q 1.0 semantics, docs/ports.md).
 * A port is configured in XM_CF (hv_config.ports, each in one channel) and
 * opened by its partition with XM_create_*_port; its descriptor's id is the
 * port's system-wide index. Messages live in hv->comm.pool: one message
 * per sampling channel, a ring of maxNoMessages slots (4-byte length, then
 * the bytes) per queuing channel. */
#include "bytes.h"
#include "internal.h"
#include <hvcore/trace.h>
#include <xm/commports.h>
#include <xm/guest.h>
#include <xm/hypercalls.h>
#include <xm/objdir.h>

enum hv_error hv_ports_init(struct hv *hv, const struct hv_config *config)
{
    uint64_t offset = 0;
    if (config->port_count > HV_MAX_PORTS || config->channel_count > HV_MAX_CHANNELS)
        return HV_ERR_COMM_LIMITS;
    for (uint32_t i = 0; i < config->channel_count; i++) {
        hv->comm.channels[i].pool_offset = (uint32_t)offset;
        offset += hv_channel_storage(&config->channels[i]);
        if (offset > HV_COMM_POOL_BYTES)
            return HV_ERR_COMM_LIMITS;
    }
    return HV_OK;
}

/* A reset partition must create its ports again (XM-Q ResetPartitionPorts);
 * the messages in its channels stay. */
void hv_ports_reset_partition(struct hv *hv, uint32_t id)
{
    const struct hv_partition_config *part = hv_partition_config(hv, id);
    for (uint32_t i = 0; i < part->port_count; i++) {
        hv->comm.ports[part->first_port + i].open = false;
        hv->comm.ports[part->first_port + i].status = XM_COMM_EMPTY_PORT;
    }
}

/* --- common ------------------------------------------------------------- */

static const struct hv_port_config *port_config(const struct hv *hv, uint32_t index)
{
    return &hv->config->ports[index];
}

static const struct hv_channel *port_channel(const struct hv *hv, uint32_t index)
{
    return &hv->config->channels[port_config(hv, index)->channel];
}

static struct hv_channel_state *port_channel_state(struct hv *hv, uint32_t index)
{
    return &hv->comm.channels[port_config(hv, index)->channel];
}

static uint32_t xm_direction(enum hv_port_direction direction)
{
    return direction == HV_PORT_SOURCE ? XM_SOURCE_PORT : XM_DESTINATION_PORT;
}

static bool names_equal(const char *a, const char *b)
{
    while (*a != '\0' && *a == *b) {
        a++;
        b++;
    }
    return *a == *b;
}

/* The caller's port called `name`, as a system-wide index, or -1. */
static int32_t find_port(const struct hv *hv, uint32_t caller, const char *name)
{
    const struct hv_partition_config *part = hv_partition_config(hv, caller);
    for (uint32_t i = 0; i < part->port_count; i++) {
        if (names_equal(part->ports[i].name, name))
            return (int32_t)(part->first_port + i);
    }
    return -1;
}

/* The port a descriptor names, if the caller opened it and it is of this
 * type (any direction when `direction` is negative); else -1. XM-Q answers
 * XM_INVALID_PARAM for all of these. */
static int32_t open_port(const struct hv *hv, uint32_t caller, uint32_t desc,
                         enum hv_port_type type, int direction)
{
    uint32_t index = OBJDESC_GET_ID(desc);
    if (index >= hv->config->port_count || !hv->comm.ports[index].open)
        return -1;
    const struct hv_port_config *port = port_config(hv, index);
    if (port->partition_id != caller || port->type != type)
        return -1;
    if (direction >= 0 && (int)port->direction != direction)
        return -1;
    return (int32_t)index;
}

static int32_t check_size(const struct hv *hv, uint32_t index, uint32_t size)
{
    if (size == 0 || size > port_channel(hv, index)->max_message_length)
        return XM_INVALID_CONFIG;
    return XM_OK;
}

/* What XM_create_*_port asks for: name, type and direction are checked
 * here; the channel's sizes by the caller. */
struct create_request {
    uint32_t name_address;
    uint32_t direction; /* XM_SOURCE_PORT / XM_DESTINATION_PORT */
    enum hv_port_type type;
};

/* The configured port a create request names, as a system-wide index in
 * *index, or an XM error code. */
static int32_t resolve_create(struct hv *hv, uint32_t caller, const struct create_request *request,
                              uint32_t *index)
{
    char name[HV_NAME_MAX];
    if (!hv_guest_get_name(hv, caller, request->name_address, name))
        return XM_INVALID_PARAM;
    if (request->direction != XM_SOURCE_PORT && request->direction != XM_DESTINATION_PORT)
        return XM_INVALID_PARAM;
    int32_t found = find_port(hv, caller, name);
    if (found < 0)
        return XM_INVALID_CONFIG;
    const struct hv_port_config *port = port_config(hv, (uint32_t)found);
    if (port->type != request->type || xm_direction(port->direction) != request->direction)
        return XM_INVALID_CONFIG;
    *index = (uint32_t)found;
    return XM_OK;
}

/* Opening an open port again gives the same descriptor id. */
static int32_t mark_open(struct hv *hv, uint32_t index)
{
    struct hv_port_state *state = &hv->comm.ports[index];
    if (!state->open) {
        state->open = true;
        state->status = XM_COMM_EMPTY_PORT;
    }
    return (int32_t)index;
}

/* The caller's port named in an info request (its name pointer at offset
 * 0), of this type, or -1. */
static int32_t info_port(struct hv *hv, uint32_t caller, uint32_t info, enum hv_port_type type)
{
    uint32_t name_address;
    char name[HV_NAME_MAX];
    if (!hv_guest_get32(hv, caller, info, &name_address) ||
        !hv_guest_get_name(hv, caller, name_address, name))
        return -1;
    int32_t index = find_port(hv, caller, name);
    if (index < 0 || port_config(hv, (uint32_t)index)->type != type)
        return -1;
    return index;
}

/* Port `index` has news (or none any more) for its partition: the comm-port
 * bitmap bit, the port's status and, when ext >= 0, that extended IRQ.
 * Only an open port is told, as XM-Q knows a receiver once it created its
 * port. */
static void tell(struct hv *hv, uint32_t index, bool pending, uint32_t status, int ext)
{
    struct hv_port_state *state = &hv->comm.ports[index];
    uint32_t partition = port_config(hv, index)->partition_id;
    if (!state->open)
        return;
    hv_pct_set_commport(hv, partition, index, pending);
    state->status = status;
    if (ext >= 0)
        hv_virq_raise_extended(hv, partition, (uint32_t)ext);
}

static void trace_port(struct hv *hv, uint32_t kind, uint32_t index, uint32_t size)
{
    hv_trace(hv, kind, (int32_t)port_config(hv, index)->partition_id, index, size, 0);
}

/* Status and info results go to the caller's struct. */
static int32_t give(struct hv *hv, uint32_t caller, uint32_t address, const uint8_t *bytes,
                    uint32_t length)
{
    return hv_port_copy_to_guest(hv, caller, address, bytes, length) ? XM_OK : XM_INVALID_PARAM;
}

/* The ctrl_object commands both port classes answer. */
struct port_commands {
    int32_t (*create)(struct hv *hv, uint32_t caller, uint32_t cmd);
    int32_t (*status)(struct hv *hv, uint32_t caller, uint32_t desc, uint32_t out);
    int32_t (*info)(struct hv *hv, uint32_t caller, uint32_t info);
};

static int32_t port_ctrl(struct hv *hv, uint32_t caller, const uint32_t *args,
                         const struct port_commands *commands)
{
    switch (args[1]) {
    case XM_COMM_CREATE_PORT:
        return commands->create(hv, caller, args[2]);
    case XM_COMM_GET_PORT_STATUS:
        return commands->status(hv, caller, args[0], args[2]);
    case XM_COMM_GET_PORT_INFO:
        return commands->info(hv, caller, args[2]);
    }
    return XM_INVALID_PARAM;
}

/* The port a message call names (its descriptor in args[0], the size in
 * args[2]) in *index, or the XM error: the wrong port, then a size of 0 or
 * above the channel's maxMessageLength. */
static int32_t message_port(const struct hv *hv, uint32_t caller, const uint32_t *args,
                            enum hv_port_type type, enum hv_port_direction end, uint32_t *index)
{
    int32_t found = open_port(hv, caller, args[0], type, (int)end);
    if (found < 0)
        return XM_INVALID_PARAM;
    *index = (uint32_t)found;
    return check_size(hv, *index, args[2]);
}

static uint8_t *pool_at(struct hv *hv, const struct hv_channel_state *channel, uint32_t offset)
{
    return &hv->comm.pool[channel->pool_offset + offset];
}

/* --- sampling ------------------------------------------------------------ */

static int32_t sampling_create(struct hv *hv, uint32_t caller, uint32_t cmd)
{
    struct create_request request = {.type = HV_PORT_SAMPLING};
    uint32_t max_size, index;
    uint64_t refresh;
    if (!hv_guest_get32(hv, caller, cmd + XM_SCREATE_OFF_NAME, &request.name_address) ||
        !hv_guest_get32(hv, caller, cmd + XM_SCREATE_OFF_MAXSIZE, &max_size) ||
        !hv_guest_get32(hv, caller, cmd + XM_SCREATE_OFF_DIRECTION, &request.direction) ||
        !hv_guest_get64(hv, caller, cmd + XM_SCREATE_OFF_REFRESH, &refresh))
        return XM_INVALID_PARAM;
    int32_t status = resolve_create(hv, caller, &request, &index);
    if (status != XM_OK)
        return status;
    const struct hv_channel *channel = port_channel(hv, index);
    if (max_size != channel->max_message_length || refresh != channel->refresh_period_us)
        return XM_INVALID_CONFIG;
    return mark_open(hv, index);
}

/* XM-Q's rule, literally: valid while timestamp + refreshPeriod > now,
 * never with XM_INFINITE_TIME (nor, in effect, with a period of 0). */
static bool sampling_valid(struct hv *hv, uint32_t index)
{
    const struct hv_channel_state *state = port_channel_state(hv, index);
    uint32_t refresh = port_channel(hv, index)->refresh_period_us;
    return state->length != 0 && refresh != XM_INFINITE_TIME &&
           state->timestamp_us + refresh > hv_time_now_us(hv);
}

static int32_t sampling_status(struct hv *hv, uint32_t caller, uint32_t desc, uint32_t out)
{
    int32_t index = open_port(hv, caller, desc, HV_PORT_SAMPLING, -1);
    if (index < 0)
        return XM_INVALID_PARAM;
    const struct hv_channel_state *state = port_channel_state(hv, (uint32_t)index);
    uint8_t bytes[XM_SSTATUS_SIZE];
    uint32_t flags = hv->comm.ports[index].status;
    if (sampling_valid(hv, (uint32_t)index))
        flags |= XM_COMM_MSG_VALID;
    hv_put_be64(bytes + XM_SSTATUS_OFF_TIMESTAMP, state->timestamp_us);
    hv_put_be32(bytes + XM_SSTATUS_OFF_LASTSIZE, state->length);
    hv_put_be32(bytes + XM_SSTATUS_OFF_FLAGS, flags);
    return give(hv, caller, out, bytes, sizeof bytes);
}

static int32_t sampling_info(struct hv *hv, uint32_t caller, uint32_t info)
{
    int32_t index = info_port(hv, caller, info, HV_PORT_SAMPLING);
    if (index < 0)
        return XM_INVALID_PARAM;
    const struct hv_channel *channel = port_channel(hv, (uint32_t)index);
    /* Everything but the caller's portName pointer. */
    uint8_t bytes[XM_SINFO_OFF_OBJDESC + 4];
    hv_put_be64(bytes + XM_SINFO_OFF_REFRESH, channel->refresh_period_us);
    hv_put_be32(bytes + XM_SINFO_OFF_MAXSIZE, channel->max_message_length);
    hv_put_be32(bytes + XM_SINFO_OFF_DIRECTION,
                xm_direction(port_config(hv, (uint32_t)index)->direction));
    hv_put_be32(bytes + XM_SINFO_OFF_OBJDESC,
                OBJDESC_BUILD(OBJ_CLASS_SAMPLING_PORT, caller, (uint32_t)index));
    return give(hv, caller, info + XM_SINFO_OFF_REFRESH, bytes + XM_SINFO_OFF_REFRESH,
                sizeof bytes - XM_SINFO_OFF_REFRESH);
}

static const struct port_commands sampling_commands = {sampling_create, sampling_status,
                                                       sampling_info};

static int32_t sampling_ctrl(struct hv *hv, uint32_t caller, const uint32_t *args)
{
    return port_ctrl(hv, caller, args, &sampling_commands);
}

/* write_object(desc, msg, size): overwrite, stamp, tell every receiver. */
static int32_t sampling_write(struct hv *hv, uint32_t caller, const uint32_t *args)
{
    uint32_t index, size = args[2];
    int32_t status = message_port(hv, caller, args, HV_PORT_SAMPLING, HV_PORT_SOURCE, &index);
    if (status != XM_OK)
        return status;
    struct hv_channel_state *state = port_channel_state(hv, index);
    if (!hv_port_guest_readable(hv, caller, args[1], size) ||
        !hv_port_copy_from_guest(hv, caller, args[1], pool_at(hv, state, 0), size))
        return XM_INVALID_PARAM;
    state->length = size;
    state->timestamp_us = hv_time_now_us(hv);
    const struct hv_channel *channel = port_channel(hv, index);
    tell(hv, index, true, XM_COMM_NEW_MSG, -1);
    for (uint32_t i = 0; i < channel->destination_count; i++)
        tell(hv, channel->destination_ports[i], true, XM_COMM_NEW_MSG, XM_VT_EXT_SAMPLING_PORT);
    trace_port(hv, HV_TRACE_PORT_WRITE, index, size);
    return XM_OK;
}

/* read_object(desc, msg, size, flags*): the last message, min(size, its
 * length) bytes; the sender hears that it was consumed. XM-Q checks flags
 * first: writing 0 there proves it writable for the final store. */
static int32_t sampling_read(struct hv *hv, uint32_t caller, const uint32_t *args)
{
    uint32_t index, flags = args[3];
    if (flags != 0 && !hv_guest_put32(hv, caller, flags, 0))
        return XM_INVALID_PARAM;
    int32_t status = message_port(hv, caller, args, HV_PORT_SAMPLING, HV_PORT_DESTINATION, &index);
    if (status != XM_OK)
        return status;
    struct hv_channel_state *state = port_channel_state(hv, index);
    if (state->length == 0)
        return XM_NO_ACTION;
    uint32_t length = args[2] < state->length ? args[2] : state->length;
    if (!hv_port_copy_to_guest(hv, caller, args[1], pool_at(hv, state, 0), length))
        return XM_INVALID_PARAM;
    if (flags != 0 && sampling_valid(hv, index) &&
        !hv_guest_put32(hv, caller, flags, XM_COMM_MSG_VALID))
        return XM_INVALID_PARAM;
    tell(hv, index, false, XM_COMM_CONSUMED_MSG, -1);
    tell(hv, port_channel(hv, index)->source_port, false, XM_COMM_CONSUMED_MSG,
         XM_VT_EXT_SAMPLING_PORT);
    trace_port(hv, HV_TRACE_PORT_READ, index, length);
    return (int32_t)length;
}

const struct hv_object_class hv_sampling_port_object = {
    .read = sampling_read,
    .write = sampling_write,
    .ctrl = sampling_ctrl,
};

/* --- queuing ------------------------------------------------------------- */

static int32_t queuing_create(struct hv *hv, uint32_t caller, uint32_t cmd)
{
    struct create_request request = {.type = HV_PORT_QUEUING};
    uint32_t max_messages, max_size, index;
    if (!hv_guest_get32(hv, caller, cmd + XM_QCREATE_OFF_NAME, &request.name_address) ||
        !hv_guest_get32(hv, caller, cmd + XM_QCREATE_OFF_MAXMSGS, &max_messages) ||
        !hv_guest_get32(hv, caller, cmd + XM_QCREATE_OFF_MAXSIZE, &max_size) ||
        !hv_guest_get32(hv, caller, cmd + XM_QCREATE_OFF_DIRECTION, &request.direction))
        return XM_INVALID_PARAM;
    int32_t status = resolve_create(hv, caller, &request, &index);
    if (status != XM_OK)
        return status;
    const struct hv_channel *channel = port_channel(hv, index);
    if (max_messages != channel->max_messages || max_size != channel->max_message_length)
        return XM_INVALID_CONFIG;
    return mark_open(hv, index);
}

static int32_t queuing_status(struct hv *hv, uint32_t caller, uint32_t desc, uint32_t out)
{
    int32_t index = open_port(hv, caller, desc, HV_PORT_QUEUING, -1);
    if (index < 0)
        return XM_INVALID_PARAM;
    uint32_t count = port_channel_state(hv, (uint32_t)index)->count;
    if (!hv_guest_put32(hv, caller, out + XM_QSTATUS_OFF_NOMSGS, count))
        return XM_INVALID_PARAM;
    return XM_OK;
}

static int32_t queuing_info(struct hv *hv, uint32_t caller, uint32_t info)
{
    int32_t index = info_port(hv, caller, info, HV_PORT_QUEUING);
    if (index < 0)
        return XM_INVALID_PARAM;
    const struct hv_port_config *port = port_config(hv, (uint32_t)index);
    const struct hv_channel *channel = port_channel(hv, (uint32_t)index);
    /* Everything but the caller's portName pointer. */
    uint8_t bytes[XM_QINFO_OFF_OBJDESC + 4];
    hv_put_be32(bytes + XM_QINFO_OFF_MAXSIZE, channel->max_message_length);
    hv_put_be32(bytes + XM_QINFO_OFF_MAXMSGS, channel->max_messages);
    hv_put_be32(bytes + XM_QINFO_OFF_DIRECTION, xm_direction(port->direction));
    hv_put_be32(bytes + XM_QINFO_OFF_FLAGS,
                port->discipline == HV_PORT_PRIORITY ? XM_PRIORITY_PORT : XM_FIFO_PORT);
    hv_put_be32(bytes + XM_QINFO_OFF_OBJDESC,
                OBJDESC_BUILD(OBJ_CLASS_QUEUING_PORT, caller, (uint32_t)index));
    return give(hv, caller, info + XM_QINFO_OFF_MAXSIZE, bytes + XM_QINFO_OFF_MAXSIZE,
                sizeof bytes - XM_QINFO_OFF_MAXSIZE);
}

static const struct port_commands queuing_commands = {queuing_create, queuing_status, queuing_info};

static int32_t queuing_ctrl(struct hv *hv, uint32_t caller, const uint32_t *args)
{
    return port_ctrl(hv, caller, args, &queuing_commands);
}

/* Slot `slot` of a queuing channel: its length word, then the message. */
static uint8_t *queue_slot(struct hv *hv, uint32_t index, uint32_t slot)
{
    uint32_t stride = port_channel(hv, index)->max_message_length + 4u;
    return pool_at(hv, port_channel_state(hv, index), slot * stride);
}

/* write_object(desc, msg, size): append, or XM_NOT_AVAILABLE when full. */
static int32_t queuing_send(struct hv *hv, uint32_t caller, const uint32_t *args)
{
    uint32_t index, size = args[2];
    int32_t status = message_port(hv, caller, args, HV_PORT_QUEUING, HV_PORT_SOURCE, &index);
    if (status != XM_OK)
        return status;
    if (!hv_port_guest_readable(hv, caller, args[1], size))
        return XM_INVALID_PARAM;
    const struct hv_channel *channel = port_channel(hv, index);
    struct hv_channel_state *state = port_channel_state(hv, index);
    if (state->count == channel->max_messages)
        return XM_NOT_AVAILABLE;
    uint8_t *slot = queue_slot(hv, index, (state->head + state->count) % channel->max_messages);
    if (!hv_port_copy_from_guest(hv, caller, args[1], slot + 4, size))
        return XM_INVALID_PARAM;
    hv_put_be32(slot, size);
    state->count++;
    tell(hv, channel->destination_ports[0], true, XM_COMM_NEW_MSG, XM_VT_EXT_QUEUING_PORT);
    tell(hv, index, true, XM_COMM_NEW_MSG, -1);
    trace_port(hv, HV_TRACE_PORT_WRITE, index, size);
    return XM_OK;
}

/* read_object(desc, msg, size): the oldest message, min(size, its length)
 * bytes; it is consumed even when truncated. */
static int32_t queuing_receive(struct hv *hv, uint32_t caller, const uint32_t *args)
{
    uint32_t index;
    int32_t status = message_port(hv, caller, args, HV_PORT_QUEUING, HV_PORT_DESTINATION, &index);
    if (status != XM_OK)
        return status;
    const struct hv_channel *channel = port_channel(hv, index);
    struct hv_channel_state *state = port_channel_state(hv, index);
    if (state->count == 0)
        return XM_NOT_AVAILABLE;
    const uint8_t *slot = queue_slot(hv, index, state->head);
    uint32_t length = args[2] < hv_get_be32(slot) ? args[2] : hv_get_be32(slot);
    if (!hv_port_copy_to_guest(hv, caller, args[1], slot + 4, length))
        return XM_INVALID_PARAM;
    state->head = (state->head + 1) % channel->max_messages;
    state->count--;
    tell(hv, channel->source_port, state->count != 0, XM_COMM_CONSUMED_MSG, XM_VT_EXT_QUEUING_PORT);
    tell(hv, index, state->count != 0, XM_COMM_CONSUMED_MSG, -1);
    trace_port(hv, HV_TRACE_PORT_READ, index, length);
    return (int32_t)length;
}

const struct hv_object_class hv_queuing_port_object = {
    .read = queuing_receive,
    .write = queuing_send,
    .ctrl = queuing_ctrl,
};
