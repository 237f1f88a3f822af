/* sim/config: pass 4, Partition/HwResources checked (rules in parse_hw.c):
 * I/O port ranges within 4 GiB and word-aligned, interrupt lines in range,
 * not reserved by the hypervisor, given to one partition at most; no
 * address a partition is granted (I/O ports, memory areas) reaches the
 * devices the hypervisor drives on the board. */
#include <stdio.h>

#include "sim/config/board_check.h"
#include "sim/config/check.h"
#include <hvcore/drivers.h>

#define SIM_IO_WORD 4u

/* The board the configuration names (<hvsim:Simulator board>), else
 * xm-leon3: its profile says which lines the hypervisor keeps. */
static const struct hv_board *sim_config_board(const struct sim_loader *ld)
{
    const struct hv_board *board =
        ld->simulator.given & SIM_GIVEN_BOARD ? hv_board_find(ld->simulator.board) : NULL;
    return board ? board : &hv_board_xm_leon3;
}

/* The hypervisor's device that [base, base + bytes) reaches, reported
 * as "WHAT of WHO reaches ..."; false when it reaches none. */
static void sim_check_device(struct sim_loader *ld, long line, const char *what, const char *who,
                             uint32_t base, uint64_t bytes)
{
    struct hv_board_device d = hv_board_device_reached(sim_config_board(ld), base, bytes);
    if (d.name != NULL)
        sim_report(ld, line, "%s of %s reaches the hypervisor's %s (0x%08x-0x%08x)", what, who,
                   d.name, (unsigned)d.base, (unsigned)(d.base + d.size));
}

static void sim_check_io_device(struct sim_loader *ld, const struct sim_io_src *r, const char *what,
                                const char *who)
{
    char where[64];
    snprintf(where, sizeof where, "%s at 0x%08x", what, (unsigned)r->io.base);
    sim_check_device(ld, r->src.line, where, who, r->io.base, (uint64_t)r->io.count * SIM_IO_WORD);
}

static void sim_check_io(struct sim_loader *ld, const struct sim_part_src *p,
                         const struct sim_io_src *r)
{
    char label[64];
    const char *who = sim_part_label(p, label, sizeof(label));
    const char *what = r->io.restricted ? "restricted I/O port" : "I/O port range";
    if (r->io.base % SIM_IO_WORD != 0)
        sim_report(ld, r->src.line, "%s at 0x%08x of %s is not aligned to 4 bytes", what,
                   (unsigned)r->io.base, who);
    if (r->io.count == 0)
        sim_report(ld, r->src.line, "%s at 0x%08x of %s has no ports", what, (unsigned)r->io.base,
                   who);
    else if ((uint64_t)r->io.base + (uint64_t)r->io.count * SIM_IO_WORD > 0x100000000ull)
        sim_report(ld, r->src.line, "%s at 0x%08x of %s extends past 4 GiB", what,
                   (unsigned)r->io.base, who);
    else
        sim_check_io_device(ld, r, what, who);
}

/* Memory areas by physical address: on the board the SRMMU would map the
 * device's registers into the partition (an unmapped area too, once the
 * partition maps it). */
static void sim_check_area_devices(struct sim_loader *ld, const struct sim_part_src *p)
{
    const struct sim_area_src *areas = p->areas.items;
    char label[64], where[64];
    for (uint32_t i = 0; i < p->areas.count; i++) {
        if (areas[i].src.broken)
            continue;
        uint64_t end = (uint64_t)areas[i].area.start + areas[i].area.size;
        snprintf(where, sizeof where, "area 0x%08x-0x%08llx", (unsigned)areas[i].area.start,
                 (unsigned long long)end);
        sim_check_device(ld, areas[i].src.line, where, sim_part_label(p, label, sizeof(label)),
                         areas[i].area.start, areas[i].area.size);
    }
}

/* Checks one line of partition `p` and takes it; `owners[line]` is the
 * partition that took it first (or NULL). */
static void sim_take_irq(struct sim_loader *ld, struct sim_part_src *p, uint32_t line,
                         struct sim_part_src *owners[HV_IRQ_LINES])
{
    char label[64], other[64];
    const char *who = sim_part_label(p, label, sizeof(label));
    if (line >= HV_IRQ_LINES) {
        sim_report(ld, p->irq_line, "interrupt line %u of %s does not exist (lines are 0..%d)",
                   (unsigned)line, who, HV_IRQ_LINES - 1);
    } else if ((sim_config_board(ld)->reserved_irqs & (1u << line)) != 0) {
        sim_report(ld, p->irq_line, "interrupt line %u of %s is the hypervisor's (%s)",
                   (unsigned)line, who, sim_board_irq_name(sim_config_board(ld), line));
    } else if (owners[line] != NULL && owners[line] != p) {
        sim_report(ld, p->irq_line, "interrupt line %u of %s is already owned by %s (line %ld)",
                   (unsigned)line, who, sim_part_label(owners[line], other, sizeof(other)),
                   owners[line]->irq_line);
    } else {
        owners[line] = p;
        p->part.irq_lines |= 1u << line;
    }
}

void sim_check_hw(struct sim_loader *ld)
{
    struct sim_part_src *parts = ld->partitions.items;
    struct sim_part_src *owners[HV_IRQ_LINES] = {0};
    for (uint32_t i = 0; i < ld->partitions.count; i++) {
        const struct sim_io_src *io = parts[i].io.items;
        const uint32_t *lines = parts[i].irqs.items;
        for (uint32_t j = 0; j < parts[i].io.count; j++) {
            if (!io[j].src.broken)
                sim_check_io(ld, &parts[i], &io[j]);
        }
        for (uint32_t j = 0; j < parts[i].irqs.count; j++)
            sim_take_irq(ld, &parts[i], lines[j], owners);
        sim_check_area_devices(ld, &parts[i]);
    }
}
