/* hvsim: the command line.
 *   hvsim run CONFIG.xml -p ID=IMAGE... [--mafs N] [--cost NAME=CYCLES,...]
 *             [--board NAME] [--console FILE] [--prefix] [--uart-in FILE]
 *             [--trace FILE] [--hash]
 *   hvsim check CONFIG.xml
 *   hvsim trace | scenario | bench ... (sim/trace_export.c, scenario_runner.c, bench_paper.c)
 * Exit status: 0 success, 2 bad input (usage, configuration, image),
 * 3 the simulation itself failed. */
#include "sim/bench.h"
#include "sim/config_load.h"
#include "sim/machine.h"
#include "sim/scenario.h"
#include "sim/setup.h"
#include "sim/trace_export.h"
#include <errno.h>
#include <hvcore/drivers.h>
#include <stdlib.h>
#include <string.h>

#define EXIT_BAD_INPUT 2
#define EXIT_SIM_FAILED 3
#define MAX_IMAGES 64
#define MAX_COST_OPTIONS 16

struct run_args {
    const char *config_path;
    struct sim_image_ref images[MAX_IMAGES];
    uint32_t image_count;
    uint64_t mafs;
    struct sim_costs costs;
    const struct hv_board *board;
    const char *console_path; /* NULL: standard output */
    const char *uart_input_path;
    bool console_prefix;
    /* --cost texts, applied over the configuration's own costs */
    const char *cost_texts[MAX_COST_OPTIONS];
    uint32_t cost_count;
    const char *trace_path; /* --trace FILE: the binary trace (docs/trace.md) */
    bool print_hashes;      /* --hash: trace hashes per MAF and at the end, on stderr */
};

static int usage_error(const char *message, const char *detail)
{
    fprintf(stderr, "hvsim: %s%s\n", message, detail ? detail : "");
    return EXIT_BAD_INPUT;
}

static void print_usage(FILE *out)
{
    fputs("usage: hvsim run CONFIG.xml -p ID=IMAGE.elf [-p ID=IMAGE.elf ...] [--mafs N]\n"
          "                  [--cost NAME=CYCLES[,NAME=CYCLES...]] [--board xm-leon3|qemu-leon3]\n"
          "                  [--console FILE] [--prefix] [--uart-in FILE] [--trace FILE] [--hash]\n"
          "       hvsim check CONFIG.xml\n"
          "       hvsim trace FILE [--text OUT|-] [--json OUT|-]\n"
          "       hvsim scenario DIR... [--build-dir DIR] [-j N] [--junit FILE] [--update]\n"
          "       hvsim bench paper [--mafs N] [--case K]... [-j N] [--build-dir DIR]\n"
          "                         [--paper-dir DIR]\n"
          "Images are named per partition id as xmpack does (ID=FILE or ID:FILE).\n"
          "Cost names: entry, hypercall, context-switch, io-access (cycles; see "
          "docs/simulator.md).\n"
          "--prefix starts each console line with its virtual time and writer.\n"
          "--trace writes the event trace (docs/trace.md); --hash prints trace hashes per\n"
          "major frame and at the end on standard error.\n",
          out);
}

static bool parse_u64(const char *text, uint64_t *value)
{
    char *end;
    if (text[0] < '0' || text[0] > '9')
        return false;
    errno = 0;
    unsigned long long v = strtoull(text, &end, 10);
    if (errno != 0 || *end != '\0')
        return false;
    *value = v;
    return true;
}

/* "ID=FILE" or "ID:FILE" */
static bool parse_image(const char *text, struct sim_image_ref *ref)
{
    const char *sep = strpbrk(text, "=:");
    char id[16];
    uint64_t value;
    if (!sep || sep == text || (size_t)(sep - text) >= sizeof id || sep[1] == '\0')
        return false;
    memcpy(id, text, (size_t)(sep - text));
    id[sep - text] = '\0';
    if (!parse_u64(id, &value) || value >= 1024)
        return false;
    ref->partition = (uint32_t)value;
    ref->path = sep + 1;
    return true;
}

/* Options that take a file or a name. */
static int parse_named_option(struct run_args *args, const char *option, const char *value)
{
    if (strcmp(option, "--board") == 0) {
        args->board = hv_board_find(value);
        return args->board ? 0 : usage_error("unknown board (xm-leon3, qemu-leon3): ", value);
    }
    if (strcmp(option, "--console") == 0) {
        args->console_path = value;
        return 0;
    }
    if (strcmp(option, "--uart-in") == 0) {
        args->uart_input_path = value;
        return 0;
    }
    if (strcmp(option, "--trace") == 0) {
        args->trace_path = value;
        return 0;
    }
    return usage_error("unknown option ", option);
}

static int parse_option(struct run_args *args, int argc, char **argv, int *i)
{
    const char *option = argv[*i];
    if (strcmp(option, "--prefix") == 0) {
        args->console_prefix = true;
        return 0;
    }
    if (strcmp(option, "--hash") == 0) {
        args->print_hashes = true;
        return 0;
    }
    if (*i + 1 >= argc)
        return usage_error("missing value after ", option);
    const char *value = argv[++*i];
    if (strcmp(option, "-p") == 0) {
        if (args->image_count == MAX_IMAGES)
            return usage_error("too many images", NULL);
        if (!parse_image(value, &args->images[args->image_count++]))
            return usage_error("-p expects ID=IMAGE, got ", value);
        return 0;
    }
    if (strcmp(option, "--mafs") == 0) {
        if (!parse_u64(value, &args->mafs))
            return usage_error("--mafs expects a number, got ", value);
        return 0;
    }
    if (strcmp(option, "--cost") == 0) {
        if (args->cost_count == MAX_COST_OPTIONS)
            return usage_error("too many --cost options", NULL);
        args->cost_texts[args->cost_count++] = value;
        if (!sim_setup_parse_costs(value, &args->costs))
            return usage_error("--cost expects NAME=CYCLES[,...] with NAME entry, hypercall, "
                               "context-switch or io-access, got ",
                               value);
        if (args->costs.io_access == 0)
            return usage_error("--cost io-access must be at least 1: the drivers poll device "
                               "registers, and time must pass while they do",
                               NULL);
        return 0;
    }
    return parse_named_option(args, option, value);
}

