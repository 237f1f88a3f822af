/* sim/: a partition ELF's function symbols, read with libelf (the image
 * loader's library); the table itself is sim/common/symbols.h. */
#ifndef SIM_SYMBOLS_ELF_H
#define SIM_SYMBOLS_ELF_H

#include "sim/common/sim_error.h"
#include "sim/common/symbols.h"
#include "sim/machine.h"
#include <stdio.h>

/* Adds path's functions to out (sorted). Problems as one line `path:
 * message` on diag (NULL: silently): SIM_ERR_IO (unreadable), SIM_ERR_IMAGE
 * (not an ELF: a XEF image, say). */
enum sim_error sim_symbols_load_elf(const char *path, struct sim_symbols *out, FILE *diag);

/* The function symbols of a run's images, each into symbols[its
 * partition] (HV_MAX_PARTITIONS tables), silently: the image loader
 * reports an unreadable image, and a XEF image has no symbols (its table
 * stays empty, its PCs plain hex). */
void sim_symbols_load_images(const struct sim_image_ref *images, uint32_t count,
                             struct sim_symbols *symbols);
/* Frees the HV_MAX_PARTITIONS tables of sim_symbols_load_images. */
void sim_symbols_free_images(struct sim_symbols *symbols);

#endif
