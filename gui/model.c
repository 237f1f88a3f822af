/* gui/: building the timeline model from trace records. One pass over the
 * records, in order; every record is checked against the configuration
 * first, so a trace from another system or a damaged one is one error line,
 * never an out-of-range index. */
#include "gui/model.h"
#include <hvcore/hv.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A port write not yet matched with its read. */
struct pending_write {
    uint64_t cycle;
    uint32_t port, partition;
};

struct builder {
    struct gui_model *m;
    const struct hv_config *config;
    bool ports_unknown;
    size_t record;
    uint32_t plan;
    uint64_t maf;
    size_t open_slot; /* index + 1 of the slot running, 0: none */
    size_t open_exec; /* index + 1 of the exec running, 0: none */
    size_t slot_cap, exec_cap, mark_cap, event_cap, message_cap, write_cap, span_cap, line_cap;
    size_t open_span[HV_MAX_PARTITIONS]; /* index + 1 of its shaded state, 0: none */
    /* index + 1 of each writer's line without its newline yet: the
     * hypervisor's console, each partition's, UART2 (WRITER_*) */
    size_t open_line[HV_MAX_PARTITIONS + 2];
    struct pending_write *writes;
    size_t write_count;
    size_t *cursor;     /* per source port: first write a queuing read may take */
    size_t *last_write; /* per source port: index + 1 of its latest write, 0: none */
    char *error;
    size_t error_size;
};

const char *gui_strerror(enum gui_error error)
{
    switch (error) {
    case GUI_OK:
        return "no error";
    case GUI_ERR_NO_MEMORY:
        return "out of memory";
    case GUI_ERR_BAD_TRACE:
        return "the trace does not match the configuration";
    case GUI_ERR_FONT:
        return "no font";
    case GUI_ERR_SDL:
        return "SDL failed";
    case GUI_ERR_USAGE:
        return "bad view options";
    }
    return "unknown error";
}

uint64_t gui_us_to_cycles(uint32_t khz, uint64_t us)
{
    return (us * khz + 999u) / 1000u;
}

double gui_cycles_to_ns(uint32_t khz, double cycles)
{
    return cycles * 1e6 / (double)khz;
}

/* Room for one more element of `size` bytes; NULL when out of memory. */
static void *grow(void **array, size_t *count, size_t *capacity, size_t size)
{
    if (*count == *capacity) {
        size_t capacity2 = *capacity ? *capacity * 2 : 64;
        void *bigger = realloc(*array, capacity2 * size);
        if (!bigger)
            return NULL;
        *array = bigger;
        *capacity = capacity2;
    }
    return (char *)*array + (*count)++ * size;
}

#define GROW(array, count, capacity) grow((void **)&(array), &(count), &(capacity), sizeof *(array))

static enum gui_error bad(struct builder *b, const char *format, ...)
{
    int n = snprintf(b->error, b->error_size, "trace record %zu: ", b->record);
    va_list args;
    va_start(args, format);
    if (n >= 0 && (size_t)n < b->error_size)
        vsnprintf(b->error + n, b->error_size - (size_t)n, format, args);
    va_end(args);
    return GUI_ERR_BAD_TRACE;
}

static uint64_t cycles_at_us(const struct builder *b, uint64_t us)
{
    return gui_us_to_cycles(b->m->clock_khz, us);
}

static enum gui_error add_event(struct builder *b, const struct sim_trace_record *r)
{
    struct gui_event *e = GROW(b->m->events, b->m->event_count, b->event_cap);
    if (!e)
        return GUI_ERR_NO_MEMORY;
    *e = (struct gui_event){r->cycle, r->kind, r->partition, r->a, r->b, r->c};
    return GUI_OK;
}

static enum gui_error add_mark(struct builder *b, uint64_t cycle, bool plan_switch,
                               uint32_t previous)
{
    struct gui_mark *k = GROW(b->m->marks, b->m->mark_count, b->mark_cap);
    if (!k)
        return GUI_ERR_NO_MEMORY;
    *k = (struct gui_mark){cycle, b->maf, b->plan, previous, plan_switch};
    return GUI_OK;
}

