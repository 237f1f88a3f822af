/* sim/gdb: the server's session, shared by its files: the connection
 * (gdb_server.c), packets (gdb_packets.c), registers and memory
 * (gdb_regs.c) and monitor commands (gdb_monitor.c). */
#ifndef SIM_GDB_INTERNAL_H
#define SIM_GDB_INTERNAL_H

#include "cpu/vcpu_debug.h"
#include "sim/gdb/gdb.h"
#include "sim/gdb/rsp.h"

#include <hvcore/hv.h>
#include <stdbool.h>
#include <stdint.h>

#define GDB_MAX_POINTS 64u
#define GDB_HM_RECORDS 64u

/* GDB's signal numbers in stop replies. */
#define GDB_SIGINT 2
#define GDB_SIGILL 4
#define GDB_SIGTRAP 5
#define GDB_SIGABRT 6
#define GDB_SIGFPE 8
#define GDB_SIGSEGV 11
#define GDB_SIGBUS 10

/* A breakpoint or watchpoint GDB set (Z packets), on every partition. */
struct gdb_point {
    int type; /* 0, 1: breakpoint; 2 write, 3 read, 4 access watchpoint */
    uint32_t address, length;
};

/* An HM event seen between two steps of the run. */
struct gdb_hm_record {
    uint64_t time_us;
    int32_t partition;
    uint32_t event, action;
    uint32_t pc;
};

/* Why the system stands still, as the next stop reply says it. */
struct gdb_stop {
    int signal;
    int32_t partition; /* the thread GDB is told about */
    enum vcpu_stop_reason reason;
    bool watch;
    uint32_t watch_address;
    enum vcpu_watch_kind watch_kind;
    bool has_text; /* text goes to GDB's console before the stop reply */
    char text[256];
};

struct gdb_session {
    struct sim_machine *machine;
    const struct hv_config *config;
    FILE *diag;
    int listen_fd; /* -1 once GDB is connected (one client) */
    int fd;        /* -1 without a client */
    struct rsp rsp;
    uint64_t mafs;    /* the run ends when this frame starts */
    int32_t g_thread; /* partition of register and memory packets */
    struct gdb_stop stop;
    /* What the next resume asked for. */
    int32_t step_partition; /* -1: none */
    uint64_t stop_maf;      /* stop when this major frame starts; 0 none */
    int32_t stop_slot;      /* stop when this partition's next slot starts; -1 none */
    uint64_t slot_seen;     /* its slots_started when asked */
    bool stop_on_hm;        /* HM events stop the system (monitor hm-stop on/off) */
    uint64_t hm_seen;       /* hv.hm.events already looked at */
    struct gdb_hm_record hm[GDB_HM_RECORDS];
    uint32_t hm_count; /* recorded so far (the last GDB_HM_RECORDS kept) */
    struct gdb_point points[GDB_MAX_POINTS];
    uint32_t point_count;
    bool resume;   /* the command loop ends: the system runs on */
    bool end;      /* k, vKill, or GDB left: the run ends */
    bool detached; /* D: run on without stops */
};

/* gdb_server.c: serve GDB while the system stands still; returns when
 * GDB resumes it (or leaves). send_reply: the stop reply goes out first
 * (after a resume), else GDB asks with '?'. */
void gdb_serve(struct gdb_session *s, bool send_reply);
struct vcpu *gdb_vcpu(struct gdb_session *s, int32_t partition);

/* gdb_packets.c: answer one packet. */
void gdb_handle_packet(struct gdb_session *s, const char *packet);
void gdb_stop_reply(struct gdb_session *s, char *out, size_t size);
void gdb_reply_error(struct gdb_session *s, int code);
/* Console text to GDB (an 'O' packet). */
void gdb_console(struct gdb_session *s, const char *text);

/* gdb_regs.c: GDB's SPARC32 register numbers and memory. */
#define GDB_REG_COUNT 72
bool gdb_read_register(struct gdb_session *s, int32_t partition, uint32_t number, uint32_t *value);
bool gdb_write_register(struct gdb_session *s, int32_t partition, uint32_t number, uint32_t value);
/* Memory as the partition sees it, its caller windows still in registers
 * shown as if flushed to their stack frames. False: not all mapped. */
bool gdb_read_memory(struct gdb_session *s, int32_t partition, uint32_t address, uint8_t *out,
                     uint32_t length);
bool gdb_write_memory(struct gdb_session *s, int32_t partition, uint32_t address,
                      const uint8_t *data, uint32_t length);

/* gdb_monitor.c: `monitor ...` (qRcmd); output through gdb_console. */
void gdb_monitor(struct gdb_session *s, const char *command);
const char *gdb_state_name(enum hv_partition_state state);

#endif
