/* xal printf core (see format.h). Integers are converted without 64-bit
 * division where possible: LEON3 divides 32 bits in hardware, 64-bit division
 * is a software loop (libgcc.c), so decimal output peels 9 digits at a time. */
#include "format.h"

#include <stdint.h>

enum {
    FL_LEFT = 1,
    FL_ZERO = 2,
    FL_PLUS = 4,
    FL_SPACE = 8,
    FL_ALT = 16,
};

/* Length modifiers, widest last. */
enum len { LEN_NONE, LEN_HH, LEN_H, LEN_L, LEN_LL, LEN_Z, LEN_J, LEN_T };

struct spec {
    unsigned flags;
    int width;
    int prec; /* -1: none */
    enum len len;
    char conv;
};

/* Largest output of one integer: 64 bits in octal is 22 digits. */
#define DIGITS_MAX 24

static void put(struct xal_sink *s, char c)
{
    if (s->pos == s->cap && s->flush != NULL) {
        s->flush(s);
    }
    if (s->pos < s->cap) {
        s->buf[s->pos++] = c;
    }
    s->total++;
}

static void put_n(struct xal_sink *s, char c, int n)
{
    for (; n > 0; n--) {
        put(s, c);
    }
}

static void put_str(struct xal_sink *s, const char *str, int n)
{
    for (int i = 0; i < n; i++) {
        put(s, str[i]);
    }
}

static int parse_int(const char **p)
{
    int v = 0;
    while (**p >= '0' && **p <= '9') {
        v = v * 10 + (**p - '0');
        (*p)++;
    }
    return v;
}

static const char *parse_flags(const char *p, struct spec *sp)
{
    for (;; p++) {
        switch (*p) {
        case '-':
            sp->flags |= FL_LEFT;
            break;
        case '0':
            sp->flags |= FL_ZERO;
            break;
        case '+':
            sp->flags |= FL_PLUS;
            break;
        case ' ':
            sp->flags |= FL_SPACE;
            break;
        case '#':
            sp->flags |= FL_ALT;
            break;
        default:
            return p;
        }
    }
}

static const char *parse_width(const char *p, struct spec *sp, va_list *ap)
{
    if (*p != '*') {
        sp->width = parse_int(&p);
        return p;
    }
    sp->width = va_arg(*ap, int);
    if (sp->width < 0) {
        sp->flags |= FL_LEFT;
        sp->width = -sp->width;
    }
    return p + 1;
}

static const char *parse_prec(const char *p, struct spec *sp, va_list *ap)
{
    if (*p != '.') {
        sp->prec = -1;
        return p;
    }
    p++;
    if (*p != '*') {
        sp->prec = parse_int(&p);
        return p;
    }
    sp->prec = va_arg(*ap, int);
    if (sp->prec < 0) {
        sp->prec = -1;
    }
    return p + 1;
}

static const char *parse_len(const char *p, struct spec *sp)
{
    switch (*p) {
    case 'h':
        sp->len = p[1] == 'h' ? LEN_HH : LEN_H;
        return p + (p[1] == 'h' ? 2 : 1);
    case 'l':
        sp->len = p[1] == 'l' ? LEN_LL : LEN_L;
        return p + (p[1] == 'l' ? 2 : 1);
    case 'z':
        sp->len = LEN_Z;
        return p + 1;
    case 'j':
        sp->len = LEN_J;
        return p + 1;
    case 't':
        sp->len = LEN_T;
        return p + 1;
    default:
        sp->len = LEN_NONE;
        return p;
    }
}

/* Parses one conversion after the '%'; returns where the format goes on. */
static const char *parse_spec(const char *p, struct spec *sp, va_list *ap)
{
    sp->flags = 0;
    p = parse_flags(p, sp);
    p = parse_width(p, sp, ap);
    p = parse_prec(p, sp, ap);
    p = parse_len(p, sp);
    sp->conv = *p;
    return *p != '\0' ? p + 1 : p;
}

static long long get_signed(enum len len, va_list *ap)
{
    switch (len) {
    case LEN_HH:
        return (signed char)va_arg(*ap, int);
    case LEN_H:
        return (short)va_arg(*ap, int);
    case LEN_L:
        return va_arg(*ap, long);
    case LEN_LL:
        return va_arg(*ap, long long);
    case LEN_Z:
    case LEN_T:
        return va_arg(*ap, ptrdiff_t);
    case LEN_J:
        return va_arg(*ap, intmax_t);
    default:
        return va_arg(*ap, int);
    }
}

static unsigned long long get_unsigned(enum len len, va_list *ap)
{
    switch (len) {
    case LEN_HH:
        return (unsigned char)va_arg(*ap, unsigned);
    case LEN_H:
        return (unsigned short)va_arg(*ap, unsigned);
    case LEN_L:
        return va_arg(*ap, unsigned long);
    case LEN_LL:
        return va_arg(*ap, unsigned long long);
    case LEN_Z:
    case LEN_T:
        return va_arg(*ap, size_t);
    case LEN_J:
        return va_arg(*ap, uintmax_t);
    default:
        return va_arg(*ap, unsigned);
    }
}

/* Writes the digits of v backwards ending at end; returns the first one. */
static char *digits_pow2(char *end, unsigned long long v, unsigned shift, int upper)
{
    const char *set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    unsigned mask = (1u << shift) - 1;
    do {
        *--end = set[(unsigned)v & mask];
        v >>= shift;
    } while (v != 0);
    return end;
}

static char *digits_u32(char *end, uint32_t v)
{
    do {
        *--end = (char)('0' + v % 10);
        v /= 10;
    } while (v != 0);
    return end;
}

