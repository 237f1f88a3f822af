/* xef/: XtratuM containers ("$XCT"), as XM-Q 1.0.8's xmpack writes them
 * (reference §4.1): a header, a partition table (entry 0 is the hypervisor,
 * its custom file 0 the configuration), a string table of file names, a file
 * table, then the files (XEF images) each at an 8-byte boundary; an MD5 over
 * the whole file with the digest field zero. Freestanding, like xef.h. */
#ifndef XEF_CONTAINER_H
#define XEF_CONTAINER_H

#include "xef/xef.h"

#define XEF_CONTAINER_SIGNATURE 0x24584354u /* "$XCT" */
#define XEF_CONTAINER_VERSION 0x010000u
#define XEF_CONTAINER_DIGEST 0x1u
#define XEF_CONTAINER_HEADER_SIZE 64u
#define XEF_CONTAINER_PARTITION_SIZE (12u + 4u * XEF_MAX_CUSTOM_FILES)
#define XEF_CONTAINER_FILE_SIZE 12u
#define XEF_CONTAINER_DIGEST_OFFSET 12u
#define XEF_CONTAINER_HYPERVISOR_ID (-1)

struct xef_container_partition {
    int32_t id; /* -1 for the hypervisor (entry 0) */
    uint32_t file;
    uint32_t custom_file_count;
    uint32_t custom_files[XEF_MAX_CUSTOM_FILES];
};

struct xef_container_file {
    uint32_t offset, size, name_offset;
};

struct xef_container {
    const uint8_t *bytes;
    uint32_t flags;
    uint8_t digest[XEF_MD5_BYTES];
    uint32_t file_size;
    uint32_t partition_table_offset, partition_count;
    uint32_t file_table_offset, file_count;
    uint32_t string_table_offset, string_table_size;
    uint32_t file_data_offset, file_data_size;
    uint32_t bad_index; /* the partition or file a failed check names */
};

/* Checks signature, version, size, digest, that every table, name and file
 * lies inside the container and that partitions name existing files. */
enum xef_status xef_container_parse(const uint8_t *bytes, size_t size, struct xef_container *out);

struct xef_container_partition xef_container_partition_at(const struct xef_container *c,
                                                          uint32_t index);
struct xef_container_file xef_container_file_at(const struct xef_container *c, uint32_t index);
const char *xef_container_file_name(const struct xef_container *c, uint32_t index);
const uint8_t *xef_container_file_data(const struct xef_container *c, uint32_t index);

/* --- building (xmpack build) --------------------------------------------- */

struct xef_container_input {
    const char *name; /* as stored: xmpack keeps the base name */
    const uint8_t *data;
    uint32_t size;
};

struct xef_container_build {
    const struct xef_container_partition *partitions; /* [0]: the hypervisor */
    uint32_t partition_count;
    const struct xef_container_input *files;
    uint32_t file_count;
};

size_t xef_container_write_bound(const struct xef_container_build *b);
enum xef_status xef_container_write(const struct xef_container_build *b, uint8_t *out,
                                    size_t capacity, size_t *size);

#endif
