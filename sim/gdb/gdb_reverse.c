/* sim/gdb: reverse execution by deterministic re-run. A run is a function
 * of its inputs, so the state a partition had one instruction ago is the
 * state a fresh machine reaches when that partition has retired one
 * instruction fewer: reverse-stepi re-runs from boot to there;
 * reverse-continue re-runs once to the present, noting every breakpoint
 * hit, and again to the last one.
 *
 * What a machine prints goes through a sink that counts the bytes: a
 * re-run skips as many as were already shown, so the console and the
 * hash lines read as one run. */
#define _GNU_SOURCE
#include "sim/gdb/gdb_internal.h"

#include <stdio.h>
#include <string.h>

static ssize_t sink_write(void *cookie, const char *buffer, size_t size)
{
    struct gdb_sink *sink = cookie;
    if (sink->dead)
        return (ssize_t)size;
    for (size_t i = 0; i < size; i++, sink->written++) {
        if (sink->written >= sink->skip)
            fputc(buffer[i], sink->out);
    }
    fflush(sink->out);
    return (ssize_t)size;
}

static FILE *open_sink(struct gdb_sink *sink, FILE *out, uint64_t skip)
{
    *sink = (struct gdb_sink){out, skip, 0, false};
    cookie_io_functions_t io = {NULL, sink_write, NULL, NULL};
    FILE *file = fopencookie(sink, "w", io);
    if (file)
        setvbuf(file, NULL, _IONBF, 0);
    return file;
}

/* Make the session's machine (the first, or a re-run's), its output
 * through fresh sinks that skip what the last machine showed. */
enum sim_error gdb_make_machine(struct gdb_session *s)
{
    int next = !s->sink_set;
    uint64_t shown_console = s->machine ? s->sinks[s->sink_set][0].written : 0;
    uint64_t shown_log = s->machine ? s->sinks[s->sink_set][1].written : 0;
    if (s->machine) {
        s->sinks[s->sink_set][0].dead = s->sinks[s->sink_set][1].dead = true;
        sim_machine_trace_hashes(s->machine, NULL); /* no final hash line from it */
        sim_machine_destroy(s->machine);
        fclose(s->console);
        fclose(s->log);
    }
    s->machine = NULL;
    s->sink_set = next;
    s->console = open_sink(&s->sinks[next][0], s->maker.console, shown_console);
    s->log = open_sink(&s->sinks[next][1], s->diag, shown_log);
    if (!s->console || !s->log)
        return SIM_ERR_NO_MEMORY;
    s->machine = s->maker.make(s->maker.context, s->console, s->log);
    if (!s->machine)
        return SIM_ERR_USAGE;
    s->config = sim_machine_config(s->machine);
    return SIM_OK;
}

/* Where the replay stops: the last breakpoint hit noted before the
 * present, or the start. */
static void choose_hit(struct gdb_session *s)
{
    s->replay = GDB_REPLAY_TO_TARGET;
    s->replay_hit = s->hit_count > 0;
    if (s->hit_count == 0) {
        s->replay_target = 0;
        return;
    }
    s->replay_partition = s->hits[(s->hit_count - 1) % GDB_MAX_HITS].partition;
    s->replay_target = s->hits[(s->hit_count - 1) % GDB_MAX_HITS].retired;
}

/* A vCPU stop during a re-run. True: it is the stop to report. */
bool gdb_replay_stop(struct gdb_session *s, int32_t partition, const struct vcpu_stop *stop)
{
    bool target = stop->reason == VCPU_STOP_TARGET && partition == s->replay_partition;
    if (s->replay == GDB_REPLAY_RECORD && !target) {
        if (stop->reason == VCPU_STOP_BREAKPOINT)
            s->hits[s->hit_count++ % GDB_MAX_HITS] = (struct gdb_hit){partition, stop->retired};
        return false;
    }
    if (!target)
        return false;
    if (s->replay == GDB_REPLAY_RECORD) { /* at the present: go to the last hit */
        choose_hit(s);
        s->reverse_pending = true;
        s->abandon = true;
        return false;
    }
    s->replay = GDB_REPLAY_NONE;
    return true;
}

/* 'bs' and 'bc': leave the present machine (the re-run starts from the
 * run loop, outside its calls). */
void gdb_reverse(struct gdb_session *s, bool continue_back)
{
    int32_t p = s->g_thread >= 0 ? s->g_thread : s->stop.partition;
    uint64_t now = vcpu_debug_retired(gdb_vcpu(s, p));
    s->replay_partition = p;
    s->replay_hit = false;
    s->hit_count = 0;
    if (continue_back) {
        s->replay = GDB_REPLAY_RECORD;
        s->replay_target = now;
    } else {
        s->replay = GDB_REPLAY_TO_TARGET;
        s->replay_target = now > 0 ? now - 1 : 0;
    }
    s->reverse_pending = true;
    s->abandon = true;
    s->resume = true;
}

static void apply_points(struct gdb_session *s)
{
    for (uint32_t id = 0; id < s->config->partition_count; id++) {
        struct vcpu *vcpu = gdb_vcpu(s, (int32_t)id);
        for (uint32_t i = 0; i < s->point_count; i++) {
            const struct gdb_point *p = &s->points[i];
            if (p->type <= 1)
                vcpu_debug_add_breakpoint(vcpu, p->address);
            else
                vcpu_debug_add_watch(vcpu, p->address, p->length,
                                     p->type == 2   ? VCPU_WATCH_WRITE
                                     : p->type == 3 ? VCPU_WATCH_READ
                                                    : VCPU_WATCH_ACCESS);
        }
    }
}

/* Start the re-run the last 'bs' or 'bc' asked for: a new machine,
 * booted, running to the target (a target of 0 is the boot itself). */
enum sim_error gdb_reverse_start(struct gdb_session *s)
{
    s->reverse_pending = false;
    s->abandon = false;
    enum sim_error error = gdb_make_machine(s);
    if (error == SIM_OK)
        error = gdb_enable_and_boot(s);
    if (error != SIM_OK)
        return error;
    apply_points(s);
    s->hm_count = 0;
    if (s->replay == GDB_REPLAY_TO_TARGET && s->replay_target == 0) {
        s->replay = GDB_REPLAY_NONE;
        gdb_stop_at_start(s);
        return SIM_OK;
    }
    vcpu_debug_stop_at(gdb_vcpu(s, s->replay_partition), s->replay_target);
    return SIM_OK;
}
