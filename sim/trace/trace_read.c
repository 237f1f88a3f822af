/* sim/trace: reading a trace file (sim/trace/trace_file.h). The header is read whole;
 * records one at a time, so a file still being written can be followed:
 * a record cut short by the end of the file is read again from its start
 * on the next call. */
#include "sim/common/files.h"
#include "sim/trace/trace_file.h"
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#define MAX_COUNT 65536u /* partitions, plans, slots, kinds, ports, channels: more is corrupt */

struct sim_trace_reader {
    FILE *file;
    const char *path;
    FILE *diag;
    struct sim_trace_header header;
    uint64_t last_cycle, count, hash;
    uint64_t end_count, end_hash;
    bool ended;
};

/* --- header ------------------------------------------------------------ */

static bool get_bytes(FILE *f, void *out, size_t n)
{
    return fread(out, 1, n, f) == n;
}

static bool get_u16(FILE *f, uint32_t *v)
{
    uint8_t b[2];
    if (!get_bytes(f, b, 2))
        return false;
    *v = b[0] | (uint32_t)b[1] << 8;
    return true;
}

static bool get_u32(FILE *f, uint32_t *v)
{
    uint32_t low, high;
    if (!get_u16(f, &low) || !get_u16(f, &high))
        return false;
    *v = low | high << 16;
    return true;
}

static bool get_count(FILE *f, uint32_t *v)
{
    return get_u32(f, v) && *v <= MAX_COUNT;
}

/* A string into a buffer of `size`; longer ones are corrupt. */
static bool get_string(FILE *f, char *out, size_t size)
{
    uint32_t length;
    if (!get_u16(f, &length) || length >= size || !get_bytes(f, out, length))
        return false;
    out[length] = '\0';
    return true;
}

static bool get_plan(FILE *f, struct sim_trace_plan *plan)
{
    if (!get_u32(f, &plan->id) || !get_string(f, plan->name, sizeof plan->name) ||
        !get_u32(f, &plan->major_frame_us) || !get_count(f, &plan->slot_count))
        return false;
    plan->slots = calloc(plan->slot_count + 1u, sizeof *plan->slots);
    if (!plan->slots)
        return false;
    for (uint32_t s = 0; s < plan->slot_count; s++) {
        struct sim_trace_slot *slot = &plan->slots[s];
        if (!get_u32(f, &slot->start_us) || !get_u32(f, &slot->duration_us) ||
            !get_u32(f, &slot->partition))
            return false;
    }
    return true;
}

static bool get_kind(FILE *f, struct sim_trace_kind_info *k)
{
    uint32_t kind;
    if (!get_u16(f, &kind) || !get_string(f, k->name, sizeof k->name))
        return false;
    k->kind = (uint16_t)kind;
    for (int i = 0; i < 3; i++)
        if (!get_string(f, k->fields[i], sizeof k->fields[i]))
            return false;
    return true;
}

static bool get_names(FILE *f, struct sim_trace_header *h)
{
    if (!get_count(f, &h->partition_count))
        return false;
    h->partition_names = calloc(h->partition_count + 1u, sizeof *h->partition_names);
    if (!h->partition_names)
        return false;
    for (uint32_t i = 0; i < h->partition_count; i++)
        if (!get_string(f, h->partition_names[i], HV_NAME_MAX))
            return false;
    return true;
}

static bool get_plans_and_kinds(FILE *f, struct sim_trace_header *h)
{
    if (!get_count(f, &h->plan_count))
        return false;
    h->plans = calloc(h->plan_count + 1u, sizeof *h->plans);
    if (!h->plans)
        return false;
    for (uint32_t p = 0; p < h->plan_count; p++)
        if (!get_plan(f, &h->plans[p]))
            return false;
    if (!get_count(f, &h->kind_count))
        return false;
    h->kinds = calloc(h->kind_count + 1u, sizeof *h->kinds);
    if (!h->kinds)
        return false;
    for (uint32_t k = 0; k < h->kind_count; k++)
        if (!get_kind(f, &h->kinds[k]))
            return false;
    return true;
}

static bool get_port(FILE *f, struct sim_trace_port *port)
{
    return get_string(f, port->name, sizeof port->name) && get_u32(f, &port->partition) &&
           get_u16(f, &port->direction) && get_u16(f, &port->type);
}

static bool get_channel(FILE *f, struct sim_trace_channel *channel)
{
    if (!get_u16(f, &channel->type) || !get_u32(f, &channel->source_port) ||
        !get_count(f, &channel->destination_count))
        return false;
    channel->destinations = calloc(channel->destination_count + 1u, sizeof *channel->destinations);
    if (!channel->destinations)
        return false;
    for (uint32_t d = 0; d < channel->destination_count; d++)
        if (!get_u32(f, &channel->destinations[d]))
            return false;
    return true;
}

