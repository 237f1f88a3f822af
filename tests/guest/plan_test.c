/* plan_test: XM_switch_sched_plan and XM_get_plan_status under plans.xml,
 * seen from a system partition through XM_VT_EXT_CYCLIC_SLOT_START: each
 * slot start records its HW time and the slot's id and duration from the
 * PCT. The switch requested in the first major frame takes effect at its
 * end (10 ms), the last request winning; plan 0 cannot be selected again;
 * asking for the current plan is XM_NO_ACTION. Results are printed at the
 * end, when printing no longer disturbs them. */
#include <irqs.h>
#include <stdio.h>
#include <xm.h>

#define STARTS 6

struct start {
    xmTime_t hw;
    xm_u32_t slot, duration;
};

static volatile int start_count;
static struct start starts[STARTS];

static void on_slot_start(trapCtxt_t *ctxt)
{
    (void)ctxt;
    partitionControlTable_t *pct = XM_params_get_PCT();
    if (start_count < STARTS) {
        XM_get_time(XM_HW_CLOCK, &starts[start_count].hw);
        starts[start_count].slot = pct->schedInfo.id;
        starts[start_count].duration = pct->schedInfo.slotDuration;
    }
    start_count++;
}

static void print_status(const char *when, const xmPlanStatus_t *s)
{
    printf("%s: current %d, next %d, prev %d, switchTime %lld us\n", when, s->current, s->next,
           s->prev, (long long)s->switchTime);
}

static void names(void)
{
    printf("gid of plan \"maintenance\": %d, \"fast\": %d, \"none\": %d\n",
           XM_get_gid_by_name((xm_u8_t *)"maintenance", XM_PLAN_NAME),
           XM_get_gid_by_name((xm_u8_t *)"fast", XM_PLAN_NAME),
           XM_get_gid_by_name((xm_u8_t *)"none", XM_PLAN_NAME));
    printf("gid of partition \"Planner\": %d; entity 7: %d\n",
           XM_get_gid_by_name((xm_u8_t *)"Planner", XM_PARTITION_NAME),
           XM_get_gid_by_name((xm_u8_t *)"Planner", 7));
}

void PartitionMain(void)
{
    xmPlanStatus_t boot, requested, switched;
    xm_u32_t current = 99, current2 = 99;
    XM_get_plan_status(&boot);
    InstallTrapHandler(224 + XM_VT_EXT_CYCLIC_SLOT_START, on_slot_start);
    XM_clear_irqpend(0, 1 << XM_VT_EXT_CYCLIC_SLOT_START); /* this slot's: already running */
    XM_clear_irqmask(0, 1 << XM_VT_EXT_CYCLIC_SLOT_START);
    XM_enable_irqs();

    int to2 = XM_switch_sched_plan(2, &current);
    int to1 = XM_switch_sched_plan(1, &current2);
    int to0 = XM_switch_sched_plan(0, &current);
    int to3 = XM_switch_sched_plan(3, &current);
    XM_get_plan_status(&requested);
    while (start_count < STARTS)
        continue;
    XM_get_plan_status(&switched);
    int again = XM_switch_sched_plan(1, &current);
    int back = XM_switch_sched_plan(0, &current);

    print_status("after reset", &boot);
    printf("switch to 2: %d (current %u), then to 1: %d (current %u)\n", to2, current, to1,
           current2);
    printf("switch to 0: %d, to 3: %d\n", to0, to3);
    print_status("requested", &requested);
    for (int i = 0; i < STARTS; i++)
        printf("slot start at %lld us: slot %u, %u us\n", (long long)starts[i].hw, starts[i].slot,
               starts[i].duration);
    print_status("switched", &switched);
    printf("switch to 1 again: %d, back to 0: %d\n", again, back);
    names();
    printf("plan_test: done\n");
}
