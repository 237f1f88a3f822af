/* A fake hvcore port for unit tests: the LEON3 device models on a bus
 * (bus_port.c, so the core's drivers run as on the board) under a test
 * clock, one flat block of guest memory per partition, the PCTs, and a
 * record of partition boots. The board is xm-leon3 (50 MHz). */
#ifndef FAKE_PORT_H
#define FAKE_PORT_H

#include "bus_port.h"
#include <hvcore/hv.h>
#include <hvcore/port.h>
#include <hvcore/trace.h>

#define FAKE_GUEST_BASE 0x40000000u
#define FAKE_GUEST_SIZE 4096u

/* A partition's CPU as the fake port keeps it: one flat register window
 * (indexed by hv_cpu_reg), PC/NPC, and a record of the window operations
 * the core asked for. stack_fails / caller_invalid make them refuse. */
struct fake_cpu {
    uint32_t regs[HV_CPU_PSR + 1];
    uint32_t pc, npc;
    uint32_t trap_enters, trap_enter_address;
    uint32_t trap_returns;
    uint32_t flushes, fills;
    bool stack_fails;
    bool caller_invalid;
};

#define FAKE_WINDOWS 8u

/* Physical memory for the MMU calls (hv_port_phys_*): one block for every
 * partition (which pages are whose is the configuration's business), and a
 * record of the map changes the core reported (hv_port_mmu_sync). */
#define FAKE_PHYS_BASE 0x40000000u
#define FAKE_PHYS_SIZE 0x20000u
struct fake_mmu {
    uint32_t syncs;
    uint32_t l1, vaddr;   /* of the last sync */
    uint32_t refuse_l1;   /* a level-1 table the port cannot run (0: none) */
    bool pct_unreachable; /* the PCT is not at HV_PCT_ADDRESS physically (LEON3) */
};

struct fake_port {
    struct bus_port bus; /* first: bus_port.c finds itself at hv->port_context */
    uint8_t guest[HV_MAX_PARTITIONS][FAKE_GUEST_SIZE];
    uint8_t pct[HV_MAX_PARTITIONS][HV_PCT_AREA_SIZE];
    uint32_t boots[HV_MAX_PARTITIONS];
    uint32_t boot_entry[HV_MAX_PARTITIONS];
    struct fake_cpu cpu[HV_MAX_PARTITIONS];
    uint8_t phys[FAKE_PHYS_SIZE];
    struct fake_mmu mmu[HV_MAX_PARTITIONS];
    uint32_t traced[HV_TRACE_KIND_COUNT]; /* events reported, per kind */
    struct hv_trace_event last_traced[HV_TRACE_KIND_COUNT];
};

/* A health-monitor table with xmcparser's main default (every event
 * HALT, nothing logged), for hand-written configurations: a zeroed table
 * would mean IGNORE everywhere. */
#define FAKE_HM_HALT                                                                               \
    {                                                                                              \
        [0 ... XM_HM_MAX_EVENTS - 1] = { XM_HM_AC_HALT, false }                                    \
    }

/* Bind hv to a fresh port; then hv_init() and hv_boot() as usual. */
void fake_port_init(struct fake_port *port, struct hv *hv);

/* Advance the clock to t µs, taking every interrupt on the way. */
void fake_port_run_until(struct hv *hv, uint64_t t_us);

/* Make a hypercall as the running partition: returns the result, and in
 * *completes whether the caller would resume after its `ta`. */
int32_t fake_port_hypercall(struct hv *hv, uint32_t nr, uint32_t a1, uint32_t a2, uint32_t a3,
                            bool *completes);
/* The same with all five argument registers (%o1..%o5); asserts nothing. */
int32_t fake_port_hypercall5(struct hv *hv, uint32_t nr, const uint32_t args[5]);

/* A big-endian word of physical memory, read and written as the partition's
 * own code would (no check). */
uint32_t fake_port_phys_word(struct hv *hv, uint32_t paddr);
void fake_port_set_phys_word(struct hv *hv, uint32_t paddr, uint32_t value);

/* A big-endian word of a partition's PCT. */
uint32_t fake_port_pct_word(struct hv *hv, uint32_t partition, size_t offset);

#endif
