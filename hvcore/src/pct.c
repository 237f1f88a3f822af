/* hvcore: the partition control table, written field by field in the
 * guest's byte order at the offsets of xm/guest.h. */
#include "bytes.h"
#include "internal.h"
#include <stddef.h>
#include <xm/guest.h>

#define PCT_OFFSET(field) offsetof(partitionControlTable_t, field)
#define HW_IRQ_VECTOR_BASE 0x10
#define EXT_IRQ_VECTOR_BASE 224

/* Native trap type of XtratuM's trap index i (trap2Vector defaults). */
static const uint8_t trap_index_to_tt[] = {
    0x2b, 0x3c, 0x21, 0x20, 0x01, 0x03, 0x02, 0x04, 0x24, 0x25,
    0x0b, 0x07, 0x08, 0x28, 0x29, 0x2c, 0x09, 0x0a, 0x2a,
};

static void put32(uint8_t *pct, size_t offset, uint32_t value)
{
    hv_put_be32(pct + offset, value);
}

static uint32_t state_flags(const struct hv *hv, uint32_t id)
{
    switch (hv->partitions[id].state) {
    case HV_STATE_HALTED:
        return PARTITION_HALTED_F;
    case HV_STATE_SUSPENDED:
        return PARTITION_SUSPENDED_F;
    case HV_STATE_READY:
    case HV_STATE_IDLE:
        break;
    }
    return PARTITION_READY_F;
}

static uint32_t pct_flags(const struct hv *hv, uint32_t id)
{
    uint32_t config_flags = hv_partition_config(hv, id)->flags;
    uint32_t flags = state_flags(hv, id);
    if (config_flags & HV_PART_SYSTEM)
        flags |= PARTITION_SYSTEM_F;
    if (config_flags & HV_PART_FP)
        flags |= PARTITION_FP_F;
    if (!(config_flags & HV_PART_DCACHE_DISABLED))
        flags |= PARTITION_DCACHE_ENABLED_F;
    if (!(config_flags & HV_PART_ICACHE_DISABLED))
        flags |= PARTITION_ICACHE_ENABLED_F;
    return flags;
}

static void put_name(uint8_t *dst, const char *name)
{
    for (uint32_t i = 0; i + 1 < CONFIG_ID_STRING_LENGTH && name[i] != '\0'; i++)
        dst[i] = (uint8_t)name[i];
}

static void put_vectors(uint8_t *pct)
{
    uint32_t trap_count = sizeof trap_index_to_tt / sizeof trap_index_to_tt[0];
    for (uint32_t i = 0; i < trap_count; i++)
        hv_put_be16(pct + PCT_OFFSET(trap2Vector) + 2 * i, trap_index_to_tt[i]);
    for (uint32_t i = 0; i < CONFIG_NO_HWIRQS; i++)
        hv_put_be16(pct + PCT_OFFSET(hwIrq2Vector) + 2 * i, (uint16_t)(HW_IRQ_VECTOR_BASE + i));
    for (uint32_t i = 0; i < XM_VT_EXT_MAX; i++)
        hv_put_be16(pct + PCT_OFFSET(extIrq2Vector) + 2 * i, (uint16_t)(EXT_IRQ_VECTOR_BASE + i));
}

_Static_assert(sizeof(partitionControlTable_t) + HV_MAX_AREAS * sizeof(struct xmPhysicalMemMap) <=
                   HV_PCT_AREA_SIZE,
               "the PCT page lists every memory area of a partition");

static void put_memory_map(uint8_t *pct, const struct hv_partition_config *part)
{
    uint8_t *entry = pct + sizeof(partitionControlTable_t);
    for (uint32_t i = 0; i < part->area_count; i++, entry += sizeof(struct xmPhysicalMemMap)) {
        const struct hv_mem_area *area = &part->areas[i];
        if ((size_t)(entry - pct) + sizeof(struct xmPhysicalMemMap) > HV_PCT_AREA_SIZE)
            break;
        put_name(entry, area->name);
        hv_put_be32(entry + offsetof(struct xmPhysicalMemMap, startAddr), area->start);
        hv_put_be32(entry + offsetof(struct xmPhysicalMemMap, mappedAt), area->mapped_at);
        hv_put_be32(entry + offsetof(struct xmPhysicalMemMap, size), area->size);
        hv_put_be32(entry + offsetof(struct xmPhysicalMemMap, flags), area->flags & 0x1ffu);
    }
}

/* What every reset (cold or warm) writes: the reset fields, the state
 * flags, virtual interrupts disabled and every IRQ masked; the virtual EF
 * of an FP partition set (XM-Q's FillPartCtrlTabCold). */
