/* misuse: hypercalls a partition gets wrong, for the notices of failed
 * hypercalls (tests/scenarios/names.cmake; run as Producer in comm.xml):
 * creating a port the configuration does not have, writing a message
 * larger than the port's, reading a source port. Each mistake is made
 * three times from one call site (the notice once, then a count), and
 * once more from another. */
#include <stdio.h>
#include <xm.h>

void PartitionMain(void);

static char message[64] = "too long for the port";

__attribute__((noinline)) static void mistakes(xm_s32_t temperature, int round)
{
    printf("misuse %d: missing port: %d\n", round,
           XM_create_queuing_port("missing", 3, 16, XM_SOURCE_PORT));
    printf("misuse %d: 64 bytes to a 32-byte port: %d\n", round,
           XM_write_sampling_message(temperature, message, sizeof message));
    printf("misuse %d: read a source port: %d\n", round,
           XM_read_sampling_message(temperature, message, 32, NULL));
}

void PartitionMain(void)
{
    xm_s32_t temperature = XM_create_sampling_port("temperature", 32, XM_SOURCE_PORT, 300000);
    for (int round = 0; round < 3; round++)
        mistakes(temperature, round);
    printf("misuse: elsewhere: %d\n", XM_create_queuing_port("missing", 3, 16, XM_SOURCE_PORT));
    XM_halt_partition(XM_PARTITION_SELF);
}
