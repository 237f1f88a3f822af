/* sim/gdb: the remote serial protocol's packet layer against a peer that
 * sends good, corrupted, overlong and escaped packets and Ctrl-C. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cmocka.h>

#include "sim/gdb/rsp.h"

struct pair {
    struct rsp rsp;
    int peer;
};

static struct pair open_pair(void)
{
    int fds[2];
    assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, fds), 0);
    struct pair p;
    rsp_init(&p.rsp, fds[0]);
    p.peer = fds[1];
    return p;
}

static void close_pair(struct pair *p)
{
    close(p->rsp.fd);
    if (p->peer >= 0)
        close(p->peer);
}

static void peer_says(struct pair *p, const char *bytes, size_t length)
{
    assert_int_equal(write(p->peer, bytes, length), (ssize_t)length);
}

static char peer_hears(struct pair *p)
{
    char c = 0;
    assert_int_equal(read(p->peer, &c, 1), 1);
    return c;
}

static void test_packet_acked(void **state)
{
    (void)state;
    struct pair p = open_pair();
    peer_says(&p, "+$m40000000,4#51", 16);
    assert_int_equal(rsp_wait(&p.rsp), RSP_PACKET);
    assert_string_equal(p.rsp.packet, "m40000000,4");
    assert_int_equal(peer_hears(&p), '+');
    close_pair(&p);
}

static void test_bad_checksum_nacked(void **state)
{
    (void)state;
    struct pair p = open_pair();
    peer_says(&p, "$g#00$g#67", 10);
    assert_int_equal(rsp_wait(&p.rsp), RSP_BAD_PACKET);
    assert_int_equal(peer_hears(&p), '-');
    assert_int_equal(rsp_wait(&p.rsp), RSP_PACKET); /* the resend */
    assert_string_equal(p.rsp.packet, "g");
    peer_says(&p, "$g#zz", 5); /* not even hex */
    assert_int_equal(rsp_wait(&p.rsp), RSP_BAD_PACKET);
    close_pair(&p);
}

static void test_too_long_dropped(void **state)
{
    (void)state;
    struct pair p = open_pair();
    p.rsp.no_ack = true;
    static char big[RSP_MAX_PACKET + 100];
    uint8_t sum = 0;
    big[0] = '$';
    for (size_t i = 1; i < RSP_MAX_PACKET + 50; i++) {
        big[i] = 'a';
        sum = (uint8_t)(sum + 'a');
    }
    size_t n = RSP_MAX_PACKET + 50;
    n += (size_t)snprintf(big + n, sizeof big - n, "#%02x", sum);
    peer_says(&p, big, n);
    peer_says(&p, "$?#3f", 5);
    assert_int_equal(rsp_wait(&p.rsp), RSP_TOO_LONG);
    assert_int_equal(rsp_wait(&p.rsp), RSP_PACKET);
    assert_string_equal(p.rsp.packet, "?");
    close_pair(&p);
}

static void test_escapes_interrupt_and_close(void **state)
{
    (void)state;
    struct pair p = open_pair();
    p.rsp.no_ack = true;
    /* "a#" with the # escaped: } then 0x03 (0x23 ^ 0x20) */
    const char packet[] = "$a}\x03#e1";
    peer_says(&p, "\x03", 1);
    peer_says(&p, packet, sizeof packet - 1);
    assert_int_equal(rsp_poll(&p.rsp), RSP_INTERRUPT);
    assert_int_equal(rsp_wait(&p.rsp), RSP_PACKET);
    assert_int_equal(p.rsp.packet[0], 'a');
    assert_int_equal(p.rsp.packet[1], '#');
    assert_int_equal(rsp_poll(&p.rsp), RSP_NOTHING);
    close(p.peer);
    p.peer = -1;
    assert_int_equal(rsp_wait(&p.rsp), RSP_CLOSED);
    close_pair(&p);
}

static void test_send_escapes_and_sums(void **state)
{
    (void)state;
    struct pair p = open_pair();
    p.rsp.no_ack = true;
    assert_true(rsp_send(&p.rsp, "a#b", 3));
    char out[16] = {0};
    assert_int_equal(read(p.peer, out, sizeof out - 1), 8);
    /* 'a' + '}' + ('#' ^ 0x20) + 'b' = 0x61 + 0x7d + 0x03 + 0x62 */
    assert_string_equal(out, "$a}\x03"
                             "b#43");
    close_pair(&p);
}

static void test_hex_helpers(void **state)
{
    (void)state;
    uint8_t bytes[4];
    assert_int_equal(rsp_hex_decode(bytes, 4, "deadBEEF", 8), 4);
    assert_int_equal(bytes[0], 0xde);
    assert_int_equal(rsp_hex_decode(bytes, 4, "dead0", 5), -1);    /* odd */
    assert_int_equal(rsp_hex_decode(bytes, 4, "xx", 2), -1);       /* not hex */
    assert_int_equal(rsp_hex_decode(bytes, 2, "00112233", 8), -1); /* too long */
    uint64_t v;
    const char *end;
    assert_true(rsp_parse_hex("40001000,4", &v, &end));
    assert_int_equal(v, 0x40001000u);
    assert_int_equal(*end, ',');
    assert_false(rsp_parse_hex(",4", &v, &end));
    assert_false(rsp_parse_hex("11112222333344445", &v, &end)); /* past 64 bits */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_packet_acked),
        cmocka_unit_test(test_bad_checksum_nacked),
        cmocka_unit_test(test_too_long_dropped),
        cmocka_unit_test(test_escapes_interrupt_and_close),
        cmocka_unit_test(test_send_escapes_and_sums),
        cmocka_unit_test(test_hex_helpers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
