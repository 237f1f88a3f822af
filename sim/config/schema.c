/* sim/config: pass 2 of XM_CF loading: validation against the built-in XSD
 * (sim/config/xm_cf.xsd, compiled into the binary as sim_xm_cf_xsd by the build).
 * libxml2's schema messages are precise but noisy ("Element '{http://www.
 * xtratum.org/xm-3.x}Slot': The attribute 'duration' is required but
 * missing."); each is rewritten into the loader's own phrasing, one line,
 * without namespaces, and the redundant ones are dropped. A message of a
 * kind not recognised keeps libxml2's text, cleaned of namespaces. */
#include <string.h>

#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlversion.h>

#include "sim/config/schema.h"

/* libxml2 2.12 made the structured error argument const. */
#if LIBXML_VERSION >= 21200
typedef const xmlError *sim_xml_error_ptr;
#else
typedef xmlErrorPtr sim_xml_error_ptr;
#endif

/* The schema's text, generated from sim/config/xm_cf.xsd at build time. */
extern const char sim_xm_cf_xsd[];
extern const unsigned sim_xm_cf_xsd_size;

#define SIM_TEXT_MAX 512

struct sim_schema_ctx {
    struct sim_loader *ld;
    long last_line; /* of the last message, to drop a follow-up on the same value */
};

/* What the prefix of a libxml2 schema message names. */
struct sim_subject {
    char element[SIM_TEXT_MAX];
    char attribute[SIM_TEXT_MAX]; /* "" for an element message */
    const char *rest;             /* the message proper */
};

/* Copies `text` without "{namespace}" parts and without the trailing
 * newline or full stop. */
static void sim_strip(const char *text, size_t length, char *out, size_t size)
{
    size_t n = 0;
    for (size_t i = 0; i < length && text[i] != '\0' && n + 1 < size; i++) {
        if (text[i] == '{') {
            const char *close = strchr(text + i, '}');
            if (close != NULL) {
                i = (size_t)(close - text);
                continue;
            }
        }
        out[n++] = text[i];
    }
    while (n > 0 && (out[n - 1] == '\n' || out[n - 1] == ' ' || out[n - 1] == '.'))
        n--;
    out[n] = '\0';
}

/* Copies the text between `open` (found in `text`) and the next `close`;
 * returns what follows `close`, or NULL when either is missing. */
static const char *sim_between(const char *text, const char *open, char close, char *out,
                               size_t size)
{
    const char *start = text != NULL ? strstr(text, open) : NULL;
    if (start == NULL)
        return NULL;
    start += strlen(open);
    const char *end = strchr(start, close);
    if (end == NULL)
        return NULL;
    sim_strip(start, (size_t)(end - start), out, size);
    return end + 1;
}

static bool sim_starts(const char *text, const char *prefix)
{
    return strncmp(text, prefix, strlen(prefix)) == 0;
}

/* "Element 'E'[, attribute 'A']: rest" */
static bool sim_subject(const char *message, struct sim_subject *s)
{
    s->attribute[0] = '\0';
    const char *p = sim_between(message, "Element '", '\'', s->element, sizeof(s->element));
    if (p == NULL || !sim_starts(message, "Element '"))
        return false;
    if (sim_starts(p, ", attribute '"))
        p = sim_between(p, ", attribute '", '\'', s->attribute, sizeof(s->attribute));
    if (p == NULL || !sim_starts(p, ": "))
        return false;
    s->rest = p + 2;
    return true;
}

/* --- value messages ----------------------------------------------------- */

/* The XSD's patterns (sim/config/xm_cf.xsd) and how messages describe them. */
static const char *sim_pattern_meaning(const char *pattern)
{
    static const char *const table[][2] = {
        {"[0-9]+", "a decimal number"},
        {"0x[0-9a-fA-F]+", "a hexadecimal number (0x...)"},
        {"[0-9]+(\\.[0-9]+)?[mu]?[sS]", "a time (e.g. 500us, 10ms, 1.5s)"},
        {"[0-9]+(\\.[0-9]+)?[MK]?B", "a size (e.g. 4096B, 64KB, 1MB)"},
        {"[0-9]+(\\.[0-9]+)?[MK][Hh]z", "a frequency (e.g. 50MHz, 800KHz)"},
        {"[0-9]+\\.[0-9]+\\.[0-9]+", "a version (N.N.N)"},
        {"XM_HM_EV_[A-Z0-9_]+", "a health-monitor event (XM_HM_EV_...)"},
        {"XM_HM_AC_[A-Z0-9_]+", "a health-monitor action (XM_HM_AC_...)"},
    };
    for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
        if (strcmp(table[i][0], pattern) == 0)
            return table[i][1];
    }
    return NULL;
}

