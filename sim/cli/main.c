/* hvsim: the command line. One file per subcommand (sim/cli/cmd_*.c);
 * this one dispatches, answers --help, --version and `hvsim help [CMD]`,
 * writes the man page (`hvsim help --man`) from the subcommands' own
 * texts, and owns the exit statuses: 0 success, 2 bad input (usage,
 * configuration, image), 3 the simulation itself failed (commands.h). */
#include "gui/cli.h"
#include "sim/cli/cmd_qemu.h"
#include "sim/cli/commands.h"
#include <stdio.h>
#include <string.h>

static const struct {
    const struct sim_cli_spec *spec;
    int (*run)(int argc, char **argv);
} commands[] = {
    {&sim_cmd_run_spec, sim_cmd_run},
    {&sim_cmd_check_spec, sim_cmd_check},
    {&sim_cmd_trace_spec, sim_cmd_trace},
    {&gui_cli_view_spec, sim_cmd_view},
    {&sim_cmd_scenario_spec, sim_cmd_scenario},
    {&sim_cmd_bench_spec, sim_cmd_bench},
    {&sim_cmd_xef_spec, sim_cmd_xef},
    {&sim_cmd_pack_spec, sim_cmd_pack},
    {&sim_cmd_leon3_image_spec, sim_cmd_leon3_image},
    {&sim_cmd_new_spec, sim_cmd_new},
};
#define COMMAND_COUNT (sizeof commands / sizeof commands[0])

static const char exit_status_text[] =
    "Exit status: 0 success, 2 bad input (command line, configuration, image, script), 3 the "
    "simulation itself failed; hvsim scenario: 1 when a scenario failed.\n";

static void print_usage(FILE *out)
{
    fputs("usage: hvsim COMMAND [ARGUMENT...] [OPTION...]\n"
          "       hvsim help [COMMAND]    hvsim COMMAND --help    hvsim --version\n\n"
          "commands:\n",
          out);
    for (size_t i = 0; i < COMMAND_COUNT; i++)
        fprintf(out, "  %-10s %s %s\n", commands[i].spec->command, commands[i].spec->command,
                commands[i].spec->synopsis);
    fprintf(out, "\n`hvsim COMMAND --help` says what a command does and lists its options.\n%s",
            exit_status_text);
}

int sim_usage_error(const char *message, const char *detail)
{
    fprintf(stderr, "hvsim: %s%s\n", message, detail ? detail : "");
    return SIM_EXIT_BAD_INPUT;
}

int sim_exit_status(enum sim_error error)
{
    switch (error) {
    case SIM_OK:
        return 0;
    case SIM_ERR_CPU:
    case SIM_ERR_NO_MEMORY:
        return SIM_EXIT_SIM_FAILED;
    default:
        return SIM_EXIT_BAD_INPUT;
    }
}

/* hvsim(1), from the same texts as every --help. */
static void print_man_page(FILE *out)
{
    fputs(".TH HVSIM 1 \"\" \"hvsim " HVSIM_VERSION "\" \"User Commands\"\n"
          ".SH NAME\nhvsim \\- run XtratuM\\-style partitioned LEON3 systems on a "
          "deterministic simulator\n.SH SYNOPSIS\n.nf\n",
          out);
    for (size_t i = 0; i < COMMAND_COUNT; i++) {
        fprintf(out, "\\fBhvsim %s\\fR ", commands[i].spec->command);
        sim_cli_man_text(commands[i].spec->synopsis, out);
        fputc('\n', out);
    }
    fputs(".fi\n.SH COMMANDS\nEvery command takes \\fB\\-\\-help\\fR (\\fB\\-h\\fR); "
          "options take their value as \\fB\\-\\-name value\\fR or \\fB\\-\\-name=value\\fR, "
          "short ones also attached (\\fB\\-p0=x.elf\\fR); \\fB\\-\\-\\fR ends the options.\n",
          out);
    for (size_t i = 0; i < COMMAND_COUNT; i++)
        sim_cli_man_section(commands[i].spec, out);
    fputs(".SH EXIT STATUS\n", out);
    sim_cli_man_text(exit_status_text, out);
    fputs(".SH SEE ALSO\nThe documents in docs/ of the hvsim source tree: simulator.md, "
          "configuration.md, scenarios.md, trace.md, gui.md, xal.md.\n",
          out);
}

static int help(int argc, char **argv)
{
    if (argc == 0) {
        print_usage(stdout);
        return 0;
    }
    if (strcmp(argv[0], "--man") == 0) {
        print_man_page(stdout);
        return 0;
    }
    for (size_t i = 0; i < COMMAND_COUNT; i++) {
        if (strcmp(argv[0], commands[i].spec->command) == 0) {
            sim_cli_help(commands[i].spec, stdout);
            return 0;
        }
    }
    return sim_usage_error("help: no command named ", argv[0]);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        print_usage(stderr);
        return SIM_EXIT_BAD_INPUT;
    }
    for (size_t i = 0; i < COMMAND_COUNT; i++) {
        if (strcmp(argv[1], commands[i].spec->command) == 0)
            return commands[i].run(argc - 2, argv + 2);
    }
    if (strcmp(argv[1], "help") == 0)
        return help(argc - 2, argv + 2);
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)
        return help(0, NULL);
    if (strcmp(argv[1], "--version") == 0) {
        puts("hvsim " HVSIM_VERSION);
        return 0;
    }
    return sim_usage_error("unknown command ", argv[1]);
}
