/* sim/common: reading and writing the user's files (files.h). */
#define _POSIX_C_SOURCE 200809L /* fdopen, fmemopen, O_CLOEXEC */
#include "sim/common/files.h"
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define FIRST_CHUNK 65536u

/* One line on diag; NULL: silently. */
__attribute__((format(printf, 2, 3))) static void say(FILE *diag, const char *format, ...)
{
    va_list args;
    if (!diag)
        return;
    va_start(args, format);
    vfprintf(diag, format, args);
    va_end(args);
}

/* Opened without blocking, so that a FIFO nobody writes to does not
 * hang open(); then blocking again, so that a writer's bytes are waited
 * for (a FIFO with no writer then reads as empty). */
static int open_without_hanging(const char *path)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    struct stat st;
    if (fd < 0)
        return -1;
    int flags = fcntl(fd, F_GETFL);
    int problem = fstat(fd, &st) != 0                                         ? errno
                  : S_ISDIR(st.st_mode)                                       ? EISDIR
                  : flags < 0 || fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) != 0 ? errno
                                                                              : 0;
    if (problem != 0) {
        close(fd);
        errno = problem;
        return -1;
    }
    return fd;
}

FILE *sim_file_open_input(const char *path, FILE *diag)
{
    int fd = open_without_hanging(path);
    FILE *file = fd >= 0 ? fdopen(fd, "rb") : NULL;
    if (!file) {
        say(diag, "%s: cannot open: %s\n", path, strerror(errno));
        if (fd >= 0)
            close(fd);
    }
    return file;
}

/* Up to limit + 1 bytes of f (one more than allowed tells a file too
 * large), in a buffer one byte longer for the NUL. */
static enum sim_error read_bounded(FILE *f, size_t limit, uint8_t **bytes, size_t *size)
{
    uint8_t *buffer = NULL;
    size_t used = 0, capacity = 0;
    for (size_t n = 1; n != 0 && used <= limit;) {
        if (used == capacity) {
            capacity = capacity == 0 ? FIRST_CHUNK : capacity * 2;
            capacity = capacity > limit + 1 ? limit + 1 : capacity;
            uint8_t *grown = realloc(buffer, capacity + 1);
            if (!grown) {
                free(buffer);
                return SIM_ERR_NO_MEMORY;
            }
            buffer = grown;
        }
        n = fread(buffer + used, 1, capacity - used, f);
        used += n;
    }
    if (ferror(f)) {
        free(buffer);
        return SIM_ERR_IO;
    }
    buffer[used] = 0;
    *bytes = buffer;
    *size = used;
    return SIM_OK;
}

enum sim_error sim_file_read_all(const char *path, size_t limit, const char *what, FILE *diag,
                                 uint8_t **bytes, size_t *size)
{
    FILE *f = sim_file_open_input(path, diag);
    if (!f)
        return SIM_ERR_IO;
    errno = 0;
    enum sim_error error = read_bounded(f, limit, bytes, size);
    int reason = errno;
    fclose(f); /* opened read-only: nothing to lose if closing fails */
    if (error == SIM_ERR_IO)
        say(diag, "%s: cannot read: %s\n", path, strerror(reason ? reason : EIO));
    else if (error == SIM_ERR_NO_MEMORY)
        say(diag, "%s: cannot read: %s\n", path, strerror(ENOMEM));
    else if (*size > limit) {
        say(diag, "%s: more than %zu bytes: too large for %s\n", path, limit, what);
        free(*bytes);
        *bytes = NULL;
        errno = EFBIG; /* for a caller that words the message itself */
        error = SIM_ERR_IO;
    }
    return error;
}

FILE *sim_file_read_to_stream(const char *path, size_t limit, const char *what, FILE *diag,
                              uint8_t **bytes)
{
    size_t size;
    *bytes = NULL;
    if (sim_file_read_all(path, limit, what, diag, bytes, &size) != SIM_OK)
        return NULL;
    FILE *stream = fmemopen(*bytes, size, "rb"); /* size 0: glibc 2.22 on */
    if (!stream)
        say(diag, "%s: cannot read: %s\n", path, strerror(errno));
    return stream;
}

FILE *sim_file_open_output(const char *path, const char *mode, FILE *diag)
{
    FILE *file = fopen(path, mode);
    if (!file)
        say(diag, "%s: cannot create: %s\n", path, strerror(errno));
    return file;
}

static bool written(bool failed, int reason, const char *path, FILE *diag)
{
    if (failed)
        say(diag, "%s: cannot write: %s\n", path, strerror(reason ? reason : EIO));
    return !failed;
}

/* The close's (or flush's) reason when it failed, else the stream's
 * earlier error as EIO (its errno is long gone). */
bool sim_file_close_output(FILE *file, const char *path, FILE *diag)
{
    bool failed = ferror(file) != 0;
    errno = 0;
    failed |= fclose(file) != 0;
    return written(failed, errno, path, diag);
}

bool sim_file_flush_output(FILE *file, const char *path, FILE *diag)
{
    bool failed = ferror(file) != 0;
    errno = 0;
    failed |= fflush(file) != 0;
    return written(failed, errno, path, diag);
}
