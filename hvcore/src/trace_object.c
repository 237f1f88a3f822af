/* hvcore: the XM trace object (XM-Q 1.0 objects/trace.c semantics). Each
 * partition writes 8-byte payloads into its own circular stream of
 * HV_TRACE_STREAM_EVENTS events (the oldest is overwritten); a partition
 * may read and ask the status of its own stream, a system partition of
 * any stream and of the hypervisor's (XM_HYPERVISOR_ID). Reading is
 * destructive. Events are kept as the partition reads them: a big-endian
 * timestamp (low 32 bits of the µs clock) and the payload. */
#include "bytes.h"
#include "internal.h"
#include <xm/hypercalls.h>
#include <xm/objdir.h>

/* A result in bytes must fit the int32 return value. */
#define MAX_TRANSFER 0x7fffffffu

/* The stream a descriptor names, or NULL for no such stream. */
static struct hv_trace_stream *stream_of(struct hv *hv, uint32_t desc)
{
    uint32_t id = OBJDESC_GET_PARTITIONID(desc);
    if (id == XM_HYPERVISOR_ID)
        return &hv->trace_streams.hypervisor;
    if (id >= hv->config->partition_count)
        return NULL;
    return &hv->trace_streams.partitions[id];
}

/* Only a system partition reads another partition's stream. */
static bool may_read(const struct hv *hv, uint32_t caller, uint32_t desc)
{
    return OBJDESC_GET_PARTITIONID(desc) == caller || hv_partition_is_system(hv, caller);
}

static bool event_buffer_ok(uint32_t address)
{
    return address != 0 && (address & 3u) == 0;
}

static void push(struct hv_trace_stream *stream, uint32_t timestamp, const uint8_t *payload)
{
    uint32_t slot = (stream->head + stream->count) % HV_TRACE_STREAM_EVENTS;
    uint8_t *event = stream->events[slot];
    hv_put_be32(event, timestamp);
    for (uint32_t i = 0; i < XM_TRACE_PAYLOAD_LENGTH; i++)
        event[4 + i] = payload[i];
    if (stream->count < HV_TRACE_STREAM_EVENTS)
        stream->count++;
    else
        stream->head = (stream->head + 1) % HV_TRACE_STREAM_EVENTS;
}

/* write_object(desc, payload, size): size / 12 events, each the same
 * 8-byte payload (XM_trace_event passes 12: one event). Returns the
 * bytes written. More than a stream holds leaves it full of this one. */
static int32_t trace_write(struct hv *hv, uint32_t caller, const uint32_t *args)
{
    uint8_t payload[XM_TRACE_PAYLOAD_LENGTH];
    uint32_t events = args[2] / XM_TRACE_EVENT_SIZE;
    if (OBJDESC_GET_PARTITIONID(args[0]) != caller)
        return XM_PERM_ERROR;
    if (events == 0 || args[2] > MAX_TRANSFER || !event_buffer_ok(args[1]) ||
        !hv_port_copy_from_guest(hv, caller, args[1], payload, sizeof payload))
        return XM_INVALID_PARAM;
    uint32_t timestamp = (uint32_t)hv_time_now_us(hv);
    struct hv_trace_stream *stream = &hv->trace_streams.partitions[caller];
    for (uint32_t i = 0; i < events && i < HV_TRACE_STREAM_EVENTS; i++)
        push(stream, timestamp, payload);
    return (int32_t)(events * XM_TRACE_EVENT_SIZE);
}

/* read_object(desc, events, size): up to size / 12 of the oldest events,
 * removed from the stream once all are copied. Returns the bytes read. */
static int32_t trace_read(struct hv *hv, uint32_t caller, const uint32_t *args)
{
    uint32_t wanted = args[2] / XM_TRACE_EVENT_SIZE;
    if (!may_read(hv, caller, args[0]))
        return XM_PERM_ERROR;
    struct hv_trace_stream *stream = stream_of(hv, args[0]);
    if (wanted == 0 || args[2] > MAX_TRANSFER || !event_buffer_ok(args[1]) || stream == NULL)
        return XM_INVALID_PARAM;
    uint32_t n = wanted < stream->count ? wanted : stream->count;
    for (uint32_t i = 0; i < n; i++) {
        const uint8_t *event = stream->events[(stream->head + i) % HV_TRACE_STREAM_EVENTS];
        if (!hv_port_copy_to_guest(hv, caller, args[1] + i * XM_TRACE_EVENT_SIZE, event,
                                   XM_TRACE_EVENT_SIZE))
            return XM_INVALID_PARAM;
    }
    stream->head = (stream->head + n) % HV_TRACE_STREAM_EVENTS;
    stream->count -= n;
    return (int32_t)(n * XM_TRACE_EVENT_SIZE);
}

/* ctrl_object(desc, XM_TRACE_GET_STATUS, status*): {noEvents}. */
static int32_t trace_ctrl(struct hv *hv, uint32_t caller, const uint32_t *args)
{
    if (!may_read(hv, caller, args[0]))
        return XM_PERM_ERROR;
    const struct hv_trace_stream *stream = stream_of(hv, args[0]);
    if (stream == NULL || args[1] != XM_TRACE_GET_STATUS)
        return XM_INVALID_PARAM;
    if (!hv_guest_put32(hv, caller, args[2], stream->count))
        return XM_INVALID_PARAM;
    return XM_OK;
}

const struct hv_object_class hv_trace_object = {
    .read = trace_read,
    .write = trace_write,
    .ctrl = trace_ctrl,
};
