/* hvsim xef build [-c] [-p PAYLOAD] [-m] [-o OUT] FILE | check FILE | info FILE
 * XM-Q's xmeformat with the same arguments in the same order (docs/xef.md);
 * `check` exits 2 with one line naming what is wrong. */
#include "sim/cli/commands.h"
#include "sim/xef/xef_tool.h"
#include <stdio.h>
#include <string.h>

static const struct sim_cli_option xef_options[] = {
    {"-c", NULL, "build: compress each segment (LZSS, as xmeformat -c)"},
    {"-p", "PAYLOAD", "build: the 16-byte payload is PAYLOAD's first 16 bytes"},
    {"-m", NULL, "build: FILE is any file, made a custom-file XEF (one segment at 0)"},
    {"-o", "OUT", "build: the output file (default a.out)"},
    {NULL, NULL, NULL},
};

const struct sim_cli_spec sim_cmd_xef_spec = {
    .command = "xef",
    .synopsis = "build [-c] [-p PAYLOAD] [-m] [-o OUT] FILE | check FILE | info FILE",
    .summary = "Make, verify and describe XEF images, as XM-Q's xmeformat: build an ELF "
               "partition image (or any file, -m) into a XEF file, check its digest and "
               "structure, show its header, segments, custom files and payload.",
    .options = {xef_options},
    .details = "build prints the file's MD5 digest (and the payload in hex). check exits 2 "
               "with one line saying what is wrong. The files are byte for byte those of "
               "XM-Q 1.0.8's xmeformat (docs/xef.md).\n",
};

struct xef_args {
    const char *operands[2]; /* the command, FILE */
    int operand_count;
    bool build_option; /* an option only build takes */
    struct sim_xef_build_options build;
};

static int xef_option(void *context, const char *name, const char *value)
{
    struct xef_args *a = context;
    a->build_option = true;
    if (strcmp(name, "-c") == 0)
        a->build.compress = true;
    else if (strcmp(name, "-m") == 0)
        a->build.custom_file = true;
    else if (strcmp(name, "-o") == 0)
        a->build.output = value;
    else
        a->build.payload_path = value;
    return 0;
}

static int xef_operand(void *context, const char *text)
{
    struct xef_args *a = context;
    if (a->operand_count == 2)
        return sim_cli_error(&sim_cmd_xef_spec, "unexpected argument %s", text);
    a->operands[a->operand_count++] = text;
    return 0;
}

int sim_cmd_xef(int argc, char **argv)
{
    struct xef_args a = {.build = {.output = "a.out"}};
    int status = sim_cli_parse(&sim_cmd_xef_spec, argc, argv, xef_option, xef_operand, &a);
    if (status != 0)
        return status == SIM_CLI_HELP_SHOWN ? 0 : status;
    if (a.operand_count != 2)
        return sim_cli_error(&sim_cmd_xef_spec, "needs a command (build, check, info) and a file");
    const char *command = a.operands[0], *file = a.operands[1];
    if (strcmp(command, "build") == 0)
        return sim_exit_status(sim_xef_build(file, &a.build, stdout, stderr));
    if (a.build_option)
        return sim_cli_error(&sim_cmd_xef_spec, "-c, -p, -m and -o are build's options");
    if (strcmp(command, "check") == 0)
        return sim_exit_status(sim_xef_check(file, stdout, stderr));
    if (strcmp(command, "info") == 0)
        return sim_exit_status(sim_xef_info(file, stdout, stderr));
    return sim_cli_error(&sim_cmd_xef_spec, "unknown command %s (build, check, info)", command);
}
