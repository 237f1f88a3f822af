/* gui/: drawing primitives. */
#include "gui/draw.h"
#include "gui/place.h"
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

static Uint32 map(SDL_Surface *s, uint32_t rgb)
{
    return SDL_MapRGB(s->format, (Uint8)(rgb >> 16), (Uint8)(rgb >> 8), (Uint8)rgb);
}

int gui_px(double x)
{
    if (x < -100000.0)
        return -100000;
    if (x > 100000.0)
        return 100000;
    return (int)floor(x);
}

void gui_draw_fill(SDL_Surface *s, int x, int y, int w, int h, uint32_t rgb)
{
    SDL_Rect r = {x, y, w, h};
    SDL_FillRect(s, &r, map(s, rgb));
}

void gui_draw_frame(SDL_Surface *s, int x, int y, int w, int h, uint32_t rgb)
{
    gui_draw_fill(s, x, y, w, 1, rgb);
    gui_draw_fill(s, x, y + h - 1, w, 1, rgb);
    gui_draw_fill(s, x, y, 1, h, rgb);
    gui_draw_fill(s, x + w - 1, y, 1, h, rgb);
}

static void plot(SDL_Surface *s, int x, int y, Uint32 pixel)
{
    const SDL_Rect *c = &s->clip_rect;
    if (x < c->x || y < c->y || x >= c->x + c->w || y >= c->y + c->h)
        return;
    Uint32 *row = (Uint32 *)((Uint8 *)s->pixels + (size_t)y * (size_t)s->pitch);
    row[x] = pixel;
}

/* Bresenham; the surface is 32 bits a pixel (gui_surface_create). */
void gui_draw_line(SDL_Surface *s, int x0, int y0, int x1, int y1, uint32_t rgb)
{
    Uint32 pixel = map(s, rgb);
    int dx = abs(x1 - x0), dy = -abs(y1 - y0);
    int sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1;
    int err = dx + dy;
    for (;;) {
        plot(s, x0, y0, pixel);
        if (x0 == x1 && y0 == y1)
            return;
        int e2 = 2 * err;
        if (e2 >= dy) {
            err += dy;
            x0 += sx;
        }
        if (e2 <= dx) {
            err += dx;
            y0 += sy;
        }
    }
}

void gui_draw_hatch(SDL_Surface *s, int x, int y, int w, int h, uint32_t rgb, int spacing,
                    int slope)
{
    Uint32 pixel = map(s, rgb);
    for (int row = y; row < y + h; row++) {
        int shift = slope > 0 ? row : -row; /* pixels where column + shift ≡ 0 */
        int first = x + ((-shift - x) % spacing + spacing) % spacing;
        for (int column = first; column < x + w; column += spacing)
            plot(s, column, row, pixel);
    }
}

void gui_draw_marker(SDL_Surface *s, int x, int y, int size, uint32_t rgb)
{
    for (int row = 0; row <= size; row++) {
        int half = (size - row) / 2;
        gui_draw_fill(s, x - half, y + row, 2 * half + 1, 1, rgb);
    }
}

int gui_text_width(TTF_Font *font, const char *text)
{
    int w = 0, h = 0;
    if (text[0] == '\0' || TTF_SizeUTF8(font, text, &w, &h) != 0)
        return 0;
    return w;
}

int gui_draw_text(SDL_Surface *s, TTF_Font *font, const char *text, int x, int y, uint32_t rgb)
{
    if (text[0] == '\0')
        return 0;
    SDL_Color colour = {(Uint8)(rgb >> 16), (Uint8)(rgb >> 8), (Uint8)rgb, 255};
    SDL_Surface *rendered = TTF_RenderUTF8_Blended(font, text, colour);
    if (!rendered)
        return 0; /* text is decoration: the timeline stays usable without it */
    SDL_Rect at = {x, y, rendered->w, rendered->h};
    SDL_BlitSurface(rendered, NULL, s, &at);
    int w = rendered->w;
    SDL_FreeSurface(rendered);
    return w;
}

#define BOX_LINES 12
#define BOX_LINE_LENGTH 160

/* Splits text into at most BOX_LINES lines; returns their number. */
static int split_lines(const char *text, char lines[BOX_LINES][BOX_LINE_LENGTH])
{
    int n = 0;
    while (*text && n < BOX_LINES) {
        size_t length = strcspn(text, "\n");
        size_t kept = length < BOX_LINE_LENGTH - 1 ? length : BOX_LINE_LENGTH - 1;
        memcpy(lines[n], text, kept);
        lines[n++][kept] = '\0';
        text += length + (text[length] == '\n');
    }
    return n;
}

void gui_draw_text_box(SDL_Surface *s, TTF_Font *font, const char *text, int x, int y)
{
    char lines[BOX_LINES][BOX_LINE_LENGTH];
    int n = split_lines(text, lines);
    int line_height = TTF_FontLineSkip(font), width = 0;
    for (int i = 0; i < n; i++) {
        int w = gui_text_width(font, lines[i]);
        width = w > width ? w : width;
    }
    int box_w = width + 12, box_h = n * line_height + 8;
    gui_box_place(x, y, box_w, box_h, s->w, s->h, &x, &y);
    gui_draw_fill(s, x, y, box_w, box_h, 0xfffff0u);
    gui_draw_frame(s, x, y, box_w, box_h, 0x404040u);
    for (int i = 0; i < n; i++)
        gui_draw_text(s, font, lines[i], x + 6, y + 4 + i * line_height, 0x101010u);
}

int gui_draw_text_on(SDL_Surface *s, TTF_Font *font, const char *text, int x, int y, uint32_t rgb,
                     uint32_t background)
{
    int w = gui_text_width(font, text);
    if (w > 0)
        gui_draw_fill(s, x - 1, y, w + 2, TTF_FontHeight(font), background);
    return gui_draw_text(s, font, text, x, y, rgb);
}
