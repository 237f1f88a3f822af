/* gui/: what surrounds the plot: lane labels, the time axis, the legend,
 * the status line, the cursor and the details box; and the font. */
#include "gui/describe.h"
#include "gui/draw.h"
#include "gui/render_internal.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <xm/hm.h>

#define AXIS_TICK_SPACING 90
#define TEXT_COLOUR 0x202020u

static const char *const font_paths[] = {
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
};

static TTF_Font *open_font(const char *path, int size)
{
    return path ? TTF_OpenFont(path, size) : NULL;
}

static const char *find_font(void)
{
    const char *chosen = getenv("HVSIM_FONT");
    if (chosen && chosen[0])
        return chosen;
    for (size_t i = 0; i < sizeof font_paths / sizeof font_paths[0]; i++) {
        FILE *f = fopen(font_paths[i], "rb");
        if (f) {
            fclose(f);
            return font_paths[i];
        }
    }
    return NULL;
}

enum gui_error gui_renderer_open(struct gui_renderer *r, char *error, size_t size)
{
    r->font = r->small = NULL;
    if (!TTF_WasInit() && TTF_Init() != 0) {
        snprintf(error, size, "SDL_ttf: %s", TTF_GetError());
        return GUI_ERR_SDL;
    }
    const char *path = find_font();
    r->font = open_font(path, 13);
    r->small = open_font(path, 11);
    if (r->font && r->small)
        return GUI_OK;
    if (path)
        snprintf(error, size, "%s: cannot open the font: %s", path, TTF_GetError());
    else
        snprintf(error, size, "no font: install fonts-dejavu-core (%s) or set HVSIM_FONT",
                 font_paths[0]);
    gui_renderer_close(r);
    return GUI_ERR_FONT;
}

void gui_renderer_close(struct gui_renderer *r)
{
    if (r->font)
        TTF_CloseFont(r->font);
    if (r->small)
        TTF_CloseFont(r->small);
    r->font = r->small = NULL;
}

static void draw_labels(SDL_Surface *s, const struct gui_renderer *r, const struct gui_model *model,
                        const struct gui_view *view)
{
    int h = view->layout.lane_height, text_h = TTF_FontHeight(r->font);
    for (uint32_t lane = 0; lane <= model->partition_count; lane++) {
        int y = gui_view_lane_top(view, lane), middle = y + h / 2;
        bool hv = lane == GUI_HV_LANE(model);
        char name[HV_NAME_MAX + 8];
        snprintf(name, sizeof name, hv ? "hypervisor" : "%u %s", lane,
                 hv ? "" : model->names[lane]);
        gui_draw_fill(s, 6, middle - 5, 10, 10, hv ? GUI_IDLE_COLOUR : gui_partition_colour(lane));
        gui_draw_text(s, r->font, name, 22, middle - text_h / 2, TEXT_COLOUR);
    }
}

static void draw_axis(SDL_Surface *s, const struct gui_renderer *r, const struct gui_model *model,
                      const struct gui_view *view)
{
    const struct gui_layout *l = &view->layout;
    gui_draw_fill(s, l->plot_left, l->axis_top, l->plot_right - l->plot_left, 1, TEXT_COLOUR);
    double step = gui_axis_step_ns(view, model->clock_khz, AXIS_TICK_SPACING);
    double first_ns = gui_cycles_to_ns(model->clock_khz, gui_view_cycle(view, l->plot_left));
    double t = step * ceil(first_ns / step);
    double ns_per_cycle = gui_cycles_to_ns(model->clock_khz, 1.0);
    for (int i = 0; i < 1000; i++, t = step * (ceil(first_ns / step) + i)) {
        int x = gui_px(gui_view_x(view, t / ns_per_cycle));
        if (x >= l->plot_right)
            return;
        char text[32];
        gui_time_text(t, step, text, sizeof text);
        gui_draw_fill(s, x, l->axis_top, 1, 5, TEXT_COLOUR);
        int width = gui_text_width(r->small, text);
        /* centred on its tick, but never cut by the image's right edge */
        int left = x - width / 2 + width > s->w - 2 ? s->w - 2 - width : x - width / 2;
        gui_draw_text(s, r->small, text, left, l->axis_top + 7, TEXT_COLOUR);
    }
}

/* One legend entry: a swatch drawn by `kind`, then the text. */
enum swatch { SWATCH_BOX, SWATCH_BAR, SWATCH_LINE, SWATCH_MARKER, SWATCH_TICK, SWATCH_ARROW };

