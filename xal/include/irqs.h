/* xal: XtratuM XAL's trap handling for partitions (<irqs.h>). A partition
 * installs C handlers for its virtual traps with InstallTrapHandler(); the
 * first call (or SetupIrqs()) points the virtual TBR at XAL's trap table
 * `_traptab` (256 entries of 16 bytes, 4 KiB aligned, xal/src/traps.S).
 * A handler gets the interrupted context; what it leaves in pc/nPc, the
 * flags' icc and the globals is where and how the partition resumes. */
#ifndef XAL_IRQS_H
#define XAL_IRQS_H

#include <xm.h>

#define TRAPTAB_LENGTH 256

/* Vector of extended IRQ n in the trap table (its default route), as XAL
 * computes it. */
#define XAL_XMEXT_TRAP(xmtrap) (((xmtrap)-XM_VT_EXT_FIRST) + 224)

/* Vectors of the extended IRQs in the trap table (their default routes). */
#define XM_VT_EXT_HW_TIMER_TTAB (XM_VT_EXT_HW_TIMER + 224)
#define XM_VT_EXT_QUEUING_PORT_TTAB (XM_VT_EXT_QUEUING_PORT + 224)
#define XM_VT_EXT_CYCLIC_SLOT_START_TTAB (XM_VT_EXT_CYCLIC_SLOT_START + 224)
#define XM_VT_EXT_SHUTDOWN_TTAB (XM_VT_EXT_SHUTDOWN + 224)

/* Virtual interrupt flags, as XAL names them. */
#define HwCli() XM_sparc_set_pil()
#define HwSti() XM_sparc_clear_pil()
#define HwSaveFlags(hwFlags)                                                                       \
    do {                                                                                           \
        (hwFlags) = XM_sparc_get_psr();                                                            \
    } while (0)
#define HwSaveFlagsCli(hwFlags)                                                                    \
    do {                                                                                           \
        HwSaveFlags(hwFlags);                                                                      \
        HwCli();                                                                                   \
    } while (0)
#define HwRestoreFlags(hwFlags)                                                                    \
    do {                                                                                           \
        XM_sparc_set_psr(hwFlags);                                                                 \
    } while (0)
#define HwIsSti()                                                                                  \
    (((XM_params_get_PCT()->iFlags) & PSR_ET_BIT) &&                                               \
     !((XM_params_get_PCT()->iFlags) & PSR_PIL_MASK))

/* The interrupted context, saved on the stack below the interrupted %sp by
 * the trap entry code (XAL's layout). flags is the PSR copy (%l0), pc/nPc
 * where the partition resumes (%l1/%l2): for a software trap they are the
 * `ta` itself, so a handler that wants to go on after it sets pc = nPc and
 * nPc += 4 (which is also right for a `ta` in a delay slot). */
typedef struct trapCtxt {
    xm_u32_t y;
    xm_u32_t g1;
    xm_u32_t g2;
    xm_u32_t g3;
    xm_u32_t g4;
    xm_u32_t g5;
    xm_u32_t g6;
    xm_u32_t g7;
    xm_u32_t nPc;
    xm_u32_t irqNr;
    xm_u32_t flags;
    xm_u32_t pc;
} trapCtxt_t;

typedef void (*trapHandler_t)(trapCtxt_t *);

extern trapHandler_t trapHandlersTab[];
extern xm_u8_t _traptab[];

/* handler for vector trapNr (0..255; a software trap `ta n` is 0x80 + n);
 * NULL restores the default, which reports the trap and halts the
 * partition. Returns 0, or -1 for a bad trapNr. */
xm_s32_t InstallTrapHandler(xm_s32_t trapNr, trapHandler_t handler);

/* Every vector to the default handler, then the virtual TBR to _traptab. */
void SetupIrqs(void);

#endif
