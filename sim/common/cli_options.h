/* sim/common: the command line's conventions, in one place for every
 * subcommand (sim/cli/cmd_*.c) and the GUI's options (gui/cli.c).
 *
 * A subcommand describes itself once (struct sim_cli_spec: synopsis,
 * summary, options with their help, details); from that one text come its
 * --help, `hvsim help CMD` and its section of the man page. The parser
 * follows the usual conventions:
 *   --name VALUE and --name=VALUE     long options
 *   -p VALUE and -pVALUE (-p0=x.elf)  short options (a dash and one letter)
 *   --help or -h anywhere             the help on stdout, exit status 0 (-h
 *                                     only when the command has no -h option)
 *   --                                every argument after it is an operand
 *   -                                 an operand (standard input or output)
 * and reports a problem as one line "hvsim CMD: message" on stderr. It
 * hands each option (by its name in the table, the value separated) and
 * each operand to the subcommand's functions, in command-line order. */
#ifndef SIM_COMMON_CLI_OPTIONS_H
#define SIM_COMMON_CLI_OPTIONS_H

#include <stdio.h>

#define SIM_CLI_EXIT_BAD_INPUT 2 /* the exit status of a usage error */
#define SIM_CLI_HELP_SHOWN (-1)  /* sim_cli_parse printed the help: exit with 0 */
#define SIM_CLI_MAX_GROUPS 4

struct sim_cli_option {
    const char *name;  /* "--mafs", or "-p" for a short option */
    const char *value; /* the value's name in the usage ("N", "FILE"); NULL: a flag */
    const char *help;  /* what it does: the --help and man page text */
};

struct sim_cli_spec {
    const char *command;  /* "run": messages say "hvsim run: ..." */
    const char *synopsis; /* what follows "hvsim run " in the usage line(s) */
    const char *summary;  /* one line: what the command does */
    /* The command's own options, then shared groups (the GUI's), each
     * array ending with an entry whose name is NULL. */
    const struct sim_cli_option *options[SIM_CLI_MAX_GROUPS];
    const char *details; /* paragraphs after the options, or NULL */
};

/* Both return 0 to go on, or an exit status after printing one line. */
typedef int sim_cli_option_fn(void *context, const char *name, const char *value);
typedef int sim_cli_operand_fn(void *context, const char *operand);

/* Parse argv[0..argc) against spec: option(context, name, value) for each
 * option (value NULL for a flag), operand(context, text) for each operand
 * (operand NULL: the command takes none). Returns 0, SIM_CLI_HELP_SHOWN
 * after printing the help on stdout, the first non-zero status of a
 * callback, or SIM_CLI_EXIT_BAD_INPUT after one line on stderr. */
int sim_cli_parse(const struct sim_cli_spec *spec, int argc, char **argv, sim_cli_option_fn *option,
                  sim_cli_operand_fn *operand, void *context);

/* "hvsim CMD: " and the formatted message on stderr, one line; returns
 * SIM_CLI_EXIT_BAD_INPUT. */
int sim_cli_error(const struct sim_cli_spec *spec, const char *format, ...)
    __attribute__((format(printf, 2, 3)));

/* The command's --help text. */
void sim_cli_help(const struct sim_cli_spec *spec, FILE *out);
/* The command's section of the man page (roff, man(7) macros). */
void sim_cli_man_section(const struct sim_cli_spec *spec, FILE *out);
/* The text as man(7) wants it: backslashes and leading dots escaped. */
void sim_cli_man_text(const char *text, FILE *out);

#endif
