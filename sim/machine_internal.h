/* sim/: the machine's state, shared by machine.c (set-up and the run loop)
 * and port.c (hvcore's host port). */
#ifndef SIM_MACHINE_INTERNAL_H
#define SIM_MACHINE_INTERNAL_H

#include "devices/leon3.h"
#include "sim/hypercall_notice.h"
#include "sim/machine.h"
#include "sim/notice.h"
#include "sim/trace/trace.h"
#include <stdbool.h>

struct sim_partition {
    struct vcpu *vcpu;
    uint8_t *pct; /* HV_PCT_AREA_SIZE bytes, page aligned, mapped read-only */
    uint32_t image_entry;
    struct sim_image_xef image_xef; /* which XEF image it booted (present false: an ELF) */
};

/* A memory area mapped into several partitions: one host buffer. */
struct sim_shared_area {
    uint32_t start;
    uint32_t size;
    uint8_t *buffer;
};

/* Who wrote each byte still in the console UART (DATA writes not yet
 * out of the shift register), so output lines can name their writer. */
#define SIM_CONSOLE_QUEUE 8u
struct sim_console {
    int32_t writers[SIM_CONSOLE_QUEUE]; /* partition id or HV_IDLE (the hypervisor) */
    uint32_t head, count;
    bool at_line_start;
    int32_t line_writer;
};

/* Bytes fed to the console UART's receiver, one per character time. */
struct sim_uart_input {
    uint8_t *bytes;
    size_t length, next;
    uint64_t next_cycle;
};

/* An HM event of the hypervisor entry under way, seen when the core
 * raised it (before its action changed the partition): printed after the
 * entry, under the notice of what caused it (a trap, a virtual interrupt)
 * or a notice of its own (hm_report.c). */
#define SIM_HM_SEEN_MAX 16u
struct sim_hm_seen {
    struct sim_hm_notice notice; /* partition -1: a hypervisor-scope event */
    enum sim_notice_show show;
    char *report; /* the fault report's lines (SHOW_ALL), or NULL */
    size_t report_length;
};

struct sim_machine {
    struct hv hv;
    struct hv_config config_copy; /* the configuration, cpu_khz from the board */
    struct hv_board board_copy;   /* xm-leon3 at the configured clock */
    const struct hv_config *config;
    struct leon3_devices devices; /* the board's APBUART, GPTIMER and IRQMP */
    struct sim_console console;
    struct sim_trace trace;
    struct sim_uart_input uart_input;
    struct sim_uart_input uart2_input;
    uint32_t io_errors; /* hypervisor register accesses the bus refused */
    struct sim_options options;
    struct sim_clock clock;
    int32_t last_running; /* who had the CPU last: a partition or HV_IDLE */
    /* Partition powered_down_by powered the processor down (%asr19): it
     * waits for the next interrupt (run.c). */
    bool powered_down;
    uint32_t powered_down_by;
    bool booted;
    bool halt_reported; /* the "system halted" notice is printed */
    int engine_error;   /* a vcpu_error met inside a port call, VCPU_OK if none */
    struct sim_partition partitions[HV_MAX_PARTITIONS];
    struct sim_shared_area *shared; /* room for every shared area of the configuration */
    uint32_t shared_count;
    uint64_t stop_at; /* sim_machine_run_until: a partition runs no further; 0 none */
    struct sim_hypercall_notices hypercall_notices;
    struct sim_hm_seen hm_seen[SIM_HM_SEEN_MAX];
    uint32_t hm_seen_count, hm_seen_dropped; /* dropped: beyond SIM_HM_SEEN_MAX in one entry */
    struct sim_notice_places hm_places;
    bool hm_places_ended; /* the end-of-run lines are printed */
};

/* hm_report.c: the port saw the core raise an HM event (trace record e). */
void sim_hm_seen(struct sim_machine *m, const struct hv_trace_event *e);
/* Whether the notice of the entry's cause is printed: yes without an HM
 * event, not for a place's repeats beyond the first few. */
bool sim_hm_notice_due(const struct sim_machine *m);
/* After the cause's notice: the first event's report (or a repeat's
 * summary line), then each further event with a notice of its own. */
void sim_hm_report(struct sim_machine *m, FILE *diag);
/* Events no cause's notice took (raised in a hypercall, the watchdog's):
 * each with a notice of its own. */
void sim_hm_report_alone(struct sim_machine *m, FILE *diag);
/* Nothing pending (the machine's end). */
void sim_hm_forget(struct sim_machine *m);
/* The end of the run: the places' last repeats (once). */
void sim_hm_end(struct sim_machine *m, FILE *diag);

#endif
