/* gui/: the window loop. */
#include "gui/window.h"
#include "gui/describe.h"
#include "gui/export.h"
#include "gui/render.h"
#include <stdio.h>
#include <stdlib.h>

#define FRAME_MS 20
#define FRAMES_PER_MAF 50 /* a live run plays one major frame a second */
#define WINDOW_STATUS_HEIGHT 24
#define WINDOW_MIN_HEIGHT 320 /* room for a hover box over few lanes */

struct window {
    SDL_Window *window;
    SDL_Surface *canvas;
    struct gui_renderer renderer;
    struct gui_model model;
    struct gui_control control;
    size_t built_count; /* records the model was built from */
    uint64_t built_end;
    bool live, ended;
    char status[200];
    char details[1024];
};

static enum gui_action key_action(SDL_Keycode key)
{
    switch (key) {
    case SDLK_PLUS:
    case SDLK_EQUALS:
    case SDLK_KP_PLUS:
        return GUI_ACT_ZOOM_IN;
    case SDLK_MINUS:
    case SDLK_KP_MINUS:
        return GUI_ACT_ZOOM_OUT;
    case SDLK_LEFT:
        return GUI_ACT_PAN_LEFT;
    case SDLK_RIGHT:
        return GUI_ACT_PAN_RIGHT;
    case SDLK_f:
        return GUI_ACT_FIT;
    case SDLK_n:
        return GUI_ACT_NEXT_HM;
    case SDLK_p:
        return GUI_ACT_PREV_HM;
    case SDLK_t:
        return GUI_ACT_TOGGLE_TICKS;
    case SDLK_SPACE:
        return GUI_ACT_PAUSE;
    case SDLK_s:
        return GUI_ACT_STEP_SLOT;
    case SDLK_m:
        return GUI_ACT_STEP_MAF;
    case SDLK_q:
    case SDLK_ESCAPE:
        return GUI_ACT_QUIT;
    }
    return GUI_ACT_NONE;
}

static void on_resize(struct window *w, int width, int height)
{
    SDL_Surface *canvas = gui_surface_create(width, height);
    if (!canvas)
        return; /* keep drawing at the old size */
    SDL_FreeSurface(w->canvas);
    w->canvas = canvas;
    gui_control_resize(&w->control, &w->model, width, height);
}

static void on_event(struct window *w, const SDL_Event *e)
{
    struct gui_control *c = &w->control;
    switch (e->type) {
    case SDL_QUIT:
        c->quit = true;
        break;
    case SDL_KEYDOWN:
        gui_control_action(c, &w->model, key_action(e->key.keysym.sym));
        break;
    case SDL_MOUSEWHEEL:
        gui_control_wheel(c, e->wheel.y);
        break;
    case SDL_MOUSEBUTTONDOWN:
        if (e->button.button == SDL_BUTTON_LEFT)
            gui_control_press(c, &w->model, e->button.x, e->button.y);
        break;
    case SDL_MOUSEBUTTONUP:
        gui_control_release(c);
        break;
    case SDL_MOUSEMOTION:
        gui_control_motion(c, e->motion.x, e->motion.y);
        break;
    case SDL_WINDOWEVENT:
        if (e->window.event == SDL_WINDOWEVENT_SIZE_CHANGED)
            on_resize(w, e->window.data1, e->window.data2);
        break;
    }
}

/* Rebuild the model when the trace grew. */
static enum gui_error refresh(struct window *w, const struct gui_source *source,
                              struct gui_meta meta, char *error, size_t size)
{
    const struct sim_trace_record *records;
    size_t count;
    source->snapshot(source->context, &records, &count, &meta.end_cycle);
    if (count == w->built_count && meta.end_cycle == w->built_end && w->model.clock_khz)
        return GUI_OK;
    struct gui_model model;
    enum gui_error error_code = gui_model_build(&model, records, count, &meta, error, size);
    if (error_code != GUI_OK)
        return error_code;
    bool first = w->model.clock_khz == 0;
    gui_model_free(&w->model);
    w->model = model;
    if (first && !w->live)
        gui_view_fit(&w->control.view, &w->model);
    w->built_count = count;
    w->built_end = meta.end_cycle;
    gui_control_follow(&w->control, &w->model);
    return GUI_OK;
}

