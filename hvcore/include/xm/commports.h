/* XtratuM partition ABI: sampling and queuing ports (XM-Q 1.0
 * objects/commports.h numbers; reference §1.2, §1.4). The structs are the
 * partition's view (SPARC V8, big-endian, 4-byte pointers); hvcore never
 * uses them directly (a host pointer is wider) but reads and writes the
 * guest's bytes at the XM_*_OFF_* offsets below, which xal checks against
 * the structs at compile time. */
#ifndef XM_COMMPORTS_H
#define XM_COMMPORTS_H

#include <xm/types.h>

/* XM_create_*_port direction and port types. */
#define XM_SOURCE_PORT 0x2
#define XM_DESTINATION_PORT 0x1
#define XM_SAMPLING_PORT 0
#define XM_QUEUING_PORT 1

/* Queuing port discipline (xmQueuingPortInfo_t.flags). */
#define XM_FIFO_PORT 0
#define XM_PRIORITY_PORT 1

/* ctrl_object commands of both port classes. */
#define XM_COMM_CREATE_PORT 0x0
#define XM_COMM_GET_PORT_STATUS 0x1
#define XM_COMM_GET_PORT_INFO 0x2

/* XM_read_sampling_message *flags and xmSamplingPortStatus_t.flags. */
#define XM_COMM_MSG_VALID 0x1
#define XM_MSG_VALID XM_COMM_MSG_VALID
#define XM_COMM_PORT_STATUS_B 1
#define XM_COMM_PORT_STATUS_M 0x6
#define XM_COMM_EMPTY_PORT 0x0
#define XM_COMM_CONSUMED_MSG (XM_COMM_PORT_STATUS_B << 1)
#define XM_COMM_NEW_MSG (XM_COMM_PORT_STATUS_B << 2)

/* A refresh period that never lets a message be valid (XM-Q's literal
 * rule: valid needs refreshPeriod != XM_INFINITE_TIME). */
#define XM_INFINITE_TIME ((xm_u32_t)-1)

typedef struct {
    xmTime_t timestamp;
    xm_u32_t lastMsgSize;
    xm_u32_t flags;
} xmSamplingPortStatus_t;

typedef struct {
    char *portName;
    xmTime_t refreshPeriod;
    xm_u32_t maxMsgSize;
    xm_u32_t direction;
    xmObjDesc_t objDesc;
} xmSamplingPortInfo_t;

typedef struct {
    xm_u32_t noMsgs;
} xmQueuingPortStatus_t;

typedef struct {
    char *portName;
    xm_u32_t maxMsgSize;
    xm_u32_t maxNoMsgs;
    xm_u32_t direction;
    xm_u32_t flags;
    xmObjDesc_t objDesc;
} xmQueuingPortInfo_t;

union samplingPortCmd {
    struct createSCmd {
        char *portName;
        xm_u32_t maxMsgSize;
        xm_u32_t direction;
        xmTime_t refreshPeriod;
    } create;
    xmSamplingPortStatus_t status;
    xmSamplingPortInfo_t info;
};

union queuingPortCmd {
    struct createQCmd {
        char *portName;
        xm_u32_t maxNoMsgs;
        xm_u32_t maxMsgSize;
        xm_u32_t direction;
    } create;
    xmQueuingPortStatus_t status;
    xmQueuingPortInfo_t info;
};

/* Guest byte offsets (SPARC V8 layout: xmTime_t 8-byte aligned). */
#define XM_SCREATE_OFF_NAME 0
#define XM_SCREATE_OFF_MAXSIZE 4
#define XM_SCREATE_OFF_DIRECTION 8
#define XM_SCREATE_OFF_REFRESH 16
#define XM_SCREATE_SIZE 24
#define XM_SSTATUS_OFF_TIMESTAMP 0
#define XM_SSTATUS_OFF_LASTSIZE 8
#define XM_SSTATUS_OFF_FLAGS 12
#define XM_SSTATUS_SIZE 16
#define XM_SINFO_OFF_NAME 0
#define XM_SINFO_OFF_REFRESH 8
#define XM_SINFO_OFF_MAXSIZE 16
#define XM_SINFO_OFF_DIRECTION 20
#define XM_SINFO_OFF_OBJDESC 24
#define XM_SINFO_SIZE 32
#define XM_QCREATE_OFF_NAME 0
#define XM_QCREATE_OFF_MAXMSGS 4
#define XM_QCREATE_OFF_MAXSIZE 8
#define XM_QCREATE_OFF_DIRECTION 12
#define XM_QCREATE_SIZE 16
#define XM_QSTATUS_OFF_NOMSGS 0
#define XM_QSTATUS_SIZE 4
#define XM_QINFO_OFF_NAME 0
#define XM_QINFO_OFF_MAXSIZE 4
#define XM_QINFO_OFF_MAXMSGS 8
#define XM_QINFO_OFF_DIRECTION 12
#define XM_QINFO_OFF_FLAGS 16
#define XM_QINFO_OFF_OBJDESC 20
#define XM_QINFO_SIZE 24

#endif
