/* sim/: building a machine from a configuration and images, and the event
 * loop that runs it: the current partition's vCPU runs until the next timer
 * deadline; its exits (hypercalls, traps) and the timer become calls of
 * hvcore's entry points. */
#include "cpu/vcpu.h"
#include "sim/console.h"
#include "sim/image.h"
#include "sim/machine_internal.h"
#include <hvcore/port.h>
#include <stdlib.h>
#include <string.h>

#define PAGE_SIZE 4096u

static uint8_t *alloc_pages(uint32_t size)
{
    uint8_t *buffer = aligned_alloc(PAGE_SIZE, size);
    if (buffer)
        memset(buffer, 0, size);
    return buffer;
}

/* Room for one buffer per shared area of the configuration (its
 * partitions' areas flagged HV_AREA_SHARED: more than the buffers). */
static bool alloc_shared(struct sim_machine *m)
{
    uint32_t count = 0;
    for (uint32_t id = 0; id < m->config->partition_count; id++) {
        const struct hv_partition_config *part = &m->config->partitions[id];
        for (uint32_t i = 0; i < part->area_count; i++)
            count += (part->areas[i].flags & HV_AREA_SHARED) != 0;
    }
    m->shared = calloc(count + 1u, sizeof *m->shared);
    return m->shared != NULL;
}

/* One host buffer per area shared between partitions (same start and size). */
static uint8_t *shared_buffer(struct sim_machine *m, const struct hv_mem_area *area)
{
    for (uint32_t i = 0; i < m->shared_count; i++)
        if (m->shared[i].start == area->start && m->shared[i].size == area->size)
            return m->shared[i].buffer;
    struct sim_shared_area *s = &m->shared[m->shared_count];
    s->buffer = alloc_pages(area->size);
    if (!s->buffer)
        return NULL;
    s->start = area->start;
    s->size = area->size;
    m->shared_count++;
    return s->buffer;
}

static uint32_t area_perms(const struct hv_mem_area *area)
{
    if (area->flags & (HV_AREA_READONLY | HV_AREA_ROM))
        return VCPU_PERM_READ | VCPU_PERM_EXEC;
    return VCPU_PERM_READ | VCPU_PERM_WRITE | VCPU_PERM_EXEC;
}

/* The partition's address space: its mapped areas and its PCT page. */
static enum sim_error build_regions(struct sim_machine *m, const struct hv_partition_config *part,
                                    struct vcpu_region *regions, uint32_t *count)
{
    uint32_t n = 0;
    for (uint32_t i = 0; i < part->area_count; i++) {
        const struct hv_mem_area *area = &part->areas[i];
        uint8_t *host = NULL;
        if (area->flags & HV_AREA_SHARED) {
            host = shared_buffer(m, area);
            if (!host)
                return SIM_ERR_NO_MEMORY;
        }
        /* An unmapped area is in the engine at its physical address, for
         * the maps the partition builds itself (XM_set_page_type...), with
         * no right in this one. */
        if (area->flags & HV_AREA_UNMAPPED)
            regions[n++] = (struct vcpu_region){area->start, area->size, 0, host};
        else
            regions[n++] =
                (struct vcpu_region){area->mapped_at, area->size, area_perms(area), host};
    }
    regions[n++] = (struct vcpu_region){HV_PCT_ADDRESS, HV_PCT_AREA_SIZE, VCPU_PERM_READ,
                                        m->partitions[part->id].pct};
    *count = n;
    return SIM_OK;
}

