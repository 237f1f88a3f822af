/* hvcore's object dispatch and the memory object through the fake port:
 * classes and operations without a handler, XM_memory_copy within a
 * partition and across partitions, its permissions and checks. */
#include "object_call.h"
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdlib.h>
#include <string.h>
#include <xm/hypercalls.h>
#include <xm/mem.h>
#include <xm/objdir.h>

/* Every partition: read-write [0x40000000, +2 KiB), read-only the next 2 KiB. */
static const struct hv_mem_area areas[] = {
    {"rw", 0x40000000, 0x800, 0x40000000, 0},
    {"ro", 0x40000800, 0x800, 0x40000800, HV_AREA_READONLY},
};
static const struct hv_slot slots[] = {{0, 0, 50000, 0, 0, 0}};
static const struct hv_plan plan = {0, "p", 100000, slots, 1};
static const struct hv_partition_config partitions[] = {
    {.id = 0, .name = "User", .flags = HV_PART_BOOT, .areas = areas, .area_count = 2},
    {.id = 1,
     .name = "System",
     .flags = HV_PART_BOOT | HV_PART_SYSTEM,
     .areas = areas,
     .area_count = 2},
};
static const struct hv_config config = {.cpu_khz = 50000,
                                        .plans = &plan,
                                        .plan_count = 1,
                                        .partitions = partitions,
                                        .partition_count = 2};

#define CMD 0x40000040u
#define SRC 0x40000100u
#define DST 0x40000400u
#define READ_ONLY 0x40000900u
#define NOWHERE 0x10u
#define USER 0u
#define SYSTEM 1u

static int setup(void **state)
{
    struct fixture *f = fixture_boot(&config);
    for (uint32_t p = 0; p < 2; p++)
        for (uint32_t i = 0; i < 0x100; i++)
            *guest_at(&f->port, p, SRC + i) = (uint8_t)(i + 16 * p);
    *state = f;
    return 0;
}

static int32_t memory_copy(struct fixture *f, uint32_t caller, uint32_t dst_id, uint32_t dst,
                           uint32_t src_id, uint32_t src, uint32_t size)
{
    guest_put32(&f->port, caller, CMD + XM_MEMCPY_OFF_DSTID, dst_id);
    guest_put32(&f->port, caller, CMD + XM_MEMCPY_OFF_DSTADDR, dst);
    guest_put32(&f->port, caller, CMD + XM_MEMCPY_OFF_SRCID, src_id);
    guest_put32(&f->port, caller, CMD + XM_MEMCPY_OFF_SRCADDR, src);
    guest_put32(&f->port, caller, CMD + XM_MEMCPY_OFF_SIZE, size);
    return object_call(&f->hv, caller, ctrl_object_nr, OBJDESC_BUILD(OBJ_CLASS_MEM, 0, 0),
                       XM_OBJ_MEM_CPY_AREA, CMD, 0);
}

static bool untouched(struct fixture *f, uint32_t p, uint32_t address, uint32_t size)
{
    for (uint32_t i = 0; i < size; i++)
        if (*guest_at(&f->port, p, address + i) != 0)
            return false;
    return true;
}

/* --- dispatch ------------------------------------------------------------ */

static void test_classes_and_operations_without_handler(void **state)
{
    struct fixture *f = *state;
    uint32_t console = OBJDESC_BUILD(OBJ_CLASS_CONSOLE, USER, 0);
    assert_int_equal(object_call(&f->hv, USER, read_object_nr, console, SRC, 4, 0),
                     XM_INVALID_PARAM);
    assert_int_equal(object_call(&f->hv, USER, seek_object_nr, console, 0, 0, 0), XM_INVALID_PARAM);
    assert_int_equal(object_call(&f->hv, USER, ctrl_object_nr, console, 0, CMD, 0),
                     XM_INVALID_PARAM);
    assert_int_equal(object_call(&f->hv, USER, write_object_nr,
                                 OBJDESC_BUILD(OBJ_CLASS_NULL, USER, 0), SRC, 4, 0),
                     XM_INVALID_PARAM);
    assert_int_equal(object_call(&f->hv, USER, write_object_nr,
                                 OBJDESC_BUILD(OBJ_NO_CLASSES, USER, 0), SRC, 4, 0),
                     XM_INVALID_PARAM);
    assert_int_equal(object_call(&f->hv, USER, write_object_nr, 0xffffffffu, SRC, 4, 0),
                     XM_INVALID_PARAM);
    assert_int_equal(
        object_call(&f->hv, USER, write_object_nr, OBJDESC_BUILD(OBJ_CLASS_MEM, 0, 0), SRC, 4, 0),
        XM_INVALID_PARAM);
}

/* --- memory copy ---------------------------------------------------------- */

