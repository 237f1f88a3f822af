/* uart_echo: a partition driving UART2 itself (uart2.xml): its registers
 * through XM_sparc_inport/outport, its receive interrupt (line 3) as a
 * virtual hardware IRQ on vector 0x10 + 3. Every byte received is sent
 * back upper-cased; after a newline the partition reports on the console
 * and halts. The I/O port checks: a port not granted is XM_PERM_ERROR, a
 * misaligned one XM_INVALID_PARAM, and the restricted CTRL port keeps the
 * bits outside its mask. */
#include <irqs.h>
#include <stdio.h>
#include <xm.h>

#define UART2 0x80100100u
#define DATA (UART2 + 0x0)
#define STATUS (UART2 + 0x4)
#define CTRL (UART2 + 0x8)
#define SCALER (UART2 + 0xC)
#define STATUS_DR 0x1u
#define STATUS_TE 0x4u
#define CTRL_RE 0x1u
#define CTRL_TE 0x2u
#define CTRL_RI 0x4u
#define UART2_IRQ 3

static volatile int done;
static int received, interrupts;

static xm_u32_t port_in(xm_u32_t port)
{
    xm_u32_t value = 0;
    XM_sparc_inport(port, &value);
    return value;
}

static void send(xm_u32_t byte)
{
    while (!(port_in(STATUS) & STATUS_TE))
        continue;
    XM_sparc_outport(DATA, byte);
}

static void on_uart2(trapCtxt_t *ctxt)
{
    (void)ctxt;
    interrupts++;
    while (port_in(STATUS) & STATUS_DR) {
        xm_u32_t byte = port_in(DATA) & 0xff;
        received++;
        send(byte >= 'a' && byte <= 'z' ? byte - 'a' + 'A' : byte);
        if (byte == '\n')
            done = 1;
    }
    XM_clear_irqmask(1 << UART2_IRQ, 0); /* the line was masked when taken */
}

static void port_checks(void)
{
    xm_u32_t value;
    int ctrl = XM_sparc_outport(CTRL, 0xff);
    printf("outport CTRL 0xff: %d, CTRL now 0x%x\n", ctrl, port_in(CTRL));
    printf("outport SCALER: %d, inport UART1 status: %d, misaligned: %d, bad pointer: %d\n",
           XM_sparc_outport(SCALER, 1), XM_sparc_inport(0x80000104, &value),
           XM_sparc_inport(STATUS + 2, &value), XM_sparc_inport(STATUS, (xm_u32_t *)16));
}

void PartitionMain(void)
{
    port_checks();
    InstallTrapHandler(0x10 + UART2_IRQ, on_uart2);
    XM_sparc_outport(CTRL, CTRL_RE | CTRL_TE | CTRL_RI);
    XM_clear_irqmask(1 << UART2_IRQ, 0);
    XM_enable_irqs();
    while (!done)
        continue;
    printf("echoed %d bytes in %d interrupts\n", received, interrupts);
}
