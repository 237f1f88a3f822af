/* sim/gdb: one handler per packet GDB sends. Anything unknown gets the
 * empty reply (GDB's "not supported"); anything malformed, an error. */
#include "sim/gdb/gdb_internal.h"

#include <stdio.h>
#include <string.h>

#define MAX_MEMORY (RSP_MAX_PACKET / 2 - 16)

static void reply(struct gdb_session *s, const char *text)
{
    rsp_send_str(&s->rsp, text);
}

void gdb_reply_error(struct gdb_session *s, int code)
{
    char text[8];
    snprintf(text, sizeof text, "E%02x", code & 0xff);
    reply(s, text);
}

void gdb_console(struct gdb_session *s, const char *text)
{
    static char out[RSP_MAX_PACKET];
    size_t length = strlen(text);
    for (size_t at = 0; at < length;) {
        size_t chunk = length - at < RSP_MAX_PACKET / 2 - 2 ? length - at : RSP_MAX_PACKET / 2 - 2;
        out[0] = 'O';
        rsp_hex_encode(out + 1, text + at, chunk);
        reply(s, out);
        at += chunk;
    }
}

/* Thread ids are partition ids + 1 (GDB's 0 and -1 mean "any", "all"). */
static bool parse_thread(struct gdb_session *s, const char *text, int32_t *partition)
{
    if (strcmp(text, "-1") == 0 || strcmp(text, "0") == 0) {
        *partition = -1;
        return true;
    }
    uint64_t id;
    const char *end;
    if (!rsp_parse_hex(text, &id, &end) || *end != '\0' || id == 0 ||
        id > s->config->partition_count)
        return false;
    *partition = (int32_t)id - 1;
    return true;
}

void gdb_stop_reply(struct gdb_session *s, char *out, size_t size)
{
    const struct gdb_stop *stop = &s->stop;
    int n = snprintf(out, size, "T%02xthread:%x;", stop->signal, (unsigned)stop->partition + 1);
    if (stop->watch) {
        const char *kind = stop->watch_kind == VCPU_WATCH_WRITE  ? "watch"
                           : stop->watch_kind == VCPU_WATCH_READ ? "rwatch"
                                                                 : "awatch";
        n += snprintf(out + n, size - (size_t)n, "%s:%x;", kind, stop->watch_address);
    }
    if (stop->signal == GDB_SIGTRAP && stop->reason == VCPU_STOP_BREAKPOINT && !stop->watch)
        n += snprintf(out + n, size - (size_t)n, "swbreak:;");
    if (stop->at_start)
        snprintf(out + n, size - (size_t)n, "replaylog:begin;");
}

static void send_stop_reply(struct gdb_session *s)
{
    char text[128];
    gdb_stop_reply(s, text, sizeof text);
    reply(s, text);
}

static void read_registers(struct gdb_session *s)
{
    char out[GDB_REG_COUNT * 8 + 1];
    for (uint32_t r = 0; r < GDB_REG_COUNT; r++) {
        uint32_t v = 0;
        gdb_read_register(s, s->g_thread, r, &v);
        snprintf(out + 8 * r, 9, "%08x", v);
    }
    reply(s, out);
}

