/* hvsim run CONFIG.xml -p ID=IMAGE... | --container FILE [--mafs N] [--cost NAME=CYCLES,...]
 *           [--board NAME] [--console FILE] [--prefix] [--uart-in FILE]
 *           [--uart2-in FILE] [--uart2-out FILE] [--trace FILE] [--hash]
 *           [--gui | --png OUT.png [--from T] [--to T] [--size WxH]] [--engine sim|qemu]
 *           [--gdb ADDRESS [--gdb-wait]] [--itrace SPEC] [--no-fault-report]
 * A system from its configuration and partition images, for N major
 * frames, on the simulator (sim/machine.h); the timeline options are the
 * GUI's (gui/cli.h). */
#include "gui/cli.h"
#include "sim/cli/cmd_qemu.h"
#include "sim/cli/commands.h"
#include "sim/common/files.h"
#include "sim/config/board_check.h"
#include "sim/config/config_load.h"
#include "sim/container.h"
#include "sim/gdb/fault_report.h"
#include "sim/gdb/gdb.h"
#include "sim/gdb/itrace.h"
#include "sim/machine.h"
#include "sim/setup.h"
#include "sim/symbols_elf.h"
#include <errno.h>
#include <hvcore/drivers.h>
#include <stdlib.h>
#include <string.h>

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
    const char *uart2_input_path;  /* bytes UART2 receives */
    const char *uart2_output_path; /* bytes UART2 sends */
    bool console_prefix;
    struct gui_cli gui; /* --gui, --png and the image's options */
    /* --cost texts, applied over the configuration's own costs */
    const char *cost_texts[MAX_COST_OPTIONS];
    uint32_t cost_count;
    const char *trace_path;     /* --trace FILE: the binary trace (docs/trace.md) */
    const char *container_path; /* --container FILE: the images (docs/xef.md) */
    bool print_hashes;          /* --hash: trace hashes per MAF and at the end, on stderr */
    bool engine_qemu;           /* --engine qemu: the LEON3 image under QEMU (cmd_qemu.c) */
    struct sim_gdb_options gdb; /* --gdb ADDRESS, --gdb-wait (docs/debugging.md) */
    bool no_fault_report;       /* --no-fault-report: notices only, no reports after them */
    bool quiet_hypercalls;      /* --quiet-hypercalls: no notices of failed hypercalls */
    const char *itrace;         /* --itrace PARTITION[:FROM-TO] */
    struct sim_itrace_options itrace_options;
};

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

/* Options that take a file or a name. */
static int parse_named_option(struct run_args *args, const char *option, const char *value)
{
    const struct {
        const char *name;
        const char **path;
    } paths[] = {
        {"--console", &args->console_path},
        {"--uart-in", &args->uart_input_path},
        {"--uart2-in", &args->uart2_input_path},
        {"--uart2-out", &args->uart2_output_path},
    };
    if (strcmp(option, "--board") == 0) {
        args->board = hv_board_find(value);
        return args->board ? 0 : sim_usage_error("unknown board (xm-leon3, qemu-leon3): ", value);
    }
    for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
        if (strcmp(option, paths[i].name) == 0) {
            *paths[i].path = value;
            return 0;
        }
    }
    if (strcmp(option, "--trace") == 0) {
        args->trace_path = value;
        return 0;
    }
    if (strcmp(option, "--engine") == 0) {
        if (strcmp(value, "qemu") != 0 && strcmp(value, "sim") != 0)
            return sim_usage_error("--engine expects sim or qemu, got ", value);
        args->engine_qemu = strcmp(value, "qemu") == 0;
        return 0;
    }
    if (strcmp(option, "--container") == 0) {
        args->container_path = value;
        return 0;
    }
    if (strcmp(option, "--itrace") == 0) {
        args->itrace = value;
        return sim_itrace_parse(value, &args->itrace_options)
                   ? 0
                   : sim_usage_error("--itrace expects PARTITION[:FROM-TO] (FROM-TO in us, or "
                                     "0x addresses), got ",
                                     value);
    }
    if (strcmp(option, "--gdb") == 0) {
        args->gdb.address = value;
        return sim_gdb_address_valid(value)
                   ? 0
                   : sim_usage_error("--gdb expects :PORT, HOST:PORT or a socket path, got ",
                                     value);
    }
    return sim_usage_error("unknown option ", option);
}

