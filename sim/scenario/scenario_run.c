/* sim/scenario: one scenario, start to end, in the current process: parse the
 * script, build the machine from its setup commands, then carry out its
 * runs, injections and expectations in order. */
#define _POSIX_C_SOURCE 200809L /* open_memstream, access */
#include "sim/scenario/scenario_run.h"
#include "sim/gdb/fault_report.h"
#include "sim/scenario/scenario_machine.h"
#include "sim/scenario/scenario_qemu.h"
#include "sim/setup.h"
#include "sim/symbols_elf.h"
#include <hvcore/drivers.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

bool scn_is_setup(const struct scn_command *c)
{
    return c->op == SCN_CONFIG || c->op == SCN_IMAGE || c->op == SCN_COST || c->op == SCN_BOARD ||
           c->op == SCN_SKIP;
}

bool scn_is_expectation(const struct scn_command *c)
{
    return c->op >= SCN_EXPECT_CONSOLE;
}

/* One setup command, now that the configuration names the partitions.
 * The script was checked whole before (scn_check says what is wrong with
 * a cost, a board or an image, all at once): nothing here should fail. */
static bool apply_one(const struct scn_script *s, const struct scn_command *c,
                      const struct hv_config *config, struct sim_options *options,
                      struct scn_setup *setup, FILE *out)
{
    int32_t id;
    bool ok = true;
    switch (c->op) {
    case SCN_COST:
        ok = sim_setup_parse_costs(c->text, &options->costs);
        break;
    case SCN_BOARD:
        options->board = hv_board_find(c->text);
        ok = options->board != NULL;
        break;
    case SCN_IMAGE:
        id = scn_partition(config, c->who);
        ok = id >= 0 && setup->image_count < HV_MAX_PARTITIONS;
        if (ok)
            setup->images[setup->image_count++] =
                (struct sim_image_ref){.partition = (uint32_t)id, .path = c->text};
        break;
    default:
        break;
    }
    return ok || scn_report(s->path, c->line, out, "this setup command cannot be applied");
}

static bool apply_setup(const struct scn_script *s, const struct hv_config *config,
                        struct sim_options *options, struct scn_setup *setup, FILE *out)
{
    bool ok = true;
    for (size_t i = 0; i < s->count; i++)
        ok &= apply_one(s, &s->commands[i], config, options, setup, out);
    return ok;
}

enum sim_error scn_load_setup(const struct scn_script *s, struct sim_config **config,
                              struct sim_options *options, struct scn_setup *setup, FILE *out)
{
    *setup = (struct scn_setup){0};
    for (size_t i = 0; i < s->count && !setup->config_path; i++)
        if (s->commands[i].op == SCN_CONFIG)
            setup->config_path = s->commands[i].text;
    enum sim_error error = sim_setup_load(setup->config_path, out, config, options);
    if (error != SIM_OK)
        return error;
    if (!apply_setup(s, sim_config_hv(*config), options, setup, out))
        return SIM_ERR_USAGE;
    return SIM_OK;
}

/* What the run prints on stderr, as hvsim run prints it (the machine's
 * notices, its fault reports): kept for `expect stderr`, then shown on
 * the runner's stderr unless an expectation looked at it. */
struct scn_diag {
    FILE *stream;
    char *text;
    size_t length;
    struct sim_gdb_fault_report *report;
    struct sim_symbols symbols[HV_MAX_PARTITIONS]; /* the images', naming the notices' PCs */
};

static enum sim_error build(const struct scn_script *s, struct sim_config **config,
                            struct sim_machine **machine, FILE *sink, struct scn_diag *diag,
                            FILE *out)
{
    struct scn_setup setup;
    struct sim_options options = {.console = sink, .keep_trace = true};
    enum sim_error error = scn_load_setup(s, config, &options, &setup, out);
    if (error != SIM_OK)
        return error;
    diag->report = sim_gdb_fault_report_new(setup.images, setup.image_count);
    sim_gdb_fault_report_use(diag->report, &options);
    sim_symbols_load_images(setup.images, setup.image_count, diag->symbols);
    options.symbols = diag->symbols;
    error = sim_machine_create(machine, sim_config_hv(*config), setup.images, setup.image_count,
                               &options, diag->stream);
    if (error != SIM_OK && fflush(diag->stream) == 0)
        fwrite(diag->text, 1, diag->length, out); /* why the machine could not be made */
    return error;
}

/* stderr so far, and the lines its end would add now (malloc'ed). */
static char *stderr_so_far(const struct sim_machine *m, struct scn_diag *diag, size_t *length)
{
    char *text = NULL;
    FILE *f = open_memstream(&text, length);
    if (!f || fflush(diag->stream) != 0) {
        if (f)
            fclose(f);
        free(text);
        return NULL;
    }
    fwrite(diag->text, 1, diag->length, f);
    sim_machine_repeats_so_far(m, f);
    fclose(f);
    return text;
}

static bool expect(struct scn_view *view, const struct scn_command *c, struct sim_machine *m,
                   struct scn_diag *diag, FILE *out)
{
    char *text = c->op == SCN_EXPECT_STDERR ? stderr_so_far(m, diag, &view->stderr_length) : NULL;
    view->stderr_text = text;
    bool ok = scn_expect(view, c, out);
    free(text);
    view->stderr_text = NULL;
    return ok;
}

