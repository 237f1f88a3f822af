/* hvcore: virtual interrupts of partitions. Pending and mask words live in
 * each partition's PCT (hwIrqsPend/Mask, extIrqsPend/Mask), as XtratuM
 * keeps them, so the partition reads them where XtratuM's libxm does.
 * Delivery follows XtratuM's RaisePendIrqs (XM-Q core/kernel/irqs.c): on
 * every return to the partition, the most urgent pending interrupt goes
 * to its vector through hv_vtrap_deliver(). */
#include "bytes.h"
#include "internal.h"
#include <hvcore/drivers.h>
#include <hvcore/trace.h>
#include <stddef.h>
#include <xm/api.h>
#include <xm/guest.h>
#include <xm/hypercalls.h>

#define PCT_OFFSET(field) offsetof(partitionControlTable_t, field)
/* Extended IRQs delivered whatever the virtual ET and masks (XM_EXT_TRAPS). */
#define EXT_TRAPS (1u << XM_VT_EXT_MEM_PROTECT)
#define VECTOR_LIMIT 256u
#define HW_IRQ_BITS ((1u << CONFIG_NO_HWIRQS) - 1u)

static uint32_t get_word(struct hv *hv, uint32_t id, size_t offset)
{
    return hv_get_be32(hv_port_pct(hv, id) + offset);
}

static void put_word(struct hv *hv, uint32_t id, size_t offset, uint32_t value)
{
    hv_put_be32(hv_port_pct(hv, id) + offset, value);
}

static void update_word(struct hv *hv, uint32_t id, size_t offset, uint32_t set, uint32_t clear)
{
    put_word(hv, id, offset, (get_word(hv, id, offset) & ~clear) | set);
}

/* Bit `irq` of the pending word goes pending at cycle `origin`: a bit
 * already pending keeps its first raise (they coalesce into one delivery,
 * whose latency counts from the first). */
static void set_pending(struct hv *hv, uint32_t id, size_t pend, uint32_t irq, uint64_t origin)
{
    uint32_t type = pend == PCT_OFFSET(extIrqsPend) ? 1u : 0u;
    if (!(get_word(hv, id, pend) & (1u << irq)))
        hv->partitions[id].virq_raised[HV_VIRQ_SOURCE(type, irq)] = origin;
    update_word(hv, id, pend, 1u << irq, 0);
    hv_trace(hv, HV_TRACE_VIRQ_RAISE, (int32_t)id, type, irq, 0);
    hv_sched_wake(hv, id);
}

/* Mark extended IRQ ext (XM_VT_EXT_*) pending for a partition, which
 * wakes it from XM_idle_self in its slot if it would take it. */
void hv_virq_raise_extended(struct hv *hv, uint32_t partition, uint32_t ext)
{
    set_pending(hv, partition, PCT_OFFSET(extIrqsPend), ext, hv_port_cycles(hv));
}

/* The same for an interrupt due at cycle origin (a timer's deadline). */
void hv_virq_raise_extended_at(struct hv *hv, uint32_t partition, uint32_t ext, uint64_t origin)
{
    set_pending(hv, partition, PCT_OFFSET(extIrqsPend), ext, origin);
}

/* Mark hardware IRQ line pending for a partition (and wake it, as above). */
void hv_virq_raise_hw(struct hv *hv, uint32_t partition, uint32_t line)
{
    set_pending(hv, partition, PCT_OFFSET(hwIrqsPend), line, hv_port_cycles(hv));
}

/* The native lines among `lines` that the partition owns (XM_CF
 * Interrupts@lines): masking, unmasking and clearing them acts on the
 * interrupt controller too, as XtratuM's HwDisableIrq/HwEnableIrq/HwClearIrq. */
static uint32_t owned_lines(const struct hv *hv, uint32_t id, uint32_t lines)
{
    return lines & hv_partition_config(hv, id)->irq_lines & ((1u << HV_IRQ_LINES) - 1u);
}

static void for_each_line(struct hv *hv, uint32_t lines, void (*op)(struct hv *, uint32_t))
{
    for (uint32_t line = 0; line < HV_IRQ_LINES; line++) {
        if (lines & (1u << line))
            op(hv, line);
    }
}

int32_t hv_virq_clear_mask(struct hv *hv, uint32_t id, uint32_t hw, uint32_t ext)
{
    update_word(hv, id, PCT_OFFSET(hwIrqsMask), 0, hw);
    update_word(hv, id, PCT_OFFSET(extIrqsMask), 0, ext);
    hv->system.irq_enabled |= owned_lines(hv, id, hw);
    for_each_line(hv, owned_lines(hv, id, hw), hv_irqmp_unmask);
    return XM_OK;
}

