/* attacker: a hostile user partition (tests/hostile/, issue 11). The host
 * writes a mode and a seed into the control block at the top of its area
 * before boot; the block is outside the image, so it survives the cold
 * resets the health monitor answers faults with, and the attack goes on
 * where it stopped.
 * - random: seeded pseudo-random hypercalls (every number, arguments into
 *   the neighbour, the PCT, unmapped space, misaligned, huge), assembly
 *   hypercalls, software traps, garbage iret frames, a corrupt %sp, stores
 *   outside its memory;
 * - edge: XM_set_timer again and again (the slot boundary);
 * - timers: 50 µs periodic HW and EXEC timers with handlers, re-armed
 *   in a loop;
 * - console: 4000-byte console writes, forever;
 * - irq: UART2 transmitter interrupts and pending virtual interrupts;
 * - idle: nothing at all (the reference run). */
#include <irqs.h>
#include <xm.h>

#define CONTROL ((volatile unsigned *)0x401fff00u)
enum { MODE, SEED, RNG, CALLS, RESETS };
enum { MODE_IDLE, MODE_RANDOM, MODE_EDGE, MODE_TIMERS, MODE_CONSOLE, MODE_IRQ };

#define NEIGHBOUR 0x40200000u
#define PCT 0xF0000000u
#define UART2 0x80100100u
#define SELF 0u

void PartitionMain(void);
void attacker_corrupt_sp(unsigned sp, unsigned saves);
unsigned attacker_hypercall(unsigned nr, unsigned a1, unsigned a2, unsigned a3, unsigned a4,
                            unsigned a5);
void attacker_asm_hypercall(unsigned nr, unsigned a1, unsigned l1, unsigned l2);
void attacker_soft_trap(unsigned number);

static unsigned next(void)
{
    unsigned x = CONTROL[RNG];
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    CONTROL[RNG] = x;
    return x;
}

static unsigned argument(void)
{
    unsigned r = next();
    switch (r % 10u) {
    case 0:
        return NEIGHBOUR + (next() & 0xfffffu); /* the neighbour's memory */
    case 1:
        return PCT + (next() & 0x1fffu); /* the PCT (read-only) and past it */
    case 2:
        return next() & 0x3fffffffu; /* mostly unmapped */
    case 3:
        return 0x40100001u + (next() & 0xffffu); /* own memory, misaligned */
    case 4:
        return 0xffffffffu - (next() & 0xffu); /* huge */
    case 5:
        return 0x7fffffffu + (next() & 1u);
    case 6:
        return next() & 0xfu; /* small numbers: ids, clocks, modes */
    case 7:
        return 0x40180000u + (next() & 0xfffcu); /* own memory */
    default:
        return next();
    }
}

/* Hypercalls that would end the attack for good (halting or suspending
 * itself) go to the neighbour instead, which they must not touch. */
static unsigned aimed(unsigned nr, unsigned a1)
{
    int stops_self = nr == halt_partition_nr || nr == suspend_partition_nr ||
                     nr == shutdown_partition_nr || nr == halt_vcpu_nr;
    return stops_self && a1 == SELF ? 1u : a1;
}

static void random_hypercall(void)
{
    unsigned nr = next() % (NR_HYPERCALLS + 4u);
    if (nr == idle_self_nr && next() % 64u != 0)
        return; /* idling waits for the next slot: now and then only */
    unsigned a1 = aimed(nr, argument());
    CONTROL[CALLS]++;
    attacker_hypercall(nr, a1, argument(), argument(), argument(), argument());
}

static void random_action(void)
{
    /* Per 1000: what mostly ends in a fault (and a cold reset, which
     * takes the attacker a while) is rarer, so that most time goes to
     * hypercalls. */
    unsigned r = next() % 1000u;
    if (r < 850u) {
        random_hypercall();
    } else if (r < 980u) {
        CONTROL[CALLS]++;
        attacker_asm_hypercall(next() % (NR_ASM_HYPERCALLS + 2u), argument(), 0, 0);
    } else if (r < 990u) {
        unsigned number = next() % 0x80u;
        if (number != 0x70u && number != 0x71u) /* not the hypercall traps */
            attacker_soft_trap(number);
    } else if (r < 995u) {
        CONTROL[CALLS]++;
        attacker_asm_hypercall(sparc_iret_nr, 0, argument(), argument()); /* garbage frame */
    } else if (r < 997u) {
        attacker_corrupt_sp(argument(), 1u + next() % 10u);
    } else {
        *(volatile unsigned *)(argument() & ~3u) = next(); /* a store anywhere */
    }
}

static void on_timer(trapCtxt_t *ctxt)
{
    (void)ctxt;
    CONTROL[CALLS]++;
    XM_set_timer(XM_HW_CLOCK, 1, 50); /* re-armed from the handler too */
}

static _Noreturn void timer_storm(void)
{
    InstallTrapHandler(XM_VT_EXT_HW_TIMER_TTAB, on_timer);
    InstallTrapHandler(XM_VT_EXT_EXEC_TIMER + 224, on_timer);
    XM_clear_irqmask(0, (1u << XM_VT_EXT_HW_TIMER) | (1u << XM_VT_EXT_EXEC_TIMER));
    HwSti();
    for (;;) {
        xmTime_t now = 0;
        XM_get_time(XM_EXEC_CLOCK, &now);
        XM_set_timer(XM_EXEC_CLOCK, now + 50, 50);
        XM_set_timer(XM_HW_CLOCK, 1, 50);
        CONTROL[CALLS] += 3;
    }
}

static char flood[4000];

static _Noreturn void console_flood(void)
{
    for (unsigned i = 0; i < sizeof flood; i++)
        flood[i] = (char)('a' + i % 26u);
    for (;;) {
        CONTROL[CALLS]++;
        XM_write_console(flood, (xm_s32_t)sizeof flood);
    }
}

static void on_uart2(trapCtxt_t *ctxt)
{
    (void)ctxt;
    CONTROL[CALLS] += 2;
    XM_sparc_outport(UART2, 'x');
    XM_clear_irqmask(1u << 3, 0);
}

static _Noreturn void interrupt_flood(void)
{
    InstallTrapHandler(3 + 16, on_uart2);      /* hardware line 3: vector 0x13 */
    XM_sparc_outport(UART2 + 12u, 0x3ffu);     /* slow: 1.6 ms a character, so that */
    XM_sparc_outport(UART2 + 8u, 0x2u | 0x8u); /* TE | TI: ... some end in others' slots */
    XM_clear_irqmask(1u << 3, 0);
    HwSti();
    for (;;) {
        CONTROL[CALLS] += 3;
        XM_sparc_outport(UART2, 'y');
        XM_clear_irqmask(1u << 3, 0);
        XM_set_irqpend(1u << 3, 0); /* and its virtual copy, at once */
    }
}

void PartitionMain(void)
{
    if (CONTROL[RNG] == 0)
        CONTROL[RNG] = CONTROL[SEED] * 2u + 1u; /* xorshift needs a state other than 0 */
    CONTROL[RESETS]++;
    switch (CONTROL[MODE]) {
    case MODE_RANDOM:
        for (;;)
            random_action();
    case MODE_EDGE:
        for (;;) {
            CONTROL[CALLS]++;
            XM_set_timer(XM_HW_CLOCK, 0, 0);
        }
    case MODE_TIMERS:
        timer_storm();
    case MODE_CONSOLE:
        console_flood();
    case MODE_IRQ:
        interrupt_flood();
    default:
        for (;;)
            continue;
    }
}
