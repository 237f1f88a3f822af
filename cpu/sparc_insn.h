/* SPARC V8 instruction encodings the vCPU needs: encoders for the few
 * instructions of the state probe and the private page, and field
 * extractors for the timing decoder. Internal to cpu/. */
#ifndef CPU_SPARC_INSN_H
#define CPU_SPARC_INSN_H

#include <stdint.h>

#define VCPU_INSN_NOP 0x01000000u

/* Register numbers in instruction fields. */
#define VCPU_INSN_G(n) (0u + (n))
#define VCPU_INSN_O(n) (8u + (n))
#define VCPU_INSN_L(n) (16u + (n))
#define VCPU_INSN_I(n) (24u + (n))

/* op3 values (op = 2) used by the probe. */
#define VCPU_OP3_ADDCC 0x10u
#define VCPU_OP3_ANDCC 0x11u
#define VCPU_OP3_SUBCC 0x14u
#define VCPU_OP3_OR 0x02u
#define VCPU_OP3_RDY 0x28u
#define VCPU_OP3_RDPSR 0x29u
#define VCPU_OP3_RDWIM 0x2au
#define VCPU_OP3_RDTBR 0x2bu
#define VCPU_OP3_WRY 0x30u
#define VCPU_OP3_WRPSR 0x31u
#define VCPU_OP3_WRWIM 0x32u
#define VCPU_OP3_WRTBR 0x33u
#define VCPU_OP3_TICC 0x3au
#define VCPU_OP3_SAVE 0x3cu
#define VCPU_OP3_RESTORE 0x3du

/* op3 values (op = 3) of the FP loads and stores, and the FPop1 group
 * (op = 2) with the opf of fdivs. */
#define VCPU_OP3_LDF 0x20u
#define VCPU_OP3_LDFSR 0x21u
#define VCPU_OP3_LDDF 0x23u
#define VCPU_OP3_STF 0x24u
#define VCPU_OP3_STFSR 0x25u
#define VCPU_OP3_FPOP1 0x34u
#define VCPU_OPF_FDIVS 0x4du

/* Bicc conditions. */
#define VCPU_COND_ALWAYS 0x8u
#define VCPU_COND_NE 0x9u

/* rd = rs1 op rs2 */
static inline uint32_t vcpu_insn_reg(uint32_t op3, uint32_t rd, uint32_t rs1, uint32_t rs2)
{
    return (2u << 30) | (rd << 25) | (op3 << 19) | (rs1 << 14) | rs2;
}

/* rd = rs1 op simm13 */
static inline uint32_t vcpu_insn_imm(uint32_t op3, uint32_t rd, uint32_t rs1, int32_t simm13)
{
    return (2u << 30) | (rd << 25) | (op3 << 19) | (rs1 << 14) | (1u << 13) |
           ((uint32_t)simm13 & 0x1fffu);
}

/* Load/store: rd, [rs1 + simm13] */
static inline uint32_t vcpu_insn_mem(uint32_t op3, uint32_t rd, uint32_t rs1, int32_t simm13)
{
    return (3u << 30) | (rd << 25) | (op3 << 19) | (rs1 << 14) | (1u << 13) |
           ((uint32_t)simm13 & 0x1fffu);
}

/* FPop1: %f rd = %f rs1 opf %f rs2 */
static inline uint32_t vcpu_insn_fpop1(uint32_t opf, uint32_t rd, uint32_t rs1, uint32_t rs2)
{
    return (2u << 30) | (rd << 25) | (VCPU_OP3_FPOP1 << 19) | (rs1 << 14) | (opf << 5) | rs2;
}

/* ta n: software trap 0x80 + n */
static inline uint32_t vcpu_insn_ta(uint32_t n)
{
    return vcpu_insn_imm(VCPU_OP3_TICC, VCPU_COND_ALWAYS, 0, (int32_t)(n & 0x7fu));
}

/* Bicc with a displacement in words from the branch itself. */
static inline uint32_t vcpu_insn_branch(uint32_t cond, int annul, int32_t words)
{
    return ((annul ? 1u : 0u) << 29) | (cond << 25) | (2u << 22) | ((uint32_t)words & 0x3fffffu);
}

/* Field extractors for decoding. */
static inline uint32_t vcpu_insn_op(uint32_t w)
{
    return w >> 30;
}

static inline uint32_t vcpu_insn_op2(uint32_t w)
{
    return (w >> 22) & 0x7u;
}

static inline uint32_t vcpu_insn_op3(uint32_t w)
{
    return (w >> 19) & 0x3fu;
}

#endif
