/* sim/: console output and input through the board's APBUART. */
#include "sim/console.h"
#include <stdlib.h>

static const char *writer_name(const struct sim_machine *m, int32_t writer)
{
    return writer == HV_IDLE ? "XM" : m->config->partitions[writer].name;
}

static int32_t pop_writer(struct sim_console *c)
{
    if (c->count == 0)
        return HV_IDLE;
    int32_t writer = c->writers[c->head];
    c->head = (c->head + 1) % SIM_CONSOLE_QUEUE;
    c->count--;
    return writer;
}

void sim_console_note_writer(struct sim_machine *m)
{
    struct sim_console *c = &m->console;
    if (c->count == SIM_CONSOLE_QUEUE)
        pop_writer(c); /* cannot happen with a polling driver: keep the newest */
    c->writers[(c->head + c->count) % SIM_CONSOLE_QUEUE] = hv_current(&m->hv);
    c->count++;
}

static void start_line(struct sim_machine *m, int32_t writer, uint64_t cycle)
{
    unsigned long long us = cycle * 1000u / m->clock.khz;
    fprintf(m->options.console, "[%10llu us] %s: ", us, writer_name(m, writer));
    m->console.line_writer = writer;
    m->console.at_line_start = false;
}

void sim_console_byte(void *context, uint8_t byte, uint64_t cycle)
{
    struct sim_machine *m = context;
    struct sim_console *c = &m->console;
    int32_t writer = pop_writer(c);
    struct hv_trace_event event = {SIM_TRACE_CONSOLE, (int16_t)writer, byte, 0, 0};
    sim_trace_add(&m->trace, cycle, &event);
    if (m->options.console_prefix) {
        if (!c->at_line_start && writer != c->line_writer) {
            fputc('\n', m->options.console); /* another writer cut in */
            c->at_line_start = true;
        }
        if (c->at_line_start)
            start_line(m, writer, cycle);
    }
    fputc(byte, m->options.console);
    c->at_line_start = byte == '\n';
}

static enum sim_error load_input(struct sim_uart_input *in, FILE *input)
{
    size_t capacity = 4096;
    in->bytes = malloc(capacity);
    while (in->bytes && !feof(input)) {
        in->length += fread(in->bytes + in->length, 1, capacity - in->length, input);
        if (in->length == capacity) {
            uint8_t *grown = realloc(in->bytes, capacity *= 2);
            if (!grown)
                free(in->bytes);
            in->bytes = grown;
        }
        if (ferror(input))
            return SIM_ERR_IO;
    }
    return in->bytes ? SIM_OK : SIM_ERR_NO_MEMORY;
}

enum sim_error sim_console_load_input(struct sim_machine *m, FILE *input)
{
    return load_input(&m->uart_input, input);
}

enum sim_error sim_console_load_uart2_input(struct sim_machine *m, FILE *input)
{
    return load_input(&m->uart2_input, input);
}

/* Bytes wait for the receiver to be enabled (a terminal that starts
 * sending once the port is open): a partition enables UART2 only when it
 * runs, and a byte arriving before would be lost. */
static uint64_t feed(struct sim_uart_input *in, struct apbuart *uart, uint64_t now)
{
    if (in->next < in->length && !(uart->ctrl & APBUART_CTRL_RE)) {
        if (in->next_cycle < now)
            in->next_cycle = now;
        return UINT64_MAX;
    }
    while (in->next < in->length && in->next_cycle <= now) {
        apbuart_receive(uart, in->bytes[in->next++], in->next_cycle);
        in->next_cycle += apbuart_char_cycles(uart);
    }
    return in->next < in->length ? in->next_cycle : UINT64_MAX;
}

uint64_t sim_console_feed_input(struct sim_machine *m)
{
    uint64_t next = feed(&m->uart_input, &m->devices.uart, m->clock.cycles);
    uint64_t next2 = feed(&m->uart2_input, &m->devices.uart2, m->clock.cycles);
    return next < next2 ? next : next2;
}

void sim_console_uart2_byte(void *context, uint8_t byte, uint64_t cycle)
{
    struct sim_machine *m = context;
    struct hv_trace_event event = {SIM_TRACE_UART2, -1, byte, 0, 0};
    sim_trace_add(&m->trace, cycle, &event);
    if (m->options.uart2_output)
        fputc(byte, m->options.uart2_output);
}
