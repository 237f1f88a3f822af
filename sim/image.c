/* sim/: partition image loading with libelf. The whole file is read into
 * memory once and parsed with elf_memory(), so segment data can point into
 * that copy without a second read. Every field libelf hands us is checked
 * against the file size ourselves: a partition image is user input, and a
 * bad one must end in a one-line message, never in a crash. */
#include "sim/image.h"
#include "sim/common/files.h"

#include <errno.h>
#include <gelf.h>
#include <libelf.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

struct sim_image_ctx {
    const char *path;
    FILE *diag;
    const uint8_t *bytes;
    size_t size;
};

__attribute__((format(printf, 2, 3))) static void sim_image_report(const struct sim_image_ctx *x,
                                                                   const char *format, ...)
{
    if (x->diag == NULL)
        return;
    va_list args;
    va_start(args, format);
    fprintf(x->diag, "%s: ", x->path);
    vfprintf(x->diag, format, args);
    fputc('\n', x->diag);
    va_end(args);
}

static const char *sim_image_part_label(const struct hv_partition_config *p, char *buf,
                                        size_t size);

/* --- reading the file --------------------------------------------------- */

/* The file, at most what the partition's memory can hold plus
 * SIM_FILE_IMAGE_EXTRA for headers, symbols and debug information
 * (SIM_FILE_MAX when no partition is known). */
static enum sim_error sim_image_read(const struct sim_image_ctx *x,
                                     const struct hv_partition_config *p, uint8_t **data,
                                     size_t *size)
{
    char what[HV_NAME_MAX + 96];
    uint64_t memory = 0;
    if (p == NULL)
        return sim_file_read_all(x->path, SIM_FILE_MAX, "an image", x->diag, data, size);
    for (uint32_t i = 0; i < p->area_count; i++)
        memory += p->areas[i].size;
    snprintf(what, sizeof what, "partition %u (%s), whose memory is %llu bytes", p->id, p->name,
             (unsigned long long)memory);
    return sim_file_read_all(x->path, (size_t)memory + SIM_FILE_IMAGE_EXTRA, what, x->diag, data,
                             size);
}

enum sim_error sim_image_read_file(const char *path, FILE *diag, uint8_t **bytes, size_t *size)
{
    struct sim_image_ctx x = {.path = path, .diag = diag};
    return sim_image_read(&x, NULL, bytes, size);
}

/* --- header checks ------------------------------------------------------ */

/* What can be judged from e_ident alone, before libelf sees the file. */
static enum sim_error sim_image_check_ident(const struct sim_image_ctx *x)
{
    if (x->size < SELFMAG || memcmp(x->bytes, ELFMAG, SELFMAG) != 0) {
        sim_image_report(x, "not an ELF file");
        return SIM_ERR_IMAGE;
    }
    if (x->size < EI_NIDENT) {
        sim_image_report(x, "truncated: the ELF header is incomplete");
        return SIM_ERR_IMAGE;
    }
    if (x->bytes[EI_CLASS] != ELFCLASS32 || x->bytes[EI_DATA] != ELFDATA2MSB) {
        sim_image_report(x, "not a SPARC (32-bit big-endian) ELF executable");
        return SIM_ERR_IMAGE;
    }
    if (x->size < sizeof(Elf32_Ehdr)) {
        sim_image_report(x, "truncated: the ELF header is incomplete");
        return SIM_ERR_IMAGE;
    }
    return SIM_OK;
}

/* EM_SPARC32PLUS is V8+ code, which uses V9 instructions LEON3 lacks. */
static enum sim_error sim_image_check_ehdr(const struct sim_image_ctx *x, const GElf_Ehdr *ehdr)
{
    if (ehdr->e_machine != EM_SPARC) {
        sim_image_report(x, "not a SPARC (32-bit big-endian) ELF executable");
        return SIM_ERR_IMAGE;
    }
    if (ehdr->e_type != ET_EXEC) {
        sim_image_report(x, "not a linked executable (ELF type %u, expected ET_EXEC)",
                         (unsigned)ehdr->e_type);
        return SIM_ERR_IMAGE;
    }
    uint64_t table_end = (uint64_t)ehdr->e_phoff + (uint64_t)ehdr->e_phnum * ehdr->e_phentsize;
    if (table_end > x->size) {
        sim_image_report(x, "truncated: the program headers end past the end of the file");
        return SIM_ERR_IMAGE;
    }
    return SIM_OK;
}

