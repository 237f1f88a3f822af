/* libFuzzer target: xef_container_parse and what a loader then reads of an
 * accepted container: partitions, file names and data, each file parsed as
 * a XEF. Parsed as it is, then with its digest made right (see fuzz_xef.c). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xef/container.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void use_container(const struct xef_container *c)
{
    for (uint32_t i = 0; i < c->partition_count; i++) {
        struct xef_container_partition p = xef_container_partition_at(c, i);
        (void)xef_container_file_name(c, p.file);
        for (uint32_t k = 0; k < p.custom_file_count; k++)
            (void)xef_container_file_data(c, p.custom_files[k]);
    }
    for (uint32_t i = 0; i < c->file_count; i++) {
        struct xef_file f;
        size_t length = strlen(xef_container_file_name(c, i));
        (void)length;
        (void)xef_parse(xef_container_file_data(c, i), xef_container_file_at(c, i).size, &f);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct xef_container c;
    if (xef_container_parse(data, size, &c) == XEF_OK)
        use_container(&c);
    if (size < XEF_CONTAINER_HEADER_SIZE)
        return 0;
    uint8_t *copy = malloc(size);
    memcpy(copy, data, size);
    xef_digest(copy, size, XEF_CONTAINER_DIGEST_OFFSET, copy + XEF_CONTAINER_DIGEST_OFFSET);
    if (xef_container_parse(copy, size, &c) == XEF_OK)
        use_container(&c);
    free(copy);
    return 0;
}
