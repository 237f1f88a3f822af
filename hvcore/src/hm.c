/* hvcore: the health monitor (XM-Q 1.0 core/objects/hm.c semantics,
 * docs/health-monitor.md). Every fault a partition causes becomes an HM
 * event; the configured table (the partition's, or the XMHypervisor one for
 * hypervisor-scope events) says what to do and whether to log it. The log
 * is XtratuM's HM object: read destructively by system partitions
 * (XM_hm_read), counted (XM_hm_status), written with application events
 * (XM_hm_raise_event). Whatever a partition does, the hypervisor goes on. */
#include "bytes.h"
#include "internal.h"
#include <hvcore/trace.h>
#include <xm/hm.h>
#include <xm/hypercalls.h>
#include <xm/objdir.h>

#define MAINTENANCE_PLAN 1u

_Static_assert(sizeof(xmHmLog_t) == XM_HMLOG_SIZE, "xmHmLog_t layout");

static bool is_app_event(uint32_t event)
{
    return event >= XM_HM_EV_APP_DEADLINE_MISSED && event < XM_HM_MAX_EVENTS;
}

static uint32_t opcode(uint32_t event, uint32_t partition, bool system, bool cpu)
{
    return event << HMLOG_OPCODE_EVENT_BIT | (system ? HMLOG_OPCODE_SYS_MASK : 0u) |
           (cpu ? HMLOG_OPCODE_VALID_CPUCTXT_MASK : 0u) | (partition & HMLOG_OPCODE_PARTID_MASK);
}

/* A full queue drops its oldest entry (XM-Q's QueueInsertElement). */
static void log_entry(struct hv *hv, const struct hv_hm_log_entry *entry)
{
    struct hv_hm *hm = &hv->hm;
    if (hm->count == HV_HM_LOG_ENTRIES) {
        hm->head = (hm->head + 1) % HV_HM_LOG_ENTRIES;
        hm->count--;
    }
    hm->log[(hm->head + hm->count) % HV_HM_LOG_ENTRIES] = *entry;
    hm->count++;
}

/* The CPU context is the trapping instruction's PC and the PSR; XtratuM's
 * nPc is not known here (0), and payload[3] carries the fault address. */
static void log_event(struct hv *hv, uint32_t event, uint32_t partition, bool system,
                      const struct hv_hm_context *ctx)
{
    struct hv_hm_log_entry entry = {
        opcode(event, partition, system, ctx != 0), hv_time_now_us(hv), {0, 0, 0, 0}};
    if (ctx) {
        entry.payload[0] = ctx->pc;
        entry.payload[2] = hv_port_cpu_get(hv, partition, HV_CPU_PSR);
        entry.payload[3] = ctx->address;
    }
    log_entry(hv, &entry);
}

static void record(struct hv *hv, int32_t partition, uint32_t event,
                   const struct hv_hm_entry *entry, bool system)
{
    hv->hm.events++;
    hv->hm.last = (struct hv_hm_event){event, entry->action, partition, entry->log,
                                       entry->action == XM_HM_AC_IGNORE};
    hv_trace(hv, HV_TRACE_HM_EVENT, system ? -1 : partition, event, entry->action, entry->log);
}

static void switch_to_maintenance(struct hv *hv)
{
    if (hv->config->plan_count > MAINTENANCE_PLAN)
        hv_sched_switch_now(hv, MAINTENANCE_PLAN);
}

/* The actions that act on the whole system, whichever table chose them;
 * false for the others. */
static bool apply_system_wide(struct hv *hv, uint32_t action)
{
    switch (action) {
    case XM_HM_AC_HYPERVISOR_COLD_RESET:
        hv_system_reset(hv, XM_COLD_RESET);
        return true;
    case XM_HM_AC_HYPERVISOR_WARM_RESET:
        hv_system_reset(hv, XM_WARM_RESET);
        return true;
    case XM_HM_AC_SWITCH_TO_MAINTENANCE:
        switch_to_maintenance(hv);
        return true;
    }
    return false;
}

