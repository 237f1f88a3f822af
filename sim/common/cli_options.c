/* sim/common: the command line's conventions (cli_options.h). */
#include "sim/common/cli_options.h"
#include <stdarg.h>
#include <stdbool.h>
#include <string.h>

#define HELP_COLUMN 26 /* where an option's help starts */
#define HELP_WIDTH 79

int sim_cli_error(const struct sim_cli_spec *spec, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    fprintf(stderr, "hvsim %s: ", spec->command);
    vfprintf(stderr, format, args);
    fputc('\n', stderr);
    va_end(args);
    return SIM_CLI_EXIT_BAD_INPUT;
}

static const struct sim_cli_option *find_option(const struct sim_cli_spec *spec, const char *name,
                                                size_t length)
{
    for (int g = 0; g < SIM_CLI_MAX_GROUPS && spec->options[g]; g++) {
        for (const struct sim_cli_option *o = spec->options[g]; o->name; o++) {
            if (strlen(o->name) == length && strncmp(o->name, name, length) == 0)
                return o;
        }
    }
    return NULL;
}

/* "--help" or "-h" before any "--": the help wins over everything else on
 * the line, mistakes included, as users expect. A command that gives -h a
 * meaning of its own (xmpack's hypervisor image) keeps it. */
static bool wants_help(const struct sim_cli_spec *spec, int argc, char **argv)
{
    bool h_is_help = find_option(spec, "-h", 2) == NULL;
    for (int i = 0; i < argc && strcmp(argv[i], "--") != 0; i++) {
        if (strcmp(argv[i], "--help") == 0 || (h_is_help && strcmp(argv[i], "-h") == 0))
            return true;
    }
    return false;
}

/* The option argv[*i] names, and its value: attached (--name=VALUE,
 * -pVALUE) or the next argument. */
static int take_option(const struct sim_cli_spec *spec, int argc, char **argv, int *i,
                       const struct sim_cli_option **found, const char **value)
{
    const char *arg = argv[*i];
    bool is_long = arg[1] == '-';
    const char *equals = is_long ? strchr(arg, '=') : NULL;
    size_t length = is_long ? (equals ? (size_t)(equals - arg) : strlen(arg)) : 2;
    const struct sim_cli_option *o = find_option(spec, arg, length);
    const char *attached = is_long ? (equals ? equals + 1 : NULL) : (arg[2] ? arg + 2 : NULL);
    if (!o || (!is_long && attached && !o->value))
        return sim_cli_error(spec, "unknown option %.*s", (int)(is_long ? length : strlen(arg)),
                             arg);
    if (!o->value && attached)
        return sim_cli_error(spec, "%s takes no value", o->name);
    if (o->value && !attached && *i + 1 >= argc)
        return sim_cli_error(spec, "%s needs a value (%s)", o->name, o->value);
    *found = o;
    *value = !o->value ? NULL : attached ? attached : argv[++*i];
    return 0;
}

int sim_cli_parse(const struct sim_cli_spec *spec, int argc, char **argv, sim_cli_option_fn *option,
                  sim_cli_operand_fn *operand, void *context)
{
    if (wants_help(spec, argc, argv)) {
        sim_cli_help(spec, stdout);
        return SIM_CLI_HELP_SHOWN;
    }
    bool operands_only = false;
    for (int i = 0; i < argc; i++) {
        const char *arg = argv[i];
        const struct sim_cli_option *o = NULL;
        const char *value = NULL;
        int status;
        if (!operands_only && strcmp(arg, "--") == 0) {
            operands_only = true;
            continue;
        }
        if (operands_only || arg[0] != '-' || arg[1] == '\0')
            status = operand ? operand(context, arg)
                             : sim_cli_error(spec, "unexpected argument %s", arg);
        else if ((status = take_option(spec, argc, argv, &i, &o, &value)) == 0)
            status = option(context, o->name, value);
        if (status != 0)
            return status;
    }
    return 0;
}

/* One line of text from the current column on, wrapped at HELP_WIDTH,
 * continued at indent. */
static void print_wrapped(const char *text, size_t length, int column, int indent, FILE *out)
{
    const char *end = text + length;
    bool first = true;
    while (text < end) {
        size_t word = strcspn(text, " \n");
        if (!first && column + 1 + (int)word > HELP_WIDTH) {
            fprintf(out, "\n%*s", indent, "");
            column = indent;
        } else if (!first) {
            fputc(' ', out);
            column++;
        }
        fprintf(out, "%.*s", (int)word, text);
        column += (int)word;
        text += word;
        text += strspn(text, " ");
        first = false;
    }
    fputc('\n', out);
}

