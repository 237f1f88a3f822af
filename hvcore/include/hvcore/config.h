/* The configuration model: one validated, read-only description of the
 * system, produced from XM_CF by sim/ (host) or compiled into the LEON3
 * image. Ids are indexes: partitions[i].id == i, plans[i].id == i,
 * plan.slots[i].id == i. Times are microseconds, sizes bytes. */
#ifndef HVCORE_CONFIG_H
#define HVCORE_CONFIG_H

#include <stdbool.h>
#include <stdint.h>

#define HV_NAME_MAX 32 /* bytes including the terminating NUL */
#define HV_MAX_PARTITIONS 64
#define HV_MAX_PLANS 16

/* Where every partition sees its own partition control table (one 4 KiB
 * page, read-only). No memory area may overlap it. */
#define HV_PCT_ADDRESS 0xF0000000u

/* Partition flags (XM_CF Partition@flags). */
#define HV_PART_SYSTEM (1u << 0)
#define HV_PART_FP (1u << 1)
#define HV_PART_BOOT (1u << 2)
#define HV_PART_ICACHE_DISABLED (1u << 3)
#define HV_PART_DCACHE_DISABLED (1u << 4)

/* Memory area flags (XM_CF Area@flags): same bits as the PCT's memory map. */
#define HV_AREA_UNMAPPED (1u << 0)
#define HV_AREA_READONLY (1u << 1)
#define HV_AREA_UNCACHEABLE (1u << 2)
#define HV_AREA_ROM (1u << 3)
#define HV_AREA_SHARED (1u << 9) /* set by the loader when areas of two partitions coincide */

/* Slot flags (XM_CF Slot@flags). */
#define HV_SLOT_PERIOD_START (1u << 0)

/* Memory region types (XM_CF MemoryLayout/Region@type). */
enum hv_region_type { HV_REGION_SDRAM, HV_REGION_STRAM, HV_REGION_ROM };

struct hv_region {
    enum hv_region_type type;
    uint32_t start;
    uint32_t size;
};

struct hv_mem_area {
    char name[HV_NAME_MAX];
    uint32_t start; /* physical address */
    uint32_t size;
    uint32_t mapped_at; /* address the partition sees; == start when not given */
    uint32_t flags;     /* HV_AREA_* */
};

struct hv_slot {
    uint32_t id;
    uint32_t start_us; /* offset within the major frame */
    uint32_t duration_us;
    uint32_t partition_id;
    uint32_t vcpu_id;
    uint32_t flags; /* HV_SLOT_* */
};

struct hv_plan {
    uint32_t id;
    char name[HV_NAME_MAX];
    uint32_t major_frame_us;
    const struct hv_slot *slots; /* sorted by start_us */
    uint32_t slot_count;
};

/* Console device: the hypervisor UART (the only kind so far). */
#define HV_CONSOLE_NONE (-1)

struct hv_partition_config {
    uint32_t id;
    char name[HV_NAME_MAX];
    uint32_t flags; /* HV_PART_* */
    uint32_t entry_point;
    bool has_entry_point; /* false: the image's ELF entry is used */
    int32_t console;      /* device index in hv_config.devices, or HV_CONSOLE_NONE */
    const struct hv_mem_area *areas;
    uint32_t area_count;
};

enum hv_device_type { HV_DEVICE_UART, HV_DEVICE_MEMORY_BLOCK, HV_DEVICE_NULL };

struct hv_device {
    enum hv_device_type type;
    char name[HV_NAME_MAX];
    uint32_t id;        /* Uart@id */
    uint32_t baud_rate; /* Uart@baudRate */
    uint32_t start;     /* MemoryBlock */
    uint32_t size;
};

struct hv_config {
    char name[HV_NAME_MAX]; /* SystemDescription@name */
    uint32_t cpu_khz;       /* Processor@frequency */
    int32_t hv_console;     /* XMHypervisor@console: device index or HV_CONSOLE_NONE */
    const struct hv_region *regions;
    uint32_t region_count;
    const struct hv_device *devices;
    uint32_t device_count;
    const struct hv_plan *plans;
    uint32_t plan_count;
    const struct hv_partition_config *partitions;
    uint32_t partition_count;
};

#endif
