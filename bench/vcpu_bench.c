/* vcpu_bench: what the SPARC vCPU costs on this host, in one run (a
 * program, not a test; docs/benchmarks.md): MIPS of raw Unicorn and of the
 * vCPU on ALU, load and store loops, nanoseconds per hypercall round trip,
 * per window trap, per budget preemption and per partition switch, and the
 * resident memory per partition. Times are the best of several repeats. */
#include "bench.h"
#include "cpu/vcpu.h"
#include "sparc_encode.h"
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define REPEATS 5
/* Short runs (about 1 ms) and many rounds: on a shared host the best of a
 * few 10 ms runs still includes preemptions (docs/benchmarks.md). */
#define LOOP_ROUNDS 60
#define LOOP_ITERATIONS 200000u
#define HYPERCALLS 200000u
#define WINDOW_ITERATIONS 50000u
#define WINDOW_DEPTH 16
#define WINDOW_TRAP_CYCLES 40u /* VCPU_COST_WINDOW_TRAP (docs/cpu.md) */
#define SLICE_CYCLES 1000u
#define SWITCH_ITERATIONS 500000u
#define MEMORY_PARTITIONS 16u
#define HUGE_BUDGET (UINT64_MAX / 2)

static void die(const char *what, enum vcpu_error error)
{
    fprintf(stderr, "vcpu_bench: %s: %s\n", what, vcpu_strerror(error));
    exit(1);
}

/* A partition-like vCPU: code, 1 MB of RAM, the PCT page; booted on the
 * program with a stack at the top of the RAM. */
static struct vcpu *make_vcpu(const uint32_t *words, uint32_t count)
{
    const struct vcpu_region regions[] = {
        {BENCH_CODE, 0x10000, VCPU_PERM_READ | VCPU_PERM_EXEC, NULL},
        {BENCH_DATA, BENCH_DATA_SIZE, VCPU_PERM_READ | VCPU_PERM_WRITE, NULL},
        {BENCH_PCT, 0x1000, VCPU_PERM_READ, NULL},
    };
    static uint8_t code[4 * 3 * BENCH_MAX_WORDS];
    struct vcpu *vcpu = NULL;
    enum vcpu_error error = vcpu_create(&vcpu, regions, 3);
    bench_code_bytes(words, count, code);
    if (error == VCPU_OK)
        error = vcpu_write_mem(vcpu, BENCH_CODE, code, count * 4, false);
    if (error != VCPU_OK)
        die("vcpu_create", error);
    return vcpu;
}

static void boot_at(struct vcpu *vcpu, uint32_t entry, uint32_t iterations)
{
    enum vcpu_error error = vcpu_boot(vcpu, entry, BENCH_PCT);
    if (error != VCPU_OK)
        die("vcpu_boot", error);
    vcpu_set_reg(vcpu, VCPU_G0 + 1, iterations);
    vcpu_set_reg(vcpu, VCPU_O0, BENCH_DATA);
    vcpu_set_reg(vcpu, VCPU_I0 + 6, BENCH_DATA + BENCH_DATA_SIZE - 64);
    vcpu_set_reg(vcpu, VCPU_O0 + 6, BENCH_DATA + BENCH_DATA_SIZE - 160);
}

static void boot(struct vcpu *vcpu, uint32_t iterations)
{
    boot_at(vcpu, BENCH_CODE, iterations);
}

/* Run in slices of `budget` cycles until an exit other than the budget. */
static struct vcpu_exit run(struct vcpu *vcpu, uint64_t budget, uint64_t *cycles)
{
    struct vcpu_exit exit;
    do {
        enum vcpu_error error = vcpu_run(vcpu, budget, &exit);
        if (error != VCPU_OK)
            die("vcpu_run", error);
        *cycles += exit.cycles;
    } while (exit.reason == VCPU_EXIT_BUDGET);
    return exit;
}

