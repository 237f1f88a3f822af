/* sim/scenario: the scenario script parser (docs/scenarios.md). One command per
 * line; words, "strings" with \n \t \" \\ escapes, /regular expressions/
 * (after `matches`; elsewhere /a/b is a path);
 * # starts a comment; ${NAME} expands a variable. Every error is
 * "file:line: message" and parsing goes on, so a script shows all its
 * errors at once. */
#define _POSIX_C_SOURCE 200809L
#include "sim/common/files.h"
#include "sim/config/config_load.h"
#include "sim/config/units.h"
#include "sim/scenario/scenario.h"
#include <ctype.h>
#include <errno.h>
#include <regex.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define MAX_TOKENS 12
#define MAX_VARS 32
#define TEXT_MAX 4096

enum token_type { TOKEN_WORD, TOKEN_STRING, TOKEN_REGEX };

struct token {
    enum token_type type;
    char text[TEXT_MAX];
    size_t length;
};

struct parser {
    const char *path;
    FILE *diag;
    int line;
    unsigned errors;
    char names[MAX_VARS][32];
    char values[MAX_VARS][TEXT_MAX];
    unsigned vars;
    struct scn_script *script;
    bool setup_done; /* a run, inject or expect was seen: setup commands are over */
    bool has_config;
};

/* Messages quote the script's text: a control character in it (a "\n" in
 * a string, say) is shown escaped, so that a message stays one line. */
__attribute__((format(printf, 2, 3))) static bool fail(struct parser *p, const char *format, ...)
{
    char text[2 * TEXT_MAX];
    va_list args;
    va_start(args, format);
    vsnprintf(text, sizeof text, format, args);
    va_end(args);
    fprintf(p->diag, "%s:%d: ", p->path, p->line);
    for (const unsigned char *c = (const unsigned char *)text; *c; c++)
        fprintf(p->diag, *c < 0x20 || *c == 0x7f ? "\\x%02x" : "%c", *c);
    fputc('\n', p->diag);
    p->errors++;
    return false;
}

/* --- tokens -------------------------------------------------------------- */

static const char *variable(const struct parser *p, const char *name, size_t length)
{
    for (unsigned i = 0; i < p->vars; i++)
        if (strlen(p->names[i]) == length && strncmp(p->names[i], name, length) == 0)
            return p->values[i];
    return NULL;
}

/* Appends c to t; false when the token is too long. */
static bool put(struct token *t, char c)
{
    if (t->length + 1 >= TEXT_MAX)
        return false;
    t->text[t->length++] = c;
    t->text[t->length] = '\0';
    return true;
}

/* ${NAME} at *s: append its value and move past it. */
static bool expand(struct parser *p, const char **s, struct token *t)
{
    const char *close = strchr(*s, '}');
    const char *value = close ? variable(p, *s + 2, (size_t)(close - *s - 2)) : NULL;
    if (!value)
        return fail(p, "unknown variable %.*s (known: BUILD, SPARC, SCENARIO and those set)",
                    close ? (int)(close - *s + 1) : (int)strcspn(*s, "\r\n"), *s);
    for (; *value; value++)
        if (!put(t, *value))
            return fail(p, "text too long");
    *s = close + 1;
    return true;
}

static char unescape(char c)
{
    return c == 'n' ? '\n' : c == 't' ? '\t' : c == 'r' ? '\r' : c;
}

/* A quoted string or regex from *s (on the opening delimiter). */
static bool delimited(struct parser *p, const char **s, struct token *t, char close)
{
    const char *c = *s + 1;
    for (; *c && *c != close; c++) {
        bool ok;
        if (*c == '$' && c[1] == '{' && close == '"') {
            if (!expand(p, &c, t))
                return false;
            c--;
            continue;
        }
        if (*c == '\\' && c[1] != '\0') {
            c++;
            /* a regex keeps its escapes, except the one for the delimiter */
            ok = close == '/' ? (*c == '/' || put(t, '\\')) && put(t, *c) : put(t, unescape(*c));
        } else {
            ok = put(t, *c);
        }
        if (!ok)
            return fail(p, "text too long");
    }
    if (*c != close)
        return fail(p, close == '"' ? "unterminated string" : "unterminated /regular expression/");
    *s = c + 1;
    return true;
}

