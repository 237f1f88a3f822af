/* hvcore's internal interfaces between its modules. */
#ifndef HV_INTERNAL_H
#define HV_INTERNAL_H

#include <hvcore/hv.h>
#include <hvcore/port.h>
#include <xm/guest.h>

/* sched.c */
void hv_sched_start(struct hv *hv);
/* The partition whose slot is in progress (running or not), or HV_IDLE. */
int32_t hv_sched_slot_owner(const struct hv *hv);
/* The end of the slot in progress, µs (UINT64_MAX: none). */
uint64_t hv_sched_slot_end_us(const struct hv *hv);
void hv_sched_switch_to(struct hv *hv, int32_t partition);
/* A virtual IRQ went pending for id: back from XM_idle_self if it may. */
void hv_sched_wake(struct hv *hv, uint32_t id);

/* partition.c */
const struct hv_partition_config *hv_partition_config(const struct hv *hv, uint32_t id);
bool hv_partition_is_system(const struct hv *hv, uint32_t id);
void hv_partition_cold_reset(struct hv *hv, uint32_t id, uint32_t entry, uint32_t status);
void hv_partition_halt(struct hv *hv, uint32_t id);
void hv_partition_idle(struct hv *hv, uint32_t id);
bool hv_partition_runnable(const struct hv *hv, uint32_t id);
void hv_partition_set_state(struct hv *hv, uint32_t id, enum hv_partition_state state);
/* The partition's CPU alone to its boot state at entry (reset_vcpu). */
void hv_partition_restart_cpu(struct hv *hv, uint32_t id, uint32_t entry);
void hv_partition_warm_reset(struct hv *hv, uint32_t id, uint32_t entry, uint32_t status);
void hv_partition_boot_all(struct hv *hv);
void hv_partition_suspend(struct hv *hv, uint32_t id);
void hv_partition_resume(struct hv *hv, uint32_t id);

/* pct.c */
void hv_pct_init(struct hv *hv, uint32_t id);
uint32_t hv_pct_iflags(struct hv *hv, uint32_t id);
void hv_pct_set_iflags(struct hv *hv, uint32_t id, uint32_t iflags);
uint32_t hv_pct_tbr(struct hv *hv, uint32_t id);
void hv_pct_set_tbr(struct hv *hv, uint32_t id, uint32_t tbr);
void hv_pct_set_state(struct hv *hv, uint32_t id);
void hv_pct_set_slot(struct hv *hv, uint32_t id, const struct hv_slot *slot, uint32_t slot_index);
void hv_pct_warm_reset(struct hv *hv, uint32_t id);
int32_t hv_pct_trap_index(uint32_t trap_type); /* XtratuM's trap index of tt, or -1 */
uint32_t hv_pct_trap_vector(struct hv *hv, uint32_t id, uint32_t trap_index);

/* vtrap.c */
bool hv_vtrap_is_reflected(uint32_t trap_type);
int32_t hv_vtrap_write_tbr(struct hv *hv, uint32_t id, uint32_t tbr);

/* mmu.c: the MMU paravirtualisation calls; a reset's clean slate. */
int32_t hv_mmu_set_page_type(struct hv *hv, uint32_t id, uint32_t page, uint32_t type);
int32_t hv_mmu_update_page32(struct hv *hv, uint32_t id, uint32_t address, uint32_t value);
int32_t hv_mmu_write_register32(struct hv *hv, uint32_t id, uint32_t reg, uint32_t value);
int32_t hv_mmu_invld_tlb(struct hv *hv, uint32_t id, uint32_t address);
void hv_mmu_reset(struct hv *hv, uint32_t id);

/* console.c */
int32_t hv_console_write_guest(struct hv *hv, uint32_t writer, uint32_t address, uint32_t length);

/* sched.c: the event timer reached the armed deadline. */
void hv_timer_event(struct hv *hv);

/* time.c */
uint64_t hv_time_now_us(struct hv *hv);

