/* sim/: a partition ELF's function symbols (sim/common/symbols.h) with
 * libelf: the STT_FUNC entries of .symtab with a size, for notices and
 * the trace exporters ("0x4000107c <main+0x1c>"). An image without a
 * symbol table gives an empty table: PCs stay plain hex. */
#include "sim/symbols_elf.h"
#include "sim/image.h"

#include <gelf.h>
#include <libelf.h>
#include <stdlib.h>

static bool add_functions(Elf *elf, Elf_Scn *section, const GElf_Shdr *header,
                          struct sim_symbols *out)
{
    Elf_Data *data = elf_getdata(section, NULL);
    size_t count = header->sh_entsize ? header->sh_size / header->sh_entsize : 0;
    for (size_t i = 0; data && i < count; i++) {
        GElf_Sym sym;
        if (!gelf_getsym(data, (int)i, &sym))
            return false;
        const char *name = elf_strptr(elf, header->sh_link, sym.st_name);
        if (GELF_ST_TYPE(sym.st_info) != STT_FUNC || sym.st_size == 0 || !name || !name[0])
            continue;
        if (!sim_symbols_add(out, (uint32_t)sym.st_value, (uint32_t)sym.st_size, name))
            return false;
    }
    return true;
}

enum sim_error sim_symbols_load_elf(const char *path, struct sim_symbols *out, FILE *diag)
{
    uint8_t *bytes;
    size_t size;
    enum sim_error error = sim_image_read_file(path, diag, &bytes, &size);
    if (error != SIM_OK)
        return error;
    elf_version(EV_CURRENT);
    Elf *elf = elf_memory((char *)bytes, size);
    bool ok = elf && elf_kind(elf) == ELF_K_ELF;
    for (Elf_Scn *s = NULL; ok && (s = elf_nextscn(elf, s)) != NULL;) {
        GElf_Shdr header;
        if (gelf_getshdr(s, &header) && header.sh_type == SHT_SYMTAB)
            ok = add_functions(elf, s, &header, out);
    }
    if (elf)
        elf_end(elf);
    free(bytes);
    if (!ok && diag) {
        fprintf(diag, "%s: not an ELF file with a readable symbol table\n", path);
    }
    if (!ok) {
        sim_symbols_free(out);
        return SIM_ERR_IMAGE;
    }
    sim_symbols_sort(out);
    return SIM_OK;
}

void sim_symbols_load_images(const struct sim_image_ref *images, uint32_t count,
                             struct sim_symbols *symbols)
{
    for (uint32_t i = 0; i < count; i++) {
        const struct sim_image_ref *image = &images[i];
        if (image->partition < HV_MAX_PARTITIONS && !image->xef.bytes)
            sim_symbols_load_elf(image->path, &symbols[image->partition], NULL);
    }
}

void sim_symbols_free_images(struct sim_symbols *symbols)
{
    for (uint32_t p = 0; p < HV_MAX_PARTITIONS; p++)
        sim_symbols_free(&symbols[p]);
}
