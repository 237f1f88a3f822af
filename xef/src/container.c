/* xef/: reading and writing containers (see container.h). The layout is
 * xmpack's, quirks included so that files compare equal: fileDataOffset is
 * where the last file ends, fileDataLen the sum of the files' sizes. */
#include "xef/container.h"

enum {
    C_FLAGS = 8,
    C_FILE_SIZE = 28,
    C_PARTITION_TABLE = 32,
    C_PARTITION_COUNT = 36,
    C_FILE_TABLE = 40,
    C_FILE_COUNT = 44,
    C_STRING_TABLE = 48,
    C_STRING_SIZE = 52,
    C_FILE_DATA = 56,
    C_FILE_DATA_SIZE = 60,
};

static uint64_t xef_container_align8(uint64_t x)
{
    return (x + 7u) & ~(uint64_t)7u;
}

static size_t xef_container_strlen(const char *s)
{
    size_t n = 0;
    while (s[n] != '\0')
        n++;
    return n;
}

static bool xef_container_fits(uint64_t offset, uint64_t size, uint64_t limit)
{
    return offset + size <= limit;
}

/* --- parsing ------------------------------------------------------------ */

static void xef_container_decode(const uint8_t *b, struct xef_container *c)
{
    c->flags = xef_be32(b + C_FLAGS);
    for (unsigned i = 0; i < XEF_MD5_BYTES; i++)
        c->digest[i] = b[XEF_CONTAINER_DIGEST_OFFSET + i];
    c->file_size = xef_be32(b + C_FILE_SIZE);
    c->partition_table_offset = xef_be32(b + C_PARTITION_TABLE);
    c->partition_count = xef_be32(b + C_PARTITION_COUNT);
    c->file_table_offset = xef_be32(b + C_FILE_TABLE);
    c->file_count = xef_be32(b + C_FILE_COUNT);
    c->string_table_offset = xef_be32(b + C_STRING_TABLE);
    c->string_table_size = xef_be32(b + C_STRING_SIZE);
    c->file_data_offset = xef_be32(b + C_FILE_DATA);
    c->file_data_size = xef_be32(b + C_FILE_DATA_SIZE);
}

static enum xef_status xef_container_check_envelope(const uint8_t *bytes, size_t size,
                                                    const struct xef_container *c)
{
    if (xef_be32(bytes) != XEF_CONTAINER_SIGNATURE)
        return XEF_ERR_CONTAINER_SIGNATURE;
    if ((xef_be32(bytes + 4) >> 16) != (XEF_CONTAINER_VERSION >> 16))
        return XEF_ERR_VERSION;
    if (c->file_size > size || c->file_size < XEF_CONTAINER_HEADER_SIZE)
        return XEF_ERR_TRUNCATED;
    if (c->file_size < size)
        return XEF_ERR_SIZE;
    return xef_digest_matches(bytes, size, XEF_CONTAINER_DIGEST_OFFSET, c->digest) ? XEF_OK
                                                                                   : XEF_ERR_DIGEST;
}

static enum xef_status xef_container_check_tables(const struct xef_container *c)
{
    uint64_t partitions = (uint64_t)c->partition_count * XEF_CONTAINER_PARTITION_SIZE;
    if (c->partition_count == 0 ||
        !xef_container_fits(c->partition_table_offset, partitions, c->file_size))
        return XEF_ERR_PARTITION_TABLE;
    uint64_t files = (uint64_t)c->file_count * XEF_CONTAINER_FILE_SIZE;
    if (!xef_container_fits(c->file_table_offset, files, c->file_size))
        return XEF_ERR_FILE_TABLE;
    if (!xef_container_fits(c->string_table_offset, c->string_table_size, c->file_size))
        return XEF_ERR_STRING_TABLE;
    return XEF_OK;
}

/* A name must start inside the string table and end there with a NUL. */
static bool xef_container_name_ok(const struct xef_container *c, uint32_t name_offset)
{
    const uint8_t *table = c->bytes + c->string_table_offset;
    for (uint64_t i = name_offset; i < c->string_table_size; i++)
        if (table[i] == '\0')
            return true;
    return false;
}

