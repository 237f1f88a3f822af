/* hvsim view (gui/cli_view.c), headless: paper case 2 recorded to a trace
 * file and viewed gives the same PNG as the run's own --png, with each
 * Counter's colour inside its slots; so does the comm run's, with its port
 * arrows, and a version-1 file still views without them; damaged files are one line naming the
 * file and no image; a record of a kind the viewer does not know is drawn
 * as a tick. No display: DISPLAY and WAYLAND_DISPLAY are unset first. */
#define _POSIX_C_SOURCE 200809L
#include "gui/cli.h"
#include "gui/render.h"
#include "gui/trace_config.h"
#include "sim/config/config_load.h"
#include "sim/trace/trace_file.h"
#include "test_gui_fixture.h"
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <SDL_image.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define COUNTERS 3
#define READER COUNTERS

struct recorded_run {
    char dir[64];
    char trace[96], run_png[96], view_png[96];
    struct sim_config *config;
    struct gui_model model; /* of the run's records, with its configuration */
};

static void path_in(const struct recorded_run *r, char *out, size_t size, const char *name)
{
    snprintf(out, size, "%s/%s", r->dir, name);
}

/* Run `count` images for `mafs` major frames, its trace written to a file
 * and its timeline to the run's PNG as `hvsim run ... --trace F --png
 * run.png` does; r->model is built from the run's own records. */
static void record_run(struct recorded_run *r, const char *const images[], uint32_t count,
                       uint64_t mafs)
{
    struct sim_image_ref refs[COUNTERS + 1];
    for (uint32_t i = 0; i < count; i++)
        refs[i] = (struct sim_image_ref){.partition = i, .path = images[i]};
    FILE *console = tmpfile();
    assert_non_null(console);
    struct sim_options options = {.costs = {SIM_COST_ENTRY_DEFAULT, SIM_COST_HYPERCALL_DEFAULT,
                                            SIM_COST_CONTEXT_SWITCH_DEFAULT,
                                            SIM_COST_IO_ACCESS_DEFAULT},
                                  .console = console,
                                  .keep_trace = true};
    struct sim_machine *m;
    const struct hv_config *config = sim_config_hv(r->config);
    assert_int_equal(sim_machine_create(&m, config, refs, count, &options, stderr), SIM_OK);
    assert_int_equal(sim_machine_trace_to_file(m, r->trace, stderr), SIM_OK);
    assert_int_equal(sim_machine_run_mafs(m, mafs, stderr), SIM_OK);
    struct gui_cli cli = {.png_path = r->run_png};
    assert_int_equal(gui_cli_png(&cli, m, config, stderr), SIM_OK);
    const struct sim_trace *trace = sim_machine_trace(m);
    struct gui_meta meta = {config, sim_machine_clock(m)->khz, sim_machine_clock(m)->cycles, false,
                            NULL};
    char error[200];
    assert_int_equal(
        gui_model_build(&r->model, trace->records, trace->count, &meta, error, sizeof error),
        GUI_OK);
    assert_int_equal(sim_machine_trace_finish(m, stderr), SIM_OK);
    sim_machine_destroy(m);
    fclose(console);
}

/* NAME.trace, NAME_run.png and NAME_view.png in dir, and the config. */
static int prepare(struct recorded_run *r, const char *dir, const char *name, const char *config)
{
    snprintf(r->dir, sizeof r->dir, "%s", dir);
    snprintf(r->trace, sizeof r->trace, "%s/%s.trace", dir, name);
    snprintf(r->run_png, sizeof r->run_png, "%s/%s_run.png", dir, name);
    snprintf(r->view_png, sizeof r->view_png, "%s/%s_view.png", dir, name);
    return sim_config_load(config, stderr, &r->config) == SIM_OK ? 0 : -1;
}

/* The sampling and queuing channels of tests/guest/comm.xml, 2 frames. */
static struct recorded_run comm;

static int setup(void **state)
{
    static struct recorded_run r;
    static const char *const paper[] = {
        PAPER_IMAGES "/paper_counter_0.elf", PAPER_IMAGES "/paper_counter_1.elf",
        PAPER_IMAGES "/paper_counter_2.elf", PAPER_IMAGES "/paper_reader.elf"};
    static const char *const comm_images[] = {COMM_IMAGES "/comm_producer.elf",
                                              COMM_IMAGES "/comm_consumer.elf"};
    char dir[] = "/tmp/hvsim-view-XXXXXX";
    if (!mkdtemp(dir) || prepare(&r, dir, "paper2", PAPER_CONFIG) != 0 ||
        prepare(&comm, dir, "comm", COMM_CONFIG) != 0)
        return -1;
    record_run(&r, paper, COUNTERS + 1, 1);
    record_run(&comm, comm_images, 2, 2);
    *state = &r;
    return 0;
}