static int legend_item(SDL_Surface *s, TTF_Font *font, int x, enum swatch kind, uint32_t rgb,
                       const char *text)
{
    int y = 6;
    switch (kind) {
    case SWATCH_BOX:
        gui_draw_fill(s, x, y, 16, 12, gui_partition_pale(0));
        gui_draw_frame(s, x, y, 16, 12, rgb);
        break;
    case SWATCH_BAR:
        gui_draw_fill(s, x, y + 3, 16, 6, rgb);
        break;
    case SWATCH_LINE:
        gui_draw_fill(s, x + 7, y - 2, rgb == GUI_PLAN_COLOUR ? 3 : 1, 16, rgb);
        break;
    case SWATCH_MARKER:
        gui_draw_marker(s, x + 8, y, GUI_MARKER_SIZE, rgb);
        break;
    case SWATCH_TICK:
        gui_draw_fill(s, x + 8, y, 1, 10, rgb);
        break;
    case SWATCH_ARROW:
        gui_draw_line(s, x, y + 10, x + 16, y + 2, rgb);
        break;
    }
    return x + 20 + gui_draw_text(s, font, text, x + 20, y - 1, TEXT_COLOUR) + 12;
}

/* HM actions that occur in the run, each once, in action order. */
static int legend_actions(SDL_Surface *s, TTF_Font *font, const struct gui_model *model, int x)
{
    bool seen[XM_HM_MAX_ACTIONS] = {false};
    for (size_t i = 0; i < model->event_count; i++) {
        const struct gui_event *e = &model->events[i];
        if (e->kind == HV_TRACE_HM_EVENT && e->b < XM_HM_MAX_ACTIONS)
            seen[e->b] = true;
    }
    for (uint32_t a = 0; a < XM_HM_MAX_ACTIONS; a++) {
        if (seen[a])
            x = legend_item(s, font, x, SWATCH_MARKER, gui_hm_action_colour(a),
                            gui_hm_action_name(a));
    }
    return x;
}

static void draw_legend(SDL_Surface *s, const struct gui_renderer *r, const struct gui_model *model,
                        const struct gui_view *view)
{
    int x = 8;
    x = legend_item(s, r->small, x, SWATCH_BOX, gui_partition_colour(0), "planned slot");
    x = legend_item(s, r->small, x, SWATCH_BAR, gui_partition_colour(0), "running");
    x = legend_item(s, r->small, x, SWATCH_BAR, GUI_IDLE_COLOUR, "idle");
    x = legend_item(s, r->small, x, SWATCH_LINE, GUI_MAF_COLOUR, "MAF");
    x = legend_item(s, r->small, x, SWATCH_LINE, GUI_PLAN_COLOUR, "plan switch");
    if (view->show_ticks)
        x = legend_item(s, r->small, x, SWATCH_TICK, 0x505050u, "hypercall/IRQ");
    x = legend_item(s, r->small, x, SWATCH_ARROW, GUI_MESSAGE_COLOUR, "port message");
    legend_actions(s, r->small, model, x);
    gui_draw_fill(s, 0, view->layout.lanes_top - 1, view->layout.width, 1, 0xd8d8d8u);
}

static void draw_status(SDL_Surface *s, const struct gui_renderer *r, const struct gui_view *view,
                        const char *status)
{
    const struct gui_layout *l = &view->layout;
    gui_draw_fill(s, 0, l->status_top, l->width, l->height - l->status_top, 0xeeeeeeu);
    gui_draw_text(s, r->font, status, 8, l->status_top + 3, TEXT_COLOUR);
}

void gui_render_chrome(SDL_Surface *s, const struct gui_renderer *r, const struct gui_model *model,
                       const struct gui_view *view, const struct gui_overlay *overlay)
{
    draw_labels(s, r, model, view);
    draw_axis(s, r, model, view);
    draw_legend(s, r, model, view);
    if (!overlay)
        return;
    if (overlay->cursor_x >= view->layout.plot_left && overlay->cursor_x < view->layout.plot_right)
        gui_draw_fill(s, overlay->cursor_x, view->layout.lanes_top, 1,
                      view->layout.axis_top - view->layout.lanes_top, 0x909090u);
    if (overlay->status)
        draw_status(s, r, view, overlay->status);
    if (overlay->details && overlay->details[0])
        gui_draw_text_box(s, r->font, overlay->details, overlay->details_x, overlay->details_y);
}
