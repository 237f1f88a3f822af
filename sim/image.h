/* sim/: partition image loader. Reads a LEON3 partition executable (ELF32,
 * big-endian, EM_SPARC, ET_EXEC) with libelf and describes its loadable
 * segments; the caller copies them into the partition's memory. This is the
 * only code in the project that uses libelf. */
#ifndef SIM_IMAGE_H
#define SIM_IMAGE_H

#include <stdint.h>
#include <stdio.h>

#include "hvcore/config.h"
#include "sim/common/sim_error.h"

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

struct sim_image {
    uint32_t entry; /* e_entry */
    struct sim_segment *segments;
    uint32_t segment_count;
    /* private: */
    uint8_t *bytes; /* the whole file; segments' data point into it */
};

/* Loads `path`. Problems are printed to `diag` (NULL: silently) as one line
 * "path: message\n". Returns SIM_OK, SIM_ERR_IO (unreadable file),
 * SIM_ERR_IMAGE (not a loadable LEON3 executable) or SIM_ERR_NO_MEMORY; on
 * failure *out is left empty (safe to pass to sim_image_free). */
enum sim_error sim_image_load(const char *path, FILE *diag, struct sim_image *out);

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
