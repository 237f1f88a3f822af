/* tests/leon3: compare a run on the simulator with the same run on the
 * LEON3 image under QEMU, from their two trace files.
 *   compare_engines SIM.trace QEMU.trace [--numbers]
 * What must be identical: each partition's console output, once every
 * number followed by " us" (a time the partition printed) is replaced by
 * "#" — with --numbers every number is (the paper's counters count
 * instructions, which the two engines execute at different rates); and,
 * each on its own, the sequences of slot starts, HM events (with their
 * actions), plan switches, partition state changes (but idle <-> ready:
 * idle_pacing()) and port messages (writes and reads together). Times may differ: the
 * largest difference between matching slot starts is printed. Exit 0 when
 * everything compares, 1 with the first difference otherwise. */
#include "sim/trace/trace_file.h"
#include <ctype.h>
#include <hvcore/hv.h>
#include <stdlib.h>
#include <string.h>

#define MAX_CONSOLES (HV_MAX_PARTITIONS + 1) /* [0]: the hypervisor */

struct run {
    struct sim_trace_record *events; /* the kinds compared in order */
    size_t count, capacity;
    char *console[MAX_CONSOLES];
    size_t console_length[MAX_CONSOLES];
    uint32_t khz;
};

/* A partition going idle and ready again follows the console's pace
 * (XM_write_console takes what the UART can send and xal's stdio idles
 * until the next slot; the simulator's UART takes 87 µs a byte, QEMU's
 * none), so those changes are not compared; suspend, resume, halt, boot
 * and reset are. */
static bool idle_pacing(const struct sim_trace_record *r)
{
    return r->kind == HV_TRACE_STATE && (r->a == HV_STATE_IDLE || r->a == HV_STATE_READY) &&
           (r->b == HV_STATE_IDLE || r->b == HV_STATE_READY);
}

static bool compared(const struct sim_trace_record *r)
{
    uint16_t kind = r->kind;
    return (kind == HV_TRACE_SLOT_START || kind == HV_TRACE_HM_EVENT ||
            kind == HV_TRACE_PLAN_SWITCH || kind == HV_TRACE_STATE || kind == HV_TRACE_PORT_WRITE ||
            kind == HV_TRACE_PORT_READ) &&
           !idle_pacing(r);
}

static void add_console(struct run *r, int32_t writer, char byte)
{
    uint32_t i = (uint32_t)(writer + 1);
    if (i >= MAX_CONSOLES)
        return;
    r->console[i] = realloc(r->console[i], r->console_length[i] + 2);
    r->console[i][r->console_length[i]++] = byte;
    r->console[i][r->console_length[i]] = '\0';
}

static void add_event(struct run *r, const struct sim_trace_record *record)
{
    if (r->count == r->capacity) {
        r->capacity = r->capacity ? 2 * r->capacity : 256;
        r->events = realloc(r->events, r->capacity * sizeof *r->events);
    }
    r->events[r->count++] = *record;
}

static void run_free(struct run *r)
{
    free(r->events);
    for (size_t i = 0; i < MAX_CONSOLES; i++)
        free(r->console[i]);
}

static bool load(const char *path, struct run *r)
{
    struct sim_trace_reader *reader;
    if (sim_trace_reader_open(&reader, path, stderr) != SIM_OK)
        return false;
    r->khz = sim_trace_reader_header(reader)->khz;
    struct sim_trace_record record;
    enum sim_trace_next next;
    while ((next = sim_trace_reader_next(reader, &record)) == SIM_TRACE_RECORD) {
        if (record.kind == SIM_TRACE_CONSOLE)
            add_console(r, record.partition, (char)record.a);
        else if (compared(&record))
            add_event(r, &record);
    }
    sim_trace_reader_close(reader);
    if (next != SIM_TRACE_END)
        fprintf(stderr, "%s: the trace has no end record\n", path);
    return next == SIM_TRACE_END;
}

/* Numbers that are times ("123 us"), or all numbers, become "#". */
static char *masked(const char *text, bool all_numbers)
{
    size_t n = text ? strlen(text) : 0;
    char *out = malloc(n + 1);
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && isdigit((unsigned char)text[j]))
            j++;
        if (j > i && (all_numbers || strncmp(text + j, " us", 3) == 0)) {
            out[o++] = '#';
            i = j;
        } else {
            out[o++] = text[i++];
        }
    }
    out[o] = '\0';
    return out;
}