static enum xef_status xef_container_check_files(struct xef_container *c)
{
    for (uint32_t i = 0; i < c->file_count; i++) {
        struct xef_container_file f = xef_container_file_at(c, i);
        c->bad_index = i;
        if (!xef_container_fits(f.offset, f.size, c->file_size))
            return XEF_ERR_FILE;
        if (!xef_container_name_ok(c, f.name_offset))
            return XEF_ERR_STRING_TABLE;
    }
    return XEF_OK;
}

static bool xef_container_partition_ok(const struct xef_container *c,
                                       const struct xef_container_partition *p)
{
    if (p->file >= c->file_count || p->custom_file_count > XEF_MAX_CUSTOM_FILES)
        return false;
    for (uint32_t k = 0; k < p->custom_file_count; k++)
        if (p->custom_files[k] >= c->file_count)
            return false;
    return true;
}

static enum xef_status xef_container_check_partitions(struct xef_container *c)
{
    for (uint32_t i = 0; i < c->partition_count; i++) {
        struct xef_container_partition p = xef_container_partition_at(c, i);
        c->bad_index = i;
        if (!xef_container_partition_ok(c, &p))
            return XEF_ERR_FILE_INDEX;
    }
    return XEF_OK;
}

enum xef_status xef_container_parse(const uint8_t *bytes, size_t size, struct xef_container *out)
{
    out->bytes = bytes;
    out->bad_index = 0;
    if (size < XEF_CONTAINER_HEADER_SIZE)
        return size >= 4 && xef_be32(bytes) != XEF_CONTAINER_SIGNATURE ? XEF_ERR_CONTAINER_SIGNATURE
                                                                       : XEF_ERR_TRUNCATED;
    xef_container_decode(bytes, out);
    enum xef_status status = xef_container_check_envelope(bytes, size, out);
    if (status == XEF_OK)
        status = xef_container_check_tables(out);
    if (status == XEF_OK)
        status = xef_container_check_files(out);
    if (status == XEF_OK)
        status = xef_container_check_partitions(out);
    return status;
}

struct xef_container_partition xef_container_partition_at(const struct xef_container *c,
                                                          uint32_t index)
{
    const uint8_t *p = c->bytes + c->partition_table_offset + index * XEF_CONTAINER_PARTITION_SIZE;
    struct xef_container_partition out = {
        .id = (int32_t)xef_be32(p),
        .file = xef_be32(p + 4),
        .custom_file_count = xef_be32(p + 8),
    };
    for (unsigned k = 0; k < XEF_MAX_CUSTOM_FILES; k++)
        out.custom_files[k] = xef_be32(p + 12 + 4 * k);
    return out;
}

struct xef_container_file xef_container_file_at(const struct xef_container *c, uint32_t index)
{
    const uint8_t *p = c->bytes + c->file_table_offset + index * XEF_CONTAINER_FILE_SIZE;
    struct xef_container_file f = {
        .offset = xef_be32(p), .size = xef_be32(p + 4), .name_offset = xef_be32(p + 8)};
    return f;
}

const char *xef_container_file_name(const struct xef_container *c, uint32_t index)
{
    struct xef_container_file f = xef_container_file_at(c, index);
    return (const char *)c->bytes + c->string_table_offset + f.name_offset;
}

const uint8_t *xef_container_file_data(const struct xef_container *c, uint32_t index)
{
    return c->bytes + xef_container_file_at(c, index).offset;
}

/* --- writing ------------------------------------------------------------- */

struct xef_container_layout {
    uint64_t partition_table, string_table, string_size, file_table, files;
};

static struct xef_container_layout xef_container_layout_of(const struct xef_container_build *b)
{
    struct xef_container_layout l = {.partition_table = XEF_CONTAINER_HEADER_SIZE};
    l.string_table = xef_container_align8(l.partition_table + (uint64_t)b->partition_count *
                                                                  XEF_CONTAINER_PARTITION_SIZE);
    for (uint32_t i = 0; i < b->file_count; i++)
        l.string_size += xef_container_strlen(b->files[i].name) + 1u;
    l.file_table = xef_container_align8(l.string_table + l.string_size);
    l.files = xef_container_align8(l.file_table + (uint64_t)b->file_count * 12u);
    return l;
}

