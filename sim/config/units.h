/* sim/config: parsers for the XM_CF unit syntax (attribute values). They only say
 * whether and why a value was rejected; the config loader turns that into a
 * `file:line: message` because only it knows which attribute was read. */
#ifndef SIM_UNITS_H
#define SIM_UNITS_H

#include <stdbool.h>
#include <stdint.h>

enum sim_unit_status {
    SIM_UNIT_OK = 0,
    SIM_UNIT_SYNTAX,   /* does not match the unit's pattern */
    SIM_UNIT_RANGE,    /* matches, but the value does not fit */
    SIM_UNIT_FRACTION, /* matches, but is not a whole number of the base unit */
};

/* Time `[0-9]+(.[0-9]+)?([mu]?[sS])`, e.g. "500us", "10ms", "1.5s", in µs. */
enum sim_unit_status sim_unit_time_us(const char *text, uint64_t *out);

/* Size `[0-9]+(.[0-9]+)?([MK]?B)`, KB = 1024 B, MB = 1024 KB, in bytes. */
enum sim_unit_status sim_unit_size(const char *text, uint64_t *out);

/* Frequency `[0-9]+(.[0-9]+)?([MK][Hh]z)`, e.g. "80MHz", in kHz. */
enum sim_unit_status sim_unit_freq_khz(const char *text, uint64_t *out);

/* Hexadecimal `0x[0-9a-fA-F]+`, at most 32 bits. */
enum sim_unit_status sim_unit_hex(const char *text, uint32_t *out);

/* Boolean `yes|no|true|false`. */
enum sim_unit_status sim_unit_bool(const char *text, bool *out);

/* Decimal id `[0-9]+`, at most 32 bits. */
enum sim_unit_status sim_unit_id(const char *text, uint32_t *out);

#endif
