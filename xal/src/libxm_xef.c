/* xal: libxm's XEF_parse_file, XEF_load_file, XEF_load_custom_file (xef.h)
 * over the project's xef/ library (through xef_glue). */
#include <xef.h>

#include "xef_glue.h"

xm_s32_t XEF_parse_file(xm_u8_t *img, struct xefFile *xefFile, struct xefOps *xefOps)
{
    xm_s32_t status = xal_xef_check(img);
    if (status != XEF_OK)
        return status;
    xefFile->hdr = (struct xefHdr *)img;
    xefFile->segmentTab = (struct xefSegment *)(img + xefFile->hdr->segmentTabOffset);
    xefFile->customFileTab = (struct xefCustomFile *)(img + xefFile->hdr->customFileTabOffset);
    xefFile->image = img + xefFile->hdr->imageOffset;
    xefFile->ops = xefOps;
    return XEF_OK;
}

static xmAddress_t xef_translate(const struct xefOps *ops, xmAddress_t address)
{
    if (ops->VAddr2PAddr != NULL)
        ops->VAddr2PAddr(ops->mAreas, ops->noAreas, address, &address);
    return address;
}

void *XEF_load_file(struct xefFile *xefFile)
{
    const struct xefHdr *h = xefFile->hdr;
    if (h->noSegments <= 0)
        return NULL;
    for (xm_s32_t e = 0; e < h->noSegments; e++) {
        const struct xefSegment *s = &xefFile->segmentTab[e];
        xmAddress_t at = xef_translate(xefFile->ops, s->physAddr);
        if (s->fileSize != 0 && !xal_xef_load_segment((const xm_u8_t *)h, (xm_u32_t)e, at,
                                                      s->fileSize, xefFile->ops->Write))
            return NULL;
    }
    return (void *)(uintptr_t)xef_translate(xefFile->ops, h->xmImageHdr);
}

/* The segments one after another from sAddr, within the slot's size if set. */
void *XEF_load_custom_file(struct xefFile *xefCustomFile, struct xefCustomFile *customFile)
{
    const struct xefHdr *h = xefCustomFile->hdr;
    xm_u32_t room = customFile->size != 0 ? customFile->size : 0xffffffffu - customFile->sAddr;
    xmAddress_t at = customFile->sAddr;
    if (h->noSegments <= 0)
        return NULL;
    for (xm_s32_t e = 0; e < h->noSegments; e++) {
        xm_u32_t size = xefCustomFile->segmentTab[e].fileSize;
        if (size > room || !xal_xef_load_segment((const xm_u8_t *)h, (xm_u32_t)e, at, size,
                                                 xefCustomFile->ops->Write))
            return NULL;
        at += size;
        room -= size;
    }
    return (void *)(uintptr_t)customFile->sAddr;
}
