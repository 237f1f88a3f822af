/* gui/: the view transform, interaction and hit testing. */
#include "gui/view.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

#define LEGEND_ROW 20  /* a legend row; the legend is 4 px more */
#define AXIS_HEIGHT 44 /* the time labels, then the MAF and plan labels */
#define STATUS_HEIGHT 22
#define LABEL_WIDTH 132
#define RIGHT_MARGIN 12
#define MAX_LANE_HEIGHT 72
#define HIT_RADIUS 4
#define MARK_HIT_RADIUS 2
#define MESSAGE_HIT_RADIUS 3.0
#define CONSOLE_STRIP 20  /* the lane's bottom pixels: console bars and text */
#define CONSOLE_CHAR_PX 7 /* about the small font's average character width */

static int clamp_int(int value, int low, int high)
{
    return value < low ? low : value > high ? high : value;
}

static void layout(struct gui_layout *l, uint32_t lanes, int width, int height, int legend_rows)
{
    int legend_height = 4 + LEGEND_ROW * legend_rows;
    l->width = clamp_int(width, GUI_MIN_WIDTH, GUI_MAX_SIZE);
    l->height = clamp_int(height, GUI_MIN_HEIGHT, GUI_MAX_SIZE);
    l->plot_left = LABEL_WIDTH;
    l->plot_right = l->width - RIGHT_MARGIN;
    l->legend_top = 0;
    l->legend_rows = legend_rows;
    l->lanes_top = legend_height;
    l->lane_count = (int)lanes;
    int room = l->height - legend_height - AXIS_HEIGHT - STATUS_HEIGHT;
    l->lane_height = clamp_int(room / (int)lanes, 8, MAX_LANE_HEIGHT);
    l->axis_top = l->lanes_top + l->lane_count * l->lane_height;
    l->status_top = l->height - STATUS_HEIGHT;
}

void gui_view_init(struct gui_view *view, const struct gui_model *model, int width, int height)
{
    layout(&view->layout, model->partition_count + 1, width, height, 1);
    view->show_ticks = true;
    gui_view_fit(view, model);
}

void gui_view_set_legend_rows(struct gui_view *view, int rows)
{
    struct gui_layout *l = &view->layout;
    layout(l, (uint32_t)l->lane_count, l->width, l->height,
           clamp_int(rows, 1, GUI_MAX_LEGEND_ROWS));
}

int gui_layout_height(uint32_t lanes, int legend_rows, int lane_height)
{
    return 4 + LEGEND_ROW * legend_rows + AXIS_HEIGHT + STATUS_HEIGHT + (int)lanes * lane_height;
}

double gui_view_x(const struct gui_view *view, double cycle)
{
    return view->layout.plot_left + (cycle - view->start) / view->cycles_per_px;
}

double gui_view_cycle(const struct gui_view *view, double x)
{
    return view->start + (x - view->layout.plot_left) * view->cycles_per_px;
}

int gui_view_lane_top(const struct gui_view *view, uint32_t lane)
{
    return view->layout.lanes_top + (int)lane * view->layout.lane_height;
}

int gui_view_lane_at(const struct gui_view *view, int y)
{
    if (y < view->layout.lanes_top || y >= view->layout.axis_top)
        return -1;
    return (y - view->layout.lanes_top) / view->layout.lane_height;
}

void gui_view_zoom(struct gui_view *view, double factor, double x)
{
    double at = gui_view_cycle(view, x);
    double cpp = view->cycles_per_px / factor;
    view->cycles_per_px = cpp < GUI_MIN_CYCLES_PER_PX ? GUI_MIN_CYCLES_PER_PX : cpp;
    view->start = at - (x - view->layout.plot_left) * view->cycles_per_px;
}

void gui_view_pan(struct gui_view *view, double dx)
{
    view->start -= dx * view->cycles_per_px;
}

void gui_view_show(struct gui_view *view, double from, double to)
{
    double width = view->layout.plot_right - view->layout.plot_left;
    double cpp = (to - from) / width;
    view->start = from;
    view->cycles_per_px = cpp < GUI_MIN_CYCLES_PER_PX ? GUI_MIN_CYCLES_PER_PX : cpp;
}

void gui_view_fit(struct gui_view *view, const struct gui_model *model)
{
    gui_view_show(view, 0, model->end > 0 ? (double)model->end : 1.0);
}

void gui_view_center(struct gui_view *view, double cycle)
{
    double middle = (view->layout.plot_left + view->layout.plot_right) / 2.0;
    view->start = cycle - (middle - view->layout.plot_left) * view->cycles_per_px;
}

