/* sim/config: pass 3 of XM_CF loading, the walk of a schema-valid tree into
 * staging records. The schema has already checked structure and value
 * syntax, so the walk only reports what the XSD cannot say: values out of
 * 32-bit range or not a whole number of the base unit, names too long for
 * the model, too many partitions or plans. The HM, hardware-resource and
 * channel elements are read in their own files. */
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "sim/config/parse.h"

long sim_line(const xmlNode *node)
{
    return xmlGetLineNo(node);
}

static const char *sim_name(const xmlNode *node)
{
    return (const char *)node->name;
}

char *sim_attr(xmlNode *node, const char *name)
{
    return (char *)xmlGetNoNsProp(node, BAD_CAST name);
}

bool sim_has_attr(xmlNode *node, const char *name)
{
    return xmlHasNsProp(node, BAD_CAST name, NULL) != NULL;
}

void *sim_begin(struct sim_loader *ld, struct sim_vec *v, size_t size, xmlNode *node)
{
    struct sim_src *src = sim_vec_push(ld, v, size);
    if (src != NULL)
        src->line = sim_line(node);
    return src;
}

/* Children the table does not name cannot occur in a schema-valid tree. */
void sim_parse_children(struct sim_loader *ld, xmlNode *parent, const struct sim_child *table,
                        size_t count, void *ctx)
{
    for (xmlNode *n = parent->children; n != NULL && !ld->out_of_memory; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        for (size_t i = 0; i < count; i++) {
            if (strcmp(table[i].name, sim_name(n)) == 0 && table[i].parse != NULL)
                table[i].parse(ld, n, ctx);
        }
    }
}

/* --- values ------------------------------------------------------------- */

static enum sim_unit_status sim_fit32(enum sim_unit_status status, uint64_t value, uint32_t *out)
{
    if (status == SIM_UNIT_OK && value > UINT32_MAX)
        return SIM_UNIT_RANGE;
    if (status == SIM_UNIT_OK)
        *out = (uint32_t)value;
    return status;
}

static enum sim_unit_status sim_time32(const char *text, uint32_t *out)
{
    uint64_t value = 0;
    enum sim_unit_status status = sim_unit_time_us(text, &value);
    return sim_fit32(status, value, out);
}

static enum sim_unit_status sim_size32(const char *text, uint32_t *out)
{
    uint64_t value = 0;
    enum sim_unit_status status = sim_unit_size(text, &value);
    return sim_fit32(status, value, out);
}

static enum sim_unit_status sim_freq32(const char *text, uint32_t *out)
{
    uint64_t value = 0;
    enum sim_unit_status status = sim_unit_freq_khz(text, &value);
    return sim_fit32(status, value, out);
}

const struct sim_kind sim_kind_time = {sim_time32, "a time (e.g. 500us, 10ms, 1.5s)",
                                       "microseconds"};
const struct sim_kind sim_kind_size = {sim_size32, "a size (e.g. 4096B, 64KB, 1MB)", "bytes"};
const struct sim_kind sim_kind_freq = {sim_freq32, "a frequency (e.g. 50MHz, 800KHz)", "kHz"};
const struct sim_kind sim_kind_hex = {sim_unit_hex, "a hexadecimal number (0x...)", ""};
const struct sim_kind sim_kind_id = {sim_unit_id, "a decimal number", ""};

static void sim_report_value(struct sim_loader *ld, xmlNode *node, const char *name,
                             const char *text, enum sim_unit_status status,
                             const struct sim_kind *kind)
{
    long line = sim_line(node);
    const char *element = sim_name(node);
    if (status == SIM_UNIT_RANGE)
        sim_report(ld, line, "%s@%s '%s' is out of range (32 bits)", element, name, text);
    else if (status == SIM_UNIT_FRACTION)
        sim_report(ld, line, "%s@%s '%s' is not a whole number of %s", element, name, text,
                   kind->base);
    else
        sim_report(ld, line, "%s@%s '%s' is not %s", element, name, text, kind->what);
}

bool sim_get(struct sim_loader *ld, xmlNode *node, const char *name, const struct sim_kind *kind,
             uint32_t *out)
{
    char *text = sim_attr(node, name);
    if (text == NULL)
        return true;
    enum sim_unit_status status = kind->parse(text, out);
    if (status != SIM_UNIT_OK)
        sim_report_value(ld, node, name, text, status, kind);
    xmlFree(text);
    return status == SIM_UNIT_OK;
}

