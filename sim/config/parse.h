/* sim/config: pass 3, the walk of a valid XM_CF tree into staging records
 * (loader.h). */
#ifndef SIM_CONFIG_PARSE_H
#define SIM_CONFIG_PARSE_H

#include <libxml/tree.h>

#include "sim/config/loader.h"

/* --- pass 3: the walk (parse.c) ---------------------------------- */

typedef void sim_parse_fn(struct sim_loader *ld, xmlNode *node, void *ctx);

struct sim_child {
    const char *name;
    sim_parse_fn *parse; /* NULL: accepted and not modelled */
};

void sim_parse_children(struct sim_loader *ld, xmlNode *parent, const struct sim_child *table,
                        size_t count, void *ctx);
#define SIM_PARSE_CHILDREN(ld, node, table, ctx)                                                   \
    sim_parse_children((ld), (node), (table), sizeof(table) / sizeof((table)[0]), (ctx))

void sim_parse_root(struct sim_loader *ld, xmlNode *root);

long sim_line(const xmlNode *node);
/* The attribute's value (xmlFree it), or NULL when absent. */
char *sim_attr(xmlNode *node, const char *name);
bool sim_has_attr(xmlNode *node, const char *name);
/* Starts a staging record at `node`'s line. */
void *sim_begin(struct sim_loader *ld, struct sim_vec *v, size_t size, xmlNode *node);

/* How a kind of value is parsed and described in messages. */
struct sim_kind {
    enum sim_unit_status (*parse)(const char *text, uint32_t *out);
    const char *what; /* "is not <what>" */
    const char *base; /* "is not a whole number of <base>" */
};
extern const struct sim_kind sim_kind_time, sim_kind_size, sim_kind_freq, sim_kind_hex, sim_kind_id;

/* Reads an optional value: an absent attribute leaves *out alone. False
 * when the value is invalid, which is reported. */
bool sim_get(struct sim_loader *ld, xmlNode *node, const char *name, const struct sim_kind *kind,
             uint32_t *out);
/* Copies a name attribute; false (reported) when it does not fit. */
bool sim_copy_name(struct sim_loader *ld, xmlNode *node, const char *name, char out[HV_NAME_MAX]);
/* True when the attribute is "yes" or "true". */
bool sim_get_bool(xmlNode *node, const char *name);
/* Reads a space-separated list of decimal numbers into a vec of uint32_t. */
bool sim_get_id_list(struct sim_loader *ld, xmlNode *node, const char *name, struct sim_vec *out);

/* --- the parts with their own file (parse_hm.c, parse_hw.c, parse_ports.c) */

void sim_parse_hm(struct sim_loader *ld, xmlNode *node, void *events /* struct sim_vec */);
void sim_parse_hw_resources(struct sim_loader *ld, xmlNode *node, void *part);
void sim_parse_port_table(struct sim_loader *ld, xmlNode *node, void *part);
void sim_parse_channels(struct sim_loader *ld, xmlNode *node, void *ctx);
/* parse_simulator.c: hvsim's extension element. */
void sim_parse_simulator(struct sim_loader *ld, xmlNode *node, void *ctx);
/* parse_policy.c: hvsim's hypercall policy element. */
void sim_parse_policy(struct sim_loader *ld, xmlNode *node, void *ctx);

#endif
