/* sim/: options of a run: defaults, the configuration's extension, the
 * command line. */
#include "sim/setup.h"
#include <errno.h>
#include <hvcore/drivers.h>
#include <stdlib.h>
#include <string.h>

void sim_setup_default_costs(struct sim_costs *costs)
{
    *costs = (struct sim_costs){.entry = SIM_COST_ENTRY_DEFAULT,
                                .hypercall = SIM_COST_HYPERCALL_DEFAULT,
                                .context_switch = SIM_COST_CONTEXT_SWITCH_DEFAULT,
                                .io_access = SIM_COST_IO_ACCESS_DEFAULT};
}

static bool parse_cycles(const char *text, size_t length, uint32_t *value)
{
    char digits[16];
    if (length == 0 || length >= sizeof digits || strspn(text, "0123456789") < length)
        return false;
    memcpy(digits, text, length);
    digits[length] = '\0';
    errno = 0;
    unsigned long long v = strtoull(digits, NULL, 10);
    if (errno != 0 || v > UINT32_MAX)
        return false;
    *value = (uint32_t)v;
    return true;
}

bool sim_setup_parse_image(const char *text, struct sim_image_ref *ref)
{
    const char *sep = strpbrk(text, "=:");
    char id[16];
    if (!sep || sep == text || (size_t)(sep - text) >= sizeof id || sep[1] == '\0' ||
        strspn(text, "0123456789") != (size_t)(sep - text))
        return false;
    memcpy(id, text, (size_t)(sep - text));
    id[sep - text] = '\0';
    errno = 0;
    unsigned long long value = strtoull(id, NULL, 10);
    if (errno != 0 || value >= 1024)
        return false;
    ref->partition = (uint32_t)value;
    ref->path = sep + 1;
    return true;
}

/* One "NAME=CYCLES" of the list, `length` characters long. */
static bool parse_cost(const char *text, size_t length, struct sim_costs *costs)
{
    const struct {
        const char *name;
        uint32_t *field;
    } keys[] = {
        {"entry", &costs->entry},
        {"hypercall", &costs->hypercall},
        {"context-switch", &costs->context_switch},
        {"io-access", &costs->io_access},
    };
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        size_t name_length = strlen(keys[i].name);
        if (length > name_length && strncmp(text, keys[i].name, name_length) == 0 &&
            text[name_length] == '=')
            return parse_cycles(text + name_length + 1, length - name_length - 1, keys[i].field);
    }
    return false;
}

bool sim_setup_parse_costs(const char *text, struct sim_costs *costs)
{
    for (;;) {
        const char *comma = strchr(text, ',');
        size_t length = comma ? (size_t)(comma - text) : strlen(text);
        if (!parse_cost(text, length, costs))
            return false;
        if (!comma)
            return true;
        text = comma + 1;
    }
}

void sim_setup_apply_config(struct sim_options *options, const struct sim_config_simulator *sim)
{
    struct sim_costs *c = &options->costs;
    if (sim->given & SIM_GIVEN_ENTRY)
        c->entry = sim->entry;
    if (sim->given & SIM_GIVEN_HYPERCALL)
        c->hypercall = sim->hypercall;
    if (sim->given & SIM_GIVEN_CONTEXT_SWITCH)
        c->context_switch = sim->context_switch;
    if (sim->given & SIM_GIVEN_IO_ACCESS)
        c->io_access = sim->io_access;
    if (sim->given & SIM_GIVEN_BOARD)
        options->board = hv_board_find(sim->board); /* the schema lists the known ones */
}

enum sim_error sim_setup_load(const char *config_path, FILE *diag, struct sim_config **config,
                              struct sim_options *options)
{
    enum sim_error error = sim_config_load(config_path, diag, config);
    if (error != SIM_OK)
        return error;
    sim_setup_default_costs(&options->costs);
    sim_setup_apply_config(options, sim_config_simulator(*config));
    return SIM_OK;
}
