/* sim/scenario: the runner behind `hvsim scenario` (its command line:
 * sim/cli/cmd_scenario.c). Each DIR is a scenario folder (it holds scenario.hvsim), a
 * script file, or a folder searched for scenario folders (in name order).
 * Every scenario runs in its own process and simulator instance, -j at a
 * time; results are printed in the order the scenarios were found: the
 * failed expectations' lines, one status line per scenario, and
 * "N passed, M failed". Exit status 0 when all passed, 1 when any failed,
 * 2 for bad usage or a scenario that could not run. */
#define _DEFAULT_SOURCE
#include "sim/scenario/scenario_runner.h"
#include "sim/common/files.h"
#include "sim/scenario/jobs.h"
#include "sim/scenario/scenario_run.h"
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define EXIT_FAILED 1
#define EXIT_BAD_INPUT 2
#define EXIT_SKIPPED 3 /* a job's status only: the engine cannot run the scenario */
#define COUNTS_MARK "@counts "

/* --- finding scenarios ----------------------------------------------------- */

static bool add_script(struct sim_scenario_runner *r, const char *path)
{
    char **grown = realloc(r->scripts, (r->count + 1) * sizeof *grown);
    if (!grown)
        return false;
    r->scripts = grown;
    r->scripts[r->count] = strdup(path);
    return r->scripts[r->count++] != NULL;
}

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static bool find(struct sim_scenario_runner *r, const char *path);

static bool find_below(struct sim_scenario_runner *r, const char *dir)
{
    struct dirent **entries;
    int n = scandir(dir, &entries, NULL, alphasort);
    bool ok = n >= 0;
    for (int i = 0; i < n; i++) {
        char child[4096];
        snprintf(child, sizeof child, "%s/%s", dir, entries[i]->d_name);
        if (entries[i]->d_name[0] != '.' && is_dir(child))
            ok &= find(r, child);
        free(entries[i]);
    }
    free(entries);
    return ok;
}

static bool find(struct sim_scenario_runner *r, const char *path)
{
    char script[4096];
    if (is_file(path))
        return add_script(r, path);
    snprintf(script, sizeof script, "%s/%s", path, SCN_SCRIPT_NAME);
    if (is_file(script))
        return add_script(r, script);
    return is_dir(path) && find_below(r, path);
}

/* --- running ---------------------------------------------------------------- */

static int run_one(void *context, size_t index, FILE *out)
{
    const struct sim_scenario_runner *r = context;
    struct scn_counts counts;
    enum scn_status status =
        scn_run_script(r->scripts[index], r->build_dir, r->qemu ? SCN_ENGINE_QEMU : SCN_ENGINE_SIM,
                       r->update, &counts, out);
    fprintf(out, COUNTS_MARK "%u %u\n", counts.passed, counts.failed);
    return status == SCN_PASSED    ? 0
           : status == SCN_FAILED  ? EXIT_FAILED
           : status == SCN_SKIPPED ? EXIT_SKIPPED
                                   : EXIT_BAD_INPUT;
}

/* A folder named only by dots ("." from inside it, "..", "x/.."). */
static bool says_nothing(const char *folder)
{
    const char *last = strrchr(folder, '/');
    last = last ? last + 1 : folder;
    return strcmp(last, ".") == 0 || strcmp(last, "..") == 0;
}

/* The scenario's name: its folder (its real name when the path was only
 * dots: `hvsim scenario .` run from inside it). */
static void scenario_name(const char *script, char *out, size_t size)
{
    const char *slash = strrchr(script, '/');
    bool standard = slash && strcmp(slash + 1, SCN_SCRIPT_NAME) == 0;
    snprintf(out, size, "%.*s", standard ? (int)(slash - script) : (int)strlen(script), script);
    char *real = standard && says_nothing(out) ? realpath(out, NULL) : NULL;
    if (real)
        snprintf(out, size, "%s", real);
    free(real);
}

/* Split a job's output into its report and its counts. */
static void take_counts(struct sim_job_result *result, struct scn_counts *counts)
{
    char *mark = result->output;
    *counts = (struct scn_counts){0, 0};
    while (mark && strncmp(mark, COUNTS_MARK, strlen(COUNTS_MARK)) != 0) {
        mark = strchr(mark, '\n');
        mark = mark ? mark + 1 : NULL;
    }
    if (!mark)
        return;
    sscanf(mark + strlen(COUNTS_MARK), "%u %u", &counts->passed, &counts->failed);
    mark[0] = '\0';
}

