/* hvsim xef build [-c] [-p PAYLOAD] [-m] [-o OUT] FILE
 * hvsim xef check FILE
 * hvsim xef info FILE
 * XM-Q's xmeformat with the same arguments in the same order (docs/xef.md);
 * `check` exits 2 with one line naming what is wrong. */
#include "sim/cli/commands.h"
#include "sim/xef/xef_tool.h"
#include <getopt.h>
#include <stdio.h>
#include <string.h>

static const char xef_usage[] =
    "usage: hvsim xef build [-c] [-p PAYLOAD] [-m] [-o OUT] FILE\n"
    "       hvsim xef check FILE\n"
    "       hvsim xef info FILE\n"
    "build: an ELF partition image (or, with -m, any file as a custom file) to a\n"
    "XEF file, as XM-Q's xmeformat: -c compresses (LZSS), -p takes the payload from\n"
    "the first 16 bytes of PAYLOAD, -o names the output (default a.out). Prints the\n"
    "file's MD5 digest.\n"
    "check: verifies digest and structure; exit status 2 and the reason if bad.\n"
    "info: header, segments, custom files and payload (docs/xef.md).\n";

static bool wants_help(int argc, char **argv)
{
    for (int i = 0; i < argc; i++)
        if (strcmp(argv[i], "--help") == 0)
            return true;
    return false;
}

/* argv[0] is "build"; getopt treats it as the program name. */
static int xef_build_command(int argc, char **argv)
{
    struct sim_xef_build_options o = {.output = "a.out"};
    int opt;
    optind = 1;
    opterr = 0;
    while ((opt = getopt(argc, argv, "+co:p:m")) != -1) {
        switch (opt) {
        case 'c':
            o.compress = true;
            break;
        case 'm':
            o.custom_file = true;
            break;
        case 'o':
            o.output = optarg;
            break;
        case 'p':
            o.payload_path = optarg;
            break;
        default:
            return sim_usage_error("xef build: unknown option or missing value; see hvsim xef "
                                   "--help",
                                   NULL);
        }
    }
    if (argc - optind != 1)
        return sim_usage_error("xef build needs exactly one input file", NULL);
    return sim_exit_status(sim_xef_build(argv[optind], &o, stdout, stderr));
}

int sim_cmd_xef(int argc, char **argv)
{
    if (wants_help(argc, argv)) {
        fputs(xef_usage, stdout);
        return 0;
    }
    if (argc < 1)
        return sim_usage_error("xef needs a command: build, check or info", NULL);
    if (strcmp(argv[0], "build") == 0)
        return xef_build_command(argc, argv);
    bool check = strcmp(argv[0], "check") == 0;
    if (!check && strcmp(argv[0], "info") != 0)
        return sim_usage_error("unknown xef command ", argv[0]);
    if (argc != 2)
        return sim_usage_error(check ? "xef check needs one file" : "xef info needs one file",
                               NULL);
    enum sim_error error =
        check ? sim_xef_check(argv[1], stdout, stderr) : sim_xef_info(argv[1], stdout, stderr);
    return sim_exit_status(error);
}