bool sim_copy_name(struct sim_loader *ld, xmlNode *node, const char *name, char out[HV_NAME_MAX])
{
    char *text = sim_attr(node, name);
    if (text == NULL)
        return true;
    size_t length = strlen(text);
    bool fits = length < HV_NAME_MAX;
    if (fits)
        memcpy(out, text, length + 1);
    else
        sim_report(ld, sim_line(node), "%s@%s '%s' is longer than %d bytes", sim_name(node), name,
                   text, HV_NAME_MAX - 1);
    xmlFree(text);
    return fits;
}

bool sim_get_bool(xmlNode *node, const char *name)
{
    char *text = sim_attr(node, name);
    bool value = text != NULL && (strcmp(text, "yes") == 0 || strcmp(text, "true") == 0);
    xmlFree(text);
    return value;
}

static bool sim_is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Calls `fn` on each blank-separated token of the attribute (an XSD list). */
static bool sim_each_token(xmlNode *node, const char *name,
                           bool (*fn)(const char *token, size_t length, void *ctx), void *ctx)
{
    char *text = sim_attr(node, name);
    bool ok = true;
    for (const char *p = text; p != NULL && *p != '\0';) {
        size_t length = 0;
        while (p[length] != '\0' && !sim_is_space(p[length]))
            length++;
        if (length > 0)
            ok = fn(p, length, ctx) && ok;
        p += length + (p[length] != '\0');
    }
    xmlFree(text);
    return ok;
}

struct sim_id_list_ctx {
    struct sim_loader *ld;
    xmlNode *node;
    const char *name;
    struct sim_vec *out;
};

static bool sim_id_token(const char *token, size_t length, void *ctx)
{
    struct sim_id_list_ctx *c = ctx;
    char text[24];
    uint32_t value = 0;
    bool fits = length < sizeof(text);
    snprintf(text, sizeof(text), "%.*s", (int)(fits ? length : sizeof(text) - 1), token);
    if (!fits || sim_unit_id(text, &value) != SIM_UNIT_OK) {
        sim_report(c->ld, sim_line(c->node), "%s@%s '%.*s' is out of range (32 bits)",
                   sim_name(c->node), c->name, (int)length, token);
        return false;
    }
    uint32_t *slot = sim_vec_push(c->ld, c->out, sizeof(uint32_t));
    if (slot != NULL)
        *slot = value;
    return slot != NULL;
}

bool sim_get_id_list(struct sim_loader *ld, xmlNode *node, const char *name, struct sim_vec *out)
{
    struct sim_id_list_ctx ctx = {ld, node, name, out};
    return sim_each_token(node, name, sim_id_token, &ctx);
}

struct sim_flag {
    const char *token;
    uint32_t bit;
};

struct sim_flags_ctx {
    const struct sim_flag *table;
    uint32_t *out;
};

static bool sim_flag_token(const char *token, size_t length, void *ctx)
{
    struct sim_flags_ctx *c = ctx;
    for (const struct sim_flag *f = c->table; f->token != NULL; f++) {
        if (strlen(f->token) == length && strncmp(f->token, token, length) == 0)
            *c->out |= f->bit;
    }
    return true;
}

/* A space-separated list of flag names; the schema has checked them, and
 * "none" is simply not in the tables. */
static void sim_get_flags(xmlNode *node, const char *name, const struct sim_flag *table,
                          uint32_t *out)
{
    struct sim_flags_ctx ctx = {table, out};
    sim_each_token(node, name, sim_flag_token, &ctx);
}

static void sim_get_console(struct sim_loader *ld, xmlNode *node, struct sim_console_ref *ref)
{
    ref->given = sim_has_attr(node, "console");
    ref->line = sim_line(node);
    sim_copy_name(ld, node, "console", ref->name);
}

/* --- hardware ----------------------------------------------------------- */

