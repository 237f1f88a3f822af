/* XtratuM partition ABI: health-monitor event and action numbers, XM-Q 1.0
 * numbering for SPARC V8 (xtratum-abi.md §3.1). Shared by hvcore and xal/.
 * The XM_CF names ("XM_HM_EV_...", "XM_HM_AC_...") are the macro names;
 * the string tables live in sim/, which is the only reader of XM_CF. */
#ifndef XM_HM_H
#define XM_HM_H

#include <xm/types.h>

/* Generic events. */
#define XM_HM_EV_INTERNAL_ERROR 0
#define XM_HM_EV_UNEXPECTED_TRAP 1
#define XM_HM_EV_PARTITION_UNRECOVERABLE 2
#define XM_HM_EV_PARTITION_ERROR 3
#define XM_HM_EV_PARTITION_INTEGRITY 4
#define XM_HM_EV_MEM_PROTECTION 5
#define XM_HM_EV_OVERRUN 6
#define XM_HM_EV_SCHED_ERROR 7
#define XM_HM_EV_WATCHDOG_TIMER 8
#define XM_HM_EV_INCOMPATIBLE_INTERFACE 9
#define XM_HM_EV_EXTSYNC_ERROR 10
#define XM_HM_MAX_GENERIC_EVENTS 11

/* SPARC V8 events: 11 + XtratuM's internal trap index. */
#define XM_HM_EV_SPARCV8_WRITE_ERROR 11
#define XM_HM_EV_SPARCV8_INSTR_ACCESS_MMU_MISS 12
#define XM_HM_EV_SPARCV8_INSTR_ACCESS_ERROR 13
#define XM_HM_EV_SPARCV8_REGISTER_HARDWARE_ERROR 14
#define XM_HM_EV_SPARCV8_INSTR_ACCESS_EXCEPTION 15
#define XM_HM_EV_SPARCV8_PRIVILEGED_INSTR 16
#define XM_HM_EV_SPARCV8_ILLEGAL_INSTR 17
#define XM_HM_EV_SPARCV8_FP_DISABLED 18
#define XM_HM_EV_SPARCV8_CP_DISABLED 19
#define XM_HM_EV_SPARCV8_UNIMPLEMENTED_FLUSH 20
#define XM_HM_EV_SPARCV8_WATCHPOINT_DETECTED 21
#define XM_HM_EV_SPARCV8_MEM_ADDR_NOT_ALIGNED 22
#define XM_HM_EV_SPARCV8_FP_EXCEPTION 23
#define XM_HM_EV_SPARCV8_CP_EXCEPTION 24
#define XM_HM_EV_SPARCV8_DATA_ACCESS_ERROR 25
#define XM_HM_EV_SPARCV8_DATA_ACCESS_MMU_MISS 26
#define XM_HM_EV_SPARCV8_DATA_ACCESS_EXCEPTION 27
#define XM_HM_EV_SPARCV8_TAG_OVERFLOW 28
#define XM_HM_EV_SPARCV8_DIVIDE_EXCEPTION 29
#define XM_HM_EV_SPARCV8_UNCORRECTABLE_EDAC_ERROR 30
#define XM_HM_MAX_ARCH_EVENTS 20

/* Application events, raised by the partition itself (XM_hm_raise_event). */
#define XM_HM_EV_APP_DEADLINE_MISSED 31
#define XM_HM_EV_APP_APPLICATION_ERROR 32
#define XM_HM_EV_APP_NUMERIC_ERROR 33
#define XM_HM_EV_APP_ILLEGAL_REQUEST 34
#define XM_HM_EV_APP_STACK_OVERFLOW 35
#define XM_HM_EV_APP_MEMORY_VIOLATION 36
#define XM_HM_EV_APP_HARDWARE_FAULT 37
#define XM_HM_EV_APP_POWER_FAIL 38

/* hvsim's own event, at the first number XtratuM leaves free
 * (docs/health-monitor.md): the partition's hypercall policy refused a
 * call (XM_CF hvsim:Policy). */
#define XM_HM_EV_HYPERCALL_DENIED 39

#define XM_HM_MAX_EVENTS 40

/* Actions. */
#define XM_HM_AC_IGNORE 0
#define XM_HM_AC_PARTITION_COLD_RESET 1
#define XM_HM_AC_PARTITION_WARM_RESET 2
#define XM_HM_AC_HYPERVISOR_COLD_RESET 3
#define XM_HM_AC_HYPERVISOR_WARM_RESET 4
#define XM_HM_AC_SUSPEND 5
#define XM_HM_AC_HALT 6
#define XM_HM_AC_PROPAGATE 7
#define XM_HM_AC_SWITCH_TO_MAINTENANCE 8
#define XM_HM_MAX_ACTIONS 9

/* Log flag of an HM table entry. */
#define XM_HM_LOG_DISABLED 0
#define XM_HM_LOG_ENABLED 1

/* The HM log entry (XM-Q objects/hm.h layout, packed, 28 bytes,
 * big-endian): opCode, the time of the event, and either the partition's
 * CPU context (validCpuCtxt set) or a payload. Read with XM_hm_read(). */
#define HMLOG_OPCODE_EVENT_BIT 19
#define HMLOG_OPCODE_EVENT_MASK (0x1fffu << HMLOG_OPCODE_EVENT_BIT)
#define HMLOG_OPCODE_SYS_BIT 16
#define HMLOG_OPCODE_SYS_MASK (0x1u << HMLOG_OPCODE_SYS_BIT)
#define HMLOG_OPCODE_VALID_CPUCTXT_BIT 15
#define HMLOG_OPCODE_VALID_CPUCTXT_MASK (0x1u << HMLOG_OPCODE_VALID_CPUCTXT_BIT)
#define HMLOG_OPCODE_MODID_BIT 8
#define HMLOG_OPCODE_MODID_MASK (0x7fu << HMLOG_OPCODE_MODID_BIT)
#define HMLOG_OPCODE_PARTID_BIT 0
#define HMLOG_OPCODE_PARTID_MASK (0xffu << HMLOG_OPCODE_PARTID_BIT)
#define XM_HMLOG_PAYLOAD_LENGTH 4

struct hmCpuCtxt {
    xm_u32_t pc;
    xm_u32_t nPc;
    xm_u32_t psr;
};

struct xmHmLog {
    xm_u32_t opCode;
    xmTime_t timestamp;
    union {
        struct hmCpuCtxt cpuCtxt;
        xmWord_t payload[XM_HMLOG_PAYLOAD_LENGTH];
    };
} __attribute__((packed));
typedef struct xmHmLog xmHmLog_t;
#define XM_HMLOG_SIZE 28

/* ctrl_object commands of the HM object, and XM_hm_status()'s answer. */
#define XM_HM_GET_STATUS 0x0
typedef struct {
    xm_s32_t noEvents; /* entries waiting in the log */
} xmHmStatus_t;

/* The argument of ctrl_object on the HM object, as XM-Q declares it. */
union hmCmd {
    xmHmStatus_t status;
};

/* resetStatus values of a partition reset by the HM (XM-Q 1.0.8 uses
 * XM_COLD_RESET / XM_WARM_RESET) and the older helpers. */
#define XM_RESET_STATUS_PARTITION_NORMAL_START 0
#define XM_RESET_STATUS_PARTITION_RESTART 1
#define XM_HM_RESET_STATUS_MODULE_RESTART 2
#define XM_HM_RESET_STATUS_PARTITION_RESTART 3
#define XM_HM_RESET_STATUS_USER_CODE_BIT 16
#define XM_HM_RESET_STATUS_EVENT_MASK 0xffff

#endif
