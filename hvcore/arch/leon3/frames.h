/* The LEON3 image's UART stream (hvcore/arch/leon3/report.c writes it,
 * sim/engine reads it; docs/leon3.md). Plain C constants and one struct so
 * that both sides share them. */
#ifndef HVCORE_ARCH_LEON3_FRAMES_H
#define HVCORE_ARCH_LEON3_FRAMES_H

#include <stdint.h>

#define LEON3_FRAME_ESC 0xffu
enum leon3_frame_type {
    LEON3_FRAME_LITERAL = 0, /* a console byte 0xff; no payload */
    LEON3_FRAME_WRITER = 1,  /* u8 partition + 1 (0: the hypervisor): whose console bytes follow */
    LEON3_FRAME_TRACE = 2,   /* u64 µs, u16 kind, s16 partition, u32 a, b, c */
    LEON3_FRAME_NOTICE = 3,  /* u64 µs, u8 kind, u8 partition + 1, u8 tt, u32 pc, address,
                                u8 outcome, event, action */
    LEON3_FRAME_END = 4,     /* u64 µs, u8 reason (enum leon3_end) */
    LEON3_FRAME_PANIC = 5,   /* text up to a NUL */
};
#define LEON3_FRAME_TRACE_BYTES 24u
#define LEON3_FRAME_NOTICE_BYTES 23u

enum leon3_notice_kind {
    LEON3_NOTICE_TRAP = 0, /* a partition's trap the health monitor handled */
    LEON3_NOTICE_VIRQ = 1, /* a virtual interrupt could not be delivered: partition halted */
    LEON3_NOTICE_HALT = 2, /* the system halted (partition: who halted it, or -1) */
    LEON3_NOTICE_HM = 3,   /* an HM event no trap or virq notice covers (raised in a hypercall,
                              the watchdog's; partition -1: the hypervisor's scope) */
};

enum leon3_end { LEON3_END_MAFS = 0, LEON3_END_HALTED = 1 };

struct leon3_notice {
    uint64_t us;
    uint8_t kind;
    int32_t partition;
    uint8_t tt;
    uint32_t pc, address;
    uint8_t outcome, event, action;
};

#endif
