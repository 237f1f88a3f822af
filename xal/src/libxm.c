/* xal: libxm, the XM_* calls of XtratuM's API over the normal hypercall trap
 * (numbers in xm/hypercalls.h). Each is a one-liner; the object-based calls
 * (console here; ports, HM, trace later) build an object descriptor and use
 * read/write/seek/ctrl_object as XtratuM's libxm does (reference §1.4). */
#include "hypercall.h"
#include "xal_asm.h"
#include <stdint.h>
#include <xm.h>

_Static_assert(offsetof(partitionControlTable_t, id) == XAL_PCT_ID_OFFSET, "crt0 reads pct->id");
_Static_assert(sizeof(partitionControlTable_t) == XM_PCT_SIZE, "memory-area table follows the PCT");
_Static_assert(sizeof(xmHmLog_t) == XM_HMLOG_SIZE, "xmHmLog_t as XtratuM packs it");
_Static_assert(sizeof(xmSystemStatus_t) == XM_SYSTEM_STATUS_SIZE, "xmSystemStatus_t layout");
_Static_assert(sizeof(xmPartitionStatus_t) == XM_PARTITION_STATUS_SIZE,
               "xmPartitionStatus_t layout");

struct libXmParams libXmParams;

void init_libxm(partitionControlTable_t *partCtrlTab)
{
    libXmParams.partCtrlTab = partCtrlTab;
    libXmParams.partMemMap = (struct xmPhysicalMemMap *)(partCtrlTab + 1);
    libXmParams.commPortBitmap =
        (xmWord_t *)(libXmParams.partMemMap + partCtrlTab->noPhysicalMemAreas);
}

/* Partitions and system. */

xm_s32_t XM_halt_partition(xm_u32_t partitionId)
{
    return xal_hypercall1(halt_partition_nr, partitionId);
}

xm_s32_t XM_suspend_partition(xm_u32_t partitionId)
{
    return xal_hypercall1(suspend_partition_nr, partitionId);
}

xm_s32_t XM_resume_partition(xm_u32_t partitionId)
{
    return xal_hypercall1(resume_partition_nr, partitionId);
}

xm_s32_t XM_reset_partition(xm_u32_t partitionId, xmAddress_t ePoint, xm_u32_t resetMode,
                            xm_u32_t status)
{
    return xal_hypercall4(reset_partition_nr, partitionId, ePoint, resetMode, status);
}

xm_s32_t XM_shutdown_partition(xm_u32_t partitionId)
{
    return xal_hypercall1(shutdown_partition_nr, partitionId);
}

xm_s32_t XM_idle_self(void)
{
    return xal_hypercall0(idle_self_nr);
}

xm_s32_t XM_halt_system(void)
{
    return xal_hypercall0(halt_system_nr);
}

xm_s32_t XM_reset_system(xm_u32_t resetMode)
{
    return xal_hypercall1(reset_system_nr, resetMode);
}

xmId_t XM_get_vcpuid(void)
{
    return (xmId_t)xal_hypercall0(get_vcpuid_nr);
}

xm_s32_t XM_halt_vcpu(xm_u32_t vcpuId)
{
    return xal_hypercall1(halt_vcpu_nr, vcpuId);
}

xm_s32_t XM_reset_vcpu(xm_u32_t vcpuId, xmAddress_t entry)
{
    return xal_hypercall2(reset_vcpu_nr, vcpuId, entry);
}

xm_s32_t XM_switch_sched_plan(xm_u32_t newPlanId, xm_u32_t *currentPlanId)
{
    return xal_hypercall2(switch_sched_plan_nr, newPlanId, XAL_PTR(currentPlanId));
}

xm_s32_t XM_get_gid_by_name(xm_u8_t *name, xm_u32_t entity)
{
    return xal_hypercall2(get_gid_by_name_nr, XAL_PTR(name), entity);
}