static int parse_run_args(struct run_args *args, int argc, char **argv)
{
    args->mafs = 1;
    sim_setup_default_costs(&args->costs);
    for (int i = 0; i < argc; i++) {
        if (argv[i][0] == '-') {
            int status = parse_option(args, argc, argv, &i);
            if (status != 0)
                return status;
        } else if (!args->config_path) {
            args->config_path = argv[i];
        } else {
            return usage_error("unexpected argument ", argv[i]);
        }
    }
    if (!args->config_path)
        return usage_error("run needs a configuration file", NULL);
    return 0;
}

static int exit_status(enum sim_error error)
{
    switch (error) {
    case SIM_OK:
        return 0;
    case SIM_ERR_CPU:
    case SIM_ERR_NO_MEMORY:
        return EXIT_SIM_FAILED;
    default:
        return EXIT_BAD_INPUT;
    }
}

static FILE *open_or_complain(const char *option, const char *path, const char *mode)
{
    FILE *file = fopen(path, mode);
    if (!file)
        fprintf(stderr, "%s: cannot open (%s): %s\n", path, option, strerror(errno));
    return file;
}

static int run_with_options(const struct run_args *args, const struct hv_config *config,
                            struct sim_options *options)
{
    struct sim_machine *machine = NULL;
    enum sim_error error =
        sim_machine_create(&machine, config, args->images, args->image_count, options, stderr);
    if (error == SIM_OK && args->trace_path)
        error = sim_machine_trace_to_file(machine, args->trace_path, stderr);
    if (error == SIM_OK && args->print_hashes)
        sim_machine_trace_hashes(machine, stderr);
    if (error == SIM_OK)
        error = sim_machine_run_mafs(machine, args->mafs, stderr);
    if (error == SIM_OK)
        sim_machine_drain_console(machine);
    if (machine) {
        enum sim_error finished = sim_machine_trace_finish(machine, stderr);
        error = error == SIM_OK ? finished : error;
    }
    sim_machine_destroy(machine);
    if (fflush(options->console) != 0) {
        fprintf(stderr, "hvsim: writing the console: %s\n", strerror(errno));
        error = SIM_ERR_IO;
    }
    return exit_status(error);
}

/* Costs and board: the defaults, the configuration's <hvsim:Simulator>,
 * then the command line's --cost and --board (docs/simulator.md). */
static void apply_command_line(const struct run_args *args, const struct sim_config *config,
                               struct sim_options *options)
{
    sim_setup_default_costs(&options->costs);
    sim_setup_apply_config(options, sim_config_simulator(config));
    for (uint32_t i = 0; i < args->cost_count; i++)
        sim_setup_parse_costs(args->cost_texts[i], &options->costs); /* checked when parsed */
    if (args->board)
        options->board = args->board;
}

static int run_loaded(const struct run_args *args, const struct sim_config *loaded)
{
    const struct hv_config *config = sim_config_hv(loaded);
    struct sim_options options = {.console = stdout, .console_prefix = args->console_prefix};
    apply_command_line(args, loaded, &options);
    if (args->console_path)
        options.console = open_or_complain("--console", args->console_path, "w");
    if (args->uart_input_path)
        options.uart_input = open_or_complain("--uart-in", args->uart_input_path, "rb");
    int status = EXIT_BAD_INPUT;
    if (options.console && (options.uart_input || !args->uart_input_path))
        status = run_with_options(args, config, &options);
    if (options.console && options.console != stdout)
        fclose(options.console);
    if (options.uart_input)
        fclose(options.uart_input);
    return status;
}

static int command_run(int argc, char **argv)
{
    struct run_args args = {0};
    int status = parse_run_args(&args, argc, argv);
    if (status != 0)
        return status;
    struct sim_config *config = NULL;
    enum sim_error error = sim_config_load(args.config_path, stderr, &config);
    if (error != SIM_OK)
        return exit_status(error);
    status = run_loaded(&args, config);
    sim_config_free(config);
    return status;
}

static int command_check(int argc, char **argv)
{
    if (argc != 1)
        return usage_error("check needs exactly one configuration file", NULL);
    struct sim_config *config = NULL;
    enum sim_error error = sim_config_load(argv[0], stderr, &config);
    sim_config_free(config);
    return exit_status(error);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        print_usage(stderr);
        return EXIT_BAD_INPUT;
    }
    if (strcmp(argv[1], "run") == 0)
        return command_run(argc - 2, argv + 2);
    if (strcmp(argv[1], "check") == 0)
        return command_check(argc - 2, argv + 2);
    if (strcmp(argv[1], "trace") == 0)
        return sim_trace_command(argc - 2, argv + 2);
    if (strcmp(argv[1], "scenario") == 0)
        return sim_scenario_command(argc - 2, argv + 2);
    if (strcmp(argv[1], "bench") == 0)
        return sim_bench_command(argc - 2, argv + 2);
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        print_usage(stdout);
        return 0;
    }
    return usage_error("unknown command ", argv[1]);
}
