/* gui/: the interaction logic of the window, without SDL: keys and mouse
 * gestures become changes of the view, a selection, or a step request to
 * a live run. window.c only translates SDL events into these calls. */
#ifndef GUI_CONTROL_H
#define GUI_CONTROL_H

#include "gui/view.h"

enum gui_action {
    GUI_ACT_NONE,
    GUI_ACT_ZOOM_IN,  /* + or =, around the cursor */
    GUI_ACT_ZOOM_OUT, /* - */
    GUI_ACT_PAN_LEFT, /* left arrow: earlier times */
    GUI_ACT_PAN_RIGHT,
    GUI_ACT_FIT,     /* f: the whole run (and, live, keep following it) */
    GUI_ACT_NEXT_HM, /* n */
    GUI_ACT_PREV_HM, /* p */
    GUI_ACT_TOGGLE_TICKS,
    GUI_ACT_PAUSE,     /* space: pause / continue a live run */
    GUI_ACT_STEP_SLOT, /* s: live, run until the next slot starts */
    GUI_ACT_STEP_MAF,  /* m: live, run one major frame */
    GUI_ACT_QUIT,
};

enum gui_step { GUI_STEP_NONE, GUI_STEP_SLOT, GUI_STEP_MAF };

struct gui_control {
    struct gui_view view;
    int cursor_x, cursor_y;
    bool dragging;
    int drag_x;
    long selected_slot; /* -1: none */
    bool follow;        /* keep the run's end in view as it grows */
    bool paused;
    bool quit;
    enum gui_step step; /* requested, not yet done */
};

#define GUI_ZOOM_STEP 1.25
#define GUI_PAN_FRACTION 0.1

void gui_control_init(struct gui_control *c, const struct gui_model *model, int width, int height,
                      bool live);
void gui_control_action(struct gui_control *c, const struct gui_model *model,
                        enum gui_action action);
/* Wheel: `clicks` > 0 zooms in around the cursor. */
void gui_control_wheel(struct gui_control *c, int clicks);
void gui_control_press(struct gui_control *c, const struct gui_model *model, int x, int y);
void gui_control_motion(struct gui_control *c, int x, int y);
void gui_control_release(struct gui_control *c);
/* After the model grew (live): keep the end in view when following. */
void gui_control_follow(struct gui_control *c, const struct gui_model *model);
/* The window changed size: keep start and zoom. */
void gui_control_resize(struct gui_control *c, const struct gui_model *model, int width,
                        int height);

#endif