static bool word(struct parser *p, const char **s, struct token *t)
{
    while (**s && **s != ' ' && **s != '\t' && **s != '\n' && **s != '\r') {
        if (**s == '$' && (*s)[1] == '{') {
            if (!expand(p, s, t))
                return false;
            continue;
        }
        if (!put(t, *(*s)++))
            return fail(p, "word too long");
    }
    return true;
}

/* A /regular expression/ is only where one is expected, after `matches`:
 * elsewhere a word starting with a slash is an absolute path. */
static bool after_matches(const struct token *tokens, int count)
{
    return count >= 2 && tokens[count - 2].type == TOKEN_WORD &&
           strcmp(tokens[count - 2].text, "matches") == 0;
}

/* Split one line; false (reported) on a bad token. */
static bool tokenize(struct parser *p, const char *s, struct token *tokens, int *count)
{
    *count = 0;
    for (;;) {
        s += strspn(s, " \t\r\n");
        if (*s == '\0' || *s == '#')
            return true;
        if (*count == MAX_TOKENS)
            return fail(p, "too many words on one line");
        struct token *t = &tokens[(*count)++];
        t->length = 0;
        t->text[0] = '\0';
        t->type = *s == '"'                                    ? TOKEN_STRING
                  : *s == '/' && after_matches(tokens, *count) ? TOKEN_REGEX
                                                               : TOKEN_WORD;
        bool ok = t->type == TOKEN_WORD ? word(p, &s, t) : delimited(p, &s, t, *s);
        if (!ok)
            return false;
    }
}

/* --- values -------------------------------------------------------------- */

static bool number(struct parser *p, const struct token *t, const char *what, uint64_t max,
                   uint64_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(t->text, &end, 0);
    if (t->type != TOKEN_WORD || t->text[0] < '0' || t->text[0] > '9' || *end || errno || v > max)
        return fail(p, "%s: expected a number up to %llu, got '%s'", what, (unsigned long long)max,
                    t->text);
    *out = v;
    return true;
}

static bool time_us(struct parser *p, const struct token *t, uint64_t *out)
{
    if (t->type == TOKEN_WORD && sim_unit_time_us(t->text, out) == SIM_UNIT_OK)
        return true;
    return fail(p, "expected a time such as 250ms, 1.5s or 500us, got '%s'", t->text);
}

static char *duplicate(const struct token *t)
{
    char *copy = malloc(t->length + 1);
    if (copy)
        memcpy(copy, t->text, t->length + 1);
    return copy;
}

/* A path relative to the script's folder. */
static char *path_text(struct parser *p, const struct token *t)
{
    if (t->text[0] == '/')
        return duplicate(t);
    size_t size = strlen(p->script->dir) + t->length + 2;
    char *path = malloc(size);
    if (path)
        snprintf(path, size, "%s/%s", p->script->dir, t->text);
    return path;
}

static bool who(struct parser *p, const struct token *t, struct scn_command *c)
{
    if (t->length >= sizeof c->who)
        return fail(p, "partition name too long: '%s'", t->text);
    memcpy(c->who, t->text, t->length + 1);
    return true;
}

static bool arity(struct parser *p, int count, int min, int max, const char *usage)
{
    if (count >= min && count <= max)
        return true;
    return fail(p, "usage: %s", usage);
}

/* --- commands ------------------------------------------------------------ */

static bool setup_command(struct parser *p, struct token *t, int n, struct scn_command *c)
{
    const char *name = t[0].text;
    if (p->setup_done)
        return fail(p, "'%s' must come before the first run, inject or expect", name);
    if (strcmp(name, "config") == 0) {
        c->op = SCN_CONFIG;
        p->has_config = true;
        return arity(p, n, 2, 2, "config FILE") && (c->text = path_text(p, &t[1])) != NULL;
    }
    if (strcmp(name, "image") == 0) {
        c->op = SCN_IMAGE;
        return arity(p, n, 3, 3, "image PARTITION FILE") && who(p, &t[1], c) &&
               (c->text = path_text(p, &t[2])) != NULL;
    }
    if (strcmp(name, "skip") == 0) {
        c->op = SCN_SKIP;
        if (!arity(p, n, 3, 3, "skip qemu \"WHY\""))
            return false;
        if (t[1].type != TOKEN_WORD || strcmp(t[1].text, "qemu") != 0 || t[2].type != TOKEN_STRING)
            return fail(p, "usage: skip qemu \"WHY\" (the engine it cannot run on, and why)");
        memcpy(c->who, "qemu", sizeof "qemu");
        return (c->text = duplicate(&t[2])) != NULL;
    }
    c->op = strcmp(name, "cost") == 0 ? SCN_COST : SCN_BOARD;
    return arity(p, n, 2, 2, c->op == SCN_COST ? "cost NAME=CYCLES[,...]" : "board NAME") &&
           (c->text = duplicate(&t[1])) != NULL;
}