static uint32_t be32(const uint8_t *b)
{
    return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

static void write_registers(struct gdb_session *s, const char *hex)
{
    uint8_t bytes[GDB_REG_COUNT * 4];
    long n = rsp_hex_decode(bytes, sizeof bytes, hex, strlen(hex));
    if (n < 0 || n % 4 != 0) {
        gdb_reply_error(s, 1);
        return;
    }
    for (long r = 0; r < n / 4; r++)
        gdb_write_register(s, s->g_thread, (uint32_t)r, be32(bytes + 4 * r));
    reply(s, "OK");
}

static void read_one_register(struct gdb_session *s, const char *args)
{
    uint64_t number;
    const char *end;
    uint32_t v;
    if (!rsp_parse_hex(args, &number, &end) || *end != '\0' || number >= GDB_REG_COUNT ||
        !gdb_read_register(s, s->g_thread, (uint32_t)number, &v)) {
        gdb_reply_error(s, 1);
        return;
    }
    char out[9];
    snprintf(out, sizeof out, "%08x", v);
    reply(s, out);
}

static void write_one_register(struct gdb_session *s, const char *args)
{
    uint64_t number;
    const char *end;
    uint8_t b[4];
    if (!rsp_parse_hex(args, &number, &end) || *end != '=' ||
        rsp_hex_decode(b, 4, end + 1, strlen(end + 1)) != 4 ||
        !gdb_write_register(s, s->g_thread, (uint32_t)number, be32(b))) {
        gdb_reply_error(s, 1);
        return;
    }
    reply(s, "OK");
}

/* "ADDR,LENGTH" then a terminator. */
static bool parse_range(const char *args, uint32_t *address, uint32_t *length, char stop,
                        const char **rest)
{
    uint64_t a, n;
    const char *end;
    if (!rsp_parse_hex(args, &a, &end) || *end != ',' || !rsp_parse_hex(end + 1, &n, &end) ||
        *end != stop || a > UINT32_MAX || n > UINT32_MAX)
        return false;
    *address = (uint32_t)a;
    *length = (uint32_t)n;
    *rest = end + (stop != '\0');
    return true;
}

static void read_memory(struct gdb_session *s, const char *args)
{
    static uint8_t bytes[MAX_MEMORY];
    static char out[2 * MAX_MEMORY + 1];
    uint32_t address, length;
    const char *rest;
    if (!parse_range(args, &address, &length, '\0', &rest)) {
        gdb_reply_error(s, 1);
        return;
    }
    length = length > MAX_MEMORY ? MAX_MEMORY : length;
    if (!gdb_read_memory(s, s->g_thread, address, bytes, length)) {
        gdb_reply_error(s, 14); /* EFAULT: outside the partition's map */
        return;
    }
    rsp_hex_encode(out, bytes, length);
    reply(s, out);
}

static void write_memory(struct gdb_session *s, const char *args)
{
    static uint8_t bytes[MAX_MEMORY];
    uint32_t address, length;
    const char *hex;
    if (!parse_range(args, &address, &length, ':', &hex) || length > MAX_MEMORY ||
        rsp_hex_decode(bytes, sizeof bytes, hex, strlen(hex)) != (long)length) {
        gdb_reply_error(s, 1);
        return;
    }
    reply(s, gdb_write_memory(s, s->g_thread, address, bytes, length) ? "OK" : "E0e");
}

/* ---- breakpoints and watchpoints, on every partition ---- */

static enum vcpu_error apply_point(struct vcpu *vcpu, const struct gdb_point *p, bool add)
{
    if (p->type <= 1) {
        if (add)
            return vcpu_debug_add_breakpoint(vcpu, p->address);
        vcpu_debug_remove_breakpoint(vcpu, p->address);
        return VCPU_OK;
    }
    enum vcpu_watch_kind kind = p->type == 2   ? VCPU_WATCH_WRITE
                                : p->type == 3 ? VCPU_WATCH_READ
                                               : VCPU_WATCH_ACCESS;
    if (add)
        return vcpu_debug_add_watch(vcpu, p->address, p->length, kind);
    vcpu_debug_remove_watch(vcpu, p->address, p->length, kind);
    return VCPU_OK;
}

static bool apply_everywhere(struct gdb_session *s, const struct gdb_point *p, bool add)
{
    for (uint32_t id = 0; id < s->config->partition_count; id++) {
        if (apply_point(gdb_vcpu(s, (int32_t)id), p, add) != VCPU_OK) {
            for (uint32_t undo = 0; undo < id; undo++)
                apply_point(gdb_vcpu(s, (int32_t)undo), p, false);
            return false;
        }
    }
    return true;
}

static void set_point(struct gdb_session *s, const char *args, bool add)
{
    uint32_t address, length;
    const char *rest;
    int type = args[0] - '0';
    if (type < 0 || type > 4 || args[1] != ',') {
        reply(s, "");
        return;
    }
    if (!parse_range(args + 2, &address, &length, '\0', &rest) &&
        !parse_range(args + 2, &address, &length, ';', &rest)) {
        gdb_reply_error(s, 1);
        return;
    }
    struct gdb_point p = {type, address, type <= 1 ? 4 : length};
    if (!add) {
        apply_everywhere(s, &p, false);
        for (uint32_t i = 0; i < s->point_count; i++) {
            if (memcmp(&s->points[i], &p, sizeof p) == 0) {
                s->points[i] = s->points[--s->point_count];
                break;
            }
        }
        reply(s, "OK");
        return;
    }
    if (s->point_count == GDB_MAX_POINTS || !apply_everywhere(s, &p, true)) {
        gdb_reply_error(s, 28); /* ENOSPC: no room for another */
        return;
    }
    s->points[s->point_count++] = p;
    reply(s, "OK");
}

/* ---- resuming ---- */

static void resume(struct gdb_session *s, int32_t step_partition)
{
    for (uint32_t id = 0; id < s->config->partition_count; id++)
        vcpu_debug_set_step(gdb_vcpu(s, (int32_t)id), (int32_t)id == step_partition);
    s->step_partition = step_partition;
    s->resume = true;
}

/* vCont;ACTION[:THREAD]... with s/S (step) and c/C (continue): all-stop,
 * so the one step named runs and everything else continues. */
static void vcont(struct gdb_session *s, const char *args)
{
    int32_t step = -1;
    while (*args == ';') {
        char action = args[1];
        const char *next = strchr(args + 1, ';');
        const char *colon = strchr(args + 1, ':');
        int32_t thread = s->stop.partition;
        if (colon && (!next || colon < next)) {
            char id[16];
            size_t n = (size_t)((next ? next : colon + strlen(colon)) - colon - 1);
            if (n >= sizeof id || (memcpy(id, colon + 1, n), id[n] = '\0', 0) ||
                !parse_thread(s, id, &thread)) {
                gdb_reply_error(s, 1);
                return;
            }
        }
        if ((action == 's' || action == 'S') && step < 0)
            step = thread < 0 ? s->stop.partition : thread;
        args = next ? next : args + strlen(args);
    }
    resume(s, step);
}

static void query_thread_info(struct gdb_session *s)
{
    char out[HV_MAX_PARTITIONS * 4 + 2] = "m";
    size_t n = 1;
    for (uint32_t id = 0; id < s->config->partition_count; id++)
        n += (size_t)snprintf(out + n, sizeof out - n, "%s%x", id ? "," : "", id + 1);
    reply(s, out);
}

static void query_extra_info(struct gdb_session *s, const char *args)
{
    int32_t p;
    if (!parse_thread(s, args, &p) || p < 0) {
        gdb_reply_error(s, 1);
        return;
    }
    const struct hv *hv = sim_machine_hv(s->machine);
    char text[160], out[330];
    snprintf(text, sizeof text, "%s (id %d), %s%s", s->config->partitions[p].name, p,
             gdb_state_name(hv->partitions[p].state),
             hv_current(hv) == p ? ", in its slot" : ", not in a slot");
    rsp_hex_encode(out, text, strlen(text));
    reply(s, out);
}

static void monitor_packet(struct gdb_session *s, const char *hex)
{
    char command[512];
    long n = rsp_hex_decode(command, sizeof command - 1, hex, strlen(hex));
    if (n < 0) {
        gdb_reply_error(s, 1);
        return;
    }
    command[n] = '\0';
    gdb_monitor(s, command);
    reply(s, "OK");
}

static bool starts(const char *packet, const char *prefix)
{
    return strncmp(packet, prefix, strlen(prefix)) == 0;
}

static void query(struct gdb_session *s, const char *packet)
{
    char out[128];
    if (starts(packet, "qSupported")) {
        snprintf(out, sizeof out,
                 "PacketSize=%x;QStartNoAckMode+;vContSupported+;swbreak+;ReverseStep+;"
                 "ReverseContinue+",
                 RSP_MAX_PACKET);
        reply(s, out);
    } else if (strcmp(packet, "qAttached") == 0 || starts(packet, "qAttached:")) {
        reply(s, "1");
    } else if (strcmp(packet, "qC") == 0) {
        snprintf(out, sizeof out, "QC%x", (unsigned)s->stop.partition + 1);
        reply(s, out);
    } else if (strcmp(packet, "qfThreadInfo") == 0) {
        query_thread_info(s);
    } else if (strcmp(packet, "qsThreadInfo") == 0) {
        reply(s, "l");
    } else if (starts(packet, "qThreadExtraInfo,")) {
        query_extra_info(s, packet + strlen("qThreadExtraInfo,"));
    } else if (starts(packet, "qRcmd,")) {
        monitor_packet(s, packet + strlen("qRcmd,"));
    } else if (starts(packet, "qSymbol")) {
        reply(s, "OK");
    } else {
        reply(s, "");
    }
}

static void set_thread(struct gdb_session *s, const char *args)
{
    int32_t p;
    if ((args[0] != 'g' && args[0] != 'c') || !parse_thread(s, args + 1, &p)) {
        gdb_reply_error(s, 1);
        return;
    }
    if (args[0] == 'g')
        s->g_thread = p < 0 ? s->stop.partition : p;
    reply(s, "OK");
}

static void thread_alive(struct gdb_session *s, const char *args)
{
    int32_t p;
    reply(s, parse_thread(s, args, &p) && p >= 0 ? "OK" : "E01");
}

static void v_packet(struct gdb_session *s, const char *packet)
{
    if (strcmp(packet, "vCont?") == 0) {
        reply(s, "vCont;c;C;s;S");
    } else if (starts(packet, "vCont;")) {
        vcont(s, packet + 4);
    } else if (starts(packet, "vKill")) {
        reply(s, "OK");
        s->end = true;
    } else {
        reply(s, "");
    }
}

void gdb_handle_packet(struct gdb_session *s, const char *packet)
{
    const char *args = packet + 1;
    switch (packet[0]) {
    case 'q':
        query(s, packet);
        return;
    case 'Q':
        if (strcmp(packet, "QStartNoAckMode") == 0) {
            reply(s, "OK");
            s->rsp.no_ack = true;
            return;
        }
        reply(s, "");
        return;
    case '?':
        send_stop_reply(s);
        return;
    case '!':
        reply(s, "OK");
        return;
    case 'g':
        read_registers(s);
        return;
    case 'G':
        write_registers(s, args);
        return;
    case 'p':
        read_one_register(s, args);
        return;
    case 'P':
        write_one_register(s, args);
        return;
    case 'm':
        read_memory(s, args);
        return;
    case 'M':
        write_memory(s, args);
        return;
    case 'Z':
    case 'z':
        set_point(s, args, packet[0] == 'Z');
        return;
    case 'H':
        set_thread(s, args);
        return;
    case 'T':
        thread_alive(s, args);
        return;
    case 'c':
    case 'C':
        resume(s, -1);
        return;
    case 's':
    case 'S':
        resume(s, s->g_thread >= 0 ? s->g_thread : s->stop.partition);
        return;
    case 'v':
        v_packet(s, packet);
        return;
    case 'b':
        if (strcmp(packet, "bs") == 0 || strcmp(packet, "bc") == 0)
            gdb_reverse(s, packet[1] == 'c');
        else
            reply(s, "");
        return;
    case 'D':
        reply(s, "OK");
        s->detached = true;
        return;
    case 'k':
        s->end = true;
        return;
    default:
        reply(s, "");
        return;
    }
}
