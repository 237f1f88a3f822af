/* hvsim trace FILE [--text OUT|-] [--json OUT|-]: a trace file exported
 * (sim/trace/trace_export.h); plain text on standard output by default. */
#include "sim/cli/commands.h"
#include "sim/trace/trace_export.h"
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

struct trace_args {
    const char *path;
    const char *text_path;
    const char *json_path;
};

static int trace_usage(const char *message, const char *detail)
{
    fprintf(stderr, "hvsim trace: %s%s\n", message, detail ? detail : "");
    return SIM_EXIT_BAD_INPUT;
}

static int parse_trace_args(struct trace_args *a, int argc, char **argv)
{
    for (int i = 0; i < argc; i++) {
        bool text = strcmp(argv[i], "--text") == 0, json = strcmp(argv[i], "--json") == 0;
        if ((text || json) && i + 1 >= argc)
            return trace_usage("missing file after ", argv[i]);
        if (text)
            a->text_path = argv[++i];
        else if (json)
            a->json_path = argv[++i];
        else if (argv[i][0] == '-' && argv[i][1] != '\0')
            return trace_usage("unknown option ", argv[i]);
        else if (!a->path)
            a->path = argv[i];
        else
            return trace_usage("unexpected argument ", argv[i]);
    }
    if (!a->path)
        return trace_usage("usage: hvsim trace FILE [--text OUT|-] [--json OUT|-]", NULL);
    if (!a->text_path && !a->json_path)
        a->text_path = "-";
    return 0;
}

typedef bool exporter_fn(struct sim_trace_reader *reader, FILE *out, FILE *diag);

/* One export of path to out_path ("-": standard output). */
static int export_to(const char *path, const char *out_path, exporter_fn *export)
{
    struct sim_trace_reader *reader = NULL;
    if (sim_trace_reader_open(&reader, path, stderr) != SIM_OK)
        return SIM_EXIT_BAD_INPUT;
    bool to_stdout = strcmp(out_path, "-") == 0;
    FILE *out = to_stdout ? stdout : fopen(out_path, "w");
    bool ok = false;
    if (!out)
        fprintf(stderr, "%s: cannot create: %s\n", out_path, strerror(errno));
    else
        ok = export(reader, out, stderr);
    if (out && (to_stdout ? fflush(out) : fclose(out)) != 0) {
        fprintf(stderr, "%s: write failed: %s\n", out_path, strerror(errno));
        ok = false;
    }
    sim_trace_reader_close(reader);
    return ok ? 0 : SIM_EXIT_BAD_INPUT;
}

int sim_cmd_trace(int argc, char **argv)
{
    struct trace_args a = {0};
    int status = parse_trace_args(&a, argc, argv);
    if (status == 0 && a.text_path)
        status = export_to(a.path, a.text_path, sim_trace_export_text);
    if (status == 0 && a.json_path)
        status = export_to(a.path, a.json_path, sim_trace_export_json);
    return status;
}
