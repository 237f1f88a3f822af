/* hvcore/arch/leon3: the LEON3 port's own declarations (not part of the
 * core's API). The port keeps one saved CPU per partition; the trap entry
 * (start.S) copies the whole register file of the interrupted partition
 * into it and the resume path loads it back, so every window operation
 * the core asks for is done in C on memory, and a partition's stack is
 * touched only by checked copies (never with traps disabled). */
#ifndef HVCORE_ARCH_LEON3_H
#define HVCORE_ARCH_LEON3_H

#define LEON3_WINDOWS 8u

/* Offsets used by start.S (checked against the struct in context.c). */
#define LEON3_CPU_WIN 0   /* win[w][0..7] = %l0-%l7, [8..15] = %i0-%i7 of window w */
#define LEON3_CPU_G 512   /* %g0-%g7 */
#define LEON3_CPU_PSR 544 /* as the partition sees it: S = 0, ET = 1, CWP = its window */
#define LEON3_CPU_WIM 548
#define LEON3_CPU_PC 552
#define LEON3_CPU_NPC 556
#define LEON3_CPU_Y 560
#define LEON3_CPU_SIZE 568

/* The SRMMU (srmmu.c): its register ASI, the context register, and where
 * the trampoline (the trap table's page and the next, start.S) sits in
 * every context: a level-1 entry from XM_MMU_L1_RESERVED on, so a
 * partition's own map has it too. */
#define LEON3_ASI_MMU_FLUSH 0x18
#define LEON3_ASI_MMU_REGS 0x19
#define LEON3_MMU_CTX_REG 0x200
#define LEON3_TRAMPOLINE_VA 0xFF000000
#define LEON3_TRAMPOLINE_SIZE 8192

#ifndef __ASSEMBLER__
#include <hvcore/hv.h>
#include <hvcore/trace.h>
#include <stdbool.h>
#include <stdint.h>

struct leon3_cpu {
    uint32_t win[LEON3_WINDOWS][16];
    uint32_t g[8];
    uint32_t psr, wim, pc, npc, y;
    uint32_t reserved;
} __attribute__((aligned(8)));

/* What the build puts beside the core (the generated configuration file,
 * docs/leon3.md): the validated configuration, the board profile, each
 * partition's image entry point and how long to run. */
extern const struct hv_config leon3_config;
extern const struct hv_board *const leon3_board;
extern const uint32_t leon3_image_entry[];
extern const uint32_t leon3_stop_mafs; /* 0: run for ever */
extern const uint32_t leon3_framed;    /* 1: the UART carries frames (docs/leon3.md) */
extern const uint32_t leon3_traced;    /* 1: and trace frames among them */

/* start.S */
extern struct leon3_cpu *leon3_running; /* whose registers the next trap saves */
extern uint32_t leon3_next_context;     /* the SRMMU context leon3_resume loads */
extern uint8_t leon3_trap_table[];
void leon3_flush_page_in(uint32_t context, uint32_t page); /* at its trampoline address only */
void leon3_resume(struct leon3_cpu *cpu) __attribute__((noreturn));
void leon3_idle(void) __attribute__((noreturn));
void leon3_shutdown(void) __attribute__((noreturn));

/* context.c: a saved CPU. */
uint32_t *leon3_cpu_reg(struct leon3_cpu *cpu, uint32_t reg); /* hv_cpu_reg numbering */
uint32_t leon3_cpu_cwp(const struct leon3_cpu *cpu);
void leon3_cpu_boot(struct leon3_cpu *cpu, uint32_t entry, uint32_t g1);
void leon3_cpu_skip(struct leon3_cpu *cpu);
/* A window to or from its stack: false with *tt and *address set to the
 * trap the partition's own handler would have taken. */
struct leon3_stack_fault {
    uint32_t tt, address;
};
bool leon3_cpu_spill(struct hv *hv, uint32_t id, uint32_t w, struct leon3_stack_fault *fault);
bool leon3_cpu_fill(struct hv *hv, uint32_t id, uint32_t w, struct leon3_stack_fault *fault);
uint32_t leon3_wim_rotate_right(uint32_t wim);
uint32_t leon3_wim_rotate_left(uint32_t wim);

/* memory.c: partition memory by its map, physical access, the page pool. */
struct leon3_cpu *leon3_cpu_of(uint32_t id);
bool leon3_guest_ok(struct hv *hv, uint32_t id, uint32_t address, uint32_t length, bool write,
                    uint32_t *fault);
void *leon3_alloc(uint32_t size, uint32_t align); /* zeroed; panics when exhausted */
uint32_t leon3_phys_load32(uint32_t address);     /* MMU bypass */

/* fpu.c: the FPU belongs to the last partition with EF that ran. */
void leon3_fpu_switch(uint32_t id);
void leon3_fpu_reset(uint32_t id); /* its boot state: all zero */

/* srmmu.c: one context per partition; the hypervisor in all of them. */
void leon3_srmmu_init(const struct hv_config *config);
void leon3_srmmu_switch(uint32_t id);
uint32_t leon3_srmmu_fault_status(void);

/* report.c: the UART stream (frames or plain text). */
void leon3_report_writer(int32_t writer);
void leon3_report_trace(uint64_t us, const struct hv_trace_event *event);
void leon3_report_text(const char *text);
void leon3_report_number(uint32_t value, uint32_t base);
struct leon3_notice;
void leon3_report_notice(const struct leon3_notice *notice);
void leon3_report_console(uint8_t byte);
void leon3_report_end(uint64_t us, uint32_t reason);
void leon3_panic(const char *why) __attribute__((noreturn));

/* main.c: the port saw the core raise an HM event (its trace record). */
void leon3_hm_seen(const struct hv_trace_event *event);

#endif
#endif
