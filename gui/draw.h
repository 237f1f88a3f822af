/* gui/: drawing primitives on a software surface: rectangles, lines and
 * text, all clipped by the surface's clip rectangle. Internal to gui/. */
#ifndef GUI_DRAW_H
#define GUI_DRAW_H

#include <SDL.h>
#include <SDL_ttf.h>
#include <stdint.h>

void gui_draw_fill(SDL_Surface *s, int x, int y, int w, int h, uint32_t rgb);
void gui_draw_frame(SDL_Surface *s, int x, int y, int w, int h, uint32_t rgb);
void gui_draw_line(SDL_Surface *s, int x0, int y0, int x1, int y1, uint32_t rgb);
/* A filled triangle pointing down, its tip at (x, y + size). */
void gui_draw_marker(SDL_Surface *s, int x, int y, int size, uint32_t rgb);
/* Diagonal hatching over a rectangle: 1-px lines `spacing` px apart,
 * rising (slope > 0) or falling, at fixed image positions so that
 * neighbouring rectangles join up. */
void gui_draw_hatch(SDL_Surface *s, int x, int y, int w, int h, uint32_t rgb, int spacing,
                    int slope);
/* UTF-8 text with its top-left corner at (x, y); returns its width. */
int gui_draw_text(SDL_Surface *s, TTF_Font *font, const char *text, int x, int y, uint32_t rgb);
int gui_text_width(TTF_Font *font, const char *text);
/* Several lines ('\n') in a bordered box beside the point (x, y) (the
 * cursor), inside the surface (gui_box_place). */
void gui_draw_text_box(SDL_Surface *s, TTF_Font *font, const char *text, int x, int y);
/* Text on a filled rectangle one pixel larger all round. */
int gui_draw_text_on(SDL_Surface *s, TTF_Font *font, const char *text, int x, int y, uint32_t rgb,
                     uint32_t background);
/* A coordinate from the view's doubles, bounded so that it fits an int. */
int gui_px(double x);

#endif
