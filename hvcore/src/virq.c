/* hvcore: virtual interrupts of partitions. Pending and mask words live in
 * each partition's PCT (hwIrqsPend/Mask, extIrqsPend/Mask), as XtratuM
 * keeps them, so the partition reads them where XtratuM's libxm does. */
#include "bytes.h"
#include "internal.h"
#include <hvcore/trace.h>
#include <stddef.h>
#include <xm/guest.h>

#define PCT_EXT_PEND offsetof(partitionControlTable_t, extIrqsPend)

/* Mark extended IRQ ext (XM_VT_EXT_*) pending for a partition. Delivery,
 * in XtratuM's priority order once its virtual interrupts are enabled, is
 * the interrupt service's job. */
void hv_virq_raise_extended(struct hv *hv, uint32_t partition, uint32_t ext)
{
    uint8_t *word = hv_port_pct(hv, partition) + PCT_EXT_PEND;
    hv_put_be32(word, hv_get_be32(word) | (1u << ext));
    hv_trace(hv, HV_TRACE_VIRQ_RAISE, (int32_t)partition, 1, ext, 0);
}