static enum sim_error create_vcpu(struct sim_machine *m, const struct hv_partition_config *part,
                                  FILE *diag)
{
    struct sim_partition *p = &m->partitions[part->id];
    struct vcpu_region *regions = calloc(part->area_count + 1, sizeof *regions);
    uint32_t count = 0;
    p->pct = alloc_pages(HV_PCT_AREA_SIZE);
    if (!regions || !p->pct) {
        free(regions);
        fprintf(diag, "hvsim: partition %u (%s): out of memory\n", part->id, part->name);
        return SIM_ERR_NO_MEMORY;
    }
    enum sim_error error = build_regions(m, part, regions, &count);
    if (error != SIM_OK)
        fprintf(diag, "hvsim: partition %u (%s): out of memory for its shared areas\n", part->id,
                part->name);
    if (error == SIM_OK) {
        enum vcpu_error verror = vcpu_create(&p->vcpu, regions, count);
        if (verror != VCPU_OK) {
            fprintf(diag, "hvsim: partition %u (%s): %s\n", part->id, part->name,
                    vcpu_strerror(verror));
            error = SIM_ERR_CPU;
        }
    }
    free(regions);
    return error;
}

static enum sim_error load_segments(struct sim_machine *m, uint32_t id,
                                    const struct sim_image *image, const char *path, FILE *diag)
{
    struct vcpu *vcpu = m->partitions[id].vcpu;
    for (uint32_t i = 0; i < image->segment_count; i++) {
        const struct sim_segment *seg = &image->segments[i];
        enum vcpu_error error =
            vcpu_write_mem(vcpu, seg->address, seg->data, seg->file_size, false);
        if (error != VCPU_OK) {
            fprintf(diag, "%s: segment at 0x%08x: %s\n", path, seg->address, vcpu_strerror(error));
            return SIM_ERR_IMAGE;
        }
    }
    m->partitions[id].image_entry = image->entry;
    return SIM_OK;
}

static void sim_machine_note_image(struct sim_machine *m, uint32_t id,
                                   const struct sim_image *image)
{
    m->partitions[id].image_xef = image->xef;
}

/* Custom file `slot` of a container's partition, written where the image's
 * header says, as the partition sees it. */
static enum sim_error load_custom_file(struct sim_machine *m, const struct sim_image_ref *ref,
                                       const struct sim_image *image, uint32_t slot, FILE *diag)
{
    const struct hv_partition_config *part = &m->config->partitions[ref->partition];
    struct sim_image file;
    enum sim_error error =
        sim_image_custom_file(ref->path, &ref->custom_files[slot], image, slot, part, diag, &file);
    if (error != SIM_OK)
        return error;
    uint32_t at = image->xef.custom_files[slot].address;
    if (vcpu_write_mem(m->partitions[ref->partition].vcpu, at, file.bytes, file.size, false) !=
        VCPU_OK) {
        fprintf(diag, "%s: %s: cannot write custom file %u at 0x%08x\n", ref->path,
                ref->custom_files[slot].name, (unsigned)slot, (unsigned)at);
        error = SIM_ERR_IMAGE;
    }
    sim_image_free(&file);
    return error;
}

static enum sim_error read_image(const struct sim_image_ref *ref,
                                 const struct hv_partition_config *part, FILE *diag,
                                 struct sim_image *image)
{
    if (ref->xef.bytes == NULL)
        return sim_image_load_for(ref->path, part, diag, image);
    return sim_image_from_xef_for(ref->path, ref->xef.name, ref->xef.bytes, ref->xef.size, part,
                                  diag, image);
}

static enum sim_error load_image(struct sim_machine *m, const struct sim_image_ref *ref, FILE *diag)
{
    struct sim_image image;
    const struct hv_partition_config *part = &m->config->partitions[ref->partition];
    enum sim_error error = read_image(ref, part, diag, &image);
    if (error != SIM_OK)
        return error;
    error = sim_image_check_fits(&image, ref->path, part, diag);
    if (error == SIM_OK)
        error = load_segments(m, ref->partition, &image, ref->path, diag);
    for (uint32_t k = 0; k < ref->custom_file_count && error == SIM_OK; k++)
        error = load_custom_file(m, ref, &image, k, diag);
    if (error == SIM_OK)
        sim_machine_note_image(m, ref->partition, &image);
    sim_image_free(&image);
    return error;
}

