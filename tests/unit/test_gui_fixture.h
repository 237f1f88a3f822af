/* Tests of gui/: one small system and a known trace. 1 MHz clock (one
 * cycle is one µs), a 1000 µs major frame: Alpha's slot [0, 400), Beta's
 * [500, 900); Alpha writes a queuing message that Beta reads, then takes
 * an HM event (MEM_PROTECTION, HALT) at 200 and halts. Alpha's slot starts
 * 10 µs late. Beta prints "ok\n" from 700 to 720. The trace ends at 1000,
 * the start of MAF 1. */
#ifndef TEST_GUI_FIXTURE_H
#define TEST_GUI_FIXTURE_H

#include "gui/model.h"

#define FIX_KHZ 1000u
#define FIX_END 1000u
#define FIX_HM_CYCLE 200u
#define FIX_SLOT0_ACTUAL_START 10u
#define FIX_EXEC0_START 12u
#define FIX_LINE_START 700u
#define FIX_LINE_END 720u

extern const struct hv_config fixture_config;
extern const struct sim_trace_record fixture_records[];
extern const size_t fixture_record_count;

/* The model of the whole fixture trace; fails the test on error. */
void fixture_model(struct gui_model *model);

/* Three frames of the same system where every slot starts 4 µs and ends
 * 3 µs after its planned time (the normal latencies), but Alpha's slot of
 * frame 1 ends FIX_OVERRUN µs later than that, and Beta's slot of frame 2
 * starts FIX_LATE µs later. Slot indexes: frame f, Alpha 2f, Beta 2f + 1. */
#define FIX_OVERRUN 50u
#define FIX_LATE 20u
#define FIX_OVERRUN_SLOT 2u
#define FIX_LATE_SLOT 5u
void fixture_overrun_model(struct gui_model *model);

#endif
