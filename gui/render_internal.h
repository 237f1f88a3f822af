/* gui/: shared between render.c (the plot) and render_chrome.c (labels,
 * axis, legend, status, details). */
#ifndef GUI_RENDER_INTERNAL_H
#define GUI_RENDER_INTERNAL_H

#include "gui/render.h"

#define GUI_MAF_COLOUR 0x505050u
#define GUI_PLAN_COLOUR 0xcc00ccu
#define GUI_MESSAGE_COLOUR 0xa000a0u
#define GUI_IDLE_COLOUR 0xc0c0c0u
#define GUI_MARKER_SIZE 9

void gui_render_chrome(SDL_Surface *s, const struct gui_renderer *r, const struct gui_model *model,
                       const struct gui_view *view, const struct gui_overlay *overlay);

#endif