long gui_model_next_hm(const struct gui_model *model, double cycle, int direction)
{
    long found = -1;
    for (size_t i = 0; i < model->event_count; i++) {
        const struct gui_event *e = &model->events[i];
        if (e->kind != HV_TRACE_HM_EVENT)
            continue;
        if (direction > 0 && (double)e->cycle > cycle)
            return (long)i;
        if (direction < 0 && (double)e->cycle < cycle)
            found = (long)i;
    }
    return found;
}

static uint32_t event_lane(const struct gui_model *model, const struct gui_event *e)
{
    return e->partition < 0 ? GUI_HV_LANE(model) : (uint32_t)e->partition;
}

/* The nearest event of `lane` within the hit radius; HM events win (their
 * line runs down the whole lane), ticks only in the lane's upper half,
 * where they are drawn, so that the console lines below can be hovered. */
static long hit_event(const struct gui_view *view, const struct gui_model *model, uint32_t lane,
                      int x, int y)
{
    bool tick_zone = y <= gui_view_lane_top(view, lane) + view->layout.lane_height / 2;
    long best = -1;
    double best_distance = HIT_RADIUS + 1;
    for (size_t i = 0; i < model->event_count; i++) {
        const struct gui_event *e = &model->events[i];
        bool hm = e->kind == HV_TRACE_HM_EVENT;
        if (event_lane(model, e) != lane || (!hm && (!view->show_ticks || !tick_zone)))
            continue;
        double distance = fabs(gui_view_x(view, (double)e->cycle) - x) - (hm ? HIT_RADIUS : 0);
        if (distance < best_distance) {
            best = (long)i;
            best_distance = distance;
        }
    }
    return best;
}

static bool covers(const struct gui_view *view, uint64_t from, uint64_t to, int x)
{
    return x >= floor(gui_view_x(view, (double)from)) && x <= ceil(gui_view_x(view, (double)to));
}

/* Distance from (x, y) to the segment (x0, y0)-(x1, y1). */
static double segment_distance(double x, double y, double x0, double y0, double x1, double y1)
{
    double dx = x1 - x0, dy = y1 - y0, length2 = dx * dx + dy * dy;
    double t = length2 > 0 ? ((x - x0) * dx + (y - y0) * dy) / length2 : 0;
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    return hypot(x - (x0 + t * dx), y - (y0 + t * dy));
}

/* The arrow nearest (x, y) within the hit radius: drawn from the writer's
 * lane middle at the write to the reader's at the read. */
static long hit_message(const struct gui_view *view, const struct gui_model *model, int x, int y)
{
    long best = -1;
    double best_distance = MESSAGE_HIT_RADIUS;
    int half = view->layout.lane_height / 2;
    for (size_t i = 0; i < model->message_count; i++) {
        const struct gui_message *m = &model->messages[i];
        double d = segment_distance(x, y, gui_view_x(view, (double)m->write_cycle),
                                    gui_view_lane_top(view, m->writer) + half,
                                    gui_view_x(view, (double)m->read_cycle),
                                    gui_view_lane_top(view, m->reader) + half);
        if (d <= best_distance) {
            best = (long)i;
            best_distance = d;
        }
    }
    return best;
}

/* A console line of the lane, when y is in the lane's bottom strip where
 * the lines and their text are drawn. */
static long hit_console(const struct gui_view *view, const struct gui_model *model, uint32_t lane,
                        int x, int y)
{
    int bottom = gui_view_lane_top(view, lane) + view->layout.lane_height;
    if (y < bottom - CONSOLE_STRIP)
        return -1;
    for (size_t i = 0; i < model->line_count; i++) {
        const struct gui_console_line *line = &model->lines[i];
        uint32_t line_lane = line->partition < 0 ? GUI_HV_LANE(model) : (uint32_t)line->partition;
        double x0 = floor(gui_view_x(view, (double)line->start));
        if (line_lane != lane || x < x0 - 1)
            continue;
        /* the bar, or the text after it (about as wide as its characters,
         * never past the writer's next line, as render.c draws it) */
        double bar = fmax(ceil(gui_view_x(view, (double)line->end)), x0 + 2);
        double text = fmin(gui_view_x(view, (double)gui_console_next_start(model, i)) - 6,
                           x0 + CONSOLE_CHAR_PX * (double)strlen(line->text));
        if (x <= fmax(bar, text) + 1)
            return (long)i;
    }
    return -1;
}

