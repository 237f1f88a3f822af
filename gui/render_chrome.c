/* gui/: what surrounds the plot: lane labels, the time axis, the legend,
 * the status line, the cursor and the details box; and the font. */
#include "gui/describe.h"
#include "gui/draw.h"
#include "gui/place.h"
#include "gui/render_internal.h"
#include <hvcore/hv.h>
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

static int measure(void *font, const char *text)
{
    return gui_text_width(font, text);
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
        char fitted[sizeof name + 4];
        gui_fit_text(name, view->layout.plot_left - 22 - 4, measure, r->font, fitted,
                     sizeof fitted);
        gui_draw_fill(s, 6, middle - 5, 10, 10, hv ? GUI_IDLE_COLOUR : gui_partition_colour(lane));
        gui_draw_text(s, r->font, fitted, 22, middle - text_h / 2, TEXT_COLOUR);
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

/* "MAF n" and "plan n" under the axis, at their lines, in the lines'
 * colours; a label that would overlap the previous one is left out (a
 * plan switch's never), none is cut at the plot's edges. */
static void draw_mark_labels(SDL_Surface *s, const struct gui_renderer *r,
                             const struct gui_model *model, const struct gui_view *view)
{
    const struct gui_layout *l = &view->layout;
    int labelled_until = -1000000, y = l->axis_top + 21;
    for (size_t i = 0; i < model->mark_count; i++) {
        const struct gui_mark *k = &model->marks[i];
        int x = gui_px(gui_view_x(view, (double)k->cycle));
        if (x < l->plot_left || x >= l->plot_right)
            continue;
        char text[40];
        if (k->plan_switch)
            snprintf(text, sizeof text, "plan %u", k->plan);
        else
            snprintf(text, sizeof text, "MAF %llu", (unsigned long long)k->maf);
        int w = gui_text_width(r->small, text);
        int at = gui_label_x(x, w, 3, l->plot_left, s->w - 2);
        if (at < labelled_until && !k->plan_switch)
            continue;
        gui_draw_fill(s, x, l->axis_top + 19, 1, 4,
                      k->plan_switch ? GUI_PLAN_COLOUR : GUI_MAF_COLOUR);
        gui_draw_text_on(s, r->small, text, at, y,
                         k->plan_switch ? GUI_PLAN_COLOUR : GUI_MAF_COLOUR, GUI_BACKGROUND);
        labelled_until = at + w + 6;
    }
}

/* One legend entry: a swatch drawn by `kind`, then the text. */
enum swatch {
    SWATCH_BOX,
    SWATCH_BAR,
    SWATCH_LINE,
    SWATCH_MARKER,
    SWATCH_TICK,
    SWATCH_ARROW,
    SWATCH_CONSOLE,
    SWATCH_HATCH_RISING,
    SWATCH_HATCH_FALLING,
};

struct legend_entry {
    enum swatch kind;
    uint32_t rgb;
    const char *text;
};

#define LEGEND_MAX (16 + GUI_TICK_CLASSES + XM_HM_MAX_ACTIONS)
#define LEGEND_SWATCH 20 /* the swatch and its gap to the text */
#define LEGEND_GAP 12    /* between entries */
#define LEGEND_ROW 20    /* as view.c lays the rows out */

static void swatch(SDL_Surface *s, int x, int y, enum swatch kind, uint32_t rgb)
{
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
    case SWATCH_CONSOLE:
        gui_draw_fill(s, x, y + 8, 16, 3, rgb);
        break;
    case SWATCH_HATCH_RISING:
    case SWATCH_HATCH_FALLING:
        gui_draw_frame(s, x, y, 16, 12, rgb);
        gui_draw_hatch(s, x, y, 16, 12, rgb, 4, kind == SWATCH_HATCH_RISING ? 1 : -1);
        break;
    }
}

struct legend_seen {
    bool ticks[GUI_TICK_CLASSES], actions[XM_HM_MAX_ACTIONS];
    bool halted, suspended, overrun, console;
};

static void legend_scan(const struct gui_model *model, struct legend_seen *seen)
{
    *seen = (struct legend_seen){{false}, {false}, false, false, false, false};
    for (size_t i = 0; i < model->event_count; i++) {
        const struct gui_event *e = &model->events[i];
        if (e->kind != HV_TRACE_HM_EVENT)
            seen->ticks[gui_tick_class(e)] = true;
        else if (e->b < XM_HM_MAX_ACTIONS)
            seen->actions[e->b] = true;
    }
    for (size_t i = 0; i < model->span_count; i++) {
        seen->halted |= model->spans[i].state == HV_STATE_HALTED;
        seen->suspended |= model->spans[i].state == HV_STATE_SUSPENDED;
    }
    for (size_t i = 0; i < model->slot_count && !seen->overrun; i++)
        seen->overrun = gui_slot_overrun(model, &model->slots[i]) > 0 ||
                        gui_slot_late(model, &model->slots[i]) > 0;
    seen->console = model->line_count > 0;
}

