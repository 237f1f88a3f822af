/* cpu/: preemption at every budget from 1 to N must not change what a
 * partition computes nor the cycles it is charged in total. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "cpu/vcpu.h"

#define CODE VCPU_TEST_CODE_ADDRESS
#define DATA 0x40100000u
#define PCT 0x40300000u
/* The n-th register of a group: REG(O, 1) is %o1. */
#define REG(group, n) ((enum vcpu_reg)(VCPU_##group##0 + (n)))
#define MAX_BUDGET 2000u
#define MAX_RUNS 2000000u
/* branchy.S's result, computed independently by a model of the program. */
#define BRANCHY_CHECKSUM 0xd4a3322eu

static struct vcpu *make_vcpu(void)
{
    const struct vcpu_region regions[] = {
        {CODE, 0x10000, VCPU_PERM_READ | VCPU_PERM_EXEC, NULL},
        {DATA, 0x40000, VCPU_PERM_READ | VCPU_PERM_WRITE, NULL},
        {PCT, 0x1000, VCPU_PERM_READ | VCPU_PERM_WRITE, NULL},
    };
    struct vcpu *vcpu = NULL;
    assert_int_equal(vcpu_create(&vcpu, regions, 3), VCPU_OK);
    static uint8_t image[0x10000];
    FILE *f = fopen(VCPU_TEST_BIN_BRANCHY, "rb");
    assert_non_null(f);
    size_t size = fread(image, 1, sizeof image, f);
    fclose(f);
    assert_int_equal(vcpu_write_mem(vcpu, CODE, image, (uint32_t)size, false), VCPU_OK);
    return vcpu;
}

struct outcome {
    uint32_t checksum;
    uint64_t cycles;
    uint32_t runs;
    uint32_t delay_slot_stops;
};

/* Run to the final hypercall in slices of budget cycles. */
static struct outcome run_sliced(struct vcpu *vcpu, uint64_t budget)
{
    struct outcome out = {0, 0, 0, 0};
    struct vcpu_exit exit;
    assert_int_equal(vcpu_boot(vcpu, CODE, PCT), VCPU_OK);
    do {
        assert_int_equal(vcpu_run(vcpu, budget, &exit), VCPU_OK);
        out.cycles += exit.cycles;
        out.runs++;
        assert_true(exit.reason == VCPU_EXIT_BUDGET || exit.reason == VCPU_EXIT_HYPERCALL);
        if (exit.reason == VCPU_EXIT_BUDGET && exit.npc != exit.pc + 4) {
            out.delay_slot_stops++;
        }
    } while (exit.reason == VCPU_EXIT_BUDGET && out.runs < MAX_RUNS);
    assert_int_equal(exit.reason, VCPU_EXIT_HYPERCALL);
    out.checksum = vcpu_get_reg(vcpu, REG(G, 6));
    return out;
}

static void test_preemption_every_budget(void **state)
{
    (void)state;
    struct vcpu *vcpu = make_vcpu();
    struct outcome whole = run_sliced(vcpu, UINT64_MAX / 2);
    assert_int_equal(whole.runs, 1);
    assert_int_equal(whole.checksum, BRANCHY_CHECKSUM);
    print_message("branchy: checksum 0x%08x, %llu cycles\n", whole.checksum,
                  (unsigned long long)whole.cycles);
    uint64_t delay_slot_stops = 0, runs = 0;
    for (uint64_t budget = 1; budget <= MAX_BUDGET; budget++) {
        struct outcome sliced = run_sliced(vcpu, budget);
        if (sliced.checksum != whole.checksum || sliced.cycles != whole.cycles) {
            fail_msg("budget %llu: checksum 0x%08x cycles %llu", (unsigned long long)budget,
                     sliced.checksum, (unsigned long long)sliced.cycles);
        }
        delay_slot_stops += sliced.delay_slot_stops;
        runs += sliced.runs;
    }
    print_message("%llu runs, %llu stops in a delay slot\n", (unsigned long long)runs,
                  (unsigned long long)delay_slot_stops);
    assert_true(delay_slot_stops > 0);
    vcpu_destroy(vcpu);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_preemption_every_budget),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
