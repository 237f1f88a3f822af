/* sim/cli: `hvsim run --engine qemu` and `hvsim leon3-image` (cmd_qemu.c). */
#ifndef SIM_CLI_CMD_QEMU_H
#define SIM_CLI_CMD_QEMU_H

#include "sim/common/cli_options.h"
#include "sim/config/config_load.h"
#include "sim/machine.h"
#include <stdbool.h>
#include <stdio.h>

/* What `hvsim run` parsed that the qemu engine uses. */
struct sim_qemu_command {
    const char *config_path;
    const struct sim_image_ref *images;
    uint32_t image_count;
    uint64_t mafs;
    FILE *console;
    bool console_prefix;
    const char *trace_path;
    bool print_hashes;
};

int sim_qemu_run_command(const struct sim_qemu_command *command, const struct sim_config *loaded);
int sim_cmd_leon3_image(int argc, char **argv);
extern const struct sim_cli_spec sim_cmd_leon3_image_spec;

#endif