static const struct sim_cli_option run_options[] = {
    {"-p", "ID=IMAGE.elf",
     "the image of partition ID, an ELF or a XEF file (also ID:IMAGE, as xmpack names "
     "them); every partition needs one"},
    {"--container", "FILE",
     "the partitions' images and custom files from an XtratuM container (hvsim pack; "
     "docs/xef.md)"},
    {"--mafs", "N", "run until N major frames have started (default 1)"},
    {"--cost", "NAME=CYCLES[,...]",
     "hypervisor costs over the configuration's: entry, hypercall, "
     "context-switch, io-access (docs/simulator.md)"},
    {"--board", "NAME", "xm-leon3 or qemu-leon3, over the configuration's"},
    {"--console", "FILE", "console output to FILE instead of standard output"},
    {"--prefix", NULL, "start each console line with its virtual time and writer"},
    {"--uart-in", "FILE", "bytes the console UART (UART1) receives"},
    {"--uart2-in", "FILE", "bytes UART2, the partitions' UART, receives (xm-leon3 only)"},
    {"--uart2-out", "FILE", "bytes UART2 sends (xm-leon3 only)"},
    {"--trace", "FILE", "write the event trace to FILE (docs/trace.md; hvsim trace, hvsim view)"},
    {"--hash", NULL, "print trace hashes per major frame and at the end on standard error"},
    {"--gdb", "ADDRESS",
     "serve GDB on :PORT, HOST:PORT or a Unix socket path; partitions are threads "
     "(docs/debugging.md)"},
    {"--gdb-wait", NULL, "with --gdb: wait for GDB before the first instruction"},
    {"--itrace", "PARTITION[:FROM-TO]",
     "print each instruction the partition runs (address, disassembly, cycle, symbol) on "
     "standard error, in a time range in us or an address range 0xFROM-0xTO; slow, same "
     "timing"},
    {"--no-fault-report", NULL,
     "notices only: no fault report (registers, the instruction, a symbolised backtrace, "
     "a stack overflow) after a partition's HM event (docs/debugging.md)"},
    {"--fault-report", NULL, "the fault reports, the default"},
    {"--quiet-hypercalls", NULL,
     "no notices of failed hypercalls (a partition's call that returned an error code, "
     "once per call site and a count at the end; docs/simulator.md)"},
    {"--engine", "sim|qemu",
     "sim (default): the simulator; qemu: the LEON3 image under qemu-system-sparc, board "
     "qemu-leon3 (docs/leon3.md)"},
    {NULL, NULL, NULL},
};

const struct sim_cli_spec sim_cmd_run_spec = {
    .command = "run",
    .synopsis = "CONFIG.xml -p ID=IMAGE.elf|.xef [-p ...] | --container FILE [--mafs N] "
                "[OPTION...]",
    .summary = "Run a system, its XM_CF configuration and one ELF image per partition, for N "
               "major frames on the simulator.",
    .options = {run_options, gui_cli_options},
    .details = "Partition console output goes to standard output, hypervisor notices (a "
               "partition's fault, say) to standard error, each HM event's with a fault report "
               "(--no-fault-report: without; the qemu engine has notices only). Exit status: 0 "
               "success, 2 bad input "
               "(command line, configuration, image), 3 the simulation itself failed "
               "(docs/simulator.md).\n",
};

static int set_flag(struct run_args *args, const char *option)
{
    if (strcmp(option, "--prefix") == 0)
        args->console_prefix = true;
    else if (strcmp(option, "--hash") == 0)
        args->print_hashes = true;
    else if (strcmp(option, "--gdb-wait") == 0)
        args->gdb.wait = true;
    else if (strcmp(option, "--no-fault-report") == 0)
        args->no_fault_report = true;
    else if (strcmp(option, "--fault-report") == 0)
        args->no_fault_report = false;
    else if (strcmp(option, "--quiet-hypercalls") == 0)
        args->quiet_hypercalls = true;
    return 0;
}

