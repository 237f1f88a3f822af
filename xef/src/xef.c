/* xef/: parsing, checking, loading and writing XEF files (see xef.h). */
#include "xef/xef.h"

/* Header field offsets (reference §4.1). */
enum {
    H_SIGNATURE = 0,
    H_VERSION = 4,
    H_FLAGS = 8,
    H_FILE_SIZE = 44,
    H_SEGMENT_TABLE = 48,
    H_SEGMENT_COUNT = 52,
    H_CUSTOM_TABLE = 56,
    H_CUSTOM_COUNT = 60,
    H_IMAGE_OFFSET = 64,
    H_IMAGE_LENGTH = 68,
    H_DEFLATED_LENGTH = 72,
    H_PAGE_TABLE = 76,
    H_PAGE_TABLE_SIZE = 80,
    H_IMAGE_HEADER = 84,
    H_ENTRY_POINT = 88,
};

uint32_t xef_be32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

void xef_put_be32(uint8_t *p, uint32_t value)
{
    p[0] = (uint8_t)(value >> 24);
    p[1] = (uint8_t)(value >> 16);
    p[2] = (uint8_t)(value >> 8);
    p[3] = (uint8_t)value;
}

static void xef_copy(uint8_t *to, const uint8_t *from, size_t size)
{
    for (size_t i = 0; i < size; i++)
        to[i] = from[i];
}

const char *xef_strerror(enum xef_status status)
{
    static const char *const text[] = {
        [XEF_OK] = "ok",
        [XEF_ERR_TRUNCATED] = "truncated: the file is shorter than its header says",
        [XEF_ERR_SIGNATURE] = "wrong signature (not a XEF file)",
        [XEF_ERR_VERSION] = "unsupported version (expected 1.x)",
        [XEF_ERR_SIZE] = "the file is longer than its header says",
        [XEF_ERR_DIGEST] = "digest mismatch: the file is corrupted",
        [XEF_ERR_TYPE] = "unknown image type in the flags",
        [XEF_ERR_SEGMENT_TABLE] = "the segment table lies outside the file",
        [XEF_ERR_CUSTOM_TABLE] = "the custom-file table lies outside the file or has too many "
                                 "entries",
        [XEF_ERR_IMAGE] = "the image lies outside the file",
        [XEF_ERR_SEGMENT] = "segment lies outside the image",
        [XEF_ERR_STREAM] = "compressed segment has a bad stream header",
        [XEF_ERR_OVERRUN] = "compressed segment overruns its declared size",
        [XEF_ERR_SHORT] = "compressed segment is shorter than its declared size",
        [XEF_ERR_TOO_MANY] = "too many entries",
        [XEF_ERR_NO_ROOM] = "output buffer too small",
        [XEF_ERR_CONTAINER_SIGNATURE] = "wrong signature (not a container)",
        [XEF_ERR_PARTITION_TABLE] = "the partition table lies outside the container",
        [XEF_ERR_FILE_TABLE] = "the file table lies outside the container",
        [XEF_ERR_STRING_TABLE] = "the string table lies outside the container or a name is "
                                 "not terminated",
        [XEF_ERR_FILE_INDEX] = "a partition names a file the container does not have",
        [XEF_ERR_FILE] = "a file lies outside the container",
        [XEF_ERR_SINK] = "the loader could not write the segment",
    };
    if ((unsigned)status >= sizeof(text) / sizeof(text[0]) || text[status] == 0)
        return "unknown error";
    return text[status];
}

void xef_digest(const uint8_t *bytes, size_t size, uint32_t digest_offset,
                uint8_t digest[XEF_MD5_BYTES])
{
    static const uint8_t zeros[XEF_MD5_BYTES];
    struct xef_md5 m;
    xef_md5_init(&m);
    xef_md5_update(&m, bytes, digest_offset);
    xef_md5_update(&m, zeros, XEF_MD5_BYTES);
    size_t after = digest_offset + XEF_MD5_BYTES;
    xef_md5_update(&m, bytes + after, size - after);
    xef_md5_final(&m, digest);
}

/* [offset, offset + count * entry) inside [0, limit)? In 64 bits: counts
 * are the file's and may be anything. */
static bool xef_fits(uint32_t offset, uint64_t count, uint32_t entry, uint64_t limit)
{
    return (uint64_t)offset + count * entry <= limit;
}

/* --- parsing ------------------------------------------------------------ */

