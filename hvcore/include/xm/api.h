/* XtratuM partition ABI: argument values of the hypercalls (XM-Q 1.0, see
 * reference §1.1) that hypercalls.h does not carry: cache operations,
 * route_irq types, get_gid_by_name entities. */
#ifndef XM_API_H
#define XM_API_H

/* XM_set_cache_state(cache, action) */
#define XM_DCACHE 1
#define XM_ICACHE 2
#define XM_ACTIVATE_CACHE 1
#define XM_DEACTIVATE_CACHE 2
#define XM_FLUSH_CACHE 3

/* XM_route_irq(type, irq, vector) */
#define XM_TRAP_TYPE 0
#define XM_HWIRQ_TYPE 1
#define XM_EXTIRQ_TYPE 2

/* XM_get_gid_by_name(name, entity) */
#define XM_PARTITION_NAME 0
#define XM_PLAN_NAME 1

#endif
