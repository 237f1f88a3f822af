/* sim/scenario: a scenario's expectations, checked against the trace so far (and
 * the partitions' states): console text, HM events, states, port
 * messages, the trace hash. Failures are readable lines: what was expected
 * and what happened, a short diff for console text. */
#define _POSIX_C_SOURCE 200809L
#include "sim/common/files.h"
#include "sim/config/config_load.h"
#include "sim/scenario/scenario.h"
#include <errno.h>
#include <inttypes.h>
#include <regex.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

bool scn_report(const char *path, int line, FILE *out, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    fprintf(out, "%s:%d: ", path, line);
    vfprintf(out, format, args);
    fputc('\n', out);
    va_end(args);
    return false;
}

#define report(v, c, out, ...) scn_report((v)->script_path, (c)->line, (out), __VA_ARGS__)

int32_t scn_partition(const struct hv_config *config, const char *who)
{
    char *end;
    if (strcmp(who, "XM") == 0)
        return -1;
    for (uint32_t i = 0; i < config->partition_count; i++)
        if (strcmp(config->partitions[i].name, who) == 0)
            return (int32_t)i;
    unsigned long id = strtoul(who, &end, 10);
    return end != who && *end == '\0' && id < config->partition_count ? (int32_t)id : -2;
}

/* --- console ------------------------------------------------------------- */

/* The console bytes `who` wrote so far (every writer for "all"), malloc'ed. */
static char *console_text(const struct scn_view *v, int32_t id, bool all, size_t *length)
{
    char *text = malloc(v->trace->count + 1);
    size_t n = 0;
    for (size_t i = 0; text && i < v->trace->count; i++) {
        const struct sim_trace_record *r = &v->trace->records[i];
        if (r->kind == SIM_TRACE_CONSOLE && (all || r->partition == id))
            text[n++] = (char)r->a;
    }
    if (text)
        text[n] = '\0';
    *length = n;
    return text;
}

static size_t count_lines(const char *text)
{
    size_t lines = 0;
    for (; *text; text++)
        lines += *text == '\n';
    return lines;
}

/* Line `index` (from 0) of text, as "..." with at most 100 characters
 * from column `from` on (a long line's part where it differs). */
static void line_from(const char *text, size_t index, size_t from, char *out, size_t size)
{
    for (; index > 0 && text; index--) {
        text = strchr(text, '\n');
        text = text ? text + 1 : NULL;
    }
    if (!text || (*text == '\0')) {
        snprintf(out, size, "(no line)");
        return;
    }
    size_t length = strcspn(text, "\n");
    from = from < length ? from : 0;
    snprintf(out, size, "%s\"%.*s\"%s", from ? "..." : "",
             (int)(length - from > 100 ? 100 : length - from), text + from,
             text[length] == '\n' ? "" : " (no newline)");
}

static void line_at(const char *text, size_t index, char *out, size_t size)
{
    line_from(text, index, 0, out, size);
}

/* The line and column (from 0) where a and b first differ. */
static size_t first_difference_line(const char *a, const char *b, size_t *column)
{
    size_t line = 0;
    *column = 0;
    for (; *a && *a == *b; a++, b++) {
        line += *a == '\n';
        *column = *a == '\n' ? 0 : *column + 1;
    }
    return line;
}

/* What a text expectation looks at: "console of WHO", or "stderr". */
static const char *subject(const struct scn_command *c, char *out, size_t size)
{
    if (c->op == SCN_EXPECT_STDERR)
        return "stderr";
    snprintf(out, size, "console of %s", c->who);
    return out;
}

static bool console_diff(const struct scn_view *v, const struct scn_command *c, FILE *out,
                         const char *expected, const char *actual)
{
    char what[HV_NAME_MAX + 16];
    char want[128], got[128];
    size_t column;
    size_t line = first_difference_line(expected, actual, &column);
    size_t from = column > 80 ? column - 40 : 0; /* show where a long line differs */
    line_from(expected, line, from, want, sizeof want);
    line_from(actual, line, from, got, sizeof got);
    bool file = c->match == SCN_FILE || c->match == SCN_SAME;
    report(v, c, out, "%s differs%s%s at line %zu (expected %zu lines, got %zu)",
           subject(c, what, sizeof what), file ? " from " : "", file ? c->text : "", line + 1,
           count_lines(expected), count_lines(actual));
    fprintf(out, "    expected: %s\n    actual:   %s\n", want, got);
    return false;
}

/* text with every time a partition printed ("<digits> us") as "# us",
 * malloc'ed: on an engine whose times differ (scn_view.times_vary) the
 * console text compares without them, as tests/leon3 compares. */
