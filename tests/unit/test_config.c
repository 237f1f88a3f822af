/* sim/config_load: the XM_CF loader on the fixtures in tests/configs.
 * A valid file is checked field by field; each invalid fixture states the
 * diagnostics it must produce in its leading comment, one per line, as
 * "expect LINE: message" ("expect -: message" for one without a line), and
 * the loader's whole output must be exactly those lines. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "sim/config/board_check.h"
#include "sim/config/config_load.h"
#include <hvcore/policy.h>

#define CONFIGS HVSIM_TEST_CONFIGS
#define SCRATCH HVSIM_TEST_SCRATCH

/* --- helpers ------------------------------------------------------------ */

static char *read_stream(FILE *f)
{
    size_t used = 0, cap = 4096;
    char *buf = malloc(cap);
    assert_non_null(buf);
    for (size_t n; (n = fread(buf + used, 1, cap - used - 1, f)) > 0;) {
        used += n;
        if (cap - used - 1 == 0) {
            cap *= 2;
            buf = realloc(buf, cap);
            assert_non_null(buf);
        }
    }
    buf[used] = '\0';
    return buf;
}

static char *read_text(const char *path)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char *text = read_stream(f);
    fclose(f);
    return text;
}

static void write_text(const char *path, const char *text, size_t length)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, length, f), length);
    assert_int_equal(fclose(f), 0);
}

/* Loads `path`; returns what was printed to diag, *result the return code. */
static char *load(const char *path, enum sim_error *result, struct sim_config **out)
{
    FILE *diag = tmpfile();
    assert_non_null(diag);
    *result = sim_config_load(path, diag, out);
    rewind(diag);
    char *text = read_stream(diag);
    fclose(diag);
    return text;
}

/* A fixture that must load without any message. */
static struct sim_config *load_valid(const char *path)
{
    struct sim_config *c = NULL;
    enum sim_error result;
    char *diag = load(path, &result, &c);
    assert_string_equal(diag, "");
    free(diag);
    assert_int_equal(result, SIM_OK);
    return c;
}

/* Appends "path:LINE: message\n" for each "expect LINE: message" line of the
 * fixture's leading comment. */
static char *expected_output(const char *path)
{
    char *fixture = read_text(path);
    char *end = strstr(fixture, "-->");
    assert_non_null(end);
    *end = '\0';
    size_t cap = strlen(fixture) * 2 + strlen(path) * 32 + 1, used = 0;
    char *expected = calloc(1, cap);
    assert_non_null(expected);
    for (char *line = strtok(fixture, "\n"); line != NULL; line = strtok(NULL, "\n")) {
        char *e = strstr(line, "expect ");
        if (e == NULL)
            continue;
        e += strlen("expect ");
        if (e[0] == '-')
            used += (size_t)snprintf(expected + used, cap - used, "%s%s\n", path, e + 1);
        else
            used += (size_t)snprintf(expected + used, cap - used, "%s:%s\n", path, e);
    }
    free(fixture);
    return expected;
}

/* --- the valid configuration ------------------------------------------- */

static void test_valid_system(void **state)
{
    (void)state;
    struct sim_config *c = NULL;
    enum sim_error result;
    char *diag = load(CONFIGS "/hello.xml", &result, &c);
    assert_string_equal(diag, "");
    assert_int_equal(result, SIM_OK);
    assert_non_null(c);
    const struct hv_config *hv = sim_config_hv(c);
    assert_string_equal(hv->name, "hello");
    assert_int_equal(hv->cpu_khz, 50000);
    assert_int_equal(hv->region_count, 2);
    assert_int_equal(hv->regions[0].type, HV_REGION_ROM);
    assert_int_equal(hv->regions[0].start, 0);
    assert_int_equal(hv->regions[0].size, 4u << 20);
    assert_int_equal(hv->regions[1].type, HV_REGION_SDRAM);
    assert_int_equal(hv->regions[1].start, 0x40000000);
    free(diag);
    sim_config_free(c);
}

/* What XM-Q's xmcparser accepts: Processor@frequency (optional), a slot id
 * used twice (a warning), Slot@vCpuId 0. */