static bool run_command(struct parser *p, struct token *t, int n, struct scn_command *c)
{
    static const char usage[] =
        "run N mafs | run until TIME | run for TIME | run until slot K [of maf M]";
    if (n == 3 && (strcmp(t[2].text, "mafs") == 0 || strcmp(t[2].text, "maf") == 0)) {
        c->op = SCN_RUN_MAFS;
        return number(p, &t[1], "run", 1000000, &c->n1);
    }
    if (n == 3 && strcmp(t[1].text, "until") == 0) {
        c->op = SCN_RUN_UNTIL;
        return time_us(p, &t[2], &c->n1);
    }
    if (n == 3 && strcmp(t[1].text, "for") == 0) {
        c->op = SCN_RUN_FOR;
        return time_us(p, &t[2], &c->n1);
    }
    if ((n == 4 || n == 7) && strcmp(t[1].text, "until") == 0 && strcmp(t[2].text, "slot") == 0) {
        c->op = SCN_RUN_SLOT;
        c->has_n2 = n == 7;
        if (c->has_n2 && (strcmp(t[4].text, "of") != 0 || strcmp(t[5].text, "maf") != 0))
            return fail(p, "usage: %s", usage);
        return number(p, &t[3], "slot", UINT32_MAX, &c->n1) &&
               (!c->has_n2 || number(p, &t[6], "maf", UINT32_MAX, &c->n2));
    }
    return fail(p, "usage: %s", usage);
}

static bool inject_command(struct parser *p, struct token *t, int n, struct scn_command *c)
{
    const char *what = n > 1 ? t[1].text : "";
    if (strcmp(what, "trap") == 0) {
        c->op = SCN_INJECT_TRAP;
        return arity(p, n, 4, 4, "inject trap PARTITION TT") && who(p, &t[2], c) &&
               number(p, &t[3], "trap type", 0xff, &c->n1);
    }
    if (strcmp(what, "irq") == 0) {
        c->op = SCN_INJECT_IRQ;
        return arity(p, n, 3, 3, "inject irq LINE") && number(p, &t[2], "line", 15, &c->n1) &&
               (c->n1 > 0 || fail(p, "IRQ lines are 1..15"));
    }
    if (strcmp(what, "uart") == 0 || strcmp(what, "uart2") == 0) {
        c->op = SCN_INJECT_UART;
        c->n1 = what[4] == '2' ? 2 : 0;
        if (!arity(p, n, 3, 3, "inject uart|uart2 \"TEXT\"") || !(c->text = duplicate(&t[2])))
            return false;
        c->text_length = t[2].length;
        return true;
    }
    if (strcmp(what, "plan") == 0) {
        c->op = SCN_INJECT_PLAN;
        return arity(p, n, 3, 3, "inject plan N") && number(p, &t[2], "plan", 15, &c->n1);
    }
    return fail(p, "usage: inject trap|irq|uart|uart2|plan ...");
}

/* --- regular expressions -------------------------------------------------- */

#define REGEX_BOUND_MAX 255  /* POSIX's RE_DUP_MAX: a larger {n,m} is not portable */
#define REGEX_SIZE_MAX 2000u /* characters, repetitions written out */

/* The count of copies of "{n}", "{n,}" or "{n,m}" at *s (after the brace):
 * the larger bound, n + 1 for {n,}, at least 1; moves past it. A bound
 * over REGEX_BOUND_MAX: REGEX_SIZE_MAX + 1, which refuses the expression. */
