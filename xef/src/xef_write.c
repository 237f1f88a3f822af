/* xef/: writing a XEF file the way XM-Q's xmeformat lays it out: header,
 * segment table, custom-file table and image each at the next 8-byte
 * boundary, the file padded to a multiple of 4, the digest taken over the
 * whole file with the digest field zero. Compressed segments are stored one
 * after another, each as its own {magic, size, LZSS length} + LZSS stream. */
#include "xef/xef.h"

static uint64_t xef_align8(uint64_t x)
{
    return (x + 7u) & ~(uint64_t)7u;
}

struct xef_layout {
    uint64_t segment_table, custom_table, image;
};

static struct xef_layout xef_layout_of(const struct xef_build *b)
{
    struct xef_layout l;
    l.segment_table = xef_align8(XEF_HEADER_SIZE);
    l.custom_table = xef_align8(l.segment_table + (uint64_t)b->segment_count * XEF_SEGMENT_SIZE);
    l.image = xef_align8(l.custom_table + (uint64_t)b->custom_file_count * XEF_CUSTOM_FILE_SIZE);
    return l;
}

size_t xef_write_bound(const struct xef_build *b)
{
    uint64_t total = xef_layout_of(b).image;
    for (uint32_t i = 0; i < b->segment_count; i++)
        total += XEF_COMPRESS_HEADER_SIZE + xef_lzss_bound(b->segments[i].size);
    total += 4;
    return total > (uint64_t)(size_t)-1 ? (size_t)-1 : (size_t)total;
}

/* Stores segment i at out + at; *stored gets the bytes it takes. */
static enum xef_status xef_store_segment(const struct xef_build *b, uint32_t i,
                                         struct xef_lzss_encoder *encoder, uint8_t *out,
                                         size_t room, uint32_t *stored)
{
    const struct xef_build_segment *s = &b->segments[i];
    if (!b->compress) {
        if (room < s->size)
            return XEF_ERR_NO_ROOM;
        for (uint32_t k = 0; k < s->size; k++)
            out[k] = s->data[k];
        *stored = s->size;
        return XEF_OK;
    }
    if (room < XEF_COMPRESS_HEADER_SIZE)
        return XEF_ERR_NO_ROOM;
    size_t lz_size = 0;
    if (xef_lzss_compress(encoder, s->data, s->size, out + XEF_COMPRESS_HEADER_SIZE,
                          room - XEF_COMPRESS_HEADER_SIZE, &lz_size) != XEF_LZSS_OK)
        return XEF_ERR_NO_ROOM;
    xef_put_be32(out, XEF_COMPRESS_MAGIC);
    xef_put_be32(out + 4, s->size);
    xef_put_be32(out + 8, (uint32_t)lz_size);
    *stored = (uint32_t)(lz_size + XEF_COMPRESS_HEADER_SIZE);
    return XEF_OK;
}

static void xef_put_segment(uint8_t *p, const struct xef_build_segment *s, uint32_t stored,
                            uint32_t offset)
{
    xef_put_be32(p, s->phys_addr);
    xef_put_be32(p + 4, s->virt_addr);
    xef_put_be32(p + 8, s->size);
    xef_put_be32(p + 12, stored);
    xef_put_be32(p + 16, offset);
}

/* The image and the segment table; *image_length / *stored_length get the
 * uncompressed and stored totals. */
static enum xef_status xef_write_image(const struct xef_build *b, const struct xef_layout *l,
                                       struct xef_lzss_encoder *encoder, uint8_t *out,
                                       size_t capacity, uint32_t *image_length,
                                       uint32_t *stored_length)
{
    uint64_t at = l->image;
    *image_length = 0;
    for (uint32_t i = 0; i < b->segment_count; i++) {
        uint32_t stored = 0;
        enum xef_status status = xef_store_segment(b, i, encoder, out + at, capacity - at, &stored);
        if (status != XEF_OK)
            return status;
        xef_put_segment(out + l->segment_table + i * XEF_SEGMENT_SIZE, &b->segments[i], stored,
                        (uint32_t)(at - l->image));
        at += stored;
        *image_length += b->segments[i].size;
    }
    *stored_length = (uint32_t)(at - l->image);
    return XEF_OK;
}

static void xef_write_header(const struct xef_build *b, const struct xef_layout *l, uint8_t *out,
                             uint32_t file_size, uint32_t image_length, uint32_t stored_length)
{
    uint32_t flags = b->type | XEF_DIGEST | XEF_ARCH_SPARCV8 | (b->compress ? XEF_COMPRESSED : 0);
    const uint32_t fields[] = {XEF_SIGNATURE, XEF_VERSION, flags,
                               /* digest and payload: 32 bytes written below */
                               file_size, (uint32_t)l->segment_table, b->segment_count,
                               (uint32_t)l->custom_table, b->custom_file_count, (uint32_t)l->image,
                               image_length, stored_length, 0, 0, b->image_header, b->entry_point};
    for (unsigned i = 0; i < 3; i++)
        xef_put_be32(out + 4 * i, fields[i]);
    for (unsigned i = 0; i < XEF_PAYLOAD_BYTES; i++)
        out[XEF_PAYLOAD_OFFSET + i] = b->payload[i];
    for (unsigned i = 3; i < sizeof(fields) / sizeof(fields[0]); i++)
        xef_put_be32(out + XEF_PAYLOAD_OFFSET + XEF_PAYLOAD_BYTES + 4 * (i - 3), fields[i]);
}

enum xef_status xef_write(const struct xef_build *b, struct xef_lzss_encoder *encoder, uint8_t *out,
                          size_t capacity, size_t *size)
{
    struct xef_layout l = xef_layout_of(b);
    if (l.image > capacity)
        return XEF_ERR_NO_ROOM;
    for (uint64_t i = 0; i < l.image; i++)
        out[i] = 0;
    for (uint32_t i = 0; i < b->custom_file_count; i++) {
        xef_put_be32(out + l.custom_table + 8u * i, b->custom_files[i].address);
        xef_put_be32(out + l.custom_table + 8u * i + 4, b->custom_files[i].size);
    }
    uint32_t image_length = 0, stored_length = 0;
    enum xef_status status =
        xef_write_image(b, &l, encoder, out, capacity, &image_length, &stored_length);
    if (status != XEF_OK)
        return status;
    uint64_t end = l.image + stored_length, padded = (end + 3u) & ~(uint64_t)3u;
    if (padded > capacity)
        return XEF_ERR_NO_ROOM;
    for (uint64_t i = end; i < padded; i++)
        out[i] = 0;
    xef_write_header(b, &l, out, (uint32_t)padded, image_length, stored_length);
    xef_digest(out, (size_t)padded, XEF_DIGEST_OFFSET, out + XEF_DIGEST_OFFSET);
    *size = (size_t)padded;
    return XEF_OK;
}
