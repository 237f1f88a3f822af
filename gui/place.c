/* gui/: placing text inside the image (place.h). */
#include "gui/place.h"
#include <string.h>

#define BOX_CURSOR_GAP 16 /* the box's corner from the cursor: clear of the pointer */

int gui_label_x(int anchor, int width, int gap, int left, int right)
{
    if (anchor + gap + width <= right)
        return anchor + gap;
    if (anchor - gap - width >= left)
        return anchor - gap - width;
    return right - width > left ? right - width : left;
}

/* One axis: after the cursor when it fits, else before it, else against
 * the far edge (and never before 0). */
static int box_axis(int cursor, int size, int room)
{
    if (cursor + BOX_CURSOR_GAP + size <= room)
        return cursor + BOX_CURSOR_GAP;
    if (cursor - BOX_CURSOR_GAP / 2 - size >= 0)
        return cursor - BOX_CURSOR_GAP / 2 - size;
    return room - size > 0 ? room - size : 0;
}

void gui_box_place(int cx, int cy, int w, int h, int width, int height, int *x, int *y)
{
    *x = box_axis(cx, w, width);
    *y = box_axis(cy, h, height);
}

#define ELLIPSIS "\xe2\x80\xa6"

void gui_fit_text(const char *text, int max_width, gui_measure_fn measure, void *context, char *out,
                  size_t size)
{
    size_t length = strlen(text);
    if (size < sizeof ELLIPSIS) {
        if (size > 0)
            out[0] = '\0';
        return;
    }
    if (length < size && measure(context, text) <= max_width) {
        memcpy(out, text, length + 1);
        return;
    }
    /* The longest prefix (at a character boundary) that fits with "…". */
    size_t keep = length < size - sizeof ELLIPSIS ? length : size - sizeof ELLIPSIS;
    for (;;) {
        while (keep > 0 && ((unsigned char)text[keep] & 0xc0u) == 0x80u)
            keep--; /* inside a UTF-8 sequence */
        memcpy(out, text, keep);
        memcpy(out + keep, ELLIPSIS, sizeof ELLIPSIS);
        if (measure(context, out) <= max_width)
            return;
        if (keep == 0)
            break;
        keep--;
    }
    out[0] = '\0';
}
