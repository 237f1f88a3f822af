/* sim/: partition image loader. Reads a LEON3 partition executable (ELF32,
 * big-endian, EM_SPARC, ET_EXEC) with libelf, or a XEF image (image_xef.c,
 * docs/xef.md), and describes its loadable segments; the caller copies them
 * into the partition's memory. This is the only code in the project that
 * uses libelf. */
#ifndef SIM_IMAGE_H
#define SIM_IMAGE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "hvcore/config.h"
#include "sim/common/sim_error.h"
#include "xef/xef.h"

/* One PT_LOAD segment. `address` is p_vaddr, where the partition sees the
 * segment (its areas' mappedAt view); `physical` is p_paddr, where XtratuM
 * would load it. The loader's user copies `file_size` bytes from `data` and
 * zero-fills the rest up to `mem_size` (.bss). */
struct sim_segment {
    uint32_t address;
    uint32_t physical;
    uint32_t file_size;
    uint32_t mem_size;
    const uint8_t *data; /* points into the image's private copy of the file */
};

/* A file held in memory (one inside a container): its name and bytes. */
struct sim_blob {
    const char *name;
    const uint8_t *bytes;
    size_t size;
};

/* What a XEF image says about itself (docs/xef.md). */
struct sim_image_xef {
    bool present; /* the image was a XEF file */
    uint32_t flags;
    uint8_t digest[XEF_MD5_BYTES];
    uint8_t payload[XEF_PAYLOAD_BYTES];
    uint32_t image_header; /* address of .xmImageHdr */
    uint32_t custom_file_count;
    struct xef_custom_file custom_files[XEF_MAX_CUSTOM_FILES];
};

struct sim_image {
    uint32_t entry; /* e_entry */
    struct sim_segment *segments;
    uint32_t segment_count;
    struct sim_image_xef xef;
    /* private: */
    uint8_t *bytes; /* the whole file (XEF: the loaded segments); data points into it */
    size_t size;
};

/* Loads `path`. Problems are printed to `diag` (NULL: silently) as one line
 * "path: message\n". Returns SIM_OK, SIM_ERR_IO (unreadable file),
 * SIM_ERR_IMAGE (not a loadable LEON3 executable) or SIM_ERR_NO_MEMORY; on
 * failure *out is left empty (safe to pass to sim_image_free). */
enum sim_error sim_image_load(const char *path, FILE *diag, struct sim_image *out);

/* The same for partition `p`'s image: a XEF's problems name the partition too
 * ("path: partition 0 (P0): digest mismatch..."), and a XEF must be a
 * partition image. */
enum sim_error sim_image_load_for(const char *path, const struct hv_partition_config *p, FILE *diag,
                                  struct sim_image *out);

/* The same from bytes[0..size) (an ELF or a XEF image, copied: they stay
 * the caller's); `path` names it in messages. */
enum sim_error sim_image_from_memory_for(const char *path, const uint8_t *bytes, size_t size,
                                         const struct hv_partition_config *p, FILE *diag,
                                         struct sim_image *out);

/* A XEF image from bytes[0..size) (which stay the caller's): verified,
 * decompressed; segments are loaded at their physical addresses as the
 * partition sees them (virtAddr). `label` (may be NULL) follows the path
 * in messages. */
enum sim_error sim_image_from_xef(const char *path, const char *label, const uint8_t *bytes,
                                  size_t size, FILE *diag, struct sim_image *out);

/* The whole file at path into a malloc'd buffer; problems as one line
 * "path: message" on diag (NULL: silently). */
enum sim_error sim_image_read_file(const char *path, FILE *diag, uint8_t **bytes, size_t *size);

/* A XEF image for partition `p` held in memory (`name`: the file's name in
 * messages "path: name: partition 0 (P0): ..."); it must be a partition
 * image. */
enum sim_error sim_image_from_xef_for(const char *path, const char *name, const uint8_t *bytes,
                                      size_t size, const struct hv_partition_config *p, FILE *diag,
                                      struct sim_image *out);

/* A custom-file XEF for slot `slot` of partition p's image header: verified
 * and decompressed (the file's bytes in out->bytes[0..out->size)), checked to
 * fit the slot's declared size and the partition's areas. */
enum sim_error sim_image_custom_file(const char *path, const struct sim_blob *file,
                                     const struct sim_image *image, uint32_t slot,
                                     const struct hv_partition_config *p, FILE *diag,
                                     struct sim_image *out);

/* One ELF section (ELF images only). */
struct sim_section {
    uint32_t address;
    uint32_t size;
    const uint8_t *data;
};

/* How many PROGBITS sections of the ELF image are named `name`; the first in
 * *out. */
uint32_t sim_image_section(const struct sim_image *img, const char *name, struct sim_section *out);

/* Checks that [address, address + size), as partition `p` sees it, lies in
 * one of its mapped areas; else prints "path: WHAT 0x...-0x... does not fit
 * partition 0 (P0)'s memory areas" and returns SIM_ERR_IMAGE. */
enum sim_error sim_image_check_range(const char *path, const char *what, uint32_t address,
                                     uint32_t size, const struct hv_partition_config *p,
                                     FILE *diag);

/* Checks that every segment [address, address + mem_size) lies wholly inside
 * ONE mapped area of `p` as the partition sees it (mapped_at), and that its
 * physical address is that area's matching physical address. Prints one line
 * per misfit segment ("path: segment 0x...-0x... does not fit partition 0
 * (P0)'s memory areas") and returns SIM_ERR_IMAGE if any; else SIM_OK. */
enum sim_error sim_image_check_fits(const struct sim_image *img, const char *path,
                                    const struct hv_partition_config *p, FILE *diag);

/* Frees what sim_image_load allocated and empties *img; safe to call twice. */
void sim_image_free(struct sim_image *img);

#endif
