/* hvcore's virtual interrupts through the fake port: the irqmask/irqpend
 * hypercalls, delivery order and conditions in hv_resume, route_irq,
 * raise_ipvi, partition-owned native lines, and sparc_inport/outport. */
#include "timeirq_fixture.h"
#include <stdlib.h>
#include <xm/api.h>
#include <xm/guest.h>
#include <xm/hypercalls.h>

static const struct hv_mem_area area = {"a", 0x40000000, 0x1000, 0x40000000, 0};
static const struct hv_slot slots[] = {
    {0, 0, 50000, 0, 0, 0},
    {1, 50000, 50000, 1, 0, 0},
};
static const struct hv_plan plan = {0, "p", 100000, slots, 2};
/* The console UART's SCALER and CTRL serve as the granted device ports. */
#define UART_CTRL 0x80000108u
#define UART_SCALER 0x8000010Cu
static const struct hv_io_range io[] = {
    {UART_SCALER, 1, false, 0xffffffffu},
    {UART_CTRL, 1, true, 0x0000000cu},
};
static const uint32_t to_p1[] = {1};
static const uint32_t to_none[] = {0};
static const struct hv_ipvi ipvis[] = {
    {0, 0, to_p1, 1},
    {1, 1, to_none, 1},
    {2, 0, to_none, 0},
};
static const struct hv_partition_config partitions[] = {
    {.id = 0,
     .name = "User",
     .flags = HV_PART_BOOT,
     .areas = &area,
     .area_count = 1,
     .irq_lines = 1u << 4,
     .io_ranges = io,
     .io_range_count = 2,
     .hm = FAKE_HM_HALT},
    {.id = 1,
     .name = "Other",
     .flags = HV_PART_BOOT,
     .areas = &area,
     .area_count = 1,
     .hm = FAKE_HM_HALT},
};
static const struct hv_config config = {.cpu_khz = 50000,
                                        .plans = &plan,
                                        .plan_count = 1,
                                        .partitions = partitions,
                                        .partition_count = 2,
                                        .ipvis = ipvis,
                                        .ipvi_count = 3};

#define TBR 0x40000000u
#define HW_PEND offsetof(partitionControlTable_t, hwIrqsPend)
#define HW_MASK offsetof(partitionControlTable_t, hwIrqsMask)
#define EXT_PEND offsetof(partitionControlTable_t, extIrqsPend)
#define EXT_MASK offsetof(partitionControlTable_t, extIrqsMask)
#define IRQMP_MASK0 0x80000240u

static int setup(void **state)
{
    fixture_boot(state, &config);
    struct fixture *f = *state;
    f->port.cpu[0].pc = 0x40000100;
    f->port.cpu[0].npc = 0x40000104;
    return 0;
}

static uint32_t pct(struct fixture *f, uint32_t partition, size_t offset)
{
    return fake_port_pct_word(&f->hv, partition, offset);
}

/* A trap table, virtual interrupts on, the slot-start IRQ dropped. */
static void ready(struct fixture *f)
{
    assert_int_equal(call(f, sparc_write_tbr_nr, TBR, 0, 0), XM_OK);
    assert_int_equal(call(f, clear_irqpend_nr, 0, 1u << XM_VT_EXT_CYCLIC_SLOT_START, 0), XM_OK);
    assert_int_equal(hv_asm_hypercall(&f->hv, sparc_clear_pil_nr, 0), HV_TRAP_CONTINUE);
}

/* hv_resume delivered vector: the CPU went to TBR + 16 * vector. */
static void assert_delivers(struct fixture *f, uint32_t vector)
{
    assert_int_equal(hv_resume(&f->hv), HV_TRAP_REDIRECTED);
    assert_int_equal(f->port.cpu[0].trap_enter_address, TBR + 16 * vector);
    assert_int_equal(f->port.last_traced[HV_TRACE_VIRQ_DELIVER].a, vector);
    assert_int_equal(pct(f, 0, offsetof(partitionControlTable_t, iFlags)) & PSR_ET_BIT, 0);
    assert_int_equal(hv_asm_hypercall(&f->hv, sparc_iret_nr, 0), HV_TRAP_REDIRECTED);
}

