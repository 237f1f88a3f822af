/* xef/: XtratuM's executable format (XEF) and container, as XM-Q 1.0.8's
 * xmeformat and xmpack write them (reference §4.1). Files are big-endian
 * byte arrays; this library reads and writes them field by field, so it works
 * the same on the host and on the LEON3, never casting a file to a struct.
 *
 * Parsing checks everything a loader relies on before anything is loaded:
 * signature, version, declared size, the MD5 digest, every table and segment
 * inside the file, compressed streams' headers. Freestanding: no allocation,
 * no library calls; building writes into a caller-provided buffer. */
#ifndef XEF_XEF_H
#define XEF_XEF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "xef/lzss.h"
#include "xef/md5.h"

#define XEF_SIGNATURE 0x24584546u /* "$XEF" */
#define XEF_VERSION 0x010000u     /* 1.0.0 */
#define XEF_DIGEST 0x1u
#define XEF_COMPRESSED 0x4u
#define XEF_RELOCATABLE 0x10u
#define XEF_TYPE_MASK 0xc0u
#define XEF_TYPE_HYPERVISOR 0x00u
#define XEF_TYPE_PARTITION 0x40u
#define XEF_TYPE_CUSTOMFILE 0x80u
#define XEF_ARCH_MASK 0xff00u
#define XEF_ARCH_SPARCV8 0x400u

#define XEF_PAYLOAD_BYTES 16u
#define XEF_HEADER_SIZE 92u
#define XEF_SEGMENT_SIZE 20u
#define XEF_CUSTOM_FILE_SIZE 8u
#define XEF_DIGEST_OFFSET 12u
#define XEF_PAYLOAD_OFFSET 28u

/* A compressed segment: {magic, uncompressed size, LZSS length} + LZSS. */
#define XEF_COMPRESS_MAGIC 0x64751423u
#define XEF_COMPRESS_HEADER_SIZE 12u

/* The image header a partition (or the core) carries in its ELF. */
#define XEF_IMAGE_MAGIC 0x24584d69u /* "$XMi", section .xmImageHdr */
#define XEF_CORE_MAGIC 0x24584d68u  /* "$XMh", section .xmHdr */
#define XEF_MAX_CUSTOM_FILES 3u     /* XM-Q's CONFIG_MAX_NO_CUSTOMFILES */
#define XEF_IMAGE_HEADER_SIZE (4u * 4u + XEF_MAX_CUSTOM_FILES * 8u + 4u)

struct xef_header {
    uint32_t signature, version, flags;
    uint8_t digest[XEF_MD5_BYTES];
    uint8_t payload[XEF_PAYLOAD_BYTES];
    uint32_t file_size;
    uint32_t segment_table_offset;
    uint32_t segment_count;
    uint32_t custom_file_table_offset;
    uint32_t custom_file_count;
    uint32_t image_offset;
    uint32_t image_length;          /* uncompressed */
    uint32_t deflated_image_length; /* as stored (compressed when XEF_COMPRESSED) */
    uint32_t page_table, page_table_size;
    uint32_t image_header; /* address of .xmImageHdr / .xmHdr */
    uint32_t entry_point;
};

struct xef_segment {
    uint32_t phys_addr, virt_addr;
    uint32_t file_size;   /* bytes to load */
    uint32_t stored_size; /* deflatedFileSize: bytes in the file */
    uint32_t offset;      /* into the image */
};

struct xef_custom_file {
    uint32_t address;
    uint32_t size; /* 0: undefined */
};

