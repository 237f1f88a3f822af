/* sim/scenario: a scenario on the qemu engine. QEMU runs the LEON3 image
 * from boot to an end fixed before it starts, with no way in on the way:
 * so the script's system runs once, far enough for all its `run`
 * commands, and each `run` command becomes a cut of that run's trace —
 * the expectations after it look at the records before the cut, and at
 * partition states and the plan rebuilt from those records. Injections
 * cannot be carried out (the scenario is skipped, saying so); `expect
 * hash` is not checked (times differ between engines); console times are
 * masked (scn_view.times_vary). */
#define _POSIX_C_SOURCE 200809L /* open_memstream */
#include "sim/scenario/scenario_qemu.h"
#include "sim/config/board_check.h"
#include "sim/engine/qemu.h"
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* "cannot run on qemu: WHY": the runner puts "scenario NAME: " before it. */
__attribute__((format(printf, 2, 3))) static enum scn_status skip(FILE *out, const char *format,
                                                                  ...)
{
    va_list args;
    va_start(args, format);
    fputs("cannot run on qemu: ", out);
    vfprintf(out, format, args);
    fputc('\n', out);
    va_end(args);
    return SCN_SKIPPED;
}

/* The script's own reason, or its first injection; NULL: none. */
static const struct scn_command *refusing_command(const struct scn_script *s)
{
    for (size_t i = 0; i < s->count; i++)
        if (s->commands[i].op == SCN_SKIP)
            return &s->commands[i];
    for (size_t i = 0; i < s->count; i++)
        if (s->commands[i].op >= SCN_INJECT_TRAP && s->commands[i].op <= SCN_INJECT_PLAN)
            return &s->commands[i];
    return NULL;
}

static enum scn_status refuse(const struct scn_command *c, FILE *out)
{
    if (c->op == SCN_SKIP)
        return skip(out, "%s", c->text);
    return skip(out,
                "line %d injects, and QEMU runs the image from boot to its end without a way in",
                c->line);
}

/* The board check's first problem, as the reason. */
static enum scn_status check_board(const struct sim_config *config, const char *config_path,
                                   FILE *out)
{
    char *problems = NULL;
    size_t size = 0;
    FILE *diag = open_memstream(&problems, &size);
    if (!diag)
        return SCN_ERROR;
    enum sim_error error = sim_config_check_board(config, config_path, &hv_board_qemu_leon3, diag);
    fclose(diag);
    enum scn_status status = SCN_PASSED;
    if (error != SIM_OK)
        status = skip(out, "%.*s", (int)strcspn(problems, "\n"), problems);
    free(problems);
    return status;
}

/* Major frames enough for every run command (more is only time). */
static uint64_t mafs_needed(const struct scn_script *s, const struct hv_config *config)
{
    uint64_t shortest = UINT64_MAX, mafs = 0;
    for (uint32_t p = 0; p < config->plan_count; p++)
        if (config->plans[p].major_frame_us > 0 && config->plans[p].major_frame_us < shortest)
            shortest = config->plans[p].major_frame_us;
    for (size_t i = 0; i < s->count; i++) {
        const struct scn_command *c = &s->commands[i];
        if (c->op == SCN_RUN_MAFS)
            mafs += c->n1;
        else if (c->op == SCN_RUN_SLOT)
            mafs = (c->has_n2 && c->n2 > mafs ? c->n2 : mafs) + 2;
        else if (c->op == SCN_RUN_FOR)
            mafs += c->n1 / shortest + 2;
        else if (c->op == SCN_RUN_UNTIL && c->n1 / shortest + 2 > mafs)
            mafs = c->n1 / shortest + 2;
    }
    return mafs + 1;
}

/* --- cutting the run where a run command would have stopped ------------- */

struct cut {
    const struct sim_trace *trace;
    size_t end; /* records [0, end) are the run so far */
    uint32_t khz;
};

static uint64_t maf_before(const struct sim_trace *t, size_t end)
{
    for (size_t i = end; i > 0; i--)
        if (t->records[i - 1].kind == HV_TRACE_MAF_START)
            return t->records[i - 1].a;
    return 0;
}

/* The simulator stops once the scheduler has handled a boundary: the
 * slot ends and starts, state changes and switch it made at that time. */
static size_t after_boundary(const struct sim_trace *t, size_t i)
{
    for (i++; i < t->count; i++) {
        uint16_t kind = t->records[i].kind;
        if (kind != HV_TRACE_SLOT_START && kind != HV_TRACE_SLOT_END && kind != HV_TRACE_STATE &&
            kind != HV_TRACE_SWITCH && kind != HV_TRACE_PLAN_SWITCH)
            break;
    }
    return i;
}

static size_t cut_at_maf(const struct cut *cut, uint64_t maf)
{
    for (size_t i = cut->end; i < cut->trace->count; i++)
        if (cut->trace->records[i].kind == HV_TRACE_MAF_START && cut->trace->records[i].a >= maf)
            return after_boundary(cut->trace, i);
    return cut->trace->count; /* the system halted first */
}

/* The next start of slot c->n1 (in major frame c->n2), or SIZE_MAX. */
static size_t cut_at_slot(const struct cut *cut, const struct scn_command *c)
{
    uint64_t maf = maf_before(cut->trace, cut->end), give_up = c->has_n2 ? c->n2 : maf + 1;
    for (size_t i = cut->end; i < cut->trace->count; i++) {
        const struct sim_trace_record *r = &cut->trace->records[i];
        maf = r->kind == HV_TRACE_MAF_START ? r->a : maf;
        if (maf > give_up)
            break;
        if (r->kind == HV_TRACE_SLOT_START && r->a == c->n1 && (!c->has_n2 || maf == c->n2))
            return after_boundary(cut->trace, i);
    }
    return SIZE_MAX;
}

