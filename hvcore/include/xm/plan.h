/* XtratuM partition ABI: the scheduling plan status (XM-Q 1.0
 * objects/status.h), read with ctrl_object on the status object. */
#ifndef XM_PLAN_H
#define XM_PLAN_H

#include <xm/status.h> /* XM_GET_SCHED_PLAN_STATUS, the ctrl_object command */
#include <xm/types.h>

/* After a reset: current = next = 0, prev = -1, switchTime = 0. next is
 * the plan the next major frame will run (== current when no switch is
 * pending); switchTime the µs at which the last switch took effect. */
typedef struct {
    xmTime_t switchTime;
    xm_s32_t next;
    xm_s32_t current;
    xm_s32_t prev;
} xmPlanStatus_t;

/* Bytes the hypervisor writes: switchTime, next, current, prev (the
 * struct's tail padding is left alone). */
#define XM_PLAN_STATUS_BYTES 20

/* The argument of ctrl_object on the status object, as XM-Q declares it. */
union statusCmd {
    union {
        xmSystemStatus_t system;
        xmPartitionStatus_t partition;
        xmPlanStatus_t plan;
    } status;
};

#endif