static void test_xmq_style(void **state)
{
    (void)state;
    struct sim_config *c = NULL;
    enum sim_error result;
    char *diag = load(CONFIGS "/../guest/xmq_style.xml", &result, &c);
    assert_non_null(strstr(diag, "xmq_style.xml:15: warning: slot id 0 of plan 0 repeats the one "
                                 "at line 14"));
    assert_int_equal(result, SIM_OK);
    const struct hv_config *hv = sim_config_hv(c);
    assert_int_equal(hv->cpu_khz, 80000);
    assert_non_null(strstr(diag, "xmq_style.xml:16: warning: slot 2 of plan 0 is for vCPU 1"));
    assert_int_equal(hv->plans[0].slot_count, 3);
    assert_int_equal(hv->plans[0].slots[2].vcpu_id, 1);
    assert_int_equal(hv->plans[0].slots[1].id, 0);
    assert_int_equal(hv->plans[0].slots[1].start_us, 10000);
    free(diag);
    sim_config_free(c);
    diag = load(CONFIGS "/../guest/xmq_style_nofreq.xml", &result, &c);
    assert_int_equal(result, SIM_OK);
    assert_int_equal(sim_config_hv(c)->cpu_khz, 0); /* the board's clock */
    free(diag);
    sim_config_free(c);
}

static void test_valid_devices(void **state)
{
    (void)state;
    struct sim_config *c = load_valid(CONFIGS "/hello.xml");
    const struct hv_config *hv = sim_config_hv(c);
    assert_int_equal(hv->device_count, 3);
    assert_int_equal(hv->devices[0].type, HV_DEVICE_NULL);
    assert_string_equal(hv->devices[0].name, "Nothing");
    assert_int_equal(hv->devices[1].type, HV_DEVICE_UART);
    assert_string_equal(hv->devices[1].name, "Uart");
    assert_int_equal(hv->devices[1].id, 0);
    assert_int_equal(hv->devices[1].baud_rate, 115200);
    assert_int_equal(hv->devices[2].type, HV_DEVICE_MEMORY_BLOCK);
    assert_int_equal(hv->devices[2].start, 0x40380000);
    assert_int_equal(hv->devices[2].size, 256 * 1024);
    assert_int_equal(hv->hv_console, 1);
    sim_config_free(c);
}

static void test_valid_plans(void **state)
{
    (void)state;
    struct sim_config *c = load_valid(CONFIGS "/hello.xml");
    const struct hv_config *hv = sim_config_hv(c);
    assert_int_equal(hv->plan_count, 2);
    const struct hv_plan *p0 = &hv->plans[0];
    assert_int_equal(p0->id, 0);
    assert_string_equal(p0->name, "main");
    assert_int_equal(p0->major_frame_us, 1000000);
    assert_int_equal(p0->slot_count, 2);
    /* Listed 1, 0 in the file: sorted by start, so index == id. */
    assert_int_equal(p0->slots[0].id, 0);
    assert_int_equal(p0->slots[0].start_us, 0);
    assert_int_equal(p0->slots[0].duration_us, 500000);
    assert_int_equal(p0->slots[0].partition_id, 0);
    assert_int_equal(p0->slots[0].flags, HV_SLOT_PERIOD_START);
    assert_int_equal(p0->slots[1].id, 1);
    assert_int_equal(p0->slots[1].start_us, 500000);
    assert_int_equal(p0->slots[1].duration_us, 500000);
    assert_int_equal(p0->slots[1].partition_id, 1);
    assert_int_equal(p0->slots[1].flags, 0);
    const struct hv_plan *p1 = &hv->plans[1];
    assert_int_equal(p1->id, 1);
    assert_string_equal(p1->name, "");
    assert_int_equal(p1->major_frame_us, 200000);
    assert_int_equal(p1->slot_count, 1);
    assert_int_equal(p1->slots[0].partition_id, 1);
    assert_int_equal(p1->slots[0].vcpu_id, 0);
    sim_config_free(c);
}

