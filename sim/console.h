/* sim/: the console UART's two ends outside the machine: transmitted bytes
 * to the user (optionally each line prefixed with its virtual time and
 * writer), and bytes from a file fed to its receiver. */
#ifndef SIM_CONSOLE_H
#define SIM_CONSOLE_H

#include "sim/machine_internal.h"

/* The UART's output sink: context is the machine. */
void sim_console_byte(void *context, uint8_t byte, uint64_t cycle);

/* The hypervisor wrote a byte into the UART's DATA register on behalf of
 * whoever runs now. */
void sim_console_note_writer(struct sim_machine *m);

/* Read the --uart-in file; its bytes arrive one per character time. */
enum sim_error sim_console_load_input(struct sim_machine *m, FILE *input);
/* The --uart2-in file, fed to UART2's receiver the same way. */
enum sim_error sim_console_load_uart2_input(struct sim_machine *m, FILE *input);
/* UART2's output sink: its bytes go to options.uart2_output (if any) and
 * into the trace (SIM_TRACE_UART2). */
void sim_console_uart2_byte(void *context, uint8_t byte, uint64_t cycle);

/* Deliver the input bytes due by now on both UARTs; the cycle of the next
 * one (or UINT64_MAX). */
uint64_t sim_console_feed_input(struct sim_machine *m);

#endif
