/* gui/: the timeline model, built from a run's trace records and the
 * configuration: slot occurrences (planned and actual), who had the CPU
 * when, MAF boundaries and plan switches, point events (HM, hypercalls,
 * IRQs, traps, states, port accesses, injections and kinds this build
 * does not know) and port messages (write → read).
 * Plain C, no SDL: the model and the view logic are unit-tested without a
 * window. Times are cycles at the board's clock. */
#ifndef GUI_MODEL_H
#define GUI_MODEL_H

#include "sim/common/symbols.h"
#include "sim/trace/trace.h"
#include <hvcore/config.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum gui_error {
    GUI_OK = 0,
    GUI_ERR_NO_MEMORY,
    GUI_ERR_BAD_TRACE, /* records the configuration cannot explain */
    GUI_ERR_FONT,      /* no usable font */
    GUI_ERR_SDL,       /* SDL, SDL_ttf or SDL_image failed */
    GUI_ERR_USAGE,     /* bad options (range, size) */
};
const char *gui_strerror(enum gui_error error);

/* The hypervisor's lane comes after the partitions'. */
#define GUI_HV_LANE(model) ((model)->partition_count)

/* One occurrence of a plan slot. */
struct gui_slot {
    uint64_t planned_start, planned_end; /* where the plan puts it */
    uint64_t actual_start, actual_end;   /* its SLOT_START and SLOT_END (the run's end if open) */
    uint32_t partition, index, plan;
    uint64_t maf;
    bool ended;
};

/* A stretch during which `partition` had the CPU (-1: idle). */
struct gui_exec {
    uint64_t start, end;
    int32_t partition;
};

/* A MAF boundary, or a plan switch. */
struct gui_mark {
    uint64_t cycle;
    uint64_t maf;
    uint32_t plan, previous_plan;
    bool plan_switch;
};

/* A point event drawn on its partition's lane (-1: the hypervisor's). */
struct gui_event {
    uint64_t cycle;
    uint16_t kind; /* enum hv_trace_kind */
    int16_t partition;
    uint32_t a, b, c;
};

/* A port message: written by one partition, read by another. */
struct gui_message {
    uint64_t write_cycle, read_cycle;
    uint32_t writer, reader;
    uint32_t source_port, destination_port; /* config port indexes */
    uint32_t size;                          /* bytes read */
    char source_name[HV_NAME_MAX], destination_name[HV_NAME_MAX];
};

/* A stretch during which a partition was suspended or halted (its STATE
 * records): the lane is shaded. */
struct gui_state_span {
    uint64_t start, end;
    uint32_t partition;
    uint32_t state; /* HV_STATE_SUSPENDED or HV_STATE_HALTED */
};

/* One console line: the bytes a writer sent up to its newline, from the
 * first byte's cycle to the newline's. Bytes outside printable ASCII are
 * shown as '?'; a line longer than the text keeps its start and "...". */
#define GUI_CONSOLE_TEXT 120
struct gui_console_line {
    uint64_t start, end;
    int32_t partition; /* the writer, -1: the hypervisor (or UART2) */
    bool uart2;        /* sent on UART2, not the console */
    bool open;         /* no newline yet when the trace ends */
    char text[GUI_CONSOLE_TEXT];
    size_t length; /* bytes the line had, kept or not */
};

struct gui_model {
    uint32_t clock_khz;
    uint32_t partition_count;
    char names[HV_MAX_PARTITIONS][HV_NAME_MAX];
    uint64_t end; /* the run's last cycle */
    struct gui_slot *slots;
    size_t slot_count;
    struct gui_exec *execs;
    size_t exec_count;
    struct gui_mark *marks;
    size_t mark_count;
    struct gui_event *events;
    size_t event_count;
    struct gui_message *messages;
    size_t message_count;
    struct gui_state_span *spans;
    size_t span_count;
    struct gui_console_line *lines;
    size_t line_count;
    /* The run's normal slot latencies, in cycles: how long after its
     * planned time a slot most often starts and ends (the timer
     * interrupt's entry; ties: the smaller). A slot ending later than
     * that overran (gui_slot_overrun). */
    uint64_t slot_start_latency, slot_end_latency;
    /* Each partition's function symbols, which name the PCs of the
     * details (gui_meta.symbols), or NULL: plain hex. */
    const struct sim_symbols *symbols;
};

/* What the records need around them. */
struct gui_meta {
    const struct hv_config *config; /* partitions, plans, ports */
    uint32_t clock_khz;             /* the board's (the simulator's clock) */
    uint64_t end_cycle;             /* the run's end; below the last record's: that one */
    /* A version-1 trace file: its header names partitions and plans but
     * not ports, so port accesses are ticks without message arrows. */
    bool ports_unknown;
    /* HV_MAX_PARTITIONS tables of function symbols, one a partition (from
     * its ELF image), or NULL; kept by the caller while the model lives. */
    const struct sim_symbols *symbols;
};

/* Build the model. On GUI_ERR_BAD_TRACE, `error` holds one line saying
 * which record and why. The model is empty (and freeable) on failure. */
enum gui_error gui_model_build(struct gui_model *model, const struct sim_trace_record *records,
                               size_t count, const struct gui_meta *meta, char *error,
                               size_t error_size);
void gui_model_free(struct gui_model *model);

/* The start of the next line from the writer of line i, or the run's end:
 * where line i's text may extend to on the timeline. */
uint64_t gui_console_next_start(const struct gui_model *model, size_t i);

/* Cycles `slot` ended past its planned end beyond the run's normal
 * slot-end latency (0: none, or not ended); and started late beyond the
 * normal start latency. */
uint64_t gui_slot_overrun(const struct gui_model *model, const struct gui_slot *slot);
uint64_t gui_slot_late(const struct gui_model *model, const struct gui_slot *slot);

uint64_t gui_us_to_cycles(uint32_t khz, uint64_t us);
double gui_cycles_to_ns(uint32_t khz, double cycles);

#endif
