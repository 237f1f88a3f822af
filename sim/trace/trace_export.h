/* sim/trace: exporters of a trace file (docs/trace.md): plain text, one line
 * per record, and the Chrome/Perfetto JSON trace-event format (one track
 * per partition, slots and running periods as complete events, HM events
 * and other point events as instants, console output as one instant per
 * line), which opens in ui.perfetto.dev and chrome://tracing. */
#ifndef SIM_TRACE_EXPORT_H
#define SIM_TRACE_EXPORT_H

#include "sim/trace/trace_file.h"

/* Read every record of reader and write them to out; false when the file
 * is corrupt (reported on diag). A file without its end record (a run
 * still going, or one that died) is exported up to its last whole record,
 * with a note. */
bool sim_trace_export_text(struct sim_trace_reader *reader, FILE *out, FILE *diag);
bool sim_trace_export_json(struct sim_trace_reader *reader, FILE *out, FILE *diag);
/* trace_latency.c: the VIRQ_LATENCY records summarised per partition and
 * source (count, min, median, p99, max; the slot waits apart). */
bool sim_trace_export_latency(struct sim_trace_reader *reader, FILE *out, FILE *diag);
/* A VIRQ_LATENCY source in words: "line 5", "hw_timer", "ipvi2", "ext 9". */
void sim_trace_virq_source_name(uint32_t source, char *out, size_t size);

/* One record's fields as "name=value ...", every number that has a name
 * with it: "nr=XM_ctrl_object (13) result=XM_INVALID_CONFIG (-5)" (text
 * exporter, JSON args, scenario messages; trace_fields.c). */
#define SIM_TRACE_FIELDS_MAX 400
void sim_trace_format_fields(const struct sim_trace_header *header,
                             const struct sim_trace_record *record, char *out, size_t size);

#endif
