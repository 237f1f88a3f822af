/* XtratuM partition ABI: the partition control table (PCT), its memory-area
 * table and the extended IRQ numbers (XM-Q 1.0.8 SPARC V8 layout as its LEON3
 * defconfig builds it, with the MMU: 248 bytes, big-endian).
 * The PCT is mapped read-only into every partition at HV_PCT_ADDRESS and its
 * address is passed in %g1 at boot. The hypervisor writes it field by field
 * at the offsets of this struct (see hv_pct.c), never by copying the struct. */
#ifndef XM_GUEST_H
#define XM_GUEST_H

#include <xm/types.h>
#include <xm/xmconf.h>

#define XM_PCT_MAGIC 0xa5a55a5a
#define CONFIG_ID_STRING_LENGTH 16
#define NO_TRAPS 20
#define CONFIG_NO_HWIRQS 16
#define XM_VT_EXT_MAX 32

/* SPARC PSR fields (V8 manual 4.2), XtratuM's names. The PCT's iFlags hold
 * the partition's virtual ET, PIL (and EF); XM_sparc_get_psr() shows them
 * with the real icc. */
#define PSR_ICC_MASK 0x00f00000
#define PSR_EF_BIT 0x00001000
#define PSR_PIL_MASK 0x00000f00
#define PSR_S_BIT 0x00000080
#define PSR_PS_BIT 0x00000040
#define PSR_ET_BIT 0x00000020
#define PSR_CWP_MASK 0x0000001f

/* partitionControlTable_t.flags (XM-Q's names; the configuration flags,
 * XM_PART_SYSTEM and friends, have other values: xm/xmconf.h). */
#define PARTITION_SYSTEM_F (1 << 0)
#define PARTITION_FP_F (1 << 1)
#define PARTITION_HALTED_F (1 << 2)
#define PARTITION_SUSPENDED_F (1 << 3)
#define PARTITION_READY_F (1 << 4)
#define PARTITION_DCACHE_ENABLED_F (1 << 7)
#define PARTITION_ICACHE_ENABLED_F (1 << 8)

/* Extended IRQs. */
#define XM_VT_EXT_HW_TIMER 0
#define XM_VT_EXT_EXEC_TIMER 1
#define XM_VT_EXT_SHUTDOWN 3
#define XM_VT_EXT_SAMPLING_PORT 4
#define XM_VT_EXT_QUEUING_PORT 5
#define XM_VT_EXT_CYCLIC_SLOT_START 8
#define XM_VT_EXT_MEM_PROTECT 16
#define XM_VT_EXT_IPVI0 24

/* With XM-Q's CONFIG_MMU (LEON3): the SRMMU fault status and address that
 * XM-Q writes on an MMU-miss trap (tt 0x3c, 0x2c). hvsim's vCPU reports
 * MMU faults as tt 0x09/0x01, for which XM-Q writes nothing either: 0. */
struct pctArch {
    xmAddress_t tbr;
    volatile xm_u32_t faultStatusReg;
    volatile xm_u32_t faultAddressReg;
};

typedef struct {
    xm_u32_t magic;
    xm_u32_t xmVersion;
    xm_u32_t xmAbiVersion;
    xm_u32_t xmApiVersion;
    xm_u32_t resetCounter;
    xm_u32_t resetStatus;
    xm_u32_t cpuKhz;
    xmId_t id;
    xm_u32_t flags;
    xm_u32_t imgStart;
    xm_u32_t hwIrqs;
    xm_s32_t noPhysicalMemAreas;
    xm_s32_t noCommPorts;
    xm_u8_t name[CONFIG_ID_STRING_LENGTH];
    xm_u32_t iFlags;
    xm_u32_t hwIrqsPend;
    xm_u32_t hwIrqsMask;
    xm_u32_t extIrqsPend;
    xm_u32_t extIrqsMask;
    struct pctArch arch;
    struct {
        /* Big-endian bit fields: noSlot is bits 31..16 of the word. */
        xm_u32_t noSlot : 16, releasePoint : 1, reserved : 15;
        xm_u32_t id;
        xm_u32_t slotDuration;
    } schedInfo;
    xm_u16_t trap2Vector[NO_TRAPS];
    xm_u16_t hwIrq2Vector[CONFIG_NO_HWIRQS];
    xm_u16_t extIrq2Vector[XM_VT_EXT_MAX];
} partitionControlTable_t;

/* Byte offsets of the PCT fields the hypervisor writes (checked against the
 * struct in the unit tests; the bit-field word has no offsetof). */
#define XM_PCT_OFF_SCHEDINFO 100
#define XM_PCT_OFF_TRAP2VECTOR 112
#define XM_PCT_SIZE 248

/* Memory-area table, right after the PCT. */
#define XM_MEM_AREA_UNMAPPED (1 << 0)
#define XM_MEM_AREA_READONLY (1 << 1)
#define XM_MEM_AREA_UNCACHEABLE (1 << 2)
#define XM_MEM_AREA_ROM (1 << 3)
#define XM_MEM_AREA_FLAG0 (1 << 4)
#define XM_MEM_AREA_FLAG1 (1 << 5)
#define XM_MEM_AREA_FLAG2 (1 << 6)
#define XM_MEM_AREA_FLAG3 (1 << 7)
#define XM_MEM_AREA_TAGGED (1 << 8)

struct xmPhysicalMemMap {
    xm_s8_t name[CONFIG_ID_STRING_LENGTH];
    xmAddress_t startAddr;
    xmAddress_t mappedAt;
    xmSize_t size;
    xm_u32_t flags;
};

#endif
