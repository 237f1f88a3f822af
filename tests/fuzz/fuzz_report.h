/* tests/fuzz: what every loader's fuzz target checks of the messages of
 * one input: bad input is reported, never silently refused, and every line
 * names the input the way the loader was told to ("NAME:LINE: message" or
 * "NAME: message"), so a user can find the fault. A breach aborts: libFuzzer
 * keeps the input as a crash. */
#ifndef FUZZ_REPORT_H
#define FUZZ_REPORT_H

#include <stdbool.h>
#include <stdio.h>

/* A stream collecting one input's messages. */
struct fuzz_report {
    FILE *stream;
    char *text;
    size_t size;
};

bool fuzz_report_open(struct fuzz_report *r);
/* Closes the stream and checks its lines: each starts with `name` and ':';
 * `failed`: the input was refused, so there is at least one line. */
void fuzz_report_check(struct fuzz_report *r, const char *name, bool failed);

#endif
