/* sim/engine: running the LEON3 image under QEMU and reading back its UART
 * (qemu.h). The image frames everything that is not a console byte
 * (hvcore/arch/leon3/frames.h); this file undoes the framing: console
 * bytes go to the console and become SIM_TRACE_CONSOLE records, trace
 * frames become records stamped at the board clock (µs × kHz / 1000),
 * notices become the simulator's notice lines. */
#define _POSIX_C_SOURCE 200809L /* fork, popen, mkdtemp, kill */
#include "sim/engine/qemu.h"
#include "hvcore/arch/leon3/frames.h"
#include "sim/notice.h"
#include "sim/symbols_elf.h"
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define SILENCE_LIMIT_MS 120000 /* a run that says nothing for this long is stuck */

struct decoder {
    const struct sim_qemu_run *run;
    FILE *diag;
    uint32_t khz;
    int32_t writer;
    uint64_t last_us;
    bool at_line_start;
    int32_t line_writer;
    bool ended, panicked;
    uint8_t frame[64];
    uint32_t have, need; /* frame bytes so far and expected (0: not in a frame) */
    bool escape;
    struct sim_notice_places places; /* HM events' repeats, counted as the simulator does */
    struct sim_symbols symbols[HV_MAX_PARTITIONS]; /* the images', naming the notices' PCs */
};

bool sim_qemu_available(void)
{
    const char *path = getenv("PATH");
    char candidate[4096];
    while (path && *path) {
        size_t n = strcspn(path, ":");
        snprintf(candidate, sizeof candidate, "%.*s/%s", (int)n, path, SIM_QEMU_PROGRAM);
        if (access(candidate, X_OK) == 0)
            return true;
        path += n + (path[n] == ':');
    }
    return false;
}

static uint64_t be(const uint8_t *bytes, uint32_t n)
{
    uint64_t value = 0;
    for (uint32_t i = 0; i < n; i++)
        value = value << 8 | bytes[i];
    return value;
}

static const char *writer_name(const struct decoder *d, int32_t writer)
{
    return writer < 0 ? "XM" : d->run->config->partitions[writer].name;
}

static void record(struct decoder *d, const struct hv_trace_event *event)
{
    if (d->run->trace)
        sim_trace_add(d->run->trace, d->last_us * d->khz / 1000u, event);
}

static void console_byte(struct decoder *d, uint8_t byte)
{
    FILE *out = d->run->console;
    struct hv_trace_event event = {SIM_TRACE_CONSOLE, (int16_t)d->writer, byte, 0, 0};
    record(d, &event);
    if (d->run->console_prefix) {
        if (!d->at_line_start && d->writer != d->line_writer) {
            fputc('\n', out);
            d->at_line_start = true;
        }
        if (d->at_line_start)
            fprintf(out, "[%10llu us] %s: ", (unsigned long long)d->last_us,
                    writer_name(d, d->writer));
        d->line_writer = d->writer;
    }
    fputc(byte, out);
    d->at_line_start = byte == '\n';
}

static void trace_frame(struct decoder *d, const uint8_t *f)
{
    d->last_us = be(f, 8);
    struct hv_trace_event event = {
        .kind = (uint16_t)be(f + 8, 2),
        .partition = (int16_t)be(f + 10, 2),
        .a = (uint32_t)be(f + 12, 4),
        .b = (uint32_t)be(f + 16, 4),
        .c = (uint32_t)be(f + 20, 4),
    };
    record(d, &event);
}

static const char *partition_name(const struct decoder *d, int32_t id)
{
    return id >= 0 && (uint32_t)id < d->run->config->partition_count
               ? d->run->config->partitions[id].name
               : "";
}

/* A trap's or virtual interrupt's notice, unless it repeats an HM event
 * at its place (notice.h); then the place's summary line when one is due. */
static void counted_notice(struct decoder *d, const struct sim_trap_notice *n, uint8_t kind)
{
    struct sim_hm_notice hm = {
        n->us, (int32_t)n->partition, n->name, n->pc, n->event, n->action, n->symbols};
    enum sim_notice_show show = kind == LEON3_NOTICE_TRAP && n->outcome == HV_TRAP_NO_PARTITION
                                    ? SIM_NOTICE_SHOW_NOTICE /* no HM event */
                                    : sim_notice_count(&d->places, &hm);
    if (show == SIM_NOTICE_SHOW_ALL || show == SIM_NOTICE_SHOW_NOTICE) {
        if (kind == LEON3_NOTICE_TRAP)
            sim_notice_trap(d->diag, n);
        else if (kind == LEON3_NOTICE_VIRQ)
            sim_notice_virq(d->diag, n);
        else
            sim_notice_hm(d->diag, &hm);
    }
    if (show == SIM_NOTICE_SHOW_SUMMARY)
        sim_notice_repeats(d->diag, &d->places, &hm);
}

