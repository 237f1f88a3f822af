/* hvcore: the hypervisor core's API. All state lives in one struct hv that
 * is passed to every call; the ports (arch/leon3, sim/, the unit tests'
 * fake) call the entry points below and implement hvcore/port.h. */
#ifndef HVCORE_HV_H
#define HVCORE_HV_H

#include <hvcore/board.h>
#include <hvcore/config.h>
#include <stdbool.h>
#include <stdint.h>
#include <xm/trace.h>

#define HV_IDLE (-1) /* hv_current(): no partition runs */
/* The most device register accesses one hypercall, assembly hypercall or
 * trap makes in the core (re-arming the event timer three times, reading
 * the clock, a system reset's driver bring-up), the console write aside:
 * that one stops at the slot end by itself. The port uses it to bound a
 * hypercall's cost (docs/hypercalls.md, "Bounded costs"). */
#define HV_HYPERCALL_MAX_IO 64u

/* XM_get_partition_status() states (XM_STATUS_*). */
enum hv_partition_state {
    HV_STATE_IDLE = 0, /* yielded with idle_self: until an IRQ it takes, or its next slot */
    HV_STATE_READY = 1,
    HV_STATE_SUSPENDED = 2,
    HV_STATE_HALTED = 3,
};

/* A partition timer (XM_set_timer): one per clock. deadline_us is on the
 * timer's own clock (HW: µs since reset; EXEC: the partition's run time). */
struct hv_timer {
    bool armed;
    uint64_t deadline_us;
    uint64_t interval_us; /* 0: one-shot */
};

/* Virtual interrupt sources, for the latency record: hardware line n is
 * source n, extended interrupt e is source 32 + e. */
#define HV_VIRQ_SOURCE(type, irq) ((type)*32u + (irq)) /* type 0 hardware, 1 extended */
#define HV_VIRQ_SOURCES 64u

struct hv_partition {
    enum hv_partition_state state;
    uint32_t reset_counter;
    uint32_t reset_status;
    uint64_t exec_us;      /* EXEC clock: time spent running */
    uint64_t run_start_us; /* when it last got the CPU */
    uint32_t slots_started;
    struct hv_timer hw_timer;   /* XM_HW_CLOCK: raises XM_VT_EXT_HW_TIMER */
    struct hv_timer exec_timer; /* XM_EXEC_CLOCK: raises XM_VT_EXT_EXEC_TIMER */
    uint32_t
        boots; /* times started or restarted: a hypercall whose caller restarted never returns */
    /* Interrupt latency (docs/interrupts.md), in cycles (hv_port_cycles):
     * when each source last went pending, and when the partition's
     * current (or last) slot started. */
    uint64_t virq_raised[HV_VIRQ_SOURCES];
    uint64_t slot_start_cycle;
};

struct hv_sched {
    uint32_t plan;          /* index of the current plan */
    uint64_t maf_start_us;  /* start of the current major frame */
    uint64_t maf_count;     /* major frames started since boot */
    int32_t slot;           /* index of the current slot, -1 between slots */
    uint32_t next_slot;     /* next slot to start in this frame */
    uint64_t next_event_us; /* the timer's deadline */
    int32_t current;        /* running partition or HV_IDLE */
    uint32_t next_plan;     /* plan the next major frame runs (== plan: none pending) */
    int32_t prev_plan;      /* plan before the last switch, -1: none since reset */
    uint64_t switch_us;     /* when the last plan switch took effect, 0: none */
};

/* The health monitor (hm.c): the log of XtratuM's HM object, a queue of
 * the last HV_HM_LOG_ENTRIES events whose table entry says log (a full
 * queue drops its oldest entry, as XM-Q's does), and the last event raised,
 * for the port's report. */
#define HV_HM_LOG_ENTRIES 32
struct hv_hm_log_entry {
    uint32_t opcode; /* HMLOG_OPCODE_* fields (xm/hm.h) */
    uint64_t timestamp_us;
    uint32_t payload[4]; /* cpuCtxt pc, nPc, psr; payload[3]: fault address */
};

struct hv_hm_event {
    uint32_t event;    /* XM_HM_EV_* */
    uint32_t action;   /* XM_HM_AC_* taken */
    int32_t partition; /* -1: a hypervisor-scope event */
    bool logged;
    bool skip; /* IGNORE of a trap: the partition continues after the trapping instruction */
};

