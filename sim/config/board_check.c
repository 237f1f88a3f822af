/* sim/config: a configuration against a board (board_check.h). */
#include "sim/config/board_check.h"

const char *sim_board_irq_name(const struct hv_board *board, uint32_t line)
{
    return line == board->uart_irq ? "UART1" : line == board->clock_irq ? "TIMER1" : "TIMER2";
}

static bool touches_uart2(const struct hv_io_range *r)
{
    uint64_t end = (uint64_t)r->base + 4u * (uint64_t)r->count;
    return r->base < SIM_XM_UART2_BASE + SIM_XM_UART2_BYTES && end > SIM_XM_UART2_BASE;
}

static uint32_t check_lines(const struct sim_config *c, uint32_t id, const char *path,
                            const struct hv_board *board, FILE *diag)
{
    const struct hv_partition_config *p = &sim_config_hv(c)->partitions[id];
    uint32_t problems = 0;
    for (uint32_t line = 0; line < HV_IRQ_LINES; line++) {
        if (!(p->irq_lines & board->reserved_irqs & (1u << line)))
            continue;
        fprintf(diag,
                "%s:%ld: interrupt line %u of partition %u (%s) is the hypervisor's on %s (%s)\n",
                path, sim_config_irq_source_line(c, id), line, id, p->name, board->name,
                sim_board_irq_name(board, line));
        problems++;
    }
    return problems;
}

static uint32_t check_uart2(const struct sim_config *c, uint32_t id, const char *path,
                            const struct hv_board *board, FILE *diag)
{
    const struct hv_partition_config *p = &sim_config_hv(c)->partitions[id];
    uint32_t problems = 0;
    for (uint32_t i = 0; i < p->io_range_count && board->uart2_base == 0; i++) {
        if (!touches_uart2(&p->io_ranges[i]))
            continue;
        fprintf(diag,
                "%s:%ld: I/O ports at 0x%08x of partition %u (%s) are UART2's; %s has no UART2\n",
                path, sim_config_io_source_line(c, id, i), p->io_ranges[i].base, id, p->name,
                board->name);
        problems++;
    }
    return problems;
}

static void report_device(FILE *diag, const char *path, long line, const char *what,
                          const struct hv_board *board, struct hv_board_device d)
{
    fprintf(diag, "%s:%ld: %s reaches the hypervisor's %s on %s (0x%08x-0x%08x)\n", path, line,
            what, d.name, board->name, (unsigned)d.base, (unsigned)(d.base + d.size));
}

/* I/O ports that reach the devices the hypervisor drives on this board. */
static uint32_t check_io_devices(const struct sim_config *c, uint32_t id, const char *path,
                                 const struct hv_board *board, FILE *diag)
{
    const struct hv_partition_config *p = &sim_config_hv(c)->partitions[id];
    uint32_t problems = 0;
    char what[128];
    for (uint32_t i = 0; i < p->io_range_count; i++) {
        const struct hv_io_range *r = &p->io_ranges[i];
        struct hv_board_device d = hv_board_device_reached(board, r->base, 4u * (uint64_t)r->count);
        if (d.name == NULL)
            continue;
        snprintf(what, sizeof what, "%s at 0x%08x of partition %u (%s)",
                 r->restricted ? "restricted I/O port" : "I/O port range", r->base, id, p->name);
        report_device(diag, path, sim_config_io_source_line(c, id, i), what, board, d);
        problems++;
    }
    return problems;
}

/* Memory areas, by physical address, likewise. */
static uint32_t check_area_devices(const struct sim_config *c, uint32_t id, const char *path,
                                   const struct hv_board *board, FILE *diag)
{
    const struct hv_partition_config *p = &sim_config_hv(c)->partitions[id];
    uint32_t problems = 0;
    char what[128];
    for (uint32_t i = 0; i < p->area_count; i++) {
        const struct hv_mem_area *a = &p->areas[i];
        struct hv_board_device d = hv_board_device_reached(board, a->start, a->size);
        if (d.name == NULL)
            continue;
        snprintf(what, sizeof what, "area 0x%08x-0x%08llx of partition %u (%s)", a->start,
                 (unsigned long long)a->start + a->size, id, p->name);
        report_device(diag, path, sim_config_area_source_line(c, id, i), what, board, d);
        problems++;
    }
    return problems;
}

enum sim_error sim_config_check_board(const struct sim_config *config, const char *path,
                                      const struct hv_board *board, FILE *diag)
{
    uint32_t problems = 0;
    for (uint32_t id = 0; id < sim_config_hv(config)->partition_count; id++)
        problems += check_lines(config, id, path, board, diag) +
                    check_uart2(config, id, path, board, diag) +
                    check_io_devices(config, id, path, board, diag) +
                    check_area_devices(config, id, path, board, diag);
    return problems ? SIM_ERR_CONFIG : SIM_OK;
}
