/* xal: the partition's view of the hypervisor (XtratuM libxm API, XM-Q 1.0 SPARC V8).
 * A partition does `#include <xm.h>`: this brings in the shared ABI headers
 * (hvcore/include/xm/: types, hypercall numbers, object descriptors, PCT) and
 * declares the XM_* calls that libxm implements over `ta 0xF0` / `ta 0xF1`.
 * Names and signatures follow XtratuM's libxm so that its partitions compile
 * unchanged. Usable from assembly too (only the numbers and trap macros). */
#ifndef XAL_XM_H
#define XAL_XM_H

#include <xm/hypercalls.h>

#ifndef __ASSEMBLER__

#include <stddef.h>
#include <xm/api.h>
#include <xm/bitmap.h>
#include <xm/commports.h>
#include <xm/guest.h>
#include <xm/hm.h>
#include <xm/mem.h>
#include <xm/mmu.h>
#include <xm/objdir.h>
#include <xm/plan.h>
#include <xm/sparc.h>
#include <xm/status.h>
#include <xm/trace.h>
#include <xm/types.h>
#include <xmef.h>

/* Where the PCT and the tables after it are; set by init_libxm() at boot. */
extern struct libXmParams {
    partitionControlTable_t *partCtrlTab;
    struct xmPhysicalMemMap *partMemMap;
    xmWord_t *commPortBitmap;
} libXmParams;

void init_libxm(partitionControlTable_t *partCtrlTab);

static inline partitionControlTable_t *XM_params_get_PCT(void)
{
    return libXmParams.partCtrlTab;
}

static inline struct xmPhysicalMemMap *XM_get_partition_mmap(void)
{
    return libXmParams.partMemMap;
}

static inline xmWord_t *XM_get_commport_bitmap(void)
{
    return libXmParams.commPortBitmap;
}

#define XM_PARTITION_SELF (XM_params_get_PCT()->id)

/* Partitions and system. */
xm_s32_t XM_halt_partition(xm_u32_t partitionId);
xm_s32_t XM_suspend_partition(xm_u32_t partitionId);
xm_s32_t XM_resume_partition(xm_u32_t partitionId);
xm_s32_t XM_reset_partition(xm_u32_t partitionId, xmAddress_t ePoint, xm_u32_t resetMode,
                            xm_u32_t status);
xm_s32_t XM_shutdown_partition(xm_u32_t partitionId);
xm_s32_t XM_idle_self(void);
xm_s32_t XM_halt_system(void);
xm_s32_t XM_reset_system(xm_u32_t resetMode);
xmId_t XM_get_vcpuid(void);
xm_s32_t XM_halt_vcpu(xm_u32_t vcpuId);
xm_s32_t XM_reset_vcpu(xm_u32_t vcpuId, xmAddress_t entry);
xm_s32_t XM_switch_sched_plan(xm_u32_t newPlanId, xm_u32_t *currentPlanId);
xm_s32_t XM_get_gid_by_name(xm_u8_t *name, xm_u32_t entity);
xm_s32_t XM_get_plan_status(xmPlanStatus_t *status);

/* Time. */
xm_s32_t XM_get_time(xm_u32_t clockId, xmTime_t *time);
xm_s32_t XM_set_timer(xm_u32_t clockId, xmTime_t absTime, xmTime_t interval);
xm_s32_t XM_reload_watchdog(xmTime_t budget);

/* Objects (console, ports, HM, trace, status are all objects). */
xm_s32_t XM_read_object(xmObjDesc_t objDesc, void *buffer, xm_u32_t size, xm_u32_t *flags);
xm_s32_t XM_write_object(xmObjDesc_t objDesc, void *buffer, xm_u32_t size, xm_u32_t *flags);
xm_s32_t XM_seek_object(xmObjDesc_t objDesc, xm_u32_t offset, xm_u32_t whence);
xm_s32_t XM_ctrl_object(xmObjDesc_t objDesc, xm_u32_t cmd, void *arg);
xm_s32_t XM_write_console(char *buffer, xm_s32_t length);

/* Health monitor: the log (system partitions: read, destructively, and
 * count) and the application events a partition raises against itself. */
xm_s32_t XM_hm_read(xmHmLog_t *hmLogPtr, xm_s32_t noLogs);
xm_s32_t XM_hm_status(xmHmStatus_t *hmStatusPtr);
xm_s32_t XM_hm_raise_event(xm_u32_t event);

/* Status: the system's (system partitions) and a partition's (itself, or
 * any for a system partition). */
xm_s32_t XM_get_system_status(xmSystemStatus_t *status);
xm_s32_t XM_get_partition_status(xmId_t id, xmPartitionStatus_t *status);

/* Sampling ports (libxm_comm.c). */
xm_s32_t XM_create_sampling_port(char *portName, xm_u32_t maxMsgSize, xm_u32_t direction,
                                 xmTime_t refreshPeriod);