static char *mask_times(const char *text, size_t length, size_t *masked_length)
{
    char *masked = malloc(length + 1);
    size_t n = 0;
    for (size_t i = 0; masked && i < length;) {
        size_t digits = 0;
        while (i + digits < length && text[i + digits] >= '0' && text[i + digits] <= '9')
            digits++;
        bool time = digits > 0 && (i == 0 || text[i - 1] < '0' || text[i - 1] > '9') &&
                    i + digits + 3 <= length && memcmp(text + i + digits, " us", 3) == 0;
        if (time)
            masked[n++] = '#', i += digits;
        else
            masked[n++] = text[i++];
    }
    if (masked)
        masked[n] = '\0';
    *masked_length = n;
    return masked;
}

/* NULL with errno saying why (EFBIG: over SIM_FILE_SCRIPT_MAX). */
static char *read_file(const char *path, size_t *length)
{
    uint8_t *bytes = NULL;
    if (sim_file_read_all(path, SIM_FILE_SCRIPT_MAX, "", NULL, &bytes, length) != SIM_OK)
        return NULL;
    return (char *)bytes;
}

static bool write_file(const char *path, const char *text, size_t length)
{
    FILE *f = fopen(path, "wb");
    bool ok = f && fwrite(text, 1, length, f) == length;
    return (f && fclose(f) == 0) && ok;
}

static bool console_file(const struct scn_view *v, const struct scn_command *c, FILE *out,
                         const char *actual, size_t length)
{
    size_t expected_length;
    if (v->update && c->match == SCN_FILE) {
        if (write_file(c->text, actual, length))
            return true;
        return report(v, c, out, "cannot write %s: %s", c->text, strerror(errno));
    }
    char *expected = read_file(c->text, &expected_length);
    if (expected && v->times_vary) {
        char *raw = expected;
        expected = mask_times(raw, expected_length, &expected_length);
        free(raw);
    }
    if (!expected)
        return report(v, c, out, "cannot read %s: %s (%s)", c->text, strerror(errno),
                      c->match == SCN_FILE ? "--update writes it"
                                           : "the scenario that records it writes it");
    bool same = expected_length == length && memcmp(expected, actual, length) == 0;
    if (!same)
        console_diff(v, c, out, expected, actual);
    free(expected);
    return same;
}

/* text as a one-line "string" (escapes as in scripts), cut at ~100 characters. */
static const char *quoted(const char *text, char *out, size_t size)
{
    size_t n = 0;
    out[n++] = '"';
    for (; *text && n + 6 < size; text++) {
        const char *escape = *text == '\n'   ? "\\n"
                             : *text == '\t' ? "\\t"
                             : *text == '"'  ? "\\\""
                             : *text == '\\' ? "\\\\"
                                             : NULL;
        if (escape)
            n += (size_t)snprintf(out + n, size - n, "%s", escape);
        else
            out[n++] = *text;
    }
    snprintf(out + n, size - n, "%s\"", *text ? "..." : "");
    return out;
}

/* How much a partition wrote, for a search that failed: "3 lines so far,
 * the last \"...\"" (a line without its newline yet counts). */
static void console_so_far(const char *actual, char *out, size_t size)
{
    size_t lines = count_lines(actual) + (*actual && actual[strlen(actual) - 1] != '\n');
    char last[128];
    if (lines == 0) {
        snprintf(out, size, "nothing written so far");
        return;
    }
    line_at(actual, lines - 1, last, sizeof last);
    snprintf(out, size, "%zu line%s so far, the last %s", lines, lines == 1 ? "" : "s", last);
}

static bool console_match(const struct scn_view *v, const struct scn_command *c, FILE *out,
                          const char *actual, size_t length)
{
    regex_t re;
    bool found = false;
    switch (c->match) {
    case SCN_EXACT:
        return (length == c->text_length && memcmp(actual, c->text, length) == 0) ||
               console_diff(v, c, out, c->text, actual);
    case SCN_FILE:
    case SCN_SAME:
        return console_file(v, c, out, actual, length);
    case SCN_CONTAINS:
        found = strstr(actual, c->text) != NULL;
        break;
    case SCN_REGEX:
        if (regcomp(&re, c->text, REG_EXTENDED | REG_NOSUB | REG_NEWLINE) != 0)
            return report(v, c, out, "invalid regular expression /%s/", c->text);
        found = regexec(&re, actual, 0, NULL, 0) == 0;
        regfree(&re);
        break;
    }
    if (!found) {
        char text[128], so_far[192], what[HV_NAME_MAX + 16];
        console_so_far(actual, so_far, sizeof so_far);
        if (c->match == SCN_REGEX)
            report(v, c, out, "%s has no line matching /%s/ (%s)", subject(c, what, sizeof what),
                   c->text, so_far);
        else
            report(v, c, out, "%s does not contain %s (%s)", subject(c, what, sizeof what),
                   quoted(c->text, text, sizeof text), so_far);
    }
    return found;
}

