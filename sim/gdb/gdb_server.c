/* sim/gdb: the connection and the run. The simulation runs in this
 * thread; the vCPUs call back here when a breakpoint, step or watchpoint
 * stops one (inside its run, nothing else moves), and between two steps
 * of the run loop the server looks for what stops the whole system: a
 * Ctrl-C, a health-monitor event, the frame or slot a monitor command
 * asked for. Stopped, it blocks on the socket. */
#define _POSIX_C_SOURCE 200809L
#include "sim/common/xm_names.h"
#include "sim/gdb/gdb_internal.h"

#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#include <xm/hm.h>

struct vcpu *gdb_vcpu(struct gdb_session *s, int32_t partition)
{
    if (partition < 0)
        partition = s->stop.partition;
    return partition < 0 ? NULL : sim_machine_vcpu(s->machine, (uint32_t)partition);
}

/* ---- the socket ---- */

bool sim_gdb_address_valid(const char *text)
{
    if (!text || !*text)
        return false;
    if (strchr(text, '/'))
        return strlen(text) < sizeof(((struct sockaddr_un *)0)->sun_path);
    const char *colon = strrchr(text, ':');
    if (!colon || colon[1] == '\0')
        return false;
    char *end;
    long port = strtol(colon + 1, &end, 10);
    return *end == '\0' && port > 0 && port < 65536;
}

static int listen_unix(const char *path, FILE *diag)
{
    struct sockaddr_un addr = {.sun_family = AF_UNIX};
    snprintf(addr.sun_path, sizeof addr.sun_path, "%s", path);
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    if (fd >= 0 && bind(fd, (struct sockaddr *)&addr, sizeof addr) == 0 && listen(fd, 1) == 0)
        return fd;
    fprintf(diag, "hvsim: --gdb %s: %s\n", path, strerror(errno));
    if (fd >= 0)
        close(fd);
    return -1;
}

static int listen_tcp(const char *address, FILE *diag)
{
    const char *colon = strrchr(address, ':');
    char host[256];
    size_t n = (size_t)(colon - address);
    snprintf(host, sizeof host, "%.*s", (int)(n < sizeof host ? n : sizeof host - 1), address);
    struct addrinfo hints = {
        .ai_family = AF_INET, .ai_socktype = SOCK_STREAM, .ai_flags = AI_PASSIVE};
    struct addrinfo *found = NULL;
    int err = getaddrinfo(n ? host : "127.0.0.1", colon + 1, &hints, &found);
    if (err != 0) {
        fprintf(diag, "hvsim: --gdb %s: %s\n", address, gai_strerror(err));
        return -1;
    }
    int fd = socket(found->ai_family, found->ai_socktype, 0), one = 1;
    if (fd >= 0)
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (fd >= 0 && bind(fd, found->ai_addr, found->ai_addrlen) == 0 && listen(fd, 1) == 0) {
        freeaddrinfo(found);
        return fd;
    }
    fprintf(diag, "hvsim: --gdb %s: %s\n", address, strerror(errno));
    freeaddrinfo(found);
    if (fd >= 0)
        close(fd);
    return -1;
}

static bool accept_client(struct gdb_session *s, bool wait)
{
    if (!wait) {
        struct pollfd p = {s->listen_fd, POLLIN, 0};
        if (poll(&p, 1, 0) <= 0)
            return false;
    }
    int fd = accept(s->listen_fd, NULL, NULL);
    if (fd < 0)
        return false;
    close(s->listen_fd);
    s->listen_fd = -1;
    s->fd = fd;
    rsp_init(&s->rsp, fd);
    return true;
}

static void disconnect(struct gdb_session *s)
{
    if (s->fd >= 0)
        close(s->fd);
    s->fd = -1;
    s->detached = true; /* the run goes on to its end, undebugged */
    for (uint32_t id = 0; id < s->config->partition_count; id++)
        vcpu_debug_clear(gdb_vcpu(s, (int32_t)id));
    s->point_count = 0;
}

/* ---- standing still ---- */

