/* rsw: the resident software, our LEON3 loader (docs/xef.md, "Booting a
 * container on the LEON3"). Where things are on leon3_generic; the build
 * may override RSW_CONTAINER_ADDRESS, the address QEMU's
 * `-device loader,file=container.bin,addr=...` must use. */
#ifndef RSW_RSW_H
#define RSW_RSW_H

#include <stdint.h>

#ifndef RSW_CONTAINER_ADDRESS
#define RSW_CONTAINER_ADDRESS 0x43000000u /* up to the loader: 15 MiB */
#endif
#define RSW_RAM_START 0x40000000u
#define RSW_RAM_END 0x44000000u    /* leon3_generic: 64 MiB */
#define RSW_UART_BASE 0x80000100u  /* APBUART 0 */
#define RSW_TIMER_BASE 0x80000300u /* GPTIMER */

/* start.S: to the hypervisor's entry, traps still off; never returns. */
void rsw_jump(uint32_t entry);
/* start.S: ends the run (`ta 0` with traps off: QEMU shuts down cleanly). */
void rsw_stop(void);
void rsw_main(void);
/* start.S: a loop of exactly 3 n + 3 instructions (n > 0). */
void rsw_spin(uint32_t n);

/* Linker symbols (rsw.ld): the loader's own RAM, stack included. */
extern uint8_t __rsw_start[], __rsw_end[];

#endif