/* PROPAGATE: the trap goes to the partition's own trap table, at the
 * vector its PCT routes the trap to (trap2Vector). Events that are not a
 * trap have nothing to propagate (xmcparser allows PROPAGATE only for
 * them). A delivery that fails is an event of its own. */
static enum hv_trap_outcome propagate(struct hv *hv, uint32_t id, const struct hv_hm_context *ctx,
                                      enum hv_trap_outcome why)
{
    if (!ctx || ctx->trap_index < 0)
        return why;
    uint32_t vector = hv_pct_trap_vector(hv, id, (uint32_t)ctx->trap_index);
    enum hv_trap_outcome outcome = hv_vtrap_deliver(hv, id, vector);
    return outcome == HV_TRAP_REDIRECTED ? why : outcome;
}

/* The partition-scope actions (XM-Q HmRaiseEvent). A partition reset by
 * the HM restarts at its configured entry with resetStatus XM_COLD_RESET
 * or XM_WARM_RESET. */
static enum hv_trap_outcome apply(struct hv *hv, uint32_t id, uint32_t action,
                                  const struct hv_hm_context *ctx, enum hv_trap_outcome why)
{
    if (action == XM_HM_AC_IGNORE || apply_system_wide(hv, action))
        return why;
    switch (action) {
    case XM_HM_AC_PARTITION_COLD_RESET:
        hv_partition_cold_reset(hv, id, HV_ENTRY_IMAGE, XM_COLD_RESET);
        break;
    case XM_HM_AC_PARTITION_WARM_RESET:
        hv_partition_warm_reset(hv, id, HV_ENTRY_IMAGE, XM_WARM_RESET);
        break;
    case XM_HM_AC_SUSPEND:
        hv_partition_suspend(hv, id);
        break;
    case XM_HM_AC_PROPAGATE:
        return propagate(hv, id, ctx, why);
    default: /* HALT, and anything a table should not hold */
        hv_partition_halt(hv, id);
        break;
    }
    return why;
}

enum hv_trap_outcome hv_hm_partition_event(struct hv *hv, uint32_t id, uint32_t event,
                                           const struct hv_hm_context *ctx,
                                           enum hv_trap_outcome why)
{
    const struct hv_hm_entry *entry = &hv_partition_config(hv, id)->hm[event];
    record(hv, (int32_t)id, event, entry, false);
    if (entry->log)
        log_event(hv, event, id, false, ctx);
    return apply(hv, id, entry->action, ctx, why);
}

/* Hypervisor scope (the XMHypervisor table): HALT halts the system;
 * IGNORE (and SUSPEND, which xmcparser allows for WATCHDOG_TIMER) do
 * nothing. */
void hv_hm_system_event(struct hv *hv, uint32_t event, int32_t partition)
{
    const struct hv_hm_entry *entry = &hv->config->hv_hm[event];
    record(hv, partition, event, entry, true);
    if (entry->log)
        log_event(hv, event, (uint32_t)partition, true, 0);
    if (!apply_system_wide(hv, entry->action) && entry->action == XM_HM_AC_HALT)
        hv_system_halt(hv, partition);
}

/* A hardware trap of the running partition: event 11 + XtratuM's trap
 * index, or UNEXPECTED_TRAP for a trap type XtratuM's table has no entry
 * for (reset, window traps, interrupt levels). */
enum hv_trap_outcome hv_hm_trap(struct hv *hv, uint32_t id, uint32_t trap_type, uint32_t pc,
                                uint32_t address)
{
    struct hv_hm_context ctx = {pc, address, hv_pct_trap_index(trap_type)};
    uint32_t event = ctx.trap_index >= 0 ? XM_HM_MAX_GENERIC_EVENTS + (uint32_t)ctx.trap_index
                                         : XM_HM_EV_UNEXPECTED_TRAP;
    return hv_hm_partition_event(hv, id, event, &ctx, HV_TRAP_FAULT);
}

/* A system reset empties the log and the count; the last event stays,
 * for the port's report of the event that may have caused the reset. */
