/* policy_manager: a system partition whose policy lets it manage only
 * Worker (scenarios/policy/manage). In its first slot it suspends and
 * resumes Worker and asks it to shut down, then tries every management
 * call on Bystander, and prints the results in table order. */
#include <stdio.h>
#include <xm.h>

#include "raw_hypercall.h"

#define WORKER 0u
#define BYSTANDER 1u

struct probe {
    xm_u32_t nr;
    const char *what;
    xm_u32_t args[5];
};

static const struct probe probes[] = {
    {suspend_partition_nr, "suspend Worker", {WORKER}},
    {resume_partition_nr, "resume Worker", {WORKER}},
    {shutdown_partition_nr, "shutdown Worker", {WORKER}},
    {suspend_partition_nr, "suspend Bystander", {BYSTANDER}},
    {resume_partition_nr, "resume Bystander", {BYSTANDER}},
    {halt_partition_nr, "halt Bystander", {BYSTANDER}},
    {reset_partition_nr, "reset Bystander (warm)", {BYSTANDER, 0, 1, 0}},
    {shutdown_partition_nr, "shutdown Bystander", {BYSTANDER}},
};

/* One short line: the console is slow (115200 baud), and a long line
 * would still be printing when the slot ends. */
void PartitionMain(void)
{
    printf("Manager:");
    for (unsigned i = 0; i < sizeof probes / sizeof probes[0]; i++)
        printf(" %d", (int)raw_hypercall(probes[i].nr, probes[i].args));
    printf("\n");
}
