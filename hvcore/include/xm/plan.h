/* XtratuM partition ABI: the scheduling plan status (XM-Q 1.0
 * objects/status.h), read with ctrl_object on the status object. */
#ifndef XM_PLAN_H
#define XM_PLAN_H

#include <xm/types.h>

/* ctrl_object(OBJDESC_BUILD(OBJ_CLASS_STATUS, self, 0), cmd, arg) */
#ifndef XM_GET_SCHED_PLAN_STATUS
#define XM_GET_SCHED_PLAN_STATUS 1
#endif

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

#endif
