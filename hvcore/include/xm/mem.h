/* XtratuM partition ABI: the memory object (XM-Q 1.0 objects/mem.h):
 * XM_memory_copy is ctrl_object(OBJDESC_BUILD(OBJ_CLASS_MEM, 0, 0),
 * XM_OBJ_MEM_CPY_AREA, &cmd). */
#ifndef XM_MEM_H
#define XM_MEM_H

#include <xm/types.h>

#define XM_OBJ_MEM_CPY_AREA 0x1

/* An XM_memory_copy id that names no partition: the address is physical
 * (XM-Q's guest.h; the same value as XM_HYPERVISOR_ID). */
#define UNCHECKED_ID 0xff

union memCmd {
    struct cpyArea {
        xmId_t dstId;
        xmAddress_t dstAddr;
        xmId_t srcId;
        xmAddress_t srcAddr;
        xm_s32_t size;
    } cpyArea;
};

/* Guest byte offsets of struct cpyArea. */
#define XM_MEMCPY_OFF_DSTID 0
#define XM_MEMCPY_OFF_DSTADDR 4
#define XM_MEMCPY_OFF_SRCID 8
#define XM_MEMCPY_OFF_SRCADDR 12
#define XM_MEMCPY_OFF_SIZE 16
#define XM_MEMCPY_SIZE 20

#endif
