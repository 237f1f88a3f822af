/* hvsim new DIR: a ready project of two partitions (sources, XM_CF,
 * CMakeLists.txt using the installed SDK, a scenario) that builds out of
 * hvsim's tree (docs/sdk.md). */
#include "sim/cli/commands.h"
#include "sim/cli/new_template.h"
#include <errno.h>
#include <stdbool.h>
#include <string.h>
#include <sys/stat.h>

#define PROJECT_MARK "@PROJECT@"
#define MAX_NAME 64

static const struct sim_cli_option new_options[] = {
    {"--name", "NAME", "the project's name (default: the folder's name)"},
    {NULL, NULL, NULL},
};

const struct sim_cli_spec sim_cmd_new_spec = {
    .command = "new",
    .synopsis = "DIR [--name NAME]",
    .summary = "Write a ready project of two partitions into DIR (a new or empty folder): their "
               "sources, the XM_CF configuration, a CMakeLists.txt that builds them with the "
               "installed SDK, and a scenario that checks them.",
    .options = {new_options},
    .details = "Then: cmake -S DIR -B DIR/build -DCMAKE_PREFIX_PATH=<hvsim's prefix>; cmake "
               "--build DIR/build; (cd DIR/build && ctest). See docs/sdk.md.\n",
};

struct new_args {
    const char *dir;
    const char *name;
};

static int new_option(void *context, const char *name, const char *value)
{
    (void)name; /* --name is the only one */
    ((struct new_args *)context)->name = value;
    return 0;
}

static int new_operand(void *context, const char *text)
{
    struct new_args *a = context;
    if (a->dir)
        return sim_cli_error(&sim_cmd_new_spec, "unexpected argument %s", text);
    a->dir = text;
    return 0;
}

/* A name CMake and XM_CF both take as it is. */
static bool valid_name(const char *name)
{
    size_t length = strlen(name);
    if (length == 0 || length >= MAX_NAME || !(name[0] >= 'A' && name[0] <= 'z'))
        return false;
    return strspn(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") ==
           length;
}

/* The folder's last component ("work/demo/" -> "demo"). */
static void default_name(const char *dir, char *name, size_t size)
{
    size_t end = strlen(dir);
    while (end > 1 && dir[end - 1] == '/')
        end--;
    size_t start = end;
    while (start > 0 && dir[start - 1] != '/')
        start--;
    snprintf(name, size, "%.*s", (int)(end - start), dir + start);
}

static void write_text(FILE *out, const char *text, const char *project)
{
    const char *mark;
    while ((mark = strstr(text, PROJECT_MARK)) != NULL) {
        fwrite(text, 1, (size_t)(mark - text), out);
        fputs(project, out);
        text = mark + strlen(PROJECT_MARK);
    }
    fputs(text, out);
}

static int write_file(const char *dir, const struct sim_new_file *f, const char *project)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, f->name);
    FILE *out = fopen(path, "wx"); /* never over a file of the user's */
    if (!out) {
        fprintf(stderr, "%s: cannot create: %s\n", path, strerror(errno));
        return SIM_EXIT_BAD_INPUT;
    }
    write_text(out, f->text, project);
    if (fclose(out) != 0) {
        fprintf(stderr, "%s: write failed: %s\n", path, strerror(errno));
        return SIM_EXIT_BAD_INPUT;
    }
    return 0;
}

static int write_project(const char *dir, const char *project)
{
    if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
        fprintf(stderr, "%s: cannot create the folder: %s\n", dir, strerror(errno));
        return SIM_EXIT_BAD_INPUT;
    }
    for (unsigned i = 0; i < sim_new_template_count; i++) {
        int status = write_file(dir, &sim_new_template[i], project);
        if (status != 0)
            return status;
    }
    printf("hvsim new: wrote %s (project %s): build it with\n"
           "  cmake -S %s -B %s/build -DCMAKE_PREFIX_PATH=<hvsim's prefix> && cmake --build "
           "%s/build && (cd %s/build && ctest)\n",
           dir, project, dir, dir, dir, dir);
    return 0;
}

int sim_cmd_new(int argc, char **argv)
{
    struct new_args a = {0};
    char name[MAX_NAME + 1];
    int status = sim_cli_parse(&sim_cmd_new_spec, argc, argv, new_option, new_operand, &a);
    if (status != 0)
        return status == SIM_CLI_HELP_SHOWN ? 0 : status;
    if (!a.dir)
        return sim_cli_error(&sim_cmd_new_spec, "usage: hvsim new %s", sim_cmd_new_spec.synopsis);
    if (!a.name) {
        default_name(a.dir, name, sizeof name);
        a.name = name;
    }
    if (!valid_name(a.name))
        return sim_cli_error(&sim_cmd_new_spec,
                             "'%s' cannot name a project (a letter, then letters, digits, _ or "
                             "-; --name NAME)",
                             a.name);
    return write_project(a.dir, a.name);
}
