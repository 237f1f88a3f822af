/* bench/: the measured loops. Each iteration is 8 instructions: five of the
 * measured kind, the counter decrement, the branch and a delay slot of the
 * same kind as the five. */
#include "bench.h"
#include "sparc_encode.h"
#include <time.h>

static void emit(struct bench_loop *loop, uint32_t word)
{
    loop->words[loop->count++] = word;
}

/* One instruction of the loop's kind, the n-th of the iteration. */
static uint32_t body_insn(enum bench_loop_kind kind, uint32_t n)
{
    static const uint32_t alu_op3[] = {OP3_ADD, OP3_XOR, OP3_SLL, OP3_OR, OP3_AND, OP3_ADD};
    switch (kind) {
    case BENCH_LOAD:
        return sparc_mem(OP3_LD, G2 + n, O0, (int32_t)(4 * n));
    case BENCH_STORE:
        return sparc_mem(OP3_ST, G2 + n, O0, (int32_t)(4 * n));
    default:
        /* g(n+2) = g(n+3) op g(n+2): a dependency chain, as real code has. */
        return sparc_arith_reg(alu_op3[n], G2 + n, G2 + ((n + 1) % 6), G2 + n);
    }
}

void bench_loop_build(enum bench_loop_kind kind, struct bench_loop *loop)
{
    static const char *names[] = {"ALU", "load", "store"};
    loop->name = names[kind];
    loop->count = 0;
    emit(loop, sparc_arith_reg(OP3_SUBCC, G0, G0, G0)); /* flags defined before any branch */
    uint32_t top = loop->count;
    for (uint32_t n = 0; n < 5; n++)
        emit(loop, body_insn(kind, n));
    emit(loop, sparc_arith_imm(OP3_SUBCC, G1, G1, 1));
    emit(loop, sparc_branch(COND_NE, (int32_t)top - (int32_t)loop->count));
    emit(loop, body_insn(kind, 5));
    loop->body_instructions = loop->count - top;
    loop->end = BENCH_CODE + 4 * loop->count;
    emit(loop, sparc_ta(0xf0));
}

void bench_code_bytes(const uint32_t *words, uint32_t count, uint8_t *bytes)
{
    for (uint32_t i = 0; i < count; i++)
        for (uint32_t b = 0; b < 4; b++)
            bytes[4 * i + b] = (uint8_t)(words[i] >> (24 - 8 * b));
}

double bench_now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}