void gdb_serve(struct gdb_session *s, bool send_reply)
{
    if (s->fd < 0 || s->detached || s->end)
        return;
    s->resume = false;
    if (send_reply) {
        char text[128];
        if (s->stop.has_text)
            gdb_console(s, s->stop.text);
        gdb_stop_reply(s, text, sizeof text);
        rsp_send_str(&s->rsp, text);
    }
    while (!s->resume && !s->end && !s->detached) {
        switch (rsp_wait(&s->rsp)) {
        case RSP_PACKET:
            gdb_handle_packet(s, s->rsp.packet);
            break;
        case RSP_TOO_LONG:
            gdb_reply_error(s, 1);
            break;
        case RSP_CLOSED:
            disconnect(s);
            return;
        default: /* a bad checksum (the peer resends) or a Ctrl-C: stopped anyway */
            break;
        }
    }
    if (s->detached)
        disconnect(s);
}

static void stop_here(struct gdb_session *s, int signal, int32_t partition)
{
    s->stop =
        (struct gdb_stop){.signal = signal, .partition = partition, .reason = VCPU_STOP_INTERRUPT};
    s->g_thread = partition;
}

static int32_t partition_of(struct gdb_session *s, struct vcpu *vcpu)
{
    for (uint32_t id = 0; id < s->config->partition_count; id++)
        if (gdb_vcpu(s, (int32_t)id) == vcpu)
            return (int32_t)id;
    return 0;
}

/* A vCPU stopped inside its run. */
static void on_vcpu_stop(struct vcpu *vcpu, const struct vcpu_stop *stop, void *user)
{
    struct gdb_session *s = user;
    int32_t partition = partition_of(s, vcpu);
    if (s->end || s->detached || s->abandon)
        return;
    bool hit = s->replay == GDB_REPLAY_TO_TARGET && s->replay_hit;
    if (s->replay != GDB_REPLAY_NONE && !gdb_replay_stop(s, partition, stop))
        return;
    stop_here(s, stop->reason == VCPU_STOP_INTERRUPT ? GDB_SIGINT : GDB_SIGTRAP, partition);
    s->stop.reason = hit ? VCPU_STOP_BREAKPOINT : stop->reason;
    s->stop.watch = stop->reason == VCPU_STOP_WATCH;
    s->stop.watch_address = stop->watch_address;
    s->stop.watch_kind = stop->watch_kind;
    gdb_serve(s, true);
}

/* Ctrl-C while the system runs: a 0x03 byte on the socket. */
static bool interrupted(struct gdb_session *s)
{
    if (s->fd < 0 || s->detached)
        return false;
    for (;;) {
        enum rsp_event event = rsp_poll(&s->rsp);
        if (event == RSP_INTERRUPT)
            return true;
        if (event == RSP_NOTHING)
            return false;
        if (event == RSP_CLOSED) {
            disconnect(s);
            return false;
        }
    }
}

static bool on_vcpu_poll(void *user)
{
    return interrupted(user);
}

/* ---- what stops the system between steps ---- */

static int hm_signal(uint32_t event)
{
    switch (event) {
    case XM_HM_EV_SPARCV8_DIVIDE_EXCEPTION:
    case XM_HM_EV_SPARCV8_FP_EXCEPTION:
        return GDB_SIGFPE;
    case XM_HM_EV_SPARCV8_ILLEGAL_INSTR:
    case XM_HM_EV_SPARCV8_PRIVILEGED_INSTR:
        return GDB_SIGILL;
    case XM_HM_EV_SPARCV8_MEM_ADDR_NOT_ALIGNED:
        return GDB_SIGBUS;
    case XM_HM_EV_SPARCV8_DATA_ACCESS_ERROR:
    case XM_HM_EV_SPARCV8_DATA_ACCESS_EXCEPTION:
    case XM_HM_EV_SPARCV8_DATA_ACCESS_MMU_MISS:
    case XM_HM_EV_SPARCV8_INSTR_ACCESS_ERROR:
    case XM_HM_EV_SPARCV8_INSTR_ACCESS_EXCEPTION:
    case XM_HM_EV_SPARCV8_INSTR_ACCESS_MMU_MISS:
    case XM_HM_EV_MEM_PROTECTION:
        return GDB_SIGSEGV;
    }
    return GDB_SIGABRT;
}