xm_s32_t XM_read_sampling_message(xm_s32_t portDesc, void *msgPtr, xm_u32_t msgSize,
                                  xm_u32_t *flags);
xm_s32_t XM_write_sampling_message(xm_s32_t portDesc, void *msgPtr, xm_u32_t msgSize);
xm_s32_t XM_get_sampling_port_status(xm_u32_t portDesc, xmSamplingPortStatus_t *status);
xm_s32_t XM_get_sampling_port_info(char *portName, xmSamplingPortInfo_t *info);

/* Queuing ports (libxm_comm.c). */
xm_s32_t XM_create_queuing_port(char *portName, xm_u32_t maxNoMsgs, xm_u32_t maxMsgSize,
                                xm_u32_t direction);
xm_s32_t XM_send_queuing_message(xm_s32_t portDesc, void *msgPtr, xm_u32_t msgSize);
xm_s32_t XM_receive_queuing_message(xm_s32_t portDesc, void *msgPtr, xm_u32_t msgSize);
xm_s32_t XM_get_queuing_port_status(xm_u32_t portDesc, xmQueuingPortStatus_t *status);
xm_s32_t XM_get_queuing_port_info(char *portName, xmQueuingPortInfo_t *info);

/* Trace (libxm_comm.c). */
xm_s32_t XM_trace_event(xm_u8_t *trace);
xm_s32_t XM_trace_read(xmId_t id, xmTraceEvent_t *traceEventPtr, xm_s32_t noTraces);
xm_s32_t XM_trace_status(xmId_t id, xmTraceStatus_t *traceStatusPtr);

/* Memory (libxm_comm.c). */
xm_s32_t XM_memory_copy(xmId_t dstId, xm_u32_t dstAddr, xmId_t srcId, xm_u32_t srcAddr,
                        xm_u32_t size);

/* The partition's own memory maps (XtratuM 2.x/3.x for LEON3; hvsim's
 * numbers: xm/mmu.h, docs/hypercalls.md). Addresses are physical. */
xm_s32_t XM_set_page_type(xmAddress_t pAddr, xm_u32_t type);
xm_s32_t XM_update_page32(xmAddress_t pAddr, xm_u32_t val);
xm_s32_t XM_write_register32(xm_u32_t reg32, xm_u32_t val);
xm_s32_t XM_invld_tlb(xmAddress_t vAddr);

/* Interrupts. */
xm_s32_t XM_clear_irqmask(xm_u32_t hwIrqsMask, xm_u32_t extIrqsMask);
xm_s32_t XM_set_irqmask(xm_u32_t hwIrqsMask, xm_u32_t extIrqsMask);
xm_s32_t XM_set_irqpend(xm_u32_t hwIrqPend, xm_u32_t extIrqPend);
xm_s32_t XM_clear_irqpend(xm_u32_t hwIrqPend, xm_u32_t extIrqPend);
xm_s32_t XM_route_irq(xm_u32_t type, xm_u32_t irq, xm_u16_t vector);
xm_s32_t XM_raise_ipvi(xm_u8_t no_ipvi);
/* The virtual interrupt flags (PCT iFlags), as XM-Q's libxm: disable sets
 * PIL to 15; enable sets ET and clears PIL, after which the hypervisor
 * delivers what is pending. */
void XM_disable_irqs(void);
void XM_enable_irqs(void);

/* Caches. */
xm_s32_t XM_set_cache_state(xm_u32_t cache, xm_u32_t action);

/* SPARC specific (normal trap). */
xm_s32_t XM_sparc_inport(xm_u32_t port, xm_u32_t *value);
xm_s32_t XM_sparc_outport(xm_u32_t port, xm_u32_t value);
xm_s32_t XM_sparc_outport_sdp(xm_u8_t *dst, xm_u8_t *src, xm_u32_t size);
xm_s32_t XM_sparc_disable_sdp(xm_u32_t chipSelect);
void XM_sparc_write_tbr(xmWord_t val);

/* SPARC assembly hypercalls (ta 0xF1). Leaf routines: they run in the caller's
 * register window. XM_sparc_iret only makes sense from a trap handler's own
 * window (it does not return on success). */
void XM_sparc_flush_regwin(void);
xm_u32_t XM_sparc_get_psr(void);
void XM_sparc_set_psr(xm_u32_t flags);
void XM_sparc_set_pil(void);
void XM_sparc_clear_pil(void);
void XM_sparc_ctrl_winflow(void);
void XM_sparc_iret(void);

#else /* __ASSEMBLER__ */

/* As in XtratuM: `mov nr, %o0; __XM_HC` from assembly. */
#define __XM_HC                                                                                    \
    ta XM_HYPERCALL_TRAP;                                                                          \
    nop
#define __XM_AHC                                                                                   \
    ta XM_ASMHYPERCALL_TRAP;                                                                       \
    nop

#endif

#endif
