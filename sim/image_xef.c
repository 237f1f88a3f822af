/* sim/: XEF images (docs/xef.md) as the image loader's segments. The file is
 * verified as a whole by xef/ (digest, tables, segments, streams) before a
 * byte is used; then every segment is decompressed into one buffer the
 * image owns, so a bad stream is found before anything reaches a partition. */
#include "sim/image.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

__attribute__((format(printf, 4, 5))) static void
xef_report(FILE *diag, const char *path, const char *label, const char *format, ...)
{
    if (diag == NULL)
        return;
    va_list args;
    va_start(args, format);
    fprintf(diag, "%s: ", path);
    if (label != NULL)
        fprintf(diag, "%s: ", label);
    vfprintf(diag, format, args);
    fputc('\n', diag);
    va_end(args);
}

static bool xef_names_segment(enum xef_status status)
{
    return status == XEF_ERR_SEGMENT || status == XEF_ERR_STREAM || status == XEF_ERR_OVERRUN ||
           status == XEF_ERR_SHORT;
}

static void xef_report_status(FILE *diag, const char *path, const char *label,
                              enum xef_status status, uint32_t index)
{
    if (xef_names_segment(status))
        xef_report(diag, path, label, "segment %u: %s", (unsigned)index, xef_strerror(status));
    else
        xef_report(diag, path, label, "%s", xef_strerror(status));
}

static void xef_describe(const struct xef_file *f, struct sim_image *out)
{
    const struct xef_header *h = &f->header;
    out->entry = h->entry_point;
    out->xef.present = true;
    out->xef.flags = h->flags;
    memcpy(out->xef.digest, h->digest, sizeof(out->xef.digest));
    memcpy(out->xef.payload, h->payload, sizeof(out->xef.payload));
    out->xef.image_header = h->image_header;
    out->xef.custom_file_count = h->custom_file_count;
    for (uint32_t i = 0; i < h->custom_file_count; i++)
        out->xef.custom_files[i] = xef_custom_file_at(f, i);
}

/* Every segment into out->bytes, one after another. */
static enum xef_status xef_load_segments(const struct xef_file *f, struct sim_image *out,
                                         uint32_t *bad)
{
    size_t at = 0;
    for (uint32_t i = 0; i < f->header.segment_count; i++) {
        struct xef_segment s = xef_segment_at(f, i);
        enum xef_status status = xef_segment_load(f, i, out->bytes + at, out->size - at);
        if (status != XEF_OK) {
            *bad = i;
            return status;
        }
        out->segments[out->segment_count++] = (struct sim_segment){
            .address = s.virt_addr,
            .physical = s.phys_addr,
            .file_size = s.file_size,
            .mem_size = s.file_size,
            .data = out->bytes + at,
        };
        at += s.file_size;
    }
    return XEF_OK;
}

/* The total of the segments' sizes, which image_length need not match. */
static uint64_t xef_loaded_size(const struct xef_file *f)
{
    uint64_t total = 0;
    for (uint32_t i = 0; i < f->header.segment_count; i++)
        total += xef_segment_at(f, i).file_size;
    return total;
}

enum sim_error sim_image_from_xef(const char *path, const char *label, const uint8_t *bytes,
                                  size_t size, FILE *diag, struct sim_image *out)
{
    struct xef_file f;
    memset(out, 0, sizeof(*out));
    enum xef_status status = xef_parse(bytes, size, &f);
    if (status != XEF_OK) {
        xef_report_status(diag, path, label, status, f.bad_index);
        return SIM_ERR_IMAGE;
    }
    uint64_t loaded = xef_loaded_size(&f);
    out->size = (size_t)loaded;
    out->bytes = malloc(loaded == 0 ? 1 : (size_t)loaded);
    out->segments = calloc(f.header.segment_count + 1u, sizeof(*out->segments));
    if (loaded > SIZE_MAX / 2 || out->bytes == NULL || out->segments == NULL) {
        xef_report(diag, path, label, "out of memory");
        sim_image_free(out);
        return SIM_ERR_NO_MEMORY;
    }
    uint32_t bad = 0;
    status = xef_load_segments(&f, out, &bad);
    if (status != XEF_OK) {
        xef_report_status(diag, path, label, status, bad);
        sim_image_free(out);
        return SIM_ERR_IMAGE;
    }
    xef_describe(&f, out);
    return SIM_OK;
}

enum sim_error sim_image_custom_file(const char *path, const struct sim_blob *file,
                                     const struct sim_image *image, uint32_t slot,
                                     const struct hv_partition_config *p, FILE *diag,
                                     struct sim_image *out)
{
    char label[320];
    snprintf(label, sizeof(label), "%s: partition %u custom file %u", file->name, (unsigned)p->id,
             (unsigned)slot);
    memset(out, 0, sizeof(*out));
    if (slot >= image->xef.custom_file_count) {
        xef_report(diag, path, label, "the partition's image header declares %u custom files",
                   (unsigned)image->xef.custom_file_count);
        return SIM_ERR_IMAGE;
    }
    enum sim_error error = sim_image_from_xef(path, label, file->bytes, file->size, diag, out);
    if (error != SIM_OK)
        return error;
    struct xef_custom_file where = image->xef.custom_files[slot];
    if ((out->xef.flags & XEF_TYPE_MASK) != XEF_TYPE_CUSTOMFILE)
        xef_report(diag, path, label, "not a custom-file XEF");
    else if (where.size != 0 && out->size > where.size)
        xef_report(diag, path, label, "%zu bytes do not fit the slot's %u", out->size,
                   (unsigned)where.size);
    else if (sim_image_check_range(path, label, where.address, (uint32_t)out->size, p, diag) ==
             SIM_OK)
        return SIM_OK;
    sim_image_free(out);
    return SIM_ERR_IMAGE;
}