struct hv_hm {
    struct hv_hm_log_entry log[HV_HM_LOG_ENTRIES];
    uint32_t head, count; /* oldest entry, entries queued */
    uint64_t events;      /* events raised since the last system reset */
    struct hv_hm_event last;
};

/* The system as a whole: XM_halt_system or an HM action stops it; the
 * port sees hv_system_halted() and ends the run. */
enum hv_system_state { HV_SYSTEM_RUNNING, HV_SYSTEM_HALTED };

struct hv_system {
    enum hv_system_state state;
    int32_t halted_by;      /* the partition whose call or HM event halted it, -1 */
    uint32_t reset_counter; /* system resets since power-on */
    uint32_t reset_status;  /* XM_COLD_RESET / XM_WARM_RESET of the last one */
    uint64_t irqs;          /* interrupts taken since the last system reset */
    uint32_t irq_enabled;   /* partition lines unmasked by their owner, not fired since */
};

enum hv_error {
    HV_OK = 0,
    HV_ERR_NO_PLAN,
    HV_ERR_TOO_MANY_PARTITIONS,
    HV_ERR_BAD_SLOT,
    HV_ERR_COMM_LIMITS,
};

/* Communication ports (hvcore/src/ports.c, docs/ports.md). A port is open
 * once its partition created it; status is XM_COMM_EMPTY_PORT,
 * XM_COMM_NEW_MSG or XM_COMM_CONSUMED_MSG. A channel's messages are bytes
 * of hv_comm.pool from pool_offset (hv_channel_storage() of them). */
struct hv_port_state {
    bool open;
    uint32_t status;
};

struct hv_channel_state {
    uint32_t pool_offset;
    uint64_t timestamp_us; /* sampling: when the message was written */
    uint32_t length;       /* sampling: its size; 0 = never written */
    uint32_t head;         /* queuing: slot of the oldest message */
    uint32_t count;        /* queuing: messages held */
};

struct hv_comm {
    struct hv_port_state ports[HV_MAX_PORTS];
    struct hv_channel_state channels[HV_MAX_CHANNELS];
    uint8_t pool[HV_COMM_POOL_BYTES];
};

/* Trace streams (hvcore/src/trace_object.c): one circular stream per
 * partition and one for the hypervisor, events kept in the guest's form. */
#define HV_TRACE_STREAM_EVENTS 32
struct hv_trace_stream {
    uint8_t events[HV_TRACE_STREAM_EVENTS][XM_TRACE_EVENT_SIZE];
    uint32_t head;  /* oldest event */
    uint32_t count; /* events held */
};

struct hv_trace_streams {
    struct hv_trace_stream partitions[HV_MAX_PARTITIONS];
    struct hv_trace_stream hypervisor;
};

/* The MMU paravirtualisation (mmu.c, xm/mmu.h): a partition's page-table
 * pages (level PPAG_STD: a free slot; refs: PTDs pointing into the page,
 * plus one while a level-1 table in it is the current map) and the
 * level-1 table it runs on (XM_MMU_INITIAL_MAP: the configuration's). */
#define HV_MMU_TABLE_PAGES 16
struct hv_mmu_page {
    uint32_t address; /* physical, 4 KiB aligned */
    uint8_t level;    /* PPAG_* */
    uint16_t refs;
};

struct hv_mmu {
    struct hv_mmu_page pages[HV_MMU_TABLE_PAGES];
    uint32_t root;
};

struct hv {
    const struct hv_config *config;
    void *port_context; /* the port's own state, for hv_port_* */
    struct hv_partition partitions[HV_MAX_PARTITIONS];
    struct hv_sched sched;
    struct hv_drivers drivers; /* UART, timer and IRQMP drivers (hvcore/drivers.h) */
    struct hv_hm hm;
    struct hv_system system;
    struct {
        bool armed;
        uint64_t deadline_us;
    } watchdog; /* XM-Q's soft watchdog (reload_watchdog) */
    /* Sampling and queuing ports; the trace object's streams. */
    struct hv_comm comm;
    struct hv_trace_streams trace_streams;
    struct hv_mmu mmu[HV_MAX_PARTITIONS];
};