enum sim_error sim_machine_check_images(const struct hv_config *config,
                                        const struct sim_image_ref *images, uint32_t image_count,
                                        FILE *diag)
{
    /* A partition that does not exist first: it explains the one missing. */
    for (uint32_t i = 0; i < image_count; i++) {
        if (images[i].partition >= config->partition_count) {
            fprintf(diag,
                    "hvsim: -p %u=%s: the configuration has no partition %u (its partitions are "
                    "0..%u)\n",
                    images[i].partition, images[i].path, images[i].partition,
                    config->partition_count - 1);
            return SIM_ERR_USAGE;
        }
    }
    for (uint32_t id = 0; id < config->partition_count; id++) {
        uint32_t named = 0;
        for (uint32_t i = 0; i < image_count; i++)
            named += images[i].partition == id;
        if (named != 1) {
            fprintf(diag, "hvsim: partition %u (%s) needs exactly one image (-p %u=FILE)\n", id,
                    config->partitions[id].name, id);
            return SIM_ERR_USAGE;
        }
    }
    return SIM_OK;
}

static enum sim_error populate(struct sim_machine *m, const struct sim_image_ref *images,
                               uint32_t image_count, FILE *diag)
{
    if (!alloc_shared(m)) {
        fprintf(diag, "hvsim: out of memory\n");
        return SIM_ERR_NO_MEMORY;
    }
    for (uint32_t id = 0; id < m->config->partition_count; id++) {
        enum sim_error error = create_vcpu(m, &m->config->partitions[id], diag);
        if (error != SIM_OK)
            return error;
    }
    for (uint32_t i = 0; i < image_count; i++) {
        enum sim_error error = load_image(m, &images[i], diag);
        if (error != SIM_OK)
            return error;
    }
    return SIM_OK;
}

/* Can the board run at the configured clock? The xm-leon3 profile is a
 * LEON3 board described by the configuration: XM_CF's Processor@frequency
 * is its clock (XM-Q's examples say 80 MHz), given in whole MHz, which
 * the hypervisor's 1 µs timer tick needs (prescaler = MHz - 1).
 * qemu-leon3 is QEMU's leon3_generic, whose clock is fixed. */
static bool clock_follows_config(const struct hv_board *board, uint32_t khz)
{
    return board == &hv_board_xm_leon3 && khz >= 1000u && khz % 1000u == 0;
}

/* The processor's clock: the configured one where the board can run at
 * it, else the board's (with a note); the board's when none is given. */
static void use_board_clock(struct sim_machine *m, const struct hv_config *config, FILE *diag)
{
    const struct hv_board *board = m->options.board;
    m->config_copy = *config;
    if (config->cpu_khz != 0 && config->cpu_khz != board->cpu_khz) {
        if (clock_follows_config(board, config->cpu_khz)) {
            m->board_copy = *board;
            m->board_copy.cpu_khz = config->cpu_khz;
            m->options.board = board = &m->board_copy;
        } else {
            fprintf(diag, "hvsim: note: the %s board runs at %u kHz, not the configured %u kHz\n",
                    board->name, board->cpu_khz, config->cpu_khz);
        }
    }
    m->config_copy.cpu_khz = board->cpu_khz;
    m->config = &m->config_copy;
    m->clock.khz = board->cpu_khz;
}

/* The board's second UART, for partitions granted its registers; its
 * input and output are the --uart2-in / --uart2-out files. */
static enum dev_error attach_uart2(struct sim_machine *m)
{
    const struct hv_board *b = m->options.board;
    if (b->uart2_base == 0)
        return DEV_OK;
    return leon3_devices_add_uart2(&m->devices, b->uart2_base, b->uart2_irq,
                                   (struct apbuart_sink){sim_console_uart2_byte, m});
}

static enum sim_error attach_devices(struct sim_machine *m, FILE *diag)
{
    const struct hv_board *b = m->options.board;
    const struct leon3_layout layout = {
        b->uart_base, b->uart_irq, b->irqmp_base, b->gptimer_base, b->clock_irq, 2, 1};
    enum dev_error error =
        leon3_devices_init(&m->devices, &layout, (struct apbuart_sink){sim_console_byte, m});
    if (error == DEV_OK)
        error = attach_uart2(m);
    if (error != DEV_OK) {
        fprintf(diag, "hvsim: board %s: %s\n", b->name, dev_strerror(error));
        return SIM_ERR_USAGE;
    }
    m->console.at_line_start = true;
    return SIM_OK;
}

