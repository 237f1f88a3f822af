/* hvsim view TRACE [--png OUT.png [--from T] [--to T] [--size WxH]]: a
 * recorded trace on the timeline (gui/cli.h, which holds its spec). */
#include "gui/cli.h"
#include "sim/cli/commands.h"
#include <stdio.h>

int sim_cmd_view(int argc, char **argv)
{
    return sim_exit_status(gui_cli_view(argc, argv, stderr));
}