/* One run of the loop on the vCPU, in ns. */
static double vcpu_loop_ns(struct vcpu *vcpu, const struct bench_loop *loop, uint32_t iterations)
{
    uint64_t cycles = 0;
    boot(vcpu, iterations);
    double start = bench_now_ns();
    struct vcpu_exit exit = run(vcpu, HUGE_BUDGET, &cycles);
    double elapsed = bench_now_ns() - start;
    if (exit.reason != VCPU_EXIT_HYPERCALL || exit.pc != loop->end)
        die("loop did not end at its ta", VCPU_OK);
    return elapsed;
}

static double mips(const struct bench_loop *loop, uint32_t iterations, double ns)
{
    return (double)loop->body_instructions * iterations / ns * 1e3;
}

/* Stores take Unicorn 2.0.1's slow path (docs/cpu.md): fewer iterations. */
static uint32_t loop_iterations(enum bench_loop_kind kind)
{
    return kind == BENCH_STORE ? LOOP_ITERATIONS / 10 : LOOP_ITERATIONS;
}

static void keep_best(double *best, double ns)
{
    if (ns < 0)
        exit(1);
    if (*best < 0 || ns < *best)
        *best = ns;
}

/* Best times of raw Unicorn, raw Unicorn + empty block hook and the vCPU,
 * measured in turn in each round so that all three see the same load. */
static void loop_times(const struct bench_loop *loop, uint32_t iterations, double best[3])
{
    struct uc_struct *raw = bench_raw_open(loop, false), *hooked = bench_raw_open(loop, true);
    struct vcpu *vcpu = make_vcpu(loop->words, loop->count);
    if (raw == NULL || hooked == NULL)
        exit(1);
    vcpu_loop_ns(vcpu, loop, 1000); /* translate once */
    best[0] = best[1] = best[2] = -1;
    for (int r = 0; r < LOOP_ROUNDS; r++) {
        keep_best(&best[0], bench_raw_run_ns(raw, loop, iterations));
        keep_best(&best[1], bench_raw_run_ns(hooked, loop, iterations));
        keep_best(&best[2], vcpu_loop_ns(vcpu, loop, iterations));
    }
    bench_raw_close(raw);
    bench_raw_close(hooked);
    vcpu_destroy(vcpu);
}

static void loops(double *alu_ips)
{
    printf("%-6s %16s %10s %9s %14s %11s\n", "loop", "raw Unicorn MIPS", "vCPU MIPS", "vCPU/raw",
           "raw+hook MIPS", "vCPU/(r+h)");
    for (int kind = 0; kind < BENCH_LOOP_KINDS; kind++) {
        struct bench_loop loop;
        uint32_t iterations = loop_iterations((enum bench_loop_kind)kind);
        double best[3];
        bench_loop_build((enum bench_loop_kind)kind, &loop);
        loop_times(&loop, iterations, best);
        double raw = mips(&loop, iterations, best[0]), hooked = mips(&loop, iterations, best[1]);
        double ours = mips(&loop, iterations, best[2]);
        printf("%-6s %16.1f %10.1f %9.3f %14.1f %11.3f\n", loop.name, raw, ours, ours / raw, hooked,
               ours / hooked);
        if (kind == BENCH_ALU)
            *alu_ips = ours * 1e6;
    }
}

/* ta 0xf0 in a counted loop; the host side does what sim/run.c does for a
 * hypercall: read the six argument registers, write the result, skip. */
static void hypercalls(void)
{
    const uint32_t words[] = {
        sparc_arith_reg(OP3_SUBCC, G0, G0, G0),
        sparc_ta(0xf0),
        sparc_arith_imm(OP3_SUBCC, G1, G1, 1),
        sparc_branch(COND_NE, -2),
        SPARC_NOP,
        sparc_ta(0x10),
    };
    struct vcpu *vcpu = make_vcpu(words, 6);
    struct vcpu_exit exit;
    uint32_t calls = 0;
    boot(vcpu, HYPERCALLS);
    double start = bench_now_ns();
    do {
        enum vcpu_error error = vcpu_run(vcpu, HUGE_BUDGET, &exit);
        if (error != VCPU_OK)
            die("vcpu_run", error);
        if (exit.reason != VCPU_EXIT_HYPERCALL)
            continue;
        uint32_t sum = 0;
        for (int i = 0; i < 6; i++)
            sum += vcpu_get_reg(vcpu, VCPU_O0 + i);
        vcpu_set_reg(vcpu, VCPU_O0, sum);
        vcpu_skip_instruction(vcpu);
        calls++;
    } while (exit.reason == VCPU_EXIT_HYPERCALL);
    double elapsed = bench_now_ns() - start;
    printf("hypercall round trip (exit, 6 registers read, 1 written, skip, resume): %.0f ns"
           " (%u calls)\n",
           elapsed / calls, calls);
    vcpu_destroy(vcpu);
}

