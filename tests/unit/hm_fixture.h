/* A system for the health-monitor, management and status tests (through
 * the fake port): User (0, boot, configured entry 0x40000100), System (1,
 * system, boot) and Spare (2, no boot flag); plan 0 gives each a 50 ms slot
 * of a 150 ms frame, plan 1 (maintenance) only System. Every partition
 * table starts as xmcparser's default (HALT, no log); a test changes
 * entries of f->parts before raising events. */
#ifndef HM_FIXTURE_H
#define HM_FIXTURE_H

#include "fake_port.h"
#include <stdlib.h>
#include <string.h>
#include <xm/hm.h>
#include <xm/hypercalls.h>
#include <xm/objdir.h>

#define ENTRY_USER 0x40000100u

static const struct hv_mem_area hm_area = {"a", 0x40000000, 0x1000, 0x40000000, 0};
static const struct hv_slot hm_plan0_slots[] = {
    {0, 0, 50000, 0, 0, 0},
    {1, 50000, 50000, 1, 0, 0},
    {2, 100000, 50000, 2, 0, 0},
};
static const struct hv_slot hm_plan1_slots[] = {{0, 0, 100000, 1, 0, 0}};
static const struct hv_plan hm_plans[] = {
    {0, "normal", 150000, hm_plan0_slots, 3},
    {1, "maintenance", 100000, hm_plan1_slots, 1},
};
static const struct hv_partition_config hm_parts_template[] = {
    {.id = 0,
     .name = "User",
     .flags = HV_PART_BOOT,
     .entry_point = ENTRY_USER,
     .has_entry_point = true,
     .console = HV_CONSOLE_NONE,
     .areas = &hm_area,
     .area_count = 1,
     .hm = FAKE_HM_HALT},
    {.id = 1,
     .name = "System",
     .flags = HV_PART_BOOT | HV_PART_SYSTEM,
     .console = HV_CONSOLE_NONE,
     .areas = &hm_area,
     .area_count = 1,
     .hm = FAKE_HM_HALT},
    {.id = 2,
     .name = "Spare",
     .flags = 0,
     .console = HV_CONSOLE_NONE,
     .areas = &hm_area,
     .area_count = 1,
     .hm = FAKE_HM_HALT},
};

struct fixture {
    struct hv hv;
    struct fake_port port;
    struct hv_partition_config parts[3];
    struct hv_config config;
};

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    memcpy(f->parts, hm_parts_template, sizeof f->parts);
    f->config = (struct hv_config){.cpu_khz = 50000,
                                   .plans = hm_plans,
                                   .plan_count = 2,
                                   .partitions = f->parts,
                                   .partition_count = 3,
                                   .hv_hm = FAKE_HM_HALT};
    fake_port_init(&f->port, &f->hv);
    assert_int_equal(hv_init(&f->hv, &f->config, &hv_board_xm_leon3, &f->port), HV_OK);
    hv_boot(&f->hv); /* User runs */
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    free(*state);
    return 0;
}

/* A hypercall with up to five arguments as the running partition. */
static inline int32_t hcall(struct fixture *f, uint32_t nr, uint32_t a1, uint32_t a2, uint32_t a3,
                            uint32_t a4, bool *completes)
{
    uint32_t regs[6] = {nr, a1, a2, a3, a4, 0};
    int32_t result = 12345;
    *completes = hv_hypercall(&f->hv, regs, &result);
    return result;
}

/* The System partition's slot, [50, 100) ms of the first frame. */
static inline void run_system_slot(struct fixture *f)
{
    fake_port_run_until(&f->hv, 60000);
    assert_int_equal(hv_current(&f->hv), 1);
}

static inline uint32_t be32_at(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static inline uint64_t be64_at(const uint8_t *p)
{
    return (uint64_t)be32_at(p) << 32 | be32_at(p + 4);
}

static inline uint32_t guest_word(struct fixture *f, uint32_t partition, uint32_t address)
{
    return be32_at(&f->port.guest[partition][address - FAKE_GUEST_BASE]);
}

#endif