/* --- segments ----------------------------------------------------------- */

static enum sim_error sim_image_check_phdr(const struct sim_image_ctx *x, size_t index,
                                           const GElf_Phdr *ph)
{
    if (ph->p_filesz > ph->p_memsz) {
        sim_image_report(x, "segment %zu: file size 0x%llx exceeds its memory size 0x%llx", index,
                         (unsigned long long)ph->p_filesz, (unsigned long long)ph->p_memsz);
        return SIM_ERR_IMAGE;
    }
    if (ph->p_vaddr + ph->p_memsz > 0x100000000ull || ph->p_paddr + ph->p_memsz > 0x100000000ull) {
        sim_image_report(x, "segment %zu extends past 4 GiB", index);
        return SIM_ERR_IMAGE;
    }
    if (ph->p_offset + ph->p_filesz > x->size) {
        sim_image_report(x, "truncated: segment %zu's data ends past the end of the file", index);
        return SIM_ERR_IMAGE;
    }
    return SIM_OK;
}

static struct sim_segment sim_image_segment(const struct sim_image_ctx *x, const GElf_Phdr *ph)
{
    struct sim_segment s = {
        .address = (uint32_t)ph->p_vaddr,
        .physical = (uint32_t)ph->p_paddr,
        .file_size = (uint32_t)ph->p_filesz,
        .mem_size = (uint32_t)ph->p_memsz,
        .data = x->bytes + ph->p_offset,
    };
    return s;
}

/* Empty PT_LOAD segments carry nothing to load and are skipped. */
static enum sim_error sim_image_collect(const struct sim_image_ctx *x, Elf *elf, size_t count,
                                        struct sim_image *out)
{
    out->segments = calloc(count == 0 ? 1 : count, sizeof(*out->segments));
    if (out->segments == NULL) {
        sim_image_report(x, "out of memory");
        return SIM_ERR_NO_MEMORY;
    }
    for (size_t i = 0; i < count; i++) {
        GElf_Phdr ph;
        if (gelf_getphdr(elf, (int)i, &ph) == NULL) {
            sim_image_report(x, "corrupt program header %zu: %s", i, elf_errmsg(-1));
            return SIM_ERR_IMAGE;
        }
        if (ph.p_type != PT_LOAD || ph.p_memsz == 0)
            continue;
        if (sim_image_check_phdr(x, i, &ph) != SIM_OK)
            return SIM_ERR_IMAGE;
        out->segments[out->segment_count++] = sim_image_segment(x, &ph);
    }
    if (out->segment_count == 0) {
        sim_image_report(x, "has no loadable (PT_LOAD) segment");
        return SIM_ERR_IMAGE;
    }
    return SIM_OK;
}

static enum sim_error sim_image_parse(const struct sim_image_ctx *x, Elf *elf,
                                      struct sim_image *out)
{
    GElf_Ehdr ehdr;
    size_t count = 0;
    if (elf_kind(elf) != ELF_K_ELF || gelf_getehdr(elf, &ehdr) == NULL) {
        sim_image_report(x, "corrupt ELF header: %s", elf_errmsg(-1));
        return SIM_ERR_IMAGE;
    }
    enum sim_error result = sim_image_check_ehdr(x, &ehdr);
    if (result != SIM_OK)
        return result;
    if (elf_getphdrnum(elf, &count) != 0) {
        sim_image_report(x, "corrupt program header table: %s", elf_errmsg(-1));
        return SIM_ERR_IMAGE;
    }
    out->entry = (uint32_t)ehdr.e_entry;
    return sim_image_collect(x, elf, count, out);
}

static enum sim_error sim_image_parse_bytes(const struct sim_image_ctx *x, struct sim_image *out)
{
    enum sim_error result = sim_image_check_ident(x);
    if (result != SIM_OK)
        return result;
    if (elf_version(EV_CURRENT) == EV_NONE) {
        sim_image_report(x, "libelf is out of date: %s", elf_errmsg(-1));
        return SIM_ERR_IMAGE;
    }
    /* elf_memory wants a mutable pointer but, opened for reading, writes nothing. */
    Elf *elf = elf_memory((char *)out->bytes, x->size);
    if (elf == NULL) {
        sim_image_report(x, "cannot parse the ELF file: %s", elf_errmsg(-1));
        return SIM_ERR_IMAGE;
    }
    result = sim_image_parse(x, elf, out);
    elf_end(elf); /* releases only libelf's descriptor; the bytes stay ours */
    return result;
}

