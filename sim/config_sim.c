/* sim/: hvsim's extension element in XM_CF,
 *   <hvsim:Simulator xmlns:hvsim="urn:hvsim" board="xm-leon3">
 *     <hvsim:Costs entry="200" hypercall="100" contextSwitch="500" ioAccess="4"/>
 *   </hvsim:Simulator>
 * It lives in its own namespace so that XtratuM's own tools can skip it;
 * the loader moves it into XtratuM's namespace before validation, so the
 * one built-in schema (sim/xm_cf.xsd, type Simulator) checks it. */
#include <string.h>

#include "sim/config_internal.h"

static bool sim_is_hvsim(const xmlNode *n)
{
    return n->type == XML_ELEMENT_NODE && n->ns != NULL && n->ns->href != NULL &&
           strcmp((const char *)n->ns->href, SIM_HVSIM_NAMESPACE) == 0;
}

static void sim_move_subtree(xmlNode *node, xmlNs *ns)
{
    for (xmlNode *n = node; n != NULL; n = n->next) {
        if (!sim_is_hvsim(n))
            continue;
        xmlSetNs(n, ns);
        sim_move_subtree(n->children, ns);
    }
}

bool sim_simulator_adopt_namespace(xmlDoc *doc, xmlNode *root)
{
    xmlNs *ns = xmlSearchNsByHref(doc, root, BAD_CAST SIM_XM_NAMESPACE);
    if (ns == NULL)
        return false;
    for (xmlNode *n = root->children; n != NULL; n = n->next)
        if (sim_is_hvsim(n) && strcmp((const char *)n->name, "Simulator") == 0) {
            xmlSetNs(n, ns);
            sim_move_subtree(n->children, ns);
        }
    return true;
}

static void sim_get_cost(struct sim_loader *ld, xmlNode *node, const char *name, uint32_t bit,
                         uint32_t *out)
{
    if (sim_has_attr(node, name) && sim_get(ld, node, name, &sim_kind_id, out))
        ld->simulator.given |= bit;
}

static void sim_parse_costs(struct sim_loader *ld, xmlNode *node, void *ctx)
{
    (void)ctx;
    struct sim_config_simulator *s = &ld->simulator;
    sim_get_cost(ld, node, "entry", SIM_GIVEN_ENTRY, &s->entry);
    sim_get_cost(ld, node, "hypercall", SIM_GIVEN_HYPERCALL, &s->hypercall);
    sim_get_cost(ld, node, "contextSwitch", SIM_GIVEN_CONTEXT_SWITCH, &s->context_switch);
    sim_get_cost(ld, node, "ioAccess", SIM_GIVEN_IO_ACCESS, &s->io_access);
    /* The drivers poll device registers: time must pass while they do. */
    if ((s->given & SIM_GIVEN_IO_ACCESS) && s->io_access == 0)
        sim_report(ld, sim_line(node), "Costs@ioAccess must be at least 1 cycle");
}

void sim_parse_simulator(struct sim_loader *ld, xmlNode *node, void *ctx)
{
    static const struct sim_child children[] = {{"Costs", sim_parse_costs}};
    if (sim_has_attr(node, "board") && sim_copy_name(ld, node, "board", ld->simulator.board))
        ld->simulator.given |= SIM_GIVEN_BOARD;
    SIM_PARSE_CHILDREN(ld, node, children, ctx);
}