static void xef_header_decode(const uint8_t *b, struct xef_header *h)
{
    h->signature = xef_be32(b + H_SIGNATURE);
    h->version = xef_be32(b + H_VERSION);
    h->flags = xef_be32(b + H_FLAGS);
    xef_copy(h->digest, b + XEF_DIGEST_OFFSET, XEF_MD5_BYTES);
    xef_copy(h->payload, b + XEF_PAYLOAD_OFFSET, XEF_PAYLOAD_BYTES);
    h->file_size = xef_be32(b + H_FILE_SIZE);
    h->segment_table_offset = xef_be32(b + H_SEGMENT_TABLE);
    h->segment_count = xef_be32(b + H_SEGMENT_COUNT);
    h->custom_file_table_offset = xef_be32(b + H_CUSTOM_TABLE);
    h->custom_file_count = xef_be32(b + H_CUSTOM_COUNT);
    h->image_offset = xef_be32(b + H_IMAGE_OFFSET);
    h->image_length = xef_be32(b + H_IMAGE_LENGTH);
    h->deflated_image_length = xef_be32(b + H_DEFLATED_LENGTH);
    h->page_table = xef_be32(b + H_PAGE_TABLE);
    h->page_table_size = xef_be32(b + H_PAGE_TABLE_SIZE);
    h->image_header = xef_be32(b + H_IMAGE_HEADER);
    h->entry_point = xef_be32(b + H_ENTRY_POINT);
}

bool xef_digest_matches(const uint8_t *bytes, size_t size, uint32_t digest_offset,
                        const uint8_t *expected)
{
    uint8_t digest[XEF_MD5_BYTES];
    xef_digest(bytes, size, digest_offset, digest);
    uint8_t differ = 0;
    for (unsigned i = 0; i < XEF_MD5_BYTES; i++)
        differ |= (uint8_t)(digest[i] ^ expected[i]);
    return differ == 0;
}

/* What the first bytes alone can tell: size, signature, version, digest. */
static enum xef_status xef_check_envelope(const uint8_t *bytes, size_t size,
                                          const struct xef_header *h)
{
    if (h->signature != XEF_SIGNATURE)
        return XEF_ERR_SIGNATURE;
    if ((h->version >> 16) != (XEF_VERSION >> 16))
        return XEF_ERR_VERSION;
    if (h->file_size > size || h->file_size < XEF_HEADER_SIZE)
        return XEF_ERR_TRUNCATED;
    if (h->file_size < size)
        return XEF_ERR_SIZE;
    if (!xef_digest_matches(bytes, size, XEF_DIGEST_OFFSET, h->digest))
        return XEF_ERR_DIGEST;
    if ((h->flags & XEF_TYPE_MASK) == XEF_TYPE_MASK)
        return XEF_ERR_TYPE;
    return XEF_OK;
}

static enum xef_status xef_check_tables(const struct xef_header *h)
{
    if (!xef_fits(h->segment_table_offset, h->segment_count, XEF_SEGMENT_SIZE, h->file_size))
        return XEF_ERR_SEGMENT_TABLE;
    if (h->custom_file_count > XEF_MAX_CUSTOM_FILES ||
        !xef_fits(h->custom_file_table_offset, h->custom_file_count, XEF_CUSTOM_FILE_SIZE,
                  h->file_size))
        return XEF_ERR_CUSTOM_TABLE;
    if (!xef_fits(h->image_offset, h->deflated_image_length, 1, h->file_size))
        return XEF_ERR_IMAGE;
    return XEF_OK;
}

static enum xef_status xef_check_stream(const struct xef_file *f, const struct xef_segment *s)
{
    if (s->stored_size < XEF_COMPRESS_HEADER_SIZE)
        return XEF_ERR_STREAM;
    const uint8_t *stream = f->bytes + f->header.image_offset + s->offset;
    uint32_t lz_size = xef_be32(stream + 8);
    if (xef_be32(stream) != XEF_COMPRESS_MAGIC || xef_be32(stream + 4) != s->file_size ||
        lz_size > s->stored_size - XEF_COMPRESS_HEADER_SIZE)
        return XEF_ERR_STREAM;
    return XEF_OK;
}

static enum xef_status xef_check_segment(const struct xef_file *f, const struct xef_segment *s)
{
    bool compressed = (f->header.flags & XEF_COMPRESSED) != 0;
    uint32_t stored = compressed ? s->stored_size : s->file_size;
    if (!xef_fits(s->offset, stored, 1, f->header.deflated_image_length) ||
        !xef_fits(s->phys_addr, s->file_size, 1, 0x100000000ull) ||
        !xef_fits(s->virt_addr, s->file_size, 1, 0x100000000ull))
        return XEF_ERR_SEGMENT;
    return compressed ? xef_check_stream(f, s) : XEF_OK;
}

static enum xef_status xef_check_segments(struct xef_file *f)
{
    for (uint32_t i = 0; i < f->header.segment_count; i++) {
        struct xef_segment s = xef_segment_at(f, i);
        enum xef_status status = xef_check_segment(f, &s);
        if (status != XEF_OK) {
            f->bad_index = i;
            return status;
        }
    }
    return XEF_OK;
}

