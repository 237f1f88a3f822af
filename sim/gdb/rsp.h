/* sim/gdb: GDB's remote serial protocol, the packet layer: `$data#cs`
 * framing, checksums, acknowledgements (and QStartNoAckMode), escapes,
 * Ctrl-C. Over one connected socket; no threads: reads block, or poll
 * without waiting. Nothing a peer sends can overflow it or make it crash:
 * an overlong or malformed packet is reported and skipped. */
#ifndef SIM_GDB_RSP_H
#define SIM_GDB_RSP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The largest packet we take or send (announced as PacketSize). */
#define RSP_MAX_PACKET 4096u

enum rsp_event {
    RSP_PACKET,     /* a whole packet with a good checksum: rsp->packet */
    RSP_INTERRUPT,  /* Ctrl-C (0x03) outside a packet */
    RSP_TOO_LONG,   /* a packet longer than RSP_MAX_PACKET (acknowledged, dropped) */
    RSP_BAD_PACKET, /* a checksum mismatch ('-' sent, the peer resends) */
    RSP_CLOSED,     /* the peer went away, or a read failed */
    RSP_NOTHING,    /* rsp_poll: nothing there yet */
};

struct rsp {
    int fd;
    bool no_ack;
    /* Bytes read but not consumed yet. */
    uint8_t in[RSP_MAX_PACKET];
    size_t in_start, in_end;
    /* The packet being assembled, and the last complete one. */
    char packet[RSP_MAX_PACKET + 1];
    size_t length;
    bool overflow;
    int state; /* parser state (rsp.c) */
    uint8_t sum, sent_sum;
};

void rsp_init(struct rsp *rsp, int fd);

/* Wait for the next event. */
enum rsp_event rsp_wait(struct rsp *rsp);
/* The next event if bytes are there, RSP_NOTHING otherwise. */
enum rsp_event rsp_poll(struct rsp *rsp);

/* Send a packet (escaped, with its checksum); with acks on, wait for '+'
 * and resend on '-' (a few times). False when the peer went away. */
bool rsp_send(struct rsp *rsp, const char *data, size_t length);
bool rsp_send_str(struct rsp *rsp, const char *text);

/* Hex helpers for the packets' payloads. */
void rsp_hex_encode(char *out, const void *data, size_t length); /* 2*length + NUL */
/* Decode up to max bytes of hex; the count, or -1 on a bad digit or odd length. */
long rsp_hex_decode(void *out, size_t max, const char *hex, size_t hex_length);
/* A hex number up to a delimiter; *end after it. False without digits or
 * past 64 bits. */
bool rsp_parse_hex(const char *text, uint64_t *value, const char **end);

#endif
