/* sim/config: the XM_CF loader. Reads an XtratuM XML configuration with libxml2,
 * checks it (structure, then semantics) and produces the validated
 * `struct hv_config` that hvcore runs from. This is the only code in the
 * project that includes libxml2. */
#ifndef SIM_CONFIG_LOAD_H
#define SIM_CONFIG_LOAD_H

#include <stdio.h>

#include "hvcore/config.h"
#include "sim/common/sim_error.h"

/* Owns the hv_config and every array behind it. */
struct sim_config;

/* Loads and validates `path`. Every problem found is printed to `diag` (NULL:
 * silently) as one line "path:line: message\n", or "path: message\n" when no
 * line applies (missing file, ...); all problems of the file are reported in
 * one run, so the number of errors is the number of lines printed. Returns
 * SIM_OK and sets *out, or SIM_ERR_IO (unreadable file), SIM_ERR_CONFIG
 * (invalid file) or SIM_ERR_NO_MEMORY and leaves *out NULL. */
enum sim_error sim_config_load(const char *path, FILE *diag, struct sim_config **out);

/* The same from data[0..size) (an XM_CF carried in a container, say);
 * messages name `name` as the file. */
enum sim_error sim_config_load_memory(const char *name, const char *data, size_t size, FILE *diag,
                                      struct sim_config **out);

/* The validated configuration; valid until sim_config_free(). */
const struct hv_config *sim_config_hv(const struct sim_config *c);

/* XM_CF names of health-monitor events and actions: sim/common/xm_names.h. */
#include "sim/common/xm_names.h"

/* hvsim's extension element <hvsim:Simulator xmlns:hvsim="urn:hvsim">
 * (docs/configuration.md): the board and the modelled hypervisor costs a
 * configuration asks for. `given` says which fields the file set. */
enum sim_config_given {
    SIM_GIVEN_BOARD = 1u << 0,
    SIM_GIVEN_ENTRY = 1u << 1,
    SIM_GIVEN_HYPERCALL = 1u << 2,
    SIM_GIVEN_CONTEXT_SWITCH = 1u << 3,
    SIM_GIVEN_IO_ACCESS = 1u << 4,
};
struct sim_config_simulator {
    uint32_t given; /* enum sim_config_given bits */
    char board[HV_NAME_MAX];
    uint32_t entry, hypercall, context_switch, io_access; /* cycles */
};
const struct sim_config_simulator *sim_config_simulator(const struct sim_config *c);

/* Frees everything; NULL is allowed. */
void sim_config_free(struct sim_config *c);

#endif