/* The entries: what every timeline has, then what occurs in this one:
 * each class of tick (when ticks are shown), console lines, messages,
 * overruns, halted and suspended partitions, HM actions. */
static size_t legend_entries(const struct gui_model *model, const struct gui_view *view,
                             struct legend_entry *out)
{
    struct legend_seen seen;
    legend_scan(model, &seen);
    size_t n = 0;
    out[n++] = (struct legend_entry){SWATCH_BOX, gui_partition_colour(0), "planned slot"};
    out[n++] = (struct legend_entry){SWATCH_BAR, gui_partition_colour(0), "running"};
    out[n++] = (struct legend_entry){SWATCH_BAR, GUI_IDLE_COLOUR, "idle"};
    out[n++] = (struct legend_entry){SWATCH_LINE, GUI_MAF_COLOUR, "MAF"};
    out[n++] = (struct legend_entry){SWATCH_LINE, GUI_PLAN_COLOUR, "plan switch"};
    for (int t = 0; t < GUI_TICK_CLASSES && view->show_ticks; t++) {
        if (seen.ticks[t])
            out[n++] = (struct legend_entry){SWATCH_TICK, gui_tick_colour(t), gui_tick_name(t)};
    }
    if (seen.console)
        out[n++] = (struct legend_entry){SWATCH_CONSOLE, GUI_CONSOLE_COLOUR, "console line"};
    if (model->message_count)
        out[n++] = (struct legend_entry){SWATCH_ARROW, GUI_MESSAGE_COLOUR, "port message"};
    if (seen.overrun)
        out[n++] = (struct legend_entry){SWATCH_BAR, GUI_OVERRUN_COLOUR, "overrun / late start"};
    if (seen.suspended)
        out[n++] = (struct legend_entry){SWATCH_HATCH_RISING, GUI_SUSPENDED_COLOUR, "suspended"};
    if (seen.halted)
        out[n++] = (struct legend_entry){SWATCH_HATCH_FALLING, GUI_HALTED_COLOUR, "halted"};
    for (uint32_t a = 0; a < XM_HM_MAX_ACTIONS; a++) {
        if (seen.actions[a])
            out[n++] = (struct legend_entry){SWATCH_MARKER, gui_hm_action_colour(a),
                                             gui_hm_action_name(a)};
    }
    return n;
}

/* Lays the entries out in rows within the width; draws them when `s`. */
static int legend_layout(SDL_Surface *s, TTF_Font *font, const struct gui_model *model,
                         const struct gui_view *view)
{
    struct legend_entry entries[LEGEND_MAX];
    size_t n = legend_entries(model, view, entries);
    int x = 8, row = 0, right = view->layout.width - 4;
    for (size_t i = 0; i < n; i++) {
        int w = LEGEND_SWATCH + gui_text_width(font, entries[i].text);
        if (x + w > right && x > 8 && row + 1 < GUI_MAX_LEGEND_ROWS) {
            x = 8;
            row++;
        }
        if (s) {
            int y = 6 + row * LEGEND_ROW;
            swatch(s, x, y, entries[i].kind, entries[i].rgb);
            gui_draw_text(s, font, entries[i].text, x + LEGEND_SWATCH, y - 1, TEXT_COLOUR);
        }
        x += w + LEGEND_GAP;
    }
    return row + 1;
}

int gui_legend_rows(const struct gui_renderer *r, const struct gui_model *model,
                    const struct gui_view *view)
{
    return legend_layout(NULL, r->small, model, view);
}

void gui_view_init_rendered(struct gui_view *view, const struct gui_renderer *r,
                            const struct gui_model *model, int width, int height)
{
    gui_view_init(view, model, width, height);
    gui_view_set_legend_rows(view, gui_legend_rows(r, model, view));
}

static void draw_legend(SDL_Surface *s, const struct gui_renderer *r, const struct gui_model *model,
                        const struct gui_view *view)
{
    legend_layout(s, r->small, model, view);
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
    draw_mark_labels(s, r, model, view);
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
