/* sim/cli: the qemu engine's side of the hvsim command.
 *   hvsim run CONFIG.xml -p ID=IMAGE... --engine qemu [--mafs N] [--console FILE]
 *             [--prefix] [--trace FILE] [--hash]
 *   hvsim leon3-image CONFIG.xml -p ID=IMAGE... -o hv.elf [--board NAME] [--mafs N]
 * (sim/engine, docs/leon3.md). */
#define _POSIX_C_SOURCE 200809L /* mkdtemp */
#include "sim/cli/cmd_qemu.h"
#include "sim/cli/commands.h"
#include "sim/config/board_check.h"
#include "sim/config/config_load.h"
#include "sim/engine/qemu.h"
#include "sim/setup.h"
#include "sim/trace/trace_file.h"
#include <errno.h>
#include <hvcore/drivers.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static enum sim_error trace_to_file(struct sim_trace *trace, const struct hv_config *config,
                                    const char *path, FILE *diag)
{
    struct sim_trace_header header;
    enum sim_error error = sim_trace_header_from_config(&header, config, hv_board_qemu_leon3.name,
                                                        hv_board_qemu_leon3.cpu_khz);
    if (error != SIM_OK)
        return error;
    error = sim_trace_writer_open(&trace->writer, path, &header, diag);
    sim_trace_header_free(&header);
    return error;
}

static enum sim_error finish_trace(struct sim_trace *trace, FILE *diag)
{
    enum sim_error error = sim_trace_writer_close(trace->writer, trace->total, trace->hash, diag);
    trace->writer = NULL;
    if (trace->hash_log)
        sim_trace_print_hash(trace->hash_log, trace);
    return error;
}

int sim_qemu_run_command(const struct sim_qemu_command *c, const struct sim_config *loaded)
{
    const struct hv_config *config = sim_config_hv(loaded);
    struct sim_trace trace;
    sim_trace_init(&trace, false);
    enum sim_error error =
        sim_config_check_board(loaded, c->config_path, &hv_board_qemu_leon3, stderr);
    if (error == SIM_OK && c->trace_path)
        error = trace_to_file(&trace, config, c->trace_path, stderr);
    trace.hash_log = c->print_hashes ? stderr : NULL;
    struct sim_qemu_run run = {.config = config,
                               .images = c->images,
                               .image_count = c->image_count,
                               .mafs = c->mafs,
                               .console = c->console,
                               .console_prefix = c->console_prefix,
                               .trace = c->trace_path || c->print_hashes ? &trace : NULL};
    if (error == SIM_OK)
        error = sim_qemu_run(&run, stderr);
    enum sim_error finished = finish_trace(&trace, stderr);
    sim_trace_free(&trace);
    if (fflush(c->console) != 0) {
        fprintf(stderr, "hvsim: writing the console: %s\n", strerror(errno));
        finished = SIM_ERR_IO;
    }
    return sim_exit_status(error != SIM_OK ? error : finished);
}

/* hvsim leon3-image */
struct image_args {
    const char *config_path, *output;
    struct sim_image_ref images[HV_MAX_PARTITIONS];
    uint32_t image_count;
    const struct hv_board *board;
    uint64_t mafs;
};

static const struct sim_cli_option image_options[] = {
    {"-p", "ID=IMAGE.elf", "the ELF image of partition ID; every partition needs one"},
    {"-o", "FILE", "the bootable image to write (required)"},
    {"--board", "NAME", "qemu-leon3 (default) or xm-leon3: the board profile built in"},
    {"--mafs", "N", "shut down when major frame N starts (default 0: run for ever)"},
    {NULL, NULL, NULL},
};

const struct sim_cli_spec sim_cmd_leon3_image_spec = {
    .command = "leon3-image",
    .synopsis = "CONFIG.xml -p ID=IMAGE.elf [-p ID=IMAGE.elf...] -o hv.elf [OPTION...]",
    .summary = "Build the LEON3 image of a system: hvcore and its LEON3 port with the "
               "configuration compiled in; prints its size.",
    .options = {image_options},
    .details = "Boot it with qemu-system-sparc -M leon3_generic -kernel hv.elf and one -device "
               "loader,file=IMAGE.elf per partition (docs/leon3.md).\n",
};

static int parse_image_option(void *context, const char *option, const char *value)
{
    struct image_args *a = context;
    if (strcmp(option, "-o") == 0) {
        a->output = value;
    } else if (strcmp(option, "-p") == 0) {
        if (a->image_count == HV_MAX_PARTITIONS ||
            !sim_setup_parse_image(value, &a->images[a->image_count++]))
            return sim_usage_error("-p expects ID=IMAGE, got ", value);
    } else if (strcmp(option, "--board") == 0) {
        a->board = hv_board_find(value);
        if (!a->board)
            return sim_usage_error("unknown board (xm-leon3, qemu-leon3): ", value);
    } else {
        char *end;
        errno = 0;
        a->mafs = strtoull(value, &end, 10);
        if (errno != 0 || *end != '\0' || value[0] < '0' || value[0] > '9')
            return sim_usage_error("--mafs expects a number, got ", value);
    }
    return 0;
}

static int take_config(void *context, const char *text)
{
    struct image_args *a = context;
    if (a->config_path)
        return sim_usage_error("unexpected argument ", text);
    a->config_path = text;
    return 0;
}

static int parse_image_args(struct image_args *a, int argc, char **argv)
{
    int status =
        sim_cli_parse(&sim_cmd_leon3_image_spec, argc, argv, parse_image_option, take_config, a);
    if (status != 0)
        return status;
    if (!a->config_path || !a->output)
        return sim_usage_error("leon3-image needs CONFIG.xml and -o OUTPUT", NULL);
    return 0;
}

static enum sim_error build_image(const struct image_args *a, const struct hv_config *config)
{
    char dir[] = "/tmp/hvsim-image-XXXXXX", path[sizeof dir + 32];
    if (!mkdtemp(dir)) {
        fprintf(stderr, "hvsim: cannot make a work directory: %s\n", strerror(errno));
        return SIM_ERR_IO;
    }
    struct sim_leon3_options options = {
        .board = a->board ? a->board : &hv_board_qemu_leon3, .stop_mafs = a->mafs, .work_dir = dir};
    struct sim_leon3_size size;
    enum sim_error error = sim_leon3_image_build(config, a->images, a->image_count, &options,
                                                 a->output, &size, stderr);
    if (error == SIM_OK)
        printf("%s: hypervisor (core + LEON3 port) %u bytes, configuration %u bytes "
               "(text + data)\n",
               a->output, size.hypervisor, size.configuration);
    const char *files[] = {"leon3_config.c", "leon3_config.o"};
    for (size_t i = 0; i < 2; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, files[i]);
        unlink(path);
    }
    rmdir(dir);
    return error;
}

int sim_cmd_leon3_image(int argc, char **argv)
{
    struct image_args a = {0};
    int status = parse_image_args(&a, argc, argv);
    if (status != 0)
        return status == SIM_CLI_HELP_SHOWN ? 0 : status;
    struct sim_config *loaded = NULL;
    enum sim_error error = sim_config_load(a.config_path, stderr, &loaded);
    if (error == SIM_OK)
        error = sim_config_check_board(loaded, a.config_path,
                                       a.board ? a.board : &hv_board_qemu_leon3, stderr);
    if (error == SIM_OK)
        error = build_image(&a, sim_config_hv(loaded));
    sim_config_free(loaded);
    return sim_exit_status(error);
}