static long hit_span(const struct gui_view *view, const struct gui_model *model, uint32_t lane,
                     int x)
{
    for (size_t i = 0; i < model->span_count; i++) {
        const struct gui_state_span *span = &model->spans[i];
        if (span->partition == lane && covers(view, span->start, span->end, x))
            return (long)i;
    }
    return -1;
}

static long hit_slot(const struct gui_view *view, const struct gui_model *model, uint32_t lane,
                     int x)
{
    for (size_t i = 0; i < model->slot_count; i++) {
        const struct gui_slot *s = &model->slots[i];
        uint64_t from = s->planned_start < s->actual_start ? s->planned_start : s->actual_start;
        uint64_t to = s->planned_end > s->actual_end ? s->planned_end : s->actual_end;
        if (s->partition == lane && covers(view, from, to, x))
            return (long)i;
    }
    return -1;
}

static long hit_idle(const struct gui_view *view, const struct gui_model *model, int x)
{
    for (size_t i = 0; i < model->exec_count; i++) {
        const struct gui_exec *e = &model->execs[i];
        if (e->partition < 0 && covers(view, e->start, e->end, x))
            return (long)i;
    }
    return -1;
}

static long hit_mark(const struct gui_view *view, const struct gui_model *model, int x)
{
    for (size_t i = 0; i < model->mark_count; i++) {
        if (fabs(gui_view_x(view, (double)model->marks[i].cycle) - x) <= MARK_HIT_RADIUS)
            return (long)i;
    }
    return -1;
}

struct gui_hit gui_view_hit(const struct gui_view *view, const struct gui_model *model, int x,
                            int y)
{
    int lane = gui_view_lane_at(view, y);
    if (lane < 0 || x < view->layout.plot_left || x >= view->layout.plot_right)
        return (struct gui_hit){GUI_HIT_NONE, 0};
    long i = hit_event(view, model, (uint32_t)lane, x, y);
    if (i >= 0)
        return (struct gui_hit){GUI_HIT_EVENT, (size_t)i};
    i = hit_message(view, model, x, y);
    if (i >= 0)
        return (struct gui_hit){GUI_HIT_MESSAGE, (size_t)i};
    i = hit_console(view, model, (uint32_t)lane, x, y);
    if (i >= 0)
        return (struct gui_hit){GUI_HIT_CONSOLE, (size_t)i};
    i = hit_slot(view, model, (uint32_t)lane, x);
    if (i >= 0)
        return (struct gui_hit){GUI_HIT_SLOT, (size_t)i};
    i = hit_span(view, model, (uint32_t)lane, x);
    if (i >= 0)
        return (struct gui_hit){GUI_HIT_SPAN, (size_t)i};
    i = (uint32_t)lane == GUI_HV_LANE(model) ? hit_idle(view, model, x) : -1;
    if (i >= 0)
        return (struct gui_hit){GUI_HIT_EXEC, (size_t)i};
    i = hit_mark(view, model, x);
    if (i >= 0)
        return (struct gui_hit){GUI_HIT_MARK, (size_t)i};
    return (struct gui_hit){GUI_HIT_NONE, 0};
}

double gui_axis_step_ns(const struct gui_view *view, uint32_t khz, int min_px)
{
    double min_ns = gui_cycles_to_ns(khz, view->cycles_per_px * min_px);
    double step = 1;
    for (;;) {
        static const double factors[] = {1, 2, 5};
        for (int i = 0; i < 3; i++) {
            if (step * factors[i] >= min_ns)
                return step * factors[i];
        }
        step *= 10;
    }
}

void gui_time_text(double t_ns, double step_ns, char *buf, size_t size)
{
    static const struct {
        double ns;
        const char *unit;
    } units[] = {{1e9, "s"}, {1e6, "ms"}, {1e3, "\xc2\xb5s"}, {1, "ns"}};
    int u = 0;
    while (u < 3 && fabs(t_ns) < units[u].ns && step_ns < units[u].ns)
        u++;
    if (t_ns == 0)
        u = step_ns >= 1e9 ? 0 : step_ns >= 1e6 ? 1 : step_ns >= 1e3 ? 2 : 3;
    double step = step_ns / units[u].ns;
    int decimals = step >= 1 ? 0 : step >= 0.1 ? 1 : step >= 0.01 ? 2 : 3;
    snprintf(buf, size, "%.*f %s", decimals, t_ns / units[u].ns, units[u].unit);
}
