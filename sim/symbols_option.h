/* sim/: the --elf ID=FILE option of `hvsim trace` and `hvsim view`: each
 * partition's ELF file, whose function symbols name the PCs of a recorded
 * trace (the trace file does not carry them). One parser, one help text and
 * the same messages for both commands. */
#ifndef SIM_SYMBOLS_OPTION_H
#define SIM_SYMBOLS_OPTION_H

#include "sim/common/cli_options.h"
#include "sim/common/sim_error.h"
#include "sim/common/symbols.h"
#include "sim/machine.h"

struct sim_symbols_option {
    struct sim_image_ref elves[HV_MAX_PARTITIONS];
    uint32_t count;
};

/* The option's help: a group for a sim_cli_spec's options. */
extern const struct sim_cli_option sim_symbols_option_help[];

/* One --elf value: 0, or SIM_CLI_EXIT_BAD_INPUT after one line "hvsim
 * CMD: --elf VALUE: expected ID=FILE". */
int sim_symbols_option_add(struct sim_symbols_option *option, const struct sim_cli_spec *spec,
                           const char *value);

/* The files' symbols into symbols[partition] (HV_MAX_PARTITIONS tables, to
 * free with sim_symbols_free_images) for a trace of `partitions` partitions. A
 * partition the trace does not have is SIM_ERR_USAGE; a file that cannot
 * be read or is not an ELF, the loader's error; each one line on stderr. */
enum sim_error sim_symbols_option_load(const struct sim_symbols_option *option,
                                       const struct sim_cli_spec *spec, uint32_t partitions,
                                       struct sim_symbols *symbols);

#endif
