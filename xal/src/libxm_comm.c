/* xal: libxm's communication calls over the object hypercalls, as
 * XtratuM's libxm maps them (reference §1.4): sampling and queuing ports
 * (ctrl_object to create, read/write_object for messages), the trace
 * object and XM_memory_copy. The hypervisor reads these structs at the
 * byte offsets of xm/commports.h, xm/mem.h and xm/trace.h; the asserts
 * below keep the two in step. */
#include <stddef.h>
#include <xm.h>

#define OFFSET_IS(type, field, offset) _Static_assert(offsetof(type, field) == (offset), #field)
OFFSET_IS(struct createSCmd, portName, XM_SCREATE_OFF_NAME);
OFFSET_IS(struct createSCmd, maxMsgSize, XM_SCREATE_OFF_MAXSIZE);
OFFSET_IS(struct createSCmd, direction, XM_SCREATE_OFF_DIRECTION);
OFFSET_IS(struct createSCmd, refreshPeriod, XM_SCREATE_OFF_REFRESH);
OFFSET_IS(xmSamplingPortStatus_t, timestamp, XM_SSTATUS_OFF_TIMESTAMP);
OFFSET_IS(xmSamplingPortStatus_t, lastMsgSize, XM_SSTATUS_OFF_LASTSIZE);
OFFSET_IS(xmSamplingPortStatus_t, flags, XM_SSTATUS_OFF_FLAGS);
OFFSET_IS(xmSamplingPortInfo_t, portName, XM_SINFO_OFF_NAME);
OFFSET_IS(xmSamplingPortInfo_t, refreshPeriod, XM_SINFO_OFF_REFRESH);
OFFSET_IS(xmSamplingPortInfo_t, maxMsgSize, XM_SINFO_OFF_MAXSIZE);
OFFSET_IS(xmSamplingPortInfo_t, direction, XM_SINFO_OFF_DIRECTION);
OFFSET_IS(xmSamplingPortInfo_t, objDesc, XM_SINFO_OFF_OBJDESC);
OFFSET_IS(struct createQCmd, portName, XM_QCREATE_OFF_NAME);
OFFSET_IS(struct createQCmd, maxNoMsgs, XM_QCREATE_OFF_MAXMSGS);
OFFSET_IS(struct createQCmd, maxMsgSize, XM_QCREATE_OFF_MAXSIZE);
OFFSET_IS(struct createQCmd, direction, XM_QCREATE_OFF_DIRECTION);
OFFSET_IS(xmQueuingPortStatus_t, noMsgs, XM_QSTATUS_OFF_NOMSGS);
OFFSET_IS(xmQueuingPortInfo_t, portName, XM_QINFO_OFF_NAME);
OFFSET_IS(xmQueuingPortInfo_t, maxMsgSize, XM_QINFO_OFF_MAXSIZE);
OFFSET_IS(xmQueuingPortInfo_t, maxNoMsgs, XM_QINFO_OFF_MAXMSGS);
OFFSET_IS(xmQueuingPortInfo_t, direction, XM_QINFO_OFF_DIRECTION);
OFFSET_IS(xmQueuingPortInfo_t, flags, XM_QINFO_OFF_FLAGS);
OFFSET_IS(xmQueuingPortInfo_t, objDesc, XM_QINFO_OFF_OBJDESC);
OFFSET_IS(struct cpyArea, dstId, XM_MEMCPY_OFF_DSTID);
OFFSET_IS(struct cpyArea, dstAddr, XM_MEMCPY_OFF_DSTADDR);
OFFSET_IS(struct cpyArea, srcId, XM_MEMCPY_OFF_SRCID);
OFFSET_IS(struct cpyArea, srcAddr, XM_MEMCPY_OFF_SRCADDR);
OFFSET_IS(struct cpyArea, size, XM_MEMCPY_OFF_SIZE);
_Static_assert(sizeof(xmSamplingPortStatus_t) == XM_SSTATUS_SIZE, "sampling status");
_Static_assert(sizeof(xmSamplingPortInfo_t) == XM_SINFO_SIZE, "sampling info");
_Static_assert(sizeof(xmQueuingPortInfo_t) == XM_QINFO_SIZE, "queuing info");
_Static_assert(sizeof(union memCmd) == XM_MEMCPY_SIZE, "memory copy request");
_Static_assert(sizeof(xmTraceEvent_t) == XM_TRACE_EVENT_SIZE, "trace event");
_Static_assert(sizeof(xmTraceStatus_t) == XM_TRACE_STATUS_SIZE, "trace status");

