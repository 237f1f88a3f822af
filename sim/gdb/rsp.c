/* sim/gdb: the remote serial protocol's packet layer (rsp.h). */
#define _POSIX_C_SOURCE 200809L
#include "sim/gdb/rsp.h"

#include <errno.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define SEND_TRIES 8

enum { IDLE, DATA, ESCAPE, CHECKSUM1, CHECKSUM2 };

void rsp_init(struct rsp *rsp, int fd)
{
    memset(rsp, 0, sizeof *rsp);
    rsp->fd = fd;
}

static int hex_digit(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static bool fill(struct rsp *rsp, bool wait)
{
    if (rsp->in_start < rsp->in_end)
        return true;
    if (!wait) {
        struct pollfd p = {rsp->fd, POLLIN, 0};
        if (poll(&p, 1, 0) <= 0)
            return false;
    }
    ssize_t n;
    do {
        n = read(rsp->fd, rsp->in, sizeof rsp->in);
    } while (n < 0 && errno == EINTR);
    rsp->in_start = 0;
    rsp->in_end = n > 0 ? (size_t)n : 0;
    return n > 0;
}

static void send_raw(struct rsp *rsp, const void *data, size_t length)
{
    const char *p = data;
    while (length > 0) {
        ssize_t n = send(rsp->fd, p, length, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return;
        p += n;
        length -= (size_t)n;
    }
}

/* The packet is complete: check it, acknowledge it. */
static enum rsp_event finish(struct rsp *rsp)
{
    rsp->state = IDLE;
    if (rsp->sum != rsp->sent_sum) {
        if (!rsp->no_ack)
            send_raw(rsp, "-", 1);
        return RSP_BAD_PACKET;
    }
    if (!rsp->no_ack)
        send_raw(rsp, "+", 1);
    rsp->packet[rsp->overflow ? 0 : rsp->length] = '\0';
    return rsp->overflow ? RSP_TOO_LONG : RSP_PACKET;
}

static void keep(struct rsp *rsp, char c)
{
    if (rsp->length < RSP_MAX_PACKET)
        rsp->packet[rsp->length++] = c;
    else
        rsp->overflow = true;
}

/* A checksum character that is not a hex digit: the packet is refused. */
static enum rsp_event refuse_checksum(struct rsp *rsp)
{
    rsp->state = IDLE;
    if (!rsp->no_ack)
        send_raw(rsp, "-", 1);
    return RSP_BAD_PACKET;
}

/* One byte through the parser; an event, or RSP_NOTHING. */
static enum rsp_event feed(struct rsp *rsp, uint8_t c)
{
    switch (rsp->state) {
    case IDLE:
        if (c == 0x03)
            return RSP_INTERRUPT;
        if (c == '$') {
            rsp->state = DATA;
            rsp->length = 0;
            rsp->overflow = false;
            rsp->sum = 0;
        }
        return RSP_NOTHING; /* acks and noise between packets */
    case DATA:
    case ESCAPE:
        if (c == '#' && rsp->state == DATA) {
            rsp->state = CHECKSUM1;
            return RSP_NOTHING;
        }
        rsp->sum = (uint8_t)(rsp->sum + c);
        if (rsp->state == DATA && c == '}') {
            rsp->state = ESCAPE;
            return RSP_NOTHING;
        }
        keep(rsp, (char)(rsp->state == ESCAPE ? c ^ 0x20 : c));
        rsp->state = DATA;
        return RSP_NOTHING;
    case CHECKSUM1:
        if (hex_digit(c) < 0)
            return refuse_checksum(rsp);
        rsp->sent_sum = (uint8_t)(hex_digit(c) << 4);
        rsp->state = CHECKSUM2;
        return RSP_NOTHING;
    default:
        if (hex_digit(c) < 0)
            return refuse_checksum(rsp);
        rsp->sent_sum = (uint8_t)(rsp->sent_sum | hex_digit(c));
        return finish(rsp);
    }
}

static enum rsp_event next(struct rsp *rsp, bool wait)
{
    for (;;) {
        if (!fill(rsp, wait))
            return wait ? RSP_CLOSED : RSP_NOTHING;
        while (rsp->in_start < rsp->in_end) {
            enum rsp_event event = feed(rsp, rsp->in[rsp->in_start++]);
            if (event != RSP_NOTHING)
                return event;
        }
    }
}

enum rsp_event rsp_wait(struct rsp *rsp)
{
    return next(rsp, true);
}

enum rsp_event rsp_poll(struct rsp *rsp)
{
    return next(rsp, false);
}

/* With acks on: '+' accepts the packet, '-' asks again. */
static bool acknowledged(struct rsp *rsp, bool *resend)
{
    for (;;) {
        if (!fill(rsp, true))
            return false;
        uint8_t c = rsp->in[rsp->in_start++];
        if (c == '+' || c == '-') {
            *resend = c == '-';
            return true;
        }
        if (c == 0x03 || c == '$') { /* the peer moved on: keep the byte */
            rsp->in_start--;
            *resend = false;
            return true;
        }
    }
}

bool rsp_send(struct rsp *rsp, const char *data, size_t length)
{
    static char frame[2 * RSP_MAX_PACKET + 8];
    size_t n = 0;
    uint8_t sum = 0;
    frame[n++] = '$';
    for (size_t i = 0; i < length && n < sizeof frame - 4; i++) {
        char c = data[i];
        if (c == '$' || c == '#' || c == '}' || c == '*') {
            frame[n++] = '}';
            sum = (uint8_t)(sum + '}');
            c ^= 0x20;
        }
        frame[n++] = c;
        sum = (uint8_t)(sum + (uint8_t)c);
    }
    static const char digits[] = "0123456789abcdef";
    frame[n++] = '#';
    frame[n++] = digits[sum >> 4];
    frame[n++] = digits[sum & 15];
    for (int tries = 0; tries < SEND_TRIES; tries++) {
        send_raw(rsp, frame, n);
        bool resend = false;
        if (rsp->no_ack)
            return true;
        if (!acknowledged(rsp, &resend))
            return false;
        if (!resend)
            return true;
    }
    return false;
}

bool rsp_send_str(struct rsp *rsp, const char *text)
{
    return rsp_send(rsp, text, strlen(text));
}

void rsp_hex_encode(char *out, const void *data, size_t length)
{
    static const char digits[] = "0123456789abcdef";
    const uint8_t *bytes = data;
    for (size_t i = 0; i < length; i++) {
        out[2 * i] = digits[bytes[i] >> 4];
        out[2 * i + 1] = digits[bytes[i] & 15];
    }
    out[2 * length] = '\0';
}

long rsp_hex_decode(void *out, size_t max, const char *hex, size_t hex_length)
{
    uint8_t *bytes = out;
    if (hex_length % 2 != 0 || hex_length / 2 > max)
        return -1;
    for (size_t i = 0; i < hex_length / 2; i++) {
        int hi = hex_digit((unsigned char)hex[2 * i]),
            lo = hex_digit((unsigned char)hex[2 * i + 1]);
        if (hi < 0 || lo < 0)
            return -1;
        bytes[i] = (uint8_t)(hi << 4 | lo);
    }
    return (long)(hex_length / 2);
}

bool rsp_parse_hex(const char *text, uint64_t *value, const char **end)
{
    uint64_t v = 0;
    const char *p = text;
    while (hex_digit((unsigned char)*p) >= 0) {
        if (v >> 60)
            return false;
        v = v << 4 | (uint64_t)hex_digit((unsigned char)*p++);
    }
    *value = v;
    *end = p;
    return p != text;
}
