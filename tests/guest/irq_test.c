/* irq_test: virtual interrupts through XAL's trap table (one_partition.xml).
 * Interrupts made pending with XM_set_irqpend wait while the virtual
 * interrupts are off (PIL 15 after boot); once enabled they arrive in
 * XtratuM's order: unmasked hardware IRQs highest first, then unmasked
 * extended IRQs highest first, one at a time (delivery disables them until
 * iret). Masked ones wait for XM_clear_irqmask; XM_clear_irqpend drops
 * one; XM_route_irq moves one to another vector. */
#include <irqs.h>
#include <stdio.h>
#include <xm.h>

#define LOG 16

static volatile int log_count;
static int log_vector[LOG];
static int log_nested[LOG]; /* HwIsSti() inside the handler */

static void on_irq(trapCtxt_t *ctxt)
{
    if (log_count < LOG) {
        log_vector[log_count] = (int)ctxt->irqNr;
        log_nested[log_count] = HwIsSti();
    }
    log_count++;
    if (ctxt->irqNr == 0x10 + 5)
        XM_set_irqpend(0, 1 << 4); /* not delivered before this handler returns */
}

static void print_log(const char *when)
{
    printf("%s:", when);
    for (int i = 0; i < log_count && i < LOG; i++)
        printf(" 0x%x%s", log_vector[i], log_nested[i] ? "(enabled!)" : "");
    printf("\n");
    log_count = 0;
}

static void print_pct(void)
{
    partitionControlTable_t *pct = XM_params_get_PCT();
    printf("PCT: hwIrqsPend 0x%x hwIrqsMask 0x%x extIrqsPend 0x%x extIrqsMask 0x%x\n",
           pct->hwIrqsPend, pct->hwIrqsMask, pct->extIrqsPend, pct->extIrqsMask);
}

static void install(void)
{
    int vectors[] = {0x10 + 5, 0x10 + 12, 224 + 4, 224 + 8, 224 + 24, 0x90};
    for (unsigned i = 0; i < sizeof vectors / sizeof vectors[0]; i++)
        InstallTrapHandler(vectors[i], on_irq);
}

static void small_calls(void)
{
    printf("route_irq type 3: %d, hw 16: %d, ext 32: %d, vector 256: %d, trap 19: %d\n",
           XM_route_irq(3, 0, 0x90), XM_route_irq(XM_HWIRQ_TYPE, 16, 0x90),
           XM_route_irq(XM_EXTIRQ_TYPE, 32, 0x90), XM_route_irq(XM_HWIRQ_TYPE, 1, 256),
           XM_route_irq(XM_TRAP_TYPE, 19, 0x2b));
    printf("get_vcpuid: %d\n", XM_get_vcpuid());
    printf("set_cache_state flush D: %d, bad cache: %d, bad action: %d\n",
           XM_set_cache_state(XM_DCACHE, XM_FLUSH_CACHE), XM_set_cache_state(3, XM_FLUSH_CACHE),
           XM_set_cache_state(XM_ICACHE, 4));
}

void PartitionMain(void)
{
    install();
    XM_clear_irqpend(0, 1 << XM_VT_EXT_CYCLIC_SLOT_START);
    int route = XM_route_irq(XM_EXTIRQ_TYPE, XM_VT_EXT_HW_TIMER, 0x90);
    XM_set_irqpend((1 << 5) | (1 << 12), (1 << 0) | (1 << 8) | (1 << 24) | (1 << 3));
    XM_clear_irqpend(0, 1 << 3);
    XM_clear_irqmask((1 << 5) | (1 << 12), (1 << 0) | (1 << 4) | (1 << 8) | (1 << 24));
    XM_set_irqmask(1 << 12, 0);
    print_pct();
    print_log("pending, interrupts off");
    XM_enable_irqs();
    print_log("enabled, hw 12 masked");
    XM_clear_irqmask(1 << 12, 0);
    print_log("hw 12 unmasked");
    print_pct();
    printf("route ext 0 to 0x90: %d\n", route);
    small_calls();
    printf("irq_test: done\n");
}
