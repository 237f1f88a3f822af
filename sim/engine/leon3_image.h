/* sim/engine: the LEON3 image of a system (docs/leon3.md). From a validated
 * configuration and the partitions' ELF images to hv.elf, the hypervisor
 * (hvcore + hvcore/arch/leon3, prebuilt as libhvleon3.a by the SPARC build)
 * linked with the configuration as C (sim/config/emit_c.h). QEMU's
 * leon3_generic and a LEON3 board boot hv.elf with the partitions' ELFs
 * loaded at their physical addresses beside it. */
#ifndef SIM_ENGINE_LEON3_IMAGE_H
#define SIM_ENGINE_LEON3_IMAGE_H

#include "hvcore/board.h"
#include "hvcore/config.h"
#include "sim/common/sim_error.h"
#include "sim/machine.h"
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

struct sim_leon3_options {
    const struct hv_board *board; /* NULL: xm-leon3 */
    uint64_t stop_mafs;           /* shut down when this major frame starts; 0: never */
    bool framed;                  /* the UART carries notice frames (hvsim's engine) */
    bool traced;                  /* and trace frames (they cost the board ≈ 6 µs each) */
    const char *work_dir;         /* where the generated C and objects go */
};

/* Bytes of the image: text + data of the hypervisor (core and port) and of
 * the configuration compiled into it. */
struct sim_leon3_size {
    uint32_t hypervisor, configuration;
};

/* Build `output`. Problems (images that do not fit, tools missing or
 * failing) are one line each on diag. */
enum sim_error sim_leon3_image_build(const struct hv_config *config,
                                     const struct sim_image_ref *images, uint32_t image_count,
                                     const struct sim_leon3_options *options, const char *output,
                                     struct sim_leon3_size *size, FILE *diag);

#endif