int32_t hv_virq_set_mask(struct hv *hv, uint32_t id, uint32_t hw, uint32_t ext)
{
    update_word(hv, id, PCT_OFFSET(hwIrqsMask), hw, 0);
    update_word(hv, id, PCT_OFFSET(extIrqsMask), ext, 0);
    hv->system.irq_enabled &= ~owned_lines(hv, id, hw);
    for_each_line(hv, owned_lines(hv, id, hw), hv_irqmp_mask);
    return XM_OK;
}

/* XM_set_irqpend: the bits become pending in the PCT (XtratuM forces an
 * owned line at the controller instead, which comes back the same way). */
int32_t hv_virq_set_pend(struct hv *hv, uint32_t id, uint32_t hw, uint32_t ext)
{
    hw &= HW_IRQ_BITS; /* hwIrq2Vector has a vector for these only */
    for (uint32_t bit = 0; bit < 32; bit++) {
        if (hw & (1u << bit))
            hv_virq_raise_hw(hv, id, bit);
        if (ext & (1u << bit))
            hv_virq_raise_extended(hv, id, bit);
    }
    return XM_OK;
}

int32_t hv_virq_clear_pend(struct hv *hv, uint32_t id, uint32_t hw, uint32_t ext)
{
    update_word(hv, id, PCT_OFFSET(hwIrqsPend), 0, hw);
    update_word(hv, id, PCT_OFFSET(extIrqsPend), 0, ext);
    for_each_line(hv, owned_lines(hv, id, hw), hv_irqmp_clear);
    return XM_OK;
}

/* XM_route_irq: the vector of a trap, hardware IRQ or extended IRQ in the
 * PCT's trap2Vector / hwIrq2Vector / extIrq2Vector. */
int32_t hv_virq_route(struct hv *hv, uint32_t id, uint32_t type, uint32_t irq, uint32_t vector)
{
    size_t table;
    uint32_t entries;
    if (type == XM_TRAP_TYPE) {
        table = XM_PCT_OFF_TRAP2VECTOR;
        entries = NO_TRAPS;
    } else if (type == XM_HWIRQ_TYPE) {
        table = PCT_OFFSET(hwIrq2Vector);
        entries = CONFIG_NO_HWIRQS;
    } else if (type == XM_EXTIRQ_TYPE) {
        table = PCT_OFFSET(extIrq2Vector);
        entries = XM_VT_EXT_MAX;
    } else {
        return XM_INVALID_PARAM;
    }
    if (irq >= entries || vector >= VECTOR_LIMIT)
        return XM_INVALID_PARAM;
    hv_put_be16(hv_port_pct(hv, id) + table + 2 * irq, (uint16_t)vector);
    return XM_OK;
}

/* XM_raise_ipvi(XM_VT_EXT_IPVI0 + n): the caller's IPVI n of XM_CF's
 * Channels/Ipvi goes pending on each of its destinations. */
int32_t hv_virq_raise_ipvi(struct hv *hv, uint32_t id, uint32_t ext)
{
    if (ext < XM_VT_EXT_IPVI0 || ext >= XM_VT_EXT_IPVI0 + HV_MAX_IPVIS)
        return XM_INVALID_PARAM;
    for (uint32_t i = 0; i < hv->config->ipvi_count; i++) {
        const struct hv_ipvi *ipvi = &hv->config->ipvis[i];
        if (ipvi->id != ext - XM_VT_EXT_IPVI0 || ipvi->source_partition != id)
            continue;
        for (uint32_t d = 0; d < ipvi->destination_count; d++)
            hv_virq_raise_extended(hv, ipvi->destinations[d], ext);
        return ipvi->destination_count ? XM_OK : XM_NO_ACTION;
    }
    return XM_NO_ACTION;
}

/* The highest set bit (XtratuM's _Fls), or -1. */
static int32_t highest_bit(uint32_t bits)
{
    for (int32_t bit = 31; bit >= 0; bit--) {
        if (bits & (1u << bit))
            return bit;
    }
    return -1;
}

static bool virqs_enabled(uint32_t iflags)
{
    return (iflags & PSR_ET_BIT) && (iflags & PSR_PIL_MASK) != PSR_PIL_MASK;
}