static void test_copy_within_own_memory(void **state)
{
    struct fixture *f = *state;
    assert_int_equal(memory_copy(f, USER, USER, DST, USER, SRC, 100), 100);
    assert_memory_equal(guest_at(&f->port, USER, DST), guest_at(&f->port, USER, SRC), 100);
    assert_true(untouched(f, USER, DST + 100, 4));
}

static void test_system_partition_copies_across_partitions(void **state)
{
    struct fixture *f = *state;
    assert_int_equal(memory_copy(f, SYSTEM, USER, DST, SYSTEM, SRC, 200), 200);
    assert_memory_equal(guest_at(&f->port, USER, DST), guest_at(&f->port, SYSTEM, SRC), 200);
    assert_int_equal(memory_copy(f, SYSTEM, SYSTEM, DST, USER, SRC + 1, 3), 3);
    assert_memory_equal(guest_at(&f->port, SYSTEM, DST), "\x01\x02\x03", 3);
}

static void test_user_partition_cannot_copy_across(void **state)
{
    struct fixture *f = *state;
    assert_int_equal(memory_copy(f, USER, SYSTEM, DST, USER, SRC, 4), XM_PERM_ERROR);
    assert_int_equal(memory_copy(f, USER, USER, DST, SYSTEM, SRC, 4), XM_PERM_ERROR);
    assert_int_equal(memory_copy(f, USER, USER, NOWHERE, SYSTEM, SRC, 4), XM_PERM_ERROR);
    assert_true(untouched(f, SYSTEM, DST, 4));
    assert_true(untouched(f, USER, DST, 4));
}

static void test_bad_ranges_are_invalid_and_copy_nothing(void **state)
{
    struct fixture *f = *state;
    assert_int_equal(memory_copy(f, SYSTEM, USER, NOWHERE, SYSTEM, SRC, 4), XM_INVALID_PARAM);
    assert_int_equal(memory_copy(f, SYSTEM, USER, DST, SYSTEM, NOWHERE, 4), XM_INVALID_PARAM);
    assert_int_equal(memory_copy(f, SYSTEM, USER, READ_ONLY, SYSTEM, SRC, 4), XM_INVALID_PARAM);
    /* Across the end of the read-write area into the read-only one. */
    assert_int_equal(memory_copy(f, SYSTEM, USER, 0x400007fe, SYSTEM, SRC, 4), XM_INVALID_PARAM);
    assert_int_equal(memory_copy(f, SYSTEM, USER, 0xfffffffe, SYSTEM, SRC, 4), XM_INVALID_PARAM);
    assert_int_equal(memory_copy(f, SYSTEM, 7, DST, SYSTEM, SRC, 4), XM_INVALID_PARAM);
    assert_true(untouched(f, USER, 0x400007fe, 2));
    assert_true(untouched(f, USER, DST, 4));
    /* A read-only source is fine. */
    assert_int_equal(memory_copy(f, USER, USER, DST, USER, READ_ONLY, 4), 4);
}

static void test_request_itself_is_checked(void **state)
{
    struct fixture *f = *state;
    uint32_t mem = OBJDESC_BUILD(OBJ_CLASS_MEM, 0, 0);
    assert_int_equal(memory_copy(f, USER, USER, DST, USER, SRC, 0), 0);
    assert_int_equal(memory_copy(f, USER, USER, DST, USER, SRC, 0x80000000u), 0);
    assert_true(untouched(f, USER, DST, 4));
    assert_int_equal(
        object_call(&f->hv, USER, ctrl_object_nr, mem, XM_OBJ_MEM_CPY_AREA, NOWHERE, 0),
        XM_INVALID_PARAM);
    assert_int_equal(
        object_call(&f->hv, USER, ctrl_object_nr, mem, XM_OBJ_MEM_CPY_AREA, 0x40000ff0, 0),
        XM_INVALID_PARAM);
    assert_int_equal(object_call(&f->hv, USER, ctrl_object_nr, mem, 2, CMD, 0), XM_INVALID_PARAM);
}

/* Overlapping ranges in one partition copy as memmove does. */
static void test_overlapping_copy(void **state)
{
    struct fixture *f = *state;
    uint8_t expected[0x100];
    memcpy(expected, guest_at(&f->port, USER, SRC), sizeof expected);
    assert_int_equal(memory_copy(f, USER, USER, SRC + 1, USER, SRC, 0xff), 0xff);
    assert_memory_equal(guest_at(&f->port, USER, SRC + 1), expected, 0xff);
    assert_int_equal(memory_copy(f, USER, USER, SRC, USER, SRC + 1, 0xff), 0xff);
    assert_memory_equal(guest_at(&f->port, USER, SRC), expected, 0xff);
}

/* --- UNCHECKED_ID: physical addresses ------------------------------------ */

/* Both partitions see their memory at 0x40000000; it is physically at
 * 0x40100000 (User, the second 2 KiB read-only) and 0x40200000 (System). */
