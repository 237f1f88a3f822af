/* hvcore: XM_sparc_inport / XM_sparc_outport, a partition's access to the
 * device registers XM_CF grants it (HwResources/IoPorts), with XM-Q's
 * semantics (core/kernel/sparcv8/hypercalls.c): a port is a 4-byte
 * aligned address; a Range grants every bit of its words, a Restricted
 * port only the bits of its mask, written read-modify-write. A misaligned
 * port is XM_INVALID_PARAM, one not granted XM_PERM_ERROR. */
#include "bytes.h"
#include "internal.h"
#include <xm/hypercalls.h>

/* The bits of port the partition may access; 0: none (XtratuM's
 * IoPortLogSearch, where a restricted mask of 0 grants nothing either). */
static uint32_t port_mask(const struct hv *hv, uint32_t id, uint32_t port)
{
    const struct hv_partition_config *part = hv_partition_config(hv, id);
    for (uint32_t i = 0; i < part->io_range_count; i++) {
        const struct hv_io_range *r = &part->io_ranges[i];
        if (port >= r->base && (port - r->base) / 4u < r->count)
            return r->restricted ? r->mask : 0xffffffffu;
    }
    return 0;
}

/* Checked before the device is read, since a read can change a device (a
 * UART's DATA pops its receive FIFO): writing the word's own bytes back
 * proves the partition may write it, and changes nothing. */
static bool guest_word_writable(struct hv *hv, uint32_t id, uint32_t address)
{
    uint8_t word[4];
    return hv_port_copy_from_guest(hv, id, address, word, sizeof word) &&
           hv_port_copy_to_guest(hv, id, address, word, sizeof word);
}

int32_t hv_ioport_in(struct hv *hv, uint32_t id, uint32_t port, uint32_t address)
{
    uint8_t value[4];
    if (!guest_word_writable(hv, id, address) || port % 4u != 0)
        return XM_INVALID_PARAM;
    uint32_t mask = port_mask(hv, id, port);
    if (mask == 0)
        return XM_PERM_ERROR;
    hv_put_be32(value, hv_port_io_read32(hv, port) & mask);
    if (!hv_port_copy_to_guest(hv, id, address, value, sizeof value))
        return XM_INVALID_PARAM;
    return XM_OK;
}

int32_t hv_ioport_out(struct hv *hv, uint32_t id, uint32_t port, uint32_t value)
{
    if (port % 4u != 0)
        return XM_INVALID_PARAM;
    uint32_t mask = port_mask(hv, id, port);
    if (mask == 0)
        return XM_PERM_ERROR;
    if (mask != 0xffffffffu)
        value = (hv_port_io_read32(hv, port) & ~mask) | (value & mask);
    hv_port_io_write32(hv, port, value);
    return XM_OK;
}
