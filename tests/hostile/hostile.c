/* hostile: the hostile-partition test (issue 11). The Attacker
 * (tests/guest/attacker.c) runs next to Healthy (tests/guest/healthy.c)
 * under tests/hostile/hostile.xml, once per attack and seed; the reference
 * run has an idle Attacker. An attack passes when Healthy's console bytes
 * (and the cycle of each), the cycle of every one of its slot starts, and
 * its memory and PCT at the end are those of the reference run: nothing
 * the Attacker did reached Healthy's time or memory.
 *
 * usage: hostile CONFIG ATTACKER.elf HEALTHY.elf [--mafs N] [--seeds N]
 *                [--first-seed S] [--mode MODE]... [--trace FILE]
 * MODE: random edge timers console irq (default: all of them; random runs
 * once per seed). Prints one line per run and a total; exit 1 if any run
 * differs, 2 on bad usage or a machine that cannot be built. */
#include "sim/config/config_load.h"
#include "sim/machine.h"
#include "sim/setup.h"
#include "sim/trace/trace.h"
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#define ATTACKER 0u
#define HEALTHY 1u
#define CONTROL 0x401fff00u /* attacker.c's control block */
#define HEALTHY_BASE 0x40200000u
#define HEALTHY_SIZE 0x100000u

enum { MODE_IDLE, MODE_RANDOM, MODE_EDGE, MODE_TIMERS, MODE_CONSOLE, MODE_IRQ, MODE_COUNT };
static const char *const mode_names[MODE_COUNT] = {"idle",   "random",  "edge",
                                                   "timers", "console", "irq"};
enum { CONTROL_MODE, CONTROL_SEED, CONTROL_RNG, CONTROL_CALLS, CONTROL_RESETS, CONTROL_WORDS };

struct args {
    const char *config, *attacker, *healthy;
    const char *trace; /* --trace FILE: each attack's trace (the last one stays), FILE.idle the
                          reference's */
    uint64_t mafs;
    uint32_t seeds, first_seed;
    bool modes[MODE_COUNT];
};

/* What Healthy saw of a run, and how hard the Attacker tried. */
struct outcome {
    uint8_t *bytes;
    uint64_t *byte_cycles;
    size_t byte_count;
    uint64_t *slot_starts;
    size_t slot_count;
    uint64_t memory_hash;
    uint32_t calls, resets;
};

static uint64_t fnv(uint64_t hash, const uint8_t *bytes, size_t length)
{
    for (size_t i = 0; i < length; i++)
        hash = (hash ^ bytes[i]) * 0x100000001b3ull;
    return hash;
}

/* Healthy's memory area and its PCT page, as Healthy's CPU reads them. */
static uint64_t healthy_memory_hash(struct sim_machine *m)
{
    static uint8_t page[4096];
    uint64_t hash = 0xcbf29ce484222325ull;
    for (uint32_t at = HEALTHY_BASE; at < HEALTHY_BASE + HEALTHY_SIZE; at += sizeof page) {
        if (!sim_machine_read_guest(m, HEALTHY, at, page, sizeof page))
            return 0;
        hash = fnv(hash, page, sizeof page);
    }
    if (!sim_machine_read_guest(m, HEALTHY, HV_PCT_ADDRESS, page, sizeof page))
        return 0;
    return fnv(hash, page, sizeof page);
}

static void collect(struct sim_machine *m, struct outcome *o)
{
    const struct sim_trace *t = sim_machine_trace(m);
    o->bytes = malloc(t->count + 1);
    o->byte_cycles = malloc((t->count + 1) * sizeof *o->byte_cycles);
    o->slot_starts = malloc((t->count + 1) * sizeof *o->slot_starts);
    for (size_t i = 0; i < t->count; i++) {
        const struct sim_trace_record *r = &t->records[i];
        if (r->partition != (int16_t)HEALTHY)
            continue;
        if (r->kind == SIM_TRACE_CONSOLE) {
            o->bytes[o->byte_count] = (uint8_t)r->a;
            o->byte_cycles[o->byte_count++] = r->cycle;
        } else if (r->kind == HV_TRACE_SLOT_START) {
            o->slot_starts[o->slot_count++] = r->cycle;
        }
    }
    uint32_t control[CONTROL_WORDS];
    if (sim_machine_read_guest(m, ATTACKER, CONTROL, control, sizeof control)) {
        o->calls = __builtin_bswap32(control[CONTROL_CALLS]);
        o->resets = __builtin_bswap32(control[CONTROL_RESETS]);
    }
    o->memory_hash = healthy_memory_hash(m);
}

static void free_outcome(struct outcome *o)
{
    free(o->bytes);
    free(o->byte_cycles);
    free(o->slot_starts);
}

