/* Headless rendering for the gui tests: a model's timeline drawn into a
 * software surface (no display) and read back pixel by pixel. */
#ifndef TEST_GUI_HEADLESS_H
#define TEST_GUI_HEADLESS_H

#include "gui/render.h"

struct gui_headless {
    struct gui_model model; /* built by the test */
    struct gui_view view;
    struct gui_renderer renderer;
    SDL_Surface *surface;
};

/* The model drawn on a width x height surface showing cycles [0, end):
 * 0, or -1 (reported) when SDL cannot. */
int gui_headless_render(struct gui_headless *h, int width, int height, double end);
/* Frees all of it, the model included. */
void gui_headless_close(struct gui_headless *h);
/* The pixel at (x, y) as 0xRRGGBB. */
uint32_t gui_headless_pixel(const struct gui_headless *h, int x, int y);
/* The x of a cycle. */
int gui_headless_x(const struct gui_headless *h, double cycle);

#endif