void hv_hm_clear(struct hv *hv)
{
    hv->hm.head = 0;
    hv->hm.count = 0;
    hv->hm.events = 0;
}

static void encode(const struct hv_hm_log_entry *entry, uint8_t out[XM_HMLOG_SIZE])
{
    hv_put_be32(out, entry->opcode);
    hv_put_be64(out + 4, entry->timestamp_us);
    for (uint32_t i = 0; i < XM_HMLOG_PAYLOAD_LENGTH; i++)
        hv_put_be32(out + 12 + 4 * i, entry->payload[i]);
}

/* The HM object lives at XM_HYPERVISOR_ID; only system partitions read
 * or query it. */
static int32_t check_log_access(struct hv *hv, uint32_t caller, uint32_t desc)
{
    if (OBJDESC_GET_PARTITIONID(desc) != XM_HYPERVISOR_ID)
        return XM_INVALID_PARAM;
    if (!hv_partition_is_system(hv, caller))
        return XM_PERM_ERROR;
    return XM_OK;
}

/* read_object: up to size / 28 entries, oldest first, removed from the
 * log; returns the bytes written (libxm divides). A buffer the caller
 * cannot write loses nothing. */
int32_t hv_hm_read_object(struct hv *hv, uint32_t caller, uint32_t desc, uint32_t address,
                          uint32_t size)
{
    uint8_t out[HV_HM_LOG_ENTRIES * XM_HMLOG_SIZE];
    int32_t status = check_log_access(hv, caller, desc);
    uint32_t wanted = size / XM_HMLOG_SIZE;
    if (status != XM_OK)
        return status;
    if (wanted == 0 || address == 0)
        return XM_INVALID_PARAM;
    uint32_t n = wanted < hv->hm.count ? wanted : hv->hm.count;
    for (uint32_t i = 0; i < n; i++)
        encode(&hv->hm.log[(hv->hm.head + i) % HV_HM_LOG_ENTRIES], out + i * XM_HMLOG_SIZE);
    if (n > 0 && !hv_port_copy_to_guest(hv, caller, address, out, n * XM_HMLOG_SIZE))
        return XM_INVALID_PARAM;
    hv->hm.head = (hv->hm.head + n) % HV_HM_LOG_ENTRIES;
    hv->hm.count -= n;
    return (int32_t)(n * XM_HMLOG_SIZE);
}

/* write_object: `count` event ids (32-bit words) raised by the caller
 * against itself; only application events (XM-Q WriteHmLog). All are
 * checked before any is raised. Returns count * 28 as XtratuM does. */
#define MAX_RAISED 16u
int32_t hv_hm_write_object(struct hv *hv, uint32_t caller, uint32_t desc, uint32_t address,
                           uint32_t count)
{
    uint8_t words[MAX_RAISED * 4];
    if (OBJDESC_GET_PARTITIONID(desc) != caller || count == 0 || count > MAX_RAISED)
        return XM_INVALID_PARAM;
    if (!hv_port_copy_from_guest(hv, caller, address, words, count * 4))
        return XM_INVALID_PARAM;
    for (uint32_t i = 0; i < count; i++) {
        if (!is_app_event(hv_get_be32(words + 4 * i)))
            return XM_INVALID_PARAM;
    }
    for (uint32_t i = 0; i < count; i++)
        hv_hm_partition_event(hv, caller, hv_get_be32(words + 4 * i), 0, HV_TRAP_FAULT);
    return (int32_t)(count * XM_HMLOG_SIZE);
}

int32_t hv_hm_ctrl_object(struct hv *hv, uint32_t caller, uint32_t desc, uint32_t command,
                          uint32_t address)
{
    uint8_t no_events[4];
    int32_t status = check_log_access(hv, caller, desc);
    if (status != XM_OK)
        return status;
    if (command != XM_HM_GET_STATUS)
        return XM_INVALID_PARAM;
    hv_put_be32(no_events, hv->hm.count);
    if (!hv_port_copy_to_guest(hv, caller, address, no_events, sizeof no_events))
        return XM_INVALID_PARAM;
    return XM_OK;
}
