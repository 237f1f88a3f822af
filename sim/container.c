/* sim/: containers as partition images (see container.h). */
#include "sim/container.h"

#include <stdlib.h>
#include <string.h>

enum sim_error sim_container_load(const char *path, FILE *diag, struct sim_container *out)
{
    memset(out, 0, sizeof(*out));
    out->path = path;
    enum sim_error error = sim_image_read_file(path, diag, &out->bytes, &out->size);
    if (error != SIM_OK)
        return error;
    enum xef_status status = xef_container_parse(out->bytes, out->size, &out->c);
    if (status == XEF_OK)
        return SIM_OK;
    if (status == XEF_ERR_FILE || status == XEF_ERR_FILE_INDEX)
        fprintf(diag, "%s: %s %u: %s\n", path, status == XEF_ERR_FILE ? "file" : "partition entry",
                (unsigned)out->c.bad_index, xef_strerror(status));
    else
        fprintf(diag, "%s: %s\n", path, xef_strerror(status));
    sim_container_free(out);
    return SIM_ERR_IMAGE;
}

static struct sim_blob sim_container_blob(const struct sim_container *c, uint32_t file)
{
    struct sim_blob b = {
        .name = xef_container_file_name(&c->c, file),
        .bytes = xef_container_file_data(&c->c, file),
        .size = xef_container_file_at(&c->c, file).size,
    };
    return b;
}

enum sim_error sim_container_images(const struct sim_container *c, struct sim_image_ref *refs,
                                    uint32_t max, uint32_t *count, FILE *diag)
{
    *count = 0;
    for (uint32_t i = 1; i < c->c.partition_count; i++) {
        struct xef_container_partition p = xef_container_partition_at(&c->c, i);
        if (*count == max || p.id < 0) {
            fprintf(diag, "%s: partition entry %u: %s\n", c->path, (unsigned)i,
                    p.id < 0 ? "has a negative partition id" : "too many partitions");
            return SIM_ERR_IMAGE;
        }
        struct sim_image_ref *r = &refs[(*count)++];
        memset(r, 0, sizeof(*r));
        r->partition = (uint32_t)p.id;
        r->path = c->path;
        r->xef = sim_container_blob(c, p.file);
        for (uint32_t k = 0; k < p.custom_file_count; k++)
            r->custom_files[r->custom_file_count++] = sim_container_blob(c, p.custom_files[k]);
    }
    return SIM_OK;
}

void sim_container_free(struct sim_container *c)
{
    free(c->bytes);
    c->bytes = NULL;
}