/* vcpu_calls.c: halt_vcpu, reset_vcpu and the soft watchdog. */
int32_t hv_vcpu_halt(struct hv *hv, uint32_t caller, uint32_t vcpu, bool *context_replaced);
int32_t hv_vcpu_reset(struct hv *hv, uint32_t caller, uint32_t vcpu, uint32_t entry);
void hv_watchdog_boot(struct hv *hv);
int32_t hv_watchdog_reload(struct hv *hv, uint32_t caller, int64_t budget_us);
uint64_t hv_watchdog_deadline(const struct hv *hv);
void hv_watchdog_expire_due(struct hv *hv, uint64_t now);

/* irq.c: the controller's mask for the slot in progress (a boundary). */
void hv_irq_gate_lines(struct hv *hv);

/* virq.c */
void hv_virq_raise_extended(struct hv *hv, uint32_t partition, uint32_t ext);
/* The same for an interrupt that was due at cycle origin (a timer). */
void hv_virq_raise_extended_at(struct hv *hv, uint32_t partition, uint32_t ext, uint64_t origin);
void hv_virq_raise_hw(struct hv *hv, uint32_t partition, uint32_t line);
int32_t hv_virq_clear_mask(struct hv *hv, uint32_t id, uint32_t hw, uint32_t ext);
int32_t hv_virq_set_mask(struct hv *hv, uint32_t id, uint32_t hw, uint32_t ext);
int32_t hv_virq_set_pend(struct hv *hv, uint32_t id, uint32_t hw, uint32_t ext);
int32_t hv_virq_clear_pend(struct hv *hv, uint32_t id, uint32_t hw, uint32_t ext);
int32_t hv_virq_route(struct hv *hv, uint32_t id, uint32_t type, uint32_t irq, uint32_t vector);
int32_t hv_virq_raise_ipvi(struct hv *hv, uint32_t id, uint32_t ext);
/* An interrupt is pending that hv_resume would deliver to id now. */
bool hv_virq_deliverable(struct hv *hv, uint32_t id);

/* timer.c: partition timers on the shared event timer. */
int32_t hv_timer_set(struct hv *hv, uint32_t id, uint32_t clock, int64_t abs_us,
                     int64_t interval_us);
uint64_t hv_timer_exec_at(const struct hv *hv, uint32_t id, uint64_t now);
void hv_timer_expire_due(struct hv *hv, uint64_t now);
void hv_timer_reset(struct hv *hv, uint32_t id);
/* Arm the event timer for the earliest of the scheduler's next boundary
 * (hv->sched.next_event_us) and the partition timers. */
void hv_timer_rearm(struct hv *hv, uint64_t now);

/* sched.c: the HM's SWITCH_TO_MAINTENANCE: plan starts a major frame now. */
bool hv_sched_switch_now(struct hv *hv, uint32_t plan);

/* plan.c */
int32_t hv_plan_request(struct hv *hv, uint32_t caller, uint32_t plan, uint32_t current_address);
int32_t hv_plan_status(struct hv *hv, uint32_t caller, uint32_t address);

/* ioport.c */
int32_t hv_ioport_in(struct hv *hv, uint32_t id, uint32_t port, uint32_t address);
int32_t hv_ioport_out(struct hv *hv, uint32_t id, uint32_t port, uint32_t value);

/* gid.c */
int32_t hv_gid_by_name(struct hv *hv, uint32_t caller, uint32_t address, uint32_t entity);

/* policy.c: may the caller make hypercall nr with args (%o1..%o5)? A
 * refusal is traced and raises XM_HM_EV_HYPERCALL_DENIED; the caller gets
 * XM_PERM_ERROR. */
bool hv_policy_allows(struct hv *hv, uint32_t caller, uint32_t nr, const uint32_t *args);

/* trace.c */
void hv_trace(struct hv *hv, uint32_t kind, int32_t partition, uint32_t a, uint32_t b, uint32_t c);

/* hm.c: the health monitor. A partition-scope event uses the partition's
 * table, a hypervisor-scope one the XMHypervisor table; both count, log
 * (when the table says so), trace and apply the action. ctx, when not
 * NULL, is the trapping instruction's: its PC, fault address and
 * XtratuM trap index (-1: none) for the log and for PROPAGATE. */
