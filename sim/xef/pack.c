/* sim/xef: hvsim pack build and list, XM-Q's xmpack: a container of the
 * hypervisor, its configuration and every partition with its custom files,
 * each a XEF file stored as given. Every file is verified before it goes in,
 * and with a configuration every partition image and custom file is checked
 * against the partition's memory areas as the simulator will load them. */
#include "sim/config/config_load.h"
#include "sim/image.h"
#include "sim/xef/xef_tool.h"
#include "xef/container.h"

#include <stdlib.h>
#include <string.h>

#define SIM_PACK_MAX_FILES (64 * 4)

struct sim_pack_file {
    const char *path;
    uint8_t *bytes; /* the XEF file */
    size_t size;
    struct sim_image image; /* verified and loaded */
};

struct sim_pack {
    struct sim_pack_file files[SIM_PACK_MAX_FILES];
    uint32_t file_count;
    struct xef_container_partition partitions[64];
};

static void sim_pack_free(struct sim_pack *p)
{
    for (uint32_t i = 0; i < p->file_count; i++) {
        free(p->files[i].bytes);
        sim_image_free(&p->files[i].image);
    }
}

/* Reads and verifies one file; its index in the container goes to *index. */
static enum sim_error sim_pack_add(struct sim_pack *p, const char *path, uint32_t want_type,
                                   const char *role, uint32_t *index, FILE *diag)
{
    if (p->file_count == SIM_PACK_MAX_FILES) {
        fprintf(diag, "%s: too many files\n", path);
        return SIM_ERR_USAGE;
    }
    struct sim_pack_file *f = &p->files[p->file_count];
    f->path = path;
    enum sim_error error = sim_image_read_file(path, diag, &f->bytes, &f->size);
    if (error == SIM_OK)
        error = sim_image_from_xef(path, NULL, f->bytes, f->size, diag, &f->image);
    *index = p->file_count++;
    if (error == SIM_OK && want_type != XEF_TYPE_MASK &&
        (f->image.xef.flags & XEF_TYPE_MASK) != want_type) {
        fprintf(diag, "%s: is not a %s XEF\n", path, role);
        error = SIM_ERR_IMAGE;
    }
    return error;
}

static enum sim_error sim_pack_collect(struct sim_pack *p, const struct sim_pack_part *parts,
                                       uint32_t count, FILE *diag)
{
    enum sim_error error = SIM_OK;
    for (uint32_t i = 0; i < count && error == SIM_OK; i++) {
        struct xef_container_partition *cp = &p->partitions[i];
        bool core = i == 0;
        cp->id = parts[i].id;
        /* The core's type is not checked: on the host, hvsim runs its own hvcore. */
        error = sim_pack_add(p, parts[i].image, core ? XEF_TYPE_MASK : XEF_TYPE_PARTITION,
                             "partition image", &cp->file, diag);
        for (uint32_t k = 0; k < parts[i].custom_file_count && error == SIM_OK; k++)
            error = sim_pack_add(p, parts[i].custom_files[k], XEF_TYPE_CUSTOMFILE, "custom-file",
                                 &cp->custom_files[cp->custom_file_count++], diag);
    }
    return error;
}

/* --- checks against the configuration ----------------------------------- */

static enum sim_error sim_pack_check_custom(const struct sim_pack_file *image,
                                            const struct sim_pack_file *custom, uint32_t slot,
                                            const struct hv_partition_config *part, FILE *diag)
{
    struct xef_custom_file where = image->image.xef.custom_files[slot];
    uint64_t size = custom->image.size;
    if (where.size != 0 && size > where.size) {
        fprintf(diag, "%s: custom file %u holds %llu bytes, but %s's slot holds %u\n", custom->path,
                (unsigned)slot, (unsigned long long)size, image->path, (unsigned)where.size);
        return SIM_ERR_IMAGE;
    }
    char what[32];
    snprintf(what, sizeof(what), "custom file %u", (unsigned)slot);
    return sim_image_check_range(custom->path, what, where.address, (uint32_t)size, part, diag);
}