static void remove_file(const struct recorded_run *r, const char *name)
{
    char path[128];
    path_in(r, path, sizeof path, name);
    remove(path);
}

static int teardown(void **state)
{
    struct recorded_run *r = *state;
    static const char *const files[] = {"paper2.trace",  "paper2_run.png", "paper2_view.png",
                                        "bad.trace",     "bad.png",        "kinds.trace",
                                        "kinds.png",     "comm.trace",     "comm_run.png",
                                        "comm_view.png", "v1.png"};
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
        remove_file(r, files[i]);
    rmdir(r->dir);
    gui_model_free(&r->model);
    sim_config_free(r->config);
    gui_model_free(&comm.model);
    sim_config_free(comm.config);
    TTF_Quit();
    return 0;
}

/* hvsim view TRACE --png OUT [options...]; diag (may be NULL: stderr). */
static enum sim_error view(const char *trace, const char *png, FILE *diag)
{
    char *argv[] = {(char *)trace, "--png", (char *)png};
    return gui_cli_view(3, argv, diag ? diag : stderr);
}

static void *read_whole(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    assert_int_equal(fseek(f, 0, SEEK_END), 0);
    *size = (size_t)ftell(f);
    rewind(f);
    void *bytes = malloc(*size + 1);
    assert_non_null(bytes);
    assert_int_equal(fread(bytes, 1, *size, f), *size);
    fclose(f);
    return bytes;
}

static void write_whole(const char *path, const void *bytes, size_t size)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(bytes, 1, size, f), size);
    assert_int_equal(fclose(f), 0);
}

/* The run recorded then viewed: the same image as the run's, byte for byte. */
static void assert_view_is_runs_png(const struct recorded_run *r)
{
    assert_int_equal(view(r->trace, r->view_png, NULL), SIM_OK);
    size_t run_size, view_size;
    void *run = read_whole(r->run_png, &run_size), *viewed = read_whole(r->view_png, &view_size);
    assert_int_equal(run_size, view_size);
    assert_memory_equal(run, viewed, run_size);
    free(run);
    free(viewed);
}

static void viewing_the_file_gives_the_runs_png(void **state)
{
    assert_view_is_runs_png(*state);
}

/* The model `hvsim view` builds from the file: its header's configuration
 * (ports and channels from version 2 on) and its records. */
static void model_of_file(const char *path, struct gui_model *model, uint32_t *version)
{
    struct sim_trace_reader *reader;
    assert_int_equal(sim_trace_reader_open(&reader, path, stderr), SIM_OK);
    const struct sim_trace_header *h = sim_trace_reader_header(reader);
    *version = h->version;
    struct sim_trace_record records[4096];
    size_t count = 0;
    while (count < 4096 && sim_trace_reader_next(reader, &records[count]) == SIM_TRACE_RECORD)
        count++;
    assert_true(count < 4096);
    struct gui_trace_config config;
    char error[200];
    assert_int_equal(gui_trace_config_init(&config, h, error, sizeof error), GUI_OK);
    struct gui_meta meta = {&config.config, h->khz, 0, config.ports_unknown, NULL};
    assert_int_equal(gui_model_build(model, records, count, &meta, error, sizeof error), GUI_OK);
    gui_trace_config_free(&config);
    sim_trace_reader_close(reader);
}

/* A sampling and a queuing channel recorded and viewed: the run's image,
 * whose port-message arrows are the ones the file's header lets the
 * viewer match, write for read. */
static void file_arrows_are_the_runs(void **state)
{
    (void)state;
    assert_view_is_runs_png(&comm);
    struct gui_model viewed;
    uint32_t version;
    model_of_file(comm.trace, &viewed, &version);
    assert_int_equal(version, SIM_TRACE_VERSION);
    /* frame 0: a temperature and 3 commands; frame 1: a 4th command and
     * the temperature again (sampling: the latest write) */
    assert_true(comm.model.message_count >= 5);
    assert_int_equal(viewed.message_count, comm.model.message_count);
    assert_memory_equal(viewed.messages, comm.model.messages,
                        viewed.message_count * sizeof viewed.messages[0]);
    gui_model_free(&viewed);
}

