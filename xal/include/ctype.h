/* xal: <ctype.h>, the character classes XtratuM's XAL gives (isdigit,
 * isspace, isxdigit, isalnum) and the other usual ones, for the "C"
 * locale (ASCII). */
#ifndef XAL_CTYPE_H
#define XAL_CTYPE_H

static inline int isdigit(int c)
{
    return (unsigned)c - '0' < 10u;
}

static inline int islower(int c)
{
    return (unsigned)c - 'a' < 26u;
}

static inline int isupper(int c)
{
    return (unsigned)c - 'A' < 26u;
}

static inline int isalpha(int c)
{
    return islower(c) || isupper(c);
}

static inline int isalnum(int c)
{
    return isalpha(c) || isdigit(c);
}

static inline int isxdigit(int c)
{
    return isdigit(c) || (unsigned)c - 'a' < 6u || (unsigned)c - 'A' < 6u;
}

/* space, \t \n \v \f \r */
static inline int isspace(int c)
{
    return c == ' ' || (unsigned)c - '\t' < 5u;
}

static inline int isprint(int c)
{
    return (unsigned)c - ' ' < 95u;
}

static inline int tolower(int c)
{
    return isupper(c) ? c - 'A' + 'a' : c;
}

static inline int toupper(int c)
{
    return islower(c) ? c - 'a' + 'A' : c;
}

#endif
