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

/* Time: microseconds since the hypervisor's reset, and a one-shot timer that
 * calls hv_timer_event() once the clock has reached deadline_us. Arming again
 * replaces the previous deadline. */
uint64_t hv_port_clock_us(struct hv *hv);
void hv_port_timer_arm(struct hv *hv, uint64_t deadline_us);

/* Console bytes for a console device (an index in hv_config.devices), with
 * the partition that wrote them (HV_WRITER_HYPERVISOR for the core). */
#define HV_WRITER_HYPERVISOR 0xffffffffu
void hv_port_console_write(struct hv *hv, int32_t device, uint32_t writer, const char *bytes,
                           size_t length);

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