static void test_valid_partitions(void **state)
{
    (void)state;
    struct sim_config *c = load_valid(CONFIGS "/hello.xml");
    const struct hv_config *hv = sim_config_hv(c);
    assert_int_equal(hv->partition_count, 2);
    /* Listed 1, 0 in the file: placed at their ids. */
    const struct hv_partition_config *p0 = &hv->partitions[0], *p1 = &hv->partitions[1];
    assert_int_equal(p0->id, 0);
    assert_string_equal(p0->name, "P0");
    assert_int_equal(p0->flags, HV_PART_SYSTEM | HV_PART_BOOT);
    assert_true(p0->has_entry_point);
    assert_int_equal(p0->entry_point, 0x40100000);
    assert_int_equal(p0->console, 1);
    assert_int_equal(p1->id, 1);
    assert_string_equal(p1->name, "P1");
    assert_int_equal(p1->flags, HV_PART_FP);
    assert_false(p1->has_entry_point);
    assert_int_equal(p1->console, 2);
    sim_config_free(c);
}

static void test_valid_areas(void **state)
{
    (void)state;
    struct sim_config *c = load_valid(CONFIGS "/hello.xml");
    const struct hv_config *hv = sim_config_hv(c);
    const struct hv_partition_config *p0 = &hv->partitions[0], *p1 = &hv->partitions[1];
    assert_int_equal(p0->area_count, 3);
    assert_string_equal(p0->areas[0].name, "code");
    assert_int_equal(p0->areas[0].start, 0x40100000);
    assert_int_equal(p0->areas[0].size, 256 * 1024);
    assert_int_equal(p0->areas[0].mapped_at, 0x40100000); /* defaults to start */
    assert_int_equal(p0->areas[0].flags, 0);
    assert_int_equal(p0->areas[1].flags, HV_AREA_SHARED); /* same start+size as P1's */
    assert_int_equal(p0->areas[2].flags, HV_AREA_UNMAPPED | (1u << 4) | (1u << 7));
    assert_int_equal(p1->area_count, 2);
    assert_int_equal(p1->areas[0].start, 0x40200000);
    assert_int_equal(p1->areas[0].mapped_at, 0x40100000);
    assert_int_equal(p1->areas[0].size, 128 * 1024);
    assert_int_equal(p1->areas[1].flags, HV_AREA_READONLY | HV_AREA_UNCACHEABLE | HV_AREA_SHARED);
    sim_config_free(c);
}

/* The namespace may be left out. */
static void test_no_namespace(void **state)
{
    (void)state;
    char *text = read_text(CONFIGS "/hello.xml");
    const char *attr = " xmlns=\"http://www.xtratum.org/xm-3.x\"";
    char *ns = strstr(text, attr);
    assert_non_null(ns);
    memmove(ns, ns + strlen(attr), strlen(ns + strlen(attr)) + 1);
    write_text(SCRATCH "/config_no_ns.xml", text, strlen(text));
    struct sim_config *c = NULL;
    enum sim_error result;
    char *diag = load(SCRATCH "/config_no_ns.xml", &result, &c);
    assert_string_equal(diag, "");
    assert_int_equal(result, SIM_OK);
    assert_int_equal(sim_config_hv(c)->partition_count, 2);
    sim_config_free(c);
    free(diag);
    free(text);
}

/* --- the full-featured configuration ----------------------------------- */

static struct sim_config *load_full(void)
{
    struct sim_config *c = NULL;
    enum sim_error result;
    char *diag = load(CONFIGS "/full.xml", &result, &c);
    assert_string_equal(diag, "");
    assert_int_equal(result, SIM_OK);
    free(diag);
    return c;
}

/* Events the file does not name keep xmcparser's defaults. */
static void test_full_hm_defaults(void **state)
{
    (void)state;
    struct sim_config *c = load_full();
    const struct hv_config *hv = sim_config_hv(c);
    const struct hv_hm_entry *p0 = hv->partitions[0].hm;
    assert_int_equal(p0[XM_HM_EV_OVERRUN].action, XM_HM_AC_HALT);
    assert_true(p0[XM_HM_EV_OVERRUN].log);
    assert_int_equal(p0[XM_HM_EV_SPARCV8_ILLEGAL_INSTR].action, XM_HM_AC_HALT);
    assert_false(p0[XM_HM_EV_SPARCV8_ILLEGAL_INSTR].log);
    assert_true(p0[XM_HM_EV_SPARCV8_PRIVILEGED_INSTR].log);
    assert_int_equal(p0[XM_HM_EV_APP_DEADLINE_MISSED].action, XM_HM_AC_IGNORE);
    assert_int_equal(p0[XM_HM_EV_APP_POWER_FAIL].action, XM_HM_AC_HALT);
    assert_false(p0[XM_HM_EV_APP_POWER_FAIL].log);
    assert_int_equal(hv->hv_hm[XM_HM_EV_INTERNAL_ERROR].action, XM_HM_AC_HALT);
    assert_true(hv->hv_hm[XM_HM_EV_SPARCV8_ILLEGAL_INSTR].log);
    assert_int_equal(hv->hv_hm[XM_HM_EV_EXTSYNC_ERROR].action, XM_HM_AC_IGNORE);
    sim_config_free(c);
}

