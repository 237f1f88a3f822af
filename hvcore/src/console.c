/* hvcore: the console object. Partition bytes go to the partition's console
 * device, copied out of its memory through the port's checked copy. */
#include "internal.h"
#include <hvcore/drivers.h>
#include <xm/hypercalls.h>

#define CONSOLE_CHUNK 64u

int32_t hv_console_write_guest(struct hv *hv, uint32_t writer, uint32_t address, uint32_t length)
{
    char chunk[CONSOLE_CHUNK];
    int32_t device = hv_partition_config(hv, writer)->console;
    if (length > 0x7fffffffu)
        return XM_INVALID_PARAM;
    for (uint32_t done = 0; done < length;) {
        uint32_t n = length - done < CONSOLE_CHUNK ? length - done : CONSOLE_CHUNK;
        if (!hv_port_copy_from_guest(hv, writer, address + done, chunk, n))
            return done ? (int32_t)done : XM_INVALID_PARAM;
        if (device != HV_CONSOLE_NONE)
            hv_apbuart_write(hv, chunk, n);
        done += n;
    }
    return (int32_t)length;
}
