/* gui/: the interactive window: a thin SDL layer over control.c (input)
 * and render.c (drawing into a software surface that is copied to the
 * window). The timeline comes from a source: a finished trace, or a live
 * run that the window advances between frames. */
#ifndef GUI_WINDOW_H
#define GUI_WINDOW_H

#include "gui/control.h"
#include "gui/model.h"

struct gui_source {
    void *context;
    /* The records so far and the run's current end (cycles). */
    void (*snapshot)(void *context, const struct sim_trace_record **records, size_t *count,
                     uint64_t *end_cycle);
    /* Live only (NULL for a recorded trace): advance the run by `us`
     * microseconds of virtual time, or by the step asked for. False when
     * the run cannot go on: it reached its end or failed. */
    bool (*advance)(void *context, enum gui_step step, uint64_t us);
};

/* Open a window and run until the user closes it. `error` gets one line
 * when no window can be opened (no display, say) or the trace is bad. */
enum gui_error gui_window_run(const struct gui_source *source, const struct gui_meta *meta,
                              const char *title, char *error, size_t size);

#endif