/* Paragraphs: each line of text wrapped. */
static void print_text(const char *text, FILE *out)
{
    while (*text) {
        size_t length = strcspn(text, "\n");
        print_wrapped(text, length, 0, 0, out);
        text += length + (text[length] == '\n');
    }
}

static void print_option(const char *left, const char *help, FILE *out)
{
    int width = fprintf(out, "  %s", left);
    if (width + 2 > HELP_COLUMN)
        fprintf(out, "\n%*s", HELP_COLUMN, "");
    else
        fprintf(out, "%*s", HELP_COLUMN - width, "");
    print_wrapped(help, strlen(help), HELP_COLUMN, HELP_COLUMN, out);
}

/* One "hvsim CMD ..." line per line of the synopsis. */
static void print_synopsis(const struct sim_cli_spec *spec, FILE *out)
{
    const char *line = spec->synopsis;
    for (bool first = true; *line; first = false) {
        size_t length = strcspn(line, "\n");
        fprintf(out, "%s hvsim %s %.*s\n", first ? "usage:" : "      ", spec->command, (int)length,
                line);
        line += length + (line[length] == '\n');
    }
}

void sim_cli_help(const struct sim_cli_spec *spec, FILE *out)
{
    print_synopsis(spec, out);
    fputc('\n', out);
    print_text(spec->summary, out);
    fputs("\noptions:\n", out);
    for (int g = 0; g < SIM_CLI_MAX_GROUPS && spec->options[g]; g++) {
        for (const struct sim_cli_option *o = spec->options[g]; o->name; o++) {
            char left[80];
            snprintf(left, sizeof left, "%s%s%s", o->name, o->value ? " " : "",
                     o->value ? o->value : "");
            print_option(left, o->help, out);
        }
    }
    bool h_is_help = find_option(spec, "-h", 2) == NULL;
    print_option(h_is_help ? "-h, --help" : "--help", "show this help and exit", out);
    if (spec->details) {
        fputc('\n', out);
        print_text(spec->details, out);
    }
}

void sim_cli_man_text(const char *text, FILE *out)
{
    bool line_start = true;
    for (const char *c = text; *c; c++) {
        if (line_start && (*c == '.' || *c == '\''))
            fputs("\\&", out);
        if (*c == '\\')
            fputs("\\e", out);
        else if (*c == '-')
            fputs("\\-", out);
        else
            fputc(*c, out);
        line_start = *c == '\n';
    }
}

/* Paragraphs (blank lines) become .PP. */
static void man_paragraphs(const char *text, FILE *out)
{
    while (*text) {
        const char *end = strstr(text, "\n\n");
        size_t length = end ? (size_t)(end - text) + 1 : strlen(text);
        char paragraph[2048];
        snprintf(paragraph, sizeof paragraph, "%.*s", (int)length, text);
        fputs(".PP\n", out);
        sim_cli_man_text(paragraph, out);
        text += length;
        text += strspn(text, "\n");
    }
}

void sim_cli_man_section(const struct sim_cli_spec *spec, FILE *out)
{
    fprintf(out, ".SS \"hvsim %s\"\n.nf\n", spec->command);
    const char *line = spec->synopsis;
    while (*line) {
        size_t length = strcspn(line, "\n");
        char text[512];
        snprintf(text, sizeof text, "hvsim %s %.*s\n", spec->command, (int)length, line);
        fputs(".B ", out);
        sim_cli_man_text(text, out);
        line += length + (line[length] == '\n');
    }
    fputs(".fi\n.PP\n", out);
    sim_cli_man_text(spec->summary, out);
    fputc('\n', out);
    for (int g = 0; g < SIM_CLI_MAX_GROUPS && spec->options[g]; g++) {
        for (const struct sim_cli_option *o = spec->options[g]; o->name; o++) {
            /* .BI: the name bold, the value's name italic */
            fputs(o->value ? ".TP\n.BI " : ".TP\n.B ", out);
            sim_cli_man_text(o->name, out);
            if (o->value) {
                fputs(" \" ", out);
                sim_cli_man_text(o->value, out);
                fputc('"', out);
            }
            fputc('\n', out);
            sim_cli_man_text(o->help, out);
            fputc('\n', out);
        }
    }
    if (spec->details)
        man_paragraphs(spec->details, out);
}