static void advance(struct window *w, const struct gui_source *source, uint64_t frame_us)
{
    struct gui_control *c = &w->control;
    if (!w->live || w->ended)
        return;
    if (c->step != GUI_STEP_NONE)
        w->ended = !source->advance(source->context, c->step, 0);
    else if (!c->paused)
        w->ended = !source->advance(source->context, GUI_STEP_NONE, frame_us);
    c->step = GUI_STEP_NONE;
}

static void compose_overlay(struct window *w, struct gui_overlay *o)
{
    struct gui_control *c = &w->control;
    char where[120];
    gui_status_text(&w->model, &c->view, c->cursor_x, where, sizeof where);
    const char *state = !w->live    ? ""
                        : w->ended  ? "   [run ended]"
                        : c->paused ? "   [paused]"
                                    : "";
    snprintf(w->status, sizeof w->status, "%s%s   %s", where, state,
             w->live ? "space pause, s slot, m MAF, f fit, n/p HM, t ticks"
                     : "f fit, n/p HM, t ticks, wheel/+/- zoom, drag/arrows pan");
    struct gui_hit hit = gui_view_hit(&c->view, &w->model, c->cursor_x, c->cursor_y);
    if (hit.kind == GUI_HIT_NONE && c->selected_slot >= 0)
        hit = (struct gui_hit){GUI_HIT_SLOT, (size_t)c->selected_slot};
    gui_describe_hit(&w->model, hit, w->details, sizeof w->details);
    *o = (struct gui_overlay){w->status,   w->details,  c->cursor_x,
                              c->cursor_y, c->cursor_x, c->selected_slot};
}

static void present(struct window *w)
{
    struct gui_view *view = &w->control.view;
    int rows = gui_legend_rows(&w->renderer, &w->model, view);
    if (rows != view->layout.legend_rows)
        gui_view_set_legend_rows(view, rows); /* a live run met a new kind, or a resize */
    struct gui_overlay overlay;
    compose_overlay(w, &overlay);
    gui_render(&w->renderer, w->canvas, &w->model, &w->control.view, &overlay);
    SDL_Surface *screen = SDL_GetWindowSurface(w->window);
    if (screen && SDL_BlitSurface(w->canvas, NULL, screen, NULL) == 0)
        SDL_UpdateWindowSurface(w->window);
}

static enum gui_error loop(struct window *w, const struct gui_source *source,
                           const struct gui_meta *meta, char *error, size_t size)
{
    uint64_t frame_us = meta->config->plans[0].major_frame_us / FRAMES_PER_MAF + 1;
    enum gui_error result = refresh(w, source, *meta, error, size);
    while (result == GUI_OK && !w->control.quit) {
        SDL_Event e;
        while (SDL_PollEvent(&e))
            on_event(w, &e);
        advance(w, source, frame_us);
        result = refresh(w, source, *meta, error, size);
        present(w);
        SDL_Delay(FRAME_MS);
    }
    return result;
}

/* Drivers that put a window in front of someone. SDL 2.26, when no display
 * answers, falls back to its offscreen driver: a window nobody sees, and a
 * loop nobody can end. */
static bool driver_shows_windows(const char *name)
{
    const char *hidden[] = {"offscreen", "dummy", "evdev"};
    for (size_t i = 0; i < sizeof hidden / sizeof hidden[0]; i++)
        if (SDL_strcasecmp(name, hidden[i]) == 0)
            return false;
    /* Without WAYLAND_DISPLAY or XDG_RUNTIME_DIR libwayland has no socket to
     * try, and would only print its own complaint on stderr. */
    if (SDL_strcasecmp(name, "wayland") == 0)
        return getenv("WAYLAND_DISPLAY") || getenv("XDG_RUNTIME_DIR");
    return true;
}

