/* Window overflow with the stack pointer outside the partition: the boot
 * window (0; its caller's window 1 is invalid) is the first one spilled, to
 * its %sp = 0x10000000 (unmapped). */
    .text
    .global _start
_start:
    set     0x10000000, %sp
    save    %sp, -96, %sp
    save    %sp, -96, %sp
    save    %sp, -96, %sp
    save    %sp, -96, %sp
    save    %sp, -96, %sp
    save    %sp, -96, %sp
    save    %sp, -96, %sp   ! the seventh: overflow
    ta      0xf0
