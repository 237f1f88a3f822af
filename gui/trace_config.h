/* gui/: what the timeline needs around the records of a recorded trace,
 * taken from the trace file's header (docs/trace.md): a struct hv_config
 * holding the system's name, the partitions' names, the plans with their
 * slots and (format version 2 on) the ports and channels, which is all of
 * the configuration the model reads. A version-1 header has no ports, so
 * its trace is viewed with gui_meta.ports_unknown (ports_unknown below):
 * port accesses are ticks, with no message arrows. One model input for
 * both paths: a live run passes its real configuration. */
#ifndef GUI_TRACE_CONFIG_H
#define GUI_TRACE_CONFIG_H

#include "gui/model.h"
#include "sim/trace/trace_file.h"

struct gui_trace_config {
    struct hv_config config;
    struct hv_partition_config *partitions;
    struct hv_plan *plans;
    struct hv_slot *slots; /* every plan's, plan after plan */
    struct hv_port_config *ports;
    struct hv_channel *channels;
    uint32_t *destinations; /* every channel's, channel after channel */
    bool ports_unknown;     /* a version-1 header: no ports, no arrows */
};

/* Fill `out` from the header; GUI_ERR_NO_MEMORY or, for a header the
 * model cannot use (no plan, too many partitions, a port or channel naming
 * what the header does not have), GUI_ERR_BAD_TRACE with one line in
 * `error`. */
enum gui_error gui_trace_config_init(struct gui_trace_config *out,
                                     const struct sim_trace_header *header, char *error,
                                     size_t error_size);
void gui_trace_config_free(struct gui_trace_config *config);

#endif
