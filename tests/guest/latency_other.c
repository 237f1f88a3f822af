/* latency_other: the neighbour of latency_probe (tests/guest/latency.xml):
 * it computes through its slots and prints nothing, so that the console
 * never holds the processor at a slot boundary. */
#include <xm.h>

void PartitionMain(void)
{
    volatile unsigned sink = 0;
    for (;;)
        sink = sink * 33u + 1u;
}