size_t xef_container_write_bound(const struct xef_container_build *b)
{
    uint64_t total = xef_container_layout_of(b).files;
    for (uint32_t i = 0; i < b->file_count; i++)
        total = xef_container_align8(total) + b->files[i].size;
    total += 4;
    return total > (uint64_t)(size_t)-1 ? (size_t)-1 : (size_t)total;
}

static void xef_container_put_partition(uint8_t *p, const struct xef_container_partition *part)
{
    xef_put_be32(p, (uint32_t)part->id);
    xef_put_be32(p + 4, part->file);
    xef_put_be32(p + 8, part->custom_file_count);
    for (unsigned k = 0; k < XEF_MAX_CUSTOM_FILES; k++)
        xef_put_be32(p + 12 + 4 * k, k < part->custom_file_count ? part->custom_files[k] : 0);
}

/* Names, file table and file data; returns where the last file ends. */
static uint64_t xef_container_put_files(const struct xef_container_build *b,
                                        const struct xef_container_layout *l, uint8_t *out)
{
    uint64_t name = 0, at = l->files;
    for (uint32_t i = 0; i < b->file_count; i++) {
        const struct xef_container_input *f = &b->files[i];
        size_t length = xef_container_strlen(f->name) + 1u;
        for (size_t k = 0; k < length; k++)
            out[l->string_table + name + k] = (uint8_t)f->name[k];
        at = xef_container_align8(at);
        uint8_t *entry = out + l->file_table + 12u * i;
        xef_put_be32(entry, (uint32_t)at);
        xef_put_be32(entry + 4, f->size);
        xef_put_be32(entry + 8, (uint32_t)name);
        for (uint32_t k = 0; k < f->size; k++)
            out[at + k] = f->data[k];
        at += f->size;
        name += length;
    }
    return at;
}

static void xef_container_put_header(const struct xef_container_build *b,
                                     const struct xef_container_layout *l, uint8_t *out,
                                     uint64_t end, uint64_t file_size)
{
    uint32_t data_size = 0;
    for (uint32_t i = 0; i < b->file_count; i++)
        data_size += b->files[i].size;
    xef_put_be32(out, XEF_CONTAINER_SIGNATURE);
    xef_put_be32(out + 4, XEF_CONTAINER_VERSION);
    xef_put_be32(out + C_FLAGS, XEF_CONTAINER_DIGEST);
    xef_put_be32(out + C_FILE_SIZE, (uint32_t)file_size);
    xef_put_be32(out + C_PARTITION_TABLE, (uint32_t)l->partition_table);
    xef_put_be32(out + C_PARTITION_COUNT, b->partition_count);
    xef_put_be32(out + C_FILE_TABLE, (uint32_t)l->file_table);
    xef_put_be32(out + C_FILE_COUNT, b->file_count);
    xef_put_be32(out + C_STRING_TABLE, (uint32_t)l->string_table);
    xef_put_be32(out + C_STRING_SIZE, (uint32_t)l->string_size);
    xef_put_be32(out + C_FILE_DATA, (uint32_t)end);
    xef_put_be32(out + C_FILE_DATA_SIZE, data_size);
}

enum xef_status xef_container_write(const struct xef_container_build *b, uint8_t *out,
                                    size_t capacity, size_t *size)
{
    size_t bound = xef_container_write_bound(b);
    if (bound > capacity || bound > 0xffffffffu)
        return XEF_ERR_NO_ROOM;
    for (size_t i = 0; i < bound; i++)
        out[i] = 0;
    struct xef_container_layout l = xef_container_layout_of(b);
    for (uint32_t i = 0; i < b->partition_count; i++)
        xef_container_put_partition(out + l.partition_table +
                                        (uint64_t)i * XEF_CONTAINER_PARTITION_SIZE,
                                    &b->partitions[i]);
    uint64_t end = xef_container_put_files(b, &l, out);
    uint64_t file_size = (end + 3u) & ~(uint64_t)3u;
    xef_container_put_header(b, &l, out, end, file_size);
    xef_digest(out, (size_t)file_size, XEF_CONTAINER_DIGEST_OFFSET,
               out + XEF_CONTAINER_DIGEST_OFFSET);
    *size = (size_t)file_size;
    return XEF_OK;
}