enum xef_status {
    XEF_OK = 0,
    XEF_ERR_TRUNCATED,
    XEF_ERR_SIGNATURE,
    XEF_ERR_VERSION,
    XEF_ERR_SIZE,
    XEF_ERR_DIGEST,
    XEF_ERR_TYPE,
    XEF_ERR_SEGMENT_TABLE,
    XEF_ERR_CUSTOM_TABLE,
    XEF_ERR_IMAGE,
    XEF_ERR_SEGMENT,
    XEF_ERR_STREAM,
    XEF_ERR_OVERRUN,
    XEF_ERR_SHORT,
    XEF_ERR_TOO_MANY,
    XEF_ERR_NO_ROOM,
    XEF_ERR_CONTAINER_SIGNATURE,
    XEF_ERR_PARTITION_TABLE,
    XEF_ERR_FILE_TABLE,
    XEF_ERR_STRING_TABLE,
    XEF_ERR_FILE_INDEX,
    XEF_ERR_FILE,
    XEF_ERR_SINK,
};

/* One line, no file name: "wrong signature (not a XEF file)". */
const char *xef_strerror(enum xef_status status);

/* A parsed, verified XEF file; it points into the caller's bytes. */
struct xef_file {
    const uint8_t *bytes;
    struct xef_header header;
    uint32_t bad_index; /* the segment or custom file a failed check names */
};

uint32_t xef_be32(const uint8_t *p);
void xef_put_be32(uint8_t *p, uint32_t value);

/* Checks and describes bytes[0..size): see the file comment. Compressed
 * segments' streams are checked when decompressed (xef_segment_load). */
enum xef_status xef_parse(const uint8_t *bytes, size_t size, struct xef_file *out);

struct xef_segment xef_segment_at(const struct xef_file *f, uint32_t index);
struct xef_custom_file xef_custom_file_at(const struct xef_file *f, uint32_t index);

/* Segment `index`'s bytes, decompressed if need be, into dest (`capacity`
 * bytes, at least its file_size). XEF_ERR_OVERRUN: the stream would produce
 * more than the segment's size; XEF_ERR_SHORT: fewer. */
enum xef_status xef_segment_load(const struct xef_file *f, uint32_t index, uint8_t *dest,
                                 size_t capacity);

/* The same, handing the bytes to `sink` in chunks (see xef_lzss_decode). */
enum xef_status xef_segment_write(const struct xef_file *f, uint32_t index,
                                  struct xef_lzss_decoder *decoder, xef_lzss_sink_fn sink,
                                  void *context);

/* The digest of bytes[0..size) with the digest field taken as zero. */
void xef_digest(const uint8_t *bytes, size_t size, uint32_t digest_offset,
                uint8_t digest[XEF_MD5_BYTES]);

/* Whether expected[] is that digest (compared in constant time). */
bool xef_digest_matches(const uint8_t *bytes, size_t size, uint32_t digest_offset,
                        const uint8_t *expected);

/* --- building (xmeformat build) ----------------------------------------- */

struct xef_build_segment {
    uint32_t phys_addr, virt_addr;
    const uint8_t *data;
    uint32_t size;
};

struct xef_build {
    uint32_t type; /* XEF_TYPE_* */
    bool compress;
    uint8_t payload[XEF_PAYLOAD_BYTES];
    uint32_t image_header, entry_point;
    const struct xef_build_segment *segments;
    uint32_t segment_count;
    const struct xef_custom_file *custom_files;
    uint32_t custom_file_count;
};

/* An upper bound of the file xef_write makes of `b`. */
size_t xef_write_bound(const struct xef_build *b);

/* Writes the XEF file into out[0..*size), every byte (padding zeroed), laid
 * out as xmeformat does; the encoder is used only when b->compress.
 * XEF_ERR_NO_ROOM when `capacity` is too small. */
enum xef_status xef_write(const struct xef_build *b, struct xef_lzss_encoder *encoder, uint8_t *out,
                          size_t capacity, size_t *size);

/* The image header of a partition ELF, decoded from its .xmImageHdr bytes
 * (XEF_IMAGE_HEADER_SIZE). false when the magic or the count is wrong. */
struct xef_image_header {
    uint32_t magic;
    uint32_t abi_version, api_version;
    uint32_t custom_file_count;
    struct xef_custom_file custom_files[XEF_MAX_CUSTOM_FILES];
};
bool xef_image_header_decode(const uint8_t *bytes, size_t size, struct xef_image_header *out);

#endif
