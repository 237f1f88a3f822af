/* XtratuM partition ABI: the trace object (XM-Q 1.0 objects/trace.h;
 * reference §1.2 Trace). A partition writes 8-byte payloads into its own
 * circular stream; system partitions read any stream destructively. */
#ifndef XM_TRACE_H
#define XM_TRACE_H

#include <xm/types.h>

#define XM_TRACE_PAYLOAD_LENGTH 8

/* ctrl_object command of the trace class. */
#define XM_TRACE_GET_STATUS 0x0

/* One event as the partition reads it: 12 bytes, no padding. */
struct xmTraceEvent {
    xm_u32_t timestamp; /* low 32 bits of the µs clock */
    xm_u8_t payload[XM_TRACE_PAYLOAD_LENGTH];
} __attribute__((packed));
typedef struct xmTraceEvent xmTraceEvent_t;

typedef struct {
    xm_s32_t noEvents;
} xmTraceStatus_t;

union traceCmd {
    xmTraceStatus_t status;
};

/* Guest byte sizes (hvcore writes the bytes, never the structs). */
#define XM_TRACE_EVENT_SIZE 12
#define XM_TRACE_STATUS_SIZE 4

/* Kernel audit events (payload[1] of the hypervisor stream's events). */
#define XM_AUDIT_START_WATCHDOG 1
#define XM_AUDIT_END_WATCHDOG 2
#define XM_AUDIT_BEGIN_PARTITION 3
#define XM_AUDIT_END_PARTITION 4
#define XM_AUDIT_BEGIN_CS 5
#define XM_AUDIT_END_CS 6
#define XM_AUDIT_BEGIN_IDLE 7
#define XM_AUDIT_END_IDLE 8

#endif
