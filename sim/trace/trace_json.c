/* sim/trace: the Chrome/Perfetto JSON exporter ("trace event format": a JSON
 * object with a traceEvents array). One process, the system; one thread
 * (track) per partition, tid = partition id + 1, and tid 0 for the
 * hypervisor. Slots and running periods are complete events ("X"), HM
 * events and other point events instants ("i"), console output one
 * instant per line. Times are µs with ns precision, from the cycles. */
#include "sim/common/xm_names.h"
#include "sim/trace/trace_export.h"
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#define LINE_MAX_BYTES 200

struct open_period {
    bool open;
    uint64_t start;
    uint32_t slot, planned_us;
};

struct track {
    struct open_period slot, running;
    char line[LINE_MAX_BYTES + 1];
    uint32_t line_length;
    uint64_t line_start;
};

struct json {
    FILE *out;
    const struct sim_trace_header *h;
    struct track *tracks; /* index partition + 1 */
    uint32_t track_count;
    uint64_t last_cycle;
    bool first;
};

static void put_string(FILE *out, const char *s)
{
    fputc('"', out);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            fprintf(out, "\\%c", c);
        else if (c < 0x20 || c >= 0x7f)
            fprintf(out, "\\u%04x", c);
        else
            fputc(c, out);
    }
    fputc('"', out);
}

static void put_time(struct json *j, const char *key, uint64_t cycles)
{
    uint64_t ns = cycles * 1000000u / j->h->khz;
    fprintf(j->out, ",\"%s\":%" PRIu64 ".%03u", key, ns / 1000, (unsigned)(ns % 1000));
}

/* Opens an event object: {"name":...,"ph":...,"pid":1,"tid":... */
static void begin_event(struct json *j, const char *name, const char *phase, int32_t partition)
{
    fputs(j->first ? "\n" : ",\n", j->out);
    j->first = false;
    fputs("{\"name\":", j->out);
    put_string(j->out, name);
    fprintf(j->out, ",\"ph\":\"%s\",\"pid\":1,\"tid\":%d", phase, (int)(partition + 1));
}

static void metadata(struct json *j)
{
    char buffer[HV_NAME_MAX];
    begin_event(j, "process_name", "M", -1);
    fputs(",\"args\":{\"name\":", j->out);
    put_string(j->out, j->h->system);
    fputs("}}", j->out);
    for (int32_t p = -1; p < (int32_t)j->h->partition_count; p++) {
        begin_event(j, "thread_name", "M", p);
        fputs(",\"args\":{\"name\":", j->out);
        put_string(j->out, sim_trace_header_partition(j->h, p, buffer));
        fputs("}}", j->out);
        begin_event(j, "thread_sort_index", "M", p);
        fprintf(j->out, ",\"args\":{\"sort_index\":%d}}", (int)p + 1);
    }
}

static struct track *track_of(struct json *j, int32_t partition)
{
    uint32_t index = (uint32_t)partition + 1u; /* -1, the hypervisor, is track 0 */
    return partition >= -1 && index < j->track_count ? &j->tracks[index] : NULL;
}

static void complete(struct json *j, int32_t partition, const char *name, uint64_t start,
                     uint64_t end, const char *args)
{
    begin_event(j, name, "X", partition);
    fputs(",\"cat\":\"schedule\"", j->out);
    put_time(j, "ts", start);
    put_time(j, "dur", end - start);
    fprintf(j->out, ",\"args\":{%s}}", args);
}

static void close_slot(struct json *j, int32_t partition, uint64_t end, uint32_t planned_end)
{
    struct track *t = track_of(j, partition);
    char name[32], args[160];
    if (!t || !t->slot.open)
        return;
    uint64_t start_ns = t->slot.start * 1000000u / j->h->khz;
    snprintf(name, sizeof name, "slot %u", t->slot.slot);
    snprintf(args, sizeof args,
             "\"planned_start_us\":%u,\"planned_end_us\":%u,\"late_start_ns\":%" PRId64,
             t->slot.planned_us, planned_end,
             (int64_t)start_ns - (int64_t)t->slot.planned_us * 1000);
    complete(j, partition, name, t->slot.start, end, args);
    t->slot.open = false;
}

static void close_running(struct json *j, int32_t partition, uint64_t end)
{
    struct track *t = track_of(j, partition);
    if (!t || !t->running.open)
        return;
    complete(j, partition, "running", t->running.start, end, "");
    t->running.open = false;
}

static void instant(struct json *j, const struct sim_trace_record *r, const char *name,
                    const char *category, const char *scope)
{
    char fields[SIM_TRACE_FIELDS_MAX];
    sim_trace_format_fields(j->h, r, fields, sizeof fields);
    begin_event(j, name, "i", r->kind == HV_TRACE_MAF_START ? -1 : r->partition);
    fprintf(j->out, ",\"cat\":\"%s\",\"s\":\"%s\"", category, scope);
    put_time(j, "ts", r->cycle);
    fputs(",\"args\":{\"fields\":", j->out);
    put_string(j->out, fields);
    fputs("}}", j->out);
}

