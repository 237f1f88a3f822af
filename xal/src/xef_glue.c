/* xal: see xef_glue.h. */
#include "xef_glue.h"

#include "xef/xef.h"

/* The file's size is in its header; a bad header fails before it is trusted. */
static enum xef_status xal_xef_parse(const uint8_t *img, struct xef_file *f)
{
    if (xef_be32(img) != XEF_SIGNATURE)
        return XEF_ERR_SIGNATURE;
    return xef_parse(img, xef_be32(img + 44), f);
}

int32_t xal_xef_check(const uint8_t *img)
{
    struct xef_file f;
    switch (xal_xef_parse(img, &f)) {
    case XEF_OK:
        return 0;
    case XEF_ERR_SIGNATURE:
        return -1;
    case XEF_ERR_VERSION:
        return -2;
    case XEF_ERR_DIGEST:
        return -3;
    default:
        return -4;
    }
}

struct xal_xef_target {
    uint32_t at;
    xal_xef_write_fn write;
};

static bool xal_xef_put(void *context, const uint8_t *bytes, size_t size)
{
    struct xal_xef_target *t = context;
    t->write((void *)(uintptr_t)t->at, bytes, size);
    t->at += (uint32_t)size;
    return true;
}

bool xal_xef_load_segment(const uint8_t *img, uint32_t index, uint32_t dest, uint32_t limit,
                          xal_xef_write_fn write)
{
    static struct xef_lzss_decoder decoder; /* 4 KiB: off the partition's stack */
    struct xef_file f;
    if (xal_xef_parse(img, &f) != XEF_OK || index >= f.header.segment_count)
        return false;
    if (xef_segment_at(&f, index).file_size > limit)
        return false;
    struct xal_xef_target target = {.at = dest, .write = write};
    return xef_segment_write(&f, index, &decoder, xal_xef_put, &target) == XEF_OK;
}