static int parse_option(void *context, const char *option, const char *value)
{
    struct run_args *args = context;
    int gui_option = gui_cli_set(&args->gui, option, value);
    if (gui_option != 0)
        return gui_option > 0 ? 0 : SIM_EXIT_BAD_INPUT;
    if (!value)
        return set_flag(args, option);
    if (strcmp(option, "-p") == 0) {
        if (args->image_count == MAX_IMAGES)
            return sim_usage_error("too many images", NULL);
        if (!sim_setup_parse_image(value, &args->images[args->image_count++]))
            return sim_usage_error("-p expects ID=IMAGE, got ", value);
        return 0;
    }
    if (strcmp(option, "--mafs") == 0) {
        if (!parse_u64(value, &args->mafs))
            return sim_usage_error("--mafs expects a number, got ", value);
        return 0;
    }
    if (strcmp(option, "--cost") == 0) {
        if (args->cost_count == MAX_COST_OPTIONS)
            return sim_usage_error("too many --cost options", NULL);
        args->cost_texts[args->cost_count++] = value;
        if (!sim_setup_parse_costs(value, &args->costs))
            return sim_usage_error("--cost expects NAME=CYCLES[,...] with NAME entry, hypercall, "
                                   "context-switch or io-access, got ",
                                   value);
        if (args->costs.io_access == 0)
            return sim_usage_error("--cost io-access must be at least 1: the drivers poll device "
                                   "registers, and time must pass while they do",
                                   NULL);
        return 0;
    }
    return parse_named_option(args, option, value);
}

static int take_config(void *context, const char *text)
{
    struct run_args *args = context;
    if (args->config_path)
        return sim_usage_error("unexpected argument ", text);
    args->config_path = text;
    return 0;
}

/* The qemu engine is QEMU's board, has no window and no cost model. */
static int check_qemu_args(const struct run_args *args)
{
    if (args->board && args->board != &hv_board_qemu_leon3)
        return sim_usage_error("--engine qemu runs on the qemu-leon3 board, not ",
                               args->board->name);
    if (args->gui.live || args->gui.png_path)
        return sim_usage_error("--engine qemu: --gui and --png need the simulator (record with "
                               "--trace, then hvsim view)",
                               NULL);
    if (args->cost_count > 0 || args->uart_input_path || args->uart2_input_path ||
        args->uart2_output_path || args->container_path)
        return sim_usage_error("--engine qemu takes no --cost, --uart-in, --uart2-in, "
                               "--uart2-out or --container",
                               NULL);
    return 0;
}

static int parse_run_args(struct run_args *args, int argc, char **argv)
{
    args->mafs = 1;
    sim_setup_default_costs(&args->costs);
    int status = sim_cli_parse(&sim_cmd_run_spec, argc, argv, parse_option, take_config, args);
    if (status != 0)
        return status;
    if (!args->config_path)
        return sim_usage_error("run needs a configuration file", NULL);
    if (args->gdb.wait && !args->gdb.address)
        return sim_usage_error("--gdb-wait needs --gdb ADDRESS", NULL);
    if (args->gdb.address && args->gui.live)
        return sim_usage_error("--gdb and --gui cannot be used together", NULL);
    if (args->itrace && (args->gdb.address || args->engine_qemu))
        return sim_usage_error("--itrace needs the simulator and no --gdb", NULL);
    if (args->gdb.address && args->engine_qemu)
        return sim_usage_error("--gdb debugs the simulator's partitions: not with --engine qemu",
                               NULL);
    const struct hv_board *board = args->board ? args->board : &hv_board_xm_leon3;
    if ((args->uart2_input_path || args->uart2_output_path) && board->uart2_base == 0)
        return sim_usage_error("--uart2-in/--uart2-out: this board has no UART2: ", board->name);
    return args->engine_qemu ? check_qemu_args(args) : 0;
}

/* The machine of the command line, its console to `console` and its
 * hash lines to `log`; NULL after saying why on stderr. */
struct machine_recipe {
    const struct run_args *args;
    const struct hv_config *config;
    const struct sim_options *options;
    enum sim_error error; /* why the last machine could not be made */
};

