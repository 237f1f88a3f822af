/* gui/: words for what the timeline shows: HM event and action names,
 * hover and click details, the status line. Plain C, no SDL. */
#ifndef GUI_DESCRIBE_H
#define GUI_DESCRIBE_H

#include "gui/view.h"
#include <stddef.h>

/* "MEM_PROTECTION", "HALT": XM_HM_EV_* / XM_HM_AC_* without the prefix. */
const char *gui_hm_event_name(uint32_t event);
const char *gui_hm_action_name(uint32_t action);
/* "hypercall", "HM event", ...: what a trace kind is, in words. */
const char *gui_kind_name(uint32_t kind);

/* Details of a hit, one item a line: for an event its kind, time,
 * partition and arguments; for a slot its planned and actual start and
 * end and the overrun. */
void gui_describe_hit(const struct gui_model *model, struct gui_hit hit, char *buf, size_t size);

/* The MAF in progress at `cycle` (0 before the first). */
uint64_t gui_model_maf_at(const struct gui_model *model, double cycle);

/* "t = 12.346 ms   MAF 3   plan 0" for the cursor at x; "end ..." for
 * the run's end when x is off the plot. */
void gui_status_text(const struct gui_model *model, const struct gui_view *view, int x, char *buf,
                     size_t size);

#endif
