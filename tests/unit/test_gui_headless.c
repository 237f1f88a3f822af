/* Headless rendering for the gui tests (test_gui_headless.h). */
#include "test_gui_headless.h"
#include <stdio.h>

int gui_headless_render(struct gui_headless *h, int width, int height, double end)
{
    char error[200];
    if (gui_renderer_open(&h->renderer, error, sizeof error) != GUI_OK) {
        fprintf(stderr, "%s\n", error);
        return -1;
    }
    gui_view_init_rendered(&h->view, &h->renderer, &h->model, width, height);
    gui_view_show(&h->view, 0, end);
    h->surface = gui_surface_create(width, height);
    if (!h->surface)
        return -1;
    gui_render(&h->renderer, h->surface, &h->model, &h->view, NULL);
    return 0;
}

void gui_headless_close(struct gui_headless *h)
{
    SDL_FreeSurface(h->surface);
    gui_renderer_close(&h->renderer);
    gui_model_free(&h->model);
    TTF_Quit();
}

uint32_t gui_headless_pixel(const struct gui_headless *h, int x, int y)
{
    const Uint32 *row = (const Uint32 *)((const Uint8 *)h->surface->pixels + y * h->surface->pitch);
    Uint8 r, g, b;
    SDL_GetRGB(row[x], h->surface->format, &r, &g, &b);
    return (uint32_t)r << 16 | (uint32_t)g << 8 | b;
}

int gui_headless_x(const struct gui_headless *h, double cycle)
{
    return (int)gui_view_x(&h->view, cycle);
}
