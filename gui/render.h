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
    const char *details; /* a box of lines near (details_x, details_y) */
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

#endif