static enum gui_error on_maf(struct builder *b, const struct sim_trace_record *r)
{
    if (r->b >= b->config->plan_count)
        return bad(b, "major frame of plan %u, which the configuration lacks", r->b);
    b->maf = r->a;
    b->plan = r->b;
    return add_mark(b, r->cycle, false, r->b);
}

static enum gui_error on_plan_switch(struct builder *b, const struct sim_trace_record *r)
{
    if (r->a >= b->config->plan_count)
        return bad(b, "switch to plan %u, which the configuration lacks", r->a);
    b->plan = r->a;
    return add_mark(b, r->cycle, true, r->b);
}

static enum gui_error on_slot_start(struct builder *b, const struct sim_trace_record *r)
{
    const struct hv_plan *plan = &b->config->plans[b->plan];
    if (r->a >= plan->slot_count || plan->slots[r->a].partition_id != (uint32_t)r->partition)
        return bad(b, "slot %u of partition %d is not in plan %u", r->a, r->partition, b->plan);
    struct gui_slot *s = GROW(b->m->slots, b->m->slot_count, b->slot_cap);
    if (!s)
        return GUI_ERR_NO_MEMORY;
    uint64_t start = cycles_at_us(b, r->b);
    *s = (struct gui_slot){.planned_start = start,
                           .planned_end = start + cycles_at_us(b, plan->slots[r->a].duration_us),
                           .actual_start = r->cycle,
                           .actual_end = r->cycle,
                           .partition = (uint32_t)r->partition,
                           .index = r->a,
                           .plan = b->plan,
                           .maf = b->maf};
    b->open_slot = b->m->slot_count;
    return GUI_OK;
}

static enum gui_error on_slot_end(struct builder *b, const struct sim_trace_record *r)
{
    if (b->open_slot == 0)
        return bad(b, "a slot ends that never started");
    struct gui_slot *s = &b->m->slots[b->open_slot - 1];
    s->actual_end = r->cycle;
    s->planned_end = cycles_at_us(b, r->b);
    s->ended = true;
    b->open_slot = 0;
    return GUI_OK;
}

static enum gui_error on_switch(struct builder *b, const struct sim_trace_record *r)
{
    if (b->open_exec)
        b->m->execs[b->open_exec - 1].end = r->cycle;
    struct gui_exec *e = GROW(b->m->execs, b->m->exec_count, b->exec_cap);
    if (!e)
        return GUI_ERR_NO_MEMORY;
    *e = (struct gui_exec){r->cycle, r->cycle, r->partition};
    b->open_exec = b->m->exec_count;
    return GUI_OK;
}

static enum gui_error add_message(struct builder *b, const struct pending_write *w,
                                  const struct sim_trace_record *r)
{
    struct gui_message *msg = GROW(b->m->messages, b->m->message_count, b->message_cap);
    if (!msg)
        return GUI_ERR_NO_MEMORY;
    *msg = (struct gui_message){.write_cycle = w->cycle,
                                .read_cycle = r->cycle,
                                .writer = w->partition,
                                .reader = (uint32_t)r->partition,
                                .source_port = w->port,
                                .destination_port = r->a,
                                .size = r->b};
    memcpy(msg->source_name, b->config->ports[w->port].name, HV_NAME_MAX);
    memcpy(msg->destination_name, b->config->ports[r->a].name, HV_NAME_MAX);
    msg->source_name[HV_NAME_MAX - 1] = msg->destination_name[HV_NAME_MAX - 1] = '\0';
    return GUI_OK;
}

static enum gui_error on_port_write(struct builder *b, const struct sim_trace_record *r)
{
    if (b->config->ports[r->a].direction != HV_PORT_SOURCE)
        return add_event(b, r);
    struct pending_write *w = GROW(b->writes, b->write_count, b->write_cap);
    if (!w)
        return GUI_ERR_NO_MEMORY;
    *w = (struct pending_write){r->cycle, r->a, (uint32_t)r->partition};
    b->last_write[r->a] = b->write_count;
    return add_event(b, r);
}