static void test_full_hm_overrides(void **state)
{
    (void)state;
    struct sim_config *c = load_full();
    const struct hv_config *hv = sim_config_hv(c);
    const struct hv_hm_entry *p0 = hv->partitions[0].hm, *p1 = hv->partitions[1].hm;
    assert_int_equal(p0[XM_HM_EV_SPARCV8_DIVIDE_EXCEPTION].action, XM_HM_AC_HALT);
    assert_true(p0[XM_HM_EV_SPARCV8_DIVIDE_EXCEPTION].log); /* default: not logged */
    assert_int_equal(p1[XM_HM_EV_SPARCV8_DIVIDE_EXCEPTION].action, XM_HM_AC_PROPAGATE);
    assert_false(p1[XM_HM_EV_SPARCV8_DIVIDE_EXCEPTION].log);
    assert_int_equal(p1[XM_HM_EV_APP_DEADLINE_MISSED].action, XM_HM_AC_PARTITION_WARM_RESET);
    assert_true(p1[XM_HM_EV_APP_DEADLINE_MISSED].log);
    assert_int_equal(p1[XM_HM_EV_MEM_PROTECTION].action, XM_HM_AC_SWITCH_TO_MAINTENANCE);
    assert_int_equal(hv->hv_hm[XM_HM_EV_WATCHDOG_TIMER].action, XM_HM_AC_SWITCH_TO_MAINTENANCE);
    assert_int_equal(hv->hv_hm[XM_HM_EV_OVERRUN].action, XM_HM_AC_IGNORE);
    assert_false(hv->hv_hm[XM_HM_EV_OVERRUN].log);
    sim_config_free(c);
}

static void test_full_ports(void **state)
{
    (void)state;
    struct sim_config *c = load_full();
    const struct hv_config *hv = sim_config_hv(c);
    assert_int_equal(hv->port_count, 5);
    const struct hv_partition_config *p1 = &hv->partitions[1];
    assert_int_equal(hv->partitions[0].first_port, 0);
    assert_int_equal(p1->first_port, 2);
    assert_int_equal(p1->port_count, 2);
    assert_ptr_equal(p1->ports, &hv->ports[2]);
    assert_string_equal(hv->ports[0].name, "portQ");
    assert_int_equal(hv->ports[0].type, HV_PORT_QUEUING);
    assert_int_equal(hv->ports[0].direction, HV_PORT_SOURCE);
    assert_int_equal(hv->ports[0].discipline, HV_PORT_PRIORITY);
    assert_int_equal(hv->ports[1].discipline, HV_PORT_FIFO);
    assert_string_equal(p1->ports[0].name, "portS");
    assert_int_equal(p1->ports[0].partition_id, 1);
    assert_int_equal(p1->ports[0].direction, HV_PORT_DESTINATION);
    assert_int_equal(hv->partitions[2].first_port, 4);
    sim_config_free(c);
}

static void test_full_channels(void **state)
{
    (void)state;
    struct sim_config *c = load_full();
    const struct hv_config *hv = sim_config_hv(c);
    assert_int_equal(hv->channel_count, 2);
    const struct hv_channel *q = &hv->channels[0], *s = &hv->channels[1];
    assert_int_equal(q->type, HV_CHANNEL_QUEUING);
    assert_int_equal(q->max_message_length, 128);
    assert_int_equal(q->max_messages, 16);
    assert_int_equal(q->max_time_expiration_us, 50000);
    assert_int_equal(q->source_port, 0); /* Partition0's portQ */
    assert_int_equal(q->destination_count, 1);
    assert_int_equal(q->destination_ports[0], 3); /* Partition1's portQ */
    assert_int_equal(s->type, HV_CHANNEL_SAMPLING);
    assert_int_equal(s->max_message_length, 1024);
    assert_int_equal(s->refresh_period_us, 100000);
    assert_int_equal(s->source_port, 1);
    assert_int_equal(s->destination_count, 2);
    assert_int_equal(s->destination_ports[0], 2);
    assert_int_equal(s->destination_ports[1], 4);
    /* Every port knows its channel. */
    assert_int_equal(hv->ports[0].channel, 0);
    assert_int_equal(hv->ports[3].channel, 0);
    assert_int_equal(hv->ports[1].channel, 1);
    assert_int_equal(hv->ports[4].channel, 1);
    sim_config_free(c);
}

