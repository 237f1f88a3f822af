/* bench/: a few SPARC V8 instruction encodings, enough to write the
 * benchmark loops as data (no cross toolchain needed at build time). */
#ifndef BENCH_SPARC_ENCODE_H
#define BENCH_SPARC_ENCODE_H

#include <stdint.h>

enum { G0 = 0, G1 = 1, G2, G3, G4, G5, G6, G7, O0 = 8, SP = 14, FP = 30 };

#define SPARC_NOP 0x01000000u

/* op=2 (arithmetic) with an immediate: rd = rs1 op3 simm13. */
static inline uint32_t sparc_arith_imm(uint32_t op3, uint32_t rd, uint32_t rs1, int32_t simm13)
{
    return 2u << 30 | rd << 25 | op3 << 19 | rs1 << 14 | 1u << 13 | ((uint32_t)simm13 & 0x1fffu);
}

/* op=2 with a second register: rd = rs1 op3 rs2. */
static inline uint32_t sparc_arith_reg(uint32_t op3, uint32_t rd, uint32_t rs1, uint32_t rs2)
{
    return 2u << 30 | rd << 25 | op3 << 19 | rs1 << 14 | rs2;
}

/* op=3 (memory): ld (op3 0) or st (op3 4) rd, [rs1 + simm13]. */
static inline uint32_t sparc_mem(uint32_t op3, uint32_t rd, uint32_t rs1, int32_t simm13)
{
    return 3u << 30 | rd << 25 | op3 << 19 | rs1 << 14 | 1u << 13 | ((uint32_t)simm13 & 0x1fffu);
}

/* Bicc with a displacement in instructions. */
static inline uint32_t sparc_branch(uint32_t cond, int32_t displacement)
{
    return cond << 25 | 2u << 22 | ((uint32_t)displacement & 0x3fffffu);
}

#define OP3_ADD 0x00u
#define OP3_AND 0x01u
#define OP3_OR 0x02u
#define OP3_XOR 0x03u
#define OP3_SUBCC 0x14u
#define OP3_SLL 0x25u
#define OP3_TICC 0x3au
#define OP3_SAVE 0x3cu
#define OP3_RESTORE 0x3du
#define OP3_LD 0x00u
#define OP3_ST 0x04u
#define COND_NE 9u
#define COND_ALWAYS 8u

static inline uint32_t sparc_ta(uint32_t number)
{
    return sparc_arith_imm(OP3_TICC, COND_ALWAYS, G0, (int32_t)number);
}

#endif
