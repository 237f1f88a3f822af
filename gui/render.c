/* gui/: the timeline itself: lanes, the plan's slots behind, execution in
 * front, MAF and plan lines, ticks, port messages and HM markers, all
 * clipped to the part of the plot the run covers, so nothing is drawn
 * where the run has no data. */
#include "gui/render.h"
#include "gui/describe.h"
#include "gui/draw.h"
#include "gui/render_internal.h"
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

static uint32_t tick_colour(uint32_t kind)
{
    switch (kind) {
    case HV_TRACE_TRAP:
        return 0xcc0000u;
    case HV_TRACE_VIRQ_RAISE:
    case HV_TRACE_VIRQ_DELIVER:
    case HV_TRACE_VIRQ_LATENCY:
        return 0x0077ccu;
    case HV_TRACE_PORT_WRITE:
    case HV_TRACE_PORT_READ:
        return GUI_MESSAGE_COLOUR;
    case HV_TRACE_STATE:
        return 0x000000u;
    }
    return 0x505050u;
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

static void draw_marks(SDL_Surface *s, const struct gui_renderer *r, const struct gui_model *model,
                       const struct gui_view *view)
{
    const struct gui_layout *l = &view->layout;
    int labelled_until = -1000;
    for (size_t i = 0; i < model->mark_count; i++) {
        const struct gui_mark *k = &model->marks[i];
        int x = x_of(view, k->cycle), lanes_h = l->axis_top - l->lanes_top;
        uint32_t colour = k->plan_switch ? GUI_PLAN_COLOUR : GUI_MAF_COLOUR;
        gui_draw_fill(s, x - (k->plan_switch ? 1 : 0), l->lanes_top, k->plan_switch ? 3 : 1,
                      lanes_h, colour);
        char text[40];
        if (k->plan_switch)
            SDL_snprintf(text, sizeof text, "plan %u", k->plan);
        else
            SDL_snprintf(text, sizeof text, "MAF %llu", (unsigned long long)k->maf);
        if (x + 3 < labelled_until && !k->plan_switch)
            continue;
        int w = gui_draw_text(s, r->small, text, x + 3, l->lanes_top + 1, colour);
        labelled_until = x + 3 + w + 6;
    }
}

static bool is_tick(uint32_t kind)
{
    return kind != HV_TRACE_HM_EVENT;
}

static uint32_t lane_of(const struct gui_model *model, int32_t partition)
{
    return partition < 0 ? GUI_HV_LANE(model) : (uint32_t)partition;
}

/* A delivery's latency: a line from the raise to the handler's start at
 * the top of the lane; one over the partition's bound is red and marked
 * down the whole lane. */
static void draw_latency(SDL_Surface *s, const struct gui_view *view, const struct gui_event *e,
                         int y)
{
    bool over = (e->a & HV_LATENCY_OVER_BOUND) != 0;
    uint32_t colour = over ? GUI_LATE_COLOUR : tick_colour(e->kind);
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
            gui_draw_fill(s, x_of(view, e->cycle), y + 3, 1, h / 4, tick_colour(e->kind));
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
    int h = view->layout.lane_height;
    for (size_t i = 0; i < model->event_count; i++) {
        const struct gui_event *e = &model->events[i];
        if (e->kind != HV_TRACE_HM_EVENT)
            continue;
        int x = x_of(view, e->cycle), y = gui_view_lane_top(view, lane_of(model, e->partition));
        uint32_t colour = gui_hm_action_colour(e->b);
        gui_draw_fill(s, x, y + 2, 1, h - 4, colour);
        gui_draw_marker(s, x, y + 2, GUI_MARKER_SIZE, colour);
        gui_draw_text(s, r->small, gui_hm_event_name(e->a), x + 6, y + h - 17, colour);
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
    draw_execs(s, model, view);
    draw_marks(s, r, model, view);
    if (view->show_ticks)
        draw_ticks(s, model, view);
    draw_messages(s, model, view);
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
