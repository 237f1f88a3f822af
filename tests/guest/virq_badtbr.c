/* virq_badtbr: a virtual interrupt that cannot be delivered
 * (tests/scenarios/hm.cmake, fault.report_virq). The partition unmasks
 * its HW timer, sets a trap table that runs past its memory (its
 * read-only page of two_partitions.xml, as fault.c's FAULT_BADTBR), arms
 * the timer and spins: the delivery fails (XtratuM: partition
 * unrecoverable), and the fault report shows the registers and where the
 * partition was, without an instruction (none caused it). */
#include <irqs.h>
#include <xm.h>

#define HW_TIMER_BIT (1 << XM_VT_EXT_HW_TIMER)
#define PAST_THE_END (0x40300000u + 16) /* a table would end past the page */

void PartitionMain(void);

static volatile xm_u32_t spins;

void PartitionMain(void)
{
    xmTime_t now;
    XM_clear_irqmask(0, HW_TIMER_BIT);
    XM_enable_irqs();
    XM_sparc_write_tbr(PAST_THE_END);
    XM_get_time(XM_HW_CLOCK, &now);
    XM_set_timer(XM_HW_CLOCK, now + 1000, 0);
    for (;;)
        spins++;
}
