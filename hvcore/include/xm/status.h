/* XtratuM partition ABI: the status object (XM-Q objects/status.h,
 * reference §1.5): XM_get_system_status() and XM_get_partition_status()
 * answers, big-endian, natural alignment. Fields marked OPTIONAL exist in
 * XtratuM only with CONFIG_OBJ_STATUS_ACC; here they are always present
 * (docs/health-monitor.md says which are still always 0). */
#ifndef XM_STATUS_H
#define XM_STATUS_H

#include <xm/guest.h>
#include <xm/types.h>

/* ctrl_object commands of OBJ_CLASS_STATUS. */
#define XM_GET_SYSTEM_STATUS 0x0
#define XM_GET_SCHED_PLAN_STATUS 0x1

typedef struct {
    xm_u32_t resetStatus;
    xm_u32_t resetCounter;
    xm_u64_t noHmEvents;                /* OPTIONAL */
    xm_u64_t noIrqs;                    /* OPTIONAL */
    xm_u64_t currentMaf;                /* OPTIONAL */
    xm_u64_t noSamplingPortMsgsRead;    /* OPTIONAL */
    xm_u64_t noSamplingPortMsgsWritten; /* OPTIONAL */
    xm_u64_t noQueuingPortMsgsSent;     /* OPTIONAL */
    xm_u64_t noQueuingPortMsgsReceived; /* OPTIONAL */
    xmTime_t irqLastOccurence[CONFIG_NO_HWIRQS];
} xmSystemStatus_t;

/* xmPartitionStatus_t.state */
#define XM_STATUS_IDLE 0x0
#define XM_STATUS_READY 0x1
#define XM_STATUS_SUSPENDED 0x2
#define XM_STATUS_HALTED 0x3

typedef struct {
    xm_u32_t state[CONFIG_NO_VCPUS];
    xm_u64_t noVIrqs; /* OPTIONAL */
    xm_u32_t resetCounter;
    xm_u32_t resetStatus;
    xmTime_t execClock[CONFIG_NO_VCPUS];
    xm_u64_t noSamplingPortMsgsRead;    /* OPTIONAL */
    xm_u64_t noSamplingPortMsgsWritten; /* OPTIONAL */
    xm_u64_t noQueuingPortMsgsSent;     /* OPTIONAL */
    xm_u64_t noQueuingPortMsgsReceived; /* OPTIONAL */
    xmTime_t irqLastOccurence[CONFIG_NO_HWIRQS];
} xmPartitionStatus_t;

#define XM_SYSTEM_STATUS_SIZE 192
#define XM_PARTITION_STATUS_SIZE 200

#endif