enum xef_status xef_parse(const uint8_t *bytes, size_t size, struct xef_file *out)
{
    out->bytes = bytes;
    out->bad_index = 0;
    if (size < XEF_HEADER_SIZE)
        return size >= 4 && xef_be32(bytes) != XEF_SIGNATURE ? XEF_ERR_SIGNATURE
                                                             : XEF_ERR_TRUNCATED;
    xef_header_decode(bytes, &out->header);
    enum xef_status status = xef_check_envelope(bytes, size, &out->header);
    if (status == XEF_OK)
        status = xef_check_tables(&out->header);
    if (status == XEF_OK)
        status = xef_check_segments(out);
    return status;
}

struct xef_segment xef_segment_at(const struct xef_file *f, uint32_t index)
{
    const uint8_t *p = f->bytes + f->header.segment_table_offset + index * XEF_SEGMENT_SIZE;
    struct xef_segment s = {
        .phys_addr = xef_be32(p),
        .virt_addr = xef_be32(p + 4),
        .file_size = xef_be32(p + 8),
        .stored_size = xef_be32(p + 12),
        .offset = xef_be32(p + 16),
    };
    return s;
}

struct xef_custom_file xef_custom_file_at(const struct xef_file *f, uint32_t index)
{
    const uint8_t *p = f->bytes + f->header.custom_file_table_offset + index * XEF_CUSTOM_FILE_SIZE;
    struct xef_custom_file c = {.address = xef_be32(p), .size = xef_be32(p + 4)};
    return c;
}

static enum xef_status xef_stream_status(enum xef_lzss_status lz, size_t produced, uint32_t size)
{
    if (lz == XEF_LZSS_OUTPUT_FULL)
        return XEF_ERR_OVERRUN;
    if (lz == XEF_LZSS_SINK)
        return XEF_ERR_SINK;
    if (lz != XEF_LZSS_OK || produced != size)
        return XEF_ERR_SHORT;
    return XEF_OK;
}

enum xef_status xef_segment_load(const struct xef_file *f, uint32_t index, uint8_t *dest,
                                 size_t capacity)
{
    struct xef_segment s = xef_segment_at(f, index);
    const uint8_t *stored = f->bytes + f->header.image_offset + s.offset;
    if (capacity < s.file_size)
        return XEF_ERR_NO_ROOM;
    if ((f->header.flags & XEF_COMPRESSED) == 0) {
        xef_copy(dest, stored, s.file_size);
        return XEF_OK;
    }
    size_t produced = 0;
    enum xef_lzss_status lz = xef_lzss_decompress(
        stored + XEF_COMPRESS_HEADER_SIZE, xef_be32(stored + 8), dest, s.file_size, &produced);
    return xef_stream_status(lz, produced, s.file_size);
}

enum xef_status xef_segment_write(const struct xef_file *f, uint32_t index,
                                  struct xef_lzss_decoder *decoder, xef_lzss_sink_fn sink,
                                  void *context)
{
    struct xef_segment s = xef_segment_at(f, index);
    const uint8_t *stored = f->bytes + f->header.image_offset + s.offset;
    if ((f->header.flags & XEF_COMPRESSED) == 0)
        return s.file_size == 0 || sink(context, stored, s.file_size) ? XEF_OK : XEF_ERR_SINK;
    size_t produced = 0;
    enum xef_lzss_status lz =
        xef_lzss_decode(decoder, stored + XEF_COMPRESS_HEADER_SIZE, xef_be32(stored + 8),
                        s.file_size, sink, context, &produced);
    return xef_stream_status(lz, produced, s.file_size);
}

/* --- the image header ---------------------------------------------------- */

bool xef_image_header_decode(const uint8_t *bytes, size_t size, struct xef_image_header *out)
{
    if (size != XEF_IMAGE_HEADER_SIZE)
        return false;
    out->magic = xef_be32(bytes);
    out->abi_version = xef_be32(bytes + 4);
    out->api_version = xef_be32(bytes + 8);
    out->custom_file_count = xef_be32(bytes + 12);
    for (unsigned i = 0; i < XEF_MAX_CUSTOM_FILES; i++) {
        out->custom_files[i].address = xef_be32(bytes + 16 + 8 * i);
        out->custom_files[i].size = xef_be32(bytes + 20 + 8 * i);
    }
    uint32_t end_magic = xef_be32(bytes + XEF_IMAGE_HEADER_SIZE - 4);
    /* xmeformat accepts either signature; we want both, and a count that fits. */
    bool magic_ok =
        (out->magic == XEF_IMAGE_MAGIC || out->magic == XEF_CORE_MAGIC) && end_magic == out->magic;
    return magic_ok && out->custom_file_count <= XEF_MAX_CUSTOM_FILES;
}
