/* sim/config: pass 2's first step, hvsim's extension elements in XM_CF
 * (this one, and <hvsim:Policy>, parse_policy.c),
 *   <hvsim:Simulator xmlns:hvsim="urn:hvsim" board="xm-leon3">
 *     <hvsim:Costs entry="200" hypercall="100" contextSwitch="500" ioAccess="4"/>
 *   </hvsim:Simulator>
 * It lives in its own namespace so that XtratuM's own tools can skip it;
 * the loader moves it into XtratuM's namespace before validation, so the
 * one built-in schema (sim/config/xm_cf.xsd, type Simulator) checks it. */
#include <string.h>

#include "sim/config/schema.h"

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
        if (sim_is_hvsim(n) && (strcmp((const char *)n->name, "Simulator") == 0 ||
                                strcmp((const char *)n->name, "Policy") == 0)) {
            xmlSetNs(n, ns);
            sim_move_subtree(n->children, ns);
        }
    return true;
}