/* A version-1 file (tests/unit/comm_v1.trace: the comm run for one frame,
 * written before the header had ports) still views: port accesses are
 * ticks, without arrows. */
static void version_1_file_views_without_arrows(void **state)
{
    struct recorded_run *r = *state;
    char png[128];
    path_in(r, png, sizeof png, "v1.png");
    assert_int_equal(view(V1_TRACE, png, NULL), SIM_OK);
    assert_int_equal(access(png, F_OK), 0);
    struct gui_model viewed;
    uint32_t version;
    model_of_file(V1_TRACE, &viewed, &version);
    assert_int_equal(version, 1);
    assert_int_equal(viewed.message_count, 0);
    size_t port_ticks = 0;
    for (size_t i = 0; i < viewed.event_count; i++)
        port_ticks += viewed.events[i].kind == HV_TRACE_PORT_WRITE ||
                      viewed.events[i].kind == HV_TRACE_PORT_READ;
    assert_true(port_ticks >= 8);
    gui_model_free(&viewed);
}

/* A real overrun: tests/unit/overrun_v2.trace is scenarios/plans/request
 * for 6 frames recorded by hvsim before issue 11 (commit 9762d26), whose
 * console write blocked past the slot's end. Every slot ends 216 cycles
 * (4.32 µs) after its planned end, the normal latency, until the
 * planner's writes make five slots end late by the cycles below (the
 * SLOT_END records' cycles less planned end and 216, read from `hvsim
 * trace`). */
static void real_overruns_from_an_old_file(void **state)
{
    (void)state;
    static const uint64_t overruns[] = {0, 0, 0, 0, 0, 0, 193848, 43864, 174847, 24863, 56846};
    struct gui_model model;
    uint32_t version;
    model_of_file(OVERRUN_TRACE, &model, &version);
    assert_int_equal(version, 2);
    assert_int_equal(model.slot_end_latency, 216);
    size_t ended = 0;
    for (size_t i = 0; i < model.slot_count; i++) {
        if (!model.slots[i].ended)
            continue;
        assert_true(ended < sizeof overruns / sizeof overruns[0]);
        assert_int_equal(gui_slot_overrun(&model, &model.slots[i]), overruns[ended++]);
    }
    assert_int_equal(ended, sizeof overruns / sizeof overruns[0]);
    gui_model_free(&model);
}

/* A header whose channel names a port it does not have: one line, never
 * an index out of range in the model. */
static void header_channel_to_no_port(void **state)
{
    (void)state;
    struct sim_trace_header h;
    assert_int_equal(
        sim_trace_header_from_config(&h, sim_config_hv(comm.config), "xm-leon3", 50000), SIM_OK);
    struct gui_trace_config config;
    char error[200];
    h.channels[1].destinations[0] = h.port_count;
    assert_int_equal(gui_trace_config_init(&config, &h, error, sizeof error), GUI_ERR_BAD_TRACE);
    assert_string_equal(error, "the trace's header has a channel to a port it does not have");
    h.channels[1].destinations[0] = 0; /* the commands to port 0, not port 2 */
    assert_int_equal(gui_trace_config_init(&config, &h, error, sizeof error), GUI_ERR_BAD_TRACE);
    assert_string_equal(error, "the trace's header has a port in no channel");
    sim_trace_header_free(&h);
}

/* The PNG as 0xRRGGBB pixels. */
static SDL_Surface *load_png(const char *path)
{
    SDL_Surface *loaded = IMG_Load(path);
    assert_non_null(loaded);
    SDL_Surface *argb = SDL_ConvertSurfaceFormat(loaded, SDL_PIXELFORMAT_ARGB8888, 0);
    SDL_FreeSurface(loaded);
    assert_non_null(argb);
    return argb;
}

static uint32_t pixel(const SDL_Surface *s, int x, int y)
{
    const Uint32 *row = (const Uint32 *)((const Uint8 *)s->pixels + y * s->pitch);
    return row[x] & 0xffffffu;
}

/* The geometry gui_export_png uses without --from, --to and --size. */
static void export_view(struct gui_view *view, const struct gui_model *model)
{
    struct gui_renderer renderer;
    char error[200];
    assert_int_equal(gui_renderer_open(&renderer, error, sizeof error), GUI_OK);
    int rows = gui_legend_rows_at(&renderer, model, GUI_DEFAULT_WIDTH);
    gui_renderer_close(&renderer);
    gui_view_init(view, model, GUI_DEFAULT_WIDTH, gui_natural_height(model, rows));
    gui_view_set_legend_rows(view, rows);
    gui_view_show(view, 0, (double)model->end);
}

