/* hvcore's internal interfaces between its modules. */
#ifndef HV_INTERNAL_H
#define HV_INTERNAL_H

#include <hvcore/hv.h>
#include <hvcore/port.h>
#include <xm/guest.h>

/* sched.c */
void hv_sched_start(struct hv *hv);
void hv_sched_switch_to(struct hv *hv, int32_t partition);

/* partition.c */
const struct hv_partition_config *hv_partition_config(const struct hv *hv, uint32_t id);
bool hv_partition_is_system(const struct hv *hv, uint32_t id);
void hv_partition_cold_reset(struct hv *hv, uint32_t id, uint32_t entry, uint32_t status);
void hv_partition_halt(struct hv *hv, uint32_t id);
void hv_partition_idle(struct hv *hv, uint32_t id);
bool hv_partition_runnable(const struct hv *hv, uint32_t id);
void hv_partition_set_state(struct hv *hv, uint32_t id, enum hv_partition_state state);

/* pct.c */
void hv_pct_init(struct hv *hv, uint32_t id);
uint32_t hv_pct_iflags(struct hv *hv, uint32_t id);
void hv_pct_set_iflags(struct hv *hv, uint32_t id, uint32_t iflags);
uint32_t hv_pct_tbr(struct hv *hv, uint32_t id);
void hv_pct_set_tbr(struct hv *hv, uint32_t id, uint32_t tbr);
void hv_pct_set_state(struct hv *hv, uint32_t id);
void hv_pct_set_slot(struct hv *hv, uint32_t id, const struct hv_slot *slot, uint32_t slot_index);

/* vtrap.c */
bool hv_vtrap_is_reflected(uint32_t trap_type);
int32_t hv_vtrap_write_tbr(struct hv *hv, uint32_t id, uint32_t tbr);

/* console.c */
int32_t hv_console_write_guest(struct hv *hv, uint32_t writer, uint32_t address, uint32_t length);

/* sched.c: the event timer reached the armed deadline. */
void hv_timer_event(struct hv *hv);

/* time.c */
uint64_t hv_time_now_us(struct hv *hv);

/* virq.c */
void hv_virq_raise_extended(struct hv *hv, uint32_t partition, uint32_t ext);

/* trace.c */
void hv_trace(struct hv *hv, uint32_t kind, int32_t partition, uint32_t a, uint32_t b, uint32_t c);

/* string helpers (no libc in the core) */
void hv_memset(void *dst, int value, uint32_t length);

#endif
