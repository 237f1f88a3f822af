/* XtratuM partition ABI: hypercall numbers, traps and return codes
 * (XM-Q 1.0 sparcv8 numbering; see docs/hypercalls.md). */
#ifndef XM_HYPERCALLS_H
#define XM_HYPERCALLS_H

/* Return codes. */
#define XM_OK 0
#define XM_NO_ACTION (-1)
#define XM_UNKNOWN_HYPERCALL (-2)
#define XM_INVALID_PARAM (-3)
#define XM_PERM_ERROR (-4)
#define XM_INVALID_CONFIG (-5)
#define XM_INVALID_MODE (-6)
#define XM_NOT_AVAILABLE (-7)
#define XM_OP_NOT_ALLOWED (-8)

/* Software traps: tt = 0x80 + (imm & 0x7f). */
#define XM_HYPERCALL_TRAP 0xF0
#define XM_ASMHYPERCALL_TRAP 0xF1

/* Normal hypercalls (ta 0xF0): %o0 = number, %o1..%o5 = arguments. */
#define halt_partition_nr 0
#define suspend_partition_nr 1
#define resume_partition_nr 2
#define reset_partition_nr 3
#define shutdown_partition_nr 4
#define halt_system_nr 5
#define reset_system_nr 6
#define idle_self_nr 7
#define get_time_nr 8
#define set_timer_nr 9
#define read_object_nr 10
#define write_object_nr 11
#define seek_object_nr 12
#define ctrl_object_nr 13
#define clear_irqmask_nr 14
#define set_irqmask_nr 15
#define set_irqpend_nr 16
#define clear_irqpend_nr 17
#define route_irq_nr 18
#define set_cache_state_nr 19
#define switch_sched_plan_nr 20
#define get_gid_by_name_nr 21
#define sparc_inport_nr 22
#define sparc_outport_nr 23
#define sparc_write_tbr_nr 24
#define sparc_disable_sdp_nr 25
#define sparc_outport_sdp_nr 26
#define sparc_outport_msg_nr 27
#define reset_vcpu_nr 30
#define halt_vcpu_nr 31
#define get_vcpuid_nr 32
#define raise_ipvi_nr 33
#define reload_watchdog_nr 34
/* hvsim's own numbers (XM-Q has none of these): the MMU
 * paravirtualisation of XtratuM 2.x/3.x for LEON3 (xm/mmu.h). */
#define update_page32_nr 35
#define set_page_type_nr 36
#define invld_tlb_nr 37
#define write_register32_nr 38
#define NR_HYPERCALLS 39

/* Assembly hypercalls (ta 0xF1): %o0 = number. */
#define sparc_iret_nr 0
#define sparc_flush_regwin_nr 1
#define sparc_get_psr_nr 2
#define sparc_set_psr_nr 3
#define sparc_set_pil_nr 4
#define sparc_clear_pil_nr 5
#define sparc_ctrl_winflow_nr 6
#define NR_ASM_HYPERCALLS 7

/* Constants of the API. */
#define XM_HYPERVISOR_ID 0xff
#define XM_HW_CLOCK 0
#define XM_EXEC_CLOCK 1
#define XM_COLD_RESET 0
#define XM_WARM_RESET 1

#endif
