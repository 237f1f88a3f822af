/* hvcore: GPTIMER driver, as XtratuM's leon_timers.c: timer 1 is a
 * free-running 1 MHz clock whose wraps are counted through its interrupt,
 * timer 2 a one-shot timer for the next event.
 *
 * One deliberate difference: XtratuM loads the event timer with the
 * interval itself, and since a GRLIB timer underflows after counter+1
 * ticks, its interrupt comes 1 µs after the deadline. Here the timer is
 * loaded with interval-1, so the interrupt comes on the very tick at which
 * the clock reaches the deadline. */
#include <hvcore/drivers.h>
#include <hvcore/port.h>

#define GPTIMER_SCALER 0x00u
#define GPTIMER_SCALER_RELOAD 0x04u
#define CLOCK_TIMER 0x10u /* timer 1 */
#define EVENT_TIMER 0x20u /* timer 2 */
#define TIMER_COUNTER 0x0u
#define TIMER_RELOAD 0x4u
#define TIMER_CTRL 0x8u
#define CTRL_EN 0x01u
#define CTRL_RS 0x02u
#define CTRL_LD 0x04u
#define CTRL_IE 0x08u
#define TICK_KHZ 1000u /* the prescaler gives a 1 MHz tick */
#define ARM_ATTEMPTS 3

static uint32_t reg(const struct hv *hv, uint32_t timer, uint32_t offset)
{
    return hv->drivers.board->gptimer_base + timer + offset;
}

/* Writing the scaler itself (first) puts the ticks at whole µs from this
 * very access, rather than after whatever the scaler held. */
void hv_gptimer_start_prescaler(struct hv *hv)
{
    uint32_t prescale = hv->drivers.board->cpu_khz / TICK_KHZ - 1u;
    hv_port_io_write32(hv, reg(hv, 0, GPTIMER_SCALER), prescale);
    hv_port_io_write32(hv, reg(hv, 0, GPTIMER_SCALER_RELOAD), prescale);
}

void hv_gptimer_init(struct hv *hv)
{
    const struct hv_board *board = hv->drivers.board;
    hv_port_io_write32(hv, reg(hv, EVENT_TIMER, TIMER_CTRL), 0);
    hv_port_io_write32(hv, reg(hv, CLOCK_TIMER, TIMER_RELOAD), 0xffffffffu);
    hv_port_io_write32(hv, reg(hv, CLOCK_TIMER, TIMER_CTRL), CTRL_LD | CTRL_RS | CTRL_EN | CTRL_IE);
    hv_irqmp_clear(hv, board->clock_irq);
    hv_irqmp_clear(hv, board->event_irq);
    hv_irqmp_unmask(hv, board->clock_irq);
    hv_irqmp_unmask(hv, board->event_irq);
}

static uint64_t clock_ticks(struct hv *hv)
{
    return 0xffffffffu - hv_port_io_read32(hv, reg(hv, CLOCK_TIMER, TIMER_COUNTER));
}

/* A wrap in progress (the counter reloaded but its interrupt not yet
 * taken) shows as the clock line pending: count it here and clear it, then
 * read the counter again, which is certainly after the wrap. */
uint64_t hv_gptimer_now_us(struct hv *hv)
{
    uint32_t line = hv->drivers.board->clock_irq;
    uint64_t ticks = clock_ticks(hv);
    if (hv_irqmp_is_pending(hv, line)) {
        hv_irqmp_clear(hv, line);
        hv->drivers.clock_wraps++;
        ticks = clock_ticks(hv);
    }
    return ((uint64_t)hv->drivers.clock_wraps << 32) + ticks;
}

/* A deadline already reached gets the next tick: the interrupt comes at
 * once. No minimum beyond that: the scheduler's boundaries are armed
 * exactly (partition timers keep XtratuM's 50 µs minimum in timer.c). */
static void load_event_timer(struct hv *hv, uint64_t interval)
{
    if (interval < 1u)
        interval = 1u;
    if (interval > HV_GPTIMER_MAX_INTERVAL_US)
        interval = HV_GPTIMER_MAX_INTERVAL_US;
    hv_port_io_write32(hv, reg(hv, EVENT_TIMER, TIMER_RELOAD), (uint32_t)interval - 1u);
    hv_port_io_write32(hv, reg(hv, EVENT_TIMER, TIMER_CTRL), CTRL_LD | CTRL_EN | CTRL_IE);
}

/* A prescaler tick between reading the clock and loading the timer would
 * make the interrupt one µs late. So the clock is read again after the
 * load, and the timer loaded again if it moved: a tick lasts many register
 * accesses, so the second try lands inside one. */
void hv_gptimer_arm(struct hv *hv, uint64_t deadline_us)
{
    hv->drivers.event_deadline = deadline_us;
    hv->drivers.event_armed = true;
    for (int attempt = 0; attempt < ARM_ATTEMPTS; attempt++) {
        uint64_t now = hv_gptimer_now_us(hv);
        load_event_timer(hv, deadline_us > now ? deadline_us - now : 0);
        if (hv_gptimer_now_us(hv) == now)
            return;
    }
}

void hv_gptimer_disarm(struct hv *hv)
{
    hv->drivers.event_armed = false;
    hv_port_io_write32(hv, reg(hv, EVENT_TIMER, TIMER_CTRL), 0);
}

bool hv_gptimer_irq(struct hv *hv, uint32_t line)
{
    const struct hv_board *board = hv->drivers.board;
    if (line == board->clock_irq) {
        hv->drivers.clock_wraps++;
        return false;
    }
    if (line != board->event_irq || !hv->drivers.event_armed)
        return false;
    uint64_t now = hv_gptimer_now_us(hv);
    if (now < hv->drivers.event_deadline) {
        load_event_timer(hv, hv->drivers.event_deadline - now); /* the next 10 s step */
        return false;
    }
    hv->drivers.event_armed = false;
    return true;
}
