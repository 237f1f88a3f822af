/* sim/common: the files a user names on the command line or in a script,
 * read and written one way (issue 11). An input never hangs and never
 * eats memory: a directory is refused, a FIFO without a writer reads as
 * empty, and a whole-file read stops past its limit (/dev/zero, a file too
 * large for what it feeds). An output's write errors (/dev/full, a full
 * disk) are found when it is closed. Each problem is one line on diag,
 * `path: what: reason`, the reason strerror's (diag NULL: silently). */
#ifndef SIM_COMMON_FILES_H
#define SIM_COMMON_FILES_H

#include "sim/common/sim_error.h"
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* The limits (docs/simulator.md). A partition image may be its
 * partition's memory plus SIM_FILE_IMAGE_EXTRA (ELF headers, symbols and
 * debug information, which the fault report reads). */
#define SIM_FILE_CONFIG_MAX (64u << 20)     /* an XM_CF file */
#define SIM_FILE_SCRIPT_MAX (16u << 20)     /* a scenario script, a console expectation */
#define SIM_FILE_UART_INPUT_MAX (16u << 20) /* --uart-in, --uart2-in */
#define SIM_FILE_IMAGE_EXTRA (16u << 20)
#define SIM_FILE_MAX (64u << 20) /* containers, XEF files, images without a partition */

/* path opened for reading ("rb"), or NULL after saying why:
 * `path: cannot open: reason` (a directory: "Is a directory"). */
FILE *sim_file_open_input(const char *path, FILE *diag);

/* The whole of path in a malloc'd buffer with a NUL after its *size
 * bytes. More than limit bytes: refused, `path: more than N bytes: too
 * large for WHAT`. */
enum sim_error sim_file_read_all(const char *path, size_t limit, const char *what, FILE *diag,
                                 uint8_t **bytes, size_t *size);

/* sim_file_read_all, then a stream over the bytes (rewind reads them
 * again); *bytes is the caller's to free after closing it. */
FILE *sim_file_read_to_stream(const char *path, size_t limit, const char *what, FILE *diag,
                              uint8_t **bytes);

/* path created for writing (mode "w" or "wb"), or NULL after saying why:
 * `path: cannot create: reason`. */
FILE *sim_file_open_output(const char *path, const char *mode, FILE *diag);

/* Close an output: false after `path: cannot write: reason` when a write
 * or the close failed. */
bool sim_file_close_output(FILE *file, const char *path, FILE *diag);

/* The same for standard output (flushed, not closed). */
bool sim_file_flush_output(FILE *file, const char *path, FILE *diag);

#endif