static enum scn_status carry_out(const struct scn_script *s, struct sim_machine *m,
                                 const struct hv_config *config, bool update,
                                 struct scn_counts *counts, struct scn_diag *diag, FILE *out)
{
    struct scn_view view = {
        scn_machine_trace(m), config, sim_machine_hv(m), s->path, update, false, NULL, 0};
    for (size_t i = 0; i < s->count; i++) {
        const struct scn_command *c = &s->commands[i];
        if (scn_is_setup(c))
            continue;
        if (!scn_is_expectation(c)) {
            if (scn_machine_do(m, c, s->path, out, diag->stream) != SIM_OK)
                return SCN_ERROR;
            continue;
        }
        if (expect(&view, c, m, diag, out))
            counts->passed++;
        else
            counts->failed++;
    }
    return counts->failed ? SCN_FAILED : SCN_PASSED;
}

/* The run's end (the last repeats' lines), then its stderr on the
 * runner's, if no expectation looked at it. */
static void finish_diag(const struct scn_script *s, struct sim_machine *m, struct scn_diag *diag)
{
    bool expected = false;
    for (size_t i = 0; i < s->count; i++)
        expected |= s->commands[i].op == SCN_EXPECT_STDERR;
    if (m)
        sim_machine_trace_finish(m, diag->stream);
    if (fflush(diag->stream) == 0 && !expected)
        fwrite(diag->text, 1, diag->length, stderr);
}

/* --- checked whole before anything runs ---------------------------------------- */

struct diag_line {
    const char *text;
    long line; /* the script's line; -1: another file's (the configuration's) */
    size_t order;
};

static int by_line(const void *a, const void *b)
{
    const struct diag_line *x = a, *y = b;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

/* text's lines on out, the configuration's first, then the script's
 * "path:line: " ones by line (those of one line in the order written). */
static void report_by_line(char *text, const char *path, FILE *out)
{
    size_t count = 0, prefix = strlen(path);
    for (const char *c = text; *c; c++)
        count += *c == '\n';
    struct diag_line *lines = calloc(count + 1, sizeof *lines);
    if (!lines) {
        fputs(text, out);
        return;
    }
    count = 0;
    for (char *next, *s = text; *s; s = next) {
        next = strchr(s, '\n');
        next = next ? (*next = '\0', next + 1) : s + strlen(s);
        bool ours = strncmp(s, path, prefix) == 0 && s[prefix] == ':';
        lines[count] = (struct diag_line){s, ours ? strtol(s + prefix + 1, NULL, 10) : -1, count};
        count++;
    }
    qsort(lines, count, sizeof *lines, by_line);
    for (size_t i = 0; i < count; i++)
        fprintf(out, "%s\n", lines[i].text);
    free(lines);
}

/* The configuration the script names, loaded for the checks (NULL: it
 * did not load, said on diag). */
static struct sim_config *config_for_check(const struct scn_script *s, struct sim_options *options,
                                           FILE *diag)
{
    struct sim_config *config = NULL;
    const struct scn_command *c = NULL;
    for (size_t i = 0; i < s->count && !c; i++)
        c = s->commands[i].op == SCN_CONFIG ? &s->commands[i] : NULL;
    if (!c || (c->line && access(c->text, R_OK) != 0)) /* scn_check says it at its line */
        return NULL;
    if (sim_setup_load(c->text, diag, &config, options) != SIM_OK && !c->line)
        fprintf(diag, "%s:1: no config command, and the folder's xm_cf.xml did not load (above)\n",
                s->path);
    return config;
}

/* Parse and check the whole script; every problem on out, sorted by line. */
static bool prepare(const char *path, const char *build_dir, bool update, struct scn_script *script,
                    FILE *out)
{
    char *text = NULL;
    size_t size = 0;
    FILE *diag = open_memstream(&text, &size);
    if (!diag)
        return scn_parse(path, build_dir, script, out);
    bool ok = scn_parse(path, build_dir, script, diag);
    if (script->count) {
        struct sim_options options = {0};
        struct sim_config *config = config_for_check(script, &options, diag);
        /* without the configuration, the checks that need none still run */
        const struct hv_config *hv = config ? sim_config_hv(config) : NULL;
        ok &= scn_check(script, hv, options.board, update, diag) && config;
        sim_config_free(config);
    }
    fclose(diag);
    report_by_line(text, path, out);
    free(text);
    return ok;
}

enum scn_status scn_run_script(const char *path, const char *build_dir, enum scn_engine engine,
                               bool update, struct scn_counts *counts, FILE *out)
{
    struct scn_script script = {0};
    struct sim_config *config = NULL;
    struct sim_machine *machine = NULL;
    enum scn_status status = SCN_ERROR;
    FILE *sink = fopen("/dev/null", "w");
    struct scn_diag diag = {0};
    diag.stream = open_memstream(&diag.text, &diag.length);
    *counts = (struct scn_counts){0, 0};
    if (sink && diag.stream && prepare(path, build_dir, update, &script, out)) {
        if (engine == SCN_ENGINE_QEMU)
            status = scn_qemu_run(&script, counts, out);
        else if (build(&script, &config, &machine, sink, &diag, out) == SIM_OK)
            status = carry_out(&script, machine, sim_config_hv(config), update, counts, &diag, out);
        finish_diag(&script, machine, &diag);
    }
    if (script.path)
        scn_script_free(&script);
    sim_machine_destroy(machine);
    sim_gdb_fault_report_free(diag.report);
    sim_symbols_free_images(diag.symbols);
    sim_config_free(config);
    if (sink)
        fclose(sink);
    if (diag.stream)
        fclose(diag.stream);
    free(diag.text);
    return status;
}