static void test_boot_masks_everything(void **state)
{
    struct fixture *f = *state;
    assert_int_equal(pct(f, 0, HW_MASK), 0xffffffffu);
    assert_int_equal(pct(f, 0, EXT_MASK), 0xffffffffu);
    /* The slot start is pending, but masked and PIL 15: nothing to do. */
    assert_int_equal(pct(f, 0, EXT_PEND), 1u << XM_VT_EXT_CYCLIC_SLOT_START);
    assert_int_equal(hv_resume(&f->hv), HV_TRAP_CONTINUE);
}

static void test_mask_and_pend_words(void **state)
{
    struct fixture *f = *state;
    assert_int_equal(call(f, clear_irqmask_nr, 0x30, 0x101, 0), XM_OK);
    assert_int_equal(pct(f, 0, HW_MASK), ~0x30u);
    assert_int_equal(pct(f, 0, EXT_MASK), ~0x101u);
    assert_int_equal(call(f, set_irqmask_nr, 0x10, 0x1, 0), XM_OK);
    assert_int_equal(pct(f, 0, HW_MASK), ~0x20u);
    assert_int_equal(pct(f, 0, EXT_MASK), ~0x100u);
    assert_int_equal(call(f, set_irqpend_nr, 0x20, 0x2, 0), XM_OK);
    assert_int_equal(pct(f, 0, HW_PEND), 0x20);
    assert_int_equal(call(f, clear_irqpend_nr, 0x20, 0x100, 0), XM_OK);
    assert_int_equal(pct(f, 0, HW_PEND), 0);
    assert_int_equal(pct(f, 0, EXT_PEND), 0x2);
    /* Hardware IRQs beyond the 16 vectors of hwIrq2Vector are ignored. */
    assert_int_equal(call(f, set_irqpend_nr, 1u << 20, 0, 0), XM_OK);
    assert_int_equal(pct(f, 0, HW_PEND), 0);
    assert_int_equal(pct(f, 1, HW_PEND), 0); /* the other partition untouched */
}

static void test_delivery_order(void **state)
{
    struct fixture *f = *state;
    ready(f);
    call(f, set_irqpend_nr, (1u << 3) | (1u << 9), (1u << 0) | (1u << 24) | (1u << 8), 0);
    call(f, clear_irqmask_nr, (1u << 3) | (1u << 9), (1u << 0) | (1u << 24), 0);
    /* ext 8 stays masked; hardware first, highest line first. */
    assert_delivers(f, 0x10 + 9);
    assert_delivers(f, 0x10 + 3);
    assert_delivers(f, 224 + 24);
    assert_delivers(f, 224 + 0);
    assert_int_equal(hv_resume(&f->hv), HV_TRAP_CONTINUE);
    assert_int_equal(pct(f, 0, EXT_PEND), 1u << 8);
    assert_int_equal(f->port.traced[HV_TRACE_VIRQ_DELIVER], 4);
}

static void test_no_delivery_while_disabled(void **state)
{
    struct fixture *f = *state;
    ready(f);
    call(f, set_irqpend_nr, 1u << 3, 0, 0);
    call(f, clear_irqmask_nr, 1u << 3, 0, 0);
    hv_asm_hypercall(&f->hv, sparc_set_pil_nr, 0); /* PIL 15 */
    assert_int_equal(hv_resume(&f->hv), HV_TRAP_CONTINUE);
    hv_asm_hypercall(&f->hv, sparc_set_psr_nr, 0x300); /* PIL 3 but ET clear */
    assert_int_equal(hv_resume(&f->hv), HV_TRAP_CONTINUE);
    hv_asm_hypercall(&f->hv, sparc_set_psr_nr, 0xe00 | PSR_ET_BIT); /* PIL 14, ET */
    assert_delivers(f, 0x10 + 3);
}

static void test_mem_protect_ignores_enable_and_mask(void **state)
{
    struct fixture *f = *state;
    call(f, sparc_write_tbr_nr, TBR, 0, 0);
    call(f, set_irqpend_nr, 0, 1u << XM_VT_EXT_MEM_PROTECT, 0);
    assert_int_equal(hv_resume(&f->hv), HV_TRAP_REDIRECTED);
    assert_int_equal(f->port.cpu[0].trap_enter_address, TBR + 16 * (224 + XM_VT_EXT_MEM_PROTECT));
}