static enum sim_error init_core(struct sim_machine *m, FILE *diag)
{
    enum hv_error error = hv_init(&m->hv, m->config, m->options.board, m);
    if (error != HV_OK) {
        fprintf(diag, "hvsim: %s\n", hv_strerror(error));
        return SIM_ERR_CONFIG;
    }
    return SIM_OK;
}

enum sim_error sim_machine_create(struct sim_machine **out, const struct hv_config *config,
                                  const struct sim_image_ref *images, uint32_t image_count,
                                  const struct sim_options *options, FILE *diag)
{
    enum sim_error error = sim_machine_check_images(config, images, image_count, diag);
    if (error != SIM_OK)
        return error;
    struct sim_machine *m = calloc(1, sizeof *m);
    if (!m)
        return SIM_ERR_NO_MEMORY;
    m->options = *options;
    if (!m->options.board)
        m->options.board = &hv_board_xm_leon3;
    use_board_clock(m, config, diag);
    m->last_running = HV_IDLE;
    sim_trace_init(&m->trace, options->keep_trace);
    error = attach_devices(m, diag);
    if (error == SIM_OK && options->uart_input)
        error = sim_console_load_input(m, options->uart_input);
    if (error == SIM_OK && options->uart2_input)
        error = sim_console_load_uart2_input(m, options->uart2_input);
    if (error == SIM_OK)
        error = init_core(m, diag);
    if (error == SIM_OK)
        error = populate(m, images, image_count, diag);
    if (error != SIM_OK) {
        sim_machine_destroy(m);
        return error;
    }
    *out = m;
    return SIM_OK;
}

void sim_machine_destroy(struct sim_machine *m)
{
    if (!m)
        return;
    for (uint32_t id = 0; id < HV_MAX_PARTITIONS; id++) {
        if (m->partitions[id].vcpu)
            vcpu_destroy(m->partitions[id].vcpu);
        free(m->partitions[id].pct);
    }
    for (uint32_t i = 0; i < m->shared_count; i++)
        free(m->shared[i].buffer);
    free(m->shared);
    free(m->uart_input.bytes);
    free(m->uart2_input.bytes);
    sim_hm_forget(m);
    sim_machine_trace_finish(m, stderr); /* a run that stopped early still ends its file */
    sim_trace_free(&m->trace);
    free(m);
}

const struct sim_trace *sim_machine_trace(const struct sim_machine *m)
{
    return &m->trace;
}

const struct sim_clock *sim_machine_clock(const struct sim_machine *m)
{
    return &m->clock;
}

const struct hv *sim_machine_hv(const struct sim_machine *m)
{
    return &m->hv;
}

const struct hv_config *sim_machine_config(const struct sim_machine *m)
{
    return m->config;
}

const struct sim_symbols *sim_machine_symbols(const struct sim_machine *m)
{
    return m->options.symbols;
}

struct vcpu *sim_machine_vcpu(struct sim_machine *m, uint32_t partition)
{
    return partition < m->config->partition_count ? m->partitions[partition].vcpu : NULL;
}

bool sim_machine_read_guest(struct sim_machine *m, uint32_t partition, uint32_t address,
                            void *buffer, uint32_t length)
{
    return partition < m->config->partition_count &&
           vcpu_read_mem(m->partitions[partition].vcpu, address, buffer, length) == VCPU_OK;
}

bool sim_machine_write_guest(struct sim_machine *m, uint32_t partition, uint32_t address,
                             const void *buffer, uint32_t length)
{
    return partition < m->config->partition_count &&
           vcpu_write_mem(m->partitions[partition].vcpu, address, buffer, length, false) == VCPU_OK;
}

void sim_machine_report_hypercalls(const struct sim_machine *m, FILE *diag)
{
    if (m && m->options.hypercall_notices)
        sim_hypercall_summary(&m->hypercall_notices, m->config, m->options.symbols, diag);
}
