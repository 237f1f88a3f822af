/* sim/scenario: jobs in forked children, their output collected through pipes. */
#define _POSIX_C_SOURCE 200809L
#include "sim/scenario/jobs.h"
#include <errno.h>
#include <poll.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_PARALLEL 64

/* Built with AddressSanitizer (HVSIM_SANITIZE, gcc or clang): its leak
 * check runs at exit, which a job's _exit skips. */
#if defined(__SANITIZE_ADDRESS__)
#define JOBS_LEAK_CHECK 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define JOBS_LEAK_CHECK 1
#endif
#endif
#ifdef JOBS_LEAK_CHECK
#include <sanitizer/lsan_interface.h>
#endif

struct running {
    pid_t pid;
    int fd;
    size_t index;
};

struct pool {
    struct running slots[MAX_PARALLEL];
    unsigned active;
    struct sim_job_result *results;
    FILE *diag;
};

static void run_child(int fd, sim_job_fn *fn, void *context, size_t index)
{
    FILE *out = fdopen(fd, "w");
    int status = out ? fn(context, index, out) : 126;
    if (out && fclose(out) != 0)
        status = 126;
#ifdef JOBS_LEAK_CHECK
    /* What the job leaked, as any process would be checked at its exit; the
     * parent's memory is still reachable from the stack the child copied. */
    __lsan_do_leak_check();
#endif
    _exit(status);
}

static bool start(struct pool *pool, sim_job_fn *fn, void *context, size_t index)
{
    int fds[2];
    fflush(NULL); /* nothing buffered may be written twice */
    if (pipe(fds) != 0) {
        fprintf(pool->diag, "hvsim: cannot create a pipe: %s\n", strerror(errno));
        return false;
    }
    pid_t pid = fork();
    if (pid < 0) {
        fprintf(pool->diag, "hvsim: cannot fork: %s\n", strerror(errno));
        close(fds[0]);
        close(fds[1]);
        return false;
    }
    if (pid == 0) {
        close(fds[0]);
        run_child(fds[1], fn, context, index);
    }
    close(fds[1]);
    pool->slots[pool->active++] = (struct running){pid, fds[0], index};
    return true;
}

static bool append(struct sim_job_result *r, const char *data, size_t n)
{
    char *grown = realloc(r->output, r->length + n + 1);
    if (!grown)
        return false;
    memcpy(grown + r->length, data, n);
    r->output = grown;
    r->length += n;
    r->output[r->length] = '\0';
    return true;
}

static int wait_status(pid_t pid)
{
    int raw;
    while (waitpid(pid, &raw, 0) < 0)
        if (errno != EINTR)
            return 126;
    if (WIFSIGNALED(raw))
        return 128 + WTERMSIG(raw);
    return WIFEXITED(raw) ? WEXITSTATUS(raw) : 126;
}

/* Read what slot i has; at its end, collect the child and free the slot. */
static void drain(struct pool *pool, unsigned i)
{
    char buffer[4096];
    struct running *r = &pool->slots[i];
    ssize_t n = read(r->fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR)
        return;
    if (n > 0 && append(&pool->results[r->index], buffer, (size_t)n))
        return;
    close(r->fd);
    pool->results[r->index].status = wait_status(r->pid);
    pool->slots[i] = pool->slots[--pool->active];
}

static void wait_any(struct pool *pool)
{
    struct pollfd fds[MAX_PARALLEL];
    for (unsigned i = 0; i < pool->active; i++)
        fds[i] = (struct pollfd){.fd = pool->slots[i].fd, .events = POLLIN};
    if (poll(fds, pool->active, -1) < 0)
        return;
    for (unsigned i = pool->active; i-- > 0;)
        if (fds[i].revents)
            drain(pool, i);
}

bool sim_jobs_run(size_t count, unsigned parallel, sim_job_fn *fn, void *context,
                  struct sim_job_result *results, FILE *diag)
{
    struct pool pool = {.results = results, .diag = diag};
    bool ok = true;
    parallel = parallel < 1 ? 1 : parallel > MAX_PARALLEL ? MAX_PARALLEL : parallel;
    memset(results, 0, count * sizeof *results);
    for (size_t next = 0; next < count || pool.active > 0;) {
        if (ok && next < count && pool.active < parallel) {
            results[next].status = 126;
            ok = start(&pool, fn, context, next++);
            continue;
        }
        if (pool.active == 0)
            break;
        wait_any(&pool);
    }
    return ok;
}

void sim_jobs_free(struct sim_job_result *results, size_t count)
{
    for (size_t i = 0; i < count; i++)
        free(results[i].output);
}