static enum sim_error sim_pack_check_partition(const struct sim_pack *p,
                                               const struct xef_container_partition *cp,
                                               const struct hv_config *config, FILE *diag)
{
    const struct sim_pack_file *image = &p->files[cp->file];
    if (cp->id < 0 || (uint32_t)cp->id >= config->partition_count) {
        fprintf(diag, "%s: the configuration has no partition %d\n", image->path, (int)cp->id);
        return SIM_ERR_USAGE;
    }
    const struct hv_partition_config *part = &config->partitions[cp->id];
    enum sim_error error = sim_image_check_fits(&image->image, image->path, part, diag);
    if (error == SIM_OK && cp->custom_file_count > image->image.xef.custom_file_count) {
        fprintf(diag, "%s: %u custom files given, its image header declares %u\n", image->path,
                (unsigned)cp->custom_file_count, (unsigned)image->image.xef.custom_file_count);
        error = SIM_ERR_USAGE;
    }
    for (uint32_t k = 0; k < cp->custom_file_count && error == SIM_OK; k++)
        error = sim_pack_check_custom(image, &p->files[cp->custom_files[k]], k, part, diag);
    return error;
}

static enum sim_error sim_pack_check(const struct sim_pack *p, uint32_t count, FILE *diag)
{
    const struct xef_container_partition *core = &p->partitions[0];
    if (core->custom_file_count == 0)
        return SIM_OK; /* no configuration to check against */
    const struct sim_pack_file *cf = &p->files[core->custom_files[0]];
    struct sim_config *config = NULL;
    enum sim_error error = sim_config_load_memory(cf->path, (const char *)cf->image.bytes,
                                                  cf->image.size, diag, &config);
    for (uint32_t i = 1; i < count && error == SIM_OK; i++) {
        for (uint32_t j = 1; j < i; j++)
            if (p->partitions[j].id == p->partitions[i].id) {
                fprintf(diag, "hvsim: partition %d given twice\n", (int)p->partitions[i].id);
                error = SIM_ERR_USAGE;
            }
        if (error == SIM_OK)
            error = sim_pack_check_partition(p, &p->partitions[i], sim_config_hv(config), diag);
    }
    sim_config_free(config);
    return error;
}

/* --- writing -------------------------------------------------------------- */

static const char *sim_pack_basename(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash != NULL ? slash + 1 : path;
}

static enum sim_error sim_pack_write(const struct sim_pack *p, uint32_t count, const char *output,
                                     FILE *out, FILE *diag)
{
    struct xef_container_input inputs[SIM_PACK_MAX_FILES];
    for (uint32_t i = 0; i < p->file_count; i++)
        inputs[i] = (struct xef_container_input){sim_pack_basename(p->files[i].path),
                                                 p->files[i].bytes, (uint32_t)p->files[i].size};
    struct xef_container_build b = {p->partitions, count, inputs, p->file_count};
    size_t bound = xef_container_write_bound(&b), size = 0;
    uint8_t *bytes = malloc(bound);
    if (bytes == NULL || xef_container_write(&b, bytes, bound, &size) != XEF_OK) {
        free(bytes);
        fprintf(diag, "%s: the container would not fit in 4 GiB (or out of memory)\n", output);
        return SIM_ERR_NO_MEMORY;
    }
    enum sim_error error = sim_xef_write_file(output, bytes, size, diag);
    if (error == SIM_OK) {
        for (unsigned i = 0; i < XEF_MD5_BYTES; i++)
            fprintf(out, "%02x", bytes[XEF_CONTAINER_DIGEST_OFFSET + i]);
        fprintf(out, " %s\n", output);
    }
    free(bytes);
    return error;
}