static void test_route_irq(void **state)
{
    struct fixture *f = *state;
    ready(f);
    assert_int_equal(call(f, route_irq_nr, XM_HWIRQ_TYPE, 3, 0x90), XM_OK);
    assert_int_equal(call(f, route_irq_nr, XM_EXTIRQ_TYPE, 31, 0xff), XM_OK);
    assert_int_equal(call(f, route_irq_nr, XM_TRAP_TYPE, NO_TRAPS - 1, 0x2b), XM_OK);
    assert_int_equal(call(f, route_irq_nr, XM_TRAP_TYPE, NO_TRAPS, 0x2b), XM_INVALID_PARAM);
    assert_int_equal(call(f, route_irq_nr, XM_HWIRQ_TYPE, 16, 0x90), XM_INVALID_PARAM);
    assert_int_equal(call(f, route_irq_nr, XM_EXTIRQ_TYPE, 32, 0x90), XM_INVALID_PARAM);
    assert_int_equal(call(f, route_irq_nr, XM_HWIRQ_TYPE, 3, 256), XM_INVALID_PARAM);
    assert_int_equal(call(f, route_irq_nr, 3, 0, 0x90), XM_INVALID_PARAM);
    call(f, set_irqpend_nr, 1u << 3, 1u << 31, 0);
    call(f, clear_irqmask_nr, 1u << 3, 1u << 31, 0);
    assert_delivers(f, 0x90);
    assert_delivers(f, 0xff);
}

static void test_bad_tbr_halts_at_delivery(void **state)
{
    struct fixture *f = *state;
    ready(f);
    call(f, sparc_write_tbr_nr, 0x40000ff0, 0, 0); /* the table would leave the memory */
    call(f, set_irqpend_nr, 1u << 3, 0, 0);
    call(f, clear_irqmask_nr, 1u << 3, 0, 0);
    assert_int_equal(hv_resume(&f->hv), HV_TRAP_BAD_TBR);
    assert_int_equal(f->hv.partitions[0].state, HV_STATE_HALTED);
    assert_int_equal(hv_resume(&f->hv), HV_TRAP_NO_PARTITION);
}

static void test_raise_ipvi(void **state)
{
    struct fixture *f = *state;
    assert_int_equal(call(f, raise_ipvi_nr, XM_VT_EXT_IPVI0, 0, 0), XM_OK);
    assert_int_equal(pct(f, 1, EXT_PEND) & (1u << XM_VT_EXT_IPVI0), 1u << XM_VT_EXT_IPVI0);
    assert_int_equal(pct(f, 0, EXT_PEND) & (1u << XM_VT_EXT_IPVI0), 0);
    /* IPVI 1 has partition 1 as its source, IPVI 2 no destination. */
    assert_int_equal(call(f, raise_ipvi_nr, XM_VT_EXT_IPVI0 + 1, 0, 0), XM_NO_ACTION);
    assert_int_equal(call(f, raise_ipvi_nr, XM_VT_EXT_IPVI0 + 2, 0, 0), XM_NO_ACTION);
    assert_int_equal(call(f, raise_ipvi_nr, XM_VT_EXT_IPVI0 - 1, 0, 0), XM_INVALID_PARAM);
    assert_int_equal(call(f, raise_ipvi_nr, XM_VT_EXT_IPVI0 + 8, 0, 0), XM_INVALID_PARAM);
}

static void test_owned_line_becomes_a_virtual_irq(void **state)
{
    struct fixture *f = *state;
    uint32_t mask = hv_port_io_read32(&f->hv, IRQMP_MASK0);
    assert_int_equal(mask & (1u << 4), 0); /* masked until the owner unmasks it */
    call(f, clear_irqmask_nr, (1u << 4) | (1u << 5), 0, 0);
    mask = hv_port_io_read32(&f->hv, IRQMP_MASK0);
    assert_int_equal(mask & ((1u << 4) | (1u << 5)), 1u << 4); /* line 5 is not its own */
    hv_irq(&f->hv, 4);
    assert_int_equal(pct(f, 0, HW_PEND), 1u << 4);
    assert_int_equal(hv_port_io_read32(&f->hv, IRQMP_MASK0) & (1u << 4), 0);
    hv_irq(&f->hv, 5); /* nobody's: ignored */
    assert_int_equal(pct(f, 0, HW_PEND), 1u << 4);
    assert_int_equal(pct(f, 1, HW_PEND), 0);
}

