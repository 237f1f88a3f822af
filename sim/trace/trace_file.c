/* sim/trace: the trace file's header, writer and reader (docs/trace.md).
 * Header integers are little-endian of fixed width; strings are a u16
 * length and the bytes. Records are LEB128 varints: kind (0 = end),
 * cycles since the previous record, partition + 1, a, b, c. */
#include "sim/trace/trace_file.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define WRITE_BUFFER (1u << 16)

/* --- the header in memory -------------------------------------------- */

static void copy_name(char *out, const char *in, size_t size)
{
    snprintf(out, size, "%s", in);
}

static bool copy_plans(struct sim_trace_header *h, const struct hv_config *config)
{
    h->plan_count = config->plan_count;
    h->plans = calloc(config->plan_count + 1u, sizeof *h->plans);
    if (!h->plans)
        return false;
    for (uint32_t p = 0; p < config->plan_count; p++) {
        const struct hv_plan *plan = &config->plans[p];
        struct sim_trace_plan *out = &h->plans[p];
        *out = (struct sim_trace_plan){
            .id = plan->id, .major_frame_us = plan->major_frame_us, .slot_count = plan->slot_count};
        copy_name(out->name, plan->name, sizeof out->name);
        out->slots = calloc(plan->slot_count + 1u, sizeof *out->slots);
        if (!out->slots)
            return false;
        for (uint32_t s = 0; s < plan->slot_count; s++)
            out->slots[s] = (struct sim_trace_slot){
                plan->slots[s].start_us, plan->slots[s].duration_us, plan->slots[s].partition_id};
    }
    return true;
}

static bool copy_ports(struct sim_trace_header *h, const struct hv_config *config)
{
    h->port_count = config->port_count;
    h->ports = calloc(config->port_count + 1u, sizeof *h->ports);
    if (!h->ports)
        return false;
    for (uint32_t i = 0; i < config->port_count; i++) {
        const struct hv_port_config *port = &config->ports[i];
        h->ports[i] = (struct sim_trace_port){
            .partition = port->partition_id, .direction = port->direction, .type = port->type};
        copy_name(h->ports[i].name, port->name, sizeof h->ports[i].name);
    }
    return true;
}

static bool copy_channels(struct sim_trace_header *h, const struct hv_config *config)
{
    h->channel_count = config->channel_count;
    h->channels = calloc(config->channel_count + 1u, sizeof *h->channels);
    if (!h->channels)
        return false;
    for (uint32_t c = 0; c < config->channel_count; c++) {
        const struct hv_channel *from = &config->channels[c];
        struct sim_trace_channel *out = &h->channels[c];
        *out = (struct sim_trace_channel){from->type, from->source_port, from->destination_count,
                                          NULL};
        out->destinations = calloc(from->destination_count + 1u, sizeof *out->destinations);
        if (!out->destinations)
            return false;
        memcpy(out->destinations, from->destination_ports,
               from->destination_count * sizeof *out->destinations);
    }
    return true;
}

enum sim_error sim_trace_header_from_config(struct sim_trace_header *h,
                                            const struct hv_config *config, const char *board_name,
                                            uint32_t khz)
{
    memset(h, 0, sizeof *h);
    h->version = SIM_TRACE_VERSION;
    h->khz = khz;
    copy_name(h->board, board_name, sizeof h->board);
    copy_name(h->system, config->name, sizeof h->system);
    h->partition_count = config->partition_count;
    h->partition_names = calloc(config->partition_count + 1u, sizeof *h->partition_names);
    h->images = calloc(config->partition_count + 1u, sizeof *h->images);
    h->kind_count = sim_trace_kind_count;
    h->kinds = calloc(sim_trace_kind_count, sizeof *h->kinds);
    if (!h->partition_names || !h->images || !h->kinds || !copy_plans(h, config) ||
        !copy_ports(h, config) || !copy_channels(h, config)) {
        sim_trace_header_free(h);
        return SIM_ERR_NO_MEMORY;
    }
    for (uint32_t i = 0; i < config->partition_count; i++)
        copy_name(h->partition_names[i], config->partitions[i].name, HV_NAME_MAX);
    memcpy(h->kinds, sim_trace_kinds, sim_trace_kind_count * sizeof *h->kinds);
    return SIM_OK;
}

void sim_trace_header_free(struct sim_trace_header *h)
{
    for (uint32_t p = 0; h->plans && p < h->plan_count; p++)
        free(h->plans[p].slots);
    free(h->plans);
    for (uint32_t c = 0; h->channels && c < h->channel_count; c++)
        free(h->channels[c].destinations);
    free(h->channels);
    free(h->ports);
    free(h->partition_names);
    free(h->images);
    free(h->kinds);
    memset(h, 0, sizeof *h);
}

const struct sim_trace_kind_info *sim_trace_header_kind(const struct sim_trace_header *h,
                                                        uint16_t kind)
{
    for (uint32_t i = 0; i < h->kind_count; i++)
        if (h->kinds[i].kind == kind)
            return &h->kinds[i];
    return NULL;
}

const char *sim_trace_header_partition(const struct sim_trace_header *h, int32_t partition,
                                       char buffer[HV_NAME_MAX])
{
    if (partition < 0)
        return "XM";
    if ((uint32_t)partition < h->partition_count)
        return h->partition_names[partition];
    snprintf(buffer, HV_NAME_MAX, "P%d", (int)partition);
    return buffer;
}

/* --- writing ---------------------------------------------------------- */

struct sim_trace_writer {
    FILE *file;
    const char *path;
    uint64_t last_cycle;
    char *buffer;
};

