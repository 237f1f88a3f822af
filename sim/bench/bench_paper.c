/* sim/bench: `hvsim bench paper` (its command line: sim/cli/cmd_bench.c): runs the LEON3 paper's
 * cases (scenarios/paper/caseK) for N major frames each, collects what the Reader printed and
 * prints Tables 3, 4 and 5 in the paper's shape, the paper's figures beside ours with the relative
 * difference. Standard output is deterministic; the wall time of each case goes to standard error.
 */
#define _POSIX_C_SOURCE 200809L
#include "sim/bench/bench.h"
#include "sim/bench/bench_stats.h"
#include "sim/scenario/jobs.h"
#include "sim/setup.h"
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define CASES SIM_BENCH_CASES
#define EXIT_BAD_INPUT 2
#define EXIT_SIM_FAILED 3

struct paper_case {
    uint32_t npc, nsts, sdur_ms, maf_ms;
};

/* Table 2, corrected (docs/paper-benchmark.md). */
static const struct paper_case paper_cases[CASES] = {
    {3, 1, 1000, 4000}, {3, 5, 200, 4000},  {3, 10, 100, 4000}, {3, 50, 20, 4000},
    {5, 1, 100, 1500},  {10, 1, 100, 2000}, {15, 1, 100, 2500}, {20, 1, 100, 3000},
};

/* The paper's figures: Table 3 (rows avg, max, min, stdev; columns C1..C3,
 * summary), Table 4 (cases 1..4), Table 5 (cases 5..8; avg, max, min). */
static const double paper_table3[4][4] = {
    {8331550, 8331556, 8331528, 8331548},
    {8331560, 8331562, 8331538, 8331562},
    {8331547, 8331552, 8331527, 8331527},
    {3.27, 4.02, 5.22, 3.22},
};
static const double paper_table4_avg[4] = {8331527, 8325758, 8317924, 8259992};
static const double paper_table4_diff[4] = {0, 5769, 13603, 71535};
static const double paper_table4_lost[4] = {0, 0.069, 0.163, 0.859};
static const double paper_table4_pcs[4] = {0, 138, 162, 171};
static const double paper_table5[3][4] = {
    {831760, 831606, 831623, 831684},
    {831874, 831760, 831751, 831773},
    {831679, 831581, 831572, 831523},
};

struct bench {
    struct sim_bench_options o;
    struct bench_case_result results[CASES];
    bool ran[CASES];
};

/* --- one case, in a child process -------------------------------------- */

static void image_path(const struct bench *b, uint32_t id, uint32_t npc, char *out, size_t size)
{
    if (id < npc)
        snprintf(out, size, "%s/sparc/scenarios/paper/paper_counter_%u.elf", b->o.build_dir, id);
    else
        snprintf(out, size, "%s/sparc/scenarios/paper/paper_reader.elf", b->o.build_dir);
}

static enum sim_error run_machine(const struct bench *b, const struct hv_config *config,
                                  struct sim_options *options, FILE *diag)
{
    static char paths[HV_MAX_PARTITIONS][4096];
    struct sim_image_ref images[HV_MAX_PARTITIONS];
    for (uint32_t id = 0; id < config->partition_count; id++) {
        image_path(b, id, config->partition_count - 1, paths[id], sizeof paths[id]);
        images[id] = (struct sim_image_ref){.partition = id, .path = paths[id]};
    }
    struct sim_machine *machine = NULL;
    enum sim_error error =
        sim_machine_create(&machine, config, images, config->partition_count, options, diag);
    if (error == SIM_OK)
        error = sim_machine_run_mafs(machine, b->o.mafs, diag);
    if (error == SIM_OK)
        sim_machine_drain_console(machine);
    sim_machine_destroy(machine);
    return error;
}

