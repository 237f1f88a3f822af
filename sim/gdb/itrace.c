/* sim/gdb: the instruction trace (itrace.h). */
#include "sim/gdb/itrace.h"

#include "cpu/vcpu_debug.h"
#include "sim/clock.h"
#include "sim/gdb/symbols.h"

#include <capstone/capstone.h>
#include <stdlib.h>
#include <string.h>

struct itrace {
    struct sim_itrace_options options;
    struct sim_machine *machine;
    csh capstone;
    struct gdb_symbols *symbols;
};

static bool parse_number(const char *text, const char **end, uint64_t *value)
{
    char *stop;
    *value = strtoull(text, &stop, 0);
    *end = stop;
    return stop != text;
}

bool sim_itrace_parse(const char *text, struct sim_itrace_options *o)
{
    const char *p;
    uint64_t id;
    memset(o, 0, sizeof *o);
    if (!parse_number(text, &p, &id) || id >= HV_MAX_PARTITIONS)
        return false;
    o->partition = (uint32_t)id;
    if (*p == '\0')
        return true;
    o->by_address = strncmp(p + 1, "0x", 2) == 0;
    return *p == ':' && parse_number(p + 1, &p, &o->from) && *p == '-' &&
           parse_number(p + 1, &p, &o->to) && *p == '\0' && o->from < o->to;
}

static bool in_range(const struct itrace *t, uint32_t pc, uint64_t us)
{
    const struct sim_itrace_options *o = &t->options;
    if (o->from == 0 && o->to == 0)
        return true;
    uint64_t at = o->by_address ? pc : us;
    return at >= o->from && at < o->to;
}

static void on_step(struct vcpu *vcpu, const struct vcpu_stop *stop, void *user)
{
    struct itrace *t = user;
    const struct sim_clock *clock = sim_machine_clock(t->machine);
    uint64_t cycle = clock->cycles + stop->cycles;
    struct sim_clock now = *clock;
    now.cycles = cycle;
    if (!in_range(t, stop->pc, sim_clock_us(&now)))
        return;
    uint8_t bytes[4] = {0, 0, 0, 0};
    cs_insn *insn = NULL;
    bool ok = vcpu_read_mem(vcpu, stop->pc, bytes, 4) == VCPU_OK &&
              cs_disasm(t->capstone, bytes, 4, stop->pc, 1, &insn) == 1;
    const char *name = gdb_symbols_function(t->symbols, stop->pc, NULL);
    fprintf(t->options.out, "%u 0x%08x %02x%02x%02x%02x  %-8s %-24s cycle %llu  %s\n",
            t->options.partition, stop->pc, bytes[0], bytes[1], bytes[2], bytes[3],
            ok ? insn->mnemonic : "?", ok ? insn->op_str : "", (unsigned long long)cycle,
            name ? name : "?");
    if (insn)
        cs_free(insn, 1);
}

enum sim_error sim_itrace_attach(struct sim_machine *machine, const struct sim_itrace_options *o)
{
    static struct itrace t;
    struct vcpu *vcpu = sim_machine_vcpu(machine, o->partition);
    if (!vcpu)
        return SIM_ERR_USAGE;
    t.options = *o;
    t.machine = machine;
    if (cs_open(CS_ARCH_SPARC, CS_MODE_BIG_ENDIAN, &t.capstone) != CS_ERR_OK)
        return SIM_ERR_NO_MEMORY;
    t.symbols = o->image ? gdb_symbols_open(o->image) : NULL;
    if (vcpu_debug_enable(vcpu, on_step, NULL, &t) != VCPU_OK)
        return SIM_ERR_NO_MEMORY;
    vcpu_debug_set_step(vcpu, true);
    return SIM_OK;
}
