/* sim/common: a partition image's function symbols, to write a PC as
 * "0x4000107c <main+0x1c>" (notices, the trace exporters). Filled from an
 * ELF file by sim/symbols_elf.c (the image loader owns libelf); plain data
 * here, so that every folder may use it. */
#ifndef SIM_SYMBOLS_H
#define SIM_SYMBOLS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct sim_symbol {
    uint32_t address, size;
    char *name;
};

struct sim_symbols {
    struct sim_symbol *symbols; /* sorted by address once sim_symbols_sort ran */
    size_t count, capacity;
};

/* false: out of memory (the table keeps what it had). */
bool sim_symbols_add(struct sim_symbols *symbols, uint32_t address, uint32_t size,
                     const char *name);
/* Sorted by address, then name: the same table whatever the ELF's order. */
void sim_symbols_sort(struct sim_symbols *symbols);
void sim_symbols_free(struct sim_symbols *symbols);

/* The function holding pc (address <= pc < address + size), or NULL. */
const struct sim_symbol *sim_symbols_find(const struct sim_symbols *symbols, uint32_t pc);
/* "0x4000107c <main+0x1c>", "0x40001060 <main>", or "0x4000107c" when no
 * function holds it (symbols may be NULL). */
#define SIM_PC_TEXT_MAX 96
void sim_format_pc(const struct sim_symbols *symbols, uint32_t pc, char *out, size_t size);

#endif