/* Set up hv for config on board (not yet running). */
enum hv_error hv_init(struct hv *hv, const struct hv_config *config, const struct hv_board *board,
                      void *port_context);
const char *hv_strerror(enum hv_error error);

/* Boot: the drivers bring the board's interrupt controller, timers and
 * console UART up; partitions with the boot flag are READY, others HALTED;
 * plan 0 starts at time 0. */
void hv_boot(struct hv *hv);

/* The processor took interrupt `line` (1..15), already acknowledged at the
 * interrupt controller as the LEON3 does on trap entry. */
void hv_irq(struct hv *hv, uint32_t line);

/* A partition executed `ta 0xF0` with regs = %o0..%o5 of its window.
 * Returns true when the port must complete the call: write *result into %o0
 * and continue after the `ta`. False: the caller's context was replaced
 * (halted or reset) and must be left as the core set it. */
bool hv_hypercall(struct hv *hv, const uint32_t regs[6], int32_t *result);

/* What became of a partition's trap or assembly hypercall. */
enum hv_trap_outcome {
    HV_TRAP_CONTINUE,   /* done: the port continues after the `ta` (PC = NPC) */
    HV_TRAP_REDIRECTED, /* the core moved the partition (virtual trap, iret) */
    /* The health monitor handled a fault of the partition (hv->hm.last:
     * the event, the action taken, and whether the port continues after
     * the trapping instruction): */
    HV_TRAP_FAULT,        /* a hardware trap (illegal instruction, access, ...) */
    HV_TRAP_BAD_TBR,      /* no valid virtual trap table for a virtual trap */
    HV_TRAP_BAD_STACK,    /* a register window could not go to or come from its stack */
    HV_TRAP_BAD_IRET,     /* iret to an unreadable address or to a window not in the registers */
    HV_TRAP_NO_PARTITION, /* no partition runs */
};
const char *hv_trap_outcome_str(enum hv_trap_outcome outcome);

/* The running partition took a trap (tt = SPARC trap type) other than a
 * hypercall: a software trap (`ta`) is reflected to its virtual trap
 * table as XtratuM does; anything else is a health-monitor event (the
 * trap's XM_HM_EV_SPARCV8_*, or UNEXPECTED_TRAP). */
enum hv_trap_outcome hv_partition_trap(struct hv *hv, uint32_t trap_type, uint32_t pc,
                                       uint32_t address);

/* The running partition executed `ta 0xF1` with %o0 = nr, %o1 = arg. */
enum hv_trap_outcome hv_asm_hypercall(struct hv *hv, uint32_t nr, uint32_t arg);

/* Deliver virtual trap `vector` (0..255) to partition id now, as XtratuM's
 * SPARC port does: vector address = TBR + 16 * vector, a new window with
 * %l0 = PSR copy, %l1 = PC, %l2 = NPC, virtual traps disabled (iFlags ET).
 * The one way a partition enters its trap table (software traps now; IRQs
 * and HM propagation later). */
enum hv_trap_outcome hv_vtrap_deliver(struct hv *hv, uint32_t id, uint32_t vector);

/* The port is about to run the current partition (after a hypercall, a
 * trap, an interrupt, a slot start): deliver its most urgent pending
 * virtual interrupt, in XtratuM's order (RaisePendIrqs). HV_TRAP_CONTINUE:
 * nothing to deliver; HV_TRAP_REDIRECTED: the partition now starts its
 * handler; a fault outcome: the delivery failed and the partition was
 * halted; HV_TRAP_NO_PARTITION when idle. */
enum hv_trap_outcome hv_resume(struct hv *hv);
/* XM_halt_system or the health monitor halted the system: nothing runs
 * any more, and the port ends the run. */
bool hv_system_halted(const struct hv *hv);

/* Who runs now: a partition id or HV_IDLE. */
int32_t hv_current(const struct hv *hv);

/* A plan switch asked for from outside the partitions (the simulator's
 * `inject plan`), as if a system partition had called
 * XM_switch_sched_plan(plan): the same checks and XM return codes (XM_OK;
 * XM_NO_ACTION for the current plan; XM_INVALID_PARAM for plan 0 or a
 * plan that does not exist) and the same effect: plan starts when the
 * current major frame ends, the last request before then winning. */
int32_t hv_plan_request_external(struct hv *hv, uint32_t plan);

#endif