struct hv_hm_context {
    uint32_t pc;
    uint32_t address;
    int32_t trap_index;
};
enum hv_trap_outcome hv_hm_partition_event(struct hv *hv, uint32_t id, uint32_t event,
                                           const struct hv_hm_context *ctx,
                                           enum hv_trap_outcome why);
void hv_hm_system_event(struct hv *hv, uint32_t event, int32_t partition);
enum hv_trap_outcome hv_hm_trap(struct hv *hv, uint32_t id, uint32_t trap_type, uint32_t pc,
                                uint32_t address);
void hv_hm_clear(struct hv *hv);
int32_t hv_hm_read_object(struct hv *hv, uint32_t caller, uint32_t desc, uint32_t address,
                          uint32_t size);
int32_t hv_hm_write_object(struct hv *hv, uint32_t caller, uint32_t desc, uint32_t address,
                           uint32_t count);
int32_t hv_hm_ctrl_object(struct hv *hv, uint32_t caller, uint32_t desc, uint32_t command,
                          uint32_t address);

/* status.c: the status object (XM_get_system_status, XM_get_partition_status). */
int32_t hv_status_ctrl_object(struct hv *hv, uint32_t caller, uint32_t desc, uint32_t command,
                              uint32_t address);
uint64_t hv_status_exec_us(struct hv *hv, uint32_t id);

/* manage.c: partition and system management (XM-Q semantics; the
 * permission checks are the hypercall table's). */
int32_t hv_manage_suspend(struct hv *hv, uint32_t target);
int32_t hv_manage_resume(struct hv *hv, uint32_t target);
int32_t hv_manage_reset(struct hv *hv, uint32_t target, uint32_t entry, uint32_t mode,
                        uint32_t status);
void hv_system_halt(struct hv *hv, int32_t by);
void hv_system_reset(struct hv *hv, uint32_t mode);

/* Objects of read/write/seek/ctrl_object: hypercall.c dispatches on the
 * descriptor's class to one of these. Each operation gets the caller and
 * the hypercall's %o1..%o5 (args[0] = the object descriptor); an operation
 * a class lacks answers XM_INVALID_PARAM. */
typedef int32_t (*hv_object_op)(struct hv *hv, uint32_t caller, const uint32_t *args);
struct hv_object_class {
    hv_object_op read, write, seek, ctrl;
};
extern const struct hv_object_class hv_sampling_port_object; /* ports.c */
extern const struct hv_object_class hv_queuing_port_object;  /* ports.c */
extern const struct hv_object_class hv_trace_object;         /* trace_object.c */
extern const struct hv_object_class hv_mem_object;           /* memcopy.c */

/* ports.c */
enum hv_error hv_ports_init(struct hv *hv, const struct hv_config *config);
void hv_ports_reset_partition(struct hv *hv, uint32_t id);

/* pct.c: port `port` (system-wide index) has news for partition id. */
void hv_pct_set_commport(struct hv *hv, uint32_t id, uint32_t port, bool pending);

/* guest.c: big-endian values and names in a partition's memory, through
 * the port's checked copies (false: not the partition's memory). */
bool hv_guest_get32(struct hv *hv, uint32_t partition, uint32_t address, uint32_t *value);
bool hv_guest_get64(struct hv *hv, uint32_t partition, uint32_t address, uint64_t *value);
bool hv_guest_put32(struct hv *hv, uint32_t partition, uint32_t address, uint32_t value);
bool hv_guest_put64(struct hv *hv, uint32_t partition, uint32_t address, uint64_t value);
/* A NUL-terminated name of at most HV_NAME_MAX bytes, NUL included. */
bool hv_guest_get_name(struct hv *hv, uint32_t partition, uint32_t address, char name[HV_NAME_MAX]);

/* string helpers (no libc in the core) */
void hv_memset(void *dst, int value, uint32_t length);

#endif