static void sim_parse_region(struct sim_loader *ld, xmlNode *node, void *ctx)
{
    (void)ctx;
    unsigned before = ld->errors;
    struct sim_region_src *r = sim_begin(ld, &ld->regions, sizeof(*r), node);
    if (r == NULL)
        return;
    char *type = sim_attr(node, "type");
    if (type != NULL && strcmp(type, "stram") == 0)
        r->region.type = HV_REGION_STRAM;
    else if (type != NULL && strcmp(type, "rom") == 0)
        r->region.type = HV_REGION_ROM;
    else
        r->region.type = HV_REGION_SDRAM;
    xmlFree(type);
    sim_get(ld, node, "start", &sim_kind_hex, &r->region.start);
    sim_get(ld, node, "size", &sim_kind_size, &r->region.size);
    r->src.broken = ld->errors != before;
}

static void sim_parse_memory_layout(struct sim_loader *ld, xmlNode *node, void *ctx)
{
    static const struct sim_child children[] = {{"Region", sim_parse_region}};
    SIM_PARSE_CHILDREN(ld, node, children, ctx);
}

static void sim_parse_slot(struct sim_loader *ld, xmlNode *node, void *ctx)
{
    static const struct sim_flag flags[] = {{"periodStart", HV_SLOT_PERIOD_START}, {NULL, 0}};
    struct sim_plan_src *plan = ctx;
    unsigned before = ld->errors;
    struct sim_slot_src *s = sim_begin(ld, &plan->slots, sizeof(*s), node);
    if (s == NULL)
        return;
    sim_get(ld, node, "id", &sim_kind_id, &s->src.id);
    sim_get(ld, node, "start", &sim_kind_time, &s->slot.start_us);
    sim_get(ld, node, "duration", &sim_kind_time, &s->slot.duration_us);
    sim_get(ld, node, "partitionId", &sim_kind_id, &s->slot.partition_id);
    sim_get(ld, node, "vCpuId", &sim_kind_id, &s->slot.vcpu_id);
    sim_get_flags(node, "flags", flags, &s->slot.flags);
    s->slot.id = s->src.id;
    s->src.broken = ld->errors != before;
}

static void sim_parse_plan(struct sim_loader *ld, xmlNode *node, void *ctx)
{
    static const struct sim_child children[] = {{"Slot", sim_parse_slot}};
    (void)ctx;
    if (ld->plans.count == HV_MAX_PLANS) {
        sim_report(ld, sim_line(node), "too many plans (at most %d)", HV_MAX_PLANS);
        return;
    }
    unsigned before = ld->errors;
    struct sim_plan_src *p = sim_begin(ld, &ld->plans, sizeof(*p), node);
    if (p == NULL)
        return;
    sim_get(ld, node, "id", &sim_kind_id, &p->src.id);
    sim_get(ld, node, "majorFrame", &sim_kind_time, &p->plan.major_frame_us);
    sim_copy_name(ld, node, "name", p->plan.name);
    p->plan.id = p->src.id;
    p->src.broken = ld->errors != before;
    SIM_PARSE_CHILDREN(ld, node, children, p);
}

static void sim_parse_plan_table(struct sim_loader *ld, xmlNode *node, void *ctx)
{
    static const struct sim_child children[] = {{"Plan", sim_parse_plan}};
    ld->plan_table_line = sim_line(node);
    SIM_PARSE_CHILDREN(ld, node, children, ctx);
}

static void sim_parse_processor(struct sim_loader *ld, xmlNode *node, void *ctx)
{
    static const struct sim_child children[] = {{"CyclicPlanTable", sim_parse_plan_table}};
    if (++ld->processor_count > 1) {
        sim_report(ld, sim_line(node), "only one <Processor> is supported");
        return;
    }
    uint32_t id = 0;
    if (sim_get(ld, node, "id", &sim_kind_id, &id) && id != 0)
        sim_report(ld, sim_line(node), "processor id %u is out of sequence: it must be 0",
                   (unsigned)id);
    /* Optional, as in XM-Q's schema: without it (cpu_khz 0) the board's
     * clock is the processor's. */
    char *frequency = sim_attr(node, "frequency");
    if (frequency != NULL && sim_get(ld, node, "frequency", &sim_kind_freq, &ld->cpu_khz) &&
        ld->cpu_khz == 0)
        sim_report(ld, sim_line(node), "Processor@frequency must not be zero");
    xmlFree(frequency);
    SIM_PARSE_CHILDREN(ld, node, children, ctx);
}

