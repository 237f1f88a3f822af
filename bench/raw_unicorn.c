/* bench/: the raw-Unicorn baseline. An exception to the rule that only cpu/
 * includes <unicorn/unicorn.h> (docs/benchmarks.md): the point here is to
 * run the same loops on a bare engine — no block hook, no MMU, no vCPU — to
 * see what the vCPU's model costs. Nothing else may follow this example. */
#include "bench.h"
#include <stdio.h>
#include <unicorn/unicorn.h>

static bool check(uc_err err, const char *what)
{
    if (err != UC_ERR_OK)
        fprintf(stderr, "vcpu_bench: raw Unicorn: %s: %s\n", what, uc_strerror(err));
    return err == UC_ERR_OK;
}

/* The least a block hook can cost: Unicorn's dispatch and a call. */
static void empty_hook(uc_engine *uc, uint64_t address, uint32_t size, void *data)
{
    (void)uc;
    (void)address;
    (void)size;
    (void)data;
}

static bool raw_setup(uc_engine *uc, const struct bench_loop *loop, bool block_hook)
{
    uc_hook hook;
    uint8_t code[4 * BENCH_MAX_WORDS];
    bench_code_bytes(loop->words, loop->count, code);
    return check(uc_ctl_set_cpu_model(uc, UC_CPU_SPARC32_LEON3), "cpu model") &&
           check(uc_mem_map(uc, BENCH_CODE, 0x10000, UC_PROT_ALL), "map code") &&
           check(uc_mem_map(uc, BENCH_DATA, BENCH_DATA_SIZE, UC_PROT_ALL), "map data") &&
           (!block_hook ||
            check(uc_hook_add(uc, &hook, UC_HOOK_BLOCK, (void *)empty_hook, NULL, 1, 0), "hook")) &&
           check(uc_mem_write(uc, BENCH_CODE, code, 4 * loop->count), "write code");
}

/* One run of the loop from its start to the `ta` after it. */
static bool raw_run(uc_engine *uc, const struct bench_loop *loop, uint32_t iterations)
{
    uint32_t data = BENCH_DATA;
    return check(uc_reg_write(uc, UC_SPARC_REG_G1, &iterations), "g1") &&
           check(uc_reg_write(uc, UC_SPARC_REG_O0, &data), "o0") &&
           check(uc_emu_start(uc, BENCH_CODE, loop->end, 0, 0), "run");
}

uc_engine *bench_raw_open(const struct bench_loop *loop, bool empty_block_hook)
{
    uc_engine *uc = NULL;
    if (!check(uc_open(UC_ARCH_SPARC, UC_MODE_SPARC32 | UC_MODE_BIG_ENDIAN, &uc), "open"))
        return NULL;
    if (!raw_setup(uc, loop, empty_block_hook) || !raw_run(uc, loop, 1000)) { /* translate once */
        uc_close(uc);
        return NULL;
    }
    return uc;
}

double bench_raw_run_ns(uc_engine *uc, const struct bench_loop *loop, uint32_t iterations)
{
    double start = bench_now_ns();
    bool ok = raw_run(uc, loop, iterations);
    double elapsed = bench_now_ns() - start;
    return ok ? elapsed : -1;
}

void bench_raw_close(uc_engine *uc)
{
    uc_close(uc);
}
