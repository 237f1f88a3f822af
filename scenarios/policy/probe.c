/* policy_probe: a system partition whose hypercall policy allows only the
 * ports and time groups (scenarios/policy/probe). In its first slot it
 * makes every normal hypercall, 0 to 39, with arguments that would hurt
 * its neighbour or the system if the call went through (halt, reset,
 * suspend the neighbour, halt the system, write to the UART, ...), and
 * then prints the results in table order, ten a slot. The calls that act only on itself and would
 * stop it (idle_self, reset_vcpu, halt_vcpu) are left out. Then it halts itself, which every
 * partition may. */
#include <stdio.h>
#include <xm.h>

#include "raw_hypercall.h"

#define NEIGHBOUR 1u
#define UART_DATA 0x80000100u

static xm_u32_t buffer[16];
static const char neighbour_name[] = "Healthy";

#define BUF ((xm_u32_t)buffer)
#define OBJ(class, pid) (((xm_u32_t)(class) << 20) | ((xm_u32_t)(pid) << 10))

struct probe {
    xm_u32_t nr;
    const char *what; /* for the reader of prober.txt */
    xm_u32_t args[5];
};

static const struct probe probes[] = {
    {0, "halt_partition(neighbour)", {NEIGHBOUR}},
    {1, "suspend_partition(neighbour)", {NEIGHBOUR}},
    {2, "resume_partition(neighbour)", {NEIGHBOUR}},
    {3, "reset_partition(neighbour, cold)", {NEIGHBOUR, 0, 0, 0}},
    {4, "shutdown_partition(neighbour)", {NEIGHBOUR}},
    {5, "halt_system", {0}},
    {6, "reset_system(cold)", {0}},
    {8, "get_time(HW)", {0, BUF}},
    {9, "set_timer(HW, disarm)", {0, 0, 0, 0, 0}},
    {10, "read_object(HM log)", {OBJ(7, 0xff), BUF, 28}},
    {10, "read_object(sampling port 0)", {OBJ(4, 0), BUF, 4}},
    {11, "write_object(trace)", {OBJ(2, 0), BUF, 1}},
    {12, "seek_object(status)", {OBJ(8, 0), 0, 0}},
    {13, "ctrl_object(status of the neighbour)", {OBJ(8, NEIGHBOUR), 1, BUF}},
    {13, "ctrl_object(memory copy)", {OBJ(6, 0), 0, BUF}},
    {14, "clear_irqmask(none)", {0, 0}},
    {15, "set_irqmask(none)", {0, 0}},
    {16, "set_irqpend(none)", {0, 0}},
    {17, "clear_irqpend(none)", {0, 0}},
    {18, "route_irq(ext 31 to 0xff)", {2, 31, 0xff}},
    {19, "set_cache_state(D, flush)", {1, 3}},
    {20, "switch_sched_plan(1)", {1, BUF}},
    {21, "get_gid_by_name(neighbour)", {(xm_u32_t)neighbour_name, 0}},
    {22, "sparc_inport(UART data)", {UART_DATA, BUF}},
    {23, "sparc_outport(UART data, 'X')", {UART_DATA, 'X'}},
    {24, "sparc_write_tbr(unaligned)", {1}},
    {25, "sparc_disable_sdp", {0}},
    {26, "sparc_outport_sdp", {0}},
    {27, "sparc_outport_msg", {0}},
    {28, "(28)", {0}},
    {29, "(29)", {0}},
    {32, "get_vcpuid", {0}},
    {33, "raise_ipvi(0)", {24}},
    {34, "reload_watchdog(1 ms)", {0, 1000}},
    {35, "update_page32", {0, 0}},
    {36, "set_page_type", {0, 0}},
    {37, "invld_tlb", {0}},
    {38, "write_register32", {0, 0}},
    {39, "(39)", {0}},
};

/* The console is slow (115200 baud: about 11 bytes a millisecond, and a
 * write waits for the UART), so the results go out one short line per
 * slot, as the neighbour's reference run prints. */
#define PER_LINE 10u
#define PROBES (sizeof probes / sizeof probes[0])

void PartitionMain(void)
{
    static xm_s32_t results[PROBES];
    unsigned refused = 0;
    for (unsigned i = 0; i < PROBES; i++) {
        results[i] = raw_hypercall(probes[i].nr, probes[i].args);
        refused += results[i] == XM_PERM_ERROR;
    }
    for (unsigned first = 0; first < PROBES; first += PER_LINE) {
        printf("Prober:");
        for (unsigned i = first; i < first + PER_LINE && i < PROBES; i++)
            printf(" %d", (int)results[i]);
        printf("\n");
        XM_idle_self();
    }
    printf("Prober: %u refused, still running\n", refused);
}