enum sim_error sim_image_from_xef_for(const char *path, const char *name, const uint8_t *bytes,
                                      size_t size, const struct hv_partition_config *p, FILE *diag,
                                      struct sim_image *out)
{
    char label[320], part[64];
    struct sim_image_ctx x = {.path = path, .diag = diag};
    snprintf(label, sizeof(label), "%s%s%s", name ? name : "", name ? ": " : "",
             p ? sim_image_part_label(p, part, sizeof(part)) : "");
    enum sim_error result =
        sim_image_from_xef(path, label[0] ? label : NULL, bytes, size, diag, out);
    if (result == SIM_OK && p != NULL && (out->xef.flags & XEF_TYPE_MASK) != XEF_TYPE_PARTITION) {
        sim_image_report(&x, "%s: not a partition image (XEF type 0x%02x)", label,
                         (unsigned)(out->xef.flags & XEF_TYPE_MASK));
        sim_image_free(out);
        result = SIM_ERR_IMAGE;
    }
    return result;
}

/* A XEF file replaces the file's bytes with its loaded segments. */
static enum sim_error sim_image_load_xef(const struct sim_image_ctx *x,
                                         const struct hv_partition_config *p, struct sim_image *out)
{
    uint8_t *file = out->bytes;
    out->bytes = NULL;
    enum sim_error result = sim_image_from_xef_for(x->path, NULL, file, x->size, p, x->diag, out);
    free(file);
    return result;
}

/* out->bytes[0..x->size) holds the file (an ELF or a XEF image). */
static enum sim_error sim_image_parse_file(struct sim_image_ctx *x,
                                           const struct hv_partition_config *p,
                                           struct sim_image *out)
{
    out->size = x->size;
    if (x->size >= 4 && xef_be32(out->bytes) == XEF_SIGNATURE)
        return sim_image_load_xef(x, p, out);
    x->bytes = out->bytes;
    enum sim_error result = sim_image_parse_bytes(x, out);
    if (result != SIM_OK)
        sim_image_free(out);
    return result;
}

enum sim_error sim_image_load_for(const char *path, const struct hv_partition_config *p, FILE *diag,
                                  struct sim_image *out)
{
    struct sim_image_ctx x = {.path = path, .diag = diag};
    memset(out, 0, sizeof(*out));
    enum sim_error result = sim_image_read(&x, p, &out->bytes, &x.size);
    if (result != SIM_OK)
        return result;
    return sim_image_parse_file(&x, p, out);
}

enum sim_error sim_image_from_memory_for(const char *path, const uint8_t *bytes, size_t size,
                                         const struct hv_partition_config *p, FILE *diag,
                                         struct sim_image *out)
{
    struct sim_image_ctx x = {.path = path, .diag = diag, .size = size};
    memset(out, 0, sizeof(*out));
    out->bytes = malloc(size == 0 ? 1 : size);
    if (out->bytes == NULL) {
        sim_image_report(&x, "out of memory");
        return SIM_ERR_NO_MEMORY;
    }
    if (size != 0)
        memcpy(out->bytes, bytes, size);
    return sim_image_parse_file(&x, p, out);
}

enum sim_error sim_image_load(const char *path, FILE *diag, struct sim_image *out)
{
    return sim_image_load_for(path, NULL, diag, out);
}

uint32_t sim_image_section(const struct sim_image *img, const char *name, struct sim_section *out)
{
    uint32_t found = 0;
    size_t names;
    Elf *elf = img->xef.present ? NULL : elf_memory((char *)img->bytes, img->size);
    if (elf == NULL || elf_getshdrstrndx(elf, &names) != 0) {
        elf_end(elf);
        return 0;
    }
    for (Elf_Scn *scn = elf_nextscn(elf, NULL); scn != NULL; scn = elf_nextscn(elf, scn)) {
        GElf_Shdr sh;
        const char *sname = gelf_getshdr(scn, &sh) ? elf_strptr(elf, names, sh.sh_name) : NULL;
        if (sname == NULL || sh.sh_type != SHT_PROGBITS || strcmp(sname, name) != 0 ||
            sh.sh_offset + sh.sh_size > img->size)
            continue;
        if (found++ == 0)
            *out = (struct sim_section){(uint32_t)sh.sh_addr, (uint32_t)sh.sh_size,
                                        img->bytes + sh.sh_offset};
    }
    elf_end(elf);
    return found;
}

/* --- fitting an image into a partition ---------------------------------- */

