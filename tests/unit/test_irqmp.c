/* devices/irqmp: register-level tests of the interrupt controller. */
#include "devices/irqmp.h"
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

static uint32_t rd(struct irqmp *irqmp, uint32_t offset)
{
    uint32_t value = 0xdeadbeefu;
    assert_int_equal(irqmp_read(irqmp, offset, 0, &value), DEV_OK);
    return value;
}

static void wr(struct irqmp *irqmp, uint32_t offset, uint32_t value)
{
    assert_int_equal(irqmp_write(irqmp, offset, value, 0), DEV_OK);
}

static void test_reset_state(void **state)
{
    (void)state;
    struct irqmp one, four;
    irqmp_init(&one, 1);
    irqmp_init(&four, 4);
    assert_int_equal(rd(&one, IRQMP_MP_STATUS), 0);
    assert_int_equal(rd(&four, IRQMP_MP_STATUS), 3u << 28 | IRQMP_MP_BA | 0xeu);
    assert_int_equal(rd(&four, IRQMP_MASK(3)), 0);
    assert_false(irqmp_cpu_halted(&four, 0));
    assert_true(irqmp_cpu_halted(&four, 3));
    assert_int_equal(irqmp_next_event(&four, 0), DEV_NEVER);
}

static void test_masked_line_is_pending_but_not_requested(void **state)
{
    (void)state;
    struct irqmp irqmp;
    irqmp_init(&irqmp, 1);
    irqmp_raise(&irqmp, 8);
    assert_int_equal(rd(&irqmp, IRQMP_PENDING), 1u << 8);
    assert_int_equal(irqmp_irl(&irqmp, 0), 0);
    wr(&irqmp, IRQMP_MASK(0), 1u << 8);
    assert_int_equal(irqmp_irl(&irqmp, 0), 8);
    irqmp_raise(&irqmp, 0); /* line 0 does not exist */
    irqmp_raise(&irqmp, 16);
    assert_int_equal(rd(&irqmp, IRQMP_PENDING), 1u << 8);
}

static void test_level_one_lines_come_first(void **state)
{
    (void)state;
    struct irqmp irqmp;
    irqmp_init(&irqmp, 1);
    wr(&irqmp, IRQMP_MASK(0), 0xfffe);
    irqmp_raise(&irqmp, 3);
    irqmp_raise(&irqmp, 9);
    assert_int_equal(irqmp_irl(&irqmp, 0), 9);
    wr(&irqmp, IRQMP_LEVEL, 1u << 3);
    assert_int_equal(irqmp_irl(&irqmp, 0), 3);
}

static void test_force_set_and_clear(void **state)
{
    (void)state;
    struct irqmp irqmp;
    irqmp_init(&irqmp, 2);
    wr(&irqmp, IRQMP_MASK(1), 1u << 5);
    wr(&irqmp, IRQMP_FORCE(1), 1u << 5);
    assert_int_equal(irqmp_irl(&irqmp, 1), 5);
    assert_int_equal(irqmp_irl(&irqmp, 0), 0); /* forced on CPU 1 only */
    assert_int_equal(rd(&irqmp, IRQMP_PENDING), 0);
    wr(&irqmp, IRQMP_FORCE(1), (1u << 5) << 16);
    assert_int_equal(rd(&irqmp, IRQMP_FORCE(1)), 0);
    assert_int_equal(irqmp_irl(&irqmp, 1), 0);
    wr(&irqmp, IRQMP_FORCE0, 1u << 4);
    assert_int_equal(rd(&irqmp, IRQMP_FORCE(0)), 1u << 4);
}

/* GRLIB: the acknowledge clears the force bit when set, else pending. */
static void test_acknowledge_clears_force_before_pending(void **state)
{
    (void)state;
    struct irqmp irqmp;
    irqmp_init(&irqmp, 1);
    wr(&irqmp, IRQMP_MASK(0), 1u << 5);
    irqmp_raise(&irqmp, 5);
    wr(&irqmp, IRQMP_FORCE(0), 1u << 5);
    irqmp_ack(&irqmp, 0, 5);
    assert_int_equal(rd(&irqmp, IRQMP_FORCE(0)), 0);
    assert_int_equal(irqmp_irl(&irqmp, 0), 5);
    irqmp_ack(&irqmp, 0, 5);
    assert_int_equal(rd(&irqmp, IRQMP_PENDING), 0);
    assert_int_equal(irqmp_irl(&irqmp, 0), 0);
}

