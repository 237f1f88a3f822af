/* hvcore: set-up, boot and the small entry points. */
#include "internal.h"
#include <hvcore/drivers.h>

static enum hv_error check_plans(const struct hv_config *config)
{
    if (config->plan_count == 0 || config->plans[0].slot_count == 0)
        return HV_ERR_NO_PLAN;
    for (uint32_t p = 0; p < config->plan_count; p++) {
        const struct hv_plan *plan = &config->plans[p];
        for (uint32_t s = 0; s < plan->slot_count; s++) {
            const struct hv_slot *slot = &plan->slots[s];
            if (slot->partition_id >= config->partition_count || slot->duration_us == 0 ||
                slot->start_us + slot->duration_us > plan->major_frame_us)
                return HV_ERR_BAD_SLOT;
        }
    }
    return HV_OK;
}

enum hv_error hv_init(struct hv *hv, const struct hv_config *config, const struct hv_board *board,
                      void *port_context)
{
    hv_memset(hv, 0, sizeof *hv);
    if (config->partition_count > HV_MAX_PARTITIONS)
        return HV_ERR_TOO_MANY_PARTITIONS;
    enum hv_error error = check_plans(config);
    if (error != HV_OK)
        return error;
    error = hv_ports_init(hv, config);
    if (error != HV_OK)
        return error;
    hv->config = config;
    hv->port_context = port_context;
    hv->drivers.board = board;
    hv->sched.current = HV_IDLE;
    return HV_OK;
}

const char *hv_strerror(enum hv_error error)
{
    switch (error) {
    case HV_OK:
        return "no error";
    case HV_ERR_NO_PLAN:
        return "the configuration has no plan 0 with slots";
    case HV_ERR_TOO_MANY_PARTITIONS:
        return "too many partitions";
    case HV_ERR_BAD_SLOT:
        return "a slot names no partition or lies outside its major frame";
    case HV_ERR_COMM_LIMITS:
        return "more ports, channels or message bytes than the core holds";
    }
    return "unknown error";
}

void hv_boot(struct hv *hv)
{
    hv_board_init(hv, hv->drivers.board);
    hv_partition_boot_all(hv);
    hv_watchdog_boot(hv);
    hv_sched_start(hv);
}

bool hv_system_halted(const struct hv *hv)
{
    return hv->system.state == HV_SYSTEM_HALTED;
}

int32_t hv_current(const struct hv *hv)
{
    return hv->sched.current;
}

/* A word that may alias anything, as the bytes it replaces could. */
typedef uint32_t __attribute__((may_alias)) hv_word_alias;

/* Word stores where it can: on the board this clears struct hv and every
 * PCT at boot, where a byte loop took milliseconds. */
void hv_memset(void *dst, int value, uint32_t length)
{
    uint8_t *p = dst;
    uint32_t i = 0;
    uint32_t word = 0x01010101u * (uint8_t)value;
    for (; i < length && ((uintptr_t)(p + i) & 3u) != 0; i++)
        p[i] = (uint8_t)value;
    for (; i + 4 <= length; i += 4)
        *(hv_word_alias *)(void *)(p + i) = word;
    for (; i < length; i++)
        p[i] = (uint8_t)value;
}
