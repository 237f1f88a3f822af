/* XtratuM partition ABI: the MMU paravirtualisation of XtratuM 2.x/3.x for
 * LEON3 (the LEON3 paper, sections 3.1-3.2; dropped by XM-Q, so the
 * hypercall numbers in xm/hypercalls.h are hvsim's own, from the range
 * XM-Q leaves free). A partition registers pages of its own memory as
 * SPARC reference MMU page-table pages, updates their entries and
 * switches maps only through these calls (docs/hypercalls.md). */
#ifndef XM_MMU_H
#define XM_MMU_H

/* XM_set_page_type(pAddr, type): what a 4 KiB page of the caller's memory
 * is. PPAG_STD is ordinary memory (unregisters a table page). */
#define PPAG_STD 0
#define PPAG_PTDL1 1 /* four level-1 tables of 256 entries */
#define PPAG_PTDL2 2 /* sixteen level-2 tables of 64 entries */
#define PPAG_PTDL3 3 /* sixteen level-3 tables of 64 entries */

/* XM_write_register32(reg, value) registers. PTD1_REG32 takes the
 * physical address of a level-1 table (1 KiB aligned, in a PPAG_PTDL1
 * page), or XM_MMU_INITIAL_MAP for the map the configuration built. */
#define PTD1_REG32 1
#define XM_MMU_INITIAL_MAP 0u

/* SPARC reference MMU entries (big-endian words in the table pages). */
#define XM_MMU_ET_MASK 3u
#define XM_MMU_ET_INVALID 0u
#define XM_MMU_ET_PTD 1u
#define XM_MMU_ET_PTE 2u
#define XM_MMU_PTE_ACC_SHIFT 2
#define XM_MMU_PTE_ACC_MASK (7u << XM_MMU_PTE_ACC_SHIFT)
#define XM_MMU_PTE_CACHEABLE (1u << 7)
/* User rights of the ACC field. */
#define XM_MMU_ACC_R 0u
#define XM_MMU_ACC_RW 1u
#define XM_MMU_ACC_RX 2u
#define XM_MMU_ACC_RWX 3u
#define XM_MMU_ACC_X 4u
/* A PTE mapping 4 KiB at physical address pa; a PTD to the table at ta. */
#define XM_MMU_PTE(pa, acc) ((((pa) >> 4) & 0xffffff00u) | ((acc) << 2) | XM_MMU_ET_PTE)
#define XM_MMU_PTD(ta) ((((ta) >> 4) & ~3u) | XM_MMU_ET_PTD)

/* Level-1 entries from this index on (virtual addresses from 0xF0000000:
 * the PCT, and the hypervisor's own pages) belong to the hypervisor in
 * every map: the partition cannot write them. */
#define XM_MMU_L1_RESERVED 240u

#endif
