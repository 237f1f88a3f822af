/* cpu/timing: the cycle cost of instruction words by class, with the
 * GRFPU latencies of FP operations (docs/cpu.md). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "cpu/timing.h"

/* op = 2, rd = 2, op3, rs1 = 4, opf, rs2 = 6 */
static uint32_t fpop(uint32_t op3, uint32_t opf)
{
    return 2u << 30 | 2u << 25 | op3 << 19 | 4u << 14 | opf << 5 | 6u;
}

static void test_fp_operation_latencies(void **state)
{
    (void)state;
    assert_int_equal(vcpu_timing_insn_cost(fpop(0x34, 0x42)), 4);  /* faddd */
    assert_int_equal(vcpu_timing_insn_cost(fpop(0x34, 0x45)), 4);  /* fsubs */
    assert_int_equal(vcpu_timing_insn_cost(fpop(0x34, 0x4a)), 4);  /* fmuld */
    assert_int_equal(vcpu_timing_insn_cost(fpop(0x34, 0x69)), 4);  /* fsmuld */
    assert_int_equal(vcpu_timing_insn_cost(fpop(0x34, 0xc8)), 4);  /* fitod */
    assert_int_equal(vcpu_timing_insn_cost(fpop(0x34, 0xd2)), 4);  /* fdtoi */
    assert_int_equal(vcpu_timing_insn_cost(fpop(0x34, 0x01)), 4);  /* fmovs */
    assert_int_equal(vcpu_timing_insn_cost(fpop(0x35, 0x52)), 4);  /* fcmpd */
    assert_int_equal(vcpu_timing_insn_cost(fpop(0x34, 0x4d)), 16); /* fdivs */
    assert_int_equal(vcpu_timing_insn_cost(fpop(0x34, 0x4e)), 17); /* fdivd */
    assert_int_equal(vcpu_timing_insn_cost(fpop(0x34, 0x29)), 24); /* fsqrts */
    assert_int_equal(vcpu_timing_insn_cost(fpop(0x34, 0x2a)), 25); /* fsqrtd */
}

/* FP loads and stores are memory instructions: ldf/lddf/stf/stdf. */
static void test_fp_memory_instructions(void **state)
{
    (void)state;
    assert_int_equal(vcpu_timing_insn_cost(3u << 30 | 0x20u << 19), VCPU_COST_LOAD);
    assert_int_equal(vcpu_timing_insn_cost(3u << 30 | 0x23u << 19), VCPU_COST_LOAD_DOUBLE);
    assert_int_equal(vcpu_timing_insn_cost(3u << 30 | 0x24u << 19), VCPU_COST_STORE);
    assert_int_equal(vcpu_timing_insn_cost(3u << 30 | 0x27u << 19), VCPU_COST_STORE_DOUBLE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fp_operation_latencies),
        cmocka_unit_test(test_fp_memory_instructions),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
