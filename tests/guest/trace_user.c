/* trace_user: the user partition of the trace test (tests/guest/comm.xml,
 * with trace_system; tests/scenarios/comm.cmake). It traces 40 events into
 * its 32-event stream, reads a few back itself, is refused the other
 * streams and cross-partition copies, and copies within its own memory.
 * Each event's payload: "evNN" and the address of `secret`, which the
 * system partition then copies out with XM_memory_copy. */
#include <stdio.h>
#include <string.h>
#include <xm.h>

void PartitionMain(void);

static char secret[32] = "copied by the system partition";
static char copy[32];

static void trace_events(unsigned count)
{
    for (unsigned i = 0; i < count; i++) {
        xm_u8_t payload[XM_TRACE_PAYLOAD_LENGTH] __attribute__((aligned(8)));
        xm_u32_t address = (xm_u32_t)secret;
        payload[0] = 'e';
        payload[1] = 'v';
        payload[2] = (xm_u8_t)('0' + i / 10);
        payload[3] = (xm_u8_t)('0' + i % 10);
        memcpy(&payload[4], &address, 4);
        if (XM_trace_event(payload) != XM_OK)
            printf("User: trace event %u failed\n", i);
    }
}

static void read_own(void)
{
    xmTraceEvent_t events[3];
    xm_s32_t n = XM_trace_read(XM_PARTITION_SELF, events, 3);
    printf("User: read %d of my events:", n);
    for (xm_s32_t i = 0; i < n; i++)
        printf(" %.4s", (const char *)events[i].payload);
    printf("\n");
}

static void show_status(xmId_t id, const char *name)
{
    xmTraceStatus_t status = {-1};
    xm_s32_t result = XM_trace_status(id, &status);
    printf("User: status of %s: %d, %d events\n", name, result, status.noEvents);
}

void PartitionMain(void)
{
    xmTraceEvent_t event;
    trace_events(40);
    show_status(XM_PARTITION_SELF, "my stream");
    read_own();
    show_status(XM_PARTITION_SELF, "my stream");
    show_status(1, "partition 1");
    show_status(XM_HYPERVISOR_ID, "the hypervisor");
    printf("User: read partition 1: %d\n", XM_trace_read(1, &event, 1));
    printf("User: trace a null payload: %d\n", XM_trace_event((xm_u8_t *)0));
    printf("User: copy within my memory: %d\n",
           XM_memory_copy(XM_PARTITION_SELF, (xm_u32_t)copy, XM_PARTITION_SELF, (xm_u32_t)secret,
                          sizeof secret));
    printf("User: copied \"%s\"\n", copy);
    printf("User: copy into partition 1: %d\n",
           XM_memory_copy(1, 0x40200000, XM_PARTITION_SELF, (xm_u32_t)secret, 4));
    XM_halt_partition(XM_PARTITION_SELF);
}
