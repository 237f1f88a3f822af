/* sim/xef: hvsim xef check and hvsim xef info (xmeformat read -h -s -m). */
#include "sim/xef/xef_tool.h"

#include <stdlib.h>

#include "sim/image.h"
#include "xef/xef.h"

/* The file verified (sim/image_xef.c also decompresses every segment, so a
 * bad stream fails here too); the caller frees *bytes. */
static enum sim_error sim_xef_open(const char *path, FILE *diag, uint8_t **bytes, size_t *size,
                                   struct xef_file *f)
{
    enum sim_error error = sim_image_read_file(path, diag, bytes, size);
    if (error != SIM_OK)
        return error;
    struct sim_image img;
    error = sim_image_from_xef(path, NULL, *bytes, *size, diag, &img);
    sim_image_free(&img);
    if (error == SIM_OK)
        xef_parse(*bytes, *size, f);
    else
        free(*bytes);
    return error;
}

static const char *sim_xef_type_name(uint32_t flags)
{
    switch (flags & XEF_TYPE_MASK) {
    case XEF_TYPE_HYPERVISOR:
        return "hypervisor";
    case XEF_TYPE_PARTITION:
        return "partition";
    default:
        return "custom file";
    }
}

/* Stored size as a share of the uncompressed size, in 0.01 %. */
static unsigned sim_xef_ratio(uint32_t stored, uint32_t size)
{
    return size == 0 ? 0 : (unsigned)((uint64_t)stored * 10000u / size);
}

/* The file verified, then `print` run on it. */
static enum sim_error sim_xef_show(const char *path, FILE *out, FILE *diag,
                                   void (*print)(const char *path, const struct xef_file *f,
                                                 FILE *out))
{
    uint8_t *bytes = NULL;
    size_t size = 0;
    struct xef_file f;
    enum sim_error error = sim_xef_open(path, diag, &bytes, &size, &f);
    if (error != SIM_OK)
        return error;
    print(path, &f, out);
    free(bytes);
    return SIM_OK;
}

static void sim_xef_print_check(const char *path, const struct xef_file *f, FILE *out)
{
    const struct xef_header *h = &f->header;
    fprintf(out, "%s: ok (%s, %u segments, %u custom files, %u bytes", path,
            sim_xef_type_name(h->flags), (unsigned)h->segment_count, (unsigned)h->custom_file_count,
            (unsigned)h->image_length);
    if (h->flags & XEF_COMPRESSED) {
        unsigned r = sim_xef_ratio(h->deflated_image_length, h->image_length);
        fprintf(out, " compressed to %u, %u.%02u%%", (unsigned)h->deflated_image_length, r / 100,
                r % 100);
    }
    fputs(")\n", out);
}

enum sim_error sim_xef_check(const char *path, FILE *out, FILE *diag)
{
    return sim_xef_show(path, out, diag, sim_xef_print_check);
}

static void sim_xef_print_flags(uint32_t flags, FILE *out)
{
    fprintf(out, "  flags: 0x%x (", (unsigned)flags);
    if (flags & XEF_DIGEST)
        fputs("digest, ", out);
    if (flags & XEF_COMPRESSED)
        fputs("compressed, ", out);
    fprintf(out, "%s%s)\n", sim_xef_type_name(flags),
            (flags & XEF_ARCH_MASK) == XEF_ARCH_SPARCV8 ? ", SPARC v8" : "");
}

static void sim_xef_print_payload(const uint8_t payload[XEF_PAYLOAD_BYTES], FILE *out)
{
    fputs("  payload:", out);
    for (unsigned i = 0; i < XEF_PAYLOAD_BYTES; i++)
        fprintf(out, " %02x", payload[i]);
    fputs(" \"", out);
    for (unsigned i = 0; i < XEF_PAYLOAD_BYTES; i++)
        fputc(payload[i] >= 0x20 && payload[i] < 0x7f ? payload[i] : '.', out);
    fputs("\"\n", out);
}

static void sim_xef_print_header(const struct xef_header *h, FILE *out)
{
    fprintf(out, "XEF header:\n  signature: 0x%x\n  version: %u.%u.%u\n", (unsigned)h->signature,
            (unsigned)(h->version >> 16) & 0xff, (unsigned)(h->version >> 8) & 0xff,
            (unsigned)h->version & 0xff);
    sim_xef_print_flags(h->flags, out);
    fputs("  digest: ", out);
    for (unsigned i = 0; i < XEF_MD5_BYTES; i++)
        fprintf(out, "%02x", h->digest[i]);
    fputc('\n', out);
    sim_xef_print_payload(h->payload, out);
    fprintf(out,
            "  file size: %u\n  segment table offset: %u\n  no. segments: %u\n"
            "  custom file table offset: %u\n  no. custom files: %u\n  image offset: %u\n"
            "  image length: %u\n",
            (unsigned)h->file_size, (unsigned)h->segment_table_offset, (unsigned)h->segment_count,
            (unsigned)h->custom_file_table_offset, (unsigned)h->custom_file_count,
            (unsigned)h->image_offset, (unsigned)h->image_length);
    if (h->flags & XEF_COMPRESSED) {
        unsigned r = sim_xef_ratio(h->deflated_image_length, h->image_length);
        fprintf(out, "  compressed image length: %u (%u.%02u%%)\n",
                (unsigned)h->deflated_image_length, r / 100, r % 100);
    }
    fprintf(out, "  image header: 0x%x\n  entry point: 0x%x\n", (unsigned)h->image_header,
            (unsigned)h->entry_point);
}

static void sim_xef_print_tables(const struct xef_file *f, FILE *out)
{
    const struct xef_header *h = &f->header;
    fprintf(out, "Segment table: %u segments\n", (unsigned)h->segment_count);
    for (uint32_t i = 0; i < h->segment_count; i++) {
        struct xef_segment s = xef_segment_at(f, i);
        fprintf(out,
                "  segment %u\n    physical address: 0x%x\n    virtual address: 0x%x\n"
                "    file size: %u\n",
                (unsigned)i, (unsigned)s.phys_addr, (unsigned)s.virt_addr, (unsigned)s.file_size);
        if (h->flags & XEF_COMPRESSED) {
            unsigned r = sim_xef_ratio(s.stored_size, s.file_size);
            fprintf(out, "    compressed file size: %u (%u.%02u%%)\n", (unsigned)s.stored_size,
                    r / 100, r % 100);
        }
    }
    fprintf(out, "Custom file table: %u custom files\n", (unsigned)h->custom_file_count);
    for (uint32_t i = 0; i < h->custom_file_count; i++) {
        struct xef_custom_file c = xef_custom_file_at(f, i);
        fprintf(out, "  custom file %u\n    address: 0x%x\n", (unsigned)i, (unsigned)c.address);
        if (c.size == 0)
            fputs("    undefined file size\n", out);
        else
            fprintf(out, "    file size: %u\n", (unsigned)c.size);
    }
}

static void sim_xef_print_info(const char *path, const struct xef_file *f, FILE *out)
{
    (void)path;
    sim_xef_print_header(&f->header, out);
    sim_xef_print_tables(f, out);
}

enum sim_error sim_xef_info(const char *path, FILE *out, FILE *diag)
{
    return sim_xef_show(path, out, diag, sim_xef_print_info);
}