xm_s32_t XM_get_plan_status(xmPlanStatus_t *status)
{
    xmObjDesc_t desc = (xmObjDesc_t)OBJDESC_BUILD(OBJ_CLASS_STATUS, XM_PARTITION_SELF, 0);
    return XM_ctrl_object(desc, XM_GET_SCHED_PLAN_STATUS, status);
}

/* Time. */

xm_s32_t XM_get_time(xm_u32_t clockId, xmTime_t *time)
{
    return xal_hypercall2(get_time_nr, clockId, XAL_PTR(time));
}

xm_s32_t XM_set_timer(xm_u32_t clockId, xmTime_t absTime, xmTime_t interval)
{
    return xal_hypercall5(set_timer_nr, clockId, XAL_HI(absTime), XAL_LO(absTime), XAL_HI(interval),
                          XAL_LO(interval));
}

xm_s32_t XM_reload_watchdog(xmTime_t budget)
{
    return xal_hypercall2(reload_watchdog_nr, XAL_HI(budget), XAL_LO(budget));
}

/* Memory maps. */

xm_s32_t XM_set_page_type(xmAddress_t pAddr, xm_u32_t type)
{
    return xal_hypercall2(set_page_type_nr, pAddr, type);
}

xm_s32_t XM_update_page32(xmAddress_t pAddr, xm_u32_t val)
{
    return xal_hypercall2(update_page32_nr, pAddr, val);
}

xm_s32_t XM_write_register32(xm_u32_t reg32, xm_u32_t val)
{
    return xal_hypercall2(write_register32_nr, reg32, val);
}

xm_s32_t XM_invld_tlb(xmAddress_t vAddr)
{
    return xal_hypercall1(invld_tlb_nr, vAddr);
}

/* Objects. */

xm_s32_t XM_read_object(xmObjDesc_t objDesc, void *buffer, xm_u32_t size, xm_u32_t *flags)
{
    return xal_hypercall4(read_object_nr, (xm_u32_t)objDesc, XAL_PTR(buffer), size, XAL_PTR(flags));
}

xm_s32_t XM_write_object(xmObjDesc_t objDesc, void *buffer, xm_u32_t size, xm_u32_t *flags)
{
    return xal_hypercall4(write_object_nr, (xm_u32_t)objDesc, XAL_PTR(buffer), size,
                          XAL_PTR(flags));
}

xm_s32_t XM_seek_object(xmObjDesc_t objDesc, xm_u32_t offset, xm_u32_t whence)
{
    return xal_hypercall3(seek_object_nr, (xm_u32_t)objDesc, offset, whence);
}

xm_s32_t XM_ctrl_object(xmObjDesc_t objDesc, xm_u32_t cmd, void *arg)
{
    return xal_hypercall3(ctrl_object_nr, (xm_u32_t)objDesc, cmd, XAL_PTR(arg));
}

xm_s32_t XM_write_console(char *buffer, xm_s32_t length)
{
    xmObjDesc_t console = (xmObjDesc_t)OBJDESC_BUILD(OBJ_CLASS_CONSOLE, XM_PARTITION_SELF, 0);
    return XM_write_object(console, buffer, (xm_u32_t)length, NULL);
}

/* Health monitor (HM object, reference §1.4). */

xm_s32_t XM_hm_read(xmHmLog_t *hmLogPtr, xm_s32_t noLogs)
{
    xmObjDesc_t hm = (xmObjDesc_t)OBJDESC_BUILD(OBJ_CLASS_HM, XM_HYPERVISOR_ID, 0);
    if (!hmLogPtr || noLogs < 0)
        return XM_INVALID_PARAM;
    xm_s32_t bytes = XM_read_object(hm, hmLogPtr, (xm_u32_t)noLogs * sizeof(xmHmLog_t), NULL);
    return bytes > 0 ? bytes / (xm_s32_t)sizeof(xmHmLog_t) : bytes;
}

xm_s32_t XM_hm_status(xmHmStatus_t *hmStatusPtr)
{
    xmObjDesc_t hm = (xmObjDesc_t)OBJDESC_BUILD(OBJ_CLASS_HM, XM_HYPERVISOR_ID, 0);
    if (!hmStatusPtr)
        return XM_INVALID_PARAM;
    return XM_ctrl_object(hm, XM_HM_GET_STATUS, hmStatusPtr);
}

