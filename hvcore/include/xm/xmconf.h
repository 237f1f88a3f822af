/* XtratuM partition ABI: the build configuration a partition sees (XM-Q
 * 1.0.8's xmconf.h and the CONFIG_* values of its LEON3 defconfig, which
 * XtratuM's build force-includes) and the partition flags of the
 * configuration table. */
#ifndef XM_XMCONF_H
#define XM_XMCONF_H

/* Kconfig defaults of XM-Q 1.0.8 (core/kernel/Kconfig): vCPUs per
 * partition. Only the first runs here, the second stays halted. */
#define CONFIG_NO_VCPUS 2

/* struct xmcPartition.flags: what the XM_CF flags attribute sets ("boot",
 * "system", "fp"; the cache flags are XM-Q's). */
#define XM_PART_BOOT 0x1
#define XM_PART_SYSTEM 0x100
#define XM_PART_FP 0x200
#define XM_PART_ICACHE_DISABLED 0x400
#define XM_PART_DCACHE_DISABLED 0x800

#endif
