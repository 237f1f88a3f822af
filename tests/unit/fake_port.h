/* A fake hvcore port for unit tests: a settable clock, a recorded timer
 * deadline, a console transcript and one flat block of guest memory per
 * partition. */
#ifndef FAKE_PORT_H
#define FAKE_PORT_H

#include <hvcore/hv.h>
#include <hvcore/port.h>

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

struct fake_port {
    uint64_t now_us;
    uint64_t timer_deadline_us;
    uint32_t timer_arms;
    char console[4096];
    size_t console_length;
    uint32_t console_writer;
    uint8_t guest[HV_MAX_PARTITIONS][FAKE_GUEST_SIZE];
    uint8_t pct[HV_MAX_PARTITIONS][HV_PCT_AREA_SIZE];
    uint32_t boots[HV_MAX_PARTITIONS];
    uint32_t boot_entry[HV_MAX_PARTITIONS];
    struct fake_cpu cpu[HV_MAX_PARTITIONS];
};

/* Advance the fake clock to t, delivering every timer event on the way. */
void fake_port_run_until(struct hv *hv, uint64_t t);

/* Make a hypercall as the running partition: returns the result, and in
 * *completes whether the caller would resume after its `ta`. */
int32_t fake_port_hypercall(struct hv *hv, uint32_t nr, uint32_t a1, uint32_t a2, uint32_t a3,
                            bool *completes);

#endif
