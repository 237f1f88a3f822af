/* gui/: the timeline itself: lanes, the plan's slots behind, execution in
 * front, MAF and plan lines, ticks, port messages and HM markers, all
 * clipped to the part of the plot the run covers, so nothing is drawn
 * where the run has no data. */
#include "gui/render.h"
#include "gui/describe.h"
#include "gui/draw.h"
#include "gui/place.h"
#include "gui/render_internal.h"
#include <hvcore/hv.h>
#include <stdio.h>
#include <xm/hm.h>

static const uint32_t partition_colours[] = {
    0x1f77b4u, 0xff7f0eu, 0x2ca02cu, 0x9467bdu, 0x8c564bu,
    0xe377c2u, 0x17becfu, 0xbcbd22u, 0x393b79u, 0x637939u,
};
#define PARTITION_COLOURS (sizeof partition_colours / sizeof partition_colours[0])

static const uint32_t action_colours[XM_HM_MAX_ACTIONS] = {
    [XM_HM_AC_IGNORE] = 0x808080u,
    [XM_HM_AC_PARTITION_COLD_RESET] = 0xff6f00u,
    [XM_HM_AC_PARTITION_WARM_RESET] = 0xe0a800u,
    [XM_HM_AC_HYPERVISOR_COLD_RESET] = 0x7a0000u,
    [XM_HM_AC_HYPERVISOR_WARM_RESET] = 0xb22222u,
    [XM_HM_AC_SUSPEND] = 0x6a0dadu,
    [XM_HM_AC_HALT] = 0xe00000u,
    [XM_HM_AC_PROPAGATE] = 0x0050ffu,
    [XM_HM_AC_SWITCH_TO_MAINTENANCE] = 0xff00ffu,
};

uint32_t gui_partition_colour(uint32_t partition)
{
    return partition_colours[partition % PARTITION_COLOURS];
}

/* The colour a third of the way from white. */
uint32_t gui_partition_pale(uint32_t partition)
{
    uint32_t c = gui_partition_colour(partition), pale = 0;
    for (int shift = 0; shift <= 16; shift += 8) {
        uint32_t v = (c >> shift) & 0xffu;
        pale |= (255u - (255u - v) / 3u) << shift;
    }
    return pale;
}

uint32_t gui_hm_action_colour(uint32_t action)
{
    return action < XM_HM_MAX_ACTIONS ? action_colours[action] : 0x000000u;
}

/* Ticks by class, each with its legend entry. */
static const struct {
    uint32_t rgb;
    const char *name;
} tick_classes[GUI_TICK_CLASSES] = {
    [GUI_TICK_HYPERCALL] = {0x2f4f6fu, "hypercall"},
    [GUI_TICK_REFUSED] = {0xd2691eu, "refused call"},
    [GUI_TICK_TRAP] = {0xcc0000u, "trap"},
    [GUI_TICK_VIRQ] = {0x0077ccu, "virtual IRQ"},
    [GUI_TICK_VIRQ_LATE] = {GUI_LATE_COLOUR, "IRQ over bound"},
    [GUI_TICK_STATE] = {0x000000u, "state change"},
    [GUI_TICK_PORT] = {GUI_MESSAGE_COLOUR, "port access"},
    [GUI_TICK_IRQ] = {0x008080u, "interrupt"},
    [GUI_TICK_INJECT] = {0xb8860bu, "injection"},
    [GUI_TICK_OTHER] = {0xa0a0a0u, "other"},
};

enum gui_tick_class gui_tick_class(const struct gui_event *e)
{
    switch (e->kind) {
    case HV_TRACE_HYPERCALL:
    case HV_TRACE_ASM_HYPERCALL:
        return GUI_TICK_HYPERCALL;
    case HV_TRACE_POLICY_DENIED:
        return GUI_TICK_REFUSED;
    case HV_TRACE_TRAP:
        return GUI_TICK_TRAP;
    case HV_TRACE_VIRQ_LATENCY:
        return e->a & HV_LATENCY_OVER_BOUND ? GUI_TICK_VIRQ_LATE : GUI_TICK_VIRQ;
    case HV_TRACE_VIRQ_RAISE:
    case HV_TRACE_VIRQ_DELIVER:
        return GUI_TICK_VIRQ;
    case HV_TRACE_PORT_WRITE:
    case HV_TRACE_PORT_READ:
        return GUI_TICK_PORT;
    case HV_TRACE_STATE:
        return GUI_TICK_STATE;
    case HV_TRACE_IRQ:
        return GUI_TICK_IRQ;
    case SIM_TRACE_INJECT:
        return GUI_TICK_INJECT;
    }
    return GUI_TICK_OTHER;
}

