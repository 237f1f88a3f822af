/* sim/units: the XM_CF unit syntax, accepted and rejected values. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "sim/config/units.h"

struct case64 {
    const char *text;
    enum sim_unit_status status;
    uint64_t value; /* checked when status is SIM_UNIT_OK */
};

typedef enum sim_unit_status parse64_fn(const char *text, uint64_t *out);

static void check64(parse64_fn *parse, const struct case64 *cases, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        uint64_t value = 0xdeadbeef;
        enum sim_unit_status status = parse(cases[i].text, &value);
        if (status != cases[i].status)
            print_message("case '%s'\n", cases[i].text);
        assert_int_equal(status, cases[i].status);
        if (status == SIM_UNIT_OK)
            assert_int_equal(value, cases[i].value);
        else
            assert_int_equal(value, 0xdeadbeef); /* untouched on failure */
    }
}

#define CHECK64(parse, cases) check64((parse), (cases), sizeof(cases) / sizeof((cases)[0]))

static void test_time(void **state)
{
    static const struct case64 cases[] = {
        {"500us", SIM_UNIT_OK, 500},
        {"500uS", SIM_UNIT_OK, 500},
        {"10ms", SIM_UNIT_OK, 10000},
        {"10mS", SIM_UNIT_OK, 10000},
        {"9s", SIM_UNIT_OK, 9000000},
        {"9S", SIM_UNIT_OK, 9000000},
        {"0ms", SIM_UNIT_OK, 0},
        {"007us", SIM_UNIT_OK, 7},
        {"1.5s", SIM_UNIT_OK, 1500000},
        {"0.5ms", SIM_UNIT_OK, 500},
        {"1.000001s", SIM_UNIT_OK, 1000001},
        {"2.50000000000000000000000000s", SIM_UNIT_OK, 2500000}, /* trailing zeros are exact */
        {"18446744073709551615us", SIM_UNIT_OK, UINT64_MAX},
        {"18446744073709us", SIM_UNIT_OK, 18446744073709ull},
        {"1.5us", SIM_UNIT_FRACTION, 0},
        {"0.0001ms", SIM_UNIT_FRACTION, 0},
        {"1.0000001s", SIM_UNIT_FRACTION, 0},
        {"0.00000000000000000000001s", SIM_UNIT_FRACTION, 0},
        {"18446744073709551616us", SIM_UNIT_RANGE, 0},
        {"18446744073709552ms", SIM_UNIT_RANGE, 0},
        {"99999999999999999999999s", SIM_UNIT_RANGE, 0},
        {"", SIM_UNIT_SYNTAX, 0},
        {"ms", SIM_UNIT_SYNTAX, 0},
        {"10", SIM_UNIT_SYNTAX, 0},
        {"10 ms", SIM_UNIT_SYNTAX, 0},
        {" 10ms", SIM_UNIT_SYNTAX, 0},
        {"10ms ", SIM_UNIT_SYNTAX, 0},
        {"10Ms", SIM_UNIT_SYNTAX, 0},
        {"10ns", SIM_UNIT_SYNTAX, 0},
        {"10sec", SIM_UNIT_SYNTAX, 0},
        {"-10ms", SIM_UNIT_SYNTAX, 0},
        {"+10ms", SIM_UNIT_SYNTAX, 0},
        {"1.s", SIM_UNIT_SYNTAX, 0},
        {".5s", SIM_UNIT_SYNTAX, 0},
        {"1,5s", SIM_UNIT_SYNTAX, 0},
        {"1e3us", SIM_UNIT_SYNTAX, 0},
        {"0x10ms", SIM_UNIT_SYNTAX, 0},
    };
    (void)state;
    CHECK64(sim_unit_time_us, cases);
}

static void test_time_null(void **state)
{
    uint64_t value = 1;
    (void)state;
    assert_int_equal(sim_unit_time_us(NULL, &value), SIM_UNIT_SYNTAX);
    assert_int_equal(value, 1);
}

static void test_size(void **state)
{
    static const struct case64 cases[] = {
        {"0B", SIM_UNIT_OK, 0},
        {"4096B", SIM_UNIT_OK, 4096},
        {"4KB", SIM_UNIT_OK, 4096},
        {"256KB", SIM_UNIT_OK, 262144},
        {"4MB", SIM_UNIT_OK, 4194304},
        {"1.5KB", SIM_UNIT_OK, 1536},
        {"0.5MB", SIM_UNIT_OK, 524288},
        {"0.25KB", SIM_UNIT_OK, 256},
        {"0.0009765625KB", SIM_UNIT_OK, 1}, /* 1/1024 KB: exact */
        {"4096MB", SIM_UNIT_OK, 4294967296ull},
        {"17592186044415MB", SIM_UNIT_OK, 17592186044415ull << 20},
        {"17592186044416MB", SIM_UNIT_RANGE, 0},
        {"1.1KB", SIM_UNIT_FRACTION, 0},
        {"0.5B", SIM_UNIT_FRACTION, 0},
        {"1.3MB", SIM_UNIT_FRACTION, 0},
        {"4kB", SIM_UNIT_SYNTAX, 0},
        {"4Kb", SIM_UNIT_SYNTAX, 0},
        {"4GB", SIM_UNIT_SYNTAX, 0},
        {"4K", SIM_UNIT_SYNTAX, 0},
        {"4", SIM_UNIT_SYNTAX, 0},
        {"KB", SIM_UNIT_SYNTAX, 0},
        {"4 KB", SIM_UNIT_SYNTAX, 0},
    };
    (void)state;
    CHECK64(sim_unit_size, cases);
}

