/* hvcore: the hypervisor's clock (µs since reset). */
#include "internal.h"
#include <hvcore/drivers.h>

uint64_t hv_time_now_us(struct hv *hv)
{
    return hv_gptimer_now_us(hv);
}
