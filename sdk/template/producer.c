/* Producer: one message a slot on the queuing port "ticks", then idle until
 * the next slot. */
#include <stdio.h>
#include <xm.h>

void PartitionMain(void);

void PartitionMain(void)
{
    char message[32];
    xm_s32_t port = XM_create_queuing_port("ticks", 4, sizeof message, XM_SOURCE_PORT);
    if (port < 0) {
        printf("Producer: cannot create port ticks: %d\n", port);
        XM_halt_partition(XM_PARTITION_SELF);
    }
    for (xm_u32_t slot = 0;; slot++) {
        int length = snprintf(message, sizeof message, "tick %u", slot);
        xm_s32_t result = XM_send_queuing_message(port, message, (xm_u32_t)length);
        printf("Producer: sent \"%s\": %d\n", message, result);
        XM_idle_self();
    }
}