/* New HM events since the last step: record them; the last one stops. */
static bool hm_event(struct gdb_session *s)
{
    const struct hv *hv = sim_machine_hv(s->machine);
    if (hv->hm.events == s->hm_seen)
        return false;
    s->hm_seen = hv->hm.events;
    const struct hv_hm_event *e = &hv->hm.last;
    int32_t p = e->partition >= 0 ? e->partition : 0;
    struct vcpu *vcpu = gdb_vcpu(s, p);
    struct gdb_hm_record *r = &s->hm[s->hm_count++ % GDB_HM_RECORDS];
    *r = (struct gdb_hm_record){sim_clock_us(sim_machine_clock(s->machine)), e->partition, e->event,
                                e->action, vcpu ? vcpu_get_reg(vcpu, VCPU_PC) : 0};
    if (!s->stop_on_hm || s->replay != GDB_REPLAY_NONE)
        return false;
    stop_here(s, hm_signal(e->event), p);
    s->stop.has_text = true;
    snprintf(s->stop.text, sizeof s->stop.text,
             "hvsim: %llu us: partition %d (%s): HM event %s, action %s, at pc 0x%08x\n",
             (unsigned long long)r->time_us, e->partition,
             e->partition >= 0 ? s->config->partitions[e->partition].name : "hypervisor",
             sim_hm_event_name(e->event), sim_hm_action_name(e->action), r->pc);
    return true;
}

static int32_t current_or_first(struct gdb_session *s)
{
    int32_t current = hv_current(sim_machine_hv(s->machine));
    return current >= 0 ? current : s->stop.partition >= 0 ? s->stop.partition : 0;
}

/* A monitor command's condition: frame N started, or the partition's
 * next slot. */
static bool condition_met(struct gdb_session *s)
{
    const struct hv *hv = sim_machine_hv(s->machine);
    if (s->stop_maf != 0 && hv->sched.maf_count >= s->stop_maf) {
        s->stop_maf = 0;
        return true;
    }
    if (s->stop_slot >= 0 && hv->partitions[s->stop_slot].slots_started > s->slot_seen &&
        hv_current(hv) == s->stop_slot) {
        s->stop_slot = -1;
        return true;
    }
    return false;
}

/* The stop's text: where in the plan the system stands. */
static void describe_position(struct gdb_session *s)
{
    const struct hv *hv = sim_machine_hv(s->machine);
    int32_t p = s->stop.partition;
    s->stop.has_text = true;
    snprintf(s->stop.text, sizeof s->stop.text,
             "hvsim: stopped at MAF %llu, slot %d, %llu us: partition %d (%s) %s\n",
             (unsigned long long)hv->sched.maf_count, hv->sched.slot,
             (unsigned long long)sim_clock_us(sim_machine_clock(s->machine)), p,
             s->config->partitions[p].name,
             hv_current(hv) == p ? "starts its slot" : "is the thread shown");
}

static bool between_steps(const struct sim_machine *machine, void *context)
{
    struct gdb_session *s = context;
    (void)machine;
    if (s->end || s->abandon || sim_machine_hv(s->machine)->sched.maf_count >= s->mafs)
        return true;
    if (s->replay != GDB_REPLAY_NONE) {
        hm_event(s); /* noted, no stop */
        return false;
    }
    if (s->fd < 0 && s->listen_fd >= 0 && accept_client(s, false)) {
        stop_here(s, GDB_SIGINT, current_or_first(s)); /* attached: all stop */
        gdb_serve(s, false);
        return s->end;
    }
    bool stop = false;
    if (hm_event(s)) {
        stop = true;
    } else if (condition_met(s)) {
        stop_here(s, GDB_SIGTRAP, current_or_first(s));
        describe_position(s);
        stop = true;
    } else if (interrupted(s)) {
        stop_here(s, GDB_SIGINT, current_or_first(s));
        stop = true;
    }
    if (stop)
        gdb_serve(s, true);
    return s->end;
}

static bool at_boot(const struct sim_machine *machine, void *context)
{
    (void)machine, (void)context;
    return true;
}

