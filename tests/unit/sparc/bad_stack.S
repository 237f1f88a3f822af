/* Window overflow with the stack pointer outside the partition: the spill
 * of the boot window's caller goes to %fp = 0x10000000 (unmapped). */
    .text
    .global _start
_start:
    set     0x10000000, %fp
    set     0x40140000 - 96, %sp
    save    %sp, -96, %sp
    save    %sp, -96, %sp
    save    %sp, -96, %sp
    save    %sp, -96, %sp
    save    %sp, -96, %sp
    save    %sp, -96, %sp   ! the sixth: overflow
    ta      0xf0
