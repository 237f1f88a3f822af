/* sim/common: function symbols and PCs written with them (symbols.h). */
#include "sim/common/symbols.h"
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool sim_symbols_add(struct sim_symbols *s, uint32_t address, uint32_t size, const char *name)
{
    if (s->count == s->capacity) {
        size_t capacity = s->capacity ? 2 * s->capacity : 64;
        struct sim_symbol *grown = realloc(s->symbols, capacity * sizeof *grown);
        if (!grown)
            return false;
        s->symbols = grown;
        s->capacity = capacity;
    }
    size_t length = strlen(name) + 1;
    char *copy = malloc(length);
    if (!copy)
        return false;
    memcpy(copy, name, length);
    s->symbols[s->count++] = (struct sim_symbol){address, size, copy};
    return true;
}

static int by_address(const void *a, const void *b)
{
    const struct sim_symbol *x = a, *y = b;
    if (x->address != y->address)
        return x->address < y->address ? -1 : 1;
    return strcmp(x->name, y->name);
}

void sim_symbols_sort(struct sim_symbols *s)
{
    if (s->count > 1)
        qsort(s->symbols, s->count, sizeof *s->symbols, by_address);
}

void sim_symbols_free(struct sim_symbols *s)
{
    for (size_t i = 0; i < s->count; i++)
        free(s->symbols[i].name);
    free(s->symbols);
    *s = (struct sim_symbols){0};
}

/* The last symbol at or below pc (binary search), if pc is inside it. */
const struct sim_symbol *sim_symbols_find(const struct sim_symbols *s, uint32_t pc)
{
    size_t low = 0, high = s ? s->count : 0;
    while (low < high) {
        size_t middle = low + (high - low) / 2;
        if (s->symbols[middle].address <= pc)
            low = middle + 1;
        else
            high = middle;
    }
    if (low == 0)
        return NULL;
    const struct sim_symbol *found = &s->symbols[low - 1];
    return pc - found->address < found->size ? found : NULL;
}

void sim_format_pc(const struct sim_symbols *s, uint32_t pc, char *out, size_t size)
{
    const struct sim_symbol *f = sim_symbols_find(s, pc);
    if (!f)
        snprintf(out, size, "0x%08" PRIx32, pc);
    else if (pc == f->address)
        snprintf(out, size, "0x%08" PRIx32 " <%s>", pc, f->name);
    else
        snprintf(out, size, "0x%08" PRIx32 " <%s+0x%" PRIx32 ">", pc, f->name, pc - f->address);
}