static void test_clear_drops_pending_only(void **state)
{
    (void)state;
    struct irqmp irqmp;
    irqmp_init(&irqmp, 1);
    irqmp_raise(&irqmp, 2);
    irqmp_raise(&irqmp, 9);
    wr(&irqmp, IRQMP_FORCE(0), 1u << 9);
    wr(&irqmp, IRQMP_CLEAR, 1u << 9);
    assert_int_equal(rd(&irqmp, IRQMP_PENDING), 1u << 2);
    assert_int_equal(rd(&irqmp, IRQMP_FORCE(0)), 1u << 9);
    assert_int_equal(rd(&irqmp, IRQMP_CLEAR), 0);
}

static void test_broadcast_forces_every_cpu(void **state)
{
    (void)state;
    struct irqmp irqmp;
    irqmp_init(&irqmp, 2);
    wr(&irqmp, IRQMP_BROADCAST, 1u << 4);
    wr(&irqmp, IRQMP_MASK(0), 1u << 4);
    wr(&irqmp, IRQMP_MASK(1), 1u << 4);
    irqmp_raise(&irqmp, 4);
    assert_int_equal(rd(&irqmp, IRQMP_PENDING), 0);
    assert_int_equal(irqmp_irl(&irqmp, 0), 4);
    assert_int_equal(irqmp_irl(&irqmp, 1), 4);
    irqmp_ack(&irqmp, 0, 4);
    assert_int_equal(irqmp_irl(&irqmp, 0), 0);
    assert_int_equal(irqmp_irl(&irqmp, 1), 4);
}

static void test_mp_status_write_starts_cpu(void **state)
{
    (void)state;
    struct irqmp irqmp;
    irqmp_init(&irqmp, 4);
    wr(&irqmp, IRQMP_MP_STATUS, 1u << 2);
    assert_false(irqmp_cpu_halted(&irqmp, 2));
    assert_true(irqmp_cpu_halted(&irqmp, 1));
    assert_int_equal(rd(&irqmp, IRQMP_MP_STATUS) & 0xffff, 0xau);
}

static void test_guest_errors_are_reported(void **state)
{
    (void)state;
    struct irqmp irqmp;
    uint32_t value = 1;
    irqmp_init(&irqmp, 1);
    irqmp_raise(&irqmp, 3);
    assert_int_equal(irqmp_write(&irqmp, IRQMP_PENDING, 0, 0), DEV_ERR_READ_ONLY);
    assert_int_equal(rd(&irqmp, IRQMP_PENDING), 1u << 3);
    assert_int_equal(irqmp_read(&irqmp, IRQMP_MASK(1), 0, &value), DEV_ERR_BAD_OFFSET);
    assert_int_equal(value, 0);
    assert_int_equal(irqmp_write(&irqmp, 0xC0, 1, 0), DEV_ERR_BAD_OFFSET);
    assert_int_equal(irqmp_write(&irqmp, 0x20, 1, 0), DEV_ERR_BAD_OFFSET);
    assert_int_equal(irqmp_read(&irqmp, 0x42, 0, &value), DEV_ERR_BAD_OFFSET);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reset_state),
        cmocka_unit_test(test_masked_line_is_pending_but_not_requested),
        cmocka_unit_test(test_level_one_lines_come_first),
        cmocka_unit_test(test_force_set_and_clear),
        cmocka_unit_test(test_acknowledge_clears_force_before_pending),
        cmocka_unit_test(test_clear_drops_pending_only),
        cmocka_unit_test(test_broadcast_forces_every_cpu),
        cmocka_unit_test(test_mp_status_write_starts_cpu),
        cmocka_unit_test(test_guest_errors_are_reported),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