/* A descriptor of this partition's object of `class`. */
static int own(xm_u32_t desc, xm_u32_t class)
{
    return OBJDESC_GET_CLASS(desc) == class && OBJDESC_GET_PARTITIONID(desc) == XM_PARTITION_SELF;
}

static xmObjDesc_t self_desc(xm_u32_t class, xm_u32_t id)
{
    return (xmObjDesc_t)OBJDESC_BUILD(class, XM_PARTITION_SELF, id);
}

/* As XtratuM's libxm: an info struct must lie in one writable area of the
 * partition before libxm stores the name pointer into it. */
static int writable(const void *p, xm_u32_t size)
{
    xmAddress_t start = (xmAddress_t)p;
    for (xm_s32_t i = 0; i < XM_params_get_PCT()->noPhysicalMemAreas; i++) {
        const struct xmPhysicalMemMap *area = &libXmParams.partMemMap[i];
        if (start >= area->mappedAt && start + size <= area->mappedAt + area->size &&
            !(area->flags & XM_MEM_AREA_READONLY))
            return 1;
    }
    return 0;
}

/* Both port classes: create returns the id, libxm the descriptor. */
static xm_s32_t create_port(xm_u32_t class, void *cmd)
{
    xm_s32_t id = XM_ctrl_object(self_desc(class, 0), XM_COMM_CREATE_PORT, cmd);
    return id < 0 ? id : self_desc(class, (xm_u32_t)id);
}

static xm_s32_t port_status(xm_u32_t portDesc, xm_u32_t class, void *status)
{
    if (!own(portDesc, class) || status == NULL)
        return XM_INVALID_PARAM;
    return XM_ctrl_object((xmObjDesc_t)portDesc, XM_COMM_GET_PORT_STATUS, status);
}

/* Both info structs start with the name pointer. */
static xm_s32_t port_info(xm_u32_t class, char *portName, char **name_field, xm_u32_t size)
{
    if (!writable(name_field, size))
        return XM_INVALID_PARAM;
    *name_field = portName;
    return XM_ctrl_object(self_desc(class, 0), XM_COMM_GET_PORT_INFO, name_field);
}

static xm_s32_t message(xm_s32_t portDesc, xm_u32_t class, int write, void *msg, xm_u32_t size,
                        xm_u32_t *flags)
{
    if (!own((xm_u32_t)portDesc, class))
        return XM_INVALID_PARAM;
    if (write)
        return XM_write_object(portDesc, msg, size, NULL);
    return XM_read_object(portDesc, msg, size, flags);
}

/* Sampling ports. */

xm_s32_t XM_create_sampling_port(char *portName, xm_u32_t maxMsgSize, xm_u32_t direction,
                                 xmTime_t refreshPeriod)
{
    union samplingPortCmd cmd;
    cmd.create.portName = portName;
    cmd.create.maxMsgSize = maxMsgSize;
    cmd.create.direction = direction;
    cmd.create.refreshPeriod = refreshPeriod;
    return create_port(OBJ_CLASS_SAMPLING_PORT, &cmd);
}

xm_s32_t XM_read_sampling_message(xm_s32_t portDesc, void *msgPtr, xm_u32_t msgSize,
                                  xm_u32_t *flags)
{
    return message(portDesc, OBJ_CLASS_SAMPLING_PORT, 0, msgPtr, msgSize, flags);
}

xm_s32_t XM_write_sampling_message(xm_s32_t portDesc, void *msgPtr, xm_u32_t msgSize)
{
    return message(portDesc, OBJ_CLASS_SAMPLING_PORT, 1, msgPtr, msgSize, NULL);
}

xm_s32_t XM_get_sampling_port_status(xm_u32_t portDesc, xmSamplingPortStatus_t *status)
{
    return port_status(portDesc, OBJ_CLASS_SAMPLING_PORT, status);
}