xm_s32_t XM_hm_raise_event(xm_u32_t event)
{
    xmObjDesc_t hm = (xmObjDesc_t)OBJDESC_BUILD(OBJ_CLASS_HM, XM_PARTITION_SELF, 0);
    xm_s32_t result = XM_write_object(hm, &event, 1, NULL);
    return result >= 0 ? XM_OK : result;
}

/* Status object. */

xm_s32_t XM_get_system_status(xmSystemStatus_t *status)
{
    xmObjDesc_t system = (xmObjDesc_t)OBJDESC_BUILD(OBJ_CLASS_STATUS, XM_HYPERVISOR_ID, 0);
    return XM_ctrl_object(system, XM_GET_SYSTEM_STATUS, status);
}

xm_s32_t XM_get_partition_status(xmId_t id, xmPartitionStatus_t *status)
{
    if (id & ~0x3ffu)
        return XM_INVALID_PARAM;
    return XM_ctrl_object((xmObjDesc_t)OBJDESC_BUILD(OBJ_CLASS_STATUS, id, 0), XM_GET_SYSTEM_STATUS,
                          status);
}

/* Interrupts. */

xm_s32_t XM_clear_irqmask(xm_u32_t hwIrqsMask, xm_u32_t extIrqsMask)
{
    return xal_hypercall2(clear_irqmask_nr, hwIrqsMask, extIrqsMask);
}

xm_s32_t XM_set_irqmask(xm_u32_t hwIrqsMask, xm_u32_t extIrqsMask)
{
    return xal_hypercall2(set_irqmask_nr, hwIrqsMask, extIrqsMask);
}

xm_s32_t XM_set_irqpend(xm_u32_t hwIrqPend, xm_u32_t extIrqPend)
{
    return xal_hypercall2(set_irqpend_nr, hwIrqPend, extIrqPend);
}

xm_s32_t XM_clear_irqpend(xm_u32_t hwIrqPend, xm_u32_t extIrqPend)
{
    return xal_hypercall2(clear_irqpend_nr, hwIrqPend, extIrqPend);
}

xm_s32_t XM_route_irq(xm_u32_t type, xm_u32_t irq, xm_u16_t vector)
{
    return xal_hypercall3(route_irq_nr, type, irq, vector);
}

xm_s32_t XM_raise_ipvi(xm_u8_t no_ipvi)
{
    return xal_hypercall1(raise_ipvi_nr, no_ipvi);
}

void XM_disable_irqs(void)
{
    XM_sparc_set_pil();
}

void XM_enable_irqs(void)
{
    XM_sparc_set_psr((XM_sparc_get_psr() | PSR_ET_BIT) & ~PSR_PIL_MASK);
}

/* Caches. */

xm_s32_t XM_set_cache_state(xm_u32_t cache, xm_u32_t action)
{
    return xal_hypercall2(set_cache_state_nr, cache, action);
}

/* SPARC specific. */

xm_s32_t XM_sparc_inport(xm_u32_t port, xm_u32_t *value)
{
    return xal_hypercall2(sparc_inport_nr, port, XAL_PTR(value));
}

xm_s32_t XM_sparc_outport(xm_u32_t port, xm_u32_t value)
{
    return xal_hypercall2(sparc_outport_nr, port, value);
}

xm_s32_t XM_sparc_outport_sdp(xm_u8_t *dst, xm_u8_t *src, xm_u32_t size)
{
    return xal_hypercall3(sparc_outport_sdp_nr, XAL_PTR(dst), XAL_PTR(src), size);
}

xm_s32_t XM_sparc_disable_sdp(xm_u32_t chipSelect)
{
    return xal_hypercall1(sparc_disable_sdp_nr, chipSelect);
}

void XM_sparc_write_tbr(xmWord_t val)
{
    (void)xal_hypercall1(sparc_write_tbr_nr, val);
}