/* The expected text of an exact or contains match, masked as the actual. */
static bool console_masked(const struct scn_view *v, const struct scn_command *c, FILE *out,
                           const char *actual, size_t length)
{
    if (c->match != SCN_EXACT && c->match != SCN_CONTAINS)
        return console_match(v, c, out, actual, length); /* a file is masked as it is read */
    struct scn_command masked = *c;
    masked.text = mask_times(c->text, c->text_length, &masked.text_length);
    if (!masked.text)
        return report(v, c, out, "out of memory");
    bool ok = console_match(v, &masked, out, actual, length);
    free(masked.text);
    return ok;
}

static bool expect_console(const struct scn_view *v, const struct scn_command *c, FILE *out)
{
    bool all = strcmp(c->who, "all") == 0;
    int32_t id = all ? -1 : scn_partition(v->config, c->who);
    size_t length;
    if (id == -2)
        return report(v, c, out, "no partition named '%s'", c->who);
    char *actual = console_text(v, id, all, &length);
    if (actual && v->times_vary && c->match != SCN_REGEX) {
        char *raw = actual;
        actual = mask_times(raw, length, &length);
        free(raw);
    }
    if (!actual)
        return report(v, c, out, "out of memory");
    bool ok = v->times_vary ? console_masked(v, c, out, actual, length)
                            : console_match(v, c, out, actual, length);
    free(actual);
    return ok;
}

/* What hvsim run would have printed on stderr so far: notices and fault
 * reports, compared as they are (the qemu engine skips it). */
static bool expect_stderr(const struct scn_view *v, const struct scn_command *c, FILE *out)
{
    if (!v->stderr_text)
        return report(v, c, out, "no stderr here");
    return console_match(v, c, out, v->stderr_text, v->stderr_length);
}

/* --- trace events -------------------------------------------------------- */

const char *scn_action_name(uint32_t action)
{
    return sim_hm_action_short_name(action);
}

/* HM events of id with action c->n1 in c's window; `others` lists the
 * partition's other HM events ("HALT in MAF 2, ..."). */
static uint64_t count_hm(const struct scn_view *v, const struct scn_command *c, int32_t id,
                         char *others, size_t size)
{
    uint64_t count = 0, maf = 0;
    size_t n = 0;
    others[0] = '\0';
    for (size_t i = 0; i < v->trace->count; i++) {
        const struct sim_trace_record *r = &v->trace->records[i];
        maf = r->kind == HV_TRACE_MAF_START ? r->a : maf;
        if (r->kind != HV_TRACE_HM_EVENT || r->partition != id)
            continue;
        bool in_window = !c->has_window || (maf >= c->maf_from && maf <= c->maf_to);
        bool event = !c->has_event || r->a == c->event;
        if (r->b == c->n1 && in_window && event)
            count++;
        else if (n < size)
            n += (size_t)snprintf(others + n, size - n, "%s%s (event %s) in MAF %" PRIu64,
                                  n ? ", " : "", scn_action_name(r->b), sim_hm_event_name(r->a),
                                  maf);
    }
    return count;
}

static bool expect_hm(const struct scn_view *v, const struct scn_command *c, FILE *out)
{
    char others[512], window[64] = "", event[64] = "";
    int32_t id = scn_partition(v->config, c->who);
    if (id == -2)
        return report(v, c, out, "no partition named '%s'", c->who);
    uint64_t count = count_hm(v, c, id, others, sizeof others);
    if (c->has_n2 ? count == c->n2 : count > 0)
        return true;
    if (c->has_window)
        snprintf(window, sizeof window, " in MAF %" PRIu64 "..%" PRIu64, c->maf_from, c->maf_to);
    if (c->has_event)
        snprintf(event, sizeof event, " (event %s)", sim_hm_event_name(c->event));
    char want[32] = "at least 1";
    if (c->has_n2)
        snprintf(want, sizeof want, "%" PRIu64, c->n2);
    return report(v, c, out,
                  "HM events with action %s%s for %s%s: expected %s, got %" PRIu64
                  "; its other HM events: %s",
                  scn_action_name((uint32_t)c->n1), event, c->who, window, want, count,
                  others[0] ? others : "none");
}

static bool expect_ports(const struct scn_view *v, const struct scn_command *c, FILE *out)
{
    int32_t id = scn_partition(v->config, c->who);
    uint64_t count = 0;
    if (id == -2)
        return report(v, c, out, "no partition named '%s'", c->who);
    for (size_t i = 0; i < v->trace->count; i++)
        count += v->trace->records[i].kind == c->n1 && v->trace->records[i].partition == id;
    if (count == c->n2)
        return true;
    const char *what = c->n1 == HV_TRACE_PORT_WRITE  ? "port writes by"
                       : c->n1 == HV_TRACE_PORT_READ ? "port reads by"
                                                     : "virtual IRQs delivered to";
    return report(v, c, out, "%s %s: expected %" PRIu64 ", got %" PRIu64, what, c->who, c->n2,
                  count);
}