static struct sim_machine *make_machine(void *context, FILE *console, FILE *log)
{
    struct machine_recipe *r = context;
    struct sim_options options = *r->options;
    FILE *inputs[] = {options.uart_input, options.uart2_input};
    for (size_t i = 0; i < 2; i++) {
        if (inputs[i])
            rewind(inputs[i]); /* a re-run reads them again from the start */
    }
    options.console = console;
    struct sim_machine *machine = NULL;
    enum sim_error error = sim_machine_create(&machine, r->config, r->args->images,
                                              r->args->image_count, &options, stderr);
    if (error == SIM_OK && r->args->trace_path)
        error = sim_machine_trace_to_file(machine, r->args->trace_path, stderr);
    if (error == SIM_OK && r->args->print_hashes)
        sim_machine_trace_hashes(machine, log);
    r->error = error;
    if (error != SIM_OK) {
        sim_machine_destroy(machine);
        return NULL;
    }
    return machine;
}

static enum sim_error attach_itrace(const struct run_args *args, struct sim_machine *machine)
{
    struct sim_itrace_options o = args->itrace_options;
    for (uint32_t i = 0; i < args->image_count; i++) {
        if (args->images[i].partition == o.partition)
            o.image = args->images[i].path;
    }
    o.out = stderr;
    enum sim_error error = sim_itrace_attach(machine, &o);
    if (error == SIM_ERR_USAGE)
        fprintf(stderr, "hvsim: --itrace %s: no partition %u\n", args->itrace, o.partition);
    return error;
}

static int run_with_options(const struct run_args *args, const struct hv_config *config,
                            struct sim_options *options)
{
    struct sim_machine *machine = NULL;
    struct machine_recipe recipe = {args, config, options, SIM_OK};
    enum sim_error error = SIM_OK;
    if (args->gdb.address) {
        struct sim_gdb_maker maker = {make_machine, &recipe, options->console};
        error = sim_gdb_run(&args->gdb, &maker, args->mafs, stderr, &machine);
    } else {
        machine = make_machine(&recipe, options->console, stderr);
    }
    if (machine && args->itrace)
        error = attach_itrace(args, machine);
    error = recipe.error != SIM_OK ? recipe.error : error;
    if (error == SIM_OK && args->gui.live)
        error = gui_cli_live(machine, config, args->mafs, stderr);
    else if (error == SIM_OK && !args->gdb.address)
        error = sim_machine_run_mafs(machine, args->mafs, stderr);
    if (error == SIM_OK && args->gui.png_path)
        error = gui_cli_png(&args->gui, machine, config, stderr);
    if (error == SIM_OK)
        sim_machine_drain_console(machine);
    sim_machine_report_hypercalls(machine, stderr);
    if (machine) {
        enum sim_error finished = sim_machine_trace_finish(machine, stderr);
        error = error == SIM_OK ? finished : error;
    }
    sim_machine_destroy(machine);
    if (!args->console_path && !sim_file_flush_output(options->console, "standard output", stderr))
        error = SIM_ERR_IO; /* --console FILE: when it is closed */
    return sim_exit_status(error);
}

/* The files of --console, --uart-in, --uart2-in, --uart2-out. The inputs
 * are read whole at the start, bounded (sim/common/files.h), and the
 * machine reads them from memory: a re-run (gdb) rewinds them. */
struct run_files {
    FILE *console, *uart_input, *uart2_input, *uart2_output;
    uint8_t *input_bytes[2];
};

static bool open_output(const char *path, FILE **file)
{
    if (!path)
        return true;
    *file = sim_file_open_output(path, "wb", stderr);
    return *file != NULL;
}

static bool open_input(const char *path, FILE **file, uint8_t **bytes)
{
    if (!path)
        return true;
    *file = sim_file_read_to_stream(path, SIM_FILE_UART_INPUT_MAX, "UART input", stderr, bytes);
    return *file != NULL;
}

static bool open_files(const struct run_args *args, struct run_files *f)
{
    return open_output(args->console_path, &f->console) &&
           open_input(args->uart_input_path, &f->uart_input, &f->input_bytes[0]) &&
           open_input(args->uart2_input_path, &f->uart2_input, &f->input_bytes[1]) &&
           open_output(args->uart2_output_path, &f->uart2_output);
}

