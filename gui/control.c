/* gui/: interaction logic. */
#include "gui/control.h"

void gui_control_init(struct gui_control *c, const struct gui_model *model, int width, int height,
                      bool live)
{
    *c = (struct gui_control){.cursor_x = -1, .selected_slot = -1, .follow = live};
    gui_view_init(&c->view, model, width, height);
}

static double plot_width(const struct gui_control *c)
{
    return c->view.layout.plot_right - c->view.layout.plot_left;
}

/* Zoom around the cursor when it is over the plot, else the middle. */
static double zoom_x(const struct gui_control *c)
{
    const struct gui_layout *l = &c->view.layout;
    if (c->cursor_x >= l->plot_left && c->cursor_x < l->plot_right)
        return c->cursor_x;
    return l->plot_left + plot_width(c) / 2;
}

static void jump_hm(struct gui_control *c, const struct gui_model *model, int direction)
{
    double middle = gui_view_cycle(&c->view, c->view.layout.plot_left + plot_width(c) / 2);
    long i = gui_model_next_hm(model, middle, direction);
    if (i < 0)
        return;
    gui_view_center(&c->view, (double)model->events[i].cycle);
    c->follow = false;
}

static void view_action(struct gui_control *c, const struct gui_model *model,
                        enum gui_action action)
{
    switch (action) {
    case GUI_ACT_ZOOM_IN:
    case GUI_ACT_ZOOM_OUT:
        gui_view_zoom(&c->view, action == GUI_ACT_ZOOM_IN ? GUI_ZOOM_STEP : 1 / GUI_ZOOM_STEP,
                      zoom_x(c));
        break;
    case GUI_ACT_PAN_LEFT:
    case GUI_ACT_PAN_RIGHT:
        gui_view_pan(&c->view,
                     (action == GUI_ACT_PAN_LEFT ? 1 : -1) * GUI_PAN_FRACTION * plot_width(c));
        c->follow = false;
        break;
    case GUI_ACT_FIT:
        gui_view_fit(&c->view, model);
        c->follow = true;
        break;
    case GUI_ACT_NEXT_HM:
    case GUI_ACT_PREV_HM:
        jump_hm(c, model, action == GUI_ACT_NEXT_HM ? 1 : -1);
        break;
    default:
        break;
    }
}

void gui_control_action(struct gui_control *c, const struct gui_model *model,
                        enum gui_action action)
{
    switch (action) {
    case GUI_ACT_TOGGLE_TICKS:
        c->view.show_ticks = !c->view.show_ticks;
        return;
    case GUI_ACT_PAUSE:
        c->paused = !c->paused;
        return;
    case GUI_ACT_STEP_SLOT:
    case GUI_ACT_STEP_MAF:
        c->paused = true; /* a step stops the run where it lands */
        c->step = action == GUI_ACT_STEP_SLOT ? GUI_STEP_SLOT : GUI_STEP_MAF;
        return;
    case GUI_ACT_QUIT:
        c->quit = true;
        return;
    default:
        view_action(c, model, action);
    }
}

void gui_control_wheel(struct gui_control *c, int clicks)
{
    for (int i = 0; i < (clicks > 0 ? clicks : -clicks); i++)
        gui_view_zoom(&c->view, clicks > 0 ? GUI_ZOOM_STEP : 1 / GUI_ZOOM_STEP, zoom_x(c));
}

/* A press starts a drag; a press on a slot also selects it (a press
 * anywhere else clears the selection). */
void gui_control_press(struct gui_control *c, const struct gui_model *model, int x, int y)
{
    struct gui_hit hit = gui_view_hit(&c->view, model, x, y);
    c->selected_slot = hit.kind == GUI_HIT_SLOT ? (long)hit.index : -1;
    c->dragging = true;
    c->drag_x = x;
}

void gui_control_motion(struct gui_control *c, int x, int y)
{
    if (c->dragging && x != c->drag_x) {
        gui_view_pan(&c->view, x - c->drag_x);
        c->drag_x = x;
        c->follow = false;
    }
    c->cursor_x = x;
    c->cursor_y = y;
}

void gui_control_release(struct gui_control *c)
{
    c->dragging = false;
}

void gui_control_follow(struct gui_control *c, const struct gui_model *model)
{
    if (!c->follow)
        return;
    double end = (double)model->end, right = gui_view_cycle(&c->view, c->view.layout.plot_right);
    if (end > right)
        gui_view_pan(&c->view, -((end - right) / c->view.cycles_per_px + 0.1 * plot_width(c)));
}

void gui_control_resize(struct gui_control *c, const struct gui_model *model, int width, int height)
{
    struct gui_view kept = c->view;
    gui_view_init(&c->view, model, width, height);
    c->view.start = kept.start;
    c->view.cycles_per_px = kept.cycles_per_px;
    c->view.show_ticks = kept.show_ticks;
}