uint32_t gui_tick_colour(enum gui_tick_class tick)
{
    return tick_classes[tick].rgb;
}

const char *gui_tick_name(enum gui_tick_class tick)
{
    return tick_classes[tick].name;
}

static int x_of(const struct gui_view *view, uint64_t cycle)
{
    return gui_px(gui_view_x(view, (double)cycle));
}

/* A stretch [from, to) on the lane, between fractions of its height. */
static void band(SDL_Surface *s, const struct gui_view *view, uint32_t lane, uint64_t from,
                 uint64_t to, double top, double bottom, uint32_t rgb)
{
    int h = view->layout.lane_height, y = gui_view_lane_top(view, lane);
    int x0 = x_of(view, from), x1 = x_of(view, to);
    int y0 = y + (int)(top * h), y1 = y + (int)(bottom * h);
    gui_draw_fill(s, x0, y0, x1 > x0 ? x1 - x0 : 1, y1 - y0, rgb);
}

static void draw_lanes(SDL_Surface *s, const struct gui_model *model, const struct gui_view *view)
{
    int x0 = x_of(view, 0), x1 = x_of(view, model->end) + 1;
    for (uint32_t lane = 0; lane <= model->partition_count; lane++) {
        int y = gui_view_lane_top(view, lane);
        if (lane % 2 == 0)
            gui_draw_fill(s, x0, y, x1 - x0, view->layout.lane_height, 0xf3f3f3u);
        gui_draw_fill(s, x0, y + view->layout.lane_height - 1, x1 - x0, 1, 0xd8d8d8u);
    }
}

static void draw_slots(SDL_Surface *s, const struct gui_model *model, const struct gui_view *view,
                       long selected)
{
    for (size_t i = 0; i < model->slot_count; i++) {
        const struct gui_slot *slot = &model->slots[i];
        int h = view->layout.lane_height, y = gui_view_lane_top(view, slot->partition) + 3;
        int x0 = x_of(view, slot->planned_start), x1 = x_of(view, slot->planned_end);
        int w = x1 > x0 ? x1 - x0 : 1;
        gui_draw_fill(s, x0, y, w, h - 7, gui_partition_pale(slot->partition));
        uint32_t edge = (long)i == selected ? 0x000000u : gui_partition_colour(slot->partition);
        gui_draw_frame(s, x0, y, w, h - 7, edge);
        if ((long)i == selected)
            gui_draw_frame(s, x0 + 1, y + 1, w - 2, h - 9, edge);
    }
}

static void draw_execs(SDL_Surface *s, const struct gui_model *model, const struct gui_view *view)
{
    for (size_t i = 0; i < model->exec_count; i++) {
        const struct gui_exec *e = &model->execs[i];
        if (e->partition < 0)
            band(s, view, GUI_HV_LANE(model), e->start, e->end, 0.35, 0.65, GUI_IDLE_COLOUR);
        else
            band(s, view, (uint32_t)e->partition, e->start, e->end, 0.32, 0.68,
                 gui_partition_colour((uint32_t)e->partition));
    }
}

/* The lines only: their labels are under the axis (render_chrome.c),
 * where they cover nothing. */
static void draw_marks(SDL_Surface *s, const struct gui_model *model, const struct gui_view *view)
{
    const struct gui_layout *l = &view->layout;
    for (size_t i = 0; i < model->mark_count; i++) {
        const struct gui_mark *k = &model->marks[i];
        int x = x_of(view, k->cycle), lanes_h = l->axis_top - l->lanes_top;
        uint32_t colour = k->plan_switch ? GUI_PLAN_COLOUR : GUI_MAF_COLOUR;
        gui_draw_fill(s, x - (k->plan_switch ? 1 : 0), l->lanes_top, k->plan_switch ? 3 : 1,
                      lanes_h, colour);
    }
}

static uint32_t lane_of(const struct gui_model *model, int32_t partition)
{
    return partition < 0 ? GUI_HV_LANE(model) : (uint32_t)partition;
}