static void test_full_hw_resources(void **state)
{
    (void)state;
    struct sim_config *c = load_full();
    const struct hv_config *hv = sim_config_hv(c);
    const struct hv_partition_config *p1 = &hv->partitions[1];
    assert_int_equal(p1->irq_lines, (1u << 4) | (1u << 5));
    assert_int_equal(hv->partitions[2].irq_lines, 1u << 15);
    assert_int_equal(hv->partitions[0].irq_lines, 0);
    assert_int_equal(p1->io_range_count, 3);
    assert_int_equal(p1->io_ranges[0].base, 0x80100100);
    assert_int_equal(p1->io_ranges[0].count, 2);
    assert_false(p1->io_ranges[0].restricted);
    assert_int_equal(p1->io_ranges[0].mask, 0xffffffffu);
    assert_int_equal(p1->io_ranges[1].base, 0x80100108);
    assert_true(p1->io_ranges[1].restricted);
    assert_int_equal(p1->io_ranges[1].count, 1);
    assert_int_equal(p1->io_ranges[1].mask, 0x0000ff00);
    assert_int_equal(p1->io_ranges[2].mask, 0xffffffffu);
    assert_int_equal(hv->partitions[0].io_range_count, 0);
    sim_config_free(c);
}

/* Checked against a board whose devices sit where full.xml grants
 * Partition1 its UART2 ports and its memory: both reported, with their
 * lines; against the board it was written for, nothing. */
static void test_board_devices(void **state)
{
    (void)state;
    struct sim_config *c = load_full();
    struct hv_board board = hv_board_xm_leon3;
    FILE *diag = tmpfile();
    assert_non_null(diag);
    assert_int_equal(sim_config_check_board(c, "full.xml", &hv_board_xm_leon3, diag), SIM_OK);
    board.name = "moved";
    board.gptimer_base = 0x80100100u;
    board.irqmp_base = 0x40100000u;
    assert_int_equal(sim_config_check_board(c, "full.xml", &board, diag), SIM_ERR_CONFIG);
    rewind(diag);
    char *out = read_stream(diag);
    fclose(diag);
    assert_string_equal(out,
                        "full.xml:66: I/O port range at 0x80100100 of partition 1 (Partition1) "
                        "reaches the hypervisor's GPTIMER on moved (0x80100100-0x80100200)\n"
                        "full.xml:67: restricted I/O port at 0x80100108 of partition 1 "
                        "(Partition1) reaches the hypervisor's GPTIMER on moved "
                        "(0x80100100-0x80100200)\n"
                        "full.xml:68: restricted I/O port at 0x8010010c of partition 1 "
                        "(Partition1) reaches the hypervisor's GPTIMER on moved "
                        "(0x80100100-0x80100200)\n"
                        "full.xml:57: area 0x40100000-0x40140000 of partition 1 "
                        "(Partition1) reaches the hypervisor's IRQMP on moved "
                        "(0x40100000-0x40100100)\n");
    free(out);
    sim_config_free(c);
}

static void test_full_hypervisor(void **state)
{
    (void)state;
    struct sim_config *c = load_full();
    const struct hv_config *hv = sim_config_hv(c);
    assert_int_equal(hv->cpu_khz, 80000);
    assert_int_equal(hv->plan_count, 2);
    assert_string_equal(hv->plans[1].name, "maintenance");
    assert_int_equal(hv->hv_memory_size, 1u << 20);
    assert_true(hv->has_watchdog);
    assert_int_equal(hv->watchdog_initial_us, 1000000);
    assert_int_equal(hv->watchdog_reload_us, 100000);
    assert_int_equal(hv->ipvi_count, 1);
    assert_int_equal(hv->ipvis[0].id, 3);
    assert_int_equal(hv->ipvis[0].source_partition, 2);
    assert_int_equal(hv->ipvis[0].destination_count, 2);
    assert_int_equal(hv->ipvis[0].destinations[0], 0);
    assert_int_equal(hv->ipvis[0].destinations[1], 1);
    sim_config_free(c);
}