static uint64_t regex_bound(const char **s)
{
    char *end;
    unsigned long low = strtoul(*s, &end, 10), high = low + 1;
    if (*end == ',') {
        end++;
        if (isdigit((unsigned char)*end))
            high = strtoul(end, &end, 10);
    } else {
        high = low;
    }
    *s = *end == '}' ? end + 1 : end;
    if (low > REGEX_BOUND_MAX || high > REGEX_BOUND_MAX + 1u)
        return REGEX_SIZE_MAX + 1u;
    return high > low ? high : low > 0 ? low : 1;
}

/* Past a bracket expression ([a-z], []x], [[:digit:]]) at *s (after '['). */
static void regex_skip_class(const char **s)
{
    const char *c = *s + (**s == '^');
    c += *c == ']';
    for (; *c && *c != ']'; c++)
        if (*c == '[' && (c[1] == ':' || c[1] == '.' || c[1] == '=')) {
            const char *close = strchr(c + 2, ']');
            c = close ? close : c + strlen(c) - 1; /* the loop steps past it */
        }
    *s = *c ? c + 1 : c;
}

/* The size of a regular expression with its repetitions written out as
 * glibc's regcomp copies them (a{3} as aaa, a+ as aa*): its time and memory
 * grow with that size, faster than linearly when the copies hold loops, so
 * that /((a{1,100}){1,100}){1,100}/, 27 characters, took 6 s and 1 GB,
 * /a{1,32767}/ 40 s and 8 GB, /a*+++++++++++/ 1 s and 250 MB (each further
 * + four times that) and /(((a*)+)+...)+/, eleven deep, as much. Two
 * repetitions in a row (a*+, a++, a{2}?), which POSIX leaves undefined,
 * are refused outright: REGEX_SIZE_MAX + 1. Stops counting past
 * REGEX_SIZE_MAX. */
static uint64_t regex_size(const char **s, bool in_group)
{
    uint64_t total = 0, last = 0;
    bool repeated = false; /* the last thing read was a repetition */
    while (**s && total <= REGEX_SIZE_MAX) {
        char c = *(*s)++;
        if (c == ')' && in_group)
            return total;
        bool interval = c == '{' && (isdigit((unsigned char)**s) || **s == ','); /* {,m}: glibc's */
        if (interval || c == '+' || c == '*' || c == '?') {
            uint64_t copies = interval ? regex_bound(s) : c == '+' ? 2 : 1;
            if (repeated || copies > REGEX_SIZE_MAX)
                return REGEX_SIZE_MAX + 1u;
            total += last * (copies - 1) + (copies == 1);
            last *= copies;
            repeated = true;
            continue;
        }
        repeated = false;
        if (c == '(') {
            last = regex_size(s, true) + 1;
        } else {
            if (c == '[')
                regex_skip_class(s);
            else if (c == '\\' && **s)
                (*s)++;
            last = 1;
        }
        total += last;
    }
    return total;
}

static bool regex_too_large(const char *text)
{
    const char *s = text;
    return regex_size(&s, false) > REGEX_SIZE_MAX;
}

/* expect console WHO ... and expect stderr ...: `first` is the index of
 * the word after the subject. */
static bool text_expect(struct parser *p, struct token *t, int n, struct scn_command *c, int first)
{
    static const char usage[] = "expect console PARTITION|all | stderr, then \"TEXT\" | file FILE "
                                "| same-as FILE | contains \"TEXT\" | matches /RE/";
    if (n < first + 1 || n > first + 2 || (first == 3 && !who(p, &t[2], c)))
        return fail(p, "usage: %s", usage);
    const struct token *value = &t[n - 1];
    const char *how = n == first + 2 ? t[first].text : "";
    c->match = n == first + 1                 ? SCN_EXACT
               : strcmp(how, "file") == 0     ? SCN_FILE
               : strcmp(how, "contains") == 0 ? SCN_CONTAINS
               : strcmp(how, "matches") == 0  ? SCN_REGEX
               : strcmp(how, "same-as") == 0  ? SCN_SAME
                                              : (enum scn_match) - 1;
    bool names_file = c->match == SCN_FILE || c->match == SCN_SAME;
    if ((int)c->match < 0 || (c->match == SCN_REGEX) != (value->type == TOKEN_REGEX) ||
        (!names_file && c->match != SCN_REGEX && value->type != TOKEN_STRING))
        return fail(p, "usage: %s", usage);
    regex_t re;
    if (c->match == SCN_REGEX && regex_too_large(value->text))
        return fail(p,
                    "regular expression /%s/ too large: a bound over %d, two repetitions in a "
                    "row (a*+), or over %u characters with its repetitions written out",
                    value->text, REGEX_BOUND_MAX, REGEX_SIZE_MAX);
    if (c->match == SCN_REGEX && regcomp(&re, value->text, REG_EXTENDED | REG_NOSUB) != 0)
        return fail(p, "invalid regular expression /%s/", value->text);
    if (c->match == SCN_REGEX)
        regfree(&re);
    c->text = names_file ? path_text(p, value) : duplicate(value);
    c->text_length = value->length;
    return c->text != NULL;
}

