/* sim/gdb: `monitor` commands, for what only a time- and space-partitioned
 * system has: its plan, frames, slots and health monitor. */
#include "sim/common/xm_names.h"
#include "sim/gdb/gdb_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LINE 256

const char *gdb_state_name(enum hv_partition_state state)
{
    switch (state) {
    case HV_STATE_IDLE:
        return "idle";
    case HV_STATE_READY:
        return "ready";
    case HV_STATE_SUSPENDED:
        return "suspended";
    case HV_STATE_HALTED:
        return "halted";
    }
    return "unknown";
}

static void say(struct gdb_session *s, const char *format, ...)
    __attribute__((format(printf, 2, 3)));

static void say(struct gdb_session *s, const char *format, ...)
{
    char line[LINE];
    va_list args;
    va_start(args, format);
    vsnprintf(line, sizeof line, format, args);
    va_end(args);
    gdb_console(s, line);
}

static const struct hv_plan *current_plan(struct gdb_session *s)
{
    return &s->config->plans[sim_machine_hv(s->machine)->sched.plan];
}

static void status(struct gdb_session *s)
{
    const struct hv *hv = sim_machine_hv(s->machine);
    const struct sim_clock *clock = sim_machine_clock(s->machine);
    const struct hv_plan *plan = current_plan(s);
    say(s, "plan %u (%s), MAF %llu (started at %llu us), slot %d\n", plan->id, plan->name,
        (unsigned long long)hv->sched.maf_count, (unsigned long long)hv->sched.maf_start_us,
        hv->sched.slot);
    say(s, "time %llu us, %llu cycles\n", (unsigned long long)sim_clock_us(clock),
        (unsigned long long)clock->cycles);
    for (uint32_t id = 0; id < s->config->partition_count; id++) {
        struct vcpu *vcpu = gdb_vcpu(s, (int32_t)id);
        say(s, "partition %u (%s): %s%s, pc 0x%08x, %llu instructions\n", id,
            s->config->partitions[id].name, gdb_state_name(hv->partitions[id].state),
            hv_current(hv) == (int32_t)id ? ", in its slot" : "", vcpu_get_reg(vcpu, VCPU_PC),
            (unsigned long long)vcpu_debug_retired(vcpu));
    }
}

static void plan(struct gdb_session *s)
{
    const struct hv_plan *p = current_plan(s);
    say(s, "plan %u (%s): major frame %u us\n", p->id, p->name, p->major_frame_us);
    for (uint32_t i = 0; i < p->slot_count; i++) {
        const struct hv_slot *slot = &p->slots[i];
        say(s, "  slot %u: %u us + %u us: partition %u (%s)\n", slot->id, slot->start_us,
            slot->duration_us, slot->partition_id, s->config->partitions[slot->partition_id].name);
    }
}

static void hm_log(struct gdb_session *s)
{
    uint32_t first = s->hm_count > GDB_HM_RECORDS ? s->hm_count - GDB_HM_RECORDS : 0;
    say(s, "%llu HM events since boot\n",
        (unsigned long long)sim_machine_hv(s->machine)->hm.events);
    for (uint32_t i = first; i < s->hm_count; i++) {
        const struct gdb_hm_record *r = &s->hm[i % GDB_HM_RECORDS];
        say(s, "  %llu us: partition %d: %s, action %s, pc 0x%08x\n",
            (unsigned long long)r->time_us, r->partition, sim_hm_event_name(r->event),
            sim_hm_action_name(r->action), r->pc);
    }
}

static void run_to_maf(struct gdb_session *s, const char *arg)
{
    char *end;
    unsigned long long maf = strtoull(arg, &end, 10);
    const struct hv *hv = sim_machine_hv(s->machine);
    if (*arg == '\0' || *end != '\0' || maf == 0) {
        say(s, "monitor maf N: N is a major frame number from 1\n");
        return;
    }
    if (maf <= hv->sched.maf_count || maf >= s->mafs) {
        say(s, "monitor maf %llu: the run is in MAF %llu and ends when MAF %llu starts\n", maf,
            (unsigned long long)hv->sched.maf_count, (unsigned long long)s->mafs);
        return;
    }
    s->stop_maf = maf;
    say(s, "the next continue stops when MAF %llu starts (or at a breakpoint before)\n", maf);
}

static void run_to_slot(struct gdb_session *s)
{
    int32_t p = s->g_thread >= 0 ? s->g_thread : s->stop.partition;
    s->stop_slot = p;
    s->slot_seen = sim_machine_hv(s->machine)->partitions[p].slots_started;
    say(s, "the next continue stops when partition %d (%s) starts its next slot\n", p,
        s->config->partitions[p].name);
}

static void help(struct gdb_session *s)
{
    say(s, "monitor status      plan, MAF, slot, time, each partition's state\n"
           "monitor plan        the current plan's slots\n"
           "monitor hm          the health-monitor events seen\n"
           "monitor hm-stop on|off  stop at HM events (on by default)\n"
           "monitor maf N       the next continue stops where major frame N starts\n"
           "monitor slot        the next continue stops where this thread's partition\n"
           "                    starts its next slot\n");
}

void gdb_monitor(struct gdb_session *s, const char *command)
{
    if (strcmp(command, "status") == 0)
        status(s);
    else if (strcmp(command, "plan") == 0)
        plan(s);
    else if (strcmp(command, "hm") == 0)
        hm_log(s);
    else if (strcmp(command, "hm-stop on") == 0 || strcmp(command, "hm-stop off") == 0)
        s->stop_on_hm = strcmp(command, "hm-stop on") == 0;
    else if (strncmp(command, "maf ", 4) == 0)
        run_to_maf(s, command + 4);
    else if (strcmp(command, "slot") == 0)
        run_to_slot(s);
    else if (strcmp(command, "help") == 0)
        help(s);
    else
        say(s, "unknown monitor command '%s' (monitor help)\n", command);
}
