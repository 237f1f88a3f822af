/* hvcore: the memory object, XM_memory_copy (XM-Q 1.0 objects/mem.c
 * semantics): copy `size` bytes from one partition's memory to another's.
 * A partition may copy within itself; naming another partition takes a
 * system partition. Both ranges must lie in one memory area of their
 * partition (the destination's not read-only), and the copy itself goes
 * through the port's checked copies with each partition's permissions.
 * UNCHECKED_ID (system partitions only) names no partition: its address is
 * physical, as in XM-Q, but here it must lie in some partition's area. */
#include "internal.h"
#include <xm/hypercalls.h>
#include <xm/mem.h>

#define CHUNK 64u

struct copy {
    uint32_t dst_id, dst, src_id, src, size;
};

/* Is [address, address + size) inside one area of the partition, as it
 * sees its memory (and writable, when asked)? */
static bool in_area(const struct hv *hv, uint32_t id, uint32_t address, uint32_t size, bool write)
{
    const struct hv_partition_config *part = hv_partition_config(hv, id);
    for (uint32_t i = 0; i < part->area_count; i++) {
        const struct hv_mem_area *area = &part->areas[i];
        uint64_t end = (uint64_t)address + size;
        if (address < area->mapped_at || end > (uint64_t)area->mapped_at + area->size)
            continue;
        return !write || !(area->flags & HV_AREA_READONLY);
    }
    return false;
}

static bool may_touch(const struct hv *hv, uint32_t caller, uint32_t id)
{
    return id == caller || hv_partition_is_system(hv, caller);
}

static bool range_ok(const struct hv *hv, uint32_t id, uint32_t address, uint32_t size, bool write)
{
    return id < hv->config->partition_count && in_area(hv, id, address, size, write);
}

/* An UNCHECKED_ID range: the first partition (by id) with one area holding
 * the whole physical range (writable, for a destination), and the address
 * as that partition sees it. XM-Q copies any physical memory; hvsim keeps
 * the hypervisor's own and unassigned memory out of reach. */
static bool find_physical(const struct hv *hv, uint32_t *id, uint32_t *address, uint32_t size,
                          bool write)
{
    uint64_t end = (uint64_t)*address + size;
    for (uint32_t p = 0; p < hv->config->partition_count; p++) {
        const struct hv_partition_config *part = hv_partition_config(hv, p);
        for (uint32_t i = 0; i < part->area_count; i++) {
            const struct hv_mem_area *area = &part->areas[i];
            bool inside = *address >= area->start && end <= (uint64_t)area->start + area->size;
            if (!inside || (write && (area->flags & HV_AREA_READONLY)))
                continue;
            *id = p;
            *address = area->mapped_at + (*address - area->start);
            return true;
        }
    }
    return false;
}

static bool resolve(const struct hv *hv, uint32_t *id, uint32_t *address, uint32_t size, bool write)
{
    if (*id == UNCHECKED_ID)
        return find_physical(hv, id, address, size, write);
    return range_ok(hv, *id, *address, size, write);
}

/* Chunk by chunk; backwards when a copy within one partition would
 * otherwise overwrite bytes it has yet to read. */
static bool copy_bytes(struct hv *hv, const struct copy *c)
{
    uint8_t chunk[CHUNK];
    bool backwards = c->dst_id == c->src_id && c->dst > c->src;
    for (uint32_t done = 0; done < c->size;) {
        uint32_t n = c->size - done < CHUNK ? c->size - done : CHUNK;
        uint32_t offset = backwards ? c->size - done - n : done;
        if (!hv_port_copy_from_guest(hv, c->src_id, c->src + offset, chunk, n) ||
            !hv_port_copy_to_guest(hv, c->dst_id, c->dst + offset, chunk, n))
            return false;
        done += n;
    }
    return true;
}

static bool read_request(struct hv *hv, uint32_t caller, uint32_t address, struct copy *c)
{
    return hv_guest_get32(hv, caller, address + XM_MEMCPY_OFF_DSTID, &c->dst_id) &&
           hv_guest_get32(hv, caller, address + XM_MEMCPY_OFF_DSTADDR, &c->dst) &&
           hv_guest_get32(hv, caller, address + XM_MEMCPY_OFF_SRCID, &c->src_id) &&
           hv_guest_get32(hv, caller, address + XM_MEMCPY_OFF_SRCADDR, &c->src) &&
           hv_guest_get32(hv, caller, address + XM_MEMCPY_OFF_SIZE, &c->size);
}

/* ctrl_object(desc, XM_OBJ_MEM_CPY_AREA, cmd*): returns the bytes copied
 * (0 for a size <= 0), which libxm turns into XM_OK. */
static int32_t mem_ctrl(struct hv *hv, uint32_t caller, const uint32_t *args)
{
    struct copy c;
    if (args[1] != XM_OBJ_MEM_CPY_AREA || !read_request(hv, caller, args[2], &c))
        return XM_INVALID_PARAM;
    if ((int32_t)c.size <= 0)
        return 0;
    if (!may_touch(hv, caller, c.dst_id) || !may_touch(hv, caller, c.src_id))
        return XM_PERM_ERROR;
    if (!resolve(hv, &c.dst_id, &c.dst, c.size, true) ||
        !resolve(hv, &c.src_id, &c.src, c.size, false))
        return XM_INVALID_PARAM;
    return copy_bytes(hv, &c) ? (int32_t)c.size : XM_INVALID_PARAM;
}

const struct hv_object_class hv_mem_object = {
    .ctrl = mem_ctrl,
};