static void sim_parse_processor_table(struct sim_loader *ld, xmlNode *node, void *ctx)
{
    static const struct sim_child children[] = {{"Processor", sim_parse_processor}};
    SIM_PARSE_CHILDREN(ld, node, children, ctx);
}

static struct sim_device_src *sim_begin_device(struct sim_loader *ld, xmlNode *node,
                                               enum hv_device_type type)
{
    struct sim_device_src *d = sim_begin(ld, &ld->devices, sizeof(*d), node);
    if (d != NULL)
        d->device.type = type;
    return d;
}

static void sim_parse_device(struct sim_loader *ld, xmlNode *node, enum hv_device_type type)
{
    unsigned before = ld->errors;
    struct sim_device_src *d = sim_begin_device(ld, node, type);
    if (d == NULL)
        return;
    sim_copy_name(ld, node, "name", d->device.name);
    sim_get(ld, node, "id", &sim_kind_id, &d->device.id);
    sim_get(ld, node, "baudRate", &sim_kind_id, &d->device.baud_rate);
    sim_get(ld, node, "start", &sim_kind_hex, &d->device.start);
    sim_get(ld, node, "size", &sim_kind_size, &d->device.size);
    d->src.broken = ld->errors != before;
}

static void sim_parse_uart(struct sim_loader *ld, xmlNode *node, void *ctx)
{
    (void)ctx;
    sim_parse_device(ld, node, HV_DEVICE_UART);
}

static void sim_parse_memory_block(struct sim_loader *ld, xmlNode *node, void *ctx)
{
    (void)ctx;
    sim_parse_device(ld, node, HV_DEVICE_MEMORY_BLOCK);
}

static void sim_parse_null(struct sim_loader *ld, xmlNode *node, void *ctx)
{
    (void)ctx;
    sim_parse_device(ld, node, HV_DEVICE_NULL);
}

static void sim_parse_devices(struct sim_loader *ld, xmlNode *node, void *ctx)
{
    static const struct sim_child children[] = {
        {"Uart", sim_parse_uart},
        {"MemoryBlock", sim_parse_memory_block},
        {"Null", sim_parse_null},
    };
    SIM_PARSE_CHILDREN(ld, node, children, ctx);
}

static void sim_parse_hw(struct sim_loader *ld, xmlNode *node, void *ctx)
{
    static const struct sim_child children[] = {
        {"MemoryLayout", sim_parse_memory_layout},
        {"ProcessorTable", sim_parse_processor_table},
        {"Devices", sim_parse_devices},
    };
    SIM_PARSE_CHILDREN(ld, node, children, ctx);
}

/* --- the hypervisor ----------------------------------------------------- */

static void sim_parse_hv_memory(struct sim_loader *ld, xmlNode *node, void *ctx)
{
    (void)ctx;
    sim_get(ld, node, "size", &sim_kind_size, &ld->hv_memory_size);
}

static void sim_parse_watchdog(struct sim_loader *ld, xmlNode *node, void *ctx)
{
    (void)ctx;
    ld->has_watchdog = true;
    sim_get(ld, node, "initialValue", &sim_kind_time, &ld->watchdog_initial_us);
    sim_get(ld, node, "hwReloadValue", &sim_kind_time, &ld->watchdog_reload_us);
}

static void sim_parse_hypervisor(struct sim_loader *ld, xmlNode *node, void *ctx)
{
    static const struct sim_child children[] = {
        {"PhysicalMemoryArea", sim_parse_hv_memory},
        {"HealthMonitor", sim_parse_hm},
        {"Watchdog", sim_parse_watchdog},
    };
    (void)ctx;
    sim_get_console(ld, node, &ld->hv_console);
    SIM_PARSE_CHILDREN(ld, node, children, &ld->hv_hm_events);
}

/* --- partitions --------------------------------------------------------- */

