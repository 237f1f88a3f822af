/* sim/config: what every pass of the loader shares (loader.h): the
 * diagnostics they report through, growable arrays of staging records,
 * labels for messages. Calls nothing of the passes. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/config/loader.h"

/* Problems are found pass by pass, not in file order; they are kept and
 * printed sorted by line (then by discovery) when loading ends, so the
 * output reads top to bottom like the file. */
struct sim_diag {
    long line;
    unsigned seq;
    char *text; /* the whole "path:line: message" line */
};

/* Appends one zeroed element of `size` bytes; NULL when out of memory. */
static void *sim_vec_push_raw(struct sim_vec *v, size_t size)
{
    if (v->count == v->cap) {
        uint32_t cap = v->cap == 0 ? 8u : v->cap * 2u;
        void *items = cap > v->cap ? realloc(v->items, (size_t)cap * size) : NULL;
        if (items == NULL)
            return NULL;
        v->items = items;
        v->cap = cap;
    }
    void *item = (char *)v->items + (size_t)v->count * size;
    memset(item, 0, size);
    v->count++;
    return item;
}

/* The full diagnostic line, malloc'd; NULL when out of memory. */
static char *sim_format(const struct sim_loader *ld, long line, const char *format, va_list args)
{
    char prefix[32] = "";
    if (line > 0)
        snprintf(prefix, sizeof(prefix), ":%ld", line);
    va_list copy;
    va_copy(copy, args);
    int length = vsnprintf(NULL, 0, format, copy);
    va_end(copy);
    size_t head = strlen(ld->path) + strlen(prefix) + 2;
    char *text = length < 0 ? NULL : malloc(head + (size_t)length + 1);
    if (text == NULL)
        return NULL;
    snprintf(text, head + 1, "%s%s: ", ld->path, prefix);
    vsnprintf(text + head, (size_t)length + 1, format, args);
    for (char *p = text + head; *p != '\0'; p++) {
        if ((unsigned char)*p < 0x20)
            *p = ' '; /* a value with &#10; in it must not break the one-line rule */
    }
    return text;
}

static void sim_vdiag(struct sim_loader *ld, long line, const char *format, va_list args);

static void sim_vreport(struct sim_loader *ld, long line, const char *format, va_list args)
{
    ld->errors++;
    sim_vdiag(ld, line, format, args);
}

/* A diagnostic kept for the sorted output. */
static void sim_vdiag(struct sim_loader *ld, long line, const char *format, va_list args)
{
    if (ld->diag == NULL)
        return;
    char *text = sim_format(ld, line, format, args);
    struct sim_diag *d = text != NULL ? sim_vec_push_raw(&ld->diags, sizeof(*d)) : NULL;
    if (d == NULL) {
        /* Out of memory: say it now rather than lose the message. */
        fprintf(ld->diag, "%s\n", text != NULL ? text : "out of memory");
        free(text);
        return;
    }
    d->line = line;
    d->seq = ld->diags.count;
    d->text = text;
}

void sim_report(struct sim_loader *ld, long line, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    sim_vreport(ld, line, format, args);
    va_end(args);
}

/* A problem that does not stop loading: "warning: " and the message. */
void sim_warn(struct sim_loader *ld, long line, const char *format, ...)
{
    char with_prefix[256];
    snprintf(with_prefix, sizeof with_prefix, "warning: %s", format);
    va_list args;
    va_start(args, format);
    sim_vdiag(ld, line, with_prefix, args);
    va_end(args);
}