static size_t cut_at_cycle(const struct cut *cut, uint64_t cycle)
{
    size_t i = cut->end;
    while (i < cut->trace->count && cut->trace->records[i].cycle < cycle)
        i++;
    return i;
}

static bool advance(struct cut *cut, const struct scn_script *s, const struct scn_command *c,
                    FILE *out)
{
    uint64_t now = cut->end ? cut->trace->records[cut->end - 1].cycle : 0;
    uint64_t cycles = c->n1 * cut->khz / 1000u;
    size_t end;
    switch (c->op) {
    case SCN_RUN_MAFS:
        end = cut_at_maf(cut, maf_before(cut->trace, cut->end) + c->n1);
        break;
    case SCN_RUN_UNTIL:
        end = cut_at_cycle(cut, cycles);
        break;
    case SCN_RUN_FOR:
        end = cut_at_cycle(cut, now + cycles);
        break;
    default:
        end = cut_at_slot(cut, c);
        if (end == SIZE_MAX)
            return scn_report(s->path, c->line, out, "slot %" PRIu64 " did not start%s", c->n1,
                              c->has_n2 ? " in that major frame" : " within a major frame");
    }
    cut->end = end > cut->end ? end : cut->end;
    return true;
}

/* --- what the expectations look at ----------------------------------------- */

/* Partition states and the plan as the records before the cut leave them
 * (a partition starts idle and boots ready: a state record each). */
static void rebuild_state(struct hv *hv, const struct cut *cut, const struct hv_config *config)
{
    uint64_t frame_start_us = 0;
    bool switched = false, first = true;
    memset(hv, 0, sizeof *hv);
    hv->sched.prev_plan = -1;
    for (size_t i = 0; i < cut->end; i++) {
        const struct sim_trace_record *r = &cut->trace->records[i];
        if (r->kind == HV_TRACE_STATE && r->partition >= 0 &&
            (uint32_t)r->partition < config->partition_count)
            hv->partitions[r->partition].state = r->a;
        if (r->kind == HV_TRACE_PLAN_SWITCH && r->a < config->plan_count) {
            hv->sched.prev_plan = (int32_t)r->b;
            switched = true;
        }
        if (r->kind != HV_TRACE_MAF_START || r->b >= config->plan_count)
            continue;
        if (!first)
            frame_start_us += config->plans[hv->sched.plan].major_frame_us;
        first = false;
        hv->sched.plan = r->b;
        if (switched)
            hv->sched.switch_us = frame_start_us, switched = false;
    }
}

static enum scn_status carry_out(const struct scn_script *s, const struct sim_trace *trace,
                                 const struct hv_config *config, struct scn_counts *counts,
                                 FILE *out)
{
    struct hv *state = malloc(sizeof *state);
    if (!state)
        return SCN_ERROR;
    struct cut cut = {trace, 0, hv_board_qemu_leon3.cpu_khz};
    struct sim_trace so_far = *trace;
    struct scn_view view = {&so_far, config, state, s->path, false, true, NULL, 0};
    enum scn_status status = SCN_PASSED;
    for (size_t i = 0; i < s->count && status == SCN_PASSED; i++) {
        const struct scn_command *c = &s->commands[i];
        if (scn_is_setup(c) || c->op == SCN_EXPECT_HASH || c->op == SCN_EXPECT_STDERR)
            continue;
        if (!scn_is_expectation(c)) {
            status = advance(&cut, s, c, out) ? SCN_PASSED : SCN_ERROR;
            so_far.count = cut.end;
            rebuild_state(state, &cut, config);
        } else if (scn_expect(&view, c, out)) {
            counts->passed++;
        } else {
            counts->failed++;
        }
    }
    free(state);
    return status != SCN_PASSED ? status : counts->failed ? SCN_FAILED : SCN_PASSED;
}

/* --- the run ---------------------------------------------------------------- */

static enum scn_status run_system(const struct scn_script *s, const struct sim_config *loaded,
                                  const struct scn_setup *setup, struct scn_counts *counts,
                                  FILE *out)
{
    const struct hv_config *config = sim_config_hv(loaded);
    struct sim_trace trace;
    sim_trace_init(&trace, true);
    char *diag_text = NULL;
    size_t diag_size = 0;
    FILE *diag = open_memstream(&diag_text, &diag_size), *sink = fopen("/dev/null", "w");
    struct sim_qemu_run run = {.config = config,
                               .images = setup->images,
                               .image_count = setup->image_count,
                               .mafs = mafs_needed(s, config),
                               .console = sink,
                               .trace = &trace};
    enum sim_error error = diag && sink ? sim_qemu_run(&run, diag) : SIM_ERR_IO;
    if (diag)
        fclose(diag);
    if (sink)
        fclose(sink);
    enum scn_status status = SCN_ERROR;
    if (error == SIM_OK)
        status = carry_out(s, &trace, config, counts, out);
    else if (diag_text)
        fputs(diag_text, out); /* the notices and why QEMU's run failed */
    free(diag_text);
    sim_trace_free(&trace);
    return status;
}

enum scn_status scn_qemu_run(const struct scn_script *s, struct scn_counts *counts, FILE *out)
{
    const struct scn_command *refusing = refusing_command(s);
    if (refusing)
        return refuse(refusing, out);
    struct sim_config *loaded = NULL;
    struct sim_options options = {0};
    struct scn_setup setup;
    enum scn_status status = SCN_ERROR;
    if (scn_load_setup(s, &loaded, &options, &setup, out) == SIM_OK) {
        status = check_board(loaded, setup.config_path, out);
        if (status == SCN_PASSED)
            status = run_system(s, loaded, &setup, counts, out);
    }
    sim_config_free(loaded);
    return status;
}