static bool action(struct parser *p, const struct token *t, uint64_t *out)
{
    const char *name = strncmp(t->text, "XM_HM_AC_", 9) == 0 ? t->text + 9 : t->text;
    for (uint32_t i = 0; i < XM_HM_MAX_ACTIONS; i++)
        if (strcmp(name, scn_action_name(i)) == 0) {
            *out = i;
            return true;
        }
    return fail(p, "unknown health-monitor action '%s' (XM_HM_AC_HALT, ...)", t->text);
}

/* An HM event by name, with or without XM_HM_EV_, or by number. */
static bool hm_event(struct parser *p, const struct token *t, struct scn_command *c)
{
    const char *name = strncmp(t->text, "XM_HM_EV_", 9) == 0 ? t->text + 9 : t->text;
    uint64_t id = 0; /* number() sets it when it succeeds; gcc -O3 cannot tell */
    c->has_event = true;
    for (uint32_t i = 0; i < XM_HM_MAX_EVENTS; i++)
        if (strcmp(name, sim_hm_event_name(i) + 9) == 0) {
            c->event = i;
            return true;
        }
    if (t->text[0] < '0' || t->text[0] > '9')
        return fail(p, "unknown health-monitor event '%s' (XM_HM_EV_SPARCV8_DIVIDE_EXCEPTION, ...)",
                    t->text);
    if (!number(p, t, "event", XM_HM_MAX_EVENTS - 1, &id))
        return false;
    c->event = (uint32_t)id;
    return true;
}

/* "in maf A" or "in maf A..B" */
static bool window(struct parser *p, const struct token *t, struct scn_command *c)
{
    char *end;
    c->has_window = true;
    c->maf_from = strtoull(t->text, &end, 10);
    c->maf_to = c->maf_from;
    if (end != t->text && strncmp(end, "..", 2) == 0) {
        const char *second = end + 2;
        c->maf_to = strtoull(second, &end, 10);
        if (end == second)
            end = (char *)"x";
    }
    if (end == t->text || *end || c->maf_to < c->maf_from)
        return fail(p, "expected a major frame window A or A..B, got '%s'", t->text);
    return true;
}

static bool hm_expect(struct parser *p, struct token *t, int n, struct scn_command *c)
{
    static const char usage[] =
        "expect hm PARTITION ACTION [event EVENT] [count N] [in maf A[..B]]";
    c->op = SCN_EXPECT_HM;
    if (n < 4 || !who(p, &t[2], c) || !action(p, &t[3], &c->n1))
        return n < 4 ? fail(p, "usage: %s", usage) : false;
    for (int i = 4; i < n;) {
        if (strcmp(t[i].text, "count") == 0 && i + 1 < n) {
            c->has_n2 = true;
            if (!number(p, &t[i + 1], "count", UINT32_MAX, &c->n2))
                return false;
            i += 2;
        } else if (strcmp(t[i].text, "event") == 0 && i + 1 < n) {
            if (!hm_event(p, &t[i + 1], c))
                return false;
            i += 2;
        } else if (strcmp(t[i].text, "in") == 0 && i + 2 < n && strcmp(t[i + 1].text, "maf") == 0) {
            if (!window(p, &t[i + 2], c))
                return false;
            i += 3;
        } else {
            return fail(p, "usage: %s", usage);
        }
    }
    return true;
}

