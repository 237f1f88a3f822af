/* gui/: the view transform, interaction and hit testing. */
#include "gui/view.h"
#include <math.h>
#include <stdio.h>

#define LEGEND_HEIGHT 24
#define AXIS_HEIGHT 30
#define STATUS_HEIGHT 22
#define LABEL_WIDTH 132
#define RIGHT_MARGIN 12
#define MAX_LANE_HEIGHT 72
#define HIT_RADIUS 4
#define MARK_HIT_RADIUS 2

static int clamp_int(int value, int low, int high)
{
    return value < low ? low : value > high ? high : value;
}

static void layout(struct gui_layout *l, uint32_t lanes, int width, int height)
{
    l->width = clamp_int(width, GUI_MIN_WIDTH, GUI_MAX_SIZE);
    l->height = clamp_int(height, GUI_MIN_HEIGHT, GUI_MAX_SIZE);
    l->plot_left = LABEL_WIDTH;
    l->plot_right = l->width - RIGHT_MARGIN;
    l->legend_top = 0;
    l->lanes_top = LEGEND_HEIGHT;
    l->lane_count = (int)lanes;
    int room = l->height - LEGEND_HEIGHT - AXIS_HEIGHT - STATUS_HEIGHT;
    l->lane_height = clamp_int(room / (int)lanes, 8, MAX_LANE_HEIGHT);
    l->axis_top = l->lanes_top + l->lane_count * l->lane_height;
    l->status_top = l->height - STATUS_HEIGHT;
}

void gui_view_init(struct gui_view *view, const struct gui_model *model, int width, int height)
{
    layout(&view->layout, model->partition_count + 1, width, height);
    view->show_ticks = true;
    gui_view_fit(view, model);
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

/* The nearest event of `lane` within the hit radius; HM events win. */
static long hit_event(const struct gui_view *view, const struct gui_model *model, uint32_t lane,
                      int x)
{
    long best = -1;
    double best_distance = HIT_RADIUS + 1;
    for (size_t i = 0; i < model->event_count; i++) {
        const struct gui_event *e = &model->events[i];
        bool hm = e->kind == HV_TRACE_HM_EVENT;
        if (event_lane(model, e) != lane || (!hm && !view->show_ticks))
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
    long i = hit_event(view, model, (uint32_t)lane, x);
    if (i >= 0)
        return (struct gui_hit){GUI_HIT_EVENT, (size_t)i};
    i = hit_slot(view, model, (uint32_t)lane, x);
    if (i >= 0)
        return (struct gui_hit){GUI_HIT_SLOT, (size_t)i};
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
