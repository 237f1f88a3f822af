/* sim/config: XM_CF Partition/HwResources: the I/O ports and the native interrupt
 * lines a partition is given. Rules (xmcparser's, plus the simulator's):
 *   - an I/O port is a 4-byte word: Range@base and Restricted@address are
 *     4-byte aligned, Range@noPorts is not zero, a range ends within 4 GiB;
 *   - interrupt lines are IRQMP lines 0..15; the lines the hypervisor
 *     drives itself (the board profile's reserved_irqs; on xm-leon3 UART1 2,
 *     TIMER1 8, TIMER2 9, as xmcparser reserves them for XtratuM on LEON3)
 *     cannot be given; a line
 *     belongs to one partition at most. */
#include <libxml/tree.h>

#include "sim/config/parse.h"

#define SIM_IO_WORD 4u

static void sim_parse_range(struct sim_loader *ld, xmlNode *node, void *ctx)
{
    struct sim_part_src *part = ctx;
    unsigned before = ld->errors;
    struct sim_io_src *r = sim_begin(ld, &part->io, sizeof(*r), node);
    if (r == NULL)
        return;
    sim_get(ld, node, "base", &sim_kind_hex, &r->io.base);
    sim_get(ld, node, "noPorts", &sim_kind_id, &r->io.count);
    r->io.mask = UINT32_MAX;
    r->src.broken = ld->errors != before;
}

static void sim_parse_restricted(struct sim_loader *ld, xmlNode *node, void *ctx)
{
    struct sim_part_src *part = ctx;
    unsigned before = ld->errors;
    struct sim_io_src *r = sim_begin(ld, &part->io, sizeof(*r), node);
    if (r == NULL)
        return;
    sim_get(ld, node, "address", &sim_kind_hex, &r->io.base);
    r->io.count = 1;
    r->io.restricted = true;
    r->io.mask = UINT32_MAX;
    sim_get(ld, node, "mask", &sim_kind_hex, &r->io.mask);
    r->src.broken = ld->errors != before;
}

static void sim_parse_io_ports(struct sim_loader *ld, xmlNode *node, void *ctx)
{
    static const struct sim_child children[] = {
        {"Range", sim_parse_range},
        {"Restricted", sim_parse_restricted},
    };
    SIM_PARSE_CHILDREN(ld, node, children, ctx);
}

static void sim_parse_interrupts(struct sim_loader *ld, xmlNode *node, void *ctx)
{
    struct sim_part_src *part = ctx;
    part->irq_line = sim_line(node);
    sim_get_id_list(ld, node, "lines", &part->irqs);
}

void sim_parse_hw_resources(struct sim_loader *ld, xmlNode *node, void *part)
{
    static const struct sim_child children[] = {
        {"IoPorts", sim_parse_io_ports},
        {"Interrupts", sim_parse_interrupts},
    };
    SIM_PARSE_CHILDREN(ld, node, children, part);
}
