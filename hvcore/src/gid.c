/* hvcore: XM_get_gid_by_name, the id of a partition or plan named in
 * XM_CF (XM-Q GetGidByName): the name is compared over at most
 * CONFIG_ID_STRING_LENGTH bytes, which must all be readable; an unknown
 * name is XM_INVALID_CONFIG; only a system partition may learn another
 * partition's id (XM_PERM_ERROR). */
#include "internal.h"
#include <xm/api.h>
#include <xm/guest.h>
#include <xm/hypercalls.h>

/* strncmp(a, b, CONFIG_ID_STRING_LENGTH) == 0 */
static bool same_id_string(const char *a, const uint8_t *b)
{
    for (uint32_t i = 0; i < CONFIG_ID_STRING_LENGTH; i++) {
        if ((uint8_t)a[i] != b[i])
            return false;
        if (a[i] == '\0')
            return true;
    }
    return true;
}

static int32_t partition_gid(struct hv *hv, uint32_t caller, const uint8_t *name)
{
    for (uint32_t id = 0; id < hv->config->partition_count; id++) {
        if (!same_id_string(hv_partition_config(hv, id)->name, name))
            continue;
        if (id != caller && !hv_partition_is_system(hv, caller))
            return XM_PERM_ERROR;
        return (int32_t)id;
    }
    return XM_INVALID_CONFIG;
}

static int32_t plan_gid(struct hv *hv, const uint8_t *name)
{
    for (uint32_t id = 0; id < hv->config->plan_count; id++) {
        if (same_id_string(hv->config->plans[id].name, name))
            return (int32_t)id;
    }
    return XM_INVALID_CONFIG;
}

int32_t hv_gid_by_name(struct hv *hv, uint32_t caller, uint32_t address, uint32_t entity)
{
    uint8_t name[CONFIG_ID_STRING_LENGTH];
    if (!hv_port_copy_from_guest(hv, caller, address, name, sizeof name))
        return XM_INVALID_PARAM;
    if (entity == XM_PARTITION_NAME)
        return partition_gid(hv, caller, name);
    if (entity == XM_PLAN_NAME)
        return plan_gid(hv, name);
    return XM_INVALID_PARAM;
}
