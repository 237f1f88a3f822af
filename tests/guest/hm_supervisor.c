/* hm_supervisor: the system partition of the system-partition scenario
 * (hm_system.xml, hm_target.c). One step per slot: it suspends Target,
 * resumes it and asks it to shut down, warm-resets it, reads the HM log
 * after Target's fault and cold-resets it, then reads the system status
 * and halts the system. */
#include <stdio.h>
#include <xm.h>

#define TARGET 0
#define TARGET_START 0x40100000u
#define TARGET_SIZE 0x100000u
#define MAX_LOGS 8

void PartitionMain(void);

static void print_target_status(void)
{
    xmPartitionStatus_t status;
    xm_s32_t result = XM_get_partition_status(TARGET, &status);
    printf("Supervisor: Target status %d: state %u, resetCounter %u, resetStatus %u\n", result,
           (unsigned)status.state[0], (unsigned)status.resetCounter, (unsigned)status.resetStatus);
}

static void print_log(const xmHmLog_t *log)
{
    xm_u32_t op = log->opCode;
    xm_u32_t pc = log->cpuCtxt.pc;
    printf("Supervisor: log: event %u, partition %u, sys %u, cpu context %u, pc in Target %s\n",
           (unsigned)((op & HMLOG_OPCODE_EVENT_MASK) >> HMLOG_OPCODE_EVENT_BIT),
           (unsigned)(op & HMLOG_OPCODE_PARTID_MASK), (unsigned)((op >> HMLOG_OPCODE_SYS_BIT) & 1),
           (unsigned)((op >> HMLOG_OPCODE_VALID_CPUCTXT_BIT) & 1),
           pc - TARGET_START < TARGET_SIZE ? "yes" : "no");
}

static void read_hm_log(void)
{
    xmHmStatus_t hm;
    xmHmLog_t logs[MAX_LOGS];
    printf("Supervisor: HM status %d: %d events\n", XM_hm_status(&hm), (int)hm.noEvents);
    xm_s32_t n = XM_hm_read(logs, MAX_LOGS);
    printf("Supervisor: HM read: %d\n", n);
    for (xm_s32_t i = 0; i < n; i++)
        print_log(&logs[i]);
    printf("Supervisor: HM read again: %d\n", XM_hm_read(logs, MAX_LOGS));
}

static void step_suspend(void)
{
    print_target_status();
    printf("Supervisor: suspend Target: %d\n", XM_suspend_partition(TARGET));
    printf("Supervisor: suspend Target again: %d\n", XM_suspend_partition(TARGET));
    print_target_status();
}

static void step_resume(void)
{
    printf("Supervisor: resume Target: %d\n", XM_resume_partition(TARGET));
    printf("Supervisor: resume Target again: %d\n", XM_resume_partition(TARGET));
    printf("Supervisor: shutdown Target: %d\n", XM_shutdown_partition(TARGET));
}

static void step_warm_reset(void)
{
    printf("Supervisor: warm reset Target: %d\n",
           XM_reset_partition(TARGET, 0xffffffffu, XM_WARM_RESET, 7));
}

static void step_after_fault(void)
{
    read_hm_log();
    print_target_status();
    printf("Supervisor: halt Target: %d\n", XM_halt_partition(TARGET));
    printf("Supervisor: cold reset Target: %d\n",
           XM_reset_partition(TARGET, 0xffffffffu, XM_COLD_RESET, 3));
}

static void step_halt_system(void)
{
    xmSystemStatus_t system;
    xm_s32_t result = XM_get_system_status(&system);
    printf("Supervisor: system status %d: resetCounter %u, noHmEvents %u, currentMaf %u\n", result,
           (unsigned)system.resetCounter, (unsigned)system.noHmEvents, (unsigned)system.currentMaf);
    printf("Supervisor: halting the system\n");
    XM_halt_system();
    printf("Supervisor: still running\n");
}

void PartitionMain(void)
{
    static void (*const steps[])(void) = {step_suspend, step_resume, step_warm_reset,
                                          step_after_fault, step_halt_system};
    for (unsigned i = 0; i < sizeof steps / sizeof steps[0]; i++) {
        steps[i]();
        XM_idle_self();
    }
}