/* WINDOW_DEPTH saves then as many restores per iteration: with 8 windows
 * most of them trap (overflow, then underflow). The traps are counted from
 * the cycles charged: every instruction here costs 1, the final ta 4. */
static void window_traps(double alu_ips)
{
    uint32_t words[2 * WINDOW_DEPTH + 5], n = 0;
    words[n++] = sparc_arith_reg(OP3_SUBCC, G0, G0, G0);
    for (int i = 0; i < WINDOW_DEPTH; i++)
        words[n++] = sparc_arith_imm(OP3_SAVE, SP, SP, -96);
    for (int i = 0; i < WINDOW_DEPTH; i++)
        words[n++] = sparc_arith_reg(OP3_RESTORE, G0, G0, G0);
    words[n++] = sparc_arith_imm(OP3_SUBCC, G1, G1, 1);
    words[n] = sparc_branch(COND_NE, 1 - (int32_t)n);
    n++;
    words[n++] = SPARC_NOP;
    words[n++] = sparc_ta(0xf0);
    struct vcpu *vcpu = make_vcpu(words, n);
    uint64_t cycles = 0;
    uint64_t instructions = 1 + (uint64_t)WINDOW_ITERATIONS * (2 * WINDOW_DEPTH + 3);
    boot(vcpu, WINDOW_ITERATIONS);
    double start = bench_now_ns();
    run(vcpu, HUGE_BUDGET, &cycles);
    double elapsed = bench_now_ns() - start;
    uint64_t traps = (cycles - instructions - 4) / WINDOW_TRAP_CYCLES;
    printf("window trap: %.0f ns all included, %.0f ns net of the loop's instructions"
           " (%llu traps)\n",
           elapsed / (double)traps,
           (elapsed - (double)instructions / alu_ips * 1e9) / (double)traps,
           (unsigned long long)traps);
    vcpu_destroy(vcpu);
}

/* One slice; false once the program has ended. */
static bool slice(struct vcpu *vcpu, uint64_t budget, uint64_t *slices)
{
    struct vcpu_exit exit;
    enum vcpu_error error = vcpu_run(vcpu, budget, &exit);
    if (error != VCPU_OK)
        die("vcpu_run", error);
    (*slices)++;
    return exit.reason == VCPU_EXIT_BUDGET;
}

static void run_each(struct vcpu *const pair[2], uint64_t budget, uint64_t *slices)
{
    for (int i = 0; i < 2; i++)
        while (slice(pair[i], budget, slices))
            continue;
}

static void run_alternating(struct vcpu *const pair[2], uint64_t budget, uint64_t *slices)
{
    bool running[2] = {true, true};
    while (running[0] || running[1]) {
        for (int i = 0; i < 2; i++)
            running[i] = running[i] && slice(pair[i], budget, slices);
    }
}

/* The ALU loop on both vCPUs; best time of REPEATS. */
static double pair_ns(struct vcpu *const pair[2], uint64_t budget, bool alternate, uint64_t *slices)
{
    double best = -1;
    for (int r = 0; r < REPEATS; r++) {
        boot(pair[0], SWITCH_ITERATIONS);
        boot(pair[1], SWITCH_ITERATIONS);
        *slices = 0;
        double start = bench_now_ns();
        if (alternate)
            run_alternating(pair, budget, slices);
        else
            run_each(pair, budget, slices);
        double elapsed = bench_now_ns() - start;
        if (best < 0 || elapsed < best)
            best = elapsed;
    }
    return best;
}