static void put_reset_fields(struct hv *hv, uint32_t id, uint8_t *pct)
{
    const struct hv_partition *state = &hv->partitions[id];
    put32(pct, PCT_OFFSET(resetCounter), state->reset_counter);
    put32(pct, PCT_OFFSET(resetStatus), state->reset_status);
    put32(pct, PCT_OFFSET(flags), pct_flags(hv, id));
    uint32_t fp = hv_partition_config(hv, id)->flags & HV_PART_FP ? PSR_EF_BIT : 0;
    put32(pct, PCT_OFFSET(iFlags), PSR_PIL_MASK | PSR_ET_BIT | fp);
    put32(pct, PCT_OFFSET(hwIrqsMask), 0xffffffffu);
    put32(pct, PCT_OFFSET(extIrqsMask), 0xffffffffu);
}

void hv_pct_init(struct hv *hv, uint32_t id)
{
    const struct hv_partition_config *part = hv_partition_config(hv, id);
    uint8_t *pct = hv_port_pct(hv, id);
    hv_memset(pct, 0, HV_PCT_AREA_SIZE);
    put32(pct, PCT_OFFSET(magic), XM_PCT_MAGIC);
    put32(pct, PCT_OFFSET(xmVersion), XM_VERSION);
    put32(pct, PCT_OFFSET(xmAbiVersion),
          XM_SET_VERSION(XM_ABI_VERSION, XM_ABI_SUBVERSION, XM_ABI_REVISION));
    put32(pct, PCT_OFFSET(xmApiVersion),
          XM_SET_VERSION(XM_API_VERSION, XM_API_SUBVERSION, XM_API_REVISION));
    put32(pct, PCT_OFFSET(cpuKhz), hv->drivers.board->cpu_khz);
    put32(pct, PCT_OFFSET(id), id);
    put32(pct, PCT_OFFSET(imgStart), part->area_count ? part->areas[0].mapped_at : 0);
    put32(pct, PCT_OFFSET(noPhysicalMemAreas), part->area_count);
    put32(pct, PCT_OFFSET(noCommPorts), part->port_count);
    put_name(pct + PCT_OFFSET(name), part->name);
    put_reset_fields(hv, id, pct);
    put_vectors(pct);
    put_memory_map(pct, part);
}

void hv_pct_warm_reset(struct hv *hv, uint32_t id)
{
    put_reset_fields(hv, id, hv_port_pct(hv, id));
}

int32_t hv_pct_trap_index(uint32_t trap_type)
{
    uint32_t count = sizeof trap_index_to_tt / sizeof trap_index_to_tt[0];
    for (uint32_t i = 0; i < count; i++) {
        if (trap_index_to_tt[i] == trap_type)
            return (int32_t)i;
    }
    return -1;
}

uint32_t hv_pct_trap_vector(struct hv *hv, uint32_t id, uint32_t trap_index)
{
    const uint8_t *entry = hv_port_pct(hv, id) + PCT_OFFSET(trap2Vector) + 2 * trap_index;
    return (uint32_t)entry[0] << 8 | entry[1];
}

void hv_pct_set_state(struct hv *hv, uint32_t id)
{
    put32(hv_port_pct(hv, id), PCT_OFFSET(flags), pct_flags(hv, id));
}

void hv_pct_set_slot(struct hv *hv, uint32_t id, const struct hv_slot *slot, uint32_t slot_index)
{
    uint8_t *sched_info = hv_port_pct(hv, id) + XM_PCT_OFF_SCHEDINFO;
    hv_put_be32(sched_info, slot_index << 16);
    hv_put_be32(sched_info + 4, slot->id);
    hv_put_be32(sched_info + 8, slot->duration_us);
}

uint32_t hv_pct_iflags(struct hv *hv, uint32_t id)
{
    return hv_get_be32(hv_port_pct(hv, id) + PCT_OFFSET(iFlags));
}

void hv_pct_set_iflags(struct hv *hv, uint32_t id, uint32_t iflags)
{
    put32(hv_port_pct(hv, id), PCT_OFFSET(iFlags), iflags);
}

uint32_t hv_pct_tbr(struct hv *hv, uint32_t id)
{
    return hv_get_be32(hv_port_pct(hv, id) + PCT_OFFSET(arch.tbr));
}

void hv_pct_set_tbr(struct hv *hv, uint32_t id, uint32_t tbr)
{
    put32(hv_port_pct(hv, id), PCT_OFFSET(arch.tbr), tbr);
}

/* The comm-port bitmap follows the memory-area table, where libxm's
 * init_libxm() finds it: bit n % 32 of big-endian word n / 32 stands for
 * port n of the system (the id in its descriptor), as XM-Q sets it. */
void hv_pct_set_commport(struct hv *hv, uint32_t id, uint32_t port, bool pending)
{
    size_t offset = sizeof(partitionControlTable_t) +
                    hv_partition_config(hv, id)->area_count * sizeof(struct xmPhysicalMemMap) +
                    4u * (port / 32u);
    uint32_t bit = 1u << (port % 32u);
    if (offset + 4u > HV_PCT_AREA_SIZE)
        return;
    uint8_t *word = hv_port_pct(hv, id) + offset;
    put32(word, 0, pending ? hv_get_be32(word) | bit : hv_get_be32(word) & ~bit);
}