static void session_init(struct gdb_session *s, const struct sim_gdb_maker *maker, uint64_t mafs,
                         FILE *diag)
{
    memset(s, 0, sizeof *s);
    s->maker = *maker;
    s->diag = diag;
    s->mafs = mafs;
    s->fd = -1;
    s->listen_fd = -1;
    s->step_partition = -1;
    s->stop_slot = -1;
    s->stop_on_hm = true;
}

static enum sim_error enable_debugging(struct gdb_session *s)
{
    for (uint32_t id = 0; id < s->config->partition_count; id++) {
        if (vcpu_debug_enable(gdb_vcpu(s, (int32_t)id), on_vcpu_stop, on_vcpu_poll, s) != VCPU_OK)
            return SIM_ERR_NO_MEMORY;
    }
    return SIM_OK;
}

/* After the exit: answer until GDB goes (kill, detach, or closing). */
static void serve_exited(struct gdb_session *s, const char *status)
{
    for (;;) {
        enum rsp_event event = rsp_wait(&s->rsp);
        if (event == RSP_CLOSED)
            return;
        if (event != RSP_PACKET)
            continue;
        const char *p = s->rsp.packet;
        if (p[0] == 'k' || p[0] == 'D' || strncmp(p, "vKill", 5) == 0) {
            if (p[0] != 'k')
                rsp_send_str(&s->rsp, "OK");
            return;
        }
        rsp_send_str(&s->rsp, p[0] == '?'                         ? status
                              : strncmp(p, "qSupported", 10) == 0 ? ""
                                                                  : "E01");
    }
}

/* The run is over: GDB hears that the "process" exited. */
static void finish(struct gdb_session *s)
{
    if (s->fd >= 0 && !s->end && !s->detached) {
        const char *status = hv_system_halted(sim_machine_hv(s->machine)) ? "W01" : "W00";
        rsp_send_str(&s->rsp, status);
        serve_exited(s, status);
    }
    if (s->fd >= 0)
        close(s->fd);
    if (s->listen_fd >= 0)
        close(s->listen_fd);
}

enum sim_error gdb_enable_and_boot(struct gdb_session *s)
{
    enum sim_error error = enable_debugging(s);
    if (error == SIM_OK)
        error = sim_machine_run_until(s->machine, at_boot, s, 0, s->log);
    s->hm_seen = sim_machine_hv(s->machine)->hm.events;
    return error;
}

void gdb_stop_at_start(struct gdb_session *s)
{
    stop_here(s, GDB_SIGTRAP, current_or_first(s));
    s->stop.at_start = true;
    gdb_serve(s, true);
}

/* The run, and the re-runs reverse execution asks for. */
static enum sim_error run(struct gdb_session *s)
{
    for (;;) {
        enum sim_error error = sim_machine_run_until(s->machine, between_steps, s, 0, s->log);
        if (error != SIM_OK || !s->reverse_pending || s->end)
            return error;
        error = gdb_reverse_start(s);
        if (error != SIM_OK)
            return error;
    }
}

enum sim_error sim_gdb_run(const struct sim_gdb_options *options, const struct sim_gdb_maker *maker,
                           uint64_t mafs, FILE *diag, struct sim_machine **machine)
{
    static struct gdb_session session;
    struct gdb_session *s = &session;
    session_init(s, maker, mafs, diag);
    *machine = NULL;
    bool unix_socket = strchr(options->address, '/') != NULL;
    s->listen_fd =
        unix_socket ? listen_unix(options->address, diag) : listen_tcp(options->address, diag);
    if (s->listen_fd < 0)
        return SIM_ERR_USAGE;
    enum sim_error error = gdb_make_machine(s);
    if (error == SIM_OK)
        error = gdb_enable_and_boot(s);
    if (error == SIM_OK && options->wait) {
        fprintf(diag, "hvsim: waiting for GDB on %s\n", options->address);
        fflush(diag);
        if (accept_client(s, true)) {
            stop_here(s, GDB_SIGTRAP, current_or_first(s));
            gdb_serve(s, false);
        }
    }
    if (error == SIM_OK)
        error = run(s);
    if (s->machine)
        finish(s);
    if (unix_socket)
        unlink(options->address);
    *machine = s->machine;
    return error;
}
