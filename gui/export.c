/* gui/: PNG export. */
#include "gui/export.h"
#include "gui/describe.h"
#include "gui/render.h"
#include <SDL_image.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

int gui_natural_height(const struct gui_model *model, int legend_rows)
{
    return gui_layout_height(model->partition_count + 1, legend_rows, GUI_NATURAL_LANE_HEIGHT);
}

int gui_legend_rows_at(const struct gui_renderer *r, const struct gui_model *model, int width)
{
    struct gui_view view;
    gui_view_init_rendered(&view, r, model, width, GUI_MAX_SIZE);
    return view.layout.legend_rows;
}

static enum gui_error set_range(struct gui_view *view, const struct gui_model *model,
                                const struct gui_image_options *o, char *error, size_t size)
{
    double ns_per_cycle = gui_cycles_to_ns(model->clock_khz, 1.0);
    double from = o->has_from ? (double)o->from_ns / ns_per_cycle : 0.0;
    double to = o->has_to ? (double)o->to_ns / ns_per_cycle : (double)model->end;
    if (to <= from) {
        snprintf(error, size, "--from must be before --to (and before the run's end)");
        return GUI_ERR_USAGE;
    }
    gui_view_show(view, from, to);
    return GUI_OK;
}

/* The status line of an image: what range it shows. */
static void image_status(const struct gui_model *model, const struct gui_view *view, char *buf,
                         size_t size)
{
    char from[32], to[32];
    double step = gui_axis_step_ns(view, model->clock_khz, 90);
    int left = view->layout.plot_left, right = view->layout.plot_right;
    gui_time_text(gui_cycles_to_ns(model->clock_khz, gui_view_cycle(view, left)), step, from,
                  sizeof from);
    gui_time_text(gui_cycles_to_ns(model->clock_khz, gui_view_cycle(view, right)), step, to,
                  sizeof to);
    snprintf(buf, size, "%s to %s   MAF %llu to %llu   %u partitions", from, to,
             (unsigned long long)gui_model_maf_at(model, gui_view_cycle(view, left)),
             (unsigned long long)gui_model_maf_at(model, gui_view_cycle(view, right)),
             model->partition_count);
}

/* Through our own FILE: IMG_SavePNG does not check its close, so a PNG
 * lost to a full disk (/dev/full) went unsaid (issue 11). */
static enum gui_error save_png(SDL_Surface *surface, const char *path, char *error, size_t size)
{
    FILE *f = fopen(path, "wb");
    if (!f) {
        snprintf(error, size, "%s: cannot create: %s", path, strerror(errno));
        return GUI_ERR_SDL;
    }
    SDL_RWops *rw = SDL_RWFromFP(f, SDL_FALSE);
    bool saved = rw && IMG_SavePNG_RW(surface, rw, 0) == 0;
    if (!saved)
        snprintf(error, size, "%s: cannot write the PNG: %s", path, IMG_GetError());
    if (rw)
        SDL_RWclose(rw); /* not f's: SDL_FALSE */
    bool failed = ferror(f) != 0;
    errno = 0;
    failed |= fclose(f) != 0;
    if (saved && failed)
        snprintf(error, size, "%s: cannot write: %s", path, strerror(errno ? errno : EIO));
    return saved && !failed ? GUI_OK : GUI_ERR_SDL;
}

static enum gui_error render_to(const struct gui_renderer *r, const struct gui_model *model,
                                const struct gui_view *view, const char *path, char *error,
                                size_t size)
{
    SDL_Surface *surface = gui_surface_create(view->layout.width, view->layout.height);
    if (!surface) {
        snprintf(error, size, "cannot make a %dx%d image: %s", view->layout.width,
                 view->layout.height, SDL_GetError());
        return GUI_ERR_SDL;
    }
    char status[160];
    image_status(model, view, status, sizeof status);
    struct gui_overlay overlay = {.status = status, .cursor_x = -1, .selected_slot = -1};
    gui_render(r, surface, model, view, &overlay);
    enum gui_error result = save_png(surface, path, error, size);
    SDL_FreeSurface(surface);
    return result;
}

enum gui_error gui_export_png(const struct gui_model *model, const struct gui_image_options *o,
                              const char *path, char *error, size_t size)
{
    struct gui_renderer renderer;
    enum gui_error result = gui_renderer_open(&renderer, error, size);
    if (result != GUI_OK)
        return result;
    struct gui_view view;
    int width = o->width > 0 ? o->width : GUI_DEFAULT_WIDTH;
    int rows = gui_legend_rows_at(&renderer, model, width);
    gui_view_init(&view, model, width, o->height > 0 ? o->height : gui_natural_height(model, rows));
    gui_view_set_legend_rows(&view, rows);
    result = set_range(&view, model, o, error, size);
    if (result == GUI_OK)
        result = render_to(&renderer, model, &view, path, error, size);
    gui_renderer_close(&renderer);
    return result;
}

enum gui_error gui_export_records_png(const struct sim_trace_record *records, size_t count,
                                      const struct gui_meta *meta,
                                      const struct gui_image_options *options, const char *path,
                                      char *error, size_t size)
{
    struct gui_model model;
    enum gui_error result = gui_model_build(&model, records, count, meta, error, size);
    if (result != GUI_OK)
        return result;
    result = gui_export_png(&model, options, path, error, size);
    gui_model_free(&model);
    return result;
}