/* Version 2 on: the ports and channels, after the kinds. */
static bool get_ports_and_channels(FILE *f, struct sim_trace_header *h)
{
    if (!get_count(f, &h->port_count))
        return false;
    h->ports = calloc(h->port_count + 1u, sizeof *h->ports);
    if (!h->ports)
        return false;
    for (uint32_t i = 0; i < h->port_count; i++)
        if (!get_port(f, &h->ports[i]))
            return false;
    if (!get_count(f, &h->channel_count))
        return false;
    h->channels = calloc(h->channel_count + 1u, sizeof *h->channels);
    if (!h->channels)
        return false;
    for (uint32_t c = 0; c < h->channel_count; c++)
        if (!get_channel(f, &h->channels[c]))
            return false;
    return true;
}

/* Version 3 on: which image each partition booted. */
static bool get_images(FILE *f, struct sim_trace_header *h)
{
    h->images = calloc(h->partition_count + 1u, sizeof *h->images);
    if (!h->images)
        return false;
    for (uint32_t i = 0; i < h->partition_count; i++) {
        struct sim_trace_image *image = &h->images[i];
        uint32_t kind;
        if (!get_u16(f, &kind) || kind > 1)
            return false;
        image->xef = kind == 1;
        if (image->xef &&
            (!get_u32(f, &image->flags) || !get_bytes(f, image->digest, sizeof image->digest) ||
             !get_bytes(f, image->payload, sizeof image->payload)))
            return false;
    }
    return true;
}

/* The header; false with one line in `problem` when it cannot be read. */
static bool get_header(FILE *f, struct sim_trace_header *h, char *problem, size_t size)
{
    char magic[8];
    const char *wrong = NULL;
    if (!get_bytes(f, magic, 8) || memcmp(magic, SIM_TRACE_MAGIC, 8) != 0)
        wrong = "not an hvsim trace file";
    else if (!get_u16(f, &h->version))
        wrong = "the trace file's header is cut short or corrupt";
    else if (h->version == 0 || h->version > SIM_TRACE_VERSION) {
        snprintf(problem, size, "unsupported trace format version %u (this hvsim reads 1 to %u)",
                 h->version, SIM_TRACE_VERSION);
        return false;
    } else if (!get_u32(f, &h->khz) || h->khz == 0 || !get_string(f, h->board, sizeof h->board) ||
               !get_string(f, h->system, sizeof h->system) || !get_names(f, h) ||
               !get_plans_and_kinds(f, h) ||
               (h->version >= SIM_TRACE_VERSION_PORTS && !get_ports_and_channels(f, h)) ||
               (h->version >= SIM_TRACE_VERSION_IMAGES && !get_images(f, h)))
        wrong = "the trace file's header is cut short or corrupt";
    if (wrong)
        snprintf(problem, size, "%s", wrong);
    return !wrong;
}

enum sim_error sim_trace_reader_open(struct sim_trace_reader **out, const char *path, FILE *diag)
{
    FILE *file = sim_file_open_input(path, diag); /* a FIFO nobody writes to: no hang */
    if (!file)
        return SIM_ERR_IO;
    return sim_trace_reader_open_stream(out, path, file, diag);
}

enum sim_error sim_trace_reader_open_stream(struct sim_trace_reader **out, const char *path,
                                            FILE *file, FILE *diag)
{
    struct sim_trace_reader *r = calloc(1, sizeof *r);
    if (!r) {
        fclose(file);
        fprintf(diag, "%s: out of memory\n", path);
        return SIM_ERR_NO_MEMORY;
    }
    r->path = path;
    r->diag = diag;
    r->hash = sim_trace_hash_start();
    r->file = file;
    char problem[128];
    if (!get_header(r->file, &r->header, problem, sizeof problem)) {
        fprintf(diag, "%s: %s\n", path, problem);
        sim_trace_reader_close(r);
        return SIM_ERR_IO;
    }
    *out = r;
    return SIM_OK;
}

/* --- records ----------------------------------------------------------- */

enum varint_result { VARINT_OK, VARINT_EOF, VARINT_BAD };

static enum varint_result get_varint(FILE *f, uint64_t *v)
{
    *v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        int c = getc(f);
        if (c == EOF)
            return VARINT_EOF;
        *v |= (uint64_t)(c & 0x7f) << shift;
        if (!(c & 0x80))
            return VARINT_OK;
    }
    return VARINT_BAD;
}

/* Fields after the kind; false at the end of the file. */
static enum varint_result get_fields(FILE *f, uint64_t fields[5])
{
    for (int i = 0; i < 5; i++) {
        enum varint_result result = get_varint(f, &fields[i]);
        if (result != VARINT_OK)
            return result;
    }
    return VARINT_OK;
}

