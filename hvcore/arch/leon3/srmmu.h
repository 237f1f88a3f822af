/* hvcore/arch/leon3: SPARC V8 reference MMU page tables (SPARC V8 manual,
 * appendix H). srmmu_map() is the one way tables are built, for the
 * hypervisor's contexts and, later, for partitions' own tables (issue 17). */
#ifndef HVCORE_ARCH_LEON3_SRMMU_H
#define HVCORE_ARCH_LEON3_SRMMU_H

#include <stdbool.h>
#include <stdint.h>

#define SRMMU_ET_INVALID 0u
#define SRMMU_ET_PTD 1u
#define SRMMU_ET_PTE 2u
#define SRMMU_PTE_C 0x80u

/* Access permissions (user / supervisor). */
#define SRMMU_ACC_R 0u     /* R / R */
#define SRMMU_ACC_RWX 3u   /* RWX / RWX */
#define SRMMU_ACC_RX 2u    /* RX / RX */
#define SRMMU_ACC_S_RX 6u  /* none / RX */
#define SRMMU_ACC_S_RWX 7u /* none / RWX */

#define SRMMU_L1_ENTRIES 256u
#define SRMMU_L2_ENTRIES 64u
#define SRMMU_L3_ENTRIES 64u
#define SRMMU_L1_PAGE 0x01000000u
#define SRMMU_L2_PAGE 0x00040000u
#define SRMMU_L3_PAGE 0x00001000u

uint32_t srmmu_pte(uint32_t physical, uint32_t acc, bool cacheable);
/* Map [va, va + size) to [pa, ...) in the context whose level-1 table is
 * level1 (tables from leon3_alloc). False when part of it is mapped. */
bool srmmu_map(uint32_t *level1, uint32_t va, uint32_t pa, uint32_t size, uint32_t acc,
               bool cacheable);

#endif
