/* sim/: XM_CF loading. Three passes over one file:
 *   1. libxml2 parses it (its own errors are captured, not printed by it);
 *   2. a hand-written walk of the supported element subset (the "schema"
 *      check) fills staging records that remember each element's line;
 *   3. semantic checks run over the staging records, and only a file with no
 *      error at all is turned into the final, read-only struct hv_config.
 * Every problem is reported as it is found and the walk goes on, so that a
 * user sees all errors of a file in one run. Elements that the model does
 * not cover yet (HealthMonitor, PortTable, Channels, ...) are accepted and
 * skipped as whole subtrees. */
#include "sim/config_load.h"

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

#include "sim/units.h"

#define SIM_XM_NAMESPACE "http://www.xtratum.org/xm-3.x"
#define SIM_PAGE_SIZE 4096u
#define SIM_ADDRESS_SPACE 0x100000000ull /* 4 GiB: the end of every 32-bit range */

/* Area@flags flag0..flag3: user bits of the PCT memory map (0x10..0x80).
 * hvcore/config.h does not name them yet. */
#define SIM_AREA_FLAG0 (1u << 4)

/* libxml2 2.12 made the structured error argument const. */
#if LIBXML_VERSION >= 21200
typedef const xmlError *sim_xml_error_ptr;
#else
typedef xmlErrorPtr sim_xml_error_ptr;
#endif

/* --- staging records ---------------------------------------------------- */

/* Common head of every staging record, so the id checks can be shared. */
struct sim_src {
    long line;
    bool broken; /* an attribute was missing or invalid: skip it in later checks */
    uint32_t id;
};

struct sim_vec {
    void *items;
    uint32_t count;
    uint32_t cap;
};

struct sim_region_src {
    struct sim_src src;
    struct hv_region region;
};

struct sim_device_src {
    struct sim_src src;
    struct hv_device device;
};

struct sim_slot_src {
    struct sim_src src;
    struct hv_slot slot;
};

struct sim_plan_src {
    struct sim_src src;
    struct hv_plan plan;
    struct sim_vec slots; /* of struct sim_slot_src */
};

struct sim_area_src {
    struct sim_src src;
    struct hv_mem_area area;
};

/* A console reference by device name, resolved once all devices are known
 * (child order is free in XM_CF, so a device may come after its user). */
struct sim_console_ref {
    bool given;
    long line;
    char name[HV_NAME_MAX];
};

struct sim_part_src {
    struct sim_src src;
    struct hv_partition_config part;
    struct sim_console_ref console;
    struct sim_vec areas; /* of struct sim_area_src */
};

struct sim_loader {
    const char *path;
    FILE *diag;
    unsigned errors;
    bool out_of_memory;
    bool xml_failed; /* libxml2 reported an error */
    char name[HV_NAME_MAX];
    uint32_t cpu_khz;
    uint32_t processor_count;
    bool partitions_dropped; /* more than HV_MAX_PARTITIONS: slot references are unknowable */
    long plan_table_line;
    struct sim_console_ref hv_console;
    int32_t hv_console_index;
    struct sim_vec regions;    /* of struct sim_region_src */
    struct sim_vec devices;    /* of struct sim_device_src */
    struct sim_vec plans;      /* of struct sim_plan_src */
    struct sim_vec partitions; /* of struct sim_part_src */
    struct sim_vec diags;      /* of struct sim_diag */
};

struct sim_config {
    struct hv_config hv;
    struct hv_region *regions;
    struct hv_device *devices;
    struct hv_plan *plans;
    struct hv_slot *slots; /* every plan's slots, plan after plan */
    struct hv_partition_config *partitions;
    struct hv_mem_area *areas; /* every partition's areas, partition after partition */
};

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

__attribute__((format(printf, 3, 4))) static void sim_report(struct sim_loader *ld, long line,
                                                             const char *format, ...)
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

static long sim_line(const xmlNode *node)
{
    return xmlGetLineNo(node);
}

static const char *sim_name(const xmlNode *node)
{
    return (const char *)node->name;
}

/* "partition 0 (P0)", or "partition 0" for an unnamed one. */
static const char *sim_part_label(const struct sim_part_src *p, char *buf, size_t size)
{
    if (p->part.name[0] != '\0')
        snprintf(buf, size, "partition %u (%s)", (unsigned)p->src.id, p->part.name);
    else
        snprintf(buf, size, "partition %u", (unsigned)p->src.id);
    return buf;
}

/* Durations print in the largest unit that keeps them exact. */
static const char *sim_time_text(uint64_t us, char *buf, size_t size)
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
static void *sim_vec_push(struct sim_loader *ld, struct sim_vec *v, size_t size)
{
    void *item = sim_vec_push_raw(v, size);
    if (item == NULL && !ld->out_of_memory)
        sim_report(ld, 0, "out of memory");
    ld->out_of_memory = ld->out_of_memory || item == NULL;
    return item;
}