/* The area the partition sees at [address, address + size), if any. An
 * unmapped area is invisible to the partition, so it cannot hold code. */
static const struct hv_mem_area *sim_image_find_area(const struct hv_partition_config *p,
                                                     const struct sim_segment *s)
{
    uint64_t end = (uint64_t)s->address + s->mem_size;
    for (uint32_t i = 0; i < p->area_count; i++) {
        const struct hv_mem_area *a = &p->areas[i];
        uint64_t area_end = (uint64_t)a->mapped_at + a->size;
        if ((a->flags & HV_AREA_UNMAPPED) == 0 && a->mapped_at <= s->address && end <= area_end)
            return a;
    }
    return NULL;
}

static const char *sim_image_part_label(const struct hv_partition_config *p, char *buf, size_t size)
{
    if (p->name[0] != '\0')
        snprintf(buf, size, "partition %u (%s)", (unsigned)p->id, p->name);
    else
        snprintf(buf, size, "partition %u", (unsigned)p->id);
    return buf;
}

/* "0x40100000-0x40200000, ..." : the partition's areas as it sees them,
 * so that a misplaced image says where it could go. */
static const char *sim_image_area_list(const struct hv_partition_config *p, char *buf, size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    for (uint32_t i = 0; i < p->area_count && used < size; i++) {
        const struct hv_mem_area *a = &p->areas[i];
        int n = snprintf(buf + used, size - used, "%s0x%08x-0x%08llx%s", i ? ", " : "",
                         (unsigned)a->mapped_at, (unsigned long long)a->mapped_at + a->size,
                         a->flags & HV_AREA_UNMAPPED ? " unmapped" : "");
        used += n > 0 ? (size_t)n : 0;
    }
    return p->area_count ? buf : "none";
}

/* A segment fits when one area holds it in the partition's view and, since
 * XtratuM loads at p_paddr, its physical address is where that area's
 * memory is (p_paddr - start == p_vaddr - mappedAt). */
static bool sim_image_segment_fits(const struct sim_image_ctx *x,
                                   const struct hv_partition_config *p, const struct sim_segment *s)
{
    const struct hv_mem_area *a = sim_image_find_area(p, s);
    char label[64], areas[256];
    unsigned long long end = (unsigned long long)s->address + s->mem_size;
    if (a == NULL) {
        sim_image_report(x, "segment 0x%08x-0x%08llx does not fit %s's memory areas (%s)",
                         (unsigned)s->address, end, sim_image_part_label(p, label, sizeof(label)),
                         sim_image_area_list(p, areas, sizeof areas));
        return false;
    }
    uint32_t expected = a->start + (s->address - a->mapped_at);
    if (s->physical != expected) {
        sim_image_report(x,
                         "segment 0x%08x-0x%08llx has physical address 0x%08x, but %s's area "
                         "holds it at 0x%08x",
                         (unsigned)s->address, end, (unsigned)s->physical,
                         sim_image_part_label(p, label, sizeof(label)), (unsigned)expected);
        return false;
    }
    return true;
}

enum sim_error sim_image_check_fits(const struct sim_image *img, const char *path,
                                    const struct hv_partition_config *p, FILE *diag)
{
    /* The first misplaced segment says what is wrong with the image: one
     * line, as for any other bad image. */
    struct sim_image_ctx x = {.path = path, .diag = diag};
    for (uint32_t i = 0; i < img->segment_count; i++)
        if (!sim_image_segment_fits(&x, p, &img->segments[i]))
            return SIM_ERR_IMAGE;
    return SIM_OK;
}

enum sim_error sim_image_check_range(const char *path, const char *what, uint32_t address,
                                     uint32_t size, const struct hv_partition_config *p, FILE *diag)
{
    struct sim_image_ctx x = {.path = path, .diag = diag};
    struct sim_segment s = {.address = address, .mem_size = size};
    char label[64], areas[256];
    if (sim_image_find_area(p, &s) != NULL)
        return SIM_OK;
    sim_image_report(&x, "%s 0x%08x-0x%08llx does not fit %s's memory areas (%s)", what,
                     (unsigned)address, (unsigned long long)address + size,
                     sim_image_part_label(p, label, sizeof(label)),
                     sim_image_area_list(p, areas, sizeof areas));
    return SIM_ERR_IMAGE;
}

void sim_image_free(struct sim_image *img)
{
    free(img->segments);
    free(img->bytes);
    memset(img, 0, sizeof(*img));
}