static bool state_expect(struct parser *p, struct token *t, int n, struct scn_command *c)
{
    static const char *const states[] = {"idle", "ready", "suspended", "halted"};
    c->op = SCN_EXPECT_STATE;
    if (!arity(p, n, 4, 4, "expect state PARTITION idle|ready|suspended|halted") ||
        !who(p, &t[2], c))
        return false;
    for (uint64_t i = 0; i < 4; i++)
        if (strcmp(t[3].text, states[i]) == 0) {
            c->n1 = i;
            return true;
        }
    return fail(p, "unknown state '%s' (idle, ready, suspended, halted)", t[3].text);
}

/* "expect plan N [since TIME]" */
static bool plan_expect(struct parser *p, struct token *t, int n, struct scn_command *c)
{
    c->op = SCN_EXPECT_PLAN;
    c->has_n2 = n == 5;
    if ((n != 3 && n != 5) || (c->has_n2 && strcmp(t[3].text, "since") != 0))
        return fail(p, "usage: expect plan N [since TIME]");
    return number(p, &t[2], "plan", UINT32_MAX, &c->n1) &&
           (!c->has_n2 || time_us(p, &t[4], &c->n2));
}

static bool expect_command(struct parser *p, struct token *t, int n, struct scn_command *c)
{
    const char *what = n > 1 ? t[1].text : "";
    if (strcmp(what, "console") == 0) {
        c->op = SCN_EXPECT_CONSOLE;
        return text_expect(p, t, n, c, 3);
    }
    if (strcmp(what, "stderr") == 0) {
        c->op = SCN_EXPECT_STDERR;
        return text_expect(p, t, n, c, 2);
    }
    if (strcmp(what, "hm") == 0)
        return hm_expect(p, t, n, c);
    if (strcmp(what, "state") == 0)
        return state_expect(p, t, n, c);
    if (strcmp(what, "plan") == 0)
        return plan_expect(p, t, n, c);
    if (strcmp(what, "port-writes") == 0 || strcmp(what, "port-reads") == 0) {
        c->op = SCN_EXPECT_PORTS;
        c->n1 = what[5] == 'w' ? HV_TRACE_PORT_WRITE : HV_TRACE_PORT_READ;
        return arity(p, n, 4, 4, "expect port-writes|port-reads PARTITION N") && who(p, &t[2], c) &&
               number(p, &t[3], "count", UINT32_MAX, &c->n2);
    }
    if (strcmp(what, "virqs") == 0) {
        c->op = SCN_EXPECT_PORTS; /* a count of WHO's records of kind n1, as the ports' */
        c->n1 = HV_TRACE_VIRQ_DELIVER;
        return arity(p, n, 4, 4, "expect virqs PARTITION N") && who(p, &t[2], c) &&
               number(p, &t[3], "count", UINT32_MAX, &c->n2);
    }
    if (strcmp(what, "hash") == 0) {
        c->op = SCN_EXPECT_HASH;
        char *end;
        if (!arity(p, n, 3, 3, "expect hash HEX"))
            return false;
        c->n1 = strtoull(t[2].text, &end, 16);
        if (*end || t[2].length == 0)
            return fail(p, "expect hash: expected a hexadecimal hash, got '%s'", t[2].text);
        return true;
    }
    return fail(p,
                "usage: expect console|stderr|hm|state|plan|port-writes|port-reads|virqs|hash ...");
}

static bool set_variable(struct parser *p, struct token *t, int n)
{
    if (!arity(p, n, 3, 3, "set NAME VALUE"))
        return false;
    if (p->vars == MAX_VARS || t[1].length >= sizeof p->names[0])
        return fail(p, "too many variables, or a name too long");
    memcpy(p->names[p->vars], t[1].text, t[1].length + 1);
    memcpy(p->values[p->vars++], t[2].text, t[2].length + 1);
    return true;
}

/* --- the script ------------------------------------------------------------ */

