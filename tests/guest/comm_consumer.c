/* comm_consumer: the destination end of tests/guest/comm.xml's channels
 * (run with comm_producer, tests/scenarios/comm.cmake). Each frame: what
 * the notifications and the comm-port bitmap say, the sampling message and
 * its validity (300 ms), and the queued commands until the queue is empty
 * (one received through a buffer too short for it). */
#include <stdio.h>
#include <xm.h>

void PartitionMain(void);

#define NOTIFY_BITS ((1u << XM_VT_EXT_SAMPLING_PORT) | (1u << XM_VT_EXT_QUEUING_PORT))

static xm_s32_t temperature, commands;

static unsigned bit(xm_s32_t desc)
{
    xm_u32_t id = OBJDESC_GET_ID((xm_u32_t)desc);
    return (XM_get_commport_bitmap()[id / 32] >> (id % 32)) & 1u;
}

static void show_notifications(void)
{
    printf("Consumer: notifications 0x%x, bitmap temperature %u commands %u\n",
           XM_params_get_PCT()->extIrqsPend & NOTIFY_BITS, bit(temperature), bit(commands));
}

static void read_temperature(void)
{
    char text[33] = {0};
    xm_u32_t flags = 0xff;
    xm_s32_t n = XM_read_sampling_message(temperature, text, 32, &flags);
    printf("Consumer: temperature %d bytes \"%s\", %s\n", n, text,
           flags & XM_MSG_VALID ? "valid" : "not valid");
}

/* Receive into a 10-byte buffer until the queue is empty. */
static void drain(void)
{
    for (;;) {
        char text[11] = {0};
        xm_s32_t n = XM_receive_queuing_message(commands, text, 10);
        if (n < 0) {
            printf("Consumer: receive: %d\n", n);
            return;
        }
        printf("Consumer: received %d bytes \"%s\"\n", n, text);
    }
}

static void open_ports(void)
{
    xmSamplingPortInfo_t sinfo;
    xmQueuingPortInfo_t qinfo;
    XM_get_sampling_port_info("temperature", &sinfo);
    XM_get_queuing_port_info("commands", &qinfo);
    printf("Consumer: temperature: %u bytes, refresh %lld us, direction %u\n", sinfo.maxMsgSize,
           sinfo.refreshPeriod, sinfo.direction);
    printf("Consumer: commands: %u x %u bytes, direction %u\n", qinfo.maxNoMsgs, qinfo.maxMsgSize,
           qinfo.direction);
    printf("Consumer: info of a missing port: %d\n", XM_get_queuing_port_info("nothing", &qinfo));
    printf("Consumer: create commands as a source: %d\n",
           XM_create_queuing_port("commands", 3, 16, XM_SOURCE_PORT));
    temperature = XM_create_sampling_port("temperature", 32, XM_DESTINATION_PORT, 300000);
    commands = XM_create_queuing_port("commands", 3, 16, XM_DESTINATION_PORT);
    printf("Consumer: temperature 0x%08x, commands 0x%08x\n", temperature, commands);
}

void PartitionMain(void)
{
    open_ports();
    for (int frame = 1; frame <= 3; frame++) {
        printf("Consumer: frame %d\n", frame);
        show_notifications();
        read_temperature();
        drain();
        show_notifications();
        XM_idle_self();
    }
    XM_halt_partition(XM_PARTITION_SELF);
}