static void print_result(const char *name, const struct sim_job_result *result,
                         const struct scn_counts *c)
{
    const char *report = result->output ? result->output : "";
    if (result->status == EXIT_SKIPPED)
        printf("scenario %s: ", name); /* before "cannot run on qemu: WHY" */
    fputs(report, stdout);
    if (result->status == 0)
        printf("ok     %s (%u expectations)\n", name, c->passed);
    else if (result->status == EXIT_SKIPPED)
        printf("skip   %s (cannot run on qemu)\n", name);
    else if (result->status == EXIT_FAILED)
        printf("FAILED %s (%u of %u expectations failed)\n", name, c->failed,
               c->passed + c->failed);
    else
        printf("ERROR  %s (%s)\n", name,
               result->status > 128 ? "the simulator crashed" : "could not run");
}

/* --- JUnit -------------------------------------------------------------------- */

static void xml_text(FILE *f, const char *s)
{
    for (; s && *s; s++) {
        if (*s == '<')
            fputs("&lt;", f);
        else if (*s == '>')
            fputs("&gt;", f);
        else if (*s == '&')
            fputs("&amp;", f);
        else if (*s == '"')
            fputs("&quot;", f);
        else
            fputc(*s, f);
    }
}

static bool write_junit(const struct sim_scenario_runner *r, const struct sim_job_result *results,
                        unsigned failed)
{
    FILE *f = sim_file_open_output(r->junit_path, "w", stderr);
    if (!f)
        return false;
    fprintf(f,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<testsuite name=\"hvsim scenarios\" tests=\"%zu\" failures=\"%u\">\n",
            r->count, failed);
    for (size_t i = 0; i < r->count; i++) {
        char name[4096];
        scenario_name(r->scripts[i], name, sizeof name);
        fputs("  <testcase classname=\"scenario\" name=\"", f);
        xml_text(f, name);
        fputs("\">", f);
        if (results[i].status == EXIT_SKIPPED) {
            fputs("<skipped message=\"", f);
            xml_text(f, results[i].output);
            fputs("\"/>", f);
        } else if (results[i].status != 0) {
            fputs("<failure message=\"scenario failed\">", f);
            xml_text(f, results[i].output);
            fputs("</failure>", f);
        }
        fputs("</testcase>\n", f);
    }
    fputs("</testsuite>\n", f);
    return sim_file_close_output(f, r->junit_path, stderr); /* /dev/full: said, not silent */
}

static int report_all(const struct sim_scenario_runner *r, struct sim_job_result *results)
{
    unsigned passed = 0, failed = 0, skipped = 0;
    bool error = false;
    for (size_t i = 0; i < r->count; i++) {
        char name[4096];
        struct scn_counts counts;
        take_counts(&results[i], &counts);
        scenario_name(r->scripts[i], name, sizeof name);
        print_result(name, &results[i], &counts);
        passed += results[i].status == 0;
        skipped += results[i].status == EXIT_SKIPPED;
        failed += results[i].status != 0 && results[i].status != EXIT_SKIPPED;
        error |= results[i].status != 0 && results[i].status != EXIT_FAILED &&
                 results[i].status != EXIT_SKIPPED;
    }
    printf("%u passed, %u failed", passed, failed);
    if (skipped)
        printf(", %u skipped on qemu", skipped);
    printf("%s\n", r->update ? " (--update)" : "");
    if (r->junit_path && !write_junit(r, results, failed))
        return EXIT_BAD_INPUT;
    return error ? EXIT_BAD_INPUT : failed ? EXIT_FAILED : 0;
}

bool sim_scenario_runner_find(struct sim_scenario_runner *r, const char *path)
{
    return find(r, path);
}

int sim_scenario_runner_run(struct sim_scenario_runner *r)
{
    struct sim_job_result *results = calloc(r->count, sizeof *results);
    if (!results) {
        fprintf(stderr, "hvsim scenario: out of memory\n");
        return EXIT_BAD_INPUT;
    }
    int status = EXIT_BAD_INPUT;
    if (sim_jobs_run(r->count, r->parallel, run_one, r, results, stderr))
        status = report_all(r, results);
    sim_jobs_free(results, r->count);
    free(results);
    return status;
}

void sim_scenario_runner_shard(struct sim_scenario_runner *r, unsigned k, unsigned n)
{
    size_t kept = 0;
    for (size_t i = 0; i < r->count; i++) {
        if (i % n == k - 1)
            r->scripts[kept++] = r->scripts[i];
        else
            free(r->scripts[i]);
    }
    r->count = kept;
}

void sim_scenario_runner_free(struct sim_scenario_runner *r)
{
    for (size_t i = 0; i < r->count; i++)
        free(r->scripts[i]);
    free(r->scripts);
    r->scripts = NULL;
    r->count = 0;
}
