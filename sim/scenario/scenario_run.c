/* sim/scenario: one scenario, start to end, in the current process: parse the
 * script, build the machine from its setup commands, then carry out its
 * runs, injections and expectations in order. */
#include "sim/scenario/scenario_run.h"
#include "sim/scenario/scenario_machine.h"
#include "sim/scenario/scenario_qemu.h"
#include "sim/setup.h"
#include <hvcore/drivers.h>
#include <string.h>

bool scn_is_setup(const struct scn_command *c)
{
    return c->op == SCN_CONFIG || c->op == SCN_IMAGE || c->op == SCN_COST || c->op == SCN_BOARD ||
           c->op == SCN_SKIP;
}

bool scn_is_expectation(const struct scn_command *c)
{
    return c->op >= SCN_EXPECT_CONSOLE;
}

/* One setup command, now that the configuration names the partitions. */
static bool apply_one(const struct scn_script *s, const struct scn_command *c,
                      const struct hv_config *config, struct sim_options *options,
                      struct scn_setup *setup, FILE *out)
{
    int32_t id;
    switch (c->op) {
    case SCN_COST:
        return sim_setup_parse_costs(c->text, &options->costs) ||
               scn_report(s->path, c->line, out,
                          "bad cost '%s' (NAME=CYCLES, NAME entry, hypercall, "
                          "context-switch or io-access)",
                          c->text);
    case SCN_BOARD:
        options->board = hv_board_find(c->text);
        return options->board || scn_report(s->path, c->line, out,
                                            "unknown board '%s' (xm-leon3, qemu-leon3)", c->text);
    case SCN_IMAGE:
        id = scn_partition(config, c->who);
        if (id < 0 || setup->image_count == HV_MAX_PARTITIONS)
            return scn_report(s->path, c->line, out, "the configuration has no partition '%s'",
                              c->who);
        setup->images[setup->image_count++] =
            (struct sim_image_ref){.partition = (uint32_t)id, .path = c->text};
        return true;
    default:
        return true;
    }
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

static enum sim_error build(const struct scn_script *s, struct sim_config **config,
                            struct sim_machine **machine, FILE *sink, FILE *out)
{
    struct scn_setup setup;
    struct sim_options options = {.console = sink, .keep_trace = true};
    enum sim_error error = scn_load_setup(s, config, &options, &setup, out);
    if (error != SIM_OK)
        return error;
    return sim_machine_create(machine, sim_config_hv(*config), setup.images, setup.image_count,
                              &options, out);
}

static enum scn_status carry_out(const struct scn_script *s, struct sim_machine *m,
                                 const struct hv_config *config, bool update,
                                 struct scn_counts *counts, FILE *out)
{
    struct scn_view view = {
        scn_machine_trace(m), config, sim_machine_hv(m), s->path, update, false};
    for (size_t i = 0; i < s->count; i++) {
        const struct scn_command *c = &s->commands[i];
        if (scn_is_setup(c))
            continue;
        if (!scn_is_expectation(c)) {
            if (scn_machine_do(m, c, s->path, out) != SIM_OK)
                return SCN_ERROR;
            continue;
        }
        if (scn_expect(&view, c, out))
            counts->passed++;
        else
            counts->failed++;
    }
    return counts->failed ? SCN_FAILED : SCN_PASSED;
}

enum scn_status scn_run_script(const char *path, const char *build_dir, enum scn_engine engine,
                               bool update, struct scn_counts *counts, FILE *out)
{
    struct scn_script script = {0};
    struct sim_config *config = NULL;
    struct sim_machine *machine = NULL;
    enum scn_status status = SCN_ERROR;
    FILE *sink = fopen("/dev/null", "w");
    *counts = (struct scn_counts){0, 0};
    if (sink && scn_parse(path, build_dir, &script, out)) {
        if (engine == SCN_ENGINE_QEMU)
            status = scn_qemu_run(&script, counts, out);
        else if (build(&script, &config, &machine, sink, out) == SIM_OK)
            status = carry_out(&script, machine, sim_config_hv(config), update, counts, out);
    }
    if (script.path)
        scn_script_free(&script);
    sim_machine_destroy(machine);
    sim_config_free(config);
    if (sink)
        fclose(sink);
    return status;
}