static const struct hv_mem_area user_areas[] = {
    {"u", 0x40100000, 0x800, 0x40000000, 0},
    {"uro", 0x40100800, 0x800, 0x40000800, HV_AREA_READONLY},
};
static const struct hv_mem_area system_areas[] = {{"s", 0x40200000, 0x1000, 0x40000000, 0}};
static const struct hv_partition_config physical_partitions[] = {
    {.id = 0, .name = "User", .flags = HV_PART_BOOT, .areas = user_areas, .area_count = 2},
    {.id = 1,
     .name = "System",
     .flags = HV_PART_BOOT | HV_PART_SYSTEM,
     .areas = system_areas,
     .area_count = 1},
};
static const struct hv_config physical_config = {.cpu_khz = 50000,
                                                 .plans = &plan,
                                                 .plan_count = 1,
                                                 .partitions = physical_partitions,
                                                 .partition_count = 2};

static int setup_physical(void **state)
{
    struct fixture *f = fixture_boot(&physical_config);
    for (uint32_t i = 0; i < 0x100; i++)
        *guest_at(&f->port, SYSTEM, SRC + i) = (uint8_t)(0x80 + i);
    *state = f;
    return 0;
}

/* XM-Q skips the partition checks for UNCHECKED_ID (objects/mem.c): the
 * address is physical. Here it must still be in a partition's area. */
static void test_unchecked_id_takes_physical_addresses(void **state)
{
    struct fixture *f = *state;
    uint32_t user_dst_physical = 0x40100000u + (DST - 0x40000000u);
    uint32_t system_src_physical = 0x40200000u + (SRC - 0x40000000u);
    assert_int_equal(memory_copy(f, SYSTEM, UNCHECKED_ID, user_dst_physical, SYSTEM, SRC, 16), 16);
    assert_memory_equal(guest_at(&f->port, USER, DST), guest_at(&f->port, SYSTEM, SRC), 16);
    assert_int_equal(
        memory_copy(f, SYSTEM, SYSTEM, DST, UNCHECKED_ID, system_src_physical + 16, 16), 16);
    assert_memory_equal(guest_at(&f->port, SYSTEM, DST), guest_at(&f->port, SYSTEM, SRC + 16), 16);
    assert_int_equal(memory_copy(f, SYSTEM, UNCHECKED_ID, user_dst_physical + 32, UNCHECKED_ID,
                                 system_src_physical + 32, 4),
                     4);
    assert_memory_equal(guest_at(&f->port, USER, DST + 32), "\xa0\xa1\xa2\xa3", 4);
}

static void test_unchecked_id_is_bounded(void **state)
{
    struct fixture *f = *state;
    /* A user partition may not use it; the virtual address means nothing. */
    assert_int_equal(memory_copy(f, USER, UNCHECKED_ID, 0x40100400, USER, SRC, 4), XM_PERM_ERROR);
    assert_int_equal(memory_copy(f, SYSTEM, UNCHECKED_ID, DST, SYSTEM, SRC, 4), XM_INVALID_PARAM);
    /* Read-only, across two areas, hypervisor or unassigned memory. */
    assert_int_equal(memory_copy(f, SYSTEM, UNCHECKED_ID, 0x40100900, SYSTEM, SRC, 4),
                     XM_INVALID_PARAM);
    assert_int_equal(memory_copy(f, SYSTEM, UNCHECKED_ID, 0x401007fe, SYSTEM, SRC, 4),
                     XM_INVALID_PARAM);
    assert_int_equal(memory_copy(f, SYSTEM, SYSTEM, DST, UNCHECKED_ID, 0x40000000, 4),
                     XM_INVALID_PARAM);
    assert_int_equal(memory_copy(f, SYSTEM, SYSTEM, DST, UNCHECKED_ID, 0xfffffffe, 4),
                     XM_INVALID_PARAM);
    assert_true(untouched(f, USER, DST, 4));
    assert_true(untouched(f, SYSTEM, DST, 4));
    /* A read-only area is a fine source. */
    assert_int_equal(memory_copy(f, SYSTEM, SYSTEM, DST, UNCHECKED_ID, 0x40100900, 4), 4);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, fixture_free)
#define T_PHYSICAL(fn) cmocka_unit_test_setup_teardown(fn, setup_physical, fixture_free)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_classes_and_operations_without_handler),
        T(test_copy_within_own_memory),
        T(test_system_partition_copies_across_partitions),
        T(test_user_partition_cannot_copy_across),
        T(test_bad_ranges_are_invalid_and_copy_nothing),
        T(test_request_itself_is_checked),
        T(test_overlapping_copy),
        T_PHYSICAL(test_unchecked_id_takes_physical_addresses),
        T_PHYSICAL(test_unchecked_id_is_bounded),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