xm_s32_t XM_get_sampling_port_info(char *portName, xmSamplingPortInfo_t *info)
{
    return port_info(OBJ_CLASS_SAMPLING_PORT, portName, &info->portName, sizeof *info);
}

/* Queuing ports. */

xm_s32_t XM_create_queuing_port(char *portName, xm_u32_t maxNoMsgs, xm_u32_t maxMsgSize,
                                xm_u32_t direction)
{
    union queuingPortCmd cmd;
    cmd.create.portName = portName;
    cmd.create.maxNoMsgs = maxNoMsgs;
    cmd.create.maxMsgSize = maxMsgSize;
    cmd.create.direction = direction;
    return create_port(OBJ_CLASS_QUEUING_PORT, &cmd);
}

xm_s32_t XM_send_queuing_message(xm_s32_t portDesc, void *msgPtr, xm_u32_t msgSize)
{
    return message(portDesc, OBJ_CLASS_QUEUING_PORT, 1, msgPtr, msgSize, NULL);
}

xm_s32_t XM_receive_queuing_message(xm_s32_t portDesc, void *msgPtr, xm_u32_t msgSize)
{
    return message(portDesc, OBJ_CLASS_QUEUING_PORT, 0, msgPtr, msgSize, NULL);
}

xm_s32_t XM_get_queuing_port_status(xm_u32_t portDesc, xmQueuingPortStatus_t *status)
{
    return port_status(portDesc, OBJ_CLASS_QUEUING_PORT, status);
}

xm_s32_t XM_get_queuing_port_info(char *portName, xmQueuingPortInfo_t *info)
{
    return port_info(OBJ_CLASS_QUEUING_PORT, portName, &info->portName, sizeof *info);
}

/* Trace. */

static xmObjDesc_t trace_stream(xmId_t id)
{
    return (xmObjDesc_t)OBJDESC_BUILD(OBJ_CLASS_TRACE, id, 0);
}

/* One event: XtratuM's libxm passes the size of a whole event. */
xm_s32_t XM_trace_event(xm_u8_t *trace)
{
    if (trace == NULL)
        return XM_INVALID_PARAM;
    xm_s32_t written =
        XM_write_object(trace_stream(XM_PARTITION_SELF), trace, sizeof(xmTraceEvent_t), NULL);
    return written < (xm_s32_t)sizeof(xmTraceEvent_t) ? XM_INVALID_PARAM : XM_OK;
}

/* Returns the number of events read. */
xm_s32_t XM_trace_read(xmId_t id, xmTraceEvent_t *traceEventPtr, xm_s32_t noTraces)
{
    if (id > 0x3ff || traceEventPtr == NULL)
        return XM_INVALID_PARAM;
    xm_s32_t bytes = XM_read_object(trace_stream(id), traceEventPtr,
                                    (xm_u32_t)noTraces * sizeof(xmTraceEvent_t), NULL);
    return bytes > 0 ? bytes / (xm_s32_t)sizeof(xmTraceEvent_t) : bytes;
}

xm_s32_t XM_trace_status(xmId_t id, xmTraceStatus_t *traceStatusPtr)
{
    if (id > 0x3ff || traceStatusPtr == NULL)
        return XM_INVALID_PARAM;
    return XM_ctrl_object(trace_stream(id), XM_TRACE_GET_STATUS, traceStatusPtr);
}

/* Memory. */

xm_s32_t XM_memory_copy(xmId_t dstId, xm_u32_t dstAddr, xmId_t srcId, xm_u32_t srcAddr,
                        xm_u32_t size)
{
    union memCmd cmd;
    cmd.cpyArea.dstId = dstId;
    cmd.cpyArea.dstAddr = dstAddr;
    cmd.cpyArea.srcId = srcId;
    cmd.cpyArea.srcAddr = srcAddr;
    cmd.cpyArea.size = (xm_s32_t)size;
    xm_s32_t copied =
        XM_ctrl_object((xmObjDesc_t)OBJDESC_BUILD(OBJ_CLASS_MEM, 0, 0), XM_OBJ_MEM_CPY_AREA, &cmd);
    return copied == (xm_s32_t)size ? XM_OK : copied;
}
