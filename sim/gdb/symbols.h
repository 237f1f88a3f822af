/* sim/gdb: a partition image's symbols and DWARF lines (elfutils'
 * libdwfl), for what a person reads: the function at an address and its
 * file:line, the file named from the image's source root. */
#ifndef SIM_GDB_SYMBOLS_H
#define SIM_GDB_SYMBOLS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct gdb_symbols;

/* The ELF image at path, or NULL (not an ELF, a XEF image, no memory). */
struct gdb_symbols *gdb_symbols_open(const char *path);
void gdb_symbols_close(struct gdb_symbols *symbols);

/* The function holding pc and where it starts; NULL without symbols. */
const char *gdb_symbols_function(struct gdb_symbols *symbols, uint32_t pc, uint32_t *start);
/* "function at file:line", "function" without lines, "?" without
 * symbols. The file is relative to the image's source root: the deepest
 * folder holding every compilation unit's source, the same in every
 * checkout (an image of the tree: its top, "tests/guest/fault.c"). */
void gdb_symbols_describe(struct gdb_symbols *symbols, uint32_t pc, char *out, size_t size);
/* A symbol's value (an address): false without it. */
bool gdb_symbols_value(struct gdb_symbols *symbols, const char *name, uint32_t *value);

#endif
