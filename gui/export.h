/* gui/: headless images of a timeline: software rendering into a surface,
 * written as PNG. No display and no video driver are involved. */
#ifndef GUI_EXPORT_H
#define GUI_EXPORT_H

#include "gui/model.h"
#include <stdbool.h>

struct gui_image_options {
    int width, height;     /* pixels */
    bool has_from, has_to; /* the shown range; else the whole run */
    uint64_t from_ns, to_ns;
};

#define GUI_DEFAULT_WIDTH 1400
#define GUI_DEFAULT_HEIGHT 0 /* 0: as tall as the lanes need */

/* Render the model as options say and write it to path. On failure,
 * `error` holds one line. */
enum gui_error gui_export_png(const struct gui_model *model,
                              const struct gui_image_options *options, const char *path,
                              char *error, size_t size);

/* Build the model of `records` (gui_model_build) and export it as above:
 * the one path of `hvsim run --png` and `hvsim view --png`. */
enum gui_error gui_export_records_png(const struct sim_trace_record *records, size_t count,
                                      const struct gui_meta *meta,
                                      const struct gui_image_options *options, const char *path,
                                      char *error, size_t size);

/* The height that shows every lane at a readable size under a legend of
 * `legend_rows` rows. */
#define GUI_NATURAL_LANE_HEIGHT 64
int gui_natural_height(const struct gui_model *model, int legend_rows);
/* The rows the model's legend needs in an image `width` wide. */
struct gui_renderer;
int gui_legend_rows_at(const struct gui_renderer *renderer, const struct gui_model *model,
                       int width);

#endif
