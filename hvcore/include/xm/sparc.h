/* XtratuM partition ABI: what XM-Q 1.0.8's SPARC V8 headers give a
 * partition built for LEON3 with the MMU (its arch/irqs.h, arch/guest.h,
 * arch/paging.h, arch/leon.h, arch/xmconf.h, arch/arch_types.h): trap
 * names, interrupt numbers, the paging constants and the LEON3 register
 * bases. Values as XM-Q defines them; names are XM-Q's. */
#ifndef XM_SPARC_H
#define XM_SPARC_H

/* Hardware traps a partition can take (tt), in the order of XM-Q's trap
 * indexes 0..18 (the PCT's trap2Vector). */
#define DATA_STORE_ERROR 0x2b
#define INSTRUCTION_ACCESS_MMU_MISS 0x3c
#define INSTRUCTION_ACCESS_ERROR 0x21
#define R_REGISTER_ACCESS_ERROR 0x20
#define INSTRUCTION_ACCESS_EXCEPTION 0x1
#define PRIVILEGED_INSTRUCTION 0x03
#define ILLEGAL_INSTRUCTION 0x2
#define FP_DISABLED 0x4
#define CP_DISABLED 0x24
#define UNIMPLEMENTED_FLUSH 0x25
#define WATCHPOINT_DETECTED 0xb
#define MEM_ADDRESS_NOT_ALIGNED 0x7
#define FP_EXCEPTION 0x8
#define CP_EXCEPTION 0x28
#define DATA_ACCESS_ERROR 0x29
#define DATA_ACCESS_MMU_MISS 0x2c
#define DATA_ACCESS_EXCEPTION 0x9
#define TAG_OVERFLOW 0xa
#define DIVISION_BY_ZERO 0x2a

/* Interrupt level n is trap 0x10 + n. */
#define INTERRUPT_LEVEL_1 0x11
#define INTERRUPT_LEVEL_2 0x12
#define INTERRUPT_LEVEL_3 0x13
#define INTERRUPT_LEVEL_4 0x14
#define INTERRUPT_LEVEL_5 0x15
#define INTERRUPT_LEVEL_6 0x16
#define INTERRUPT_LEVEL_7 0x17
#define INTERRUPT_LEVEL_8 0x18
#define INTERRUPT_LEVEL_9 0x19
#define INTERRUPT_LEVEL_10 0x1a
#define INTERRUPT_LEVEL_11 0x1b
#define INTERRUPT_LEVEL_12 0x1c
#define INTERRUPT_LEVEL_13 0x1d
#define INTERRUPT_LEVEL_14 0x1e
#define INTERRUPT_LEVEL_15 0x1f

/* Hardware interrupt lines of a LEON3 (XM-Q arch/irqs.h, CONFIG_LEON3). */
#define INTERNAL_BUS_TRAP_NR 1
#define UART1_TRAP_NR 2
#define UART2_TRAP_NR 3

/* Hardware IRQ numbers (XM-Q guest.h, LEON3 without FT). */
#define XM_VT_HW_FIRST 0
#define XM_VT_HW_LAST 31
#define XM_VT_HW_MAX 32
#define XM_VT_HW_INTERNAL_BUS_TRAP_NR (1 + XM_VT_HW_FIRST)
#define XM_VT_HW_UART2_TRAP_NR (2 + XM_VT_HW_FIRST)
#define XM_VT_HW_UART1_TRAP_NR (3 + XM_VT_HW_FIRST)
#define XM_VT_HW_IO_IRQ0_TRAP_NR (4 + XM_VT_HW_FIRST)
#define XM_VT_HW_IO_IRQ1_TRAP_NR (5 + XM_VT_HW_FIRST)
#define XM_VT_HW_IO_IRQ2_TRAP_NR (6 + XM_VT_HW_FIRST)
#define XM_VT_HW_IO_IRQ3_TRAP_NR (7 + XM_VT_HW_FIRST)
#define XM_VT_HW_TIMER1_TRAP_NR (8 + XM_VT_HW_FIRST)
#define XM_VT_HW_TIMER2_TRAP_NR (9 + XM_VT_HW_FIRST)
#define XM_VT_HW_DSU_TRAP_NR (11 + XM_VT_HW_FIRST)
#define XM_VT_HW_PCI_TRAP_NR (14 + XM_VT_HW_FIRST)

