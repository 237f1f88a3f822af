/* The configuration model: one validated, read-only description of the
 * system, produced from XM_CF by sim/ (host) or compiled into the LEON3
 * image. Ids are indexes: partitions[i].id == i, plans[i].id == i,
 * plan.slots[i].id == i. Times are microseconds, sizes bytes. */
#ifndef HVCORE_CONFIG_H
#define HVCORE_CONFIG_H

#include <stdbool.h>
#include <stdint.h>
#include <xm/hm.h>

#define HV_NAME_MAX 32 /* bytes including the terminating NUL */
#define HV_MAX_PARTITIONS 64
#define HV_MAX_PLANS 16
/* Memory areas of one partition, at most: as many as its PCT page lists
 * in XtratuM's memory map after the table (248 + 120 x 32 of 4096 bytes;
 * checked in pct.c). The loader refuses more. */
#define HV_MAX_AREAS 120

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

/* One entry of a health-monitor table, indexed by XM_HM_EV_*: what to do
 * when the event is raised and whether to log it. Every table is complete:
 * events the XML does not name hold xmcparser's defaults. */
struct hv_hm_entry {
    uint32_t action; /* XM_HM_AC_* */
    bool log;
};

/* Native interrupt lines (IRQMP) that XM_CF Interrupts@lines may name. */
#define HV_IRQ_LINES 16
/* Lines the hypervisor keeps for itself (its UART and timers) come from
 * the board profile: hv_board.reserved_irqs (hvcore/board.h). */

/* I/O ports a partition may access (XM_CF HwResources/IoPorts), in 4-byte
 * words. Range: `count` words from `base`, all bits. Restricted: one word,
 * only the bits of `mask` (read-modify-write). */
struct hv_io_range {
    uint32_t base;
    uint32_t count; /* words; 1 for a restricted port */
    bool restricted;
    uint32_t mask; /* 0xffffffff for a range */
};

enum hv_port_direction { HV_PORT_SOURCE, HV_PORT_DESTINATION };
enum hv_port_type { HV_PORT_SAMPLING, HV_PORT_QUEUING };
enum hv_port_discipline { HV_PORT_FIFO, HV_PORT_PRIORITY };

/* A port of a partition (XM_CF PortTable/Port). Every port belongs to
 * exactly one channel. */
struct hv_port_config {
    char name[HV_NAME_MAX];
    uint32_t partition_id;
    enum hv_port_direction direction;
    enum hv_port_type type;
    enum hv_port_discipline discipline; /* FIFO unless given */
    uint32_t channel;                   /* index in hv_config.channels */
};

enum hv_channel_type { HV_CHANNEL_SAMPLING, HV_CHANNEL_QUEUING };

/* A channel (XM_CF Channels/SamplingChannel, QueuingChannel). Ports are
 * indexes in hv_config.ports. A queuing channel has one destination. */
struct hv_channel {
    enum hv_channel_type type;
    uint32_t max_message_length;     /* bytes, > 0 */
    uint32_t refresh_period_us;      /* sampling; as in XM-Q, 0 means never valid */
    uint32_t max_messages;           /* queuing, > 0 */
    uint32_t max_time_expiration_us; /* queuing; 0: none */
    uint32_t source_port;
    const uint32_t *destination_ports;
    uint32_t destination_count;
};

/* Communication limits: the core has no heap, so port and channel state
 * and every channel's message storage live in fixed arrays of struct hv
 * (docs/ports.md). The loader rejects a configuration beyond them. */
#define HV_MAX_PORTS 256
#define HV_MAX_CHANNELS 128
#define HV_COMM_POOL_BYTES (64u * 1024u)

/* Bytes of the message pool a channel takes: a sampling channel keeps one
 * message; a queuing channel maxNoMessages, each with a 4-byte length. */
static inline uint64_t hv_channel_storage(const struct hv_channel *channel)
{
    if (channel->type == HV_CHANNEL_SAMPLING)
        return channel->max_message_length;
    return (uint64_t)channel->max_messages * ((uint64_t)channel->max_message_length + 4u);
}

/* Inter-partition virtual interrupts (XM_CF Channels/Ipvi): partition
 * `source_partition` raising XM_VT_EXT_IPVI0 + id reaches the partitions
 * listed in `destinations` (partition ids). */
#define HV_MAX_IPVIS 8
struct hv_ipvi {
    uint32_t id; /* 0..HV_MAX_IPVIS-1 */
    uint32_t source_partition;
    const uint32_t *destinations;
    uint32_t destination_count;
};

/* A partition's hypercall policy (hvsim's own XM_CF extension,
 * hvsim:Policy; docs/configuration.md): least privilege on top of
 * XtratuM's system/user rule, which it only narrows. All zero (no policy)
 * means XtratuM's rule alone. The groups that fill `calls` and `objects`
 * are in hvcore/policy.h. */
struct hv_policy {
    bool restrict_calls;   /* false: every hypercall XtratuM's rule allows */
    uint64_t calls;        /* bit n: hypercall n (ta 0xF0) allowed */
    uint32_t objects;      /* bit c: read/write/seek/ctrl_object on object class c allowed */
    bool restrict_targets; /* false: management calls on any partition XtratuM's rule allows */
    uint64_t targets;      /* bit p: management calls may act on partition p */
};

struct hv_partition_config {
    uint32_t id;
    char name[HV_NAME_MAX];
    uint32_t flags; /* HV_PART_* */
    uint32_t entry_point;
    bool has_entry_point; /* false: the image's ELF entry is used */
    int32_t console;      /* device index in hv_config.devices, or HV_CONSOLE_NONE */
    const struct hv_mem_area *areas;
    uint32_t area_count;
    struct hv_hm_entry hm[XM_HM_MAX_EVENTS]; /* partition-scope HM table */
    uint32_t irq_lines;                      /* bit n: owns native IRQ line n */
    const struct hv_io_range *io_ranges;
    uint32_t io_range_count;
    const struct hv_port_config *ports; /* == &hv_config.ports[first_port] */
    uint32_t port_count;
    uint32_t first_port;
    struct hv_policy policy;
    /* Virtual interrupt latency bound (hvsim's XM_CF extension), µs within
     * the partition's slot; 0: none. Deliveries over it are marked. */
    uint32_t latency_bound_us;
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
    /* XMHypervisor: its HM table (system-scope events; the APP_* entries are
     * unused), PhysicalMemoryArea@size (0 when absent) and Watchdog. */
    struct hv_hm_entry hv_hm[XM_HM_MAX_EVENTS];
    uint32_t hv_memory_size;
    bool has_watchdog;
    uint32_t watchdog_initial_us;
    uint32_t watchdog_reload_us;
    const struct hv_port_config *ports; /* every partition's, partition after partition */
    uint32_t port_count;
    const struct hv_channel *channels;
    uint32_t channel_count;
    const struct hv_ipvi *ipvis;
    uint32_t ipvi_count;
};

#endif