/* A file without HM tables, ports or channels: complete default tables and
 * empty arrays. */
static void test_defaults_without_elements(void **state)
{
    (void)state;
    struct sim_config *c = NULL;
    enum sim_error result;
    free(load(CONFIGS "/../../scenarios/hello/xm_cf.xml", &result, &c));
    assert_int_equal(result, SIM_OK);
    const struct hv_config *hv = sim_config_hv(c);
    assert_int_equal(hv->port_count, 0);
    assert_int_equal(hv->channel_count, 0);
    assert_int_equal(hv->ipvi_count, 0);
    assert_false(hv->has_watchdog);
    for (int e = 0; e < XM_HM_MAX_GENERIC_EVENTS + XM_HM_MAX_ARCH_EVENTS; e++) {
        uint32_t want = e == XM_HM_EV_EXTSYNC_ERROR ? XM_HM_AC_IGNORE : XM_HM_AC_HALT;
        assert_int_equal(hv->partitions[1].hm[e].action, want);
        assert_int_equal(hv->hv_hm[e].action, want);
        assert_true(hv->hv_hm[e].log);
    }
    sim_config_free(c);
}

/* --- invalid files ------------------------------------------------------ */

static const char *const bad_fixtures[] = {
    "bad_area_align.xml",
    "bad_area_overlap.xml",
    "bad_area_overlap_same.xml",
    "bad_area_pct.xml",
    "bad_area_region.xml",
    "bad_area_size.xml",
    "bad_area_unmapped_placed.xml",
    "bad_channels.xml",
    "bad_comm_limits.xml",
    "bad_console.xml",
    "bad_duplicate_element.xml",
    "bad_flags.xml",
    "bad_fraction.xml",
    "bad_hm_actions.xml",
    "bad_hm_maintenance.xml",
    "bad_hm_names.xml",
    "bad_hv_devices.xml",
    "bad_hv_devices_qemu.xml",
    "bad_io_ports.xml",
    "bad_ipvi.xml",
    "bad_irq.xml",
    "bad_malformed.xml",
    "bad_many.xml",
    "bad_missing_attr.xml",
    "bad_missing_element.xml",
    "bad_names.xml",
    "bad_namespace.xml",
    "bad_no_root.xml",
    "bad_partition_gap.xml",
    "bad_partition_ids.xml",
    "bad_plan_ids.xml",
    "bad_ports.xml",
    "bad_range.xml",
    "bad_root.xml",
    "bad_schema_channels.xml",
    "bad_schema_values.xml",
    "bad_slot_overlap.xml",
    "bad_slot_partition.xml",
    "bad_slot_past_maf.xml",
    "bad_slot_vcpu.xml",
    "bad_slot_zero.xml",
    "bad_text.xml",
    "bad_too_many_plans.xml",
    "bad_two_processors.xml",
    "bad_unit.xml",
    "bad_unknown_element.xml",
};

static void check_bad_fixture(const char *name)
{
    char path[512];
    snprintf(path, sizeof(path), "%s/%s", CONFIGS, name);
    char *expected = expected_output(path);
    assert_string_not_equal(expected, "");          /* the fixture states what it expects */
    struct sim_config *c = (struct sim_config *)&c; /* must be reset to NULL */
    enum sim_error result;
    char *diag = load(path, &result, &c);
    if (strcmp(diag, expected) != 0)
        print_message("%s\n--- expected:\n%s--- got:\n%s", name, expected, diag);
    assert_string_equal(diag, expected);
    assert_int_equal(result, SIM_ERR_CONFIG);
    assert_null(c);
    free(diag);
    free(expected);
}

/* hvsim:Policy: groups to call and object bits, targets to partition
 * bits, the default HM entry of HYPERCALL_DENIED; no policy: all zero. */