static bool same_event(const struct sim_trace_record *a, const struct sim_trace_record *b)
{
    return a->kind == b->kind && a->partition == b->partition && a->a == b->a && a->b == b->b &&
           a->c == b->c;
}

static void print_event(const char *engine, const struct sim_trace_record *e, uint32_t khz)
{
    fprintf(stderr, "  %s: %llu us kind %u partition %d a=%u b=%u c=%u\n", engine,
            (unsigned long long)(e->cycle * 1000 / khz), e->kind, e->partition, e->a, e->b, e->c);
}

/* The categories whose order must agree; one sequence each, since how
 * a partition's work falls into slots depends on its speed (a partition
 * that halts after printing halts later where the UART is slower). */
static uint32_t category(uint16_t kind)
{
    switch (kind) {
    case HV_TRACE_SLOT_START:
        return 0;
    case HV_TRACE_HM_EVENT:
        return 1;
    case HV_TRACE_PLAN_SWITCH:
        return 2;
    case HV_TRACE_STATE:
        return 3;
    default:
        return 4; /* port writes and reads */
    }
}
#define CATEGORIES 5

/* The next event of category c at or after *i. */
static const struct sim_trace_record *next_of(const struct run *r, uint32_t c, size_t *i)
{
    while (*i < r->count && category(r->events[*i].kind) != c)
        (*i)++;
    return *i < r->count ? &r->events[(*i)++] : NULL;
}

static bool compare_category(const struct run *sim, const struct run *qemu, uint32_t c,
                             uint64_t *max_diff_us)
{
    size_t i = 0, j = 0;
    for (size_t n = 0;; n++) {
        const struct sim_trace_record *a = next_of(sim, c, &i), *b = next_of(qemu, c, &j);
        if (!a && !b)
            return true;
        if (!a || !b || !same_event(a, b)) {
            fprintf(stderr, "event %zu of category %u differs:\n", n, c);
            if (a)
                print_event("sim ", a, sim->khz);
            if (b)
                print_event("qemu", b, qemu->khz);
            return false;
        }
        uint64_t ta = a->cycle * 1000 / sim->khz, tb = b->cycle * 1000 / qemu->khz;
        uint64_t d = ta > tb ? ta - tb : tb - ta;
        if (c == 0 && d > *max_diff_us)
            *max_diff_us = d;
    }
}

static bool compare_events(const struct run *sim, const struct run *qemu, uint64_t *max_diff_us)
{
    bool same = true;
    for (uint32_t c = 0; c < CATEGORIES; c++)
        same = compare_category(sim, qemu, c, max_diff_us) && same;
    return same;
}

static bool compare_consoles(const struct run *sim, const struct run *qemu, bool all_numbers)
{
    bool same = true;
    for (uint32_t i = 0; i < MAX_CONSOLES; i++) {
        char *a = masked(sim->console[i], all_numbers), *b = masked(qemu->console[i], all_numbers);
        if (strcmp(a, b) != 0) {
            fprintf(stderr, "console of partition %d differs:\n--- sim\n%s\n--- qemu\n%s\n",
                    (int)i - 1, a, b);
            same = false;
        }
        free(a);
        free(b);
    }
    return same;
}

int main(int argc, char **argv)
{
    struct run sim = {0}, qemu = {0};
    bool all_numbers = argc == 4 && strcmp(argv[3], "--numbers") == 0;
    if (argc != 3 && !all_numbers) {
        fprintf(stderr, "usage: compare_engines SIM.trace QEMU.trace [--numbers]\n");
        return 2;
    }
    int status = 2;
    if (load(argv[1], &sim) && load(argv[2], &qemu)) {
        uint64_t max_diff_us = 0;
        bool events = compare_events(&sim, &qemu, &max_diff_us);
        bool consoles = compare_consoles(&sim, &qemu, all_numbers);
        printf("compare: %zu events %s, consoles %s, largest slot-start difference %llu us\n",
               sim.count, events ? "identical" : "DIFFER", consoles ? "identical" : "DIFFER",
               (unsigned long long)max_diff_us);
        status = events && consoles ? 0 : 1;
    }
    run_free(&sim);
    run_free(&qemu);
    return status;
}
