/* sim/config: XM_CF loading, the one place that knows the order of the
 * passes: reading the file, libxml2's parse (pass 1), the schema (2), the
 * walk (3), the semantic checks (4), then the build of struct hv_config. */
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

#include "sim/common/files.h"
#include "sim/config/build.h"
#include "sim/config/check.h"
#include "sim/config/parse.h"
#include "sim/config/schema.h"

/* libxml2 2.12 made the structured error argument const. */
#if LIBXML_VERSION >= 21200
typedef const xmlError *sim_xml_error_ptr;
#else
typedef xmlErrorPtr sim_xml_error_ptr;
#endif

/* --- reading and parsing the file -------------------------------------- */

/* The whole file, bounded (SIM_FILE_CONFIG_MAX, well below libxml2's
 * INT_MAX), so that "cannot open" and "cannot read" come with the
 * system's reason rather than libxml2's generic I/O message, and a FIFO
 * or /dev/zero never hangs or eats memory (sim/common/files.h). */
static enum sim_error sim_read_file(struct sim_loader *ld, char **data, size_t *size)
{
    uint8_t *bytes = NULL;
    enum sim_error result =
        sim_file_read_all(ld->path, SIM_FILE_CONFIG_MAX, "an XM_CF file", ld->diag, &bytes, size);
    *data = (char *)bytes;
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

/* Passes 1 to 3: the document (the file's, or `given` when not NULL), the
 * schema and the walk. */
static enum sim_error sim_load_document(struct sim_loader *ld, const char *given, size_t given_size)
{
    char *data = NULL;
    size_t size = given_size;
    enum sim_error result = given != NULL ? SIM_OK : sim_read_file(ld, &data, &size);
    if (result != SIM_OK)
        return result;
    if (size == 0) {
        free(data);
        sim_report(ld, 0, "the file is empty");
        return SIM_ERR_CONFIG;
    }
    xmlDoc *doc = sim_parse_xml(ld, given != NULL ? given : data, size);
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

static enum sim_error sim_config_load_from(const char *path, const char *data, size_t size,
                                           FILE *diag, struct sim_config **out)
{
    struct sim_loader ld = {.path = path, .diag = diag, .hv_console_index = HV_CONSOLE_NONE};
    *out = NULL;
    enum sim_error result = sim_load_document(&ld, data, size);
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
    sim_loader_flush_diags(&ld);
    sim_loader_free(&ld);
    return result;
}

enum sim_error sim_config_load(const char *path, FILE *diag, struct sim_config **out)
{
    return sim_config_load_from(path, NULL, 0, diag, out);
}

enum sim_error sim_config_load_memory(const char *name, const char *data, size_t size, FILE *diag,
                                      struct sim_config **out)
{
    return sim_config_load_from(name, data != NULL ? data : "", data != NULL ? size : 0, diag, out);
}