static void sim_parse_area(struct sim_loader *ld, xmlNode *node, void *ctx)
{
    static const struct sim_flag flags[] = {
        {"unmapped", HV_AREA_UNMAPPED},
        {"read-only", HV_AREA_READONLY},
        {"uncacheable", HV_AREA_UNCACHEABLE},
        {"rom", HV_AREA_ROM},
        {"flag0", 1u << 4}, /* user bits of the PCT memory map */
        {"flag1", 1u << 5},
        {"flag2", 1u << 6},
        {"flag3", 1u << 7},
        {NULL, 0},
    };
    struct sim_part_src *part = ctx;
    unsigned before = ld->errors;
    struct sim_area_src *a = sim_begin(ld, &part->areas, sizeof(*a), node);
    if (a == NULL)
        return;
    sim_copy_name(ld, node, "name", a->area.name);
    sim_get(ld, node, "start", &sim_kind_hex, &a->area.start);
    sim_get(ld, node, "size", &sim_kind_size, &a->area.size);
    a->area.mapped_at = a->area.start;
    sim_get(ld, node, "mappedAt", &sim_kind_hex, &a->area.mapped_at);
    sim_get_flags(node, "flags", flags, &a->area.flags);
    a->src.broken = ld->errors != before;
}

static void sim_parse_areas(struct sim_loader *ld, xmlNode *node, void *ctx)
{
    static const struct sim_child children[] = {{"Area", sim_parse_area}};
    SIM_PARSE_CHILDREN(ld, node, children, ctx);
}

static void sim_parse_partition_attrs(struct sim_loader *ld, xmlNode *node, struct sim_part_src *p)
{
    static const struct sim_flag flags[] = {
        {"system", HV_PART_SYSTEM},
        {"fp", HV_PART_FP},
        {"boot", HV_PART_BOOT},
        {"icache_disabled", HV_PART_ICACHE_DISABLED},
        {"dcache_disabled", HV_PART_DCACHE_DISABLED},
        {NULL, 0},
    };
    sim_get(ld, node, "id", &sim_kind_id, &p->src.id);
    sim_copy_name(ld, node, "name", p->part.name);
    sim_get_flags(node, "flags", flags, &p->part.flags);
    p->part.has_entry_point = sim_has_attr(node, "entryPoint");
    sim_get(ld, node, "entryPoint", &sim_kind_hex, &p->part.entry_point);
    sim_get_console(ld, node, &p->console);
}

static void sim_parse_partition_hm(struct sim_loader *ld, xmlNode *node, void *ctx)
{
    sim_parse_hm(ld, node, &((struct sim_part_src *)ctx)->hm_events);
}

static void sim_parse_partition(struct sim_loader *ld, xmlNode *node, void *ctx)
{
    static const struct sim_child children[] = {
        {"PhysicalMemoryAreas", sim_parse_areas},
        {"HealthMonitor", sim_parse_partition_hm},
        {"HwResources", sim_parse_hw_resources},
        {"PortTable", sim_parse_port_table},
    };
    (void)ctx;
    if (ld->partitions.count == HV_MAX_PARTITIONS) {
        sim_report(ld, sim_line(node), "too many partitions (at most %d)", HV_MAX_PARTITIONS);
        ld->partitions_dropped = true;
        return;
    }
    unsigned before = ld->errors;
    struct sim_part_src *p = sim_begin(ld, &ld->partitions, sizeof(*p), node);
    if (p == NULL)
        return;
    sim_parse_partition_attrs(ld, node, p);
    p->part.id = p->src.id;
    p->src.broken = ld->errors != before;
    SIM_PARSE_CHILDREN(ld, node, children, p);
}

static void sim_parse_partition_table(struct sim_loader *ld, xmlNode *node, void *ctx)
{
    static const struct sim_child children[] = {{"Partition", sim_parse_partition}};
    SIM_PARSE_CHILDREN(ld, node, children, ctx);
}

/* ResidentSw, XMHypervisor/{PhysicalMemoryAreas, Trace} and Partition/
 * {TemporalRequirements, Trace} are validated by the schema and not
 * modelled: no table names them. */
void sim_parse_root(struct sim_loader *ld, xmlNode *root)
{
    static const struct sim_child children[] = {
        {"HwDescription", sim_parse_hw},
        {"XMHypervisor", sim_parse_hypervisor},
        {"PartitionTable", sim_parse_partition_table},
        {"Channels", sim_parse_channels},
        {"Simulator", sim_parse_simulator},
        {"Policy", sim_parse_policy},
    };
    sim_copy_name(ld, root, "name", ld->name);
    SIM_PARSE_CHILDREN(ld, root, children, NULL);
}
