/* sim/xef: the host tools over xef/ (docs/xef.md): hvsim xef build / check /
 * info (XM-Q's xmeformat) and hvsim pack build / list (xmpack). Every
 * problem is one line "path: message" on diag and a SIM_ERR_* result. */
#ifndef SIM_XEF_XEF_TOOL_H
#define SIM_XEF_XEF_TOOL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "sim/common/sim_error.h"

struct sim_xef_build_options {
    bool compress;            /* -c */
    bool custom_file;         /* -m: a raw file, not an ELF */
    const char *payload_path; /* -p: its first 16 bytes are the payload */
    const char *output;       /* -o, default "a.out" as xmeformat */
};

/* xmeformat build: prints "DIGEST OUTPUT" on out (and the payload in hex). */
enum sim_error sim_xef_build(const char *input, const struct sim_xef_build_options *options,
                             FILE *out, FILE *diag);
/* Verifies a XEF file; prints "PATH: ok (...)" on out. */
enum sim_error sim_xef_check(const char *path, FILE *out, FILE *diag);
/* Header, segments, custom files and payload (hex and text) on out. */
enum sim_error sim_xef_info(const char *path, FILE *out, FILE *diag);

/* One partition of a container: its id, image and custom files. */
struct sim_pack_part {
    int32_t id; /* -1: the hypervisor (-h) */
    const char *image;
    const char *custom_files[3];
    uint32_t custom_file_count;
};

/* xmpack build: parts[0] is the hypervisor; its custom file 0, when given,
 * is the XM_CF (as a custom-file XEF) every partition image and custom file
 * is checked against. */
enum sim_error sim_pack_build(const struct sim_pack_part *parts, uint32_t count, const char *output,
                              FILE *out, FILE *diag);
/* xmpack list: the container's partitions and files, checked; with
 * check_files, every file is verified as a XEF too. */
enum sim_error sim_pack_list(const char *path, bool check_files, FILE *out, FILE *diag);

enum sim_error sim_xef_write_file(const char *path, const uint8_t *bytes, size_t size, FILE *diag);

#endif
