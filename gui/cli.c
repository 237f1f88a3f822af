/* gui/: hvsim's GUI options and the live source over a sim_machine. */
#include "gui/cli.h"
#include "gui/window.h"
#include "sim/trace/trace.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

static int bad_value(const char *option, const char *value, const char *expected)
{
    fprintf(stderr, "hvsim: %s expects %s, got %s\n", option, expected, value);
    return -1;
}

bool gui_parse_time_ns(const char *text, uint64_t *ns)
{
    static const struct {
        const char *suffix;
        double ns;
    } units[] = {{"ns", 1}, {"us", 1e3}, {"\xc2\xb5s", 1e3}, {"ms", 1e6}, {"s", 1e9}};
    char *end;
    if (!(text[0] >= '0' && text[0] <= '9'))
        return false;
    double value = strtod(text, &end);
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
        double t = value * units[i].ns;
        if (strcmp(end, units[i].suffix) == 0 && t < 1.8e19) {
            *ns = (uint64_t)llround(t);
            return true;
        }
    }
    return false;
}

static bool parse_size(const char *text, int *width, int *height)
{
    char *x;
    long w = strtol(text, &x, 10);
    if (x == text || (*x != 'x' && *x != 'X'))
        return false;
    char *end;
    long h = strtol(x + 1, &end, 10);
    if (end == x + 1 || *end != '\0' || w < GUI_MIN_WIDTH || h < GUI_MIN_HEIGHT ||
        w > GUI_MAX_SIZE || h > GUI_MAX_SIZE)
        return false;
    *width = (int)w;
    *height = (int)h;
    return true;
}

static int value_option(struct gui_cli *cli, const char *option, const char *value)
{
    struct gui_image_options *image = &cli->image;
    if (strcmp(option, "--png") == 0) {
        cli->png_path = value;
        return 1;
    }
    if (strcmp(option, "--size") == 0)
        return parse_size(value, &image->width, &image->height)
                   ? 1
                   : bad_value(option, value, "WIDTHxHEIGHT (320x200 to 16384x16384)");
    uint64_t *ns = strcmp(option, "--from") == 0 ? &image->from_ns : &image->to_ns;
    bool *given = strcmp(option, "--from") == 0 ? &image->has_from : &image->has_to;
    if (!gui_parse_time_ns(value, ns))
        return bad_value(option, value, "a time with its unit, such as 1.5ms, 250us or 2s");
    *given = true;
    return 1;
}

const struct sim_cli_option gui_cli_options[] = {
    {"--gui", NULL, "show the timeline in a window (a run: live, as it happens)"},
    {"--png", "OUT.png", "write the timeline as a PNG image, without a display"},
    {"--from", "T", "the image starts at time T, with its unit: 250us, 1.5ms, 2s, 40ns"},
    {"--to", "T", "the image ends at time T"},
    {"--size", "WxH",
     "the image's size, 320x200 to 16384x16384 (default: 1400 wide, as tall as "
     "the lanes need)"},
    {NULL, NULL, NULL},
};

int gui_cli_set(struct gui_cli *cli, const char *name, const char *value)
{
    if (strcmp(name, "--gui") == 0) {
        cli->live = true;
        return 1;
    }
    for (const struct sim_cli_option *o = gui_cli_options; o->name; o++) {
        if (o->value && strcmp(name, o->name) == 0)
            return value_option(cli, name, value);
    }
    return 0;
}

bool gui_cli_wants_trace(const struct gui_cli *cli)
{
    return cli->live || cli->png_path != NULL;
}

static struct gui_meta machine_meta(const struct sim_machine *m, const struct hv_config *config)
{
    return (struct gui_meta){config, sim_machine_clock(m)->khz, sim_machine_clock(m)->cycles, false,
                             sim_machine_symbols(m)};
}

enum sim_error gui_cli_png(const struct gui_cli *cli, const struct sim_machine *m,
                           const struct hv_config *config, FILE *diag)
{
    const struct sim_trace *trace = sim_machine_trace(m);
    struct gui_meta meta = machine_meta(m, config);
    char error[300];
    enum gui_error result = gui_export_records_png(trace->records, trace->count, &meta, &cli->image,
                                                   cli->png_path, error, sizeof error);
    if (result == GUI_OK)
        return SIM_OK;
    fprintf(diag, "hvsim: %s\n", error);
    return result == GUI_ERR_NO_MEMORY ? SIM_ERR_NO_MEMORY : SIM_ERR_IO;
}

/* The live source: the machine, stepped by the window. */
struct live {
    struct sim_machine *machine;
    const struct hv_config *config;
    uint64_t mafs;
    FILE *diag;
    enum sim_error error;
    uint64_t play_us; /* where playing has got to: idle time jumps the clock ahead of it */
};

static void live_snapshot(void *context, const struct sim_trace_record **records, size_t *count,
                          uint64_t *end_cycle)
{
    struct live *l = context;
    const struct sim_trace *trace = sim_machine_trace(l->machine);
    *records = trace->records;
    *count = trace->count;
    *end_cycle = sim_machine_clock(l->machine)->cycles;
}

static bool live_advance(void *context, enum gui_step step, uint64_t us)
{
    struct live *l = context;
    struct sim_machine *m = l->machine;
    uint64_t next_maf = sim_machine_mafs_started(m) + 1;
    if (step == GUI_STEP_SLOT)
        l->error = sim_machine_run_slot(m, l->mafs, l->diag);
    else if (step == GUI_STEP_MAF)
        l->error = sim_machine_run_mafs(m, next_maf < l->mafs ? next_maf : l->mafs, l->diag);
    else
        l->error = sim_machine_run_until_us(m, l->play_us + us, l->mafs, l->diag);
    l->play_us = step == GUI_STEP_NONE ? l->play_us + us : sim_clock_us(sim_machine_clock(m));
    return l->error == SIM_OK && sim_machine_mafs_started(m) < l->mafs;
}

enum sim_error gui_cli_live(struct sim_machine *m, const struct hv_config *config, uint64_t mafs,
                            FILE *diag)
{
    struct live l = {m, config, mafs, diag, SIM_OK, 0};
    struct gui_source source = {&l, live_snapshot, live_advance};
    struct gui_meta meta = machine_meta(m, config);
    char error[300], title[HV_NAME_MAX + 16];
    snprintf(title, sizeof title, "hvsim: %s", config->name);
    enum gui_error result = gui_window_run(&source, &meta, title, error, sizeof error);
    if (result != GUI_OK) {
        fprintf(diag, "hvsim: %s\n", error);
        return SIM_ERR_IO;
    }
    return l.error;
}