static void put_u16(FILE *f, uint32_t v)
{
    fputc((int)(v & 0xff), f);
    fputc((int)((v >> 8) & 0xff), f);
}

static void put_u32(FILE *f, uint32_t v)
{
    put_u16(f, v & 0xffff);
    put_u16(f, v >> 16);
}

static void put_string(FILE *f, const char *s)
{
    size_t length = strlen(s);
    put_u16(f, (uint32_t)length);
    fwrite(s, 1, length, f);
}

static void put_varint(FILE *f, uint64_t v)
{
    while (v >= 0x80) {
        fputc((int)(v & 0x7f) | 0x80, f);
        v >>= 7;
    }
    fputc((int)v, f);
}

static void put_plan(FILE *f, const struct sim_trace_plan *plan)
{
    put_u32(f, plan->id);
    put_string(f, plan->name);
    put_u32(f, plan->major_frame_us);
    put_u32(f, plan->slot_count);
    for (uint32_t s = 0; s < plan->slot_count; s++) {
        put_u32(f, plan->slots[s].start_us);
        put_u32(f, plan->slots[s].duration_us);
        put_u32(f, plan->slots[s].partition);
    }
}

static void put_ports_and_channels(FILE *f, const struct sim_trace_header *h)
{
    put_u32(f, h->port_count);
    for (uint32_t i = 0; i < h->port_count; i++) {
        put_string(f, h->ports[i].name);
        put_u32(f, h->ports[i].partition);
        put_u16(f, h->ports[i].direction);
        put_u16(f, h->ports[i].type);
    }
    put_u32(f, h->channel_count);
    for (uint32_t c = 0; c < h->channel_count; c++) {
        const struct sim_trace_channel *channel = &h->channels[c];
        put_u16(f, channel->type);
        put_u32(f, channel->source_port);
        put_u32(f, channel->destination_count);
        for (uint32_t d = 0; d < channel->destination_count; d++)
            put_u32(f, channel->destinations[d]);
    }
}

/* Version 3 on: per partition, u16 0 (an ELF) or 1 (a XEF: flags,
 * digest, payload). */
static void put_images(FILE *f, const struct sim_trace_header *h)
{
    for (uint32_t i = 0; i < h->partition_count; i++) {
        const struct sim_trace_image *image = &h->images[i];
        put_u16(f, image->xef ? 1 : 0);
        if (!image->xef)
            continue;
        put_u32(f, image->flags);
        fwrite(image->digest, 1, sizeof image->digest, f);
        fwrite(image->payload, 1, sizeof image->payload, f);
    }
}

static void put_header(FILE *f, const struct sim_trace_header *h)
{
    fwrite(SIM_TRACE_MAGIC, 1, 8, f);
    put_u16(f, SIM_TRACE_VERSION);
    put_u32(f, h->khz);
    put_string(f, h->board);
    put_string(f, h->system);
    put_u32(f, h->partition_count);
    for (uint32_t i = 0; i < h->partition_count; i++)
        put_string(f, h->partition_names[i]);
    put_u32(f, h->plan_count);
    for (uint32_t p = 0; p < h->plan_count; p++)
        put_plan(f, &h->plans[p]);
    put_u32(f, h->kind_count);
    for (uint32_t k = 0; k < h->kind_count; k++) {
        put_u16(f, h->kinds[k].kind);
        put_string(f, h->kinds[k].name);
        for (int i = 0; i < 3; i++)
            put_string(f, h->kinds[k].fields[i]);
    }
    put_ports_and_channels(f, h);
    put_images(f, h);
}

enum sim_error sim_trace_writer_open(struct sim_trace_writer **out, const char *path,
                                     const struct sim_trace_header *header, FILE *diag)
{
    struct sim_trace_writer *w = calloc(1, sizeof *w);
    if (w)
        w->buffer = malloc(WRITE_BUFFER);
    if (!w || !w->buffer) {
        free(w);
        return SIM_ERR_NO_MEMORY;
    }
    w->file = fopen(path, "wb");
    if (!w->file) {
        fprintf(diag, "%s: cannot create the trace file: %s\n", path, strerror(errno));
        free(w->buffer);
        free(w);
        return SIM_ERR_IO;
    }
    setvbuf(w->file, w->buffer, _IOFBF, WRITE_BUFFER);
    w->path = path;
    put_header(w->file, header);
    *out = w;
    return SIM_OK;
}

void sim_trace_writer_put(struct sim_trace_writer *w, const struct sim_trace_record *r)
{
    put_varint(w->file, r->kind); /* never 0, the end record: hvcore's kinds start at 1 */
    put_varint(w->file, r->cycle - w->last_cycle);
    put_varint(w->file, (uint32_t)(r->partition + 1));
    put_varint(w->file, r->a);
    put_varint(w->file, r->b);
    put_varint(w->file, r->c);
    w->last_cycle = r->cycle;
}

void sim_trace_writer_flush(struct sim_trace_writer *w)
{
    fflush(w->file);
}

enum sim_error sim_trace_writer_close(struct sim_trace_writer *w, uint64_t count, uint64_t hash,
                                      FILE *diag)
{
    if (!w)
        return SIM_OK;
    put_varint(w->file, 0);
    put_varint(w->file, count);
    put_u32(w->file, (uint32_t)hash);
    put_u32(w->file, (uint32_t)(hash >> 32));
    bool failed = ferror(w->file) != 0;
    failed |= fclose(w->file) != 0;
    if (failed)
        fprintf(diag, "%s: writing the trace file failed: %s\n", w->path, strerror(errno));
    free(w->buffer);
    free(w);
    return failed ? SIM_ERR_IO : SIM_OK;
}
