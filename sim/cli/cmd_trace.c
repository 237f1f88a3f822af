/* hvsim trace FILE [--text OUT|-] [--json OUT|-] [--latency OUT|-] [--elf ID=FILE]...: a
 * trace file exported (sim/trace/trace_export.h); plain text on standard
 * output by default. */
#include "sim/cli/commands.h"
#include "sim/common/files.h"
#include "sim/symbols_elf.h"
#include "sim/symbols_option.h"
#include "sim/trace/trace_export.h"
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

struct trace_args {
    const char *path;
    const char *text_path;
    const char *json_path;
    const char *latency_path;
    struct sim_symbols_option elves; /* --elf: where the symbols are */
};

static const struct sim_cli_option trace_options[] = {
    {"--text", "OUT",
     "the records as text, one a line, to OUT (- for standard output, the "
     "default when neither option is given)"},
    {"--json", "OUT", "the records as Chrome/Perfetto JSON to OUT (open it in ui.perfetto.dev)"},
    {"--latency", "OUT",
     "the virtual interrupt latencies summarised per partition and source: count, min, "
     "median, p99, max (docs/interrupts.md)"},
    {NULL, NULL, NULL},
};

const struct sim_cli_spec sim_cmd_trace_spec = {
    .command = "trace",
    .synopsis = "FILE [--text OUT|-] [--json OUT|-] [--latency OUT|-] [--elf ID=FILE]...",
    .summary = "Export a trace file written by `hvsim run --trace` (docs/trace.md).",
    .options = {trace_options, sim_symbols_option_help},
    .details = NULL,
};

static int trace_option(void *context, const char *name, const char *value)
{
    struct trace_args *a = context;
    if (strcmp(name, "--elf") == 0)
        return sim_symbols_option_add(&a->elves, &sim_cmd_trace_spec, value);
    if (strcmp(name, "--text") == 0)
        a->text_path = value;
    else if (strcmp(name, "--latency") == 0)
        a->latency_path = value;
    else
        a->json_path = value;
    return 0;
}

static int trace_operand(void *context, const char *text)
{
    struct trace_args *a = context;
    if (a->path)
        return sim_cli_error(&sim_cmd_trace_spec, "unexpected argument %s", text);
    a->path = text;
    return 0;
}

static int parse_trace_args(struct trace_args *a, int argc, char **argv)
{
    int status = sim_cli_parse(&sim_cmd_trace_spec, argc, argv, trace_option, trace_operand, a);
    if (status != 0)
        return status;
    if (!a->path)
        return sim_cli_error(&sim_cmd_trace_spec, "usage: hvsim trace %s",
                             sim_cmd_trace_spec.synopsis);
    if (!a->text_path && !a->json_path && !a->latency_path)
        a->text_path = "-";
    return 0;
}

typedef bool exporter_fn(struct sim_trace_reader *reader, FILE *out, FILE *diag);

/* The export to out_path ("-": standard output). */
/* A partial OUT is not left behind: the trace was checked whole before
 * OUT was created, and OUT is removed when writing it failed (a regular
 * file: not /dev/full or a pipe). */
static void remove_partial(const char *out_path)
{
    struct stat st;
    if (stat(out_path, &st) == 0 && S_ISREG(st.st_mode))
        remove(out_path);
}

/* The export to out_path ("-": standard output). */
static int export_open(struct sim_trace_reader *reader, const char *out_path, exporter_fn *export)
{
    bool to_stdout = strcmp(out_path, "-") == 0;
    FILE *out = to_stdout ? stdout : sim_file_open_output(out_path, "w", stderr);
    bool ok = out && export(reader, out, stderr);
    if (out && to_stdout)
        ok = sim_file_flush_output(out, "standard output", stderr) && ok;
    else if (out)
        ok = sim_file_close_output(out, out_path, stderr) && ok;
    if (!ok && out && !to_stdout)
        remove_partial(out_path);
    return ok ? 0 : SIM_EXIT_BAD_INPUT;
}

/* One export of a.path to out_path ("-": standard output). */
static int export_to(const struct trace_args *a, const char *out_path, exporter_fn *export)
{
    struct sim_trace_reader *reader = NULL;
    struct sim_symbols symbols[HV_MAX_PARTITIONS] = {{0}};
    if (sim_trace_reader_open(&reader, a->path, stderr) != SIM_OK)
        return SIM_EXIT_BAD_INPUT;
    struct sim_trace_header *header = (struct sim_trace_header *)sim_trace_reader_header(reader);
    int status = sim_exit_status(
        sim_symbols_option_load(&a->elves, &sim_cmd_trace_spec, header->partition_count, symbols));
    if (status == 0) {
        header->symbols = symbols;
        status = export_open(reader, out_path, export);
    }
    sim_trace_reader_close(reader);
    sim_symbols_free_images(symbols);
    return status;
}

int sim_cmd_trace(int argc, char **argv)
{
    struct trace_args a = {0};
    int status = parse_trace_args(&a, argc, argv);
    if (status == SIM_CLI_HELP_SHOWN)
        return 0;
    /* Every export refuses a damaged trace the same way, before it writes
     * anything; then each writes its OUT. */
    if (status == 0 && sim_trace_check_file(a.path, stderr) == SIM_TRACE_DAMAGED)
        status = SIM_EXIT_BAD_INPUT;
    if (status == 0 && a.text_path)
        status = export_to(&a, a.text_path, sim_trace_export_text);
    if (status == 0 && a.json_path)
        status = export_to(&a, a.json_path, sim_trace_export_json);
    if (status == 0 && a.latency_path)
        status = export_to(&a, a.latency_path, sim_trace_export_latency);
    return status;
}
