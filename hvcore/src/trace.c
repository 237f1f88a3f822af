/* hvcore: reporting trace events to the port. */
#include "internal.h"
#include <hvcore/trace.h>

void hv_trace(struct hv *hv, uint32_t kind, int32_t partition, uint32_t a, uint32_t b, uint32_t c)
{
    struct hv_trace_event event = {(uint16_t)kind, (int16_t)partition, a, b, c};
    hv_port_trace(hv, &event);
}
