/* XtratuM partition ABI: the build configuration a partition sees (XM-Q
 * 1.0.8's xmconf.h and the CONFIG_* values of its LEON3 defconfig, which
 * XtratuM's build force-includes) and the partition flags of the
 * configuration table. */
#ifndef XM_XMCONF_H
#define XM_XMCONF_H

/* Kconfig defaults of XM-Q 1.0.8 (core/kernel/Kconfig): vCPUs per
 * partition. Only the first runs here, the second stays halted. */
#define CONFIG_NO_VCPUS 2

/* What XM-Q's build force-includes (its autoconf.h from the LEON3
 * defconfig, with the MMU): a partition tests these with #ifdef. */
#define CONFIG_SPARCv8 1
#define CONFIG_LEON3 1
#define CONFIG_MMU 1
#define CONFIG_TARGET_BIG_ENDIAN 1
#define CONFIG_NO_CPUS 1
#define CONFIG_REGISTER_WINDOWS 8
#define CONFIG_ENABLE_CACHE 1
#define CONFIG_XM_LOAD_ADDR 0x40000000
#define CONFIG_XM_OFFSET 0x40000000
#define CONFIG_MAX_NO_MAREAS 8
#define CONFIG_IPVI_SUPPORT 1
#define CONFIG_MAX_NO_IPVI 8 /* hvsim's IPVIs: XM_VT_EXT_IPVI0..7 */
#define XM_MAX_IPVI CONFIG_MAX_NO_IPVI

/* struct xmcPartition.flags: what the XM_CF flags attribute sets ("boot",
 * "system", "fp"; the cache flags are XM-Q's). */
#define XM_PART_BOOT 0x1
#define XM_PART_SYSTEM 0x100
#define XM_PART_FP 0x200
#define XM_PART_ICACHE_DISABLED 0x400
#define XM_PART_DCACHE_DISABLED 0x800

#endif