static void test_policy(void **state)
{
    (void)state;
    struct sim_config *c = load_valid(HVSIM_TEST_CONFIGS "/../../scenarios/policy/probe/xm_cf.xml");
    const struct hv_partition_config *prober = &sim_config_hv(c)->partitions[0];
    assert_true(prober->policy.restrict_calls);
    assert_false(prober->policy.restrict_targets);
    assert_int_equal(prober->policy.calls,
                     HV_POLICY_CALL(get_time_nr) | HV_POLICY_CALL(set_timer_nr));
    assert_int_equal(prober->policy.objects, HV_POLICY_OBJECT(OBJ_CLASS_SAMPLING_PORT) |
                                                 HV_POLICY_OBJECT(OBJ_CLASS_QUEUING_PORT));
    assert_int_equal(prober->hm[XM_HM_EV_HYPERCALL_DENIED].action, XM_HM_AC_IGNORE);
    assert_true(prober->hm[XM_HM_EV_HYPERCALL_DENIED].log);
    assert_false(sim_config_hv(c)->partitions[1].policy.restrict_calls);
    sim_config_free(c);
    c = load_valid(HVSIM_TEST_CONFIGS "/../../scenarios/policy/manage/xm_cf.xml");
    const struct hv_partition_config *manager = &sim_config_hv(c)->partitions[2];
    assert_false(manager->policy.restrict_calls);
    assert_true(manager->policy.restrict_targets);
    assert_int_equal(manager->policy.targets, 1u << 0);
    sim_config_free(c);
}

static void test_bad_fixtures(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(bad_fixtures) / sizeof(bad_fixtures[0]); i++)
        check_bad_fixture(bad_fixtures[i]);
}

/* One fixture, named on purpose by the brief: exact message and line. */
static void test_slot_names_missing_partition(void **state)
{
    (void)state;
    struct sim_config *c = NULL;
    enum sim_error result;
    char *diag = load(CONFIGS "/bad_slot_partition.xml", &result, &c);
    assert_string_equal(diag, CONFIGS "/bad_slot_partition.xml:14: slot 1 of plan 0 names "
                                      "partition 7, which does not exist\n");
    assert_int_equal(result, SIM_ERR_CONFIG);
    free(diag);
}

static void test_missing_file(void **state)
{
    (void)state;
    struct sim_config *c = NULL;
    enum sim_error result;
    char *diag = load(CONFIGS "/no_such_file.xml", &result, &c);
    assert_string_equal(diag,
                        CONFIGS "/no_such_file.xml: cannot open: No such file or directory\n");
    assert_int_equal(result, SIM_ERR_IO);
    assert_null(c);
    free(diag);
}

static void test_directory(void **state)
{
    (void)state;
    struct sim_config *c = NULL;
    enum sim_error result;
    char *diag = load(CONFIGS, &result, &c);
    assert_string_equal(diag, CONFIGS ": cannot open: Is a directory\n");
    assert_int_equal(result, SIM_ERR_IO);
    free(diag);
}

static void test_empty_file(void **state)
{
    (void)state;
    write_text(SCRATCH "/config_empty.xml", "", 0);
    struct sim_config *c = NULL;
    enum sim_error result;
    char *diag = load(SCRATCH "/config_empty.xml", &result, &c);
    assert_string_equal(diag, SCRATCH "/config_empty.xml: the file is empty\n");
    assert_int_equal(result, SIM_ERR_CONFIG);
    free(diag);
}

/* diag may be NULL: the same checks, nothing printed. */
static void test_silent(void **state)
{
    (void)state;
    struct sim_config *c = NULL;
    assert_int_equal(sim_config_load(CONFIGS "/bad_many.xml", NULL, &c), SIM_ERR_CONFIG);
    assert_null(c);
    assert_int_equal(sim_config_load(CONFIGS "/hello.xml", NULL, &c), SIM_OK);
    sim_config_free(c);
    sim_config_free(NULL);
}

/* Every prefix of a valid file is rejected with one-line messages and
 * without a crash or a leak (the test runs under valgrind too). */
