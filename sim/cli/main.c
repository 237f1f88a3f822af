/* hvsim: the command line. One file per subcommand (sim/cli/cmd_*.c);
 * this one dispatches and owns the usage text and the exit statuses:
 * 0 success, 2 bad input (usage, configuration, image), 3 the simulation
 * itself failed (commands.h). */
#include "sim/cli/commands.h"
#include <stdio.h>
#include <string.h>

static void print_usage(FILE *out)
{
    fputs("usage: hvsim run CONFIG.xml -p ID=IMAGE.elf [-p ID=IMAGE.elf ...] [--mafs N]\n"
          "                  [--cost NAME=CYCLES[,NAME=CYCLES...]] [--board xm-leon3|qemu-leon3]\n"
          "                  [--console FILE] [--prefix] [--uart-in FILE] [--trace FILE] [--hash]\n"
          "                  [--uart2-in FILE] [--uart2-out FILE]\n"
          "       hvsim check CONFIG.xml\n"
          "       hvsim trace FILE [--text OUT|-] [--json OUT|-]\n"
          "       hvsim view TRACE [--png OUT.png [--from T] [--to T] [--size WxH]]\n"
          "       hvsim scenario DIR... [--build-dir DIR] [-j N] [--junit FILE] [--update]\n"
          "       hvsim bench paper [--mafs N] [--case K]... [-j N] [--build-dir DIR]\n"
          "                         [--paper-dir DIR]\n"
          "Images are named per partition id as xmpack does (ID=FILE or ID:FILE).\n"
          "Cost names: entry, hypercall, context-switch, io-access (cycles; see "
          "docs/simulator.md).\n"
          "--prefix starts each console line with its virtual time and writer.\n"
          "--uart-in feeds the console UART (UART1); --uart2-in and --uart2-out are the\n"
          "receive and transmit ends of UART2, the partitions' UART (xm-leon3 only).\n"
          "Timeline: --gui shows the run in a window as it happens; --png OUT.png\n"
          "[--from T] [--to T] [--size WxH] writes it as an image (docs/gui.md).\n"
          "hvsim view shows a trace file written by --trace, in a window or as an image.\n"
          "--trace writes the event trace (docs/trace.md); --hash prints trace hashes per\n"
          "major frame and at the end on standard error.\n",
          out);
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

static const struct {
    const char *name;
    int (*run)(int argc, char **argv);
} commands[] = {
    {"run", sim_cmd_run},   {"check", sim_cmd_check},       {"trace", sim_cmd_trace},
    {"view", sim_cmd_view}, {"scenario", sim_cmd_scenario}, {"bench", sim_cmd_bench},
};

int main(int argc, char **argv)
{
    if (argc < 2) {
        print_usage(stderr);
        return SIM_EXIT_BAD_INPUT;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        if (strcmp(argv[1], commands[i].name) == 0)
            return commands[i].run(argc - 2, argv + 2);
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        print_usage(stdout);
        return 0;
    }
    return sim_usage_error("unknown command ", argv[1]);
}
