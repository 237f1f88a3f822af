/* hvcore: the hypervisor's clock (µs since reset). */
#include "internal.h"

uint64_t hv_time_now_us(struct hv *hv)
{
    return hv_port_clock_us(hv);
}