/* The job: the Reader's console text on out, or the problem. */
static int run_case(void *context, size_t index, FILE *out)
{
    const struct bench *b = context;
    char path[4096];
    char *console_text = NULL;
    size_t console_size = 0;
    struct sim_config *config = NULL;
    struct sim_options options = {0};
    snprintf(path, sizeof path, "%s/case%zu/xm_cf.xml", b->o.paper_dir, index + 1);
    enum sim_error error = sim_setup_load(path, out, &config, &options);
    if (error != SIM_OK)
        return EXIT_BAD_INPUT;
    options.console = open_memstream(&console_text, &console_size);
    if (!options.console)
        error = SIM_ERR_NO_MEMORY;
    else
        error = run_machine(b, sim_config_hv(config), &options, out);
    if (options.console)
        fclose(options.console);
    if (error == SIM_OK)
        fputs(console_text, out);
    free(console_text);
    sim_config_free(config);
    return error == SIM_OK ? 0 : error == SIM_ERR_CPU ? EXIT_SIM_FAILED : EXIT_BAD_INPUT;
}

/* --- tables ------------------------------------------------------------- */

static double relative(double ours, double paper)
{
    return paper == 0 ? 0 : (ours - paper) / paper * 100.0;
}

/* "  paper    hvsim    diff" for one value. */
static void cell(double paper, double ours, int decimals)
{
    printf(" %10.*f %10.*f %+8.3f%%", decimals, paper, decimals, ours, relative(ours, paper));
}

static void print_table3(const struct bench *b)
{
    static const char *const rows[] = {"Avg", "Max", "Min", "Stdev"};
    const struct bench_case_result *r = &b->results[0];
    printf("Table 3. Case 1: 3 partitions, 1 slot of 1 s (increments per MAF)\n%-6s", "");
    for (int c = 0; c < 4; c++) /* titles right-aligned over their three columns */
        printf(" %31s",
               c < 3 ? (const char *[]){"Counter 1", "Counter 2", "Counter 3"}[c] : "Summary");
    printf("\n%-6s", "");
    for (int c = 0; c < 4; c++)
        printf(" %10s %10s %9s", "paper", "hvsim", "diff");
    printf("\n");
    for (int row = 0; row < 4; row++) {
        printf("%-6s", rows[row]);
        for (int c = 0; c < 4; c++) {
            const struct bench_stats *s = c < 3 ? &r->per_counter[c] : &r->summary;
            const double v[] = {s->avg, s->max, s->min, s->stdev};
            cell(paper_table3[row][c], v[row], row == 3 ? 2 : 0);
        }
        printf("\n");
    }
    printf("\n");
}

static void table4_row(const struct bench *b, const char *name, int row)
{
    double base = b->results[0].summary.avg;
    printf("%-22s", name);
    for (int k = 0; k < 4; k++) {
        if (!b->ran[k])
            continue;
        double avg = b->results[k].summary.avg, diff = base - avg;
        const double ours[] = {avg, diff, diff / base * 100.0,
                               diff * 1e6 / base / paper_cases[k].nsts};
        const double paper[] = {paper_table4_avg[k], paper_table4_diff[k], paper_table4_lost[k],
                                paper_table4_pcs[k]};
        if (k == 0 && row > 0)
            printf(" %10s %10s %9s", "-", "-", "");
        else
            cell(paper[row], ours[row], row == 2 ? 3 : 0);
    }
    printf("\n");
}

static void print_table4(const struct bench *b)
{
    printf("Table 4. Cases 1..4: the same 1 s per MAF in 1, 5, 10, 50 slots\n%-22s", "");
    for (int k = 0; k < 4; k++)
        if (b->ran[k])
            printf(" %29s %d", "Case", k + 1);
    printf("\n%-22s", "");
    for (int k = 0; k < 4; k++)
        if (b->ran[k])
            printf(" %10s %10s %9s", "paper", "hvsim", "diff");
    printf("\n");
    table4_row(b, "Average", 0);
    table4_row(b, "Difference", 1);
    table4_row(b, "Performance lost (%)", 2);
    table4_row(b, "PCS estimate (us)", 3);
    printf("\n");
}