static void test_frequency(void **state)
{
    static const struct case64 cases[] = {
        {"80Mhz", SIM_UNIT_OK, 80000},
        {"50MHz", SIM_UNIT_OK, 50000},
        {"800KHz", SIM_UNIT_OK, 800},
        {"800Khz", SIM_UNIT_OK, 800},
        {"40.5MHz", SIM_UNIT_OK, 40500},
        {"0.001MHz", SIM_UNIT_OK, 1},
        {"1.5KHz", SIM_UNIT_FRACTION, 0},
        {"0.0001MHz", SIM_UNIT_FRACTION, 0},
        {"99999999999999999999MHz", SIM_UNIT_RANGE, 0},
        {"80Hz", SIM_UNIT_SYNTAX, 0},
        {"80mhz", SIM_UNIT_SYNTAX, 0},
        {"80kHz", SIM_UNIT_SYNTAX, 0},
        {"80GHz", SIM_UNIT_SYNTAX, 0},
        {"80MHZ", SIM_UNIT_SYNTAX, 0},
        {"80M", SIM_UNIT_SYNTAX, 0},
    };
    (void)state;
    CHECK64(sim_unit_freq_khz, cases);
}

struct case32 {
    const char *text;
    enum sim_unit_status status;
    uint32_t value;
};

typedef enum sim_unit_status parse32_fn(const char *text, uint32_t *out);

static void check32(parse32_fn *parse, const struct case32 *cases, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        uint32_t value = 0xdeadbeef;
        enum sim_unit_status status = parse(cases[i].text, &value);
        if (status != cases[i].status)
            print_message("case '%s'\n", cases[i].text ? cases[i].text : "(null)");
        assert_int_equal(status, cases[i].status);
        assert_int_equal(value, status == SIM_UNIT_OK ? cases[i].value : 0xdeadbeef);
    }
}

#define CHECK32(parse, cases) check32((parse), (cases), sizeof(cases) / sizeof((cases)[0]))

static void test_hex(void **state)
{
    static const struct case32 cases[] = {
        {"0x0", SIM_UNIT_OK, 0},
        {"0x40000000", SIM_UNIT_OK, 0x40000000},
        {"0xDeadBeef", SIM_UNIT_OK, 0xdeadbeef},
        {"0xffffffff", SIM_UNIT_OK, 0xffffffff},
        {"0x00000000ffffffff", SIM_UNIT_OK, 0xffffffff}, /* leading zeros are not range */
        {"0x100000000", SIM_UNIT_RANGE, 0},
        {"0xffffffffffffffffffff", SIM_UNIT_RANGE, 0},
        {"0x", SIM_UNIT_SYNTAX, 0},
        {"0X10", SIM_UNIT_SYNTAX, 0},
        {"10", SIM_UNIT_SYNTAX, 0},
        {"0x10g", SIM_UNIT_SYNTAX, 0},
        {"0x 10", SIM_UNIT_SYNTAX, 0},
        {"", SIM_UNIT_SYNTAX, 0},
        {"x10", SIM_UNIT_SYNTAX, 0},
        {NULL, SIM_UNIT_SYNTAX, 0},
    };
    (void)state;
    CHECK32(sim_unit_hex, cases);
}

static void test_id(void **state)
{
    static const struct case32 cases[] = {
        {"0", SIM_UNIT_OK, 0},
        {"7", SIM_UNIT_OK, 7},
        {"0012", SIM_UNIT_OK, 12},
        {"4294967295", SIM_UNIT_OK, 4294967295u},
        {"4294967296", SIM_UNIT_RANGE, 0},
        {"99999999999999999999999", SIM_UNIT_RANGE, 0},
        {"", SIM_UNIT_SYNTAX, 0},
        {"-1", SIM_UNIT_SYNTAX, 0},
        {"1.0", SIM_UNIT_SYNTAX, 0},
        {"0x1", SIM_UNIT_SYNTAX, 0},
        {"1 ", SIM_UNIT_SYNTAX, 0},
        {"one", SIM_UNIT_SYNTAX, 0},
        {NULL, SIM_UNIT_SYNTAX, 0},
    };
    (void)state;
    CHECK32(sim_unit_id, cases);
}

static void test_bool(void **state)
{
    static const struct {
        const char *text;
        enum sim_unit_status status;
        bool value;
    } cases[] = {
        {"yes", SIM_UNIT_OK, true},       {"true", SIM_UNIT_OK, true},
        {"no", SIM_UNIT_OK, false},       {"false", SIM_UNIT_OK, false},
        {"Yes", SIM_UNIT_SYNTAX, false},  {"TRUE", SIM_UNIT_SYNTAX, false},
        {"1", SIM_UNIT_SYNTAX, false},    {"", SIM_UNIT_SYNTAX, false},
        {"yes ", SIM_UNIT_SYNTAX, false}, {NULL, SIM_UNIT_SYNTAX, false},
    };
    (void)state;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        bool value = !cases[i].value;
        assert_int_equal(sim_unit_bool(cases[i].text, &value), cases[i].status);
        if (cases[i].status == SIM_UNIT_OK)
            assert_true(value == cases[i].value);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_time), cmocka_unit_test(test_time_null),
        cmocka_unit_test(test_size), cmocka_unit_test(test_frequency),
        cmocka_unit_test(test_hex),  cmocka_unit_test(test_id),
        cmocka_unit_test(test_bool),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
