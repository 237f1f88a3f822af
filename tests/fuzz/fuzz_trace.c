/* libFuzzer target: a trace file (docs/trace.md) held in memory, through
 * what `hvsim trace` and `hvsim view` do with one: the reader (header and
 * records), the text, Perfetto JSON and latency exporters, and the
 * timeline's configuration and model built from the header and the records
 * read (also when the end record is missing or wrong: the live view builds
 * its model from a trace still being written). Every reader's messages
 * must name the file (fuzz_report.h). */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "fuzz_report.h"
#include "gui/model.h"
#include "gui/trace_config.h"
#include "sim/trace/trace_export.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define NAME "fuzz.trace"
#define MAX_RECORDS 100000 /* a 4 KB input holds fewer */

struct input {
    const uint8_t *data;
    size_t size;
    FILE *sink;
};

static struct sim_trace_reader *open_reader(const struct input *in, FILE *diag)
{
    struct sim_trace_reader *reader = NULL;
    /* fmemopen refuses a size of 0 */
    FILE *file = in->size ? fmemopen((void *)in->data, in->size, "r") : fopen("/dev/null", "r");
    if (file == NULL || sim_trace_reader_open_stream(&reader, NAME, file, diag) != SIM_OK)
        return NULL;
    return reader;
}

typedef bool exporter_fn(struct sim_trace_reader *reader, FILE *out, FILE *diag);

static void export(const struct input *in, exporter_fn *exporter)
{
    struct fuzz_report report;
    if (!fuzz_report_open(&report))
        return;
    struct sim_trace_reader *reader = open_reader(in, report.stream);
    bool ok = reader != NULL && exporter(reader, in->sink, report.stream);
    sim_trace_reader_close(reader);
    fuzz_report_check(&report, NAME, !ok);
}

static void build_model(const struct sim_trace_header *header,
                        const struct sim_trace_record *records, size_t count)
{
    struct gui_trace_config config;
    struct gui_model model;
    char error[300] = "";
    if (gui_trace_config_init(&config, header, error, sizeof error) != GUI_OK) {
        if (error[0] == '\0')
            abort(); /* refused without saying why */
        return;
    }
    struct gui_meta meta = {&config.config, header->khz, 0, config.ports_unknown, NULL};
    enum gui_error result = gui_model_build(&model, records, count, &meta, error, sizeof error);
    if (result == GUI_OK)
        gui_model_free(&model);
    else if (error[0] == '\0')
        abort();
    gui_trace_config_free(&config);
}

/* The records as `hvsim view` keeps them, then the model. */
static void view(const struct input *in)
{
    static struct sim_trace_record records[MAX_RECORDS];
    struct fuzz_report report;
    if (!fuzz_report_open(&report))
        return;
    struct sim_trace_reader *reader = open_reader(in, report.stream);
    size_t count = 0;
    enum sim_trace_next next = SIM_TRACE_PENDING;
    while (reader != NULL && count < MAX_RECORDS &&
           (next = sim_trace_reader_next(reader, &records[count])) == SIM_TRACE_RECORD)
        count++;
    fuzz_report_check(&report, NAME, reader == NULL || next == SIM_TRACE_CORRUPT);
    if (reader != NULL)
        build_model(sim_trace_reader_header(reader), records, count);
    sim_trace_reader_close(reader);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static FILE *sink;
    if (sink == NULL)
        sink = fopen("/dev/null", "w");
    if (sink == NULL)
        return 0;
    struct input in = {data, size, sink};
    view(&in);
    export(&in, sim_trace_export_text);
    export(&in, sim_trace_export_json);
    export(&in, sim_trace_export_latency);
    return 0;
}