static bool run(const struct args *a, uint32_t mode, uint32_t seed, struct outcome *o)
{
    struct sim_config *config = NULL;
    struct sim_machine *m = NULL;
    FILE *quiet = fopen("/dev/null", "w");
    const struct sim_image_ref images[] = {{.partition = ATTACKER, .path = a->attacker},
                                           {.partition = HEALTHY, .path = a->healthy}};
    struct sim_options options = {.console = quiet, .keep_trace = true};
    sim_setup_default_costs(&options.costs);
    bool ok = quiet && sim_config_load(a->config, stderr, &config) == SIM_OK &&
              sim_machine_create(&m, sim_config_hv(config), images, 2, &options, quiet) == SIM_OK;
    uint32_t control[2] = {__builtin_bswap32(mode), __builtin_bswap32(seed)};
    ok = ok && sim_machine_write_guest(m, ATTACKER, CONTROL, control, sizeof control);
    char path[4096];
    snprintf(path, sizeof path, "%s%s", a->trace ? a->trace : "", mode == MODE_IDLE ? ".idle" : "");
    if (ok && a->trace)
        ok = sim_machine_trace_to_file(m, path, stderr) == SIM_OK;
    ok = ok && sim_machine_run_mafs(m, a->mafs, quiet) == SIM_OK;
    if (ok) {
        sim_machine_drain_console(m);
        ok = sim_machine_trace_finish(m, stderr) == SIM_OK;
        collect(m, o);
    }
    if (m)
        sim_machine_destroy(m);
    if (config)
        sim_config_free(config);
    if (quiet)
        fclose(quiet);
    return ok;
}

/* The first difference from the reference, or NULL. */
static const char *difference(const struct outcome *ref, const struct outcome *o)
{
    if (o->slot_count != ref->slot_count ||
        memcmp(o->slot_starts, ref->slot_starts, ref->slot_count * sizeof *o->slot_starts))
        return "slot start cycles";
    if (o->byte_count != ref->byte_count || memcmp(o->bytes, ref->bytes, ref->byte_count))
        return "console bytes";
    if (memcmp(o->byte_cycles, ref->byte_cycles, ref->byte_count * sizeof *o->byte_cycles))
        return "console byte cycles";
    if (o->memory_hash != ref->memory_hash || o->memory_hash == 0)
        return "memory";
    return NULL;
}

static bool parse_number(const char *text, uint64_t *out)
{
    char *end;
    *out = strtoull(text, &end, 10);
    return *text && !*end;
}

static bool parse_option(struct args *a, const char *name, const char *value)
{
    uint64_t n;
    if (!strcmp(name, "--mode")) {
        for (uint32_t mode = MODE_RANDOM; mode < MODE_COUNT; mode++)
            if (!strcmp(value, mode_names[mode]))
                return a->modes[mode] = true;
        return false;
    }
    if (!strcmp(name, "--trace"))
        return (a->trace = value) != NULL;
    if (!parse_number(value, &n) || n == 0 || n > UINT32_MAX)
        return false;
    if (!strcmp(name, "--mafs"))
        a->mafs = n;
    else if (!strcmp(name, "--seeds"))
        a->seeds = (uint32_t)n;
    else if (!strcmp(name, "--first-seed"))
        a->first_seed = (uint32_t)n;
    else
        return false;
    return true;
}

static bool parse_args(int argc, char **argv, struct args *a)
{
    *a = (struct args){.mafs = 10, .seeds = 1, .first_seed = 1};
    if (argc < 4)
        return false;
    a->config = argv[1];
    a->attacker = argv[2];
    a->healthy = argv[3];
    for (int i = 4; i < argc; i += 2) {
        if (i + 1 >= argc || !parse_option(a, argv[i], argv[i + 1]))
            return false;
    }
    bool any = false;
    for (uint32_t mode = MODE_RANDOM; mode < MODE_COUNT; mode++)
        any |= a->modes[mode];
    for (uint32_t mode = MODE_RANDOM; mode < MODE_COUNT && !any; mode++)
        a->modes[mode] = true;
    return true;
}

/* One attack against the reference: one line, true when Healthy saw
 * exactly what it saw in the reference run. */
static bool attack(const struct args *a, const struct outcome *ref, uint32_t mode, uint32_t seed,
                   uint64_t *calls)
{
    struct outcome o = {0};
    if (!run(a, mode, seed, &o)) {
        printf("%-8s seed %-4u could not run\n", mode_names[mode], seed);
        return false;
    }
    const char *diff = difference(ref, &o);
    printf("%-8s seed %-4u %10u attacker calls, %6u attacker starts: Healthy %s%s\n",
           mode_names[mode], seed, o.calls, o.resets, diff ? "DIFFERS in " : "identical",
           diff ? diff : "");
    *calls += o.calls;
    free_outcome(&o);
    return diff == NULL;
}

int main(int argc, char **argv)
{
    struct args a;
    if (!parse_args(argc, argv, &a)) {
        fprintf(stderr,
                "usage: hostile CONFIG ATTACKER.elf HEALTHY.elf [--mafs N] [--seeds N] "
                "[--first-seed S] [--mode random|edge|timers|console|irq]... [--trace FILE]\n");
        return 2;
    }
    struct outcome ref = {0};
    if (!run(&a, MODE_IDLE, 0, &ref)) {
        fprintf(stderr, "hostile: the reference run failed\n");
        return 2;
    }
    printf("reference: %" PRIu64 " MAFs, Healthy %zu console bytes, %zu slot starts\n", a.mafs,
           ref.byte_count, ref.slot_count);
    uint32_t failed = 0, runs = 0;
    uint64_t calls = 0;
    for (uint32_t mode = MODE_RANDOM; mode < MODE_COUNT; mode++) {
        uint32_t seeds = mode == MODE_RANDOM ? a.seeds : 1;
        for (uint32_t s = 0; a.modes[mode] && s < seeds; s++, runs++)
            failed += !attack(&a, &ref, mode, a.first_seed + s, &calls);
    }
    printf("%u of %u attacks left Healthy untouched; %" PRIu64 " attacker calls in all\n",
           runs - failed, runs, calls);
    free_outcome(&ref);
    return failed ? 1 : 0;
}