/* Preemption: the same work in slices of SLICE_CYCLES on one vCPU after the
 * other, against one run each. Partition switch: slices alternating between
 * the two vCPUs (each slice ends with a preemption and resumes the other). */
static void switches(void)
{
    struct bench_loop loop;
    bench_loop_build(BENCH_ALU, &loop);
    struct vcpu *const pair[2] = {make_vcpu(loop.words, loop.count),
                                  make_vcpu(loop.words, loop.count)};
    uint64_t whole_slices, one_slices, two_slices;
    double whole = pair_ns(pair, HUGE_BUDGET, false, &whole_slices);
    double one = pair_ns(pair, SLICE_CYCLES, false, &one_slices);
    double two = pair_ns(pair, SLICE_CYCLES, true, &two_slices);
    printf("budget preemption and resume, same vCPU: %.0f ns (%llu slices of %u cycles)\n",
           (one - whole) / (double)(one_slices - whole_slices), (unsigned long long)one_slices,
           SLICE_CYCLES);
    printf("partition switch (preempt one vCPU, resume the other): %.0f ns (%llu slices)\n",
           (two - whole) / (double)(two_slices - whole_slices), (unsigned long long)two_slices);
    vcpu_destroy(pair[0]);
    vcpu_destroy(pair[1]);
}

static double resident_mb(void)
{
    long size = 0, resident = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    if (!f || fscanf(f, "%ld %ld", &size, &resident) != 2) {
        fprintf(stderr, "vcpu_bench: cannot read /proc/self/statm\n");
        exit(1);
    }
    fclose(f);
    return (double)resident * (double)sysconf(_SC_PAGESIZE) / (1024.0 * 1024.0);
}

/* A partition's worth of use: its RAM written, the three loops run. */
static struct vcpu *busy_partition(const struct bench_loop loops[BENCH_LOOP_KINDS])
{
    static uint32_t code[3 * BENCH_MAX_WORDS], ram[BENCH_DATA_SIZE / 4];
    for (int k = 0; k < BENCH_LOOP_KINDS; k++)
        for (uint32_t i = 0; i < loops[k].count; i++)
            code[k * BENCH_MAX_WORDS + i] = loops[k].words[i];
    for (uint32_t i = 0; i < BENCH_DATA_SIZE / 4; i++)
        ram[i] = i * 2654435761u;
    struct vcpu *vcpu = make_vcpu(code, 3 * BENCH_MAX_WORDS);
    enum vcpu_error error = vcpu_write_mem(vcpu, BENCH_DATA, ram, BENCH_DATA_SIZE, false);
    if (error != VCPU_OK)
        die("vcpu_write_mem", error);
    for (int k = 0; k < BENCH_LOOP_KINDS; k++) {
        uint64_t cycles = 0;
        boot_at(vcpu, BENCH_CODE + 4 * BENCH_MAX_WORDS * (uint32_t)k, 10000);
        run(vcpu, HUGE_BUDGET, &cycles);
    }
    return vcpu;
}

static void memory(void)
{
    struct bench_loop loops[BENCH_LOOP_KINDS];
    struct vcpu *vcpus[MEMORY_PARTITIONS];
    for (int k = 0; k < BENCH_LOOP_KINDS; k++)
        bench_loop_build((enum bench_loop_kind)k, &loops[k]);
    vcpu_destroy(busy_partition(loops)); /* the once-per-process probe */
    double before = resident_mb();
    for (uint32_t i = 0; i < MEMORY_PARTITIONS; i++)
        vcpus[i] = busy_partition(loops);
    double per_partition = (resident_mb() - before) / MEMORY_PARTITIONS;
    printf("resident memory per partition: %.2f MB, of which 1 MB is its RAM (%u vCPUs, each "
           "1 MB RAM + code + PCT, RAM written, 3 loops run)\n",
           per_partition, MEMORY_PARTITIONS);
    for (uint32_t i = 0; i < MEMORY_PARTITIONS; i++)
        vcpu_destroy(vcpus[i]);
}

int main(void)
{
    double alu_ips = 0;
    memory();
    loops(&alu_ips);
    hypercalls();
    window_traps(alu_ips);
    switches();
    return 0;
}