/* "{'a', 'b'}" -> "a, b" */
static void sim_set_text(const char *set, char *out, size_t size)
{
    size_t n = 0;
    for (; *set != '\0' && n + 1 < size; set++) {
        if (*set != '\'')
            out[n++] = *set;
    }
    out[n] = '\0';
}

static bool sim_value_message(struct sim_loader *ld, long line, const struct sim_subject *s)
{
    char value[SIM_TEXT_MAX], detail[SIM_TEXT_MAX], set[SIM_TEXT_MAX];
    const char *e = s->element, *a = s->attribute;
    if (sim_starts(s->rest, "[facet 'pattern']") &&
        sim_between(s->rest, "The value '", '\'', value, sizeof(value)) != NULL &&
        sim_between(s->rest, "by the pattern '", '\'', detail, sizeof(detail)) != NULL) {
        const char *meaning = sim_pattern_meaning(detail);
        if (meaning != NULL)
            sim_report(ld, line, "%s@%s '%s' is not %s", e, a, value, meaning);
        else
            sim_report(ld, line, "%s@%s '%s' does not match '%s'", e, a, value, detail);
        return true;
    }
    if (sim_starts(s->rest, "[facet 'enumeration']") &&
        sim_between(s->rest, "The value '", '\'', value, sizeof(value)) != NULL &&
        sim_between(s->rest, "the set {", '}', detail, sizeof(detail)) != NULL) {
        sim_set_text(detail, set, sizeof(set));
        sim_report(ld, line, "%s@%s '%s' is not one of %s", e, a, value, set);
        return true;
    }
    if (sim_starts(s->rest, "[facet 'minLength']")) {
        sim_report(ld, line, "%s@%s must not be empty", e, a);
        return true;
    }
    return false;
}

/* --- structure messages ------------------------------------------------- */

static bool sim_has_earlier_twin(const xmlNode *node)
{
    for (const xmlNode *n = node->prev; n != NULL; n = n->prev) {
        if (n->type == XML_ELEMENT_NODE &&
            strcmp((const char *)n->name, (const char *)node->name) == 0)
            return true;
    }
    return false;
}

/* "Expected is ( A )." or "Expected is one of ( A, B )." -> "A" / "A, B". */
static bool sim_expected(const char *rest, char *out, size_t size)
{
    return sim_between(rest, "Expected is ", ')', out, size) != NULL;
}

static void sim_unexpected_message(struct sim_loader *ld, long line, const struct sim_subject *s,
                                   const xmlNode *node)
{
    char expected[SIM_TEXT_MAX];
    const char *parent = node != NULL && node->parent != NULL && node->parent->name != NULL
                             ? (const char *)node->parent->name
                             : "?";
    if (node != NULL && node->ns != NULL && node->ns->href != NULL &&
        strcmp((const char *)node->ns->href, SIM_XM_NAMESPACE) != 0) {
        sim_report(ld, line, "element <%s> is in namespace '%s', not '%s'", s->element,
                   (const char *)node->ns->href, SIM_XM_NAMESPACE);
    } else if (node != NULL && sim_has_earlier_twin(node)) {
        sim_report(ld, line, "duplicate <%s> in <%s>", s->element, parent);
    } else if (sim_expected(s->rest, expected, sizeof(expected))) {
        const char *list = strchr(expected, '(');
        sim_report(ld, line, "unexpected element <%s> in <%s> (expected %s)", s->element, parent,
                   list != NULL ? list + 1 + strspn(list + 1, " ") : expected);
    } else {
        sim_report(ld, line, "unexpected element <%s> in <%s>", s->element, parent);
    }
}

/* Children the XSD makes optional wherever they occur: libxml2 lists them
 * among the "expected" ones of an xs:all, but only the others can be what
 * is missing. */