static void notice_frame(struct decoder *d, const uint8_t *f)
{
    d->last_us = be(f, 8);
    int32_t id = (int32_t)f[9] - 1;
    struct sim_trap_notice n = {
        .us = d->last_us,
        .partition = (uint32_t)id,
        .name = partition_name(d, id),
        .trap_type = f[10],
        .pc = (uint32_t)be(f + 11, 4),
        .fault_address = (uint32_t)be(f + 15, 4),
        .outcome = (enum hv_trap_outcome)f[19],
        .event = f[20],
        .action = f[21],
        .symbols = id >= 0 && id < HV_MAX_PARTITIONS ? &d->symbols[id] : NULL,
    };
    if (f[8] == LEON3_NOTICE_HALT)
        sim_notice_halt(d->diag, n.us, id, n.name);
    else
        counted_notice(d, &n, f[8]);
}

static uint32_t payload_bytes(uint8_t type)
{
    switch (type) {
    case LEON3_FRAME_WRITER:
        return 1;
    case LEON3_FRAME_TRACE:
        return LEON3_FRAME_TRACE_BYTES;
    case LEON3_FRAME_NOTICE:
        return LEON3_FRAME_NOTICE_BYTES - 1;
    case LEON3_FRAME_END:
        return 9;
    }
    return 0;
}

static void frame_done(struct decoder *d)
{
    const uint8_t *f = d->frame + 1;
    switch (d->frame[0]) {
    case LEON3_FRAME_WRITER:
        d->writer = (int32_t)f[0] - 1;
        break;
    case LEON3_FRAME_TRACE:
        trace_frame(d, f);
        break;
    case LEON3_FRAME_NOTICE:
        notice_frame(d, f);
        break;
    case LEON3_FRAME_END:
        d->last_us = be(f, 8);
        d->ended = true;
        sim_notice_places_end(&d->places, d->diag);
        break;
    }
    d->need = 0;
}

/* A panic's text runs to a NUL and goes to diag as it is. */
static void panic_byte(struct decoder *d, uint8_t byte)
{
    if (byte == 0)
        d->panicked = false, d->ended = true;
    else
        fputc(byte, d->diag);
}

static void decode(struct decoder *d, uint8_t byte)
{
    if (d->panicked) {
        panic_byte(d, byte);
    } else if (d->need > 0) {
        d->frame[d->have++] = byte;
        if (d->have == d->need)
            frame_done(d);
    } else if (d->escape) {
        d->escape = false;
        if (byte == LEON3_FRAME_LITERAL)
            console_byte(d, LEON3_FRAME_ESC);
        else if (byte == LEON3_FRAME_PANIC)
            d->panicked = true;
        else if (payload_bytes(byte) > 0)
            d->frame[0] = byte, d->have = 1, d->need = 1 + payload_bytes(byte);
        else
            fprintf(d->diag, "hvsim: qemu: unknown frame type %u in the UART stream\n", byte);
    } else if (byte == LEON3_FRAME_ESC) {
        d->escape = true;
    } else {
        console_byte(d, byte);
    }
}

static pid_t start_qemu(const char *image, const struct sim_qemu_run *run, int *out_fd, FILE *diag)
{
    char loaders[64][4096 + 32];
    char *argv[16 + 2 * 64] = {SIM_QEMU_PROGRAM, "-M",         "leon3_generic", "-display",
                               "none",           "-monitor",   "none",          "-serial",
                               "stdio",          "-icount",    SIM_QEMU_ICOUNT, "-no-reboot",
                               "-kernel",        (char *)image};
    int argc = 14;
    for (uint32_t i = 0; i < run->image_count && i < 64; i++) {
        snprintf(loaders[i], sizeof loaders[i], "loader,file=%s", run->images[i].path);
        argv[argc++] = "-device";
        argv[argc++] = loaders[i];
    }
    argv[argc] = NULL;
    int fds[2];
    if (pipe(fds) != 0) {
        fprintf(diag, "hvsim: pipe: %s\n", strerror(errno));
        return -1;
    }
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        int null = open("/dev/null", O_RDWR);
        dup2(null, 0);
        dup2(fds[1], 1);
        close(fds[0]);
        execvp(argv[0], argv);
        _exit(127);
    }
    close(fds[1]);
    *out_fd = fds[0];
    return pid;
}

