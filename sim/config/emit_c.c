/* sim/config: struct hv_config as C source (emit_c.h). Arrays are written
 * first as static objects named after their owner (plan 1's slots are
 * `name_plan1_slots`), then the struct that points at them. */
#include "sim/config/emit_c.h"

#include <inttypes.h>

/* Every field is written by name: a field added to the model must be added
 * here too, or the LEON3 image runs with it zero. These sizes (x86-64)
 * make the build say so. */
_Static_assert(sizeof(struct hv_config) == 488, "emit_c.c: struct hv_config changed");
_Static_assert(sizeof(struct hv_partition_config) == 464,
               "emit_c.c: struct hv_partition_config changed");
_Static_assert(sizeof(struct hv_mem_area) == 48, "emit_c.c: struct hv_mem_area changed");
_Static_assert(sizeof(struct hv_slot) == 24, "emit_c.c: struct hv_slot changed");
_Static_assert(sizeof(struct hv_plan) == 56, "emit_c.c: struct hv_plan changed");
_Static_assert(sizeof(struct hv_io_range) == 16, "emit_c.c: struct hv_io_range changed");
_Static_assert(sizeof(struct hv_port_config) == 52, "emit_c.c: struct hv_port_config changed");
_Static_assert(sizeof(struct hv_channel) == 40, "emit_c.c: struct hv_channel changed");
_Static_assert(sizeof(struct hv_ipvi) == 24, "emit_c.c: struct hv_ipvi changed");
_Static_assert(sizeof(struct hv_device) == 52, "emit_c.c: struct hv_device changed");
_Static_assert(sizeof(struct hv_region) == 12, "emit_c.c: struct hv_region changed");
_Static_assert(sizeof(struct hv_policy) == 32, "emit_c.c: struct hv_policy changed");

static void emit_string(FILE *out, const char *text)
{
    fputc('"', out);
    for (const unsigned char *c = (const unsigned char *)text; *c; c++) {
        if (*c == '"' || *c == '\\')
            fprintf(out, "\\%c", *c);
        else if (*c < 0x20 || *c > 0x7e)
            fprintf(out, "\\%03o", *c);
        else
            fputc(*c, out);
    }
    fputc('"', out);
}

static void emit_hm(FILE *out, const struct hv_hm_entry *hm)
{
    fputs("{", out);
    for (uint32_t e = 0; e < XM_HM_MAX_EVENTS; e++)
        fprintf(out, "%s{%" PRIu32 "u, %d}", e ? ", " : "", hm[e].action, hm[e].log);
    fputs("}", out);
}

static void emit_u32_array(FILE *out, const char *name, const char *what, uint32_t index,
                           const uint32_t *values, uint32_t count)
{
    if (count == 0)
        return;
    fprintf(out, "static const uint32_t %s_%s%" PRIu32 "[] = {", name, what, index);
    for (uint32_t i = 0; i < count; i++)
        fprintf(out, "%s%" PRIu32 "u", i ? ", " : "", values[i]);
    fputs("};\n", out);
}

/* `name_what<index>` or NULL when the array is empty. */
static void emit_ref(FILE *out, const char *name, const char *what, uint32_t index, uint32_t count)
{
    if (count == 0)
        fputs("NULL", out);
    else
        fprintf(out, "%s_%s%" PRIu32, name, what, index);
}

static void emit_plans(const struct hv_config *c, const char *name, FILE *out)
{
    for (uint32_t p = 0; p < c->plan_count; p++) {
        const struct hv_plan *plan = &c->plans[p];
        if (plan->slot_count == 0)
            continue;
        fprintf(out, "static const struct hv_slot %s_slots%" PRIu32 "[] = {\n", name, p);
        for (uint32_t s = 0; s < plan->slot_count; s++) {
            const struct hv_slot *slot = &plan->slots[s];
            fprintf(out,
                    "    {.id = %" PRIu32 "u, .start_us = %" PRIu32 "u, .duration_us = %" PRIu32
                    "u, .partition_id = %" PRIu32 "u, .vcpu_id = %" PRIu32 "u, .flags = %" PRIu32
                    "u},\n",
                    slot->id, slot->start_us, slot->duration_us, slot->partition_id, slot->vcpu_id,
                    slot->flags);
        }
        fputs("};\n", out);
    }
    fprintf(out, "static const struct hv_plan %s_plans[] = {\n", name);
    for (uint32_t p = 0; p < c->plan_count; p++) {
        const struct hv_plan *plan = &c->plans[p];
        fprintf(out, "    {.id = %" PRIu32 "u, .name = ", plan->id);
        emit_string(out, plan->name);
        fprintf(out, ", .major_frame_us = %" PRIu32 "u, .slots = ", plan->major_frame_us);
        emit_ref(out, name, "slots", p, plan->slot_count);
        fprintf(out, ", .slot_count = %" PRIu32 "u},\n", plan->slot_count);
    }
    fputs("};\n", out);
}