static void test_truncated_files(void **state)
{
    (void)state;
    char *text = read_text(CONFIGS "/hello.xml");
    size_t length = strlen(text);
    const char *path = SCRATCH "/config_prefix.xml";
    for (size_t cut = 1; cut < length - 24; cut += 37) {
        write_text(path, text, cut);
        struct sim_config *c = NULL;
        enum sim_error result;
        char *diag = load(path, &result, &c);
        assert_int_equal(result, SIM_ERR_CONFIG);
        assert_null(c);
        assert_true(strncmp(diag, path, strlen(path)) == 0);
        assert_int_equal(diag[strlen(diag) - 1], '\n');
        free(diag);
    }
    free(text);
}

/* --- limits -------------------------------------------------------------- */

/* A system with `count` partitions, each with one 4 KiB area and one slot. */
static void write_partitions(const char *path, unsigned count)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fprintf(f,
            "<SystemDescription version=\"1.0.0\" name=\"many\">\n<HwDescription>\n"
            "<ProcessorTable><Processor id=\"0\" frequency=\"80Mhz\">\n"
            "<CyclicPlanTable><Plan id=\"0\" majorFrame=\"%ums\">\n",
            count);
    for (unsigned i = 0; i < count; i++)
        fprintf(f, "<Slot id=\"%u\" start=\"%ums\" duration=\"1ms\" partitionId=\"%u\"/>\n", i, i,
                i);
    fprintf(f, "</Plan></CyclicPlanTable></Processor></ProcessorTable>\n</HwDescription>\n"
               "<XMHypervisor/>\n<PartitionTable>\n");
    for (unsigned i = 0; i < count; i++)
        fprintf(f,
                "<Partition id=\"%u\"><PhysicalMemoryAreas><Area start=\"0x%08x\" size=\"4KB\"/>"
                "</PhysicalMemoryAreas></Partition>\n",
                i, 0x40000000u + i * 0x1000u);
    fprintf(f, "</PartitionTable>\n</SystemDescription>\n");
    assert_int_equal(fclose(f), 0);
}

static void test_partition_limit(void **state)
{
    (void)state;
    const char *path = SCRATCH "/config_many.xml";
    struct sim_config *c = NULL;
    enum sim_error result;
    write_partitions(path, HV_MAX_PARTITIONS);
    char *diag = load(path, &result, &c);
    assert_string_equal(diag, "");
    assert_int_equal(result, SIM_OK);
    const struct hv_config *hv = sim_config_hv(c);
    assert_int_equal(hv->partition_count, HV_MAX_PARTITIONS);
    assert_int_equal(hv->partitions[63].areas[0].start, 0x4003f000);
    assert_int_equal(hv->partitions[63].console, HV_CONSOLE_NONE);
    assert_int_equal(hv->hv_console, HV_CONSOLE_NONE);
    assert_int_equal(hv->region_count, 0);
    sim_config_free(c);
    free(diag);

    write_partitions(path, HV_MAX_PARTITIONS + 1);
    diag = load(path, &result, &c);
    /* 4 lines, 65 slots, 4 lines, then the 65th partition; no cascade about
     * slot 64 naming the partition that was dropped. */
    assert_string_equal(diag, SCRATCH "/config_many.xml:138: too many partitions (at most 64)\n");
    assert_int_equal(result, SIM_ERR_CONFIG);
    free(diag);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid_system),
        cmocka_unit_test(test_policy),
        cmocka_unit_test(test_valid_devices),
        cmocka_unit_test(test_xmq_style),
        cmocka_unit_test(test_valid_plans),
        cmocka_unit_test(test_valid_partitions),
        cmocka_unit_test(test_valid_areas),
        cmocka_unit_test(test_no_namespace),
        cmocka_unit_test(test_bad_fixtures),
        cmocka_unit_test(test_slot_names_missing_partition),
        cmocka_unit_test(test_missing_file),
        cmocka_unit_test(test_directory),
        cmocka_unit_test(test_empty_file),
        cmocka_unit_test(test_silent),
        cmocka_unit_test(test_truncated_files),
        cmocka_unit_test(test_partition_limit),
        cmocka_unit_test(test_full_hm_defaults),
        cmocka_unit_test(test_full_hm_overrides),
        cmocka_unit_test(test_full_ports),
        cmocka_unit_test(test_full_channels),
        cmocka_unit_test(test_full_hw_resources),
        cmocka_unit_test(test_full_hypervisor),
        cmocka_unit_test(test_board_devices),
        cmocka_unit_test(test_defaults_without_elements),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