static char *digits_dec(char *end, unsigned long long v)
{
    while (v > UINT32_MAX) {
        uint32_t chunk = (uint32_t)(v % 1000000000u);
        char *start = digits_u32(end, chunk);
        v /= 1000000000u;
        while (end - start < 9) {
            *--start = '0';
        }
        end = start;
    }
    return digits_u32(end, (uint32_t)v);
}

/* Pads and emits prefix, leading zeros, digits as the flags say. */
static void emit_number(struct xal_sink *s, const struct spec *sp, const char *prefix,
                        const char *digits, int ndigits)
{
    int plen = 0;
    while (prefix[plen] != '\0') {
        plen++;
    }
    int zeros = sp->prec > ndigits ? sp->prec - ndigits : 0;
    int pad = sp->width - plen - zeros - ndigits;
    if (pad > 0 && (sp->flags & FL_ZERO) && !(sp->flags & FL_LEFT) && sp->prec < 0) {
        zeros += pad;
        pad = 0;
    }
    if (!(sp->flags & FL_LEFT)) {
        put_n(s, ' ', pad);
    }
    put_str(s, prefix, plen);
    put_n(s, '0', zeros);
    put_str(s, digits, ndigits);
    if (sp->flags & FL_LEFT) {
        put_n(s, ' ', pad);
    }
}

static void format_int(struct xal_sink *s, struct spec *sp, unsigned long long v, const char *sign)
{
    char buf[DIGITS_MAX];
    char *end = buf + sizeof buf;
    char *first;
    const char *prefix = sign;
    switch (sp->conv) {
    case 'x':
    case 'X':
        first = digits_pow2(end, v, 4, sp->conv == 'X');
        if ((sp->flags & FL_ALT) && v != 0) {
            prefix = sp->conv == 'X' ? "0X" : "0x";
        }
        break;
    case 'o':
        first = digits_pow2(end, v, 3, 0);
        if ((sp->flags & FL_ALT) && v != 0 && sp->prec <= end - first) {
            prefix = "0"; /* '#': the first digit must be a zero */
        }
        break;
    default:
        first = digits_dec(end, v);
        break;
    }
    int ndigits = (int)(end - first);
    if (sp->prec == 0 && v == 0) {
        ndigits = (sp->conv == 'o' && (sp->flags & FL_ALT)) ? 1 : 0;
    }
    emit_number(s, sp, prefix, end - ndigits, ndigits);
}

static const char *sign_of(long long v, unsigned flags)
{
    if (v < 0) {
        return "-";
    }
    if (flags & FL_PLUS) {
        return "+";
    }
    return (flags & FL_SPACE) ? " " : "";
}

static void format_signed(struct xal_sink *s, struct spec *sp, va_list *ap)
{
    long long v = get_signed(sp->len, ap);
    unsigned long long mag = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
    format_int(s, sp, mag, sign_of(v, sp->flags));
}

/* %p: always "0x" and at least 8 hex digits (a 32-bit address in full). */
static void format_pointer(struct xal_sink *s, struct spec *sp, va_list *ap)
{
    uintptr_t v = (uintptr_t)va_arg(*ap, void *);
    char buf[DIGITS_MAX];
    char *end = buf + sizeof buf;
    char *first = digits_pow2(end, v, 4, 0);
    sp->prec = 8;
    emit_number(s, sp, "0x", first, (int)(end - first));
}

static void format_string(struct xal_sink *s, const struct spec *sp, const char *str)
{
    if (str == NULL) {
        str = "(null)";
    }
    int n = 0;
    while (str[n] != '\0' && (sp->prec < 0 || n < sp->prec)) {
        n++;
    }
    int pad = sp->width - n;
    if (!(sp->flags & FL_LEFT)) {
        put_n(s, ' ', pad);
    }
    put_str(s, str, n);
    if (sp->flags & FL_LEFT) {
        put_n(s, ' ', pad);
    }
}

static void format_char(struct xal_sink *s, const struct spec *sp, char c)
{
    if (!(sp->flags & FL_LEFT)) {
        put_n(s, ' ', sp->width - 1);
    }
    put(s, c);
    if (sp->flags & FL_LEFT) {
        put_n(s, ' ', sp->width - 1);
    }
}

static void format_one(struct xal_sink *s, struct spec *sp, va_list *ap)
{
    switch (sp->conv) {
    case 'd':
    case 'i':
        format_signed(s, sp, ap);
        break;
    case 'u':
    case 'x':
    case 'X':
    case 'o':
        format_int(s, sp, get_unsigned(sp->len, ap), "");
        break;
    case 'p':
        format_pointer(s, sp, ap);
        break;
    case 's':
        format_string(s, sp, va_arg(*ap, const char *));
        break;
    case 'c':
        format_char(s, sp, (char)va_arg(*ap, int));
        break;
    case '%':
        put(s, '%');
        break;
    case '\0':
        break;
    default: /* unknown conversion: show it */
        put(s, '%');
        put(s, sp->conv);
        break;
    }
}

int xal_format(struct xal_sink *s, const char *fmt, va_list ap)
{
    va_list args;
    va_copy(args, ap);
    while (*fmt != '\0') {
        if (*fmt != '%') {
            put(s, *fmt++);
            continue;
        }
        struct spec sp;
        fmt = parse_spec(fmt + 1, &sp, &args);
        format_one(s, &sp, &args);
    }
    va_end(args);
    return (int)s->total;
}

int xal_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
    struct xal_sink s = {buf, size > 0 ? size - 1 : 0, 0, 0, NULL};
    int n = xal_format(&s, fmt, ap);
    if (size > 0) {
        buf[s.pos] = '\0';
    }
    return n;
}
