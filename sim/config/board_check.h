/* sim/config: a loaded configuration against a board profile other than
 * the one it was checked for (hvsim run --board, the qemu engine's
 * qemu-leon3): the interrupt lines the board keeps for the hypervisor, the
 * devices it drives (no I/O port range nor memory area may reach them),
 * and XtratuM's UART2 (0x80100100) on a board without it. One line per
 * problem, `path:line: message`, as the loader reports. */
#ifndef SIM_CONFIG_BOARD_CHECK_H
#define SIM_CONFIG_BOARD_CHECK_H

#include <hvcore/board.h>
#include <stdio.h>

#include "sim/common/sim_error.h"
#include "sim/config/config_load.h"

#define SIM_XM_UART2_BASE 0x80100100u
#define SIM_XM_UART2_BYTES 0x100u

/* "UART1", "TIMER1" or "TIMER2": what the board uses a reserved line for. */
const char *sim_board_irq_name(const struct hv_board *board, uint32_t line);

/* SIM_OK, or SIM_ERR_CONFIG after printing each problem. */
enum sim_error sim_config_check_board(const struct sim_config *config, const char *path,
                                      const struct hv_board *board, FILE *diag);

/* The XM_CF line of partition's Interrupts element (0: none), of its
 * range-th I/O port range and of its area-th memory area (config_load.h's
 * struct, build.c). */
long sim_config_irq_source_line(const struct sim_config *c, uint32_t partition);
long sim_config_io_source_line(const struct sim_config *c, uint32_t partition, uint32_t range);
long sim_config_area_source_line(const struct sim_config *c, uint32_t partition, uint32_t area);

#endif
