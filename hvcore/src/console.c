/* hvcore: the console object. Partition bytes go to the partition's console
 * device, copied out of its memory through the port's checked copy.
 *
 * Isolation (issue 11): the UART is polled as in XtratuM, so a write takes
 * about 87 µs a byte, but it never runs past the caller's slot: a byte
 * that would not be out of the UART by the slot's end is not sent, and the
 * call returns the bytes it took (XM_write_console's count), possibly 0.
 * The caller writes the rest in a later slot (xal's printf waits for it
 * with XM_idle_self). The next slot thus starts on time with the UART
 * idle. XtratuM's write is synchronous to the end and delays the next
 * partition (docs/hypercalls.md, "Bounded costs"). */
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
    uint64_t deadline = hv_sched_slot_end_us(hv);
    for (uint32_t done = 0; done < length;) {
        uint32_t n = length - done < CONSOLE_CHUNK ? length - done : CONSOLE_CHUNK;
        if (!hv_port_copy_from_guest(hv, writer, address + done, chunk, n))
            return done ? (int32_t)done : XM_INVALID_PARAM;
        uint32_t sent = n;
        if (device != HV_CONSOLE_NONE)
            sent = (uint32_t)hv_apbuart_write(hv, chunk, n, deadline);
        done += sent;
        if (sent < n)
            return (int32_t)done;
    }
    return (int32_t)length;
}
