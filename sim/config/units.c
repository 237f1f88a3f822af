/* sim/config: XM_CF unit parsing. Values are exact: a decimal fraction is accepted
 * only when it names a whole number of the base unit (µs, byte, kHz), since
 * the configuration model has no finer resolution and silently rounding a
 * slot or an area size would hide a mistake in the file. */
#include "sim/config/units.h"

#include <string.h>

/* The longest fraction we can hold exactly in 64 bits (10^19 < 2^64). */
#define SIM_FRAC_DIGITS_MAX 19u

struct sim_number {
    uint64_t whole;
    uint64_t frac; /* significant fraction digits, trailing zeros dropped */
    unsigned frac_digits;
    bool whole_overflow;
};

struct sim_suffix {
    const char *text;
    uint64_t scale; /* base units per suffix unit */
};

static bool sim_is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Accumulates `count` decimal digits; false when they do not fit 64 bits. */
static bool sim_accumulate(const char *digits, size_t count, uint64_t *out)
{
    uint64_t value = 0;
    for (size_t i = 0; i < count; i++) {
        uint64_t digit = (uint64_t)(digits[i] - '0');
        if (value > (UINT64_MAX - digit) / 10u)
            return false;
        value = value * 10u + digit;
    }
    *out = value;
    return true;
}

static size_t sim_digit_run(const char *p)
{
    size_t n = 0;
    while (sim_is_digit(p[n]))
        n++;
    return n;
}

/* Parses the fraction digits after the point; trailing zeros carry no value
 * and are dropped so that "1.500000000000000000000s" is still exact. */
static void sim_parse_fraction(const char *p, size_t count, struct sim_number *n)
{
    while (count > 0 && p[count - 1] == '0')
        count--;
    n->frac_digits = (unsigned)(count > SIM_FRAC_DIGITS_MAX ? SIM_FRAC_DIGITS_MAX + 1 : count);
    n->frac = 0;
    if (count <= SIM_FRAC_DIGITS_MAX)
        (void)sim_accumulate(p, count, &n->frac); /* cannot overflow: < 10^19 */
}

/* Parses `[0-9]+(.[0-9]+)?` at *p and advances *p past it. */
static bool sim_parse_number(const char **p, struct sim_number *n)
{
    size_t whole = sim_digit_run(*p);
    if (whole == 0)
        return false;
    n->whole_overflow = !sim_accumulate(*p, whole, &n->whole);
    *p += whole;
    n->frac = 0;
    n->frac_digits = 0;
    if (**p != '.')
        return true;
    size_t frac = sim_digit_run(*p + 1);
    if (frac == 0)
        return false;
    sim_parse_fraction(*p + 1, frac, n);
    *p += 1 + frac;
    return true;
}

static uint64_t sim_gcd(uint64_t a, uint64_t b)
{
    while (b != 0) {
        uint64_t t = a % b;
        a = b;
        b = t;
    }
    return a;
}

static uint64_t sim_pow10(unsigned digits)
{
    uint64_t p = 1;
    for (unsigned i = 0; i < digits; i++)
        p *= 10u;
    return p;
}

/* whole.frac * scale, exactly. With g = gcd(scale, 10^d), frac * scale / 10^d
 * is whole iff (10^d / g) divides frac, and then it is below `scale`, so
 * only the whole part can overflow. */
static enum sim_unit_status sim_scale(const struct sim_number *n, uint64_t scale, uint64_t *out)
{
    if (n->whole_overflow)
        return SIM_UNIT_RANGE;
    if (n->frac_digits > SIM_FRAC_DIGITS_MAX)
        return SIM_UNIT_FRACTION;
    uint64_t g = sim_gcd(scale, sim_pow10(n->frac_digits));
    uint64_t denominator = sim_pow10(n->frac_digits) / g;
    if (n->frac % denominator != 0)
        return SIM_UNIT_FRACTION;
    uint64_t frac_units = (n->frac / denominator) * (scale / g);
    if (n->whole > (UINT64_MAX - frac_units) / scale)
        return SIM_UNIT_RANGE;
    *out = n->whole * scale + frac_units;
    return SIM_UNIT_OK;
}

/* A number followed by exactly one of `suffixes` (NULL-terminated table). */
static enum sim_unit_status sim_parse_with_suffix(const char *text,
                                                  const struct sim_suffix *suffixes, uint64_t *out)
{
    struct sim_number n = {0};
    const char *p = text;
    if (text == NULL || !sim_parse_number(&p, &n))
        return SIM_UNIT_SYNTAX;
    for (const struct sim_suffix *s = suffixes; s->text != NULL; s++) {
        if (strcmp(p, s->text) == 0)
            return sim_scale(&n, s->scale, out);
    }
    return SIM_UNIT_SYNTAX;
}

enum sim_unit_status sim_unit_time_us(const char *text, uint64_t *out)
{
    static const struct sim_suffix suffixes[] = {
        {"us", 1u},      {"uS", 1u},      {"ms", 1000u}, {"mS", 1000u},
        {"s", 1000000u}, {"S", 1000000u}, {NULL, 0u},
    };
    return sim_parse_with_suffix(text, suffixes, out);
}

enum sim_unit_status sim_unit_size(const char *text, uint64_t *out)
{
    static const struct sim_suffix suffixes[] = {
        {"B", 1u}, {"KB", 1024u}, {"MB", 1024u * 1024u}, {NULL, 0u}};
    return sim_parse_with_suffix(text, suffixes, out);
}

enum sim_unit_status sim_unit_freq_khz(const char *text, uint64_t *out)
{
    static const struct sim_suffix suffixes[] = {
        {"KHz", 1u}, {"Khz", 1u}, {"MHz", 1000u}, {"Mhz", 1000u}, {NULL, 0u}};
    return sim_parse_with_suffix(text, suffixes, out);
}

static int sim_hex_digit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

enum sim_unit_status sim_unit_hex(const char *text, uint32_t *out)
{
    if (text == NULL || text[0] != '0' || text[1] != 'x' || text[2] == '\0')
        return SIM_UNIT_SYNTAX;
    uint64_t value = 0;
    bool overflow = false;
    for (const char *p = text + 2; *p != '\0'; p++) {
        int digit = sim_hex_digit(*p);
        if (digit < 0)
            return SIM_UNIT_SYNTAX;
        value = value * 16u + (uint64_t)digit;
        overflow = overflow || value > UINT32_MAX;
        value &= UINT32_MAX; /* keeps the accumulator bounded; overflow is already noted */
    }
    if (overflow)
        return SIM_UNIT_RANGE;
    *out = (uint32_t)value;
    return SIM_UNIT_OK;
}

enum sim_unit_status sim_unit_bool(const char *text, bool *out)
{
    if (text == NULL)
        return SIM_UNIT_SYNTAX;
    if (strcmp(text, "yes") == 0 || strcmp(text, "true") == 0) {
        *out = true;
        return SIM_UNIT_OK;
    }
    if (strcmp(text, "no") == 0 || strcmp(text, "false") == 0) {
        *out = false;
        return SIM_UNIT_OK;
    }
    return SIM_UNIT_SYNTAX;
}

enum sim_unit_status sim_unit_id(const char *text, uint32_t *out)
{
    if (text == NULL)
        return SIM_UNIT_SYNTAX;
    size_t count = sim_digit_run(text);
    if (count == 0 || text[count] != '\0')
        return SIM_UNIT_SYNTAX;
    uint64_t value;
    if (!sim_accumulate(text, count, &value) || value > UINT32_MAX)
        return SIM_UNIT_RANGE;
    *out = (uint32_t)value;
    return SIM_UNIT_OK;
}
