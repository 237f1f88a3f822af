/* gui/: drawing the timeline into a software SDL_Surface. The window and
 * the headless PNG export share this one code path; nothing here needs a
 * display. */
#ifndef GUI_RENDER_H
#define GUI_RENDER_H

#include "gui/view.h"
#include <SDL.h>
#include <SDL_ttf.h>

struct gui_renderer {
    TTF_Font *font;  /* labels, status, details */
    TTF_Font *small; /* axis, markers, legend */
};

/* What the window adds over the timeline; all optional. */
struct gui_overlay {
    const char *status;  /* bottom line */
    const char *details; /* a box of lines beside (details_x, details_y): the cursor */
    int details_x, details_y;
    int cursor_x;       /* a vertical line at the mouse, < 0: none */
    long selected_slot; /* index in model->slots, < 0: none */
};

/* Open the font (HVSIM_FONT, else DejaVu Sans from Debian's
 * fonts-dejavu-core); a one-line reason in `error` on failure. */
enum gui_error gui_renderer_open(struct gui_renderer *renderer, char *error, size_t size);
void gui_renderer_close(struct gui_renderer *renderer);

/* A width × height ARGB8888 surface for gui_render, or NULL. */
SDL_Surface *gui_surface_create(int width, int height);

void gui_render(const struct gui_renderer *renderer, SDL_Surface *surface,
                const struct gui_model *model, const struct gui_view *view,
                const struct gui_overlay *overlay);

/* Colours (0xRRGGBB), deterministic: by partition id, by HM action. */
uint32_t gui_partition_colour(uint32_t partition);
uint32_t gui_partition_pale(uint32_t partition);
uint32_t gui_hm_action_colour(uint32_t action);
#define GUI_BACKGROUND 0xffffffu
/* A virtual interrupt delivered later than its partition's bound allows. */
#define GUI_LATE_COLOUR 0xff2020u
/* Console lines, at the bottom of the writer's lane. */
#define GUI_CONSOLE_COLOUR 0x1a9850u
/* A slot's end past its planned end beyond the run's normal latency, and a
 * late start beyond the normal: the same red as a late interrupt. */
#define GUI_OVERRUN_COLOUR 0xff2020u
/* Lanes hatched while their partition is halted or suspended. */
#define GUI_HALTED_COLOUR 0x404040u
#define GUI_SUSPENDED_COLOUR 0x8a6fb0u

/* Ticks by class: each class has its colour and one legend entry. */
enum gui_tick_class {
    GUI_TICK_HYPERCALL,
    GUI_TICK_REFUSED, /* refused by the hypercall policy */
    GUI_TICK_TRAP,
    GUI_TICK_VIRQ,
    GUI_TICK_VIRQ_LATE, /* a delivery over the partition's latency bound */
    GUI_TICK_STATE,
    GUI_TICK_PORT,
    GUI_TICK_IRQ, /* native, on the hypervisor's lane */
    GUI_TICK_INJECT,
    GUI_TICK_OTHER, /* kinds this viewer does not know */
    GUI_TICK_CLASSES
};
enum gui_tick_class gui_tick_class(const struct gui_event *event);
uint32_t gui_tick_colour(enum gui_tick_class tick);
const char *gui_tick_name(enum gui_tick_class tick);

/* The legend rows the model's entries need at the view's width (set them
 * with gui_view_set_legend_rows before rendering). */
int gui_legend_rows(const struct gui_renderer *renderer, const struct gui_model *model,
                    const struct gui_view *view);
/* gui_view_init, then the legend rows the renderer needs. */
void gui_view_init_rendered(struct gui_view *view, const struct gui_renderer *renderer,
                            const struct gui_model *model, int width, int height);

#endif
