/* sim/common: the names of the partition ABI's numbers (hvcore/include/xm),
 * one table per kind, for every message and export of the simulator: the
 * trace exporters, the timeline's hover text, notices, scenario failures,
 * the XM_CF loader (docs/trace.md, "Names"). A number with no name gives
 * NULL from the *_name functions (except the HM ones, whose callers look
 * names up by comparison) and the word "unknown" from the formatters. */
#ifndef SIM_XM_NAMES_H
#define SIM_XM_NAMES_H

#include <stddef.h>
#include <stdint.h>

/* Health-monitor events and actions (XM-Q numbering); an id out of range
 * gives "unknown HM event" / "unknown HM action". */
const char *sim_hm_event_name(uint32_t event);         /* "XM_HM_EV_SPARCV8_DIVIDE_EXCEPTION" */
const char *sim_hm_action_name(uint32_t action);       /* "XM_HM_AC_HALT" */
const char *sim_hm_event_short_name(uint32_t event);   /* "SPARCV8_DIVIDE_EXCEPTION" */
const char *sim_hm_action_short_name(uint32_t action); /* "HALT" */

/* Hypercalls by number, as libxm names them: "XM_ctrl_object" (ta 0xF0),
 * "XM_sparc_flush_regwin" (ta 0xF1); NULL when unknown. */
const char *sim_hypercall_name(uint32_t nr);
const char *sim_asm_hypercall_name(uint32_t nr);
/* A return code: "XM_INVALID_CONFIG"; NULL for anything but XM_OK and
 * the negative codes (a positive result is a value: bytes, an id). */
const char *sim_xm_result_name(int32_t result);
/* A SPARC V8 trap type, as the notices word it: "division by zero",
 * "interrupt level 5", "hypercall" (ta 0xF0), "software trap" (ta 3). The
 * words are written to out (size >= SIM_TRAP_NAME_MAX). */
#define SIM_TRAP_NAME_MAX 40
const char *sim_trap_name(uint32_t trap_type, char *out, size_t size);
/* A partition's state (hvcore's enum hv_partition_state): "ready"; NULL. */
const char *sim_partition_state_name(uint32_t state);

/* Why the hypercall policy refused a call (hvcore's enum
 * hv_policy_refusal): "call_denied", "object_denied", "target_denied"; NULL. */
const char *sim_policy_refusal_name(uint32_t why);

/* Name and number together, the one spelling of every message:
 * "XM_ctrl_object (13)", "XM_INVALID_CONFIG (-5)", "unknown (99)"; a
 * positive result is its number alone ("12"). */
void sim_format_hypercall(uint32_t nr, char *out, size_t size);
void sim_format_asm_hypercall(uint32_t nr, char *out, size_t size);
void sim_format_xm_result(int32_t result, char *out, size_t size);
void sim_format_hm_event(uint32_t event, char *out, size_t size);
void sim_format_hm_action(uint32_t action, char *out, size_t size);

#endif
