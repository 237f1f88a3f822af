/* sim/config/check_first: the first earlier conflict found by sorting is
 * the one a comparison of every pair in order finds, for random lists
 * full of overlaps, empty ranges, identical ranges and batches. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "sim/config/check_first.h"

#define ITEMS 40u
#define ROUNDS 3000u

static uint32_t next_random(uint32_t *state)
{
    *state ^= *state << 13;
    *state ^= *state >> 17;
    *state ^= *state << 5;
    return *state;
}

static uint32_t pairwise_first(const struct sim_interval *v, uint32_t i, bool share_identical)
{
    for (uint32_t j = 0; j < ITEMS && v[j].batch < v[i].batch; j++) {
        bool meet = v[i].start < v[j].end && v[j].start < v[i].end;
        bool same = v[i].start == v[j].start && v[i].end == v[j].end;
        if (!v[j].skip && meet && !(share_identical && same))
            return j;
    }
    return SIM_NONE;
}

static void random_list(uint32_t *state, struct sim_interval *v)
{
    uint32_t batch = 0;
    for (uint32_t i = 0; i < ITEMS; i++) {
        uint64_t start = next_random(state) % 24u;
        batch += next_random(state) % 3u == 0;
        v[i] = (struct sim_interval){start, start + next_random(state) % 6u, batch,
                                     next_random(state) % 10u == 0};
    }
}

static void test_overlaps_as_pairwise(void **state)
{
    (void)state;
    uint32_t seed = 12345;
    struct sim_interval v[ITEMS];
    for (uint32_t round = 0; round < ROUNDS; round++) {
        bool share = round % 2 == 1;
        random_list(&seed, v);
        uint32_t *first = sim_first_overlap(v, ITEMS, share);
        assert_non_null(first);
        for (uint32_t i = 0; i < ITEMS; i++)
            assert_int_equal(first[i], v[i].skip ? SIM_NONE : pairwise_first(v, i, share));
        free(first);
    }
}

static void test_equal_keys(void **state)
{
    (void)state;
    static const char *const names[] = {"b", "a", NULL, "b", "a", "b"};
    static const uint64_t numbers[] = {1, 1, 1, 1, 2, 1};
    static const uint32_t expected[] = {SIM_NONE, SIM_NONE, SIM_NONE, 0, SIM_NONE, 0, SIM_NONE};
    struct sim_keys keys;
    assert_true(sim_keys_init(&keys, 7));
    for (uint32_t i = 0; i < 6; i++)
        sim_keys_add(&keys, i, numbers[i], names[i]);
    uint32_t *first = sim_keys_first(&keys);
    assert_non_null(first);
    for (uint32_t i = 0; i < 7; i++)
        assert_int_equal(first[i], expected[i]);
    free(first);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_overlaps_as_pairwise),
        cmocka_unit_test(test_equal_keys),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