static void emit_partition_arrays(const struct hv_partition_config *part, const char *name,
                                  FILE *out)
{
    if (part->area_count > 0) {
        fprintf(out, "static const struct hv_mem_area %s_areas%" PRIu32 "[] = {\n", name, part->id);
        for (uint32_t i = 0; i < part->area_count; i++) {
            const struct hv_mem_area *a = &part->areas[i];
            fputs("    {.name = ", out);
            emit_string(out, a->name);
            fprintf(out,
                    ", .start = 0x%08" PRIx32 "u, .size = 0x%08" PRIx32
                    "u, .mapped_at = 0x%08" PRIx32 "u, .flags = 0x%" PRIx32 "u},\n",
                    a->start, a->size, a->mapped_at, a->flags);
        }
        fputs("};\n", out);
    }
    if (part->io_range_count > 0) {
        fprintf(out, "static const struct hv_io_range %s_io%" PRIu32 "[] = {\n", name, part->id);
        for (uint32_t i = 0; i < part->io_range_count; i++) {
            const struct hv_io_range *r = &part->io_ranges[i];
            fprintf(out,
                    "    {.base = 0x%08" PRIx32 "u, .count = %" PRIu32
                    "u, .restricted = %d, .mask = 0x%08" PRIx32 "u},\n",
                    r->base, r->count, r->restricted, r->mask);
        }
        fputs("};\n", out);
    }
}

static void emit_partition(const struct hv_config *c, const struct hv_partition_config *part,
                           const char *name, FILE *out)
{
    fprintf(out, "    {.id = %" PRIu32 "u, .name = ", part->id);
    emit_string(out, part->name);
    fprintf(out,
            ", .flags = 0x%" PRIx32 "u, .entry_point = 0x%08" PRIx32 "u, .has_entry_point = %d, "
            ".console = %" PRId32 ",\n     .areas = ",
            part->flags, part->entry_point, part->has_entry_point, part->console);
    emit_ref(out, name, "areas", part->id, part->area_count);
    fprintf(out, ", .area_count = %" PRIu32 "u,\n     .hm = ", part->area_count);
    emit_hm(out, part->hm);
    fprintf(out, ",\n     .irq_lines = 0x%" PRIx32 "u, .io_ranges = ", part->irq_lines);
    emit_ref(out, name, "io", part->id, part->io_range_count);
    fprintf(out, ", .io_range_count = %" PRIu32 "u, .ports = ", part->io_range_count);
    if (part->port_count > 0 && c->port_count > 0)
        fprintf(out, "&%s_ports[%" PRIu32 "]", name, part->first_port);
    else
        fputs("NULL", out);
    fprintf(out, ", .port_count = %" PRIu32 "u, .first_port = %" PRIu32 "u,\n", part->port_count,
            part->first_port);
    const struct hv_policy *p = &part->policy;
    fprintf(out,
            "     .policy = {.restrict_calls = %d, .calls = 0x%" PRIx64 "ull, .objects = 0x%" PRIx32
            "u, .restrict_targets = %d, .targets = 0x%" PRIx64 "ull},\n",
            p->restrict_calls, p->calls, p->objects, p->restrict_targets, p->targets);
    fprintf(out, "     .latency_bound_us = %" PRIu32 "u},\n", part->latency_bound_us);
}

static void emit_partitions(const struct hv_config *c, const char *name, FILE *out)
{
    for (uint32_t i = 0; i < c->partition_count; i++)
        emit_partition_arrays(&c->partitions[i], name, out);
    fprintf(out, "static const struct hv_partition_config %s_partitions[] = {\n", name);
    for (uint32_t i = 0; i < c->partition_count; i++)
        emit_partition(c, &c->partitions[i], name, out);
    fputs("};\n", out);
}

static void emit_hardware(const struct hv_config *c, const char *name, FILE *out)
{
    fprintf(out, "static const struct hv_region %s_regions[] = {\n", name);
    for (uint32_t i = 0; i < c->region_count; i++)
        fprintf(out, "    {.type = %d, .start = 0x%08" PRIx32 "u, .size = 0x%08" PRIx32 "u},\n",
                (int)c->regions[i].type, c->regions[i].start, c->regions[i].size);
    fprintf(out, "    {.type = 0}};\nstatic const struct hv_device %s_devices[] = {\n", name);
    for (uint32_t i = 0; i < c->device_count; i++) {
        const struct hv_device *d = &c->devices[i];
        fprintf(out, "    {.type = %d, .name = ", (int)d->type);
        emit_string(out, d->name);
        fprintf(out,
                ", .id = %" PRIu32 "u, .baud_rate = %" PRIu32 "u, .start = 0x%08" PRIx32
                "u, .size = 0x%08" PRIx32 "u},\n",
                d->id, d->baud_rate, d->start, d->size);
    }
    fputs("    {.type = 0}};\n", out);
}

