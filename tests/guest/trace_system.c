/* trace_system: the system partition of the trace test (tests/guest/
 * comm.xml, with trace_user; tests/scenarios/comm.cmake). It reads the
 * user partition's stream destructively in chunks, then copies the string
 * whose address the events carry out of the user partition's memory with
 * XM_memory_copy; the hypervisor's stream is empty; its own stream gets one
 * event. */
#include <stdio.h>
#include <string.h>
#include <xm.h>

void PartitionMain(void);

static xm_u32_t secret_address;
static int in_order = 1;
static xm_u32_t last_timestamp;

static void read_chunks(void)
{
    xmTraceEvent_t events[10];
    xm_s32_t n;
    while ((n = XM_trace_read(0, events, 10)) > 0) {
        printf("System: read %d events, %.4s to %.4s\n", n, (const char *)events[0].payload,
               (const char *)events[n - 1].payload);
        for (xm_s32_t i = 0; i < n; i++) {
            in_order &= events[i].timestamp >= last_timestamp;
            last_timestamp = events[i].timestamp;
        }
        memcpy(&secret_address, &events[n - 1].payload[4], 4);
    }
    printf("System: last read %d; timestamps in order: %s\n", n, in_order ? "yes" : "no");
}

static void copy_secret(void)
{
    char text[32] = {0};
    xm_s32_t result =
        XM_memory_copy(XM_PARTITION_SELF, (xm_u32_t)text, 0, secret_address, sizeof text);
    printf("System: copy from partition 0: %d \"%s\"\n", result, text);
    printf("System: copy from outside partition 0: %d\n",
           XM_memory_copy(XM_PARTITION_SELF, (xm_u32_t)text, 0, 0x40200000, 4));
}

static void other_streams(void)
{
    xmTraceEvent_t event;
    xmTraceStatus_t status = {-1};
    xm_u8_t payload[XM_TRACE_PAYLOAD_LENGTH] __attribute__((aligned(8))) = "mine....";
    XM_trace_status(XM_HYPERVISOR_ID, &status);
    printf("System: hypervisor stream: %d events, read %d\n", status.noEvents,
           XM_trace_read(XM_HYPERVISOR_ID, &event, 1));
    printf("System: trace event: %d\n", XM_trace_event(payload));
    XM_trace_status(XM_PARTITION_SELF, &status);
    printf("System: my stream: %d events\n", status.noEvents);
    printf("System: stream of partition 5: %d\n", XM_trace_read(5, &event, 1));
}

void PartitionMain(void)
{
    xmTraceStatus_t status = {-1};
    XM_trace_status(0, &status);
    printf("System: partition 0 has %d events\n", status.noEvents);
    read_chunks();
    copy_secret();
    other_streams();
    XM_halt_partition(XM_PARTITION_SELF);
}