static bool sim_is_optional_child(const char *name, size_t length)
{
    static const char *const optional[] = {
        "MemoryLayout",       "Devices",     "ResidentSw", "Channels",
        "HealthMonitor",      "HwResources", "PortTable",  "Trace",
        "Watchdog",           "IoPorts",     "Interrupts", "TemporalRequirements",
        "PhysicalMemoryArea", "Simulator",   "Costs",      "Policy",
    };
    for (size_t i = 0; i < sizeof(optional) / sizeof(optional[0]); i++) {
        if (strlen(optional[i]) == length && strncmp(optional[i], name, length) == 0)
            return true;
    }
    return false;
}

/* "A, B, C" -> "<A>, <C>" without the optional ones. */
static void sim_required_children(const char *list, char *out, size_t size)
{
    size_t n = 0;
    out[0] = '\0';
    for (const char *p = list; *p != '\0';) {
        size_t length = strcspn(p, ", ");
        if (length > 0 && !sim_is_optional_child(p, length) && n < size)
            n += (size_t)snprintf(out + n, size - n, "%s<%.*s>", n > 0 ? ", " : "", (int)length, p);
        p += length;
        p += strspn(p, ", ");
    }
}

static void sim_missing_message(struct sim_loader *ld, long line, const struct sim_subject *s)
{
    char expected[SIM_TEXT_MAX], required[SIM_TEXT_MAX];
    const char *list =
        sim_expected(s->rest, expected, sizeof(expected)) ? strchr(expected, '(') : NULL;
    if (list != NULL)
        sim_required_children(list + 1, required, sizeof(required));
    if (list == NULL || required[0] == '\0')
        sim_report(ld, line, "<%s> lacks a child element", s->element);
    else
        sim_report(ld, line, "<%s> lacks %s", s->element, required);
}

static bool sim_structure_message(struct sim_loader *ld, long line, const struct sim_subject *s,
                                  const xmlNode *node)
{
    char name[SIM_TEXT_MAX];
    if (sim_starts(s->rest, "The attribute '") && strstr(s->rest, "required but missing")) {
        sim_between(s->rest, "The attribute '", '\'', name, sizeof(name));
        sim_report(ld, line, "<%s> lacks required attribute '%s'", s->element, name);
    } else if (s->attribute[0] != '\0' && strstr(s->rest, "is not allowed") != NULL) {
        sim_report(ld, line, "<%s> has unknown attribute '%s'", s->element, s->attribute);
    } else if (sim_starts(s->rest, "This element is not expected")) {
        sim_unexpected_message(ld, line, s, node);
    } else if (sim_starts(s->rest, "Missing child element")) {
        sim_missing_message(ld, line, s);
    } else if (sim_starts(s->rest, "Character content other than whitespace")) {
        sim_report(ld, line, "unexpected text in <%s>", s->element);
    } else if (sim_starts(s->rest, "No matching global declaration")) {
        sim_report(ld, line, "root element is <%s>, not <SystemDescription>", s->element);
    } else {
        return false;
    }
    return true;
}

/* --- the error handler -------------------------------------------------- */

/* A follow-up on a value already reported ("'a b' is not a valid value of
 * the list type ...") says nothing new. */
static bool sim_is_follow_up(const struct sim_subject *s)
{
    return strstr(s->rest, "is not a valid value of the") != NULL;
}

static void sim_fallback_message(struct sim_loader *ld, long line, const struct sim_subject *s)
{
    char rest[SIM_TEXT_MAX];
    sim_strip(s->rest, strlen(s->rest), rest, sizeof(rest));
    if (s->attribute[0] != '\0')
        sim_report(ld, line, "%s@%s: %s", s->element, s->attribute, rest);
    else
        sim_report(ld, line, "<%s>: %s", s->element, rest);
}

static void sim_schema_error(void *user, sim_xml_error_ptr error)
{
    struct sim_schema_ctx *ctx = user;
    if (error == NULL || error->level < XML_ERR_ERROR)
        return;
    const xmlNode *node = error->node;
    long line = error->line > 0 ? error->line : node != NULL ? xmlGetLineNo(node) : 0;
    const char *message = error->message != NULL ? error->message : "invalid";
    struct sim_subject s;
    if (!sim_subject(message, &s)) {
        char text[SIM_TEXT_MAX];
        sim_strip(message, strlen(message), text, sizeof(text));
        sim_report(ctx->ld, line, "%s", text);
    } else if (sim_is_follow_up(&s) && line == ctx->last_line) {
        return;
    } else if (!sim_value_message(ctx->ld, line, &s) &&
               !sim_structure_message(ctx->ld, line, &s, node)) {
        sim_fallback_message(ctx->ld, line, &s);
    }
    ctx->last_line = line;
}