static bool expect_state(const struct scn_view *v, const struct scn_command *c, FILE *out)
{
    static const char *const states[] = {"idle", "ready", "suspended", "halted"};
    int32_t id = scn_partition(v->config, c->who);
    if (id < 0)
        return report(v, c, out, "no partition named '%s'", c->who);
    if (!v->hv)
        return report(v, c, out, "no partition states here");
    uint32_t state = v->hv->partitions[id].state;
    if (state == c->n1)
        return true;
    return report(v, c, out, "state of %s: expected %s, got %s", c->who, states[c->n1],
                  state < 4 ? states[state] : "?");
}

/* The plan running now and, with "since", the major frame boundary at
 * which it took over (as XM_get_plan_status's switchTime). */
static bool expect_plan(const struct scn_view *v, const struct scn_command *c, FILE *out)
{
    char since[48] = "";
    if (!v->hv)
        return report(v, c, out, "no plan here");
    const struct hv_sched *s = &v->hv->sched;
    if (s->plan == c->n1 && (!c->has_n2 || s->switch_us == c->n2))
        return true;
    if (c->has_n2)
        snprintf(since, sizeof since, " since %" PRIu64 " us", c->n2);
    if (s->prev_plan < 0)
        return report(v, c, out, "plan: expected %" PRIu64 "%s, got plan %u (no switch so far)",
                      c->n1, since, s->plan);
    return report(v, c, out,
                  "plan: expected %" PRIu64 "%s, got plan %u since %" PRIu64 " us (from plan %d)",
                  c->n1, since, s->plan, s->switch_us, s->prev_plan);
}

static bool expect_hash(const struct scn_view *v, const struct scn_command *c, FILE *out)
{
    uint64_t hash = v->trace->hash;
    if (hash == c->n1)
        return true;
    if (v->update)
        return scn_update_hash(v->script_path, c->line, hash, out);
    return report(v, c, out,
                  "trace hash: expected %016" PRIx64 ", got %016" PRIx64
                  " (after a deliberate change: hvsim scenario --update)",
                  c->n1, hash);
}

bool scn_expect(const struct scn_view *v, const struct scn_command *c, FILE *out)
{
    if (v->trace->out_of_memory)
        return report(v, c, out, "out of memory: the trace was not kept whole");
    switch (c->op) {
    case SCN_EXPECT_CONSOLE:
        return expect_console(v, c, out);
    case SCN_EXPECT_STDERR:
        return expect_stderr(v, c, out);
    case SCN_EXPECT_HM:
        return expect_hm(v, c, out);
    case SCN_EXPECT_STATE:
        return expect_state(v, c, out);
    case SCN_EXPECT_PORTS:
        return expect_ports(v, c, out);
    case SCN_EXPECT_HASH:
        return expect_hash(v, c, out);
    case SCN_EXPECT_PLAN:
        return expect_plan(v, c, out);
    default:
        return report(v, c, out, "not an expectation");
    }
}

/* --- --update of hashes ---------------------------------------------------- */

/* Replace the word after "hash" on line `line` of text with the new hash. */
static bool replace_hash(char *text, size_t length, int line, uint64_t hash, FILE *memory)
{
    char *p = text;
    for (int l = 1; l < line && p; l++) {
        p = memchr(p, '\n', length - (size_t)(p - text));
        p = p ? p + 1 : NULL;
    }
    char *word = p ? strstr(p, "hash") : NULL;
    if (!word)
        return false;
    word += 4;
    word += strspn(word, " \t");
    size_t old = strspn(word, "0123456789abcdefABCDEFx");
    fwrite(text, 1, (size_t)(word - text), memory);
    fprintf(memory, "%016" PRIx64, hash);
    fwrite(word + old, 1, length - (size_t)(word + old - text), memory);
    return true;
}

bool scn_update_hash(const char *path, int line, uint64_t hash, FILE *diag)
{
    size_t length, new_length = 0;
    char *text = read_file(path, &length), *updated = NULL;
    FILE *memory = text ? open_memstream(&updated, &new_length) : NULL;
    bool ok = memory && replace_hash(text, length, line, hash, memory);
    if (memory)
        fclose(memory);
    ok = ok && write_file(path, updated, new_length);
    if (!ok)
        fprintf(diag, "%s:%d: cannot update the hash\n", path, line);
    free(text);
    free(updated);
    return ok;
}