/* A queuing read takes the oldest write not yet read; a sampling read
 * sees the latest write. */
static const struct pending_write *matching_write(struct builder *b, uint32_t destination)
{
    const struct hv_channel *channel = &b->config->channels[b->config->ports[destination].channel];
    uint32_t source = channel->source_port;
    if (channel->type == HV_CHANNEL_SAMPLING)
        return b->last_write[source] ? &b->writes[b->last_write[source] - 1] : NULL;
    size_t i = b->cursor[source];
    while (i < b->write_count && b->writes[i].port != source)
        i++;
    /* Past what was scanned, found or not: a read that finds nothing must
     * not scan the same writes again (quadratic in a long trace). */
    b->cursor[source] = i + (i < b->write_count);
    return i < b->write_count ? &b->writes[i] : NULL;
}

static enum gui_error on_port_read(struct builder *b, const struct sim_trace_record *r)
{
    const struct pending_write *w = NULL;
    if (b->config->ports[r->a].direction == HV_PORT_DESTINATION)
        w = matching_write(b, r->a);
    enum gui_error error = w ? add_message(b, w, r) : GUI_OK;
    return error == GUI_OK ? add_event(b, r) : error;
}

static bool shaded(uint32_t state)
{
    return state == HV_STATE_SUSPENDED || state == HV_STATE_HALTED;
}

/* A suspended or halted stretch ends at the next state change and starts
 * at one into those states. */
static enum gui_error on_state(struct builder *b, const struct sim_trace_record *r)
{
    if (r->partition < 0)
        return add_event(b, r); /* no lane to shade: a tick on the hypervisor's */
    uint32_t p = (uint32_t)r->partition;
    if (b->open_span[p])
        b->m->spans[b->open_span[p] - 1].end = r->cycle;
    b->open_span[p] = 0;
    if (shaded(r->a)) {
        struct gui_state_span *span = GROW(b->m->spans, b->m->span_count, b->span_cap);
        if (!span)
            return GUI_ERR_NO_MEMORY;
        *span = (struct gui_state_span){r->cycle, r->cycle, p, r->a};
        b->open_span[p] = b->m->span_count;
    }
    return add_event(b, r);
}

#define WRITER_UART2 (HV_MAX_PARTITIONS + 1)

static struct gui_console_line *open_line(struct builder *b, const struct sim_trace_record *r,
                                          size_t writer)
{
    if (b->open_line[writer])
        return &b->m->lines[b->open_line[writer] - 1];
    struct gui_console_line *line = GROW(b->m->lines, b->m->line_count, b->line_cap);
    if (!line)
        return NULL;
    *line = (struct gui_console_line){.start = r->cycle,
                                      .partition = r->partition,
                                      .uart2 = r->kind == SIM_TRACE_UART2,
                                      .open = true};
    b->open_line[writer] = b->m->line_count;
    return line;
}

/* Bytes gather into lines, one line per writer at a time. */
static enum gui_error on_console(struct builder *b, const struct sim_trace_record *r)
{
    size_t writer = r->kind == SIM_TRACE_UART2 ? WRITER_UART2 : (size_t)(r->partition + 1);
    char byte = (char)(r->a & 0xffu);
    if (byte == '\r')
        return GUI_OK;
    struct gui_console_line *line = open_line(b, r, writer);
    if (!line)
        return GUI_ERR_NO_MEMORY;
    line->end = r->cycle;
    if (byte == '\n') {
        line->open = false;
        b->open_line[writer] = 0;
        return GUI_OK;
    }
    if (line->length < GUI_CONSOLE_TEXT - 4)
        line->text[line->length] = byte >= 0x20 && byte < 0x7f ? byte : byte == '\t' ? ' ' : '?';
    else if (line->length == GUI_CONSOLE_TEXT - 4)
        memcpy(line->text + line->length, "...", 3);
    line->length++;
    return GUI_OK;
}