static void print_table5(const struct bench *b)
{
    static const char *const rows[] = {"Avg", "Max", "Min"};
    printf("Table 5. Cases 5..8: 5, 10, 15, 20 partitions (increments per 100 ms slot)\n%-6s", "");
    for (int k = 4; k < CASES; k++)
        if (b->ran[k])
            printf(" %29s %d", "Case", k + 1);
    printf("\n%-6s", "");
    for (int k = 4; k < CASES; k++)
        if (b->ran[k])
            printf(" %10s %10s %9s", "paper", "hvsim", "diff");
    printf("\n");
    for (int row = 0; row < 3; row++) {
        printf("%-6s", rows[row]);
        for (int k = 4; k < CASES; k++) {
            const struct bench_stats *s = &b->results[k].summary;
            const double v[] = {s->avg, s->max, s->min};
            if (b->ran[k])
                cell(paper_table5[row][k - 4], v[row], 0);
        }
        printf("\n");
    }
    printf("\n");
}

/* A case the paper has no table for alone (cases 2..4 without case 1). */
static void print_case_summary(const struct bench *b, int k)
{
    const struct bench_stats *s = &b->results[k].summary;
    printf("Case %d summary: avg %.0f max %.0f min %.0f stdev %.2f\n", k + 1, s->avg, s->max,
           s->min, s->stdev);
}

static void print_tables(const struct bench *b)
{
    printf("hvsim bench paper: %llu MAFs per case\n\n", (unsigned long long)b->o.mafs);
    if (b->ran[0])
        print_table3(b);
    if (b->ran[0] && (b->ran[1] || b->ran[2] || b->ran[3]))
        print_table4(b);
    else
        for (int k = 1; k < 4; k++)
            if (b->ran[k])
                print_case_summary(b, k);
    if (b->ran[4] || b->ran[5] || b->ran[6] || b->ran[7])
        print_table5(b);
}

static double seconds_since(const struct timespec *start)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - start->tv_sec) + (double)(now.tv_nsec - start->tv_nsec) / 1e9;
}

/* Turn each job's output into its case's results; false on any failure. */
static bool collect(struct bench *b, const int *cases, const struct sim_job_result *results,
                    size_t count)
{
    bool ok = true;
    char error[160];
    for (size_t i = 0; i < count; i++) {
        int k = cases[i];
        if (results[i].status != 0) {
            fprintf(stderr, "hvsim bench: case %d failed:\n%s", k + 1,
                    results[i].output ? results[i].output : "");
            ok = false;
        } else if (!bench_parse_reader(results[i].output ? results[i].output : "",
                                       paper_cases[k].npc, (uint32_t)b->o.mafs, &b->results[k],
                                       error, sizeof error)) {
            fprintf(stderr, "hvsim bench: case %d: %s\n", k + 1, error);
            ok = false;
        } else {
            b->ran[k] = true;
        }
    }
    return ok;
}

/* Jobs are numbered by case; the runner's index is the position in `cases`. */
struct bench_jobs {
    struct bench *bench;
    const int *cases;
};

static int run_selected_case(void *context, size_t index, FILE *out)
{
    struct bench_jobs *jobs = context;
    return run_case(jobs->bench, (size_t)jobs->cases[index], out);
}

int sim_bench_paper(const struct sim_bench_options *options)
{
    static struct bench b;
    b = (struct bench){.o = *options};
    int cases[CASES];
    size_t count = 0;
    for (int k = 0; k < CASES; k++)
        if (b.o.selected[k])
            cases[count++] = k;
    struct sim_job_result results[CASES];
    struct bench_jobs jobs = {&b, cases};
    struct timespec start;
    clock_gettime(CLOCK_MONOTONIC, &start);
    bool ok = sim_jobs_run(count, b.o.parallel, run_selected_case, &jobs, results, stderr);
    ok = ok && collect(&b, cases, results, count);
    sim_jobs_free(results, count);
    fprintf(stderr, "hvsim bench: %zu case(s) x %llu MAFs in %.1f s wall time (-j %u)\n", count,
            (unsigned long long)b.o.mafs, seconds_since(&start), b.o.parallel);
    if (!ok)
        return EXIT_SIM_FAILED;
    print_tables(&b);
    return 0;
}
