/* The port contract: everything hvcore needs from the world. Implemented
 * once per port: arch/leon3 on the board, sim/ on the host, and a fake port
 * in tests/unit. hvcore calls nothing else outside itself. */
#ifndef HVCORE_PORT_H
#define HVCORE_PORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct hv;

/* Device registers (the drivers in hvcore/drivers use only these). */
uint32_t hv_port_io_read32(struct hv *hv, uint32_t address);
void hv_port_io_write32(struct hv *hv, uint32_t address, uint32_t value);

/* Time and the console are not port functions: the core's drivers
 * (hvcore/drivers) program the GPTIMER, IRQMP and APBUART through the two
 * functions above, on the board and in the simulator alike. */

/* Checked copies between the core and a partition's memory, with the
 * partition's own permissions: false when any byte is outside what the
 * partition may read (or write), in which case nothing is written. */
bool hv_port_copy_from_guest(struct hv *hv, uint32_t partition, uint32_t guest_address,
                             void *destination, uint32_t length);
bool hv_port_copy_to_guest(struct hv *hv, uint32_t partition, uint32_t guest_address,
                           const void *source, uint32_t length);

/* The partition control table of a partition: HV_PCT_AREA_SIZE bytes of
 * big-endian guest data, mapped read-only into that partition. */
#define HV_PCT_AREA_SIZE 4096u
uint8_t *hv_port_pct(struct hv *hv, uint32_t partition);

/* Put a partition's CPU in XtratuM's boot state: user mode, traps enabled,
 * CWP = 7, WIM = 0x2, %g1 = the PCT's guest address, PC = entry.
 * HV_ENTRY_IMAGE: the entry point recorded in the partition's image (used
 * when the configuration gives none). */
#define HV_ENTRY_IMAGE 0xffffffffu
void hv_port_partition_boot(struct hv *hv, uint32_t partition, uint32_t entry);

#endif