/* Each slot of the frame: the middle of its planned rectangle is the
 * partition's pale colour near the bottom of its lane (the top has the
 * MAF label) and, for a Counter
 * (which runs all its slot), the partition's colour in the middle; the
 * other lanes at that time show neither. */
static void check_slot(const SDL_Surface *png, const struct gui_view *view,
                       const struct gui_slot *slot, uint32_t lanes)
{
    int x = (int)gui_view_x(view, (slot->planned_start + slot->planned_end) / 2.0);
    int h = view->layout.lane_height;
    for (uint32_t lane = 0; lane < lanes; lane++) {
        int top = gui_view_lane_top(view, lane);
        bool own = lane == slot->partition;
        assert_int_equal(pixel(png, x, top + h - 12) == gui_partition_pale(slot->partition), own);
        bool running = pixel(png, x, top + h / 2) == gui_partition_colour(slot->partition);
        assert_int_equal(running, own && slot->partition != READER);
    }
}

static void counters_fill_their_slots(void **state)
{
    struct recorded_run *r = *state;
    assert_int_equal(view(r->trace, r->view_png, NULL), SIM_OK);
    SDL_Surface *png = load_png(r->view_png);
    struct gui_view v;
    export_view(&v, &r->model);
    /* 15 Counter slots (5 each) and the Reader's, then frame 1's first */
    assert_int_equal(r->model.slot_count, 5 * COUNTERS + 2);
    for (size_t i = 0; i + 1 < r->model.slot_count; i++)
        check_slot(png, &v, &r->model.slots[i], COUNTERS + 1);
    for (uint32_t a = 0; a <= READER; a++)
        for (uint32_t b = a + 1; b <= READER; b++)
            assert_int_not_equal(gui_partition_colour(a), gui_partition_colour(b));
    SDL_FreeSurface(png);
}

/* Write `bytes` as bad.trace, view it: one line `bad.trace: ...` and no
 * image. */
/* View bad.trace: one line `bad.trace: message...` and no image. */
static void expect_one_line(const struct recorded_run *r, const char *message)
{
    char trace[128], png[128], line[300] = "", prefix[140];
    path_in(r, trace, sizeof trace, "bad.trace");
    path_in(r, png, sizeof png, "bad.png");
    FILE *diag = tmpfile();
    assert_non_null(diag);
    assert_int_equal(view(trace, png, diag), SIM_ERR_IO);
    rewind(diag);
    assert_non_null(fgets(line, sizeof line, diag));
    assert_int_equal(fgetc(diag), EOF); /* one line */
    fclose(diag);
    snprintf(prefix, sizeof prefix, "%s: %s", trace, message);
    assert_memory_equal(line, prefix, strlen(prefix));
    assert_int_equal(access(png, F_OK), -1);
}

static void expect_bad_file(const struct recorded_run *r, const void *bytes, size_t size,
                            const char *message)
{
    char trace[128];
    path_in(r, trace, sizeof trace, "bad.trace");
    write_whole(trace, bytes, size);
    expect_one_line(r, message);
}

/* A whole trace file of the fixture's system holding `records`. */
static void write_trace(const char *path, const struct sim_trace_record *records, size_t count)
{
    struct sim_trace_header h;
    assert_int_equal(sim_trace_header_from_config(&h, &fixture_config, "xm-leon3", FIX_KHZ),
                     SIM_OK);
    struct sim_trace_writer *w;
    assert_int_equal(sim_trace_writer_open(&w, path, &h, stderr), SIM_OK);
    uint64_t hash = sim_trace_hash_start();
    for (size_t i = 0; i < count; i++) {
        sim_trace_writer_put(w, &records[i]);
        hash = sim_trace_hash_record(hash, &records[i]);
    }
    assert_int_equal(sim_trace_writer_close(w, count, hash, stderr), SIM_OK);
    sim_trace_header_free(&h);
}

/* The header's size: a file of no record is the header and a 10-byte end
 * record (0, count 0, the hash). */
static size_t header_size(const struct recorded_run *r)
{
    struct sim_trace_header h;
    char path[128];
    path_in(r, path, sizeof path, "bad.trace");
    assert_int_equal(sim_trace_header_from_config(&h, sim_config_hv(r->config), "xm-leon3", 50000),
                     SIM_OK);
    struct sim_trace_writer *w;
    assert_int_equal(sim_trace_writer_open(&w, path, &h, stderr), SIM_OK);
    assert_int_equal(sim_trace_writer_close(w, 0, sim_trace_hash_start(), stderr), SIM_OK);
    sim_trace_header_free(&h);
    size_t size;
    free(read_whole(path, &size));
    return size - 10;
}