/* The outputs closed, their write errors reported (false). */
static bool close_files(const struct run_args *args, struct run_files *f)
{
    bool ok = true;
    if (f->console && f->console != stdout)
        ok = sim_file_close_output(f->console, args->console_path, stderr);
    if (f->uart2_output)
        ok = sim_file_close_output(f->uart2_output, args->uart2_output_path, stderr) && ok;
    FILE *inputs[] = {f->uart_input, f->uart2_input};
    for (size_t i = 0; i < 2; i++) {
        if (inputs[i])
            fclose(inputs[i]);
        free(f->input_bytes[i]);
    }
    return ok;
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
    struct run_files f = {.console = stdout};
    /* Console lines and notices (stderr, unbuffered) in the order they
     * happened, also when both streams go to one pipe (2>&1 | tee): a
     * console line is written when it ends, not when a buffer fills. */
    if (!args->console_path)
        setvbuf(stdout, NULL, _IOLBF, 0);
    bool opened = open_files(args, &f);
    struct sim_options options = {.console = f.console,
                                  .console_prefix = args->console_prefix,
                                  .uart_input = f.uart_input,
                                  .uart2_input = f.uart2_input,
                                  .uart2_output = f.uart2_output,
                                  .keep_trace = gui_cli_wants_trace(&args->gui)};
    apply_command_line(args, loaded, &options);
    /* The images' functions: they name the PCs of the notices, the call
     * sites of failed hypercalls and the GUI's details. */
    struct sim_symbols symbols[HV_MAX_PARTITIONS] = {{0}};
    if (!args->engine_qemu) { /* the QEMU engine loads its own */
        sim_symbols_load_images(args->images, args->image_count, symbols);
        options.symbols = symbols;
    }
    options.hypercall_notices = !args->quiet_hypercalls && !args->engine_qemu;
    struct sim_gdb_fault_report *report =
        args->no_fault_report ? NULL : sim_gdb_fault_report_new(args->images, args->image_count);
    sim_gdb_fault_report_use(report, &options);
    if (options.board && !args->engine_qemu &&
        sim_config_check_board(loaded, args->config_path, options.board, stderr) != SIM_OK)
        opened = false; /* reported: the configuration does not fit --board */
    struct sim_qemu_command qemu = {args->config_path, args->images,      args->image_count,
                                    args->mafs,        f.console,         args->console_prefix,
                                    args->trace_path,  args->print_hashes};
    int status = !opened             ? SIM_EXIT_BAD_INPUT
                 : args->engine_qemu ? sim_qemu_run_command(&qemu, loaded)
                                     : run_with_options(args, config, &options);
    if (!close_files(args, &f) && status == 0)
        status = sim_exit_status(SIM_ERR_IO);
    sim_gdb_fault_report_free(report);
    sim_symbols_free_images(symbols);
    return status;
}

/* --container: the partitions' images come from the container, after any
 * given with -p (a partition named twice is refused by the machine). */
static enum sim_error add_container_images(struct run_args *args, struct sim_container *c)
{
    if (!args->container_path)
        return SIM_OK;
    enum sim_error error = sim_container_load(args->container_path, stderr, c);
    uint32_t added = 0;
    if (error == SIM_OK)
        error = sim_container_images(c, args->images + args->image_count,
                                     MAX_IMAGES - args->image_count, &added, stderr);
    args->image_count += added;
    return error;
}

int sim_cmd_run(int argc, char **argv)
{
    struct run_args args = {0};
    struct sim_container container = {0};
    int status = parse_run_args(&args, argc, argv);
    if (status != 0)
        return status == SIM_CLI_HELP_SHOWN ? 0 : status;
    struct sim_config *config = NULL;
    enum sim_error error = sim_config_load(args.config_path, stderr, &config);
    if (error == SIM_OK)
        error = add_container_images(&args, &container);
    status = error == SIM_OK ? run_loaded(&args, config) : sim_exit_status(error);
    sim_container_free(&container);
    sim_config_free(config);
    return status;
}
