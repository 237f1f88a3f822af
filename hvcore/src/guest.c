/* hvcore: typed access to a partition's memory for the object calls. The
 * guest is big-endian whatever the host; every access goes through the
 * port's checked copies, with the partition's own permissions. */
#include "bytes.h"
#include "internal.h"

bool hv_guest_get32(struct hv *hv, uint32_t partition, uint32_t address, uint32_t *value)
{
    uint8_t bytes[4];
    if (!hv_port_copy_from_guest(hv, partition, address, bytes, sizeof bytes))
        return false;
    *value = hv_get_be32(bytes);
    return true;
}

bool hv_guest_get64(struct hv *hv, uint32_t partition, uint32_t address, uint64_t *value)
{
    uint8_t bytes[8];
    if (!hv_port_copy_from_guest(hv, partition, address, bytes, sizeof bytes))
        return false;
    *value = ((uint64_t)hv_get_be32(bytes) << 32) | hv_get_be32(bytes + 4);
    return true;
}

bool hv_guest_put32(struct hv *hv, uint32_t partition, uint32_t address, uint32_t value)
{
    uint8_t bytes[4];
    hv_put_be32(bytes, value);
    return hv_port_copy_to_guest(hv, partition, address, bytes, sizeof bytes);
}

bool hv_guest_put64(struct hv *hv, uint32_t partition, uint32_t address, uint64_t value)
{
    uint8_t bytes[8];
    hv_put_be64(bytes, value);
    return hv_port_copy_to_guest(hv, partition, address, bytes, sizeof bytes);
}

/* Byte by byte: a short name at the very end of the partition's memory is
 * still readable, where a fixed-size copy would fail. */
bool hv_guest_get_name(struct hv *hv, uint32_t partition, uint32_t address, char name[HV_NAME_MAX])
{
    for (uint32_t i = 0; i < HV_NAME_MAX; i++) {
        if (!hv_port_copy_from_guest(hv, partition, address + i, &name[i], 1))
            return false;
        if (name[i] == '\0')
            return true;
    }
    return false;
}
