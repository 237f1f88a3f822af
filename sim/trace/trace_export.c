/* sim/trace: the plain-text exporter and the `hvsim trace` command. */
#include "sim/trace/trace_export.h"
#include <errno.h>
#include <inttypes.h>
#include <string.h>

#define EXIT_BAD_INPUT 2

static void kind_name(const struct sim_trace_header *h, uint16_t kind, char *out, size_t size)
{
    const struct sim_trace_kind_info *info = sim_trace_header_kind(h, kind);
    if (info)
        snprintf(out, size, "%s", info->name);
    else
        snprintf(out, size, "kind%u", kind);
}

/* "# port 0: temperature of Producer, source, sampling" and "# channel
 * 0, sampling: port 0 -> 3": the numbers PORT_WRITE and PORT_READ name. */
static void text_ports(const struct sim_trace_header *h, FILE *out)
{
    char buffer[HV_NAME_MAX];
    for (uint32_t i = 0; i < h->port_count; i++) {
        const struct sim_trace_port *port = &h->ports[i];
        fprintf(out, "# port %u: %s of %s, %s, %s\n", i, port->name,
                sim_trace_header_partition(h, (int32_t)port->partition, buffer),
                port->direction == HV_PORT_SOURCE ? "source" : "destination",
                port->type == HV_PORT_SAMPLING ? "sampling" : "queuing");
    }
    for (uint32_t c = 0; c < h->channel_count; c++) {
        const struct sim_trace_channel *channel = &h->channels[c];
        fprintf(out, "# channel %u, %s: port %u ->", c,
                channel->type == HV_CHANNEL_SAMPLING ? "sampling" : "queuing",
                channel->source_port);
        for (uint32_t d = 0; d < channel->destination_count; d++)
            fprintf(out, " %u", channel->destinations[d]);
        fputc('\n', out);
    }
}

/* Its name and, when it booted a XEF image, which (docs/xef.md). */
static void text_partition(const struct sim_trace_header *h, uint32_t i, FILE *out)
{
    fprintf(out, "# partition %u: %s", i, h->partition_names[i]);
    const struct sim_trace_image *image = h->images ? &h->images[i] : NULL;
    if (image && image->xef) {
        fputs(", XEF image md5 ", out);
        for (int k = 0; k < SIM_TRACE_XEF_BYTES; k++)
            fprintf(out, "%02x", image->digest[k]);
        fputs(" payload ", out);
        for (int k = 0; k < SIM_TRACE_XEF_BYTES; k++)
            fprintf(out, "%02x", image->payload[k]);
        fprintf(out, "%s", (image->flags & 0x4u) ? " compressed" : ""); /* XEF_COMPRESSED */
    }
    fputc('\n', out);
}

static void text_header(const struct sim_trace_header *h, FILE *out)
{
    fprintf(out, "# hvsim trace, format %u: system %s, board %s, %u kHz\n", h->version, h->system,
            h->board, h->khz);
    for (uint32_t i = 0; i < h->partition_count; i++)
        text_partition(h, i, out);
    for (uint32_t p = 0; p < h->plan_count; p++) {
        const struct sim_trace_plan *plan = &h->plans[p];
        fprintf(out, "# plan %u%s%s: major frame %u us\n", plan->id, plan->name[0] ? " " : "",
                plan->name, plan->major_frame_us);
        for (uint32_t s = 0; s < plan->slot_count; s++)
            fprintf(out, "#   slot %u: %u us + %u us, partition %u\n", s, plan->slots[s].start_us,
                    plan->slots[s].duration_us, plan->slots[s].partition);
    }
    text_ports(h, out);
    fprintf(out, "#%15s %16s  %-14s %-16s %s\n", "cycle", "us", "kind", "partition", "fields");
}

static void text_record(const struct sim_trace_header *h, const struct sim_trace_record *r,
                        FILE *out)
{
    char kind[40], fields[SIM_TRACE_FIELDS_MAX], name_buffer[HV_NAME_MAX];
    uint64_t ns = r->cycle * 1000000u / h->khz;
    kind_name(h, r->kind, kind, sizeof kind);
    sim_trace_format_fields(h, r, fields, sizeof fields);
    fprintf(out, "%16" PRIu64 " %12" PRIu64 ".%03u  %-14s %-16s %s\n", r->cycle, ns / 1000,
            (unsigned)(ns % 1000), kind, sim_trace_header_partition(h, r->partition, name_buffer),
            fields);
}

/* After the last record: how the file ends (sim_trace_reader_ending). */
static bool check_end(struct sim_trace_reader *reader, enum sim_trace_next next, FILE *out,
                      FILE *diag)
{
    uint64_t count, hash;
    switch (sim_trace_reader_ending(reader, next, diag)) {
    case SIM_TRACE_DAMAGED:
        return false;
    case SIM_TRACE_UNFINISHED:
        fprintf(out, "# no end record: the run is still going or did not finish\n");
        return true;
    case SIM_TRACE_ENDS:
        break;
    }
    sim_trace_reader_end(reader, &count, &hash);
    fprintf(out, "# end: %" PRIu64 " records, hash %016" PRIx64 "\n", count, hash);
    return true;
}

bool sim_trace_export_text(struct sim_trace_reader *reader, FILE *out, FILE *diag)
{
    const struct sim_trace_header *h = sim_trace_reader_header(reader);
    struct sim_trace_record r;
    enum sim_trace_next next;
    text_header(h, out);
    while ((next = sim_trace_reader_next(reader, &r)) == SIM_TRACE_RECORD)
        text_record(h, &r, out);
    return check_end(reader, next, out, diag);
}