/* The plot's visible x range [left, right): the clip rectangle. */
static void visible(const SDL_Surface *s, int *left, int *right)
{
    *left = s->clip_rect.x;
    *right = s->clip_rect.x + s->clip_rect.w;
}

/* Suspended and halted stretches: the lane hatched (halted dark and
 * falling, suspended purple and rising), named where the name fits. */
static void draw_spans(SDL_Surface *s, const struct gui_renderer *r, const struct gui_model *model,
                       const struct gui_view *view)
{
    int h = view->layout.lane_height, left, right;
    visible(s, &left, &right);
    for (size_t i = 0; i < model->span_count; i++) {
        const struct gui_state_span *span = &model->spans[i];
        bool halted = span->state == HV_STATE_HALTED;
        uint32_t colour = halted ? GUI_HALTED_COLOUR : GUI_SUSPENDED_COLOUR;
        int y = gui_view_lane_top(view, span->partition) + 1;
        int x0 = x_of(view, span->start), x1 = x_of(view, span->end);
        x1 = x1 > x0 ? x1 : x0 + 1;
        gui_draw_hatch(s, x0, y, x1 - x0, h - 3, colour, 6, halted ? -1 : 1);
        const char *name = halted ? "halted" : "suspended";
        int text_x = (x0 > left ? x0 : left) + 4, text_w = gui_text_width(r->small, name);
        if (text_x + text_w + 4 <= (x1 < right ? x1 : right))
            gui_draw_text_on(s, r->small, name, text_x, y + h / 2 - TTF_FontHeight(r->small) / 2,
                             colour, GUI_BACKGROUND);
    }
}

#define HM_LABEL_GAP 6
#define HM_LABEL_REACH 300 /* px: wider than any HM event's name */

/* Where an HM event's name goes: right of its line, or left of it at the
 * plot's right edge. Returns x, its width in `w`. */
static int hm_label_x(const struct gui_renderer *r, const struct gui_view *view,
                      const struct gui_event *e, int left, int right, int *w)
{
    *w = gui_text_width(r->small, gui_hm_event_name(e->a));
    return gui_label_x(x_of(view, e->cycle), *w, HM_LABEL_GAP, left, right);
}

/* The first event at or after `cycle` (events are in time order). */
static size_t first_event_at(const struct gui_model *model, double cycle)
{
    size_t low = 0, high = model->event_count;
    while (low < high) {
        size_t middle = low + (high - low) / 2;
        if ((double)model->events[middle].cycle < cycle)
            low = middle + 1;
        else
            high = middle;
    }
    return low;
}

/* Whether an HM event's marker or name on `lane` is within [x0, x1). */
static bool hm_label_within(const struct gui_renderer *r, const struct gui_model *model,
                            const struct gui_view *view, uint32_t lane, int x0, int x1,
                            const SDL_Surface *s)
{
    int left, right;
    visible(s, &left, &right);
    for (size_t i = first_event_at(model, gui_view_cycle(view, x0 - HM_LABEL_REACH));
         i < model->event_count; i++) {
        const struct gui_event *e = &model->events[i];
        int x = x_of(view, e->cycle), w;
        if (x > x1 + HM_LABEL_REACH)
            return false;
        if (e->kind != HV_TRACE_HM_EVENT || lane_of(model, e->partition) != lane)
            continue;
        int label = hm_label_x(r, view, e, left, right, &w);
        int from = label < x ? label : x, to = label + w > x ? label + w : x + 1;
        if (from < x1 && to > x0)
            return true;
    }
    return false;
}

#define CONSOLE_MIN_TEXT 60 /* px: less shows too little of a line to read */

static int measure(void *font, const char *text)
{
    return gui_text_width(font, text);
}

/* Console lines: a green bar at the bottom of the writer's lane from the
 * line's first byte to its newline, and its text from there, shortened
 * with "…" to end before the writer's next line, and left out where an HM
 * event's name is. */
