/* bench/: the vCPU benchmark's shared pieces. Not part of the simulation
 * path: this is the one place that reads a clock (CLOCK_MONOTONIC). */
#ifndef BENCH_BENCH_H
#define BENCH_BENCH_H

#include <stdbool.h>
#include <stdint.h>

#define BENCH_CODE 0x40000000u
#define BENCH_DATA 0x40100000u
#define BENCH_DATA_SIZE 0x100000u
#define BENCH_PCT 0x40300000u
#define BENCH_MAX_WORDS 64u

/* A loop program: words at BENCH_CODE; %g1 = iterations, %o0 = BENCH_DATA.
 * The loop body is `body_words` instructions executed per iteration;
 * `end` is the address of the `ta` after the loop. */
struct bench_loop {
    const char *name;
    uint32_t words[BENCH_MAX_WORDS];
    uint32_t count;
    uint32_t body_instructions;
    uint32_t end;
};

enum bench_loop_kind { BENCH_ALU, BENCH_LOAD, BENCH_STORE, BENCH_LOOP_KINDS };

void bench_loop_build(enum bench_loop_kind kind, struct bench_loop *loop);

/* SPARC is big-endian: the instruction words as the guest's bytes. */
void bench_code_bytes(const uint32_t *words, uint32_t count, uint8_t *bytes);

double bench_now_ns(void);

/* Raw Unicorn (raw_unicorn.c): an engine with the loop mapped and
 * translated, with no MMU and no hook, or only an empty block hook (NULL
 * on error); one run of `iterations` in ns (< 0 on error). The engine type
 * stays opaque here: only raw_unicorn.c includes Unicorn. */
struct uc_struct;
struct uc_struct *bench_raw_open(const struct bench_loop *loop, bool empty_block_hook);
double bench_raw_run_ns(struct uc_struct *uc, const struct bench_loop *loop, uint32_t iterations);
void bench_raw_close(struct uc_struct *uc);

#endif