static uint32_t vector_of(struct hv *hv, uint32_t id, size_t table, uint32_t irq)
{
    const uint8_t *entry = hv_port_pct(hv, id) + table + 2 * irq;
    return ((uint32_t)entry[0] << 8) | entry[1];
}

/* A pending interrupt: its pending word, its vector table, its bit. */
struct pending_irq {
    size_t pend;
    size_t table;
    int32_t irq;
};

static uint32_t saturate32(uint64_t value)
{
    return value > UINT32_MAX ? UINT32_MAX : (uint32_t)value;
}

/* HV_TRACE_VIRQ_LATENCY for the delivery of `source` now: from its raise
 * to the handler's start, the part before the partition's slot began, and
 * whether the rest is over the partition's bound. */
static void trace_latency(struct hv *hv, uint32_t id, uint32_t source)
{
    const struct hv_partition *p = &hv->partitions[id];
    uint64_t now = hv_port_cycles(hv), raised = p->virq_raised[source];
    uint64_t latency = now > raised ? now - raised : 0;
    uint64_t wait = p->slot_start_cycle > raised ? p->slot_start_cycle - raised : 0;
    if (wait > latency)
        wait = latency;
    uint64_t bound_us = hv_partition_config(hv, id)->latency_bound_us;
    uint64_t bound = bound_us * hv->drivers.board->cpu_khz / 1000u;
    bool over = bound_us != 0 && latency - wait > bound;
    hv_trace(hv, HV_TRACE_VIRQ_LATENCY, (int32_t)id, source | (over ? HV_LATENCY_OVER_BOUND : 0),
             saturate32(latency), saturate32(wait));
}

/* Clear the interrupt's pending bit and enter its vector. */
static enum hv_trap_outcome deliver(struct hv *hv, uint32_t id, const struct pending_irq *irq)
{
    uint32_t vector = vector_of(hv, id, irq->table, (uint32_t)irq->irq);
    uint32_t type = irq->pend == PCT_OFFSET(extIrqsPend) ? 1u : 0u;
    update_word(hv, id, irq->pend, 0, 1u << irq->irq);
    enum hv_trap_outcome outcome = hv_vtrap_deliver(hv, id, vector);
    if (outcome != HV_TRAP_REDIRECTED)
        return outcome;
    hv_trace(hv, HV_TRACE_VIRQ_DELIVER, (int32_t)id, vector, hv_port_cpu_get(hv, id, HV_CPU_L0 + 1),
             0);
    trace_latency(hv, id, HV_VIRQ_SOURCE(type, (uint32_t)irq->irq));
    return outcome;
}

/* The highest of `bits` as the interrupt to take, if any. */
static bool found(struct pending_irq *out, size_t pend, size_t table, uint32_t bits)
{
    *out = (struct pending_irq){pend, table, highest_bit(bits)};
    return out->irq >= 0;
}

/* The interrupt partition id takes on its return, as XtratuM's
 * RaisePendIrqs picks it: an extended trap whatever the virtual ET and
 * masks, else (virtual interrupts enabled) the highest unmasked hardware
 * IRQ, else the highest unmasked extended IRQ. */
static bool pick(struct hv *hv, uint32_t id, struct pending_irq *out)
{
    const size_t ext = PCT_OFFSET(extIrqsPend), ext_table = PCT_OFFSET(extIrq2Vector);
    uint32_t ext_pend = get_word(hv, id, ext);
    if (found(out, ext, ext_table, ext_pend & EXT_TRAPS))
        return true;
    if (!virqs_enabled(hv_pct_iflags(hv, id)))
        return false;
    uint32_t hw = get_word(hv, id, PCT_OFFSET(hwIrqsPend)) &
                  ~get_word(hv, id, PCT_OFFSET(hwIrqsMask)) & HW_IRQ_BITS;
    if (found(out, PCT_OFFSET(hwIrqsPend), PCT_OFFSET(hwIrq2Vector), hw))
        return true;
    return found(out, ext, ext_table, ext_pend & ~get_word(hv, id, PCT_OFFSET(extIrqsMask)));
}

bool hv_virq_deliverable(struct hv *hv, uint32_t id)
{
    struct pending_irq irq;
    return pick(hv, id, &irq);
}

enum hv_trap_outcome hv_resume(struct hv *hv)
{
    struct pending_irq irq;
    if (hv->sched.current == HV_IDLE)
        return HV_TRAP_NO_PARTITION;
    uint32_t id = (uint32_t)hv->sched.current;
    if (!pick(hv, id, &irq))
        return HV_TRAP_CONTINUE;
    return deliver(hv, id, &irq);
}