static void damaged_files_are_one_line(void **state)
{
    struct recorded_run *r = *state;
    size_t size, header = header_size(r);
    uint8_t *good = read_whole(r->trace, &size);
    assert_true(size > header + 100);
    expect_bad_file(r, good, 0, "not an hvsim trace file");
    uint8_t *copy = malloc(size);
    assert_non_null(copy);
    memcpy(copy, good, size);
    copy[7] = 'X';
    expect_bad_file(r, copy, size, "not an hvsim trace file");
    expect_bad_file(r, good, header / 2, "the trace file's header is cut short or corrupt");
    expect_bad_file(r, good, header + (size - header) / 2, "cut short after record ");
    expect_bad_file(r, good, size - 3, "cut short after record ");
    memcpy(copy, good, size);
    memset(copy + header, 0xff, 12); /* a varint longer than 64 bits */
    expect_bad_file(r, copy, size, "corrupt record after record 0");
    memcpy(copy, good, size);
    copy[header + 2] ^= 0x01; /* the first record's partition: the hash differs */
    expect_bad_file(r, copy, size, "the end record says ");
    free(copy);
    free(good);
}

/* The fixture's trace with a record of kind 200 for Alpha at cycle 300,
 * written with the writer as a future build would: viewed, it is a grey
 * tick on Alpha's lane. */
static void unknown_kind_is_a_tick(void **state)
{
    struct recorded_run *r = *state;
    char trace[128], png[128];
    path_in(r, trace, sizeof trace, "kinds.trace");
    path_in(r, png, sizeof png, "kinds.png");
    struct sim_trace_record records[64];
    size_t count = 0;
    for (size_t i = 0; i < fixture_record_count; i++) {
        if (fixture_records[i].cycle > 300 && fixture_records[i - 1].cycle <= 300)
            records[count++] = (struct sim_trace_record){300, 200, 0, 1, 2, 3};
        records[count++] = fixture_records[i];
    }
    write_trace(trace, records, count);
    assert_int_equal(view(trace, png, NULL), SIM_OK);

    struct gui_model model;
    struct gui_meta meta = {&fixture_config, FIX_KHZ, 0, true, NULL};
    char error[200];
    assert_int_equal(gui_model_build(&model, records, count, &meta, error, sizeof error), GUI_OK);
    struct gui_view v;
    export_view(&v, &model);
    SDL_Surface *image = load_png(png);
    int x = (int)gui_view_x(&v, 300), top = gui_view_lane_top(&v, 0);
    assert_int_equal(pixel(image, x, top + 5), gui_tick_colour(GUI_TICK_OTHER));
    assert_int_not_equal(pixel(image, x + 3, top + 5), gui_tick_colour(GUI_TICK_OTHER));
    SDL_FreeSurface(image);
    gui_model_free(&model);
}

/* A whole file whose records its own header cannot explain (a partition
 * the system lacks, a slot not in the plan): one line naming the file and
 * the record. */
static void records_the_header_cannot_explain(void **state)
{
    struct recorded_run *r = *state;
    char trace[128];
    path_in(r, trace, sizeof trace, "bad.trace");
    struct sim_trace_record records[64];
    memcpy(records, fixture_records, fixture_record_count * sizeof records[0]);
    records[3].partition = 9;
    write_trace(trace, records, fixture_record_count);
    expect_one_line(r, "trace record 3: partition 9 is not in the configuration");
    records[3] = fixture_records[3];
    records[1].partition = 1;
    write_trace(trace, records, fixture_record_count);
    expect_one_line(r, "trace record 1: slot 0 of partition 1 is not in plan 0");
}

int main(void)
{
    unsetenv("DISPLAY");
    unsetenv("WAYLAND_DISPLAY");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(viewing_the_file_gives_the_runs_png),
        cmocka_unit_test(file_arrows_are_the_runs),
        cmocka_unit_test(version_1_file_views_without_arrows),
        cmocka_unit_test(header_channel_to_no_port),
        cmocka_unit_test(real_overruns_from_an_old_file),
        cmocka_unit_test(counters_fill_their_slots),
        cmocka_unit_test(damaged_files_are_one_line),
        cmocka_unit_test(records_the_header_cannot_explain),
        cmocka_unit_test(unknown_kind_is_a_tick),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