static int sim_compare_diags(const void *a, const void *b)
{
    const struct sim_diag *x = a, *y = b;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void sim_loader_flush_diags(struct sim_loader *ld)
{
    struct sim_diag *diags = ld->diags.items;
    if (ld->diags.count > 1)
        qsort(diags, ld->diags.count, sizeof(*diags), sim_compare_diags);
    for (uint32_t i = 0; i < ld->diags.count; i++) {
        fprintf(ld->diag, "%s\n", diags[i].text);
        free(diags[i].text);
    }
    free(ld->diags.items);
    ld->diags = (struct sim_vec){0};
}

/* "partition 0 (P0)", or "partition 0" for an unnamed one. */
const char *sim_part_label(const struct sim_part_src *p, char *buf, size_t size)
{
    if (p->part.name[0] != '\0')
        snprintf(buf, size, "partition %u (%s)", (unsigned)p->src.id, p->part.name);
    else
        snprintf(buf, size, "partition %u", (unsigned)p->src.id);
    return buf;
}

/* Durations print in the largest unit that keeps them exact. */
const char *sim_time_text(uint64_t us, char *buf, size_t size)
{
    if (us != 0 && us % 1000000u == 0)
        snprintf(buf, size, "%llus", (unsigned long long)(us / 1000000u));
    else if (us != 0 && us % 1000u == 0)
        snprintf(buf, size, "%llums", (unsigned long long)(us / 1000u));
    else
        snprintf(buf, size, "%lluus", (unsigned long long)us);
    return buf;
}

void sim_report_out_of_memory(struct sim_loader *ld)
{
    if (!ld->out_of_memory)
        sim_report(ld, 0, "out of memory");
    ld->out_of_memory = true;
}

/* sim_vec_push_raw that reports running out of memory (once). */
void *sim_vec_push(struct sim_loader *ld, struct sim_vec *v, size_t size)
{
    void *item = sim_vec_push_raw(v, size);
    if (item == NULL)
        sim_report_out_of_memory(ld);
    return item;
}

const struct sim_src *sim_vec_src(const struct sim_vec *v, size_t size, uint32_t i)
{
    return (const struct sim_src *)(const void *)((const char *)v->items + (size_t)i * size);
}

bool sim_any_broken(const struct sim_vec *v, size_t size)
{
    for (uint32_t i = 0; i < v->count; i++) {
        if (sim_vec_src(v, size, i)->broken)
            return true;
    }
    return false;
}

const struct sim_part_src *sim_find_partition(const struct sim_loader *ld, uint32_t id)
{
    const struct sim_part_src *parts = ld->partitions.items;
    for (uint32_t i = 0; i < ld->partitions.count; i++) {
        if (!parts[i].src.broken && parts[i].src.id == id)
            return &parts[i];
    }
    return NULL;
}

bool sim_partitions_known(const struct sim_loader *ld)
{
    return !ld->partitions_dropped && !sim_any_broken(&ld->partitions, sizeof(struct sim_part_src));
}

/* --- the staging records ------------------------------------------------ */

static void sim_free_part(struct sim_part_src *p)
{
    free(p->areas.items);
    free(p->hm_events.items);
    free(p->io.items);
    free(p->ports.items);
    free(p->irqs.items);
}

void sim_loader_free(struct sim_loader *ld)
{
    struct sim_plan_src *plans = ld->plans.items;
    struct sim_part_src *parts = ld->partitions.items;
    struct sim_channel_src *channels = ld->channels.items;
    struct sim_ipvi_src *ipvis = ld->ipvis.items;
    for (uint32_t i = 0; i < ld->plans.count; i++)
        free(plans[i].slots.items);
    for (uint32_t i = 0; i < ld->partitions.count; i++)
        sim_free_part(&parts[i]);
    for (uint32_t i = 0; i < ld->channels.count; i++)
        free(channels[i].destinations.items);
    for (uint32_t i = 0; i < ld->ipvis.count; i++)
        free(ipvis[i].destinations.items);
    struct sim_policy_src *policies = ld->policies.items;
    for (uint32_t i = 0; i < ld->policies.count; i++)
        free(policies[i].targets.items);
    free(ld->policies.items);
    free(ld->plans.items);
    free(ld->partitions.items);
    free(ld->regions.items);
    free(ld->devices.items);
    free(ld->hv_hm_events.items);
    free(ld->channels.items);
    free(ld->ipvis.items);
}