static enum gui_error check_record(struct builder *b, const struct sim_trace_record *r,
                                   uint64_t previous_cycle)
{
    if (r->cycle < previous_cycle)
        return bad(b, "time goes backwards (cycle %llu after %llu)", (unsigned long long)r->cycle,
                   (unsigned long long)previous_cycle);
    if (r->partition < -1 || (r->partition >= 0 && (uint32_t)r->partition >= b->m->partition_count))
        return bad(b, "partition %d is not in the configuration", r->partition);
    bool port_kind = r->kind == HV_TRACE_PORT_WRITE || r->kind == HV_TRACE_PORT_READ;
    if (port_kind && !b->ports_unknown && r->a >= b->config->port_count)
        return bad(b, "port %u is not in the configuration", r->a);
    if ((r->kind == HV_TRACE_SLOT_START || r->kind == HV_TRACE_SLOT_END) && r->partition < 0)
        return bad(b, "a slot without a partition");
    return GUI_OK;
}

static enum gui_error on_record(struct builder *b, const struct sim_trace_record *r)
{
    switch (r->kind) {
    case HV_TRACE_MAF_START:
        return on_maf(b, r);
    case HV_TRACE_PLAN_SWITCH:
        return on_plan_switch(b, r);
    case HV_TRACE_SLOT_START:
        return on_slot_start(b, r);
    case HV_TRACE_SLOT_END:
        return on_slot_end(b, r);
    case HV_TRACE_SWITCH:
        return on_switch(b, r);
    case HV_TRACE_PORT_WRITE:
        return b->ports_unknown ? add_event(b, r) : on_port_write(b, r);
    case HV_TRACE_PORT_READ:
        return b->ports_unknown ? add_event(b, r) : on_port_read(b, r);
    case HV_TRACE_STATE:
        return on_state(b, r);
    case SIM_TRACE_CONSOLE:
    case SIM_TRACE_UART2:
        return on_console(b, r); /* lines, not bytes: the timeline would drown in them */
    }
    /* The rest is a tick: hvcore's point events, injections, and kinds
     * added after this build (kinds are extensible: docs/trace.md). */
    return add_event(b, r);
}

/* Slots and executions still running at the end last until the end. */
static void close_open(struct builder *b)
{
    if (b->open_slot)
        b->m->slots[b->open_slot - 1].actual_end = b->m->end;
    if (b->open_exec)
        b->m->execs[b->open_exec - 1].end = b->m->end;
    for (uint32_t p = 0; p < b->m->partition_count; p++) {
        if (b->open_span[p])
            b->m->spans[b->open_span[p] - 1].end = b->m->end;
    }
}

static int compare_u64(const void *x, const void *y)
{
    uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
    return a < b ? -1 : a > b;
}

/* The most frequent of values[0..count) (ties: the smaller); 0 if none.
 * Sorts the values. */
static uint64_t most_frequent(uint64_t *values, size_t count)
{
    qsort(values, count, sizeof *values, compare_u64);
    uint64_t best = 0;
    size_t best_run = 0;
    for (size_t i = 0, run; i < count; i += run) {
        for (run = 1; i + run < count && values[i + run] == values[i]; run++)
            ;
        if (run > best_run) {
            best = values[i];
            best_run = run;
        }
    }
    return best;
}

static uint64_t past(uint64_t actual, uint64_t planned)
{
    return actual > planned ? actual - planned : 0;
}

/* The run's normal slot latencies: what most slots show. */
static enum gui_error normal_latencies(struct gui_model *m)
{
    uint64_t *values = malloc((m->slot_count + 1) * sizeof *values);
    if (!values)
        return GUI_ERR_NO_MEMORY;
    for (size_t i = 0; i < m->slot_count; i++)
        values[i] = past(m->slots[i].actual_start, m->slots[i].planned_start);
    m->slot_start_latency = most_frequent(values, m->slot_count);
    size_t ended = 0;
    for (size_t i = 0; i < m->slot_count; i++) {
        if (m->slots[i].ended)
            values[ended++] = past(m->slots[i].actual_end, m->slots[i].planned_end);
    }
    m->slot_end_latency = most_frequent(values, ended);
    free(values);
    return GUI_OK;
}