/* The built-in schema failing to compile is a bug of hvsim, not of the file. */
static void sim_schema_bug(void *user, sim_xml_error_ptr error)
{
    struct sim_schema_ctx *ctx = user;
    char text[SIM_TEXT_MAX];
    if (error == NULL || error->level < XML_ERR_ERROR)
        return;
    sim_strip(error->message != NULL ? error->message : "?", SIM_TEXT_MAX, text, sizeof(text));
    sim_report(ctx->ld, 0, "internal error: the built-in schema: %s", text);
}

/* --- namespaces --------------------------------------------------------- */

/* Hand-written files often leave the namespace out; their elements are
 * taken to be XtratuM's. */
static bool sim_adopt_namespace(xmlDoc *doc, xmlNode *root)
{
    xmlNs *ns = xmlSearchNsByHref(doc, root, BAD_CAST SIM_XM_NAMESPACE);
    if (ns == NULL)
        ns = xmlNewNs(root, BAD_CAST SIM_XM_NAMESPACE, NULL);
    if (ns == NULL)
        ns = xmlNewNs(root, BAD_CAST SIM_XM_NAMESPACE, BAD_CAST "hvsim-xm");
    if (ns == NULL)
        return false;
    for (xmlNode *n = root; n != NULL;) {
        if (n->type == XML_ELEMENT_NODE && n->ns == NULL)
            xmlSetNs(n, ns);
        if (n->children != NULL && n->type == XML_ELEMENT_NODE) {
            n = n->children;
            continue;
        }
        while (n != NULL && n != root && n->next == NULL)
            n = n->parent;
        n = n == root || n == NULL ? NULL : n->next;
    }
    return true;
}

/* --- validation --------------------------------------------------------- */

static xmlSchema *sim_compile_schema(struct sim_schema_ctx *ctx)
{
    xmlSchemaParserCtxt *parser = xmlSchemaNewMemParserCtxt(sim_xm_cf_xsd, (int)sim_xm_cf_xsd_size);
    if (parser == NULL) {
        sim_report(ctx->ld, 0, "out of memory");
        return NULL;
    }
    xmlSchemaSetParserStructuredErrors(parser, sim_schema_bug, ctx);
    xmlSchema *schema = xmlSchemaParse(parser);
    xmlSchemaFreeParserCtxt(parser);
    if (schema == NULL && ctx->ld->errors == 0)
        sim_report(ctx->ld, 0, "internal error: the built-in schema does not compile");
    return schema;
}

static bool sim_run_validation(struct sim_schema_ctx *ctx, xmlSchema *schema, xmlDoc *doc)
{
    xmlSchemaValidCtxt *valid = xmlSchemaNewValidCtxt(schema);
    if (valid == NULL) {
        sim_report(ctx->ld, 0, "out of memory");
        return false;
    }
    unsigned before = ctx->ld->errors;
    xmlSchemaSetValidStructuredErrors(valid, sim_schema_error, ctx);
    int status = xmlSchemaValidateDoc(valid, doc);
    xmlSchemaFreeValidCtxt(valid);
    if (status != 0 && ctx->ld->errors == before)
        sim_report(ctx->ld, 0, "the document does not match the XM_CF schema");
    return status == 0 && ctx->ld->errors == before;
}

bool sim_schema_validate(struct sim_loader *ld, xmlDoc *doc)
{
    struct sim_schema_ctx ctx = {ld, 0};
    if (!sim_adopt_namespace(doc, xmlDocGetRootElement(doc)) ||
        !sim_simulator_adopt_namespace(doc, xmlDocGetRootElement(doc))) {
        sim_report(ld, 0, "out of memory");
        return false;
    }
    xmlSchema *schema = sim_compile_schema(&ctx);
    if (schema == NULL)
        return false;
    bool valid = sim_run_validation(&ctx, schema, doc);
    xmlSchemaFree(schema);
    return valid;
}