static void flush_line(struct json *j, int32_t partition)
{
    struct track *t = track_of(j, partition);
    if (!t || t->line_length == 0)
        return;
    t->line[t->line_length] = '\0';
    begin_event(j, "console", "i", partition);
    fputs(",\"cat\":\"console\",\"s\":\"t\"", j->out);
    put_time(j, "ts", t->line_start);
    fputs(",\"args\":{\"text\":", j->out);
    put_string(j->out, t->line);
    fputs("}}", j->out);
    t->line_length = 0;
}

static void console_byte(struct json *j, const struct sim_trace_record *r)
{
    struct track *t = track_of(j, r->partition);
    if (!t)
        return;
    if (t->line_length == 0)
        t->line_start = r->cycle;
    if (r->a != '\n')
        t->line[t->line_length++] = (char)r->a;
    if (r->a == '\n' || t->line_length == LINE_MAX_BYTES)
        flush_line(j, r->partition);
}

/* A hypercall's instant is named after it, and its error if any:
 * "XM_ctrl_object: XM_INVALID_CONFIG"; the number is in the fields. */
static void hypercall_name(const struct sim_trace_record *r, char *name, size_t size)
{
    const char *call =
        r->kind == HV_TRACE_HYPERCALL ? sim_hypercall_name(r->a) : sim_asm_hypercall_name(r->a);
    const char *error = (int32_t)r->b < 0 ? sim_xm_result_name((int32_t)r->b) : NULL;
    if (r->kind == HV_TRACE_HYPERCALL && (int32_t)r->b < 0)
        snprintf(name, size, "XM_%s: %s", call ? call : "unknown", error ? error : "error");
    else
        snprintf(name, size, "XM_%s", call ? call : "unknown");
}

static void other_event(struct json *j, const struct sim_trace_record *r)
{
    const struct sim_trace_kind_info *info = sim_trace_header_kind(j->h, r->kind);
    char name[96];
    if (r->kind == HV_TRACE_HM_EVENT) {
        snprintf(name, sizeof name, "HM %s: %s", sim_hm_event_short_name(r->a),
                 sim_hm_action_short_name(r->b));
        instant(j, r, name, "hm", "t");
    } else if (r->kind == HV_TRACE_HYPERCALL || r->kind == HV_TRACE_ASM_HYPERCALL) {
        hypercall_name(r, name, sizeof name);
        instant(j, r, name, "hypercall", "t");
    } else if (r->kind == HV_TRACE_MAF_START || r->kind == HV_TRACE_PLAN_SWITCH) {
        snprintf(name, sizeof name, "%s %u", info ? info->name : "kind", r->a);
        instant(j, r, name, "frame", "g");
    } else {
        snprintf(name, sizeof name, "%s", info ? info->name : "event");
        if (!info)
            snprintf(name, sizeof name, "kind%u", r->kind);
        instant(j, r, name, "event", "t");
    }
}

static void record(struct json *j, const struct sim_trace_record *r)
{
    struct track *t = track_of(j, r->partition);
    j->last_cycle = r->cycle;
    switch (r->kind) {
    case HV_TRACE_SLOT_START:
        if (t)
            t->slot = (struct open_period){true, r->cycle, r->a, r->b};
        return;
    case HV_TRACE_SLOT_END:
        close_slot(j, r->partition, r->cycle, r->b);
        return;
    case HV_TRACE_SWITCH:
        close_running(j, (int32_t)r->a, r->cycle);
        if (t && r->partition >= 0)
            t->running = (struct open_period){true, r->cycle, 0, 0};
        return;
    case SIM_TRACE_CONSOLE:
        console_byte(j, r);
        return;
    }
    other_event(j, r);
}

/* Periods still open when the trace ends close at its last record. */
static void close_all(struct json *j)
{
    for (int32_t p = -1; p + 1 < (int32_t)j->track_count; p++) {
        close_slot(j, p, j->last_cycle, 0);
        close_running(j, p, j->last_cycle);
        flush_line(j, p);
    }
}

bool sim_trace_export_json(struct sim_trace_reader *reader, FILE *out, FILE *diag)
{
    struct json j = {.out = out, .h = sim_trace_reader_header(reader), .first = true};
    struct sim_trace_record r;
    enum sim_trace_next next;
    (void)diag;
    j.track_count = j.h->partition_count + 1;
    j.tracks = calloc(j.track_count, sizeof *j.tracks);
    if (!j.tracks)
        return false;
    fputs("{\"displayTimeUnit\":\"ns\",\"traceEvents\":[", out);
    metadata(&j);
    while ((next = sim_trace_reader_next(reader, &r)) == SIM_TRACE_RECORD)
        record(&j, &r);
    close_all(&j);
    fputs("\n]}\n", out);
    free(j.tracks);
    return sim_trace_reader_ending(reader, next, diag) != SIM_TRACE_DAMAGED;
}
