/* comm_producer: the source end of tests/guest/comm.xml's channels
 * (run with comm_consumer, tests/scenarios/comm.cmake). Frame 1: create
 * the ports (one wrong attempt first), write a sampling message, fill the
 * queue until it is full. Frame 2: see what the consumer did (consumed
 * notifications, port status) and queue one more command. Frame 3: write a
 * fresh sampling message. Then halt. */
#include <stdio.h>
#include <string.h>
#include <xm.h>

void PartitionMain(void);

#define NOTIFY_BITS ((1u << XM_VT_EXT_SAMPLING_PORT) | (1u << XM_VT_EXT_QUEUING_PORT))

static xm_s32_t temperature, commands;

static void send(const char *command)
{
    xm_s32_t result = XM_send_queuing_message(commands, (void *)command, strlen(command));
    printf("Producer: send \"%s\": %d\n", command, result);
}

static void write_temperature(const char *text)
{
    xm_s32_t result = XM_write_sampling_message(temperature, (void *)text, strlen(text));
    printf("Producer: write \"%s\": %d\n", text, result);
}

static void frame1(void)
{
    printf("Producer: create temperature with 16 bytes: %d\n",
           XM_create_sampling_port("temperature", 16, XM_SOURCE_PORT, 300000));
    temperature = XM_create_sampling_port("temperature", 32, XM_SOURCE_PORT, 300000);
    commands = XM_create_queuing_port("commands", 3, 16, XM_SOURCE_PORT);
    printf("Producer: temperature 0x%08x, commands 0x%08x\n", temperature, commands);
    printf("Producer: again: 0x%08x\n", XM_create_queuing_port("commands", 3, 16, XM_SOURCE_PORT));
    printf("Producer: read a source port: %d\n",
           XM_read_sampling_message(temperature, (void *)0, 4, (void *)0));
    write_temperature("21.5 C");
    send("start");
    send("turn left");
    send("a long command!");
    send("stop");
    xmQueuingPortStatus_t queue;
    XM_get_queuing_port_status(commands, &queue);
    printf("Producer: %u commands queued\n", queue.noMsgs);
}

static void frame2(void)
{
    xmSamplingPortStatus_t status;
    xmQueuingPortStatus_t queue;
    printf("Producer: notifications 0x%x\n", XM_params_get_PCT()->extIrqsPend & NOTIFY_BITS);
    XM_get_sampling_port_status(temperature, &status);
    XM_get_queuing_port_status(commands, &queue);
    printf("Producer: temperature %u bytes, consumed %d; %u commands queued\n", status.lastMsgSize,
           !!(status.flags & XM_COMM_CONSUMED_MSG), queue.noMsgs);
    send("stop");
}

void PartitionMain(void)
{
    frame1();
    XM_idle_self();
    frame2();
    XM_idle_self();
    write_temperature("22.0 C");
    XM_halt_partition(XM_PARTITION_SELF);
}
