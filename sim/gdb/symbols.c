/* sim/gdb: an image's symbols and lines (symbols.h). */
#include "sim/gdb/symbols.h"

#include <dwarf.h>
#include <elfutils/libdwfl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_PATH 4096

struct gdb_symbols {
    Dwfl *dwfl;
    Dwfl_Module *module;
    char root[MAX_PATH]; /* "" when the units share no folder but "/" */
};

static const Dwfl_Callbacks offline_callbacks = {
    .find_elf = dwfl_build_id_find_elf,
    .find_debuginfo = dwfl_standard_find_debuginfo,
    .section_address = dwfl_offline_section_address,
};

/* The folder of a compilation unit's source, absolute; false if unknown. */
static bool unit_folder(Dwarf_Die *cu, char *out, size_t size)
{
    Dwarf_Attribute attribute;
    const char *name = dwarf_diename(cu);
    const char *dir = dwarf_formstring(dwarf_attr(cu, DW_AT_comp_dir, &attribute));
    if (!name || (name[0] != '/' && (!dir || dir[0] != '/')))
        return false;
    int n =
        name[0] == '/' ? snprintf(out, size, "%s", name) : snprintf(out, size, "%s/%s", dir, name);
    char *slash = n > 0 && (size_t)n < size ? strrchr(out, '/') : NULL;
    if (!slash)
        return false;
    *slash = '\0';
    return true;
}

/* root becomes the deepest folder that holds both root and folder ("" for
 * "/"). */
static void common_folder(char *root, const char *folder)
{
    size_t n = 0;
    while (root[n] && root[n] == folder[n])
        n++;
    bool boundary = (root[n] == '\0' || root[n] == '/') && (folder[n] == '\0' || folder[n] == '/');
    while (!boundary && n > 0 && root[--n] != '/')
        ; /* back to the last whole folder */
    root[n] = '\0';
}

static void find_root(struct gdb_symbols *s)
{
    Dwarf_Die *cu = NULL;
    Dwarf_Addr bias;
    char folder[MAX_PATH];
    bool first = true;
    s->root[0] = '\0';
    while ((cu = dwfl_module_nextcu(s->module, cu, &bias)) != NULL) {
        if (!unit_folder(cu, folder, sizeof folder))
            continue;
        if (first)
            snprintf(s->root, sizeof s->root, "%s", folder);
        else
            common_folder(s->root, folder);
        first = false;
    }
}

struct gdb_symbols *gdb_symbols_open(const char *path)
{
    struct gdb_symbols *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->dwfl = dwfl_begin(&offline_callbacks);
    s->module = s->dwfl ? dwfl_report_offline(s->dwfl, "", path, -1) : NULL;
    if (s->dwfl)
        dwfl_report_end(s->dwfl, NULL, NULL);
    if (!s->module) {
        gdb_symbols_close(s);
        return NULL;
    }
    find_root(s);
    return s;
}

void gdb_symbols_close(struct gdb_symbols *s)
{
    if (s && s->dwfl)
        dwfl_end(s->dwfl);
    free(s);
}

const char *gdb_symbols_function(struct gdb_symbols *s, uint32_t pc, uint32_t *start)
{
    GElf_Off offset = 0;
    GElf_Sym sym;
    const char *name =
        s ? dwfl_module_addrinfo(s->module, pc, &offset, &sym, NULL, NULL, NULL) : NULL;
    if (name && start)
        *start = pc - (uint32_t)offset;
    return name;
}

/* file from the image's source root, when it is below it. */
static const char *from_root(const struct gdb_symbols *s, const char *file)
{
    size_t n = strlen(s->root);
    if (n > 1 && strncmp(file, s->root, n) == 0 && file[n] == '/')
        return file + n + 1;
    return file;
}

/* pc's line: of the rows at the last address up to pc, the last that
 * starts a statement, as GDB chooses (an inlined call's rows share an
 * address; the last of them is often a closing brace). */
static Dwarf_Line *line_of(const struct gdb_symbols *s, uint32_t pc)
{
    Dwarf_Addr bias, address, best = 0;
    Dwarf_Die *cu = s ? dwfl_module_addrdie(s->module, pc, &bias) : NULL;
    Dwarf_Lines *lines;
    size_t count;
    Dwarf_Line *found = NULL;
    if (!cu || dwarf_getsrclines(cu, &lines, &count) != 0)
        return NULL;
    for (size_t i = 0; i < count; i++) {
        Dwarf_Line *line = dwarf_onesrcline(lines, i);
        bool statement = false, end = false;
        if (!line || dwarf_lineaddr(line, &address) != 0)
            continue;
        dwarf_linebeginstatement(line, &statement);
        dwarf_lineendsequence(line, &end);
        address += bias;
        if (statement && !end && address <= pc && (!found || address >= best))
            found = line, best = address;
    }
    return found;
}

void gdb_symbols_describe(struct gdb_symbols *s, uint32_t pc, char *out, size_t size)
{
    const char *name = gdb_symbols_function(s, pc, NULL);
    Dwarf_Line *line = line_of(s, pc);
    int number = 0;
    const char *file = line ? dwarf_linesrc(line, NULL, NULL) : NULL;
    if (line)
        dwarf_lineno(line, &number);
    snprintf(out, size, "%s", name ? name : "?");
    if (file)
        snprintf(out + strlen(out), size - strlen(out), " at %s:%d", from_root(s, file), number);
}

bool gdb_symbols_value(struct gdb_symbols *s, const char *wanted, uint32_t *value)
{
    int count = s ? dwfl_module_getsymtab(s->module) : -1;
    for (int i = 0; i < count; i++) {
        GElf_Sym sym;
        const char *name = dwfl_module_getsym(s->module, i, &sym, NULL);
        if (name && strcmp(name, wanted) == 0) {
            *value = (uint32_t)sym.st_value;
            return true;
        }
    }
    return false;
}
