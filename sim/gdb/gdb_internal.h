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
    bool at_start; /* reverse execution reached the boot: no history before */
    char text[256];
};

/* A machine's output on its way out: the first `skip` bytes were shown by
 * an earlier machine of the same run (rsp. gdb_reverse.c). */
struct gdb_sink {
    FILE *out;
    uint64_t skip, written;
    bool dead; /* the machine is being left: nothing more out */
};

enum gdb_replay {
    GDB_REPLAY_NONE,
    GDB_REPLAY_RECORD,    /* re-running to the present, noting breakpoint hits */
    GDB_REPLAY_TO_TARGET, /* re-running to replay_partition's replay_target */
};

#define GDB_MAX_HITS 4096u
struct gdb_hit {
    int32_t partition;
    uint64_t retired;
};

struct gdb_session {
    struct sim_machine *machine;
    struct sim_gdb_maker maker;
    FILE *console, *log; /* the machine's output, through sinks[sink_set] */
    struct gdb_sink sinks[2][2];
    int sink_set;
    enum gdb_replay replay;
    int32_t replay_partition;
    uint64_t replay_target;
    bool replay_hit; /* the target is a breakpoint hit (reverse-continue) */
    struct gdb_hit hits[GDB_MAX_HITS];
    uint32_t hit_count;
    bool reverse_pending; /* a re-run starts when the present run loop returns */
    bool abandon;         /* leave the present machine: no stop, the loop ends */
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

/* gdb_server.c: debugging on, machine booted; a stop at the boot. */
enum sim_error gdb_enable_and_boot(struct gdb_session *s);
void gdb_stop_at_start(struct gdb_session *s);

/* gdb_reverse.c */
enum sim_error gdb_make_machine(struct gdb_session *s);
void gdb_reverse(struct gdb_session *s, bool continue_back);
enum sim_error gdb_reverse_start(struct gdb_session *s);
bool gdb_replay_stop(struct gdb_session *s, int32_t partition, const struct vcpu_stop *stop);

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
/* The same for a vCPU (fault reports). */
bool gdb_read_flushed(struct vcpu *vcpu, uint32_t address, uint8_t *out, uint32_t length);
/* The partition's own view of %psr (supervisor, ET, PIL and EF from its
 * PCT's iFlags) and %tbr (its virtual trap table), as GDB shows them. */
uint32_t gdb_virtual_psr(struct vcpu *vcpu);
uint32_t gdb_virtual_tbr(struct vcpu *vcpu);
bool gdb_write_memory(struct gdb_session *s, int32_t partition, uint32_t address,
                      const uint8_t *data, uint32_t length);

/* gdb_monitor.c: `monitor ...` (qRcmd); output through gdb_console. */
void gdb_monitor(struct gdb_session *s, const char *command);
const char *gdb_state_name(enum hv_partition_state state);

#endif