static void emit_ports(const struct hv_config *c, const char *name, FILE *out)
{
    fprintf(out, "static const struct hv_port_config %s_ports[] = {\n", name);
    for (uint32_t i = 0; i < c->port_count; i++) {
        const struct hv_port_config *p = &c->ports[i];
        fputs("    {.name = ", out);
        emit_string(out, p->name);
        fprintf(out,
                ", .partition_id = %" PRIu32 "u, .direction = %d, .type = %d, .discipline = %d, "
                ".channel = %" PRIu32 "u},\n",
                p->partition_id, (int)p->direction, (int)p->type, (int)p->discipline, p->channel);
    }
    fputs("    {.name = \"\"}};\n", out);
    for (uint32_t i = 0; i < c->channel_count; i++)
        emit_u32_array(out, name, "dst", i, c->channels[i].destination_ports,
                       c->channels[i].destination_count);
    fprintf(out, "static const struct hv_channel %s_channels[] = {\n", name);
    for (uint32_t i = 0; i < c->channel_count; i++) {
        const struct hv_channel *ch = &c->channels[i];
        fprintf(out,
                "    {.type = %d, .max_message_length = %" PRIu32 "u, .refresh_period_us = %" PRIu32
                "u, .max_messages = %" PRIu32 "u, .max_time_expiration_us = %" PRIu32
                "u, .source_port = %" PRIu32 "u, .destination_ports = ",
                (int)ch->type, ch->max_message_length, ch->refresh_period_us, ch->max_messages,
                ch->max_time_expiration_us, ch->source_port);
        emit_ref(out, name, "dst", i, ch->destination_count);
        fprintf(out, ", .destination_count = %" PRIu32 "u},\n", ch->destination_count);
    }
    fputs("    {.type = 0}};\n", out);
    for (uint32_t i = 0; i < c->ipvi_count; i++)
        emit_u32_array(out, name, "ipvi", i, c->ipvis[i].destinations,
                       c->ipvis[i].destination_count);
    fprintf(out, "static const struct hv_ipvi %s_ipvis[] = {\n", name);
    for (uint32_t i = 0; i < c->ipvi_count; i++) {
        const struct hv_ipvi *v = &c->ipvis[i];
        fprintf(out, "    {.id = %" PRIu32 "u, .source_partition = %" PRIu32 "u, .destinations = ",
                v->id, v->source_partition);
        emit_ref(out, name, "ipvi", i, v->destination_count);
        fprintf(out, ", .destination_count = %" PRIu32 "u},\n", v->destination_count);
    }
    fputs("    {.id = 0}};\n", out);
}

void sim_config_emit_c(const struct hv_config *c, const char *name, FILE *out)
{
    emit_hardware(c, name, out);
    emit_plans(c, name, out);
    emit_ports(c, name, out);
    emit_partitions(c, name, out);
    fprintf(out, "const struct hv_config %s = {\n    .name = ", name);
    emit_string(out, c->name);
    fprintf(out, ",\n    .cpu_khz = %" PRIu32 "u,\n    .hv_console = %" PRId32 ",\n", c->cpu_khz,
            c->hv_console);
    fprintf(out, "    .regions = %s_regions, .region_count = %" PRIu32 "u,\n", name,
            c->region_count);
    fprintf(out, "    .devices = %s_devices, .device_count = %" PRIu32 "u,\n", name,
            c->device_count);
    fprintf(out, "    .plans = %s_plans, .plan_count = %" PRIu32 "u,\n", name, c->plan_count);
    fprintf(out, "    .partitions = %s_partitions, .partition_count = %" PRIu32 "u,\n    .hv_hm = ",
            name, c->partition_count);
    emit_hm(out, c->hv_hm);
    fprintf(out, ",\n    .hv_memory_size = 0x%" PRIx32 "u,\n    .has_watchdog = %d,\n",
            c->hv_memory_size, c->has_watchdog);
    fprintf(out, "    .watchdog_initial_us = %" PRIu32 "u, .watchdog_reload_us = %" PRIu32 "u,\n",
            c->watchdog_initial_us, c->watchdog_reload_us);
    fprintf(out, "    .ports = %s_ports, .port_count = %" PRIu32 "u,\n", name, c->port_count);
    fprintf(out, "    .channels = %s_channels, .channel_count = %" PRIu32 "u,\n", name,
            c->channel_count);
    fprintf(out, "    .ipvis = %s_ipvis, .ipvi_count = %" PRIu32 "u,\n};\n", name, c->ipvi_count);
}
