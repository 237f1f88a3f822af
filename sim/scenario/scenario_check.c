/* sim/scenario: a parsed script checked whole against its configuration
 * before anything runs (docs/scenarios.md, "The script"): every partition,
 * plan, slot, board and cost it names, every file it reads, and every run
 * that would stop in the past. What the script says is all there is to go
 * on, so times are lower bounds: a run whose end depends on the system
 * (N major frames when plans can switch, a slot, a trap's partition) moves
 * the scenario on by at least what is certain. */
#define _POSIX_C_SOURCE 200809L
#include "sim/config/loader.h"
#include "sim/scenario/scenario.h"
#include "sim/setup.h"
#include <errno.h>
#include <hvcore/drivers.h>
#include <stdarg.h>
#include <string.h>
#include <unistd.h>

struct checker {
    const struct scn_script *script;
    const struct hv_config *config; /* NULL: it did not load */
    const struct hv_board *board;
    bool update;
    FILE *diag;
    bool ok;
    uint64_t now_us;  /* the scenario is at this time or later */
    bool now_exact;   /* ... exactly there (a `run until` stopped there) */
    int now_line;     /* the run command that set now_us; 0: boot */
    uint64_t maf_min; /* the shortest and longest major frame of the plans */
    uint64_t maf_max;
};

__attribute__((format(printf, 3, 4))) static void problem(struct checker *k, int line,
                                                          const char *format, ...)
{
    va_list args;
    va_start(args, format);
    fprintf(k->diag, "%s:%d: ", k->script->path, line);
    vfprintf(k->diag, format, args);
    fputc('\n', k->diag);
    va_end(args);
    k->ok = false;
}

/* --- names ------------------------------------------------------------------- */

static void partition_names(const struct hv_config *config, char *out, size_t size)
{
    size_t used = 0;
    out[0] = '\0';
    for (uint32_t i = 0; i < config->partition_count && used < size; i++)
        used += (size_t)snprintf(out + used, size - used, "%s%s", i ? ", " : "",
                                 config->partitions[i].name);
}

/* WHO names a partition (or, where allowed, the hypervisor "XM" or "all"). */
static void check_partition(struct checker *k, const struct scn_command *c, bool xm_allowed)
{
    if (!k->config || (xm_allowed && strcmp(c->who, "XM") == 0))
        return;
    if (scn_partition(k->config, c->who) >= 0)
        return;
    char names[512];
    partition_names(k->config, names, sizeof names);
    problem(k, c->line, "the configuration has no partition '%s' (its partitions: %s%s)", c->who,
            names, xm_allowed ? "; XM for the hypervisor" : "");
}

/* A plan the configuration has (plan 0, asked for while another runs, is
 * refused when the run gets there: whether it runs is not known here). */
static void check_plan(struct checker *k, const struct scn_command *c)
{
    uint32_t last = k->config ? k->config->plan_count - 1 : 0;
    if (!k->config || c->n1 <= last)
        return;
    if (c->op == SCN_INJECT_PLAN)
        problem(k, c->line,
                "inject plan %llu: not a plan to switch to (the configuration has plans 0..%u; "
                "plan 0 comes back only with a reset)",
                (unsigned long long)c->n1, last);
    else
        problem(k, c->line, "the configuration has no plan %llu (its plans are 0..%u)",
                (unsigned long long)c->n1, last);
}

/* --- files ------------------------------------------------------------------- */

static void check_readable(struct checker *k, const struct scn_command *c, const char *what,
                           const char *hint)
{
    if (access(c->text, R_OK) != 0)
        problem(k, c->line, "%s %s: %s%s", what, c->text, strerror(errno), hint);
}

static void check_images(struct checker *k)
{
    if (!k->config)
        return;
    int first_run = 0;
    bool has_image[HV_MAX_PARTITIONS] = {false};
    for (size_t i = 0; i < k->script->count; i++) {
        const struct scn_command *c = &k->script->commands[i];
        int32_t id = c->op == SCN_IMAGE ? scn_partition(k->config, c->who) : -1;
        if (id >= 0 && has_image[id])
            problem(k, c->line, "a second image for %s", c->who);
        if (id >= 0)
            has_image[id] = true;
        if (!first_run && c->op >= SCN_RUN_MAFS)
            first_run = c->line;
    }
    for (uint32_t id = 0; id < k->config->partition_count; id++)
        if (!has_image[id])
            problem(k, first_run ? first_run : 1,
                    "partition %u (%s) has no image: every partition needs one (image %s FILE)", id,
                    k->config->partitions[id].name, k->config->partitions[id].name);
}

/* --- time ---------------------------------------------------------------------- */

static void major_frames(struct checker *k)
{
    k->maf_min = UINT64_MAX;
    k->maf_max = 0;
    for (uint32_t p = 0; k->config && p < k->config->plan_count; p++) {
        uint64_t maf = k->config->plans[p].major_frame_us;
        k->maf_min = maf < k->maf_min ? maf : k->maf_min;
        k->maf_max = maf > k->maf_max ? maf : k->maf_max;
    }
    if (k->maf_max == 0)
        k->maf_min = 0; /* no configuration: nothing is known of frames */
}

static void moved_to(struct checker *k, const struct scn_command *c, uint64_t us, bool exact)
{
    if (us >= k->now_us) {
        k->now_us = us;
        k->now_exact = exact;
        k->now_line = c->line;
    }
}

