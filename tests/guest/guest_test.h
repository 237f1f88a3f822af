/* Guest programs whose expected output the host computes: each program is
 * portable C (no SPARC, no XtratuM) defining guest_test_run(), which prints
 * its results with printf and returns how many of its own consistency
 * checks failed (independent of the platform: a closed form, a second
 * algorithm). partition_main.c runs it in a partition; host_main.c runs the
 * same source on the host at test time, where a failed check fails the
 * test, and the test compares both outputs (tests/scenarios/guest.cmake). Only int, unsigned
 * and long long: long is 32 bits on SPARC and 64 on the host. */
#ifndef GUEST_TEST_H
#define GUEST_TEST_H

int guest_test_run(void);

#endif
