/* gui/: the GUI's part of the hvsim command line and its use of a
 * simulated machine:
 *   hvsim run ... --gui                  the run in a window, as it happens
 *   hvsim run ... --png OUT.png          the run's timeline as an image
 *   [--from T] [--to T] [--size WxH]     the image's range and size
 *   hvsim view TRACE [--png OUT.png ...] a recorded trace file (gui/cli_view.c)
 * T is a time with its unit (ns, us, µs, ms, s): 1.5ms, 250us; a bare number
 * is refused, as in XM_CF and scenario scripts. */
#ifndef GUI_CLI_H
#define GUI_CLI_H

#include "gui/export.h"
#include "sim/common/cli_options.h"
#include "sim/machine.h"
#include <stdbool.h>
#include <stdio.h>

struct gui_cli {
    bool live;
    const char *png_path;
    struct gui_image_options image;
};

/* The GUI's options, shared by `hvsim run` and `hvsim view` (a group of
 * their sim_cli_spec). */
extern const struct sim_cli_option gui_cli_options[];

/* When name is one of the GUI's options: take it (and its value) and
 * return 1, or print one line and return -1 when the value is bad. 0 when
 * the option is not the GUI's. */
int gui_cli_set(struct gui_cli *cli, const char *name, const char *value);

/* Whether the run must keep its trace records (sim_options.keep_trace). */
bool gui_cli_wants_trace(const struct gui_cli *cli);

/* Run `machine` live in a window until major frame `mafs` starts or the
 * window closes. */
enum sim_error gui_cli_live(struct sim_machine *machine, const struct hv_config *config,
                            uint64_t mafs, FILE *diag);
/* Write the timeline of the run so far as cli->png_path. */
enum sim_error gui_cli_png(const struct gui_cli *cli, const struct sim_machine *machine,
                           const struct hv_config *config, FILE *diag);

/* The command line of `hvsim view`. */
extern const struct sim_cli_spec gui_cli_view_spec;

/* hvsim view TRACE [--gui] [--png OUT.png [--from T] [--to T] [--size WxH]]:
 * a recorded trace file in the window (read-only) or as an image (no
 * display needed); without --png, the window. Problems with the file are
 * one line `TRACE: message` on diag, with SIM_ERR_IO; bad options
 * SIM_ERR_USAGE. */
enum sim_error gui_cli_view(int argc, char **argv, FILE *diag);

/* "1.5ms" → 1500000 ns; false when it is not a time. */
bool gui_parse_time_ns(const char *text, uint64_t *ns);

#endif
