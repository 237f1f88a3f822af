/* gui/: the view over a timeline model: the layout of the image, the
 * transform between time (cycles) and x, zoom around a point, pan, fit,
 * hit testing, jumping between HM events and the time axis's ticks.
 * Plain C, no SDL. */
#ifndef GUI_VIEW_H
#define GUI_VIEW_H

#include "gui/model.h"
#include <stdbool.h>
#include <stddef.h>

/* Where things go in a width × height image. */
struct gui_layout {
    int width, height;
    int plot_left, plot_right; /* x of the plot area: [left, right) */
    int legend_top, legend_rows, lanes_top, lane_height, lane_count;
    int axis_top, status_top;
};

struct gui_view {
    struct gui_layout layout;
    double start;         /* cycle at plot_left */
    double cycles_per_px; /* > 0 */
    bool show_ticks;      /* hypercalls, IRQs, traps, states as small ticks */
};

#define GUI_MIN_CYCLES_PER_PX (1.0 / 64.0)
#define GUI_MIN_WIDTH 320
#define GUI_MIN_HEIGHT 200
#define GUI_MAX_SIZE 16384
#define GUI_MAX_LEGEND_ROWS 4

/* A view of the whole model in a width × height image (sizes clamped to
 * the limits above). */
void gui_view_init(struct gui_view *view, const struct gui_model *model, int width, int height);

/* The legend takes `rows` rows (1..GUI_MAX_LEGEND_ROWS; the renderer
 * says how many its entries need at this width); lanes move down, the
 * time range stays. */
void gui_view_set_legend_rows(struct gui_view *view, int rows);
/* The image height that gives `lanes` lanes of lane_height pixels. */
int gui_layout_height(uint32_t lanes, int legend_rows, int lane_height);

double gui_view_x(const struct gui_view *view, double cycle);
double gui_view_cycle(const struct gui_view *view, double x);
int gui_view_lane_top(const struct gui_view *view, uint32_t lane);
/* The lane under y, or -1. */
int gui_view_lane_at(const struct gui_view *view, int y);

/* Zoom by `factor` (> 1: in) keeping the time under x where it is. */
void gui_view_zoom(struct gui_view *view, double factor, double x);
/* Move the content by dx pixels (> 0: to the right, earlier times show). */
void gui_view_pan(struct gui_view *view, double dx);
/* Show [from, to) cycles across the plot. */
void gui_view_show(struct gui_view *view, double from, double to);
void gui_view_fit(struct gui_view *view, const struct gui_model *model);
/* Put `cycle` in the middle of the plot, keeping the zoom. */
void gui_view_center(struct gui_view *view, double cycle);

/* The next (direction > 0) or previous HM event strictly after/before
 * `cycle`: its index in model->events, or -1. */
long gui_model_next_hm(const struct gui_model *model, double cycle, int direction);

enum gui_hit_kind {
    GUI_HIT_NONE,
    GUI_HIT_EVENT,
    GUI_HIT_SLOT,
    GUI_HIT_EXEC,
    GUI_HIT_MARK,
    GUI_HIT_MESSAGE, /* model->messages */
    GUI_HIT_CONSOLE, /* model->lines */
    GUI_HIT_SPAN,    /* model->spans */
};
struct gui_hit {
    enum gui_hit_kind kind;
    size_t index; /* in the model's array of that kind */
};

/* What is under (x, y): an event marker within a few pixels first (HM
 * before ticks), then a port message's arrow, then a console line (at the
 * bottom of its lane), then a slot of that lane, then a halted or
 * suspended stretch, then an idle stretch on the hypervisor's lane, then
 * a MAF or plan line. */
struct gui_hit gui_view_hit(const struct gui_view *view, const struct gui_model *model, int x,
                            int y);

/* The axis: a tick every `step` ns, chosen so ticks are at least
 * `min_px` apart; 1, 2 or 5 times a power of ten. */
double gui_axis_step_ns(const struct gui_view *view, uint32_t khz, int min_px);
/* "1.5 ms", "250 µs", "2 s", "40 ns": t in ns, shown to the precision of
 * `step` ns. */
void gui_time_text(double t_ns, double step_ns, char *buf, size_t size);

#endif
