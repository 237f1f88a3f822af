/* Consumer: in each slot, prints every message waiting on the queuing port
 * "ticks", then idles until the next slot. */
#include <stdio.h>
#include <xm.h>

void PartitionMain(void);

void PartitionMain(void)
{
    char message[32];
    xm_s32_t port = XM_create_queuing_port("ticks", 4, sizeof message, XM_DESTINATION_PORT);
    if (port < 0) {
        printf("Consumer: cannot create port ticks: %d\n", port);
        XM_halt_partition(XM_PARTITION_SELF);
    }
    for (;;) {
        xm_s32_t length;
        while ((length = XM_receive_queuing_message(port, message, sizeof message)) > 0)
            printf("Consumer: received \"%.*s\"\n", (int)length, message);
        XM_idle_self();
    }
}
