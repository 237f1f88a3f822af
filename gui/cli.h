/* gui/: the GUI's part of the hvsim command line and its use of a
 * simulated machine:
 *   hvsim run ... --gui                  the run in a window, as it happens
 *   hvsim run ... --png OUT.png          the run's timeline as an image
 *   [--from T] [--to T] [--size WxH]     the image's range and size
 *   hvsim view TRACE [--png OUT.png ...] a recorded trace file (gui/cli_view.c)
 * T is a time with a unit (ns, us, ms, s; µs when none): 1.5ms, 250us. */
#ifndef GUI_CLI_H
#define GUI_CLI_H

#include "gui/export.h"
#include "sim/machine.h"
#include <stdbool.h>
#include <stdio.h>

struct gui_cli {
    bool live;
    const char *png_path;
    struct gui_image_options image;
};

/* When argv[*i] is one of the GUI's options: parse it (and its value,
 * moving *i past it) and return 1, or print one line and return -1 when
 * its value is bad. 0 when the option is not the GUI's. */
int gui_cli_option(struct gui_cli *cli, int argc, char **argv, int *i);

/* Whether the run must keep its trace records (sim_options.keep_trace). */
bool gui_cli_wants_trace(const struct gui_cli *cli);

/* Run `machine` live in a window until major frame `mafs` starts or the
 * window closes. */
enum sim_error gui_cli_live(struct sim_machine *machine, const struct hv_config *config,
                            uint64_t mafs, FILE *diag);
/* Write the timeline of the run so far as cli->png_path. */
enum sim_error gui_cli_png(const struct gui_cli *cli, const struct sim_machine *machine,
                           const struct hv_config *config, FILE *diag);

/* hvsim view TRACE [--gui] [--png OUT.png [--from T] [--to T] [--size WxH]]:
 * a recorded trace file in the window (read-only) or as an image (no
 * display needed); without --png, the window. Problems with the file are
 * one line `TRACE: message` on diag, with SIM_ERR_IO; bad options
 * SIM_ERR_USAGE. */
enum sim_error gui_cli_view(int argc, char **argv, FILE *diag);

/* "1.5ms" → 1500000 ns; false when it is not a time. */
bool gui_parse_time_ns(const char *text, uint64_t *ns);

#endif
