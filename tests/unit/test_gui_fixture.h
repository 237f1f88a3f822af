/* Tests of gui/: one small system and a known trace. 1 MHz clock (one
 * cycle is one µs), a 1000 µs major frame: Alpha's slot [0, 400), Beta's
 * [500, 900); Alpha writes a queuing message that Beta reads, then takes
 * an HM event (MEM_PROTECTION, HALT) at 200 and halts. Alpha's slot starts
 * 10 µs late. The trace ends at 1000, the start of MAF 1. */
#ifndef TEST_GUI_FIXTURE_H
#define TEST_GUI_FIXTURE_H

#include "gui/model.h"

#define FIX_KHZ 1000u
#define FIX_END 1000u
#define FIX_HM_CYCLE 200u
#define FIX_SLOT0_ACTUAL_START 10u
#define FIX_EXEC0_START 12u

extern const struct hv_config fixture_config;
extern const struct sim_trace_record fixture_records[];
extern const size_t fixture_record_count;

/* The model of the whole fixture trace; fails the test on error. */
void fixture_model(struct gui_model *model);

#endif