static bool command(struct parser *p, struct token *t, int n, struct scn_command *c)
{
    const char *name = t[0].text;
    if (t[0].type != TOKEN_WORD)
        return fail(p, "a line starts with a command, not a string");
    if (strcmp(name, "config") == 0 || strcmp(name, "image") == 0 || strcmp(name, "cost") == 0 ||
        strcmp(name, "board") == 0 || strcmp(name, "skip") == 0)
        return setup_command(p, t, n, c);
    p->setup_done = true;
    if (strcmp(name, "run") == 0)
        return run_command(p, t, n, c);
    if (strcmp(name, "inject") == 0)
        return inject_command(p, t, n, c);
    if (strcmp(name, "expect") == 0)
        return expect_command(p, t, n, c);
    return fail(p,
                "unknown command '%s' (config, image, cost, board, skip, set, run, inject, expect)",
                name);
}

static bool push(struct parser *p, const struct scn_command *c)
{
    struct scn_script *s = p->script;
    struct scn_command *grown = realloc(s->commands, (s->count + 1) * sizeof *grown);
    if (!grown)
        return fail(p, "out of memory");
    s->commands = grown;
    s->commands[s->count++] = *c;
    return true;
}

static void parse_line(struct parser *p, const char *text)
{
    static struct token tokens[MAX_TOKENS];
    struct scn_command c = {.line = p->line};
    int n;
    if (!tokenize(p, text, tokens, &n) || n == 0)
        return;
    if (strcmp(tokens[0].text, "set") == 0) {
        set_variable(p, tokens, n);
        return;
    }
    if (!command(p, tokens, n, &c) || !push(p, &c))
        free(c.text);
}

/* The default configuration: the folder's xm_cf.xml. */
static void default_config(struct parser *p)
{
    struct token t = {TOKEN_WORD, "xm_cf.xml", 9};
    struct scn_command c = {.op = SCN_CONFIG, .line = 0, .text = path_text(p, &t)};
    if (!c.text || !push(p, &c)) {
        free(c.text);
        return;
    }
    /* the configuration goes first: move it to the front */
    struct scn_script *s = p->script;
    memmove(s->commands + 1, s->commands, (s->count - 1) * sizeof *s->commands);
    s->commands[0] = c;
}

static void define(struct parser *p, const char *name, const char *value)
{
    snprintf(p->names[p->vars], sizeof p->names[0], "%s", name);
    snprintf(p->values[p->vars++], sizeof p->values[0], "%s", value);
}

static char *folder_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? strndup(path, (size_t)(slash - path)) : strdup(".");
}

/* The script read whole first, bounded (sim/common/files.h): a FIFO or
 * /dev/zero neither hangs nor eats memory. */
bool scn_parse(const char *path, const char *build_dir, struct scn_script *script, FILE *diag)
{
    uint8_t *bytes = NULL;
    memset(script, 0, sizeof *script);
    FILE *file =
        sim_file_read_to_stream(path, SIM_FILE_SCRIPT_MAX, "a scenario script", diag, &bytes);
    bool ok = file && scn_parse_stream(path, file, build_dir, script, diag);
    free(bytes); /* scn_parse_stream closed file */
    return ok;
}

bool scn_parse_stream(const char *path, FILE *file, const char *build_dir,
                      struct scn_script *script, FILE *diag)
{
    static struct parser p;
    char sparc[TEXT_MAX], *text = NULL;
    size_t size = 0;
    int open_error = errno; /* when file is NULL, why fopen failed */
    memset(script, 0, sizeof *script);
    p = (struct parser){.path = path, .diag = diag, .script = script};
    script->path = strdup(path);
    script->dir = folder_of(path);
    if (!file || !script->path || !script->dir) {
        fprintf(diag, "%s: %s\n", path, file ? "out of memory" : strerror(open_error));
        if (file)
            fclose(file);
        return false;
    }
    snprintf(sparc, sizeof sparc, "%s/sparc", build_dir);
    define(&p, "BUILD", build_dir);
    define(&p, "SPARC", sparc);
    define(&p, "SCENARIO", script->dir);
    while (getline(&text, &size, file) >= 0) {
        p.line++;
        parse_line(&p, text);
    }
    free(text);
    fclose(file);
    if (!p.has_config) /* also after errors: the checks go on (scn_check) */
        default_config(&p);
    return p.errors == 0;
}

void scn_script_free(struct scn_script *script)
{
    for (size_t i = 0; i < script->count; i++)
        free(script->commands[i].text);
    free(script->commands);
    free(script->path);
    free(script->dir);
    memset(script, 0, sizeof *script);
}
