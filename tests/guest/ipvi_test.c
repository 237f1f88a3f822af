/* ipvi_test: inter-partition virtual interrupts (ipvi.xml). Sender (0)
 * raises IPVI 0, which XM_CF routes to Receiver (1); Receiver takes it when
 * its slot comes and answers with IPVI 1, which Sender takes in its next
 * slot. An IPVI the configuration gives the caller no route for is
 * XM_NO_ACTION; a number outside IPVI0..7 is XM_INVALID_PARAM. The same
 * source runs in both partitions. */
#include <irqs.h>
#include <stdio.h>
#include <xm.h>

static volatile int received;
static xmTime_t received_at;

static void on_ipvi(trapCtxt_t *ctxt)
{
    XM_get_time(XM_HW_CLOCK, (xmTime_t *)&received_at);
    received = (int)ctxt->irqNr - 224 - XM_VT_EXT_IPVI0;
    if (XM_PARTITION_SELF == 1)
        XM_raise_ipvi(XM_VT_EXT_IPVI0 + 1);
}

static void listen(int ipvi)
{
    InstallTrapHandler(224 + XM_VT_EXT_IPVI0 + ipvi, on_ipvi);
    XM_clear_irqpend(0, 1 << XM_VT_EXT_CYCLIC_SLOT_START);
    XM_clear_irqmask(0, 1 << (XM_VT_EXT_IPVI0 + ipvi));
    received = -1;
    XM_enable_irqs();
}

static void sender(void)
{
    listen(1);
    int raised = XM_raise_ipvi(XM_VT_EXT_IPVI0);
    int unrouted = XM_raise_ipvi(XM_VT_EXT_IPVI0 + 2);
    int bad = XM_raise_ipvi(5);
    printf("Sender: raise IPVI0: %d, IPVI2: %d, 5: %d\n", raised, unrouted, bad);
    while (received < 0)
        continue;
    printf("Sender: IPVI%d at %lld us\n", received, (long long)received_at);
}

static void receiver(void)
{
    listen(0);
    while (received < 0)
        continue;
    printf("Receiver: IPVI%d at %lld us, answered with IPVI1\n", received, (long long)received_at);
}

void PartitionMain(void)
{
    if (XM_PARTITION_SELF == 0)
        sender();
    else
        receiver();
}
