/* sim/config: what the loader's passes share. Not a public header: only
 * the loader includes it (through the pass headers).
 *
 * Loading is one direction through four passes over one file, orchestrated
 * by load.c and nothing else:
 *   1. libxml2 parses it (load.c);
 *   2. the built-in XSD validates it (schema.h: schema_namespace.c, schema.c):
 *      structure and value syntax; a file that fails stops here, with all
 *      its schema errors;
 *   3. a walk of the valid tree fills staging records that remember each
 *      element's line (parse.h: parse.c, parse_hm.c, parse_hw.c,
 *      parse_ports.c, parse_simulator.c);
 *   4. semantic checks over the staging records (check.h: check.c,
 *      check_hm.c, check_hw.c, check_ports.c); only a file with no error
 *      is turned into the read-only struct hv_config (build.h: build.c).
 * The passes call only this header's helpers (loader.c) and hm_rules.h,
 * never each other. Every problem is reported as it is found and loading
 * goes on, so a user sees all errors of a pass in one run; they are printed
 * sorted by line. */
#ifndef SIM_CONFIG_LOADER_H
#define SIM_CONFIG_LOADER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "sim/config/config_load.h"
#include "sim/config/units.h"

#define SIM_XM_NAMESPACE "http://www.xtratum.org/xm-3.x"
#define SIM_HVSIM_NAMESPACE "urn:hvsim"

/* --- staging records ---------------------------------------------------- */

/* Common head of every staging record, so the id checks can be shared. */
struct sim_src {
    long line;
    bool broken; /* a value was invalid (reported): skip it in later checks */
    uint32_t id;
};

struct sim_vec {
    void *items;
    uint32_t count;
    uint32_t cap;
};

struct sim_region_src {
    struct sim_src src;
    struct hv_region region;
};

struct sim_device_src {
    struct sim_src src;
    struct hv_device device;
};

struct sim_slot_src {
    struct sim_src src;
    struct hv_slot slot;
};

struct sim_plan_src {
    struct sim_src src;
    struct hv_plan plan;
    struct sim_vec slots; /* of struct sim_slot_src */
};

struct sim_area_src {
    struct sim_src src;
    struct hv_mem_area area;
};

/* A console reference by device name, resolved once all devices are known
 * (child order is free in XM_CF, so a device may come after its user). */
struct sim_console_ref {
    bool given;
    long line;
    char name[HV_NAME_MAX];
};

/* HealthMonitor/Event, names already looked up (-1: unknown, reported). */
struct sim_hm_event_src {
    struct sim_src src;
    int event;  /* XM_HM_EV_* */
    int action; /* XM_HM_AC_* */
    bool log;
};

struct sim_io_src {
    struct sim_src src;
    struct hv_io_range io;
};

struct sim_port_src {
    struct sim_src src;
    struct hv_port_config port;
    long channel_line; /* the first channel end naming this port; 0: none */
};

struct sim_part_src {
    struct sim_src src;
    struct hv_partition_config part;
    struct sim_console_ref console;
    struct sim_vec areas;     /* of struct sim_area_src */
    struct sim_vec hm_events; /* of struct sim_hm_event_src */
    struct sim_vec io;        /* of struct sim_io_src */
    struct sim_vec ports;     /* of struct sim_port_src */
    struct sim_vec irqs;      /* of uint32_t: Interrupts@lines as written */
    long irq_line;
};

/* A channel's Source or Destination. */
struct sim_end_src {
    long line;
    bool broken;
    uint32_t partition_id;
    bool has_partition_name;
    char partition_name[HV_NAME_MAX];
    char port_name[HV_NAME_MAX];
    const struct sim_part_src *part; /* resolved by the checks; NULL: not */
    uint32_t port;                   /* index in part->ports */
};

struct sim_channel_src {
    struct sim_src src;
    struct hv_channel channel;
    struct sim_end_src source;
    struct sim_vec destinations; /* of struct sim_end_src */
};

