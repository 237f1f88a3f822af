/* sim/config: pass 2, the built-in XM_CF schema. */
#ifndef SIM_CONFIG_SCHEMA_H
#define SIM_CONFIG_SCHEMA_H

#include <libxml/tree.h>

#include "sim/config/loader.h"

/* Moves <hvsim:Simulator> (our extension, in its own namespace so that
 * XtratuM's tools skip it) into XtratuM's namespace, where the one
 * built-in schema checks it. False when out of memory. */
bool sim_simulator_adopt_namespace(xmlDoc *doc, xmlNode *root);

/* Validates `doc` against the built-in XSD; false when it does not (every
 * schema error is reported). Elements without a namespace are moved into
 * the XtratuM namespace first. */
bool sim_schema_validate(struct sim_loader *ld, xmlDoc *doc);

#endif