/* XM-Q arch/xmconf.h: interrupt lines by name. */
#define XM_TRAP_IRQ_0 0
#define XM_TRAP_AMBA_IRQ 1
#define XM_TRAP_UART2_IRQ 2
#define XM_TRAP_UART1_IRQ 3
#define XM_TRAP_IO0_IRQ 4
#define XM_TRAP_IO1_IRQ 5
#define XM_TRAP_IO2_IRQ 6
#define XM_TRAP_IO3_IRQ 7
#define XM_TRAP_TIMER1_IRQ 8
#define XM_TRAP_TIMER2_IRQ 9
#define XM_TRAP_IRQ_10 10
#define XM_TRAP_DSU_IRQ 11
#define XM_TRAP_IRQ_12 12
#define XM_TRAP_IRQ_13 13
#define XM_TRAP_PCI_IRQ 14
#define XM_TRAP_IRQ_15 15
#define XM_CPU_FEATURE_WA1 0x1
#define XM_MEM_REG_STRAM 0
#define XM_MEM_REG_SDRAM 1

/* Extended IRQs: the range and the IPVIs (the others are in xm/guest.h). */
#define XM_VT_EXT_FIRST 0
#define XM_VT_EXT_LAST 31
#define XM_VT_EXT_IPVI1 (25 + XM_VT_EXT_FIRST)
#define XM_VT_EXT_IPVI2 (26 + XM_VT_EXT_FIRST)
#define XM_VT_EXT_IPVI3 (27 + XM_VT_EXT_FIRST)
#define XM_VT_EXT_IPVI4 (28 + XM_VT_EXT_FIRST)
#define XM_VT_EXT_IPVI5 (29 + XM_VT_EXT_FIRST)
#define XM_VT_EXT_IPVI6 (30 + XM_VT_EXT_FIRST)
#define XM_VT_EXT_IPVI7 (31 + XM_VT_EXT_FIRST)
#define XM_EXT_TRAPS (1 << (XM_VT_EXT_MEM_PROTECT - XM_VT_EXT_FIRST))

/* SRMMU paging (XM-Q arch/paging.h). */
#define PTD_LEVELS 3
#define PAGE_SIZE 4096
#define LPAGE_SIZE PAGE_SIZE
#define PAGE_MASK (~(PAGE_SIZE - 1))
#define PAGE_SHIFT 12
#define PTDL1_SHIFT 24
#define PTDL2_SHIFT 18
#define PTDL3_SHIFT 12
#define PTDL1SIZE 1024
#define PTDL2SIZE 256
#define PTDL3SIZE 256
#define PTDL1ENTRIES (PTDL1SIZE >> 2)
#define PTDL2ENTRIES (PTDL2SIZE >> 2)
#define PTDL3ENTRIES (PTDL3SIZE >> 2)
#define VA2PtdL1(x) (((x)&0xff000000) >> PTDL1_SHIFT)
#define VA2PtdL2(x) (((x)&0xfc0000) >> PTDL2_SHIFT)
#define VA2PtdL3(x) (((x)&0x3f000) >> PTDL3_SHIFT)
#define PtdL1L2L32VA(l1, l2, l3)                                                                   \
    (((l1) << PTDL1_SHIFT) | ((l2) << PTDL2_SHIFT) | ((l3) << PTDL3_SHIFT))
#define _PG_ARCH_PTE_PRESENT 0x002
#define _PG_ARCH_PTD_PRESENT 0x001
#define _PG_ARCH_RW (7 << 2)
#define _PG_ARCH_R (6 << 2)
#define _PG_ARCH_RW_USER (3 << 2)
#define _PG_ARCH_R_USER (2 << 2)

/* LEON3 register bases (XM-Q arch/leon.h, CONFIG_LEON3): the board's
 * devices are the hypervisor's; a partition reaches them only through
 * I/O ports its configuration grants. */
#define LEON_IOREGS 0x80000000
#define LEON_IO_AREA 0xfff00000
#define LEON_MEMORY_CFG_BASE (LEON_IOREGS + 0x0)
#define LEON_MEMORY_WPR_BASE (LEON_IOREGS + 0x1C)
#define LEON_TIMER_CFG_BASE (LEON_IOREGS + 0x300)
#define LEON_TIMER1_BASE (LEON_IOREGS + 0x310)
#define LEON_TIMER2_BASE (LEON_IOREGS + 0x320)
#define LEON_UART1_BASE (LEON_IOREGS + 0x100)
#define LEON_UART2_BASE (LEON_IOREGS + 0x100100)
#define LEON_PIC_BASE (LEON_IOREGS + 0x200)
#define LEON_GRGPREG_BASE (LEON_IOREGS + 0x600)
#define LEON_CLKGATE_BASE (LEON_IOREGS + 0xD00)
#define LEON_CCR_BASE 0x2
#define LEON_MMU_FLUSH 0x18

/* Word bitmaps (XM-Q arch_types.h): 32-bit words. */
#define XM_LOG2_WORD_SZ 5

#endif