/* A partition's line reaches the processor only in its own slots (issue
 * 11): unmasked by its owner, it is masked at the controller while the
 * other partition's slot runs, and enabled again when the owner's starts. */
static void test_owned_line_waits_for_its_owners_slot(void **state)
{
    struct fixture *f = *state;
    call(f, clear_irqmask_nr, 1u << 4, 0, 0);
    assert_int_equal(hv_port_io_read32(&f->hv, IRQMP_MASK0) & (1u << 4), 1u << 4);
    fake_port_run_until(&f->hv, 50000); /* Other's slot */
    assert_int_equal(hv_current(&f->hv), 1);
    assert_int_equal(hv_port_io_read32(&f->hv, IRQMP_MASK0) & (1u << 4), 0);
    uint64_t irqs = f->hv.system.irqs;
    hv_port_io_write32(&f->hv, 0x80000208u, 1u << 4); /* IRQMP force: the device raises it */
    fake_port_run_until(&f->hv, 99999);
    assert_int_equal(f->hv.system.irqs, irqs);
    assert_int_equal(pct(f, 0, HW_PEND), 0);
    fake_port_run_until(&f->hv, 100000); /* User's slot: taken at its start */
    assert_int_equal(pct(f, 0, HW_PEND), 1u << 4);
}

static void test_inport_outport(void **state)
{
    struct fixture *f = *state;
    uint32_t value = 0x40000010;
    assert_int_equal(call(f, sparc_outport_nr, UART_SCALER, 0x123, 0), XM_OK);
    assert_int_equal(hv_port_io_read32(&f->hv, UART_SCALER), 0x123);
    assert_int_equal(call(f, sparc_inport_nr, UART_SCALER, value, 0), XM_OK);
    assert_int_equal(f->port.guest[0][0x13], 0x23);
    /* Restricted CTRL, mask 0xc: the other bits keep their value. */
    uint32_t ctrl = hv_port_io_read32(&f->hv, UART_CTRL);
    assert_int_equal(call(f, sparc_outport_nr, UART_CTRL, 0xff, 0), XM_OK);
    assert_int_equal(hv_port_io_read32(&f->hv, UART_CTRL), ctrl | 0xc);
    assert_int_equal(call(f, sparc_inport_nr, UART_CTRL, value, 0), XM_OK);
    assert_int_equal(f->port.guest[0][0x13], 0xc);
    assert_int_equal(call(f, sparc_outport_nr, 0x80000100, 0, 0), XM_PERM_ERROR);
    assert_int_equal(call(f, sparc_outport_nr, UART_SCALER + 2, 0, 0), XM_INVALID_PARAM);
    assert_int_equal(call(f, sparc_inport_nr, UART_SCALER, 0x10, 0), XM_INVALID_PARAM);
    assert_int_equal(call(f, sparc_inport_nr, 0x80000104, value, 0), XM_PERM_ERROR);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_boot_masks_everything, setup, teardown),
        cmocka_unit_test_setup_teardown(test_mask_and_pend_words, setup, teardown),
        cmocka_unit_test_setup_teardown(test_delivery_order, setup, teardown),
        cmocka_unit_test_setup_teardown(test_no_delivery_while_disabled, setup, teardown),
        cmocka_unit_test_setup_teardown(test_mem_protect_ignores_enable_and_mask, setup, teardown),
        cmocka_unit_test_setup_teardown(test_route_irq, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_tbr_halts_at_delivery, setup, teardown),
        cmocka_unit_test_setup_teardown(test_raise_ipvi, setup, teardown),
        cmocka_unit_test_setup_teardown(test_owned_line_becomes_a_virtual_irq, setup, teardown),
        cmocka_unit_test_setup_teardown(test_owned_line_waits_for_its_owners_slot, setup, teardown),
        cmocka_unit_test_setup_teardown(test_inport_outport, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
