/* sim/: a machine's trace going to a file and hash lines (--trace, --hash). */
#include "sim/machine_internal.h"
#include "sim/trace/trace_file.h"
#include <string.h>

enum sim_error sim_machine_trace_to_file(struct sim_machine *m, const char *path, FILE *diag)
{
    struct sim_trace_header header;
    enum sim_error error =
        sim_trace_header_from_config(&header, m->config, m->options.board->name, m->clock.khz);
    if (error != SIM_OK)
        return error;
    for (uint32_t i = 0; i < header.partition_count; i++) {
        const struct sim_image_xef *x = &m->partitions[i].image_xef;
        struct sim_trace_image *image = &header.images[i];
        image->xef = x->present;
        image->flags = x->flags;
        memcpy(image->digest, x->digest, sizeof image->digest);
        memcpy(image->payload, x->payload, sizeof image->payload);
    }
    error = sim_trace_writer_open(&m->trace.writer, path, &header, diag);
    sim_trace_header_free(&header);
    return error;
}

void sim_machine_trace_hashes(struct sim_machine *m, FILE *log)
{
    m->trace.hash_log = log;
}

enum sim_error sim_machine_trace_finish(struct sim_machine *m, FILE *diag)
{
    struct sim_trace *t = &m->trace;
    sim_hm_end(m, diag);
    enum sim_error error = sim_trace_writer_close(t->writer, t->total, t->hash, diag);
    t->writer = NULL;
    if (t->hash_log)
        sim_trace_print_hash(t->hash_log, t);
    t->hash_log = NULL;
    return error;
}
