/* xal: XtratuM's executable format as a partition sees it (XM-Q 1.0.8
 * xmef.h): the image header every partition carries in its .xmImageHdr
 * section, and the XEF header and segment layouts libxm's XEF_* calls use
 * (reference §4.1). Big-endian and packed, as in the file: on SPARC the
 * structs can be read in place. Brought in by <xm.h>. */
#ifndef XAL_XMEF_H
#define XAL_XMEF_H

#include <xm/types.h>

#define CONFIG_MAX_NO_CUSTOMFILES 3
#define XM_DIGEST_BYTES 16
#define XM_PAYLOAD_BYTES 16

struct xefCustomFile {
    xmAddress_t sAddr;
    xmSize_t size; /* 0: undefined */
} __attribute__((packed));

/* Put a partition's own image header in the section xmeformat looks for:
 *   struct xmImageHdr xmImageHdr __XMIHDR = {...};
 * xal supplies one with no custom files when the partition defines none. */
#define __XMIHDR __attribute__((section(".xmImageHdr"), aligned(4), used))

/* Memory for a custom file: loaded before the partition starts, kept out
 * of the image and of the .bss crt0 clears (xal/partition.ld). */
#define XAL_NOINIT __attribute__((section(".xal.noinit"), aligned(8)))

#define XMEF_PARTITION_MAGIC 0x24584d69 /* "$XMi" */
struct xmImageHdr {
    xm_u32_t sSignature;
    xm_u32_t compilationXmAbiVersion;
    xm_u32_t compilationXmApiVersion;
    xm_u32_t noCustomFiles;
    struct xefCustomFile customFileTab[CONFIG_MAX_NO_CUSTOMFILES];
    xm_u32_t eSignature;
} __attribute__((packed));

#define XEF_SIGNATURE 0x24584546
#define XEF_DIGEST 0x1
#define XEF_COMPRESSED 0x4
#define XEF_TYPE_MASK 0xc0
#define XEF_TYPE_HYPERVISOR 0x00
#define XEF_TYPE_PARTITION 0x40
#define XEF_TYPE_CUSTOMFILE 0x80
#define XEF_ARCH_SPARCv8 0x400

struct xefHdr {
    xm_u32_t signature;
    xm_u32_t version;
    xm_u32_t flags;
    xm_u8_t digest[XM_DIGEST_BYTES];
    xm_u8_t payload[XM_PAYLOAD_BYTES];
    xmSize_t fileSize;
    xmAddress_t segmentTabOffset;
    xm_s32_t noSegments;
    xmAddress_t customFileTabOffset;
    xm_s32_t noCustomFiles;
    xmAddress_t imageOffset;
    xmSize_t imageLength;
    xmSize_t deflatedImageLength;
    xmAddress_t pageTable;
    xmSize_t pageTableSize;
    xmAddress_t xmImageHdr;
    xmAddress_t entryPoint;
} __attribute__((packed));

struct xefSegment {
    xmAddress_t physAddr;
    xmAddress_t virtAddr;
    xmSize_t fileSize;
    xmSize_t deflatedFileSize;
    xmAddress_t offset;
} __attribute__((packed));

#endif
