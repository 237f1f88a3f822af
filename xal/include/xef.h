/* xal: libxm's XEF calls (XM-Q 1.0.8 libxm xef.h), for a system partition
 * that loads other partitions' images or custom files itself.
 *
 * Unlike XM-Q, XEF_parse_file checks the whole file before anything is
 * loaded: digest, tables and segments inside the file, compressed streams'
 * headers (XM-Q 1.0.8 left its digest check compiled out). A compressed
 * segment that would decode past its declared size stops the load (NULL);
 * so does a custom file larger than the slot's declared size. Writes go
 * through ops->Write in chunks of at most 512 bytes, so it can be
 * XM_memory_copy into another partition. */
#ifndef XAL_XEF_H
#define XAL_XEF_H

#include <xm.h>

#define XEF_OK 0
#define XEF_BAD_SIGNATURE -1
#define XEF_INCORRECT_VERSION -2
#define XEF_UNMATCHING_DIGEST -3
#define XEF_BAD_FILE -4 /* ours: a table, segment or stream outside the file */

struct xefOps {
    void *(*Read)(void *dest, const void *src, unsigned long n);
    void *(*Write)(void *dest, const void *src, unsigned long n);
    void (*VAddr2PAddr)(void *mAreas, xm_s32_t noAreas, xmAddress_t vAddr, xmAddress_t *pAddr);
    void *mAreas;
    xm_s32_t noAreas;
};

struct xefFile {
    struct xefHdr *hdr;
    struct xefSegment *segmentTab;
    struct xefCustomFile *customFileTab;
    xm_u8_t *image;
    struct xefOps *ops;
};

xm_s32_t XEF_parse_file(xm_u8_t *img, struct xefFile *xefFile, struct xefOps *xefOps);
/* Loads every segment at its physical address; returns the image header's
 * address (translated by VAddr2PAddr when given), or NULL. */
void *XEF_load_file(struct xefFile *xefFile);
/* Loads a custom-file XEF at customFile->sAddr; returns that address, or NULL. */
void *XEF_load_custom_file(struct xefFile *xefCustomFile, struct xefCustomFile *customFile);

#endif
