/* sim/: XM_CF loading: reading the file, libxml2's parse, the order of the
 * passes (see config_internal.h) and the diagnostics they all report
 * through. */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlversion.h>

#include "sim/config_internal.h"

/* libxml2 2.12 made the structured error argument const. */
#if LIBXML_VERSION >= 21200
typedef const xmlError *sim_xml_error_ptr;
#else
typedef xmlErrorPtr sim_xml_error_ptr;
#endif

/* --- diagnostics -------------------------------------------------------- */

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

static void sim_vreport(struct sim_loader *ld, long line, const char *format, va_list args)
{
    ld->errors++;
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
    d->seq = ld->errors;
    d->text = text;
}

void sim_report(struct sim_loader *ld, long line, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    sim_vreport(ld, line, format, args);
    va_end(args);
}

static int sim_compare_diags(const void *a, const void *b)
{
    const struct sim_diag *x = a, *y = b;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static void sim_flush_diags(struct sim_loader *ld)
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

/* --- growable arrays ---------------------------------------------------- */

/* sim_vec_push_raw that reports running out of memory (once). */
void *sim_vec_push(struct sim_loader *ld, struct sim_vec *v, size_t size)
{
    void *item = sim_vec_push_raw(v, size);
    if (item == NULL && !ld->out_of_memory)
        sim_report(ld, 0, "out of memory");
    ld->out_of_memory = ld->out_of_memory || item == NULL;
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

/* --- reading and parsing the file -------------------------------------- */

/* Doubles `*buf` (at least 16 KiB); libxml2 takes an int length, so a
 * document stays below INT_MAX bytes. */
static enum sim_error sim_grow_buffer(struct sim_loader *ld, char **buf, size_t *cap)
{
    size_t grown_cap = *cap == 0 ? 16384u : *cap * 2u;
    if (grown_cap > (size_t)INT_MAX) {
        sim_report(ld, 0, "file is too large");
        return SIM_ERR_IO;
    }
    char *grown = realloc(*buf, grown_cap);
    if (grown == NULL) {
        sim_report(ld, 0, "out of memory");
        return SIM_ERR_NO_MEMORY;
    }
    *buf = grown;
    *cap = grown_cap;
    return SIM_OK;
}

static enum sim_error sim_read_stream(struct sim_loader *ld, FILE *f, char **data, size_t *size)
{
    char *buf = NULL;
    size_t used = 0, cap = 0;
    enum sim_error result = SIM_OK;
    for (size_t n = 1; n != 0 && result == SIM_OK;) {
        if (used == cap)
            result = sim_grow_buffer(ld, &buf, &cap);
        n = result == SIM_OK ? fread(buf + used, 1, cap - used, f) : 0;
        used += n;
    }
    if (result == SIM_OK && ferror(f)) {
        sim_report(ld, 0, "cannot read: %s", strerror(errno));
        result = SIM_ERR_IO;
    }
    if (result != SIM_OK) {
        free(buf);
        return result;
    }
    *data = buf;
    *size = used;
    return SIM_OK;
}

/* Reads the whole file, so that "cannot open" and "cannot read" come with
 * the system's reason rather than libxml2's generic I/O message. */
static enum sim_error sim_read_file(struct sim_loader *ld, char **data, size_t *size)
{
    FILE *f = fopen(ld->path, "rb");
    if (f == NULL) {
        sim_report(ld, 0, "cannot open: %s", strerror(errno));
        return SIM_ERR_IO;
    }
    enum sim_error result = sim_read_stream(ld, f, data, size);
    fclose(f); /* opened read-only: nothing to lose if closing fails */
    return result;
}

/* libxml2's structured error handler, in our format. Only the first error
 * is shown: after it libxml2 reports consequences ("Extra content at the
 * end of the document", ...) that would bury the cause. Warnings are
 * dropped: they do not make a file invalid. */
static void sim_xml_error(void *user, sim_xml_error_ptr error)
{
    struct sim_loader *ld = user;
    if (error == NULL || error->level < XML_ERR_ERROR || ld->xml_failed)
        return;
    ld->xml_failed = true;
    const char *message = error->message != NULL ? error->message : "malformed XML";
    char text[256]; /* libxml2's messages are short; a longer one is cut */
    size_t length = 0;
    for (; message[length] != '\0' && length < sizeof(text) - 1; length++)
        text[length] = message[length];
    while (length > 0 && (text[length - 1] == '\n' || text[length - 1] == ' '))
        length--;
    text[length] = '\0';
    sim_report(ld, error->line, "%s", text);
}

static xmlDoc *sim_parse_xml(struct sim_loader *ld, const char *data, size_t size)
{
    unsigned before = ld->errors;
    xmlSetStructuredErrorFunc(ld, sim_xml_error);
    xmlDoc *doc =
        xmlReadMemory(data, (int)size, ld->path, NULL, XML_PARSE_NONET | XML_PARSE_BIG_LINES);
    xmlSetStructuredErrorFunc(NULL, NULL);
    if (doc != NULL && ld->xml_failed) {
        xmlFreeDoc(doc); /* recoverable errors (namespaces, ...) still make it invalid */
        doc = NULL;
    }
    if (doc == NULL && ld->errors == before)
        sim_report(ld, 0, "cannot parse the XML document");
    return doc;
}

/* Passes 1 to 3: the document, the schema and the walk. */
static enum sim_error sim_load_document(struct sim_loader *ld)
{
    char *data = NULL;
    size_t size = 0;
    enum sim_error result = sim_read_file(ld, &data, &size);
    if (result != SIM_OK)
        return result;
    if (size == 0) {
        free(data);
        sim_report(ld, 0, "the file is empty");
        return SIM_ERR_CONFIG;
    }
    xmlDoc *doc = sim_parse_xml(ld, data, size);
    free(data);
    if (doc == NULL)
        return SIM_ERR_CONFIG;
    xmlNode *root = xmlDocGetRootElement(doc);
    if (root == NULL) {
        sim_report(ld, 0, "the document has no root element");
        result = SIM_ERR_CONFIG;
    } else if (!sim_schema_validate(ld, doc)) {
        result = SIM_ERR_CONFIG; /* the later passes need a valid tree */
    } else {
        sim_parse_root(ld, root);
    }
    xmlFreeDoc(doc);
    return result;
}

enum sim_error sim_config_load(const char *path, FILE *diag, struct sim_config **out)
{
    struct sim_loader ld = {.path = path, .diag = diag, .hv_console_index = HV_CONSOLE_NONE};
    *out = NULL;
    enum sim_error result = sim_load_document(&ld);
    if (result == SIM_OK && !ld.out_of_memory)
        sim_check_semantics(&ld);
    if (result == SIM_OK && ld.out_of_memory)
        result = SIM_ERR_NO_MEMORY;
    if (result == SIM_OK && ld.errors > 0)
        result = SIM_ERR_CONFIG;
    if (result == SIM_OK) {
        *out = sim_build(&ld);
        if (*out == NULL) {
            sim_report(&ld, 0, "out of memory");
            result = SIM_ERR_NO_MEMORY;
        }
    }
    sim_flush_diags(&ld);
    sim_loader_free(&ld);
    return result;
}