static enum sim_trace_next corrupt(struct sim_trace_reader *r)
{
    fprintf(r->diag, "%s: corrupt record after record %llu\n", r->path,
            (unsigned long long)r->count);
    return SIM_TRACE_CORRUPT;
}

static enum sim_trace_next read_end(struct sim_trace_reader *r)
{
    uint32_t low, high;
    enum varint_result result = get_varint(r->file, &r->end_count);
    if (result == VARINT_BAD)
        return corrupt(r);
    if (result == VARINT_EOF || !get_u32(r->file, &low) || !get_u32(r->file, &high))
        return SIM_TRACE_PENDING;
    r->end_hash = low | (uint64_t)high << 32;
    r->ended = true;
    return SIM_TRACE_END;
}

static enum sim_trace_next read_record(struct sim_trace_reader *r, uint64_t kind,
                                       struct sim_trace_record *record)
{
    uint64_t f[5];
    enum varint_result result = get_fields(r->file, f);
    if (result != VARINT_OK)
        return result == VARINT_EOF ? SIM_TRACE_PENDING : corrupt(r);
    if (kind > UINT16_MAX || f[1] > 0x8000 || f[2] > UINT32_MAX || f[3] > UINT32_MAX ||
        f[4] > UINT32_MAX)
        return corrupt(r);
    r->last_cycle += f[0];
    *record = (struct sim_trace_record){r->last_cycle,  (uint16_t)kind, (int16_t)(f[1] - 1),
                                        (uint32_t)f[2], (uint32_t)f[3], (uint32_t)f[4]};
    r->count++;
    r->hash = sim_trace_hash_record(r->hash, record);
    return SIM_TRACE_RECORD;
}

enum sim_trace_next sim_trace_reader_next(struct sim_trace_reader *r,
                                          struct sim_trace_record *record)
{
    if (r->ended)
        return SIM_TRACE_END;
    long start = ftell(r->file);
    uint64_t kind;
    enum varint_result result = get_varint(r->file, &kind);
    enum sim_trace_next next = result == VARINT_BAD   ? corrupt(r)
                               : result == VARINT_EOF ? SIM_TRACE_PENDING
                               : kind == 0            ? read_end(r)
                                                      : read_record(r, kind, record);
    if (next == SIM_TRACE_PENDING) {
        /* Cut short: start this record again once more of it is there. */
        clearerr(r->file);
        fseek(r->file, start, SEEK_SET);
    }
    return next;
}

const struct sim_trace_header *sim_trace_reader_header(const struct sim_trace_reader *r)
{
    return &r->header;
}

const char *sim_trace_reader_path(const struct sim_trace_reader *r)
{
    return r->path;
}

uint64_t sim_trace_reader_count(const struct sim_trace_reader *r)
{
    return r->count;
}

uint64_t sim_trace_reader_hash(const struct sim_trace_reader *r)
{
    return r->hash;
}

void sim_trace_reader_end(const struct sim_trace_reader *r, uint64_t *count, uint64_t *hash)
{
    *count = r->end_count;
    *hash = r->end_hash;
}

void sim_trace_reader_close(struct sim_trace_reader *r)
{
    if (!r)
        return;
    if (r->file)
        fclose(r->file);
    sim_trace_header_free(&r->header);
    free(r);
}

enum sim_trace_ending sim_trace_reader_ending(struct sim_trace_reader *r, enum sim_trace_next next,
                                              FILE *diag)
{
    if (next == SIM_TRACE_CORRUPT)
        return SIM_TRACE_DAMAGED; /* the reader said where */
    if (next != SIM_TRACE_END)
        return SIM_TRACE_UNFINISHED;
    if (r->end_count == r->count && r->end_hash == r->hash)
        return SIM_TRACE_ENDS;
    fprintf(diag,
            "%s: the end record says %" PRIu64 " records, hash %016" PRIx64
            ", but the file holds %" PRIu64 ", hash %016" PRIx64 "\n",
            r->path, r->end_count, r->end_hash, r->count, r->hash);
    return SIM_TRACE_DAMAGED;
}

enum sim_trace_ending sim_trace_check_file(const char *path, FILE *diag)
{
    struct sim_trace_reader *reader = NULL;
    struct sim_trace_record record;
    enum sim_trace_next next;
    if (sim_trace_reader_open(&reader, path, diag) != SIM_OK)
        return SIM_TRACE_DAMAGED;
    while ((next = sim_trace_reader_next(reader, &record)) == SIM_TRACE_RECORD)
        continue;
    enum sim_trace_ending ending = sim_trace_reader_ending(reader, next, diag);
    sim_trace_reader_close(reader);
    return ending;
}
