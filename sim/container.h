/* sim/: a container (docs/xef.md) as the partition images a machine loads:
 * verified as a whole (digest, tables) when read; each partition's entry
 * becomes a sim_image_ref whose XEF and custom files point into it. The
 * hypervisor's entry (0) is not run on the host, where hvsim runs its own
 * hvcore. */
#ifndef SIM_CONTAINER_H
#define SIM_CONTAINER_H

#include "sim/machine.h"
#include "xef/container.h"

struct sim_container {
    const char *path;
    uint8_t *bytes;
    size_t size;
    struct xef_container c;
};

enum sim_error sim_container_load(const char *path, FILE *diag, struct sim_container *out);
/* The partitions' images, at most `max`; *count gets how many. */
enum sim_error sim_container_images(const struct sim_container *c, struct sim_image_ref *refs,
                                    uint32_t max, uint32_t *count, FILE *diag);
void sim_container_free(struct sim_container *c);

#endif
