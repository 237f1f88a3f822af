/* gui/: where text goes so that nothing is cut at the edges: labels beside
 * an anchor, the hover box beside the cursor, names shortened to a column.
 * Plain C, no SDL: the measure is passed in, so the rules are unit-tested
 * without a font. */
#ifndef GUI_PLACE_H
#define GUI_PLACE_H

#include <stddef.h>

/* The x of a label `width` wide beside an anchor at `anchor`: right of it
 * (`gap` away) when it fits before `right`; else left of it when it fits
 * after `left`; else as far left as `left` allows. */
int gui_label_x(int anchor, int width, int gap, int left, int right);

/* The top-left corner of a box w × h shown near the cursor (cx, cy) in an
 * area width × height: below and right of the cursor, flipped to its left
 * and/or above it where it would cross an edge, so that the box never
 * covers the cursor when the area has room on either side; inside the
 * area whenever it fits at all. */
void gui_box_place(int cx, int cy, int w, int h, int width, int height, int *x, int *y);

/* `text`, or its longest prefix followed by "…" that `measure` says is at
 * most `max_width` wide, in `out` (never cut inside a UTF-8 sequence).
 * An empty string when not even "…" fits. */
typedef int (*gui_measure_fn)(void *context, const char *text);
void gui_fit_text(const char *text, int max_width, gui_measure_fn measure, void *context, char *out,
                  size_t size);

#endif