static const struct sim_src *sim_vec_src(const struct sim_vec *v, size_t size, uint32_t i)
{
    return (const struct sim_src *)(const void *)((const char *)v->items + (size_t)i * size);
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

/* --- the element walk --------------------------------------------------- */

typedef void sim_parse_fn(struct sim_loader *ld, xmlNode *node, void *ctx);

struct sim_child {
    const char *name;
    sim_parse_fn *parse; /* NULL: accepted and ignored (not modelled yet) */
    bool required;
    bool unique;
};

#define SIM_CHILDREN_MAX 8

/* Elements belong to the XtratuM namespace; no namespace is accepted too,
 * since hand-written files often omit it. */
static bool sim_check_namespace(struct sim_loader *ld, const xmlNode *node)
{
    if (node->ns == NULL || node->ns->href == NULL ||
        strcmp((const char *)node->ns->href, SIM_XM_NAMESPACE) == 0)
        return true;
    sim_report(ld, sim_line(node), "element <%s> is in namespace '%s', not '%s'", sim_name(node),
               (const char *)node->ns->href, SIM_XM_NAMESPACE);
    return false;
}

static const struct sim_child *sim_find_child(const struct sim_child *table, size_t count,
                                              const char *name)
{
    for (size_t i = 0; i < count; i++) {
        if (strcmp(table[i].name, name) == 0)
            return &table[i];
    }
    return NULL;
}

static void sim_parse_child(struct sim_loader *ld, xmlNode *parent, xmlNode *n,
                            const struct sim_child *table, size_t count, unsigned *seen, void *ctx)
{
    const struct sim_child *c = sim_find_child(table, count, sim_name(n));
    if (c == NULL) {
        sim_report(ld, sim_line(n), "unknown element <%s> in <%s>", sim_name(n), sim_name(parent));
        return;
    }
    unsigned *times = &seen[c - table];
    if (c->unique && *times > 0) {
        sim_report(ld, sim_line(n), "duplicate <%s> in <%s>", sim_name(n), sim_name(parent));
        return;
    }
    (*times)++;
    if (c->parse != NULL)
        c->parse(ld, n, ctx);
}

static void sim_parse_children(struct sim_loader *ld, xmlNode *parent,
                               const struct sim_child *table, size_t count, void *ctx)
{
    unsigned seen[SIM_CHILDREN_MAX] = {0};
    for (xmlNode *n = parent->children; n != NULL && !ld->out_of_memory; n = n->next) {
        bool text = n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE;
        if (text && !xmlIsBlankNode(n))
            sim_report(ld, sim_line(n), "unexpected text in <%s>", sim_name(parent));
        if (n->type != XML_ELEMENT_NODE || !sim_check_namespace(ld, n))
            continue;
        sim_parse_child(ld, parent, n, table, count, seen, ctx);
    }
    for (size_t i = 0; i < count && !ld->out_of_memory; i++) {
        if (table[i].required && seen[i] == 0)
            sim_report(ld, sim_line(parent), "<%s> lacks <%s>", sim_name(parent), table[i].name);
    }
}

#define SIM_PARSE_CHILDREN(ld, node, table, ctx)                                                   \
    sim_parse_children((ld), (node), (table), sizeof(table) / sizeof((table)[0]), (ctx))

/* --- attributes --------------------------------------------------------- */

static bool sim_in_list(const char *const *list, const char *name)
{
    for (; list != NULL && *list != NULL; list++) {
        if (strcmp(*list, name) == 0)
            return true;
    }
    return false;
}

/* Reports unknown and missing attributes; false when a required one is
 * missing. Attributes in another namespace (xsi:...) are not ours to judge. */
static bool sim_check_attrs(struct sim_loader *ld, xmlNode *node, const char *const *required,
                            const char *const *optional)
{
    for (xmlAttr *a = node->properties; a != NULL; a = a->next) {
        const char *name = (const char *)a->name;
        if (a->ns == NULL && !sim_in_list(required, name) && !sim_in_list(optional, name))
            sim_report(ld, sim_line(node), "<%s> has unknown attribute '%s'", sim_name(node), name);
    }
    bool complete = true;
    for (; required != NULL && *required != NULL; required++) {
        if (xmlHasNsProp(node, BAD_CAST * required, NULL) == NULL) {
            sim_report(ld, sim_line(node), "<%s> lacks required attribute '%s'", sim_name(node),
                       *required);
            complete = false;
        }
    }
    return complete;
}

static char *sim_attr(xmlNode *node, const char *name)
{
    return (char *)xmlGetNoNsProp(node, BAD_CAST name);
}

/* How a kind of value is parsed and described in messages. */
struct sim_kind {
    enum sim_unit_status (*parse)(const char *text, uint32_t *out);
    const char *what; /* "is not <what>" */
    const char *base; /* "is not a whole number of <base>" */
};

static enum sim_unit_status sim_fit32(enum sim_unit_status status, uint64_t value, uint32_t *out)
{
    if (status == SIM_UNIT_OK && value > UINT32_MAX)
        return SIM_UNIT_RANGE;
    if (status == SIM_UNIT_OK)
        *out = (uint32_t)value;
    return status;
}

static enum sim_unit_status sim_time32(const char *text, uint32_t *out)
{
    uint64_t value = 0;
    enum sim_unit_status status = sim_unit_time_us(text, &value);
    return sim_fit32(status, value, out);
}

static enum sim_unit_status sim_size32(const char *text, uint32_t *out)
{
    uint64_t value = 0;
    enum sim_unit_status status = sim_unit_size(text, &value);
    return sim_fit32(status, value, out);
}

static enum sim_unit_status sim_freq32(const char *text, uint32_t *out)
{
    uint64_t value = 0;
    enum sim_unit_status status = sim_unit_freq_khz(text, &value);
    return sim_fit32(status, value, out);
}

static const struct sim_kind sim_kind_time = {sim_time32, "a time (e.g. 500us, 10ms, 1.5s)",
                                              "microseconds"};
static const struct sim_kind sim_kind_size = {sim_size32, "a size (e.g. 4096B, 64KB, 1MB)",
                                              "bytes"};
static const struct sim_kind sim_kind_freq = {sim_freq32, "a frequency (e.g. 50MHz, 800KHz)",
                                              "kHz"};
static const struct sim_kind sim_kind_hex = {sim_unit_hex, "a hexadecimal number (0x...)", ""};
static const struct sim_kind sim_kind_id = {sim_unit_id, "a decimal number", ""};

static void sim_report_value(struct sim_loader *ld, xmlNode *node, const char *name,
                             const char *text, enum sim_unit_status status,
                             const struct sim_kind *kind)
{
    long line = sim_line(node);
    const char *element = sim_name(node);
    if (status == SIM_UNIT_RANGE)
        sim_report(ld, line, "%s@%s '%s' is out of range (32 bits)", element, name, text);
    else if (status == SIM_UNIT_FRACTION)
        sim_report(ld, line, "%s@%s '%s' is not a whole number of %s", element, name, text,
                   kind->base);
    else
        sim_report(ld, line, "%s@%s '%s' is not %s", element, name, text, kind->what);
}

/* Reads an optional or required value: an absent attribute leaves *out
 * alone (the caller's default; sim_check_attrs reports missing ones).
 * False when the value is invalid, which is reported. */
static bool sim_get(struct sim_loader *ld, xmlNode *node, const char *name,
                    const struct sim_kind *kind, uint32_t *out)
{
    char *text = sim_attr(node, name);
    if (text == NULL)
        return true;
    enum sim_unit_status status = kind->parse(text, out);
    if (status != SIM_UNIT_OK)
        sim_report_value(ld, node, name, text, status, kind);
    xmlFree(text);
    return status == SIM_UNIT_OK;
}

static bool sim_copy_name(struct sim_loader *ld, xmlNode *node, const char *name,
                          char out[HV_NAME_MAX])
{
    char *text = sim_attr(node, name);
    if (text == NULL)
        return true;
    size_t length = strlen(text);
    bool fits = length < HV_NAME_MAX;
    if (fits)
        memcpy(out, text, length + 1);
    else
        sim_report(ld, sim_line(node), "%s@%s '%s' is longer than %d bytes", sim_name(node), name,
                   text, HV_NAME_MAX - 1);
    xmlFree(text);
    return fits;
}

struct sim_flag {
    const char *token;
    uint32_t bit;
};

static bool sim_is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static bool sim_flag_bit(const struct sim_flag *table, const char *token, size_t length,
                         uint32_t *bit)
{
    for (; table->token != NULL; table++) {
        if (strlen(table->token) == length && strncmp(table->token, token, length) == 0) {
            *bit = table->bit;
            return true;
        }
    }
    return false;
}

/* A space-separated list of flag names (XSD list type); "none" is bit 0. */
static bool sim_get_flags(struct sim_loader *ld, xmlNode *node, const char *name,
                          const struct sim_flag *table, uint32_t *out)
{
    char *text = sim_attr(node, name);
    if (text == NULL)
        return true;
    bool ok = true;
    for (const char *p = text; *p != '\0';) {
        size_t length = 0;
        while (p[length] != '\0' && !sim_is_space(p[length]))
            length++;
        uint32_t bit = 0;
        if (length > 0 && !sim_flag_bit(table, p, length, &bit)) {
            sim_report(ld, sim_line(node), "%s@%s: unknown flag '%.*s'", sim_name(node), name,
                       (int)length, p);
            ok = false;
        }
        *out |= bit;
        p += length + (p[length] != '\0');
    }
    xmlFree(text);
    return ok;
}

static bool sim_get_console(struct sim_loader *ld, xmlNode *node, struct sim_console_ref *ref)
{
    ref->given = xmlHasNsProp(node, BAD_CAST "console", NULL) != NULL;
    ref->line = sim_line(node);
    return sim_copy_name(ld, node, "console", ref->name);
}

/* --- element parsers ---------------------------------------------------- */

/* Starts a staging record: `broken` is decided by the caller once all of
 * the element's attributes have been read. */
static void *sim_begin(struct sim_loader *ld, struct sim_vec *v, size_t size, xmlNode *node)
{
    struct sim_src *src = sim_vec_push(ld, v, size);
    if (src != NULL)
        src->line = sim_line(node);
    return src;
}

static const char *const sim_none[] = {NULL};

static void sim_parse_region(struct sim_loader *ld, xmlNode *node, void *ctx)
{
    static const char *const required[] = {"type", "start", "size", NULL};
    (void)ctx;
    unsigned before = ld->errors;
    struct sim_region_src *r = sim_begin(ld, &ld->regions, sizeof(*r), node);
    if (r == NULL || !sim_check_attrs(ld, node, required, sim_none)) {
        if (r != NULL)
            r->src.broken = true;
        return;
    }
    char *type = sim_attr(node, "type");
    if (type != NULL && strcmp(type, "sdram") == 0)
        r->region.type = HV_REGION_SDRAM;
    else if (type != NULL && strcmp(type, "stram") == 0)
        r->region.type = HV_REGION_STRAM;
    else if (type != NULL && strcmp(type, "rom") == 0)
        r->region.type = HV_REGION_ROM;
    else
        sim_report(ld, r->src.line, "Region@type '%s' is not one of sdram, stram, rom",
                   type != NULL ? type : "");
    xmlFree(type);
    sim_get(ld, node, "start", &sim_kind_hex, &r->region.start);
    sim_get(ld, node, "size", &sim_kind_size, &r->region.size);
    r->src.broken = ld->errors != before;
}

static void sim_parse_memory_layout(struct sim_loader *ld, xmlNode *node, void *ctx)
{
    static const struct sim_child children[] = {{"Region", sim_parse_region, true, false}};
    sim_check_attrs(ld, node, sim_none, sim_none);
    SIM_PARSE_CHILDREN(ld, node, children, ctx);
}

static void sim_parse_slot(struct sim_loader *ld, xmlNode *node, void *ctx)
{
    static const char *const required[] = {"id", "start", "duration", "partitionId", NULL};
    static const char *const optional[] = {"vCpuId", "flags", NULL};
    static const struct sim_flag flags[] = {
        {"periodStart", HV_SLOT_PERIOD_START}, {"none", 0}, {NULL, 0}};
    struct sim_plan_src *plan = ctx;
    unsigned before = ld->errors;
    struct sim_slot_src *s = sim_begin(ld, &plan->slots, sizeof(*s), node);
    if (s == NULL)
        return;
    sim_check_attrs(ld, node, required, optional);
    sim_get(ld, node, "id", &sim_kind_id, &s->src.id);
    sim_get(ld, node, "start", &sim_kind_time, &s->slot.start_us);
    sim_get(ld, node, "duration", &sim_kind_time, &s->slot.duration_us);
    sim_get(ld, node, "partitionId", &sim_kind_id, &s->slot.partition_id);
    sim_get(ld, node, "vCpuId", &sim_kind_id, &s->slot.vcpu_id);
    sim_get_flags(ld, node, "flags", flags, &s->slot.flags);
    s->slot.id = s->src.id;
    s->src.broken = ld->errors != before;
}

static void sim_parse_plan(struct sim_loader *ld, xmlNode *node, void *ctx)
{
    static const char *const required[] = {"id", "majorFrame", NULL};
    static const char *const optional[] = {"name", "extSync", "interval", NULL};
    static const struct sim_child children[] = {{"Slot", sim_parse_slot, true, false}};
    (void)ctx;
    if (ld->plans.count == HV_MAX_PLANS) {
        sim_report(ld, sim_line(node), "too many plans (at most %d)", HV_MAX_PLANS);
        return;
    }
    unsigned before = ld->errors;
    struct sim_plan_src *p = sim_begin(ld, &ld->plans, sizeof(*p), node);
    if (p == NULL)
        return;
    sim_check_attrs(ld, node, required, optional);
    sim_get(ld, node, "id", &sim_kind_id, &p->src.id);
    sim_get(ld, node, "majorFrame", &sim_kind_time, &p->plan.major_frame_us);
    sim_copy_name(ld, node, "name", p->plan.name);
    p->plan.id = p->src.id;
    p->src.broken = ld->errors != before;
    SIM_PARSE_CHILDREN(ld, node, children, p);
}

static void sim_parse_plan_table(struct sim_loader *ld, xmlNode *node, void *ctx)
{
    static const struct sim_child children[] = {{"Plan", sim_parse_plan, true, false}};
    ld->plan_table_line = sim_line(node);
    sim_check_attrs(ld, node, sim_none, sim_none);
    SIM_PARSE_CHILDREN(ld, node, children, ctx);
}

static void sim_parse_processor(struct sim_loader *ld, xmlNode *node, void *ctx)
{
    static const char *const required[] = {"id", "frequency", NULL};
    static const char *const optional[] = {"features", "console", NULL};
    static const struct sim_child children[] = {
        {"CyclicPlanTable", sim_parse_plan_table, true, true}};
    if (++ld->processor_count > 1) {
        sim_report(ld, sim_line(node), "only one <Processor> is supported");
        return;
    }
    uint32_t id = 0;
    sim_check_attrs(ld, node, required, optional);
    if (sim_get(ld, node, "id", &sim_kind_id, &id) && id != 0)
        sim_report(ld, sim_line(node), "processor id %u is out of sequence: it must be 0",
                   (unsigned)id);
    if (sim_get(ld, node, "frequency", &sim_kind_freq, &ld->cpu_khz) && ld->cpu_khz == 0 &&
        xmlHasNsProp(node, BAD_CAST "frequency", NULL) != NULL)
        sim_report(ld, sim_line(node), "Processor@frequency must not be zero");
    SIM_PARSE_CHILDREN(ld, node, children, ctx);
}

static void sim_parse_processor_table(struct sim_loader *ld, xmlNode *node, void *ctx)
{
    static const struct sim_child children[] = {{"Processor", sim_parse_processor, true, false}};
    sim_check_attrs(ld, node, sim_none, sim_none);
    SIM_PARSE_CHILDREN(ld, node, children, ctx);
}

static struct sim_device_src *sim_begin_device(struct sim_loader *ld, xmlNode *node,
                                               enum hv_device_type type)
{
    struct sim_device_src *d = sim_begin(ld, &ld->devices, sizeof(*d), node);
    if (d != NULL)
        d->device.type = type;
    return d;
}

static void sim_parse_uart(struct sim_loader *ld, xmlNode *node, void *ctx)
{
    static const char *const required[] = {"name", "id", "baudRate", NULL};
    (void)ctx;
    unsigned before = ld->errors;
    struct sim_device_src *d = sim_begin_device(ld, node, HV_DEVICE_UART);
    if (d == NULL)
        return;
    sim_check_attrs(ld, node, required, sim_none);
    sim_copy_name(ld, node, "name", d->device.name);
    sim_get(ld, node, "id", &sim_kind_id, &d->device.id);
    sim_get(ld, node, "baudRate", &sim_kind_id, &d->device.baud_rate);
    d->src.broken = ld->errors != before;
}

static void sim_parse_memory_block(struct sim_loader *ld, xmlNode *node, void *ctx)
{
    static const char *const required[] = {"name", "start", "size", NULL};
    (void)ctx;
    unsigned before = ld->errors;
    struct sim_device_src *d = sim_begin_device(ld, node, HV_DEVICE_MEMORY_BLOCK);
    if (d == NULL)
        return;
    sim_check_attrs(ld, node, required, sim_none);
    sim_copy_name(ld, node, "name", d->device.name);
    sim_get(ld, node, "start", &sim_kind_hex, &d->device.start);
    sim_get(ld, node, "size", &sim_kind_size, &d->device.size);
    d->src.broken = ld->errors != before;
}

static void sim_parse_null(struct sim_loader *ld, xmlNode *node, void *ctx)
{
    static const char *const optional[] = {"name", NULL};
    (void)ctx;
    unsigned before = ld->errors;
    struct sim_device_src *d = sim_begin_device(ld, node, HV_DEVICE_NULL);
    if (d == NULL)
        return;
    sim_check_attrs(ld, node, sim_none, optional);
    sim_copy_name(ld, node, "name", d->device.name);
    d->src.broken = ld->errors != before;
}

static void sim_parse_devices(struct sim_loader *ld, xmlNode *node, void *ctx)
{
    static const struct sim_child children[] = {
        {"Uart", sim_parse_uart, false, false},
        {"MemoryBlock", sim_parse_memory_block, false, false},
        {"Null", sim_parse_null, false, false},
    };
    sim_check_attrs(ld, node, sim_none, sim_none);
    SIM_PARSE_CHILDREN(ld, node, children, ctx);
}

static void sim_parse_hw(struct sim_loader *ld, xmlNode *node, void *ctx)
{
    static const struct sim_child children[] = {
        {"MemoryLayout", sim_parse_memory_layout, false, true},
        {"ProcessorTable", sim_parse_processor_table, true, true},
        {"Devices", sim_parse_devices, false, true},
    };
    sim_check_attrs(ld, node, sim_none, sim_none);
    SIM_PARSE_CHILDREN(ld, node, children, ctx);
}

static void sim_parse_hypervisor(struct sim_loader *ld, xmlNode *node, void *ctx)
{
    static const char *const optional[] = {"console", NULL};
    static const struct sim_child children[] = {
        {"PhysicalMemoryArea", NULL, false, true},
        {"PhysicalMemoryAreas", NULL, false, true},
        {"HealthMonitor", NULL, false, true},
        {"Watchdog", NULL, false, true},
        {"Trace", NULL, false, true},
    };
    sim_check_attrs(ld, node, sim_none, optional);
    sim_get_console(ld, node, &ld->hv_console);
    SIM_PARSE_CHILDREN(ld, node, children, ctx);
}

static void sim_parse_area(struct sim_loader *ld, xmlNode *node, void *ctx)
{
    static const char *const required[] = {"start", "size", NULL};
    static const char *const optional[] = {"name", "flags", "mappedAt", NULL};
    static const struct sim_flag flags[] = {
        {"unmapped", HV_AREA_UNMAPPED},
        {"read-only", HV_AREA_READONLY},
        {"uncacheable", HV_AREA_UNCACHEABLE},
        {"rom", HV_AREA_ROM},
        {"flag0", SIM_AREA_FLAG0},
        {"flag1", SIM_AREA_FLAG0 << 1},
        {"flag2", SIM_AREA_FLAG0 << 2},
        {"flag3", SIM_AREA_FLAG0 << 3},
        {"none", 0},
        {NULL, 0},
    };
    struct sim_part_src *part = ctx;
    unsigned before = ld->errors;
    struct sim_area_src *a = sim_begin(ld, &part->areas, sizeof(*a), node);
    if (a == NULL)
        return;
    sim_check_attrs(ld, node, required, optional);
    sim_copy_name(ld, node, "name", a->area.name);
    sim_get(ld, node, "start", &sim_kind_hex, &a->area.start);
    sim_get(ld, node, "size", &sim_kind_size, &a->area.size);
    a->area.mapped_at = a->area.start;
    sim_get(ld, node, "mappedAt", &sim_kind_hex, &a->area.mapped_at);
    sim_get_flags(ld, node, "flags", flags, &a->area.flags);
    a->src.broken = ld->errors != before;
}

static void sim_parse_areas(struct sim_loader *ld, xmlNode *node, void *ctx)
{
    static const struct sim_child children[] = {{"Area", sim_parse_area, true, false}};
    sim_check_attrs(ld, node, sim_none, sim_none);
    SIM_PARSE_CHILDREN(ld, node, children, ctx);
}

static void sim_parse_partition_attrs(struct sim_loader *ld, xmlNode *node, struct sim_part_src *p)
{
    static const char *const required[] = {"id", NULL};
    static const char *const optional[] = {"name",       "console", "flags",
                                           "entryPoint", "noVCpus", NULL};
    static const struct sim_flag flags[] = {
        {"system", HV_PART_SYSTEM},
        {"fp", HV_PART_FP},
        {"boot", HV_PART_BOOT},
        {"icache_disabled", HV_PART_ICACHE_DISABLED},
        {"dcache_disabled", HV_PART_DCACHE_DISABLED},
        {"none", 0},
        {NULL, 0},
    };
    sim_check_attrs(ld, node, required, optional);
    sim_get(ld, node, "id", &sim_kind_id, &p->src.id);
    sim_copy_name(ld, node, "name", p->part.name);
    sim_get_flags(ld, node, "flags", flags, &p->part.flags);
    p->part.has_entry_point = xmlHasNsProp(node, BAD_CAST "entryPoint", NULL) != NULL;
    sim_get(ld, node, "entryPoint", &sim_kind_hex, &p->part.entry_point);
    sim_get_console(ld, node, &p->console);
}

static void sim_parse_partition(struct sim_loader *ld, xmlNode *node, void *ctx)
{
    static const struct sim_child children[] = {
        {"PhysicalMemoryAreas", sim_parse_areas, true, true},
        {"TemporalRequirements", NULL, false, true},
        {"HealthMonitor", NULL, false, true},
        {"HwResources", NULL, false, true},
        {"PortTable", NULL, false, true},
        {"Trace", NULL, false, true},
    };
    (void)ctx;
    if (ld->partitions.count == HV_MAX_PARTITIONS) {
        sim_report(ld, sim_line(node), "too many partitions (at most %d)", HV_MAX_PARTITIONS);
        ld->partitions_dropped = true;
        return;
    }
    unsigned before = ld->errors;
    struct sim_part_src *p = sim_begin(ld, &ld->partitions, sizeof(*p), node);
    if (p == NULL)
        return;
    sim_parse_partition_attrs(ld, node, p);
    p->part.id = p->src.id;
    p->src.broken = ld->errors != before;
    SIM_PARSE_CHILDREN(ld, node, children, p);
}

static void sim_parse_partition_table(struct sim_loader *ld, xmlNode *node, void *ctx)
{
    static const struct sim_child children[] = {{"Partition", sim_parse_partition, true, false}};
    sim_check_attrs(ld, node, sim_none, sim_none);
    SIM_PARSE_CHILDREN(ld, node, children, ctx);
}

/* Root@version follows the XSD pattern [0-9]+.[0-9]+.[0-9]+. */
static bool sim_version_ok(const char *v)
{
    for (int part = 0; part < 3; part++) {
        if (!(*v >= '0' && *v <= '9'))
            return false;
        while (*v >= '0' && *v <= '9')
            v++;
        if (part < 2 && *v++ != '.')
            return false;
    }
    return *v == '\0';
}

static void sim_parse_root(struct sim_loader *ld, xmlNode *root)
{
    static const char *const required[] = {"version", "name", NULL};
    static const struct sim_child children[] = {
        {"HwDescription", sim_parse_hw, true, true},
        {"XMHypervisor", sim_parse_hypervisor, true, true},
        {"ResidentSw", NULL, false, true},
        {"PartitionTable", sim_parse_partition_table, true, true},
        {"Channels", NULL, false, true},
    };
    if (strcmp(sim_name(root), "SystemDescription") != 0) {
        sim_report(ld, sim_line(root), "root element is <%s>, not <SystemDescription>",
                   sim_name(root));
        return;
    }
    if (!sim_check_namespace(ld, root))
        return;
    sim_check_attrs(ld, root, required, sim_none);
    sim_copy_name(ld, root, "name", ld->name);
    char *version = sim_attr(root, "version");
    if (version != NULL && !sim_version_ok(version))
        sim_report(ld, sim_line(root), "SystemDescription@version '%s' is not N.N.N", version);
    xmlFree(version);
    SIM_PARSE_CHILDREN(ld, root, children, NULL);
}

/* --- semantic checks: ids ----------------------------------------------- */

static bool sim_any_broken(const struct sim_vec *v, size_t size)
{
    for (uint32_t i = 0; i < v->count; i++) {
        if (sim_vec_src(v, size, i)->broken)
            return true;
    }
    return false;
}

/* XtratuM's rule: ids are unique and consecutive from 0, so they can be
 * indexes. With n unique ids all below n, they are exactly 0..n-1. `what`
 * and `where` frame the message: "slot" ... " of plan 0". True when the ids
 * are usable as indexes. */
static bool sim_check_ids(struct sim_loader *ld, const struct sim_vec *v, size_t size,
                          const char *what, const char *where)
{
    if (sim_any_broken(v, size))
        return false;
    bool ok = true;
    for (uint32_t i = 0; i < v->count; i++) {
        const struct sim_src *s = sim_vec_src(v, size, i);
        uint32_t j = 0;
        while (j < i && sim_vec_src(v, size, j)->id != s->id)
            j++;
        if (j < i) {
            sim_report(ld, s->line, "duplicate %s id %u%s (first at line %ld)", what,
                       (unsigned)s->id, where, sim_vec_src(v, size, j)->line);
            ok = false;
        } else if (s->id >= v->count) {
            sim_report(ld, s->line,
                       "%s id %u%s is out of sequence: ids must run 0..%u without gaps", what,
                       (unsigned)s->id, where, (unsigned)(v->count - 1));
            ok = false;
        }
    }
    return ok;
}

/* --- semantic checks: plans and slots ----------------------------------- */

static int sim_compare_slots(const void *a, const void *b)
{
    const struct sim_slot_src *x = a, *y = b;
    if (x->slot.start_us != y->slot.start_us)
        return x->slot.start_us < y->slot.start_us ? -1 : 1;
    return x->src.line < y->src.line ? -1 : x->src.line > y->src.line; /* deterministic */
}

static const struct sim_part_src *sim_find_partition(const struct sim_loader *ld, uint32_t id)
{
    const struct sim_part_src *parts = ld->partitions.items;
    for (uint32_t i = 0; i < ld->partitions.count; i++) {
        if (!parts[i].src.broken && parts[i].src.id == id)
            return &parts[i];
    }
    return NULL;
}

static void sim_check_slot(struct sim_loader *ld, const struct sim_plan_src *p,
                           const struct sim_slot_src *s, bool partitions_known)
{
    uint32_t plan = p->src.id, id = s->src.id;
    uint64_t end = (uint64_t)s->slot.start_us + s->slot.duration_us;
    char t1[32], t2[32];
    if (s->slot.duration_us == 0)
        sim_report(ld, s->src.line, "slot %u of plan %u has a zero duration", (unsigned)id,
                   (unsigned)plan);
    if (end > p->plan.major_frame_us && p->plan.major_frame_us != 0)
        sim_report(ld, s->src.line, "slot %u of plan %u ends at %s, past the major frame (%s)",
                   (unsigned)id, (unsigned)plan, sim_time_text(end, t1, sizeof(t1)),
                   sim_time_text(p->plan.major_frame_us, t2, sizeof(t2)));
    if (partitions_known && sim_find_partition(ld, s->slot.partition_id) == NULL)
        sim_report(ld, s->src.line, "slot %u of plan %u names partition %u, which does not exist",
                   (unsigned)id, (unsigned)plan, (unsigned)s->slot.partition_id);
    if (s->slot.vcpu_id != 0)
        sim_report(ld, s->src.line,
                   "slot %u of plan %u names vCPU %u, but partitions have only vCPU 0",
                   (unsigned)id, (unsigned)plan, (unsigned)s->slot.vcpu_id);
}

/* Slots are sorted by start, so only neighbours can overlap. */
static void sim_check_overlap(struct sim_loader *ld, const struct sim_plan_src *p,
                              const struct sim_slot_src *prev, const struct sim_slot_src *s)
{
    uint64_t prev_end = (uint64_t)prev->slot.start_us + prev->slot.duration_us;
    char t1[32], t2[32];
    if (s->slot.start_us < prev_end)
        sim_report(ld, s->src.line,
                   "slot %u of plan %u starts at %s, before slot %u (line %ld) ends at %s",
                   (unsigned)s->src.id, (unsigned)p->src.id,
                   sim_time_text(s->slot.start_us, t1, sizeof(t1)), (unsigned)prev->src.id,
                   prev->src.line, sim_time_text(prev_end, t2, sizeof(t2)));
}

/* hv_plan.slots is sorted by start and indexed by id, so ids must follow
 * the time order (slot 0 first). */
static void sim_check_slot_order(struct sim_loader *ld, const struct sim_plan_src *p)
{
    const struct sim_slot_src *slots = p->slots.items;
    for (uint32_t i = 0; i < p->slots.count; i++) {
        if (slots[i].src.id != i) {
            sim_report(ld, slots[i].src.line,
                       "slot %u of plan %u starts before slot %u: slot ids must follow start order",
                       (unsigned)slots[i].src.id, (unsigned)p->src.id, (unsigned)i);
            return; /* one is enough: the rest follows from it */
        }
    }
}

static void sim_check_plan(struct sim_loader *ld, struct sim_plan_src *p, bool partitions_known)
{
    char where[32];
    snprintf(where, sizeof(where), " of plan %u", (unsigned)p->src.id);
    if (p->plan.major_frame_us == 0)
        sim_report(ld, p->src.line, "plan %u has a zero major frame", (unsigned)p->src.id);
    bool ids_ok = sim_check_ids(ld, &p->slots, sizeof(struct sim_slot_src), "slot", where);
    if (p->slots.count > 1)
        qsort(p->slots.items, p->slots.count, sizeof(struct sim_slot_src), sim_compare_slots);
    const struct sim_slot_src *slots = p->slots.items, *prev = NULL;
    unsigned before = ld->errors;
    for (uint32_t i = 0; i < p->slots.count; i++) {
        if (slots[i].src.broken)
            continue;
        sim_check_slot(ld, p, &slots[i], partitions_known);
        if (prev != NULL)
            sim_check_overlap(ld, p, prev, &slots[i]);
        prev = &slots[i];
    }
    if (ids_ok && ld->errors == before)
        sim_check_slot_order(ld, p);
}

static void sim_check_plans(struct sim_loader *ld)
{
    bool partitions_known =
        !ld->partitions_dropped && !sim_any_broken(&ld->partitions, sizeof(struct sim_part_src));
    bool ids_ok = sim_check_ids(ld, &ld->plans, sizeof(struct sim_plan_src), "plan", "");
    if (ids_ok && ld->plans.count == 0 && ld->plan_table_line > 0)
        sim_report(ld, ld->plan_table_line, "there is no plan 0");
    struct sim_plan_src *plans = ld->plans.items;
    for (uint32_t i = 0; i < ld->plans.count; i++) {
        if (!plans[i].src.broken)
            sim_check_plan(ld, &plans[i], partitions_known);
    }
}

/* --- semantic checks: partitions, devices, consoles --------------------- */

static void sim_check_names(struct sim_loader *ld, const struct sim_vec *v, size_t size,
                            size_t name_offset, const char *what)
{
    for (uint32_t i = 0; i < v->count; i++) {
        const struct sim_src *s = sim_vec_src(v, size, i);
        const char *name = (const char *)s + name_offset;
        for (uint32_t j = 0; j < i && name[0] != '\0'; j++) {
            const struct sim_src *t = sim_vec_src(v, size, j);
            if (strcmp(name, (const char *)t + name_offset) == 0) {
                sim_report(ld, s->line, "duplicate %s name '%s' (first at line %ld)", what, name,
                           t->line);
                break;
            }
        }
    }
}

/* Device index by name, or HV_CONSOLE_NONE (reported) when none matches. */
static int32_t sim_resolve_console(struct sim_loader *ld, const struct sim_console_ref *ref,
                                   const char *who)
{
    const struct sim_device_src *devices = ld->devices.items;
    if (!ref->given)
        return HV_CONSOLE_NONE;
    for (uint32_t i = 0; i < ld->devices.count; i++) {
        if (strcmp(devices[i].device.name, ref->name) == 0)
            return (int32_t)i;
    }
    sim_report(ld, ref->line, "%s console '%s' names no device", who, ref->name);
    return HV_CONSOLE_NONE;
}

static void sim_check_partitions(struct sim_loader *ld)
{
    struct sim_part_src *parts = ld->partitions.items;
    char label[64];
    sim_check_ids(ld, &ld->partitions, sizeof(struct sim_part_src), "partition", "");
    sim_check_names(ld, &ld->partitions, sizeof(struct sim_part_src),
                    offsetof(struct sim_part_src, part.name), "partition");
    sim_check_names(ld, &ld->devices, sizeof(struct sim_device_src),
                    offsetof(struct sim_device_src, device.name), "device");
    for (uint32_t i = 0; i < ld->partitions.count; i++) {
        if (!parts[i].src.broken)
            parts[i].part.console = sim_resolve_console(
                ld, &parts[i].console, sim_part_label(&parts[i], label, sizeof(label)));
    }
}

/* --- semantic checks: memory ------------------------------------------- */

/* A half-open 64-bit range, so that an area ending at 4 GiB is expressible. */
struct sim_range {
    uint64_t start;
    uint64_t end;
};

static struct sim_range sim_range(uint32_t start, uint32_t size)
{
    struct sim_range r = {start, (uint64_t)start + size};
    return r;
}

static bool sim_overlaps(struct sim_range a, struct sim_range b)
{
    return a.start < b.end && b.start < a.end;
}

static bool sim_contains(struct sim_range outer, struct sim_range inner)
{
    return outer.start <= inner.start && inner.end <= outer.end;
}

static const char *sim_range_text(struct sim_range r, char *buf, size_t size)
{
    snprintf(buf, size, "0x%08llx-0x%08llx", (unsigned long long)r.start,
             (unsigned long long)r.end);
    return buf;
}

static void sim_check_regions(struct sim_loader *ld)
{
    const struct sim_region_src *regions = ld->regions.items;
    char t1[48];
    for (uint32_t i = 0; i < ld->regions.count; i++) {
        if (regions[i].src.broken)
            continue;
        struct sim_range r = sim_range(regions[i].region.start, regions[i].region.size);
        if (regions[i].region.size == 0)
            sim_report(ld, regions[i].src.line, "region at 0x%08x has a zero size",
                       (unsigned)regions[i].region.start);
        else if (r.end > SIM_ADDRESS_SPACE)
            sim_report(ld, regions[i].src.line, "region %s extends past 4 GiB",
                       sim_range_text(r, t1, sizeof(t1)));
        for (uint32_t j = 0; j < i; j++) {
            if (!regions[j].src.broken &&
                sim_overlaps(r, sim_range(regions[j].region.start, regions[j].region.size)))
                sim_report(ld, regions[i].src.line, "region %s overlaps the region at line %ld",
                           sim_range_text(r, t1, sizeof(t1)), regions[j].src.line);
        }
    }
}

static bool sim_in_some_region(const struct sim_loader *ld, struct sim_range r)
{
    const struct sim_region_src *regions = ld->regions.items;
    for (uint32_t i = 0; i < ld->regions.count; i++) {
        if (sim_contains(sim_range(regions[i].region.start, regions[i].region.size), r))
            return true;
    }
    return false;
}

/* Checks one area on its own; false when it is unusable for overlap checks. */
static bool sim_check_area(struct sim_loader *ld, const struct sim_part_src *p,
                           const struct sim_area_src *a)
{
    static const struct sim_range pct = {HV_PCT_ADDRESS, (uint64_t)HV_PCT_ADDRESS + SIM_PAGE_SIZE};
    struct sim_range r = sim_range(a->area.start, a->area.size);
    struct sim_range view = sim_range(a->area.mapped_at, a->area.size);
    char label[64], t1[48];
    const char *who = sim_part_label(p, label, sizeof(label));
    const char *range = sim_range_text(r, t1, sizeof(t1));
    long line = a->src.line;
    if (a->area.size == 0) {
        sim_report(ld, line, "area at 0x%08x of %s has a zero size", (unsigned)a->area.start, who);
        return false;
    }
    if (r.end > SIM_ADDRESS_SPACE || view.end > SIM_ADDRESS_SPACE) {
        sim_report(ld, line, "area %s of %s extends past 4 GiB", range, who);
        return false;
    }
    if ((a->area.start | a->area.size | a->area.mapped_at) % SIM_PAGE_SIZE != 0)
        sim_report(ld, line, "area %s of %s is not aligned to 4 KiB pages", range, who);
    if (sim_overlaps(r, pct))
        sim_report(ld, line, "area %s of %s overlaps the PCT page at 0x%08x", range, who,
                   (unsigned)HV_PCT_ADDRESS);
    else if (sim_overlaps(view, pct))
        sim_report(ld, line, "area %s of %s is mapped at 0x%08x, over the PCT page at 0x%08x",
                   range, who, (unsigned)a->area.mapped_at, (unsigned)HV_PCT_ADDRESS);
    bool regions_known = !sim_any_broken(&ld->regions, sizeof(struct sim_region_src));
    if (ld->regions.count > 0 && regions_known && !sim_in_some_region(ld, r))
        sim_report(ld, line, "area %s of %s lies outside every memory region", range, who);
    return true;
}

/* Two areas of one partition: neither their memory nor, for mapped areas,
 * the addresses the partition sees may overlap. */
static void sim_check_area_pair_same(struct sim_loader *ld, const struct sim_part_src *p,
                                     const struct sim_area_src *a, const struct sim_area_src *b)
{
    char label[64], t1[48];
    const char *who = sim_part_label(p, label, sizeof(label));
    struct sim_range ra = sim_range(a->area.start, a->area.size);
    bool both_mapped = ((a->area.flags | b->area.flags) & HV_AREA_UNMAPPED) == 0;
    if (sim_overlaps(ra, sim_range(b->area.start, b->area.size)))
        sim_report(ld, a->src.line, "area %s of %s overlaps its area at line %ld",
                   sim_range_text(ra, t1, sizeof(t1)), who, b->src.line);
    else if (both_mapped && sim_overlaps(sim_range(a->area.mapped_at, a->area.size),
                                         sim_range(b->area.mapped_at, b->area.size)))
        sim_report(ld, a->src.line, "area %s of %s is mapped over its area at line %ld",
                   sim_range_text(ra, t1, sizeof(t1)), who, b->src.line);
}

/* Areas of two partitions: identical start and size is a shared area (both
 * get HV_AREA_SHARED); any other overlap breaks spatial isolation. */
static void sim_check_area_pair_other(struct sim_loader *ld, const struct sim_part_src *p,
                                      struct sim_area_src *a, const struct sim_part_src *q,
                                      struct sim_area_src *b)
{
    char label[64], other[64], t1[48];
    struct sim_range ra = sim_range(a->area.start, a->area.size);
    if (!sim_overlaps(ra, sim_range(b->area.start, b->area.size)))
        return;
    if (a->area.start == b->area.start && a->area.size == b->area.size) {
        a->area.flags |= HV_AREA_SHARED;
        b->area.flags |= HV_AREA_SHARED;
        return;
    }
    sim_report(ld, a->src.line, "area %s of %s overlaps an area of %s (line %ld)",
               sim_range_text(ra, t1, sizeof(t1)), sim_part_label(p, label, sizeof(label)),
               sim_part_label(q, other, sizeof(other)), b->src.line);
}

/* Compares area `a` of partition `p` with every area listed before it. */
static void sim_check_area_against_earlier(struct sim_loader *ld, struct sim_part_src *parts,
                                           uint32_t pi, uint32_t ai)
{
    struct sim_area_src *a = &((struct sim_area_src *)parts[pi].areas.items)[ai];
    for (uint32_t qi = 0; qi <= pi; qi++) {
        struct sim_area_src *areas = parts[qi].areas.items;
        uint32_t limit = qi == pi ? ai : parts[qi].areas.count;
        for (uint32_t bi = 0; bi < limit; bi++) {
            if (areas[bi].src.broken)
                continue;
            if (qi == pi)
                sim_check_area_pair_same(ld, &parts[pi], a, &areas[bi]);
            else
                sim_check_area_pair_other(ld, &parts[pi], a, &parts[qi], &areas[bi]);
        }
    }
}

static void sim_check_memory(struct sim_loader *ld)
{
    struct sim_part_src *parts = ld->partitions.items;
    for (uint32_t pi = 0; pi < ld->partitions.count; pi++) {
        struct sim_area_src *areas = parts[pi].areas.items;
        for (uint32_t ai = 0; ai < parts[pi].areas.count; ai++) {
            if (areas[ai].src.broken || !sim_check_area(ld, &parts[pi], &areas[ai])) {
                areas[ai].src.broken = true; /* keep it out of the overlap checks */
                continue;
            }
            sim_check_area_against_earlier(ld, parts, pi, ai);
        }
    }
}

static void sim_check_semantics(struct sim_loader *ld)
{
    sim_check_regions(ld);
    sim_check_partitions(ld);
    sim_check_memory(ld);
    sim_check_plans(ld);
    ld->hv_console_index = sim_resolve_console(ld, &ld->hv_console, "XMHypervisor");
}

/* --- building the result ------------------------------------------------ */

/* calloc that never asks for zero bytes, so NULL always means failure. */
static void *sim_alloc(size_t count, size_t size)
{
    return calloc(count == 0 ? 1 : count, size);
}

static uint32_t sim_total_slots(const struct sim_loader *ld)
{
    const struct sim_plan_src *plans = ld->plans.items;
    uint32_t total = 0;
    for (uint32_t i = 0; i < ld->plans.count; i++)
        total += plans[i].slots.count;
    return total;
}

static uint32_t sim_total_areas(const struct sim_loader *ld)
{
    const struct sim_part_src *parts = ld->partitions.items;
    uint32_t total = 0;
    for (uint32_t i = 0; i < ld->partitions.count; i++)
        total += parts[i].areas.count;
    return total;
}

/* Plans and partitions are placed at their id (ids are checked to be
 * 0..n-1); their slots and areas fill one pool each, in id order. */
static void sim_fill_plans(const struct sim_loader *ld, struct sim_config *c)
{
    const struct sim_plan_src *plans = ld->plans.items;
    uint32_t next = 0;
    for (uint32_t id = 0; id < ld->plans.count; id++) {
        uint32_t i = 0;
        while (plans[i].src.id != id)
            i++;
        const struct sim_slot_src *slots = plans[i].slots.items;
        c->plans[id] = plans[i].plan;
        c->plans[id].slots = &c->slots[next];
        c->plans[id].slot_count = plans[i].slots.count;
        for (uint32_t s = 0; s < plans[i].slots.count; s++)
            c->slots[next++] = slots[s].slot;
    }
}

static void sim_fill_partitions(const struct sim_loader *ld, struct sim_config *c)
{
    const struct sim_part_src *parts = ld->partitions.items;
    uint32_t next = 0;
    for (uint32_t id = 0; id < ld->partitions.count; id++) {
        uint32_t i = 0;
        while (parts[i].src.id != id)
            i++;
        const struct sim_area_src *areas = parts[i].areas.items;
        c->partitions[id] = parts[i].part;
        c->partitions[id].areas = &c->areas[next];
        c->partitions[id].area_count = parts[i].areas.count;
        for (uint32_t a = 0; a < parts[i].areas.count; a++)
            c->areas[next++] = areas[a].area;
    }
}

static void sim_fill_hw(const struct sim_loader *ld, struct sim_config *c)
{
    const struct sim_region_src *regions = ld->regions.items;
    const struct sim_device_src *devices = ld->devices.items;
    for (uint32_t i = 0; i < ld->regions.count; i++)
        c->regions[i] = regions[i].region;
    for (uint32_t i = 0; i < ld->devices.count; i++)
        c->devices[i] = devices[i].device;
}

static void sim_fill_hv(const struct sim_loader *ld, struct sim_config *c)
{
    struct hv_config *hv = &c->hv;
    memcpy(hv->name, ld->name, sizeof(hv->name));
    hv->cpu_khz = ld->cpu_khz;
    hv->hv_console = ld->hv_console_index;
    hv->regions = c->regions;
    hv->region_count = ld->regions.count;
    hv->devices = c->devices;
    hv->device_count = ld->devices.count;
    hv->plans = c->plans;
    hv->plan_count = ld->plans.count;
    hv->partitions = c->partitions;
    hv->partition_count = ld->partitions.count;
}

static struct sim_config *sim_build(const struct sim_loader *ld)
{
    struct sim_config *c = calloc(1, sizeof(*c));
    if (c == NULL)
        return NULL;
    c->regions = sim_alloc(ld->regions.count, sizeof(*c->regions));
    c->devices = sim_alloc(ld->devices.count, sizeof(*c->devices));
    c->plans = sim_alloc(ld->plans.count, sizeof(*c->plans));
    c->slots = sim_alloc(sim_total_slots(ld), sizeof(*c->slots));
    c->partitions = sim_alloc(ld->partitions.count, sizeof(*c->partitions));
    c->areas = sim_alloc(sim_total_areas(ld), sizeof(*c->areas));
    if (c->regions == NULL || c->devices == NULL || c->plans == NULL || c->slots == NULL ||
        c->partitions == NULL || c->areas == NULL) {
        sim_config_free(c);
        return NULL;
    }
    sim_fill_hw(ld, c);
    sim_fill_plans(ld, c);
    sim_fill_partitions(ld, c);
    sim_fill_hv(ld, c);
    return c;
}

/* --- public API --------------------------------------------------------- */

static void sim_loader_free(struct sim_loader *ld)
{
    struct sim_plan_src *plans = ld->plans.items;
    struct sim_part_src *parts = ld->partitions.items;
    for (uint32_t i = 0; i < ld->plans.count; i++)
        free(plans[i].slots.items);
    for (uint32_t i = 0; i < ld->partitions.count; i++)
        free(parts[i].areas.items);
    free(ld->plans.items);
    free(ld->partitions.items);
    free(ld->regions.items);
    free(ld->devices.items);
}

/* Passes 1 and 2: the document and the element walk. */
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
    if (root == NULL)
        sim_report(ld, 0, "the document has no root element");
    else
        sim_parse_root(ld, root);
    xmlFreeDoc(doc);
    return SIM_OK;
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

const struct hv_config *sim_config_hv(const struct sim_config *c)
{
    return &c->hv;
}

void sim_config_free(struct sim_config *c)
{
    if (c == NULL)
        return;
    free(c->regions);
    free(c->devices);
    free(c->plans);
    free(c->slots);
    free(c->partitions);
    free(c->areas);
    free(c);
}