enum sim_error sim_pack_build(const struct sim_pack_part *parts, uint32_t count, const char *output,
                              FILE *out, FILE *diag)
{
    static struct sim_pack pack;
    memset(&pack, 0, sizeof(pack));
    if (count == 0 || count > sizeof(pack.partitions) / sizeof(pack.partitions[0])) {
        fprintf(diag, "hvsim: a container holds the hypervisor and 1 to 63 partitions\n");
        return SIM_ERR_USAGE;
    }
    enum sim_error error = sim_pack_collect(&pack, parts, count, diag);
    if (error == SIM_OK)
        error = sim_pack_check(&pack, count, diag);
    if (error == SIM_OK)
        error = sim_pack_write(&pack, count, output, out, diag);
    sim_pack_free(&pack);
    return error;
}

/* --- listing -------------------------------------------------------------- */

static void sim_pack_print_partition(const struct xef_container *c, uint32_t i, FILE *out)
{
    struct xef_container_partition p = xef_container_partition_at(c, i);
    if (i == 0)
        fprintf(out, "    <XMHypervisor file=\"%u\">\n", (unsigned)p.file);
    else
        fprintf(out, "    <Partition id=\"%d\" file=\"%u\">\n", (int)p.id, (unsigned)p.file);
    for (uint32_t k = 0; k < p.custom_file_count; k++)
        fprintf(out, "        <CustomFile file=\"%u\" />\n", (unsigned)p.custom_files[k]);
    fputs(i == 0 ? "    </XMHypervisor>\n" : "    </Partition>\n", out);
}

static enum sim_error sim_pack_check_file(const char *path, const struct xef_container *c,
                                          uint32_t i, FILE *diag)
{
    struct xef_container_file f = xef_container_file_at(c, i);
    char label[300];
    snprintf(label, sizeof(label), "file %u (%s)", (unsigned)i, xef_container_file_name(c, i));
    struct sim_image img;
    enum sim_error error =
        sim_image_from_xef(path, label, xef_container_file_data(c, i), f.size, diag, &img);
    sim_image_free(&img);
    return error;
}

static enum sim_error sim_pack_print(const char *path, const struct xef_container *c,
                                     bool check_files, FILE *out, FILE *diag)
{
    fputs("Digest: ", out);
    for (unsigned i = 0; i < XEF_MD5_BYTES; i++)
        fprintf(out, "%02x", c->digest[i]);
    fprintf(out, " %s Ok\n<Container file=\"%s\" version=\"1.0.0\" flags=\"0x%x\">\n", path, path,
            (unsigned)c->flags);
    for (uint32_t i = 0; i < c->partition_count; i++)
        sim_pack_print_partition(c, i, out);
    fputs("    <FileTable>\n", out);
    enum sim_error error = SIM_OK;
    for (uint32_t i = 0; i < c->file_count && error == SIM_OK; i++) {
        struct xef_container_file f = xef_container_file_at(c, i);
        fprintf(out, "        <File entry=\"%u\" name=\"%s\" offset=\"0x%x\" size=\"%u\" />\n",
                (unsigned)i, xef_container_file_name(c, i), (unsigned)f.offset, (unsigned)f.size);
        if (check_files)
            error = sim_pack_check_file(path, c, i, diag);
    }
    fputs("    </FileTable>\n</Container>\n", out);
    return error;
}

enum sim_error sim_pack_list(const char *path, bool check_files, FILE *out, FILE *diag)
{
    uint8_t *bytes = NULL;
    size_t size = 0;
    enum sim_error error = sim_image_read_file(path, diag, &bytes, &size);
    if (error != SIM_OK)
        return error;
    struct xef_container c;
    enum xef_status status = xef_container_parse(bytes, size, &c);
    if (status != XEF_OK) {
        fprintf(diag, "%s: %s\n", path, xef_strerror(status));
        error = SIM_ERR_IMAGE;
    } else {
        error = sim_pack_print(path, &c, check_files, out, diag);
    }
    free(bytes);
    return error;
}
