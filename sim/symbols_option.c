/* sim/: --elf ID=FILE, shared by `hvsim trace` and `hvsim view`. */
#include "sim/symbols_option.h"
#include "sim/setup.h"
#include "sim/symbols_elf.h"

const struct sim_cli_option sim_symbols_option_help[] = {
    {"--elf", "ID=FILE",
     "partition ID's ELF file, whose function symbols name the PCs of the trace "
     "(0x4000107c <main+0x1c>); repeat it per partition. For a XEF image, the ELF it was "
     "packed from"},
    {NULL, NULL, NULL},
};

int sim_symbols_option_add(struct sim_symbols_option *option, const struct sim_cli_spec *spec,
                           const char *value)
{
    if (option->count == HV_MAX_PARTITIONS ||
        !sim_setup_parse_image(value, &option->elves[option->count]))
        return sim_cli_error(spec, "--elf %s: expected ID=FILE", value);
    option->count++;
    return 0;
}

enum sim_error sim_symbols_option_load(const struct sim_symbols_option *option,
                                       const struct sim_cli_spec *spec, uint32_t partitions,
                                       struct sim_symbols *symbols)
{
    for (uint32_t i = 0; i < option->count; i++) {
        const struct sim_image_ref *elf = &option->elves[i];
        if (elf->partition >= partitions) {
            sim_cli_error(spec, "--elf %u=%s: the trace has partitions 0..%u only", elf->partition,
                          elf->path, partitions - 1);
            return SIM_ERR_USAGE;
        }
        enum sim_error error = sim_symbols_load_elf(elf->path, &symbols[elf->partition], stderr);
        if (error != SIM_OK)
            return error;
    }
    return SIM_OK;
}
