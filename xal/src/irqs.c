/* xal: XAL's C side of trap handling: the handler table the entry code in
 * traps.S dispatches through, and its set-up. */
#include <irqs.h>
#include <stdio.h>

trapHandler_t trapHandlersTab[TRAPTAB_LENGTH];

static int trapsReady;

/* XAL's default prints and returns, which re-runs a software trap for
 * ever; here the partition reports and halts. */
static void UnexpectedTrap(trapCtxt_t *ctxt)
{
    printf("[P%d] Unexpected trap 0x%x (pc: 0x%x)\n", XM_PARTITION_SELF, ctxt->irqNr, ctxt->pc);
    XM_halt_partition(XM_PARTITION_SELF);
}

void SetupIrqs(void)
{
    for (xm_s32_t e = 0; e < TRAPTAB_LENGTH; e++)
        trapHandlersTab[e] = UnexpectedTrap;
    XM_sparc_write_tbr((xmWord_t)_traptab);
    trapsReady = 1;
}

xm_s32_t InstallTrapHandler(xm_s32_t trapNr, trapHandler_t handler)
{
    if (trapNr < 0 || trapNr >= TRAPTAB_LENGTH)
        return -1;
    if (!trapsReady)
        SetupIrqs();
    trapHandlersTab[trapNr] = handler ? handler : UnexpectedTrap;
    return 0;
}