static void draw_console(SDL_Surface *s, const struct gui_renderer *r,
                         const struct gui_model *model, const struct gui_view *view)
{
    int h = view->layout.lane_height, text_h = TTF_FontHeight(r->small), left, right;
    visible(s, &left, &right);
    for (size_t i = 0; i < model->line_count; i++) {
        const struct gui_console_line *line = &model->lines[i];
        int y = gui_view_lane_top(view, lane_of(model, line->partition)) + h - 6;
        int x0 = x_of(view, line->start), x1 = x_of(view, line->end);
        if (x1 < left || x0 >= right)
            continue;
        gui_draw_fill(s, x0, y, x1 - x0 > 2 ? x1 - x0 : 2, 3, GUI_CONSOLE_COLOUR);
        int room = x_of(view, gui_console_next_start(model, i)) - 6;
        room = room < right ? room : right;
        int text_x = x0 > left ? x0 : left;
        if (!line->text[0] || room - text_x < CONSOLE_MIN_TEXT)
            continue;
        char text[GUI_CONSOLE_TEXT + 4];
        gui_fit_text(line->text, room - text_x, measure, r->small, text, sizeof text);
        int text_end = text_x + gui_text_width(r->small, text);
        if (!hm_label_within(r, model, view, lane_of(model, line->partition), text_x, text_end, s))
            gui_draw_text(s, r->small, text, text_x, y - text_h, GUI_CONSOLE_COLOUR);
    }
}

/* A slot's end past the run's normal latency (an overrun) as a red band
 * from where it should have ended; a start later than the normal as a
 * thinner red band where the partition should have run. */
static void draw_overruns(SDL_Surface *s, const struct gui_model *model,
                          const struct gui_view *view)
{
    for (size_t i = 0; i < model->slot_count; i++) {
        const struct gui_slot *slot = &model->slots[i];
        uint64_t over = gui_slot_overrun(model, slot), late = gui_slot_late(model, slot);
        if (late)
            band(s, view, slot->partition, slot->actual_start - late, slot->actual_start, 0.40,
                 0.60, GUI_OVERRUN_COLOUR);
        if (over)
            band(s, view, slot->partition, slot->actual_end - over, slot->actual_end, 0.28, 0.72,
                 GUI_OVERRUN_COLOUR);
    }
}

/* Each overrun named with its length after its band, over the bands (an
 * overrun's band often runs into the next one's). */
static void draw_overrun_labels(SDL_Surface *s, const struct gui_renderer *r,
                                const struct gui_model *model, const struct gui_view *view)
{
    int h = view->layout.lane_height, text_h = TTF_FontHeight(r->small), left, right;
    int labelled_until[HV_MAX_PARTITIONS];
    visible(s, &left, &right);
    for (uint32_t p = 0; p < model->partition_count; p++)
        labelled_until[p] = left - 1;
    for (size_t i = 0; i < model->slot_count; i++) {
        const struct gui_slot *slot = &model->slots[i];
        uint64_t over = gui_slot_overrun(model, slot);
        if (!over)
            continue;
        char text[48];
        snprintf(text, sizeof text, "overrun %.3f \xc2\xb5s",
                 gui_cycles_to_ns(model->clock_khz, (double)over) / 1e3);
        int w = gui_text_width(r->small, text), x = x_of(view, slot->actual_end);
        int y = gui_view_lane_top(view, slot->partition) + h / 2 - text_h / 2;
        int at = gui_label_x(x, w, 4, left, right);
        if (at <= labelled_until[slot->partition])
            continue; /* slots ending together: the first one's length is named */
        gui_draw_text_on(s, r->small, text, at, y, GUI_OVERRUN_COLOUR, GUI_BACKGROUND);
        labelled_until[slot->partition] = at + w + 4;
    }
}

static bool is_tick(uint32_t kind)
{
    return kind != HV_TRACE_HM_EVENT;
}

/* A delivery's latency: a line from the raise to the handler's start at
 * the top of the lane; one over the partition's bound is red and marked
 * down the whole lane. */
static void draw_latency(SDL_Surface *s, const struct gui_view *view, const struct gui_event *e,
                         int y)
{
    bool over = (e->a & HV_LATENCY_OVER_BOUND) != 0;
    uint32_t colour = gui_tick_colour(gui_tick_class(e));
    int x0 = x_of(view, e->cycle - e->b), x1 = x_of(view, e->cycle);
    gui_draw_fill(s, x0, y + 3, x1 > x0 ? x1 - x0 : 1, 1, colour);
    int h = view->layout.lane_height;
    gui_draw_fill(s, x1, y + 3, over ? 2 : 1, over ? h - 6 : h / 4, colour);
}

