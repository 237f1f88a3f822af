/* gui/: `hvsim view TRACE [--png OUT.png [--from T] [--to T] [--size WxH]] [--elf ID=FILE]...`:
 * a recorded trace file (docs/trace.md) in the window, read-only, or as
 * an image. The records and the header's partitions, plans, ports and
 * channels feed the same model as a live run (gui/trace_config.h). Anything wrong with the
 * file is one line `TRACE: message`. */
#include "gui/cli.h"
#include "gui/trace_config.h"
#include "gui/window.h"
#include "sim/symbols_elf.h"
#include "sim/symbols_option.h"
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

struct recorded {
    const char *path;
    struct sim_trace_reader *reader;
    struct sim_trace_record *records;
    size_t count, capacity;
};

static enum sim_error keep(struct recorded *t, const struct sim_trace_record *record)
{
    if (t->count == t->capacity) {
        size_t capacity = t->capacity ? t->capacity * 2 : 1024;
        struct sim_trace_record *bigger = realloc(t->records, capacity * sizeof *bigger);
        if (!bigger)
            return SIM_ERR_NO_MEMORY;
        t->records = bigger;
        t->capacity = capacity;
    }
    t->records[t->count++] = *record;
    return SIM_OK;
}

/* After the last record: the file must end with its end record, and that
 * must agree with what was read (sim_trace_reader_ending, as the
 * exporters check it). */
static enum sim_error check_end(const struct recorded *t, enum sim_trace_next next, FILE *diag)
{
    switch (sim_trace_reader_ending(t->reader, next, diag)) {
    case SIM_TRACE_ENDS:
        return SIM_OK;
    case SIM_TRACE_UNFINISHED:
        fprintf(diag, "%s: cut short after record %zu (no end record: the run did not finish)\n",
                t->path, t->count);
        return SIM_ERR_IO;
    case SIM_TRACE_DAMAGED:
        break;
    }
    return SIM_ERR_IO; /* said */
}

static enum sim_error read_records(struct recorded *t, FILE *diag)
{
    enum sim_error error = sim_trace_reader_open(&t->reader, t->path, diag);
    if (error != SIM_OK)
        return error;
    struct sim_trace_record record;
    enum sim_trace_next next;
    while ((next = sim_trace_reader_next(t->reader, &record)) == SIM_TRACE_RECORD) {
        if (keep(t, &record) != SIM_OK) {
            fprintf(diag, "%s: out of memory after record %zu\n", t->path, t->count);
            return SIM_ERR_NO_MEMORY;
        }
    }
    return check_end(t, next, diag);
}

static void recorded_snapshot(void *context, const struct sim_trace_record **records, size_t *count,
                              uint64_t *end_cycle)
{
    const struct recorded *t = context;
    *records = t->records;
    *count = t->count;
    *end_cycle = 0; /* the last record's */
}

static enum sim_error reported(enum gui_error result, const char *who, const char *error,
                               FILE *diag)
{
    if (result == GUI_OK)
        return SIM_OK;
    fprintf(diag, "%s: %s\n", who, error);
    return result == GUI_ERR_NO_MEMORY ? SIM_ERR_NO_MEMORY : SIM_ERR_IO;
}

/* The window (read-only: the source cannot advance), then the image. */
static enum sim_error show(const struct gui_cli *cli, struct recorded *t,
                           const struct gui_meta *meta, FILE *diag)
{
    char error[300], title[HV_NAME_MAX + 64];
    enum gui_error result = GUI_OK;
    if (cli->live || !cli->png_path) {
        struct gui_source source = {t, recorded_snapshot, NULL};
        snprintf(title, sizeof title, "hvsim view: %s", meta->config->name);
        result = gui_window_run(&source, meta, title, error, sizeof error);
    }
    if (result == GUI_OK && cli->png_path)
        result = gui_export_records_png(t->records, t->count, meta, &cli->image, cli->png_path,
                                        error, sizeof error);
    return reported(result, result == GUI_ERR_BAD_TRACE ? t->path : "hvsim", error, diag);
}

struct view_args {
    struct gui_cli cli;
    struct sim_symbols_option elves; /* --elf: the partitions' symbols */
    const char *path;
};

/* The records of a.path, read, with the header's configuration. */
static enum sim_error view_records(const struct view_args *a, struct recorded *t,
                                   const struct sim_symbols *symbols, FILE *diag)
{
    const struct sim_trace_header *h = sim_trace_reader_header(t->reader);
    struct gui_trace_config config;
    char error[300];
    enum gui_error result = gui_trace_config_init(&config, h, error, sizeof error);
    enum sim_error status = reported(result, a->path, error, diag);
    struct gui_meta meta = {&config.config, h->khz, 0, config.ports_unknown, symbols};
    if (status == SIM_OK)
        status = show(&a->cli, t, &meta, diag);
    gui_trace_config_free(&config);
    return status;
}

static enum sim_error view_file(const struct view_args *a, FILE *diag)
{
    struct recorded t = {.path = a->path};
    struct sim_symbols symbols[HV_MAX_PARTITIONS] = {{0}};
    enum sim_error status = read_records(&t, diag);
    if (status == SIM_OK)
        status =
            sim_symbols_option_load(&a->elves, &gui_cli_view_spec,
                                    sim_trace_reader_header(t.reader)->partition_count, symbols);
    if (status == SIM_OK)
        status = view_records(a, &t, symbols, diag);
    sim_trace_reader_close(t.reader);
    free(t.records);
    sim_symbols_free_images(symbols);
    return status;
}

const struct sim_cli_spec gui_cli_view_spec = {
    .command = "view",
    .synopsis = "TRACE [--gui] [--png OUT.png [--from T] [--to T] [--size WxH]] [--elf ID=FILE]...",
    .summary = "Show a trace file written by `hvsim run --trace` on the timeline: in a window, "
               "or as a PNG image without a display.",
    .options = {gui_cli_options, sim_symbols_option_help},
    .details = "Without --png the window opens (zoom with the wheel or +/-, pan by dragging, n/p "
               "for the next or previous HM event, q to close; docs/gui.md); with --png and --gui "
               "both, the image is written when the window closes.\n",
};

static int view_option(void *context, const char *name, const char *value)
{
    struct view_args *a = context;
    if (strcmp(name, "--elf") == 0)
        return sim_symbols_option_add(&a->elves, &gui_cli_view_spec, value);
    return gui_cli_set(&a->cli, name, value) > 0 ? 0 : SIM_CLI_EXIT_BAD_INPUT;
}

static int view_operand(void *context, const char *text)
{
    struct view_args *a = context;
    if (a->path)
        return sim_cli_error(&gui_cli_view_spec, "unexpected argument %s", text);
    a->path = text;
    return 0;
}

enum sim_error gui_cli_view(int argc, char **argv, FILE *diag)
{
    struct view_args a = {0};
    int status = sim_cli_parse(&gui_cli_view_spec, argc, argv, view_option, view_operand, &a);
    if (status == SIM_CLI_HELP_SHOWN)
        return SIM_OK;
    if (status != 0)
        return SIM_ERR_USAGE;
    if (!a.path) {
        fprintf(diag, "hvsim view: usage: hvsim view %s\n", gui_cli_view_spec.synopsis);
        return SIM_ERR_USAGE;
    }
    return view_file(&a, diag);
}
