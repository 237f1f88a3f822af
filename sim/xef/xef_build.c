/* sim/xef: hvsim xef build, XM-Q's xmeformat build: an ELF partition (or
 * hypervisor) image, or a raw custom file (-m), to a XEF file laid out byte
 * for byte as xmeformat lays it out. The ELF comes through the image loader
 * (sim/image.h); its .xmImageHdr (or .xmHdr) section gives the image
 * header's address and the custom-file table. */
#include "sim/image.h"
#include "sim/xef/xef_tool.h"

#include <stdlib.h>
#include <string.h>

/* What goes into the XEF besides the segments. */
struct sim_xef_source {
    struct xef_build build;
    struct xef_build_segment segments[64];
    struct xef_custom_file custom_files[XEF_MAX_CUSTOM_FILES];
};

/* .xmImageHdr (a partition) or .xmHdr (the hypervisor), exactly one of them. */
static enum sim_error sim_xef_find_header(const char *path, const struct sim_image *img,
                                          struct sim_xef_source *src, FILE *diag)
{
    struct sim_section part, core;
    uint32_t parts = sim_image_section(img, ".xmImageHdr", &part);
    uint32_t cores = sim_image_section(img, ".xmHdr", &core);
    if (parts + cores != 1) {
        fprintf(diag, "%s: %s\n", path,
                parts + cores == 0 ? "neither .xmHdr nor .xmImageHdr found (see docs/xal.md)"
                                   : "more than one .xmHdr/.xmImageHdr section");
        return SIM_ERR_IMAGE;
    }
    const struct sim_section *s = parts ? &part : &core;
    struct xef_image_header h;
    if (!xef_image_header_decode(s->data, s->size, &h) ||
        h.magic != (parts ? XEF_IMAGE_MAGIC : XEF_CORE_MAGIC)) {
        fprintf(diag, "%s: malformed %s section\n", path, parts ? ".xmImageHdr" : ".xmHdr");
        return SIM_ERR_IMAGE;
    }
    src->build.type = parts ? XEF_TYPE_PARTITION : XEF_TYPE_HYPERVISOR;
    src->build.image_header = s->address;
    src->build.custom_file_count = h.custom_file_count;
    memcpy(src->custom_files, h.custom_files, sizeof(src->custom_files));
    return SIM_OK;
}

/* xmeformat keeps the PT_LOAD segments with file contents, in order. */
static enum sim_error sim_xef_from_elf(const char *path, const struct sim_image *img,
                                       struct sim_xef_source *src, FILE *diag)
{
    if (img->xef.present) {
        fprintf(diag, "%s: is a XEF file already\n", path);
        return SIM_ERR_IMAGE;
    }
    for (uint32_t i = 0; i < img->segment_count; i++) {
        const struct sim_segment *s = &img->segments[i];
        if (s->file_size == 0)
            continue;
        if (src->build.segment_count == sizeof(src->segments) / sizeof(src->segments[0])) {
            fprintf(diag, "%s: too many segments\n", path);
            return SIM_ERR_IMAGE;
        }
        src->segments[src->build.segment_count++] =
            (struct xef_build_segment){s->physical, s->address, s->data, s->file_size};
    }
    src->build.entry_point = img->entry;
    return sim_xef_find_header(path, img, src, diag);
}

static enum sim_error sim_xef_read_payload(const char *path, uint8_t payload[XEF_PAYLOAD_BYTES],
                                           FILE *out, FILE *diag)
{
    uint8_t *bytes = NULL;
    size_t size = 0;
    enum sim_error error = sim_image_read_file(path, diag, &bytes, &size);
    if (error != SIM_OK)
        return error;
    memcpy(payload, bytes, size < XEF_PAYLOAD_BYTES ? size : XEF_PAYLOAD_BYTES);
    free(bytes);
    for (unsigned i = 0; i < XEF_PAYLOAD_BYTES; i++)
        fprintf(out, "%02x%c", payload[i], i % 8 == 7 ? '\n' : ' ');
    return SIM_OK;
}

static enum sim_error sim_xef_write(const struct sim_xef_build_options *o,
                                    struct sim_xef_source *src, FILE *out, FILE *diag)
{
    static struct xef_lzss_encoder encoder;
    src->build.segments = src->segments;
    src->build.custom_files = src->custom_files;
    src->build.compress = o->compress;
    size_t bound = xef_write_bound(&src->build), size = 0;
    uint8_t *bytes = malloc(bound);
    if (bytes == NULL || xef_write(&src->build, &encoder, bytes, bound, &size) != XEF_OK) {
        free(bytes);
        fprintf(diag, "%s: out of memory\n", o->output);
        return SIM_ERR_NO_MEMORY;
    }
    enum sim_error error = sim_xef_write_file(o->output, bytes, size, diag);
    if (error == SIM_OK) {
        for (unsigned i = 0; i < XEF_MD5_BYTES; i++)
            fprintf(out, "%02x", bytes[XEF_DIGEST_OFFSET + i]);
        fprintf(out, " %s\n", o->output);
    }
    free(bytes);
    return error;
}

/* -m: the whole file is one segment at address 0. */
static enum sim_error sim_xef_build_custom(const char *input, const struct sim_xef_build_options *o,
                                           struct sim_xef_source *src, FILE *out, FILE *diag)
{
    uint8_t *bytes = NULL;
    size_t size = 0;
    enum sim_error error = sim_image_read_file(input, diag, &bytes, &size);
    if (error != SIM_OK)
        return error;
    if (size > 0xffffffffu - 4096u) {
        fprintf(diag, "%s: too large for a XEF file\n", input);
        free(bytes);
        return SIM_ERR_IMAGE;
    }
    src->build.type = XEF_TYPE_CUSTOMFILE;
    src->segments[0] = (struct xef_build_segment){0, 0, bytes, (uint32_t)size};
    src->build.segment_count = 1;
    error = sim_xef_write(o, src, out, diag);
    free(bytes);
    return error;
}

enum sim_error sim_xef_build(const char *input, const struct sim_xef_build_options *o, FILE *out,
                             FILE *diag)
{
    static struct sim_xef_source src;
    memset(&src, 0, sizeof(src));
    enum sim_error error = SIM_OK;
    if (o->payload_path != NULL)
        error = sim_xef_read_payload(o->payload_path, src.build.payload, out, diag);
    if (error != SIM_OK)
        return error;
    if (o->custom_file)
        return sim_xef_build_custom(input, o, &src, out, diag);
    struct sim_image img;
    error = sim_image_load(input, diag, &img);
    if (error == SIM_OK)
        error = sim_xef_from_elf(input, &img, &src, diag);
    if (error == SIM_OK)
        error = sim_xef_write(o, &src, out, diag);
    sim_image_free(&img);
    return error;
}