uint64_t gui_console_next_start(const struct gui_model *model, size_t i)
{
    const struct gui_console_line *line = &model->lines[i];
    for (size_t j = i + 1; j < model->line_count; j++) {
        const struct gui_console_line *next = &model->lines[j];
        if (next->partition == line->partition && next->uart2 == line->uart2)
            return next->start;
    }
    return model->end;
}

uint64_t gui_slot_overrun(const struct gui_model *model, const struct gui_slot *slot)
{
    return slot->ended ? past(past(slot->actual_end, slot->planned_end), model->slot_end_latency)
                       : 0;
}

uint64_t gui_slot_late(const struct gui_model *model, const struct gui_slot *slot)
{
    return past(past(slot->actual_start, slot->planned_start), model->slot_start_latency);
}

static enum gui_error start(struct builder *b, struct gui_model *model, const struct gui_meta *meta)
{
    memset(model, 0, sizeof *model);
    b->m = model;
    b->config = meta->config;
    b->ports_unknown = meta->ports_unknown;
    if (meta->clock_khz == 0 || meta->config->plan_count == 0 ||
        meta->config->partition_count > HV_MAX_PARTITIONS)
        return bad(b, "the configuration has no clock, no plan or too many partitions");
    model->clock_khz = meta->clock_khz;
    model->partition_count = meta->config->partition_count;
    model->symbols = meta->symbols;
    for (uint32_t i = 0; i < model->partition_count; i++)
        memcpy(model->names[i], meta->config->partitions[i].name, HV_NAME_MAX);
    size_t ports = meta->config->port_count + 1;
    b->cursor = calloc(ports, sizeof *b->cursor);
    b->last_write = calloc(ports, sizeof *b->last_write);
    return b->cursor && b->last_write ? GUI_OK : GUI_ERR_NO_MEMORY;
}

static enum gui_error build(struct builder *b, const struct sim_trace_record *records, size_t count)
{
    uint64_t previous = 0;
    for (b->record = 0; b->record < count; b->record++) {
        const struct sim_trace_record *r = &records[b->record];
        enum gui_error error = check_record(b, r, previous);
        if (error == GUI_OK)
            error = on_record(b, r);
        if (error != GUI_OK)
            return error;
        previous = r->cycle;
    }
    if (previous > b->m->end)
        b->m->end = previous;
    close_open(b);
    return normal_latencies(b->m);
}

enum gui_error gui_model_build(struct gui_model *model, const struct sim_trace_record *records,
                               size_t count, const struct gui_meta *meta, char *error,
                               size_t error_size)
{
    struct builder b = {.error = error, .error_size = error_size};
    enum gui_error status = start(&b, model, meta);
    model->end = meta->end_cycle;
    if (status == GUI_OK)
        status = build(&b, records, count);
    free(b.writes);
    free(b.cursor);
    free(b.last_write);
    if (status == GUI_ERR_NO_MEMORY)
        snprintf(error, error_size, "building the timeline: out of memory");
    if (status != GUI_OK)
        gui_model_free(model);
    return status;
}

void gui_model_free(struct gui_model *model)
{
    free(model->slots);
    free(model->execs);
    free(model->marks);
    free(model->events);
    free(model->messages);
    free(model->spans);
    free(model->lines);
    model->spans = NULL;
    model->lines = NULL;
    model->span_count = model->line_count = 0;
    model->slots = NULL;
    model->execs = NULL;
    model->marks = NULL;
    model->events = NULL;
    model->messages = NULL;
    model->slot_count = model->exec_count = model->mark_count = 0;
    model->event_count = model->message_count = 0;
}
