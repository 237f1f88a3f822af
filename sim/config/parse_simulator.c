/* sim/config: pass 3, hvsim's extension element in XM_CF,
 *   <hvsim:Simulator xmlns:hvsim="urn:hvsim" board="xm-leon3">
 *     <hvsim:Costs entry="200" hypercall="100" contextSwitch="500" ioAccess="4"/>
 *   </hvsim:Simulator>
 * read into struct sim_config_simulator (schema_namespace.c moved it into
 * XtratuM's namespace before validation). */
#include "sim/config/parse.h"

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