static void run_until(struct checker *k, const struct scn_command *c)
{
    char at[32], then[32];
    sim_time_text(c->n1, at, sizeof at);
    sim_time_text(k->now_us, then, sizeof then);
    if (c->n1 < k->now_us)
        problem(k, c->line, "run until %s: that is in the past, the scenario is at %s%s (line %d)",
                at, k->now_exact ? "" : "least at ", then, k->now_line);
    else if (c->n1 == k->now_us && k->now_exact && k->now_line)
        problem(k, c->line, "run until %s: runs nothing, the run of line %d stopped there", at,
                k->now_line);
    moved_to(k, c, c->n1, true);
}

/* Slot K exists in some plan; frame M has not ended yet. */
static void run_slot(struct checker *k, const struct scn_command *c)
{
    bool exists = false;
    for (uint32_t p = 0; k->config && p < k->config->plan_count; p++)
        exists |= c->n1 < k->config->plans[p].slot_count;
    if (k->config && !exists) {
        char counts[256];
        size_t used = 0;
        for (uint32_t p = 0; p < k->config->plan_count && used < sizeof counts; p++)
            used += (size_t)snprintf(counts + used, sizeof counts - used, "%splan %u: 0..%u",
                                     p ? ", " : "", p, k->config->plans[p].slot_count - 1);
        problem(k, c->line, "run until slot %llu: no plan has slot %llu (slots of %s)",
                (unsigned long long)c->n1, (unsigned long long)c->n1, counts);
    }
    if (c->has_n2 && k->maf_max && c->n2 + 1 <= k->now_us / k->maf_max) {
        char then[32];
        problem(k, c->line,
                "run until slot %llu of maf %llu: that major frame has ended, the scenario is at "
                "least at %s (line %d)",
                (unsigned long long)c->n1, (unsigned long long)c->n2,
                sim_time_text(k->now_us, then, sizeof then), k->now_line);
    }
    if (c->has_n2)
        moved_to(k, c, c->n2 * k->maf_min, false);
    k->now_exact = false;
}

static void check_time(struct checker *k, const struct scn_command *c)
{
    switch (c->op) {
    case SCN_RUN_UNTIL:
        run_until(k, c);
        break;
    case SCN_RUN_FOR:
        moved_to(k, c, k->now_us + c->n1 < k->now_us ? UINT64_MAX : k->now_us + c->n1,
                 k->now_exact);
        break;
    case SCN_RUN_MAFS: /* N frame starts crossed: at least N - 1 whole frames */
        moved_to(k, c, k->now_us + (c->n1 ? c->n1 - 1 : 0) * k->maf_min, false);
        k->now_exact = false;
        break;
    case SCN_RUN_SLOT:
        run_slot(k, c);
        break;
    case SCN_INJECT_TRAP: /* runs on until the partition holds the CPU */
        k->now_exact = false;
        break;
    default:
        break;
    }
}

/* --- commands -------------------------------------------------------------------- */

static void check_setup(struct checker *k, const struct scn_command *c)
{
    struct sim_costs costs;
    switch (c->op) {
    case SCN_CONFIG:
        if (c->line)
            check_readable(k, c, "config", "");
        break;
    case SCN_IMAGE:
        check_partition(k, c, false);
        check_readable(k, c, "image", "");
        break;
    case SCN_COST:
        if (!sim_setup_parse_costs(c->text, &costs))
            problem(k, c->line,
                    "bad cost '%s' (NAME=CYCLES, NAME entry, hypercall, context-switch or "
                    "io-access)",
                    c->text);
        break;
    case SCN_BOARD:
        k->board = hv_board_find(c->text);
        if (!k->board)
            problem(k, c->line, "unknown board '%s' (xm-leon3, qemu-leon3)", c->text);
        break;
    default:
        break;
    }
}

static const char *file_label(const struct scn_command *c)
{
    return c->op == SCN_EXPECT_CONSOLE ? "expect console: file" : "expect stderr: file";
}

static void check_expect(struct checker *k, const struct scn_command *c)
{
    switch (c->op) {
    case SCN_EXPECT_CONSOLE:
    case SCN_EXPECT_STDERR:
        if (c->op == SCN_EXPECT_CONSOLE && strcmp(c->who, "all") != 0)
            check_partition(k, c, false);
        if (c->match == SCN_SAME)
            check_readable(k, c, file_label(c), " (the scenario that records it writes it)");
        else if (c->match == SCN_FILE && !k->update)
            check_readable(k, c, file_label(c), " (hvsim scenario --update writes it)");
        break;
    case SCN_EXPECT_HM:
        check_partition(k, c, true);
        break;
    case SCN_EXPECT_STATE:
    case SCN_EXPECT_PORTS:
        check_partition(k, c, false);
        break;
    case SCN_EXPECT_PLAN:
        check_plan(k, c);
        break;
    default:
        break;
    }
}

static void check_command(struct checker *k, const struct scn_command *c)
{
    check_setup(k, c);
    check_time(k, c);
    check_expect(k, c);
    if (c->op == SCN_INJECT_TRAP)
        check_partition(k, c, false);
    if (c->op == SCN_INJECT_PLAN)
        check_plan(k, c);
    if (c->op == SCN_INJECT_UART && c->n1 == 2 && k->board && k->board->uart2_base == 0)
        problem(k, c->line, "inject uart2: board %s has no UART2", k->board->name);
}

bool scn_check(const struct scn_script *script, const struct hv_config *config,
               const struct hv_board *board, bool update, FILE *diag)
{
    struct checker k = {.script = script,
                        .config = config,
                        .board = board ? board : &hv_board_xm_leon3,
                        .update = update,
                        .diag = diag,
                        .ok = true};
    major_frames(&k);
    for (size_t i = 0; i < script->count; i++)
        check_command(&k, &script->commands[i]);
    check_images(&k);
    return k.ok;
}
