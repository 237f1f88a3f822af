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

/* Something happened that belongs in the run's trace (hvcore/trace.h). */
struct hv_trace_event;
void hv_port_trace(struct hv *hv, const struct hv_trace_event *event);

/* The processor's time in cycles since power-on: the clock the port
 * stamps the trace with. The core reads it only to measure (interrupt
 * latency, docs/interrupts.md), never to decide. */
uint64_t hv_port_cycles(struct hv *hv);

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
 * CWP = 0, WIM = 0x2 (the caller's window invalid), %g1 = the PCT's guest address, PC = entry.
 * HV_ENTRY_IMAGE: the entry point recorded in the partition's image (used
 * when the configuration gives none). */
#define HV_ENTRY_IMAGE 0xffffffffu
void hv_port_partition_boot(struct hv *hv, uint32_t partition, uint32_t entry);

/* May the partition read [guest_address, guest_address + length)? (Its own
 * permissions, as hv_port_copy_from_guest.) */
bool hv_port_guest_readable(struct hv *hv, uint32_t partition, uint32_t guest_address,
                            uint32_t length);

/* The MMU paravirtualisation (hvcore/src/mmu.c, docs/hypercalls.md).
 * The partition's memory by physical address (its page-table pages live
 * there), whatever its maps and rights say: `count` (at most 64)
 * big-endian words from paddr (4-byte aligned), or one word written;
 * false when the port cannot reach that address for the partition (the
 * core then refuses the call; on the simulator: an area whose mappedAt is
 * not its startAddr). */
bool hv_port_phys_read(struct hv *hv, uint32_t partition, uint32_t paddr, uint32_t *words,
                       uint32_t count);
bool hv_port_phys_write32(struct hv *hv, uint32_t partition, uint32_t paddr, uint32_t value);

/* The partition's translations changed: from now on its CPU translates
 * through the level-1 table at physical address l1 (validated by the core;
 * its entries from XM_MMU_L1_RESERVED on are the port's to fill), or
 * through the configuration's map for XM_MMU_INITIAL_MAP (0); and it drops
 * what it cached of the page at vaddr, or of every page for
 * HV_MMU_ALL_PAGES. Never flushes translated code. (Filling an invalid
 * entry of the map in use is not reported: as the SRMMU's TLB, the port
 * may cache only translations through valid entries.) False: the port cannot
 * run that map for the partition (on the simulator: the partition's areas
 * leave the vCPU's private page outside the reserved range); the core
 * then undoes the change and refuses the call. */
#define HV_MMU_ALL_PAGES 0xffffffffu
bool hv_port_mmu_sync(struct hv *hv, uint32_t partition, uint32_t l1, uint32_t vaddr);

/* A partition's SPARC CPU, for the virtual traps and assembly hypercalls
 * (hvcore/src/vtrap.c decides what happens; the port does the register
 * mechanics). The partition always runs in user mode with the real ET = 1
 * and PIL = 0: its virtual ET and PIL are the PCT's iFlags. */
enum hv_cpu_reg {
    HV_CPU_O0 = 8,  /* O0..O7 = 8..15 of the current window */
    HV_CPU_L0 = 16, /* L0..L7 = 16..23 */
    HV_CPU_I0 = 24, /* I0..I7 = 24..31 */
    HV_CPU_PSR = 32 /* reads the real PSR; a write changes only icc (23:20) and EF (12) */
};
uint32_t hv_port_cpu_get(struct hv *hv, uint32_t partition, enum hv_cpu_reg reg);
void hv_port_cpu_set(struct hv *hv, uint32_t partition, enum hv_cpu_reg reg, uint32_t value);

/* Register windows the CPU implements (8 on LEON3). */
uint32_t hv_port_cpu_windows(struct hv *hv);

/* Window mechanics. Each returns false, with the CPU unchanged, when a
 * window cannot go to or come from the partition's stack (its own
 * permissions, 8-byte alignment), or for trap_return, when the window to
 * return to is not in the registers.
 * - trap_enter: a new window as a SPARC trap (CWP - 1, spilling the oldest
 *   window first if the new one is invalid), there %l0 = l0, %l1 = PC,
 *   %l2 = NPC; then PC = address, NPC = address + 4.
 * - trap_return: as `rett` from the current window: CWP + 1, PC = pc,
 *   NPC = npc.
 * - flush_windows: every caller's window (CWP + 1 up to the invalid one)
 *   to its stack; WIM = CWP + 1.
 * - fill_caller: window CWP + 1 from the stack if it is invalid. */
bool hv_port_cpu_trap_enter(struct hv *hv, uint32_t partition, uint32_t address, uint32_t l0);
bool hv_port_cpu_trap_return(struct hv *hv, uint32_t partition, uint32_t pc, uint32_t npc);
bool hv_port_cpu_flush_windows(struct hv *hv, uint32_t partition);
bool hv_port_cpu_fill_caller(struct hv *hv, uint32_t partition);

#endif