struct sim_ipvi_src {
    struct sim_src src;          /* src.id: Ipvi@id */
    uint32_t source;             /* partition id */
    struct sim_vec destinations; /* of uint32_t partition ids */
};

/* hvsim:Policy/Partition (parse_policy.c): hypercalls and groups already
 * looked up; partition names resolved by the checks (check_policy.c). */
struct sim_name_ref {
    char name[HV_NAME_MAX];
};

struct sim_policy_src {
    struct sim_src src;
    char partition[HV_NAME_MAX];
    bool has_calls; /* @hypercalls given: the calls are restricted to these */
    uint64_t calls;
    uint32_t objects;
    bool has_targets;       /* @targets given */
    struct sim_vec targets; /* of struct sim_name_ref */
    uint32_t latency_bound_us;
};

struct sim_loader {
    const char *path;
    FILE *diag;
    unsigned errors;
    bool out_of_memory;
    bool xml_failed; /* libxml2 reported an error while parsing */
    char name[HV_NAME_MAX];
    uint32_t cpu_khz;
    uint32_t processor_count;
    bool partitions_dropped; /* more than HV_MAX_PARTITIONS: references are unknowable */
    long plan_table_line;
    struct sim_console_ref hv_console;
    int32_t hv_console_index;
    uint32_t hv_memory_size;
    bool has_watchdog;
    uint32_t watchdog_initial_us;
    uint32_t watchdog_reload_us;
    struct sim_vec regions;                /* of struct sim_region_src */
    struct sim_vec devices;                /* of struct sim_device_src */
    struct sim_vec plans;                  /* of struct sim_plan_src */
    struct sim_vec partitions;             /* of struct sim_part_src */
    struct sim_vec hv_hm_events;           /* of struct sim_hm_event_src */
    struct sim_vec channels;               /* of struct sim_channel_src */
    struct sim_vec ipvis;                  /* of struct sim_ipvi_src */
    struct sim_vec policies;               /* of struct sim_policy_src (hvsim:Policy) */
    struct sim_vec diags;                  /* of struct sim_diag (config_load.c) */
    struct sim_config_simulator simulator; /* <hvsim:Simulator> (config_sim.c) */
};

/* --- diagnostics and helpers (loader.c) ---------------------------- */

__attribute__((format(printf, 3, 4))) void sim_report(struct sim_loader *ld, long line,
                                                      const char *format, ...);
/* The same as a warning ("warning: ..."), which does not fail the load. */
__attribute__((format(printf, 3, 4))) void sim_warn(struct sim_loader *ld, long line,
                                                    const char *format, ...);

/* Reports "out of memory", once per load. */
void sim_report_out_of_memory(struct sim_loader *ld);
/* Appends one zeroed element; NULL (reported once) when out of memory. */
void *sim_vec_push(struct sim_loader *ld, struct sim_vec *v, size_t size);
const struct sim_src *sim_vec_src(const struct sim_vec *v, size_t size, uint32_t i);
bool sim_any_broken(const struct sim_vec *v, size_t size);

/* "partition 0 (P0)", or "partition 0" for an unnamed one. */
const char *sim_part_label(const struct sim_part_src *p, char *buf, size_t size);
/* Durations in the largest unit that keeps them exact: "1s", "400ms". */
const char *sim_time_text(uint64_t us, char *buf, size_t size);
/* The partition with that id, or NULL (none, or its record is broken). */
const struct sim_part_src *sim_find_partition(const struct sim_loader *ld, uint32_t id);
/* True when partition ids can be resolved: none was dropped or broken. */
bool sim_partitions_known(const struct sim_loader *ld);

/* Prints the diagnostics kept so far, sorted by line, and forgets them. */
void sim_loader_flush_diags(struct sim_loader *ld);
/* Frees the staging records. */
void sim_loader_free(struct sim_loader *ld);

#endif