static void draw_ticks(SDL_Surface *s, const struct gui_model *model, const struct gui_view *view)
{
    int h = view->layout.lane_height;
    for (size_t i = 0; i < model->event_count; i++) {
        const struct gui_event *e = &model->events[i];
        if (!is_tick(e->kind))
            continue;
        int y = gui_view_lane_top(view, lane_of(model, e->partition));
        if (e->kind == HV_TRACE_VIRQ_LATENCY)
            draw_latency(s, view, e, y);
        else
            gui_draw_fill(s, x_of(view, e->cycle), y + 3, 1, h / 4,
                          gui_tick_colour(gui_tick_class(e)));
    }
}

static void draw_messages(SDL_Surface *s, const struct gui_model *model,
                          const struct gui_view *view)
{
    int half = view->layout.lane_height / 2;
    for (size_t i = 0; i < model->message_count; i++) {
        const struct gui_message *m = &model->messages[i];
        int x0 = x_of(view, m->write_cycle), x1 = x_of(view, m->read_cycle);
        int y0 = gui_view_lane_top(view, m->writer) + half;
        int y1 = gui_view_lane_top(view, m->reader) + half;
        int up = y1 < y0 ? 1 : -1; /* the head's barbs point back to the writer */
        gui_draw_line(s, x0, y0, x1, y1, GUI_MESSAGE_COLOUR);
        gui_draw_line(s, x1, y1, x1 - 5, y1 + 5 * up, GUI_MESSAGE_COLOUR);
        gui_draw_line(s, x1, y1, x1 + 2, y1 + 6 * up, GUI_MESSAGE_COLOUR);
    }
}

static void draw_hm(SDL_Surface *s, const struct gui_renderer *r, const struct gui_model *model,
                    const struct gui_view *view)
{
    int h = view->layout.lane_height, left, right;
    visible(s, &left, &right);
    for (size_t i = 0; i < model->event_count; i++) {
        const struct gui_event *e = &model->events[i];
        if (e->kind != HV_TRACE_HM_EVENT)
            continue;
        int x = x_of(view, e->cycle), y = gui_view_lane_top(view, lane_of(model, e->partition));
        uint32_t colour = gui_hm_action_colour(e->b);
        gui_draw_fill(s, x, y + 2, 1, h - 4, colour);
        gui_draw_marker(s, x, y + 2, GUI_MARKER_SIZE, colour);
        int w, label = hm_label_x(r, view, e, left, right, &w);
        gui_draw_text_on(s, r->small, gui_hm_event_name(e->a), label, y + h - 20, colour,
                         GUI_BACKGROUND);
    }
}

/* Everything inside the plot, clipped to the run's extent. */
static void draw_plot(SDL_Surface *s, const struct gui_renderer *r, const struct gui_model *model,
                      const struct gui_view *view, const struct gui_overlay *overlay)
{
    const struct gui_layout *l = &view->layout;
    int left = x_of(view, 0), right = x_of(view, model->end) + 1;
    left = left > l->plot_left ? left : l->plot_left;
    right = right < l->plot_right ? right : l->plot_right;
    SDL_Rect clip = {left, l->lanes_top, right > left ? right - left : 0,
                     l->axis_top - l->lanes_top};
    SDL_SetClipRect(s, &clip);
    draw_lanes(s, model, view);
    draw_slots(s, model, view, overlay ? overlay->selected_slot : -1);
    draw_spans(s, r, model, view);
    draw_execs(s, model, view);
    draw_marks(s, model, view);
    if (view->show_ticks)
        draw_ticks(s, model, view);
    draw_console(s, r, model, view);
    draw_messages(s, model, view);
    draw_overruns(s, model, view);
    draw_overrun_labels(s, r, model, view);
    draw_hm(s, r, model, view);
    SDL_SetClipRect(s, NULL);
}

SDL_Surface *gui_surface_create(int width, int height)
{
    return SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_ARGB8888);
}

void gui_render(const struct gui_renderer *r, SDL_Surface *s, const struct gui_model *model,
                const struct gui_view *view, const struct gui_overlay *overlay)
{
    SDL_SetClipRect(s, NULL);
    SDL_FillRect(s, NULL, SDL_MapRGB(s->format, 0xff, 0xff, 0xff));
    draw_plot(s, r, model, view, overlay);
    gui_render_chrome(s, r, model, view, overlay);
}