static bool try_video_driver(const char *name)
{
    SDL_SetHint(SDL_HINT_VIDEODRIVER, name);
    return SDL_InitSubSystem(SDL_INIT_VIDEO) == 0;
}

static void describe_no_display(char *error, size_t size)
{
    const char *x11 = getenv("DISPLAY"), *wayland = getenv("WAYLAND_DISPLAY");
    snprintf(error, size,
             "cannot open a window: no display answered (DISPLAY%s%s, WAYLAND_DISPLAY%s%s) "
             "(--png renders without a display)",
             x11 ? "=" : " is unset", x11 ? x11 : "", wayland ? "=" : " is unset",
             wayland ? wayland : "");
}

/* The user's SDL_VIDEODRIVER is theirs to choose (offscreen included);
 * otherwise the first driver in SDL's order that shows a window. */
static enum gui_error init_video(char *error, size_t size)
{
    if (getenv("SDL_VIDEODRIVER")) {
        if (SDL_InitSubSystem(SDL_INIT_VIDEO) == 0)
            return GUI_OK;
        snprintf(error, size, "cannot open a window: %s (--png renders without a display)",
                 SDL_GetError());
        return GUI_ERR_SDL;
    }
    for (int i = 0; i < SDL_GetNumVideoDrivers(); i++) {
        const char *name = SDL_GetVideoDriver(i);
        if (driver_shows_windows(name) && try_video_driver(name))
            return GUI_OK;
    }
    describe_no_display(error, size);
    return GUI_ERR_SDL;
}

/* As tall as the lanes, the legend, the axis and the status line need (the
 * PNG's height and one line more), with room for a hover box; at most what
 * the display offers. */
static int window_height(const struct window *w, int width)
{
    int rows = gui_legend_rows_at(&w->renderer, &w->model, width);
    int height = gui_natural_height(&w->model, rows) + WINDOW_STATUS_HEIGHT;
    SDL_Rect usable;
    if (SDL_GetDisplayUsableBounds(0, &usable) == 0 && usable.h > 0 && height > usable.h - 40)
        height = usable.h - 40;
    return height < WINDOW_MIN_HEIGHT ? WINDOW_MIN_HEIGHT : height;
}

static enum gui_error open_window(struct window *w, const char *title, char *error, size_t size)
{
    int width = GUI_DEFAULT_WIDTH;
    enum gui_error video = init_video(error, size);
    if (video == GUI_OK)
        video = gui_renderer_open(&w->renderer, error, size);
    if (video != GUI_OK)
        return video;
    int height = window_height(w, width);
    w->window = SDL_CreateWindow(title, SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED, width,
                                 height, SDL_WINDOW_RESIZABLE);
    w->canvas = w->window ? gui_surface_create(width, height) : NULL;
    if (!w->canvas) {
        snprintf(error, size, "cannot open a window: %s", SDL_GetError());
        return GUI_ERR_SDL;
    }
    gui_control_init(&w->control, &w->model, width, height, w->live);
    return GUI_OK;
}

enum gui_error gui_window_run(const struct gui_source *source, const struct gui_meta *meta,
                              const char *title, char *error, size_t size)
{
    struct window w = {.live = source->advance != NULL};
    w.model.partition_count = meta->config->partition_count;
    /* The model first, so that the window is sized to its lanes and legend. */
    enum gui_error result = refresh(&w, source, *meta, error, size);
    if (result == GUI_OK)
        result = open_window(&w, title, error, size);
    if (result == GUI_OK && w.live)
        gui_view_show(&w.control.view, 0,
                      2.0 *
                          gui_us_to_cycles(meta->clock_khz, meta->config->plans[0].major_frame_us));
    if (result == GUI_OK)
        result = loop(&w, source, meta, error, size);
    gui_renderer_close(&w.renderer);
    gui_model_free(&w.model);
    SDL_FreeSurface(w.canvas);
    if (w.window)
        SDL_DestroyWindow(w.window);
    SDL_Quit();
    return result;
}