/* Read until the end frame or QEMU closes its output. */
static bool pump(struct decoder *d, int fd)
{
    uint8_t buffer[4096];
    struct pollfd p = {.fd = fd, .events = POLLIN};
    while (!d->ended) {
        int ready = poll(&p, 1, SILENCE_LIMIT_MS);
        if (ready <= 0) {
            fprintf(d->diag, "hvsim: qemu: no output for %d s: stopped\n", SILENCE_LIMIT_MS / 1000);
            return false;
        }
        ssize_t n = read(fd, buffer, sizeof buffer);
        if (n <= 0)
            return false;
        for (ssize_t i = 0; i < n; i++)
            decode(d, buffer[i]);
    }
    return true;
}

/* Until QEMU closes its end; false if it says more or stays. */
static bool drain(int fd)
{
    uint8_t byte;
    struct pollfd p = {.fd = fd, .events = POLLIN};
    return poll(&p, 1, SILENCE_LIMIT_MS) > 0 && read(fd, &byte, 1) == 0;
}

static enum sim_error run_image(const char *image, const struct sim_qemu_run *run, FILE *diag)
{
    int fd = -1;
    pid_t pid = start_qemu(image, run, &fd, diag);
    if (pid < 0)
        return SIM_ERR_IO;
    struct decoder d = {.run = run,
                        .diag = diag,
                        .khz = hv_board_qemu_leon3.cpu_khz,
                        .writer = -1,
                        .at_line_start = true,
                        .line_writer = -2};
    sim_symbols_load_images(run->images, run->image_count, d.symbols);
    bool ended = pump(&d, fd);
    /* After its end frame the image stops the processor (`ta 0` with
     * traps off), which ends QEMU: wait for that, stop it otherwise. */
    if (!ended || !drain(fd))
        kill(pid, SIGTERM);
    close(fd);
    sim_symbols_free_images(d.symbols);
    int status = 0;
    waitpid(pid, &status, 0);
    if (!ended && WIFEXITED(status) && WEXITSTATUS(status) == 127) {
        fprintf(diag, "hvsim: %s could not be started\n", SIM_QEMU_PROGRAM);
        return SIM_ERR_USAGE;
    }
    if (!ended) {
        fprintf(diag, "hvsim: qemu: the LEON3 image stopped before the end of the run\n");
        return SIM_ERR_CPU;
    }
    return SIM_OK;
}

static void remove_work_dir(const char *dir)
{
    const char *files[] = {"leon3_config.c", "leon3_config.o", "hv.elf"};
    char path[4096];
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, files[i]);
        unlink(path);
    }
    rmdir(dir);
}

static enum sim_error copy_file(const char *from, const char *to, FILE *diag)
{
    FILE *in = fopen(from, "rb"), *out = in ? fopen(to, "wb") : NULL;
    char buffer[8192];
    size_t n;
    bool ok = in && out;
    while (ok && (n = fread(buffer, 1, sizeof buffer, in)) > 0)
        ok = fwrite(buffer, 1, n, out) == n;
    if (in)
        fclose(in);
    if (out && fclose(out) != 0)
        ok = false;
    if (!ok)
        fprintf(diag, "%s: cannot write: %s\n", to, strerror(errno));
    return ok ? SIM_OK : SIM_ERR_IO;
}

enum sim_error sim_qemu_run(const struct sim_qemu_run *run, FILE *diag)
{
    if (!sim_qemu_available()) {
        fprintf(diag, "hvsim: %s not found: the qemu engine needs it (Debian: qemu-system-sparc)\n",
                SIM_QEMU_PROGRAM);
        return SIM_ERR_USAGE;
    }
    char dir[] = "/tmp/hvsim-leon3-XXXXXX", image[sizeof dir + 16];
    if (!mkdtemp(dir)) {
        fprintf(diag, "hvsim: cannot make a work directory: %s\n", strerror(errno));
        return SIM_ERR_IO;
    }
    snprintf(image, sizeof image, "%s/hv.elf", dir);
    struct sim_leon3_options options = {.board = &hv_board_qemu_leon3,
                                        .stop_mafs = run->mafs,
                                        .framed = true,
                                        .traced = run->trace != NULL,
                                        .work_dir = dir};
    struct sim_leon3_size size;
    enum sim_error error = sim_leon3_image_build(run->config, run->images, run->image_count,
                                                 &options, image, &size, diag);
    if (error == SIM_OK && run->keep_image)
        error = copy_file(image, run->keep_image, diag);
    if (error == SIM_OK)
        error = run_image(image, run, diag);
    remove_work_dir(dir);
    return error;
}
