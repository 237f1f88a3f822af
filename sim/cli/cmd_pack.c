/* hvsim pack build -h CORE[:CONFIG] -p ID:PART.xef[:CUSTOM.xef]* ... OUT
 * hvsim pack list [-c] FILE
 * XM-Q's xmpack (docs/xef.md): a container of the hypervisor, its
 * configuration (the XM_CF as a custom-file XEF) and the partitions with
 * their custom files; with CONFIG, every image and custom file is checked
 * against its partition's memory areas. */
#include "sim/cli/commands.h"
#include "sim/xef/xef_tool.h"
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PACK_MAX_PARTS 64

static const struct sim_cli_option pack_options[] = {
    {"-h", "CORE.xef[:CONFIG.xef]",
     "build: the hypervisor's XEF and, optionally, the XM_CF as a custom-file XEF "
     "(hvsim xef build -m xm_cf.xml), which every partition is checked against"},
    {"-p", "ID:PART.xef[:CUSTOM.xef]...",
     "build: partition ID's image and up to 3 custom files, in its image header's slots"},
    {"-c", NULL, "list: verify every file of the container as a XEF too"},
    {NULL, NULL, NULL},
};

const struct sim_cli_spec sim_cmd_pack_spec = {
    .command = "pack",
    .synopsis = "build -h CORE.xef[:CONFIG.xef] -p ID:PART.xef[:CUSTOM.xef]... OUT | "
                "list [-c] FILE",
    .summary = "Make and list XtratuM containers, as XM-Q's xmpack: the hypervisor, its "
               "configuration and every partition with its custom files, each a XEF file.",
    .options = {pack_options},
    .details = "As in xmpack, -h names the hypervisor after build (hvsim pack -h and --help "
               "show this help). With "
               "CONFIG, each partition image must fit the partition's memory areas and each "
               "custom file its slot (docs/xef.md). The container is byte for byte xmpack's.\n",
};

/* "A:B:C" split in place at ':' into at most `max` fields. */
static int split_fields(char *text, char **fields, int max)
{
    int n = 0;
    for (char *save = NULL, *f = strtok_r(text, ":", &save); f != NULL;
         f = strtok_r(NULL, ":", &save)) {
        if (n == max)
            return -1;
        fields[n++] = f;
    }
    return n;
}

static bool pack_part(char *text, bool core, struct sim_pack_part *part)
{
    char *fields[5];
    int n = split_fields(text, fields, core ? 2 : 5);
    int first = core ? 0 : 1;
    if (n < first + 1)
        return false;
    if (!core) {
        char *end;
        long id = strtol(fields[0], &end, 10);
        if (*end != '\0' || id < 0 || id > 1023)
            return false;
        part->id = (int32_t)id;
    }
    part->image = fields[first];
    for (int i = first + 1; i < n; i++)
        part->custom_files[part->custom_file_count++] = fields[i];
    return true;
}

static int pack_build_command(int argc, char **argv)
{
    static struct sim_pack_part parts[PACK_MAX_PARTS];
    uint32_t count = 1;
    bool have_core = false;
    int opt;
    memset(parts, 0, sizeof(parts));
    parts[0].id = -1;
    optind = 1;
    opterr = 0;
    while ((opt = getopt(argc, argv, "+h:p:")) != -1) {
        if (opt == 'h' && !have_core) {
            have_core = true;
            if (!pack_part(optarg, true, &parts[0]))
                return sim_usage_error("-h expects CORE.xef[:CONFIG.xef], got ", optarg);
        } else if (opt == 'p' && count < PACK_MAX_PARTS) {
            if (!pack_part(optarg, false, &parts[count++]))
                return sim_usage_error("-p expects ID:PART.xef[:CUSTOM.xef]... (up to 3 custom "
                                       "files), got ",
                                       optarg);
        } else {
            return sim_cli_error(&sim_cmd_pack_spec,
                                 "bad or repeated option; see hvsim pack --help");
        }
    }
    if (!have_core)
        return sim_usage_error("pack build needs the hypervisor: -h CORE.xef[:CONFIG.xef]", NULL);
    if (argc - optind != 1)
        return sim_usage_error("pack build needs exactly one output file", NULL);
    return sim_exit_status(sim_pack_build(parts, count, argv[optind], stdout, stderr));
}

static int pack_list_command(int argc, char **argv)
{
    bool check = argc == 3 && strcmp(argv[1], "-c") == 0;
    if (argc != 2 + check)
        return sim_usage_error("usage: hvsim pack list [-c] FILE", NULL);
    return sim_exit_status(sim_pack_list(argv[argc - 1], check, stdout, stderr));
}

int sim_cmd_pack(int argc, char **argv)
{
    /* Not sim_cli_parse: after "build", -h is xmpack's hypervisor option. */
    bool help = argc > 0 && strcmp(argv[0], "build") != 0 && strcmp(argv[argc - 1], "-h") == 0;
    for (int i = 0; i < argc; i++)
        help = help || strcmp(argv[i], "--help") == 0;
    if (help) {
        sim_cli_help(&sim_cmd_pack_spec, stdout);
        return 0;
    }
    if (argc < 1)
        return sim_usage_error("pack needs a command: build or list", NULL);
    if (strcmp(argv[0], "build") == 0)
        return pack_build_command(argc, argv);
    if (strcmp(argv[0], "list") == 0)
        return pack_list_command(argc, argv);
    return sim_usage_error("unknown pack command ", argv[0]);
}
