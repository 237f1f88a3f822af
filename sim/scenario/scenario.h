/* sim/scenario: scenarios (docs/scenarios.md). A scenario is a folder with its
 * XM_CF, its partitions' sources (built by the normal build) and one
 * script, `scenario.hvsim`: what to load, what to run, what to inject and
 * what to expect. This header is the script's parsed form and the steps
 * shared by the parser, the runner and the expectations. */
#ifndef SIM_SCENARIO_H
#define SIM_SCENARIO_H

#include "sim/trace/trace.h"
#include <hvcore/board.h>
#include <hvcore/hv.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <xm/hm.h>

#define SCN_SCRIPT_NAME "scenario.hvsim"

enum scn_op {
    SCN_CONFIG,         /* text = XM_CF path */
    SCN_IMAGE,          /* who, text = ELF path */
    SCN_COST,           /* text = NAME=CYCLES[,...] */
    SCN_BOARD,          /* text = board name */
    SCN_SKIP,           /* who = engine ("qemu"), text = why the scenario cannot run there */
    SCN_RUN_MAFS,       /* n1 = major frames to start */
    SCN_RUN_UNTIL,      /* n1 = absolute time, µs */
    SCN_RUN_FOR,        /* n1 = duration, µs */
    SCN_RUN_SLOT,       /* n1 = slot index; has_n2: n2 = major frame */
    SCN_INJECT_TRAP,    /* who, n1 = SPARC trap type */
    SCN_INJECT_IRQ,     /* n1 = IRQMP line */
    SCN_INJECT_UART,    /* text = bytes; n1 = 2: UART2's receiver, else the console UART's */
    SCN_INJECT_PLAN,    /* n1 = plan */
    SCN_EXPECT_CONSOLE, /* who ("all": every writer), match, text */
    SCN_EXPECT_HM,      /* who, n1 = action; has_n2: count n2; window maf_from..maf_to;
                           has_event: only that event */
    SCN_EXPECT_STATE,   /* who, n1 = hv_partition_state */
    SCN_EXPECT_PORTS,   /* who, n1 = kind (PORT_WRITE / PORT_READ / VIRQ_DELIVER), n2 = count */
    SCN_EXPECT_HASH,    /* n1 = hash; text = as written (for --update) */
    SCN_EXPECT_PLAN,    /* n1 = plan; has_n2: n2 = µs at which it took over */
    SCN_EXPECT_STDERR,  /* match, text: what hvsim run prints on stderr (notices, reports) */
};

/* SCN_SAME: a file another scenario records (--update leaves it alone). */
enum scn_match { SCN_EXACT, SCN_FILE, SCN_CONTAINS, SCN_REGEX, SCN_SAME };

struct scn_command {
    enum scn_op op;
    int line;
    char who[HV_NAME_MAX]; /* partition name or id as written */
    char *text;
    size_t text_length;
    uint64_t n1, n2;
    bool has_n2;
    enum scn_match match;
    bool has_window;
    uint64_t maf_from, maf_to;
    bool has_event;
    uint32_t event; /* XM_HM_EV_* */
};

struct scn_script {
    char *path; /* the script file */
    char *dir;  /* its folder: relative paths in the script start there */
    struct scn_command *commands;
    size_t count;
};

/* Parse path; ${BUILD} is build_dir, ${SPARC} its sparc/ folder, ${SCENARIO}
 * the script's folder. Every error is one line "path:line: message" on
 * diag; false if there was any. */
bool scn_parse(const char *path, const char *build_dir, struct scn_script *script, FILE *diag);
/* The same from a stream opened on path (NULL: fopen failed, errno says
 * why), which it closes: a script held in memory (fmemopen). */
bool scn_parse_stream(const char *path, FILE *file, const char *build_dir,
                      struct scn_script *script, FILE *diag);
void scn_script_free(struct scn_script *script);

/* Check a parsed script whole against its configuration (NULL when it did
 * not load: what needs it is left out) before anything runs: the
 * partitions, plans, slots, board and costs it names, the files it reads
 * (not one that --update will write), runs that would stop in the past.
 * board: the one the configuration chooses (NULL: xm-leon3). Every
 * problem is "path:line: message" on diag; false if there was any. */
bool scn_check(const struct scn_script *script, const struct hv_config *config,
               const struct hv_board *board, bool update, FILE *diag);

/* What expectations look at: the trace so far, the configuration's
 * partition names, the partitions' states. */
struct scn_view {
    const struct sim_trace *trace;
    const struct hv_config *config;
    const struct hv *hv; /* NULL: no state (unit tests) */
    const char *script_path;
    bool update;     /* rewrite recorded hashes and console files */
    bool times_vary; /* the qemu engine: console times masked, no hash (docs/scenarios.md) */
    /* What `hvsim run` would have printed on stderr for a run ending here
     * (notices, fault reports); NULL: not known (unit tests). */
    const char *stderr_text;
    size_t stderr_length;
};

/* Check one expectation; on failure write the readable lines to report
 * (starting "path:line: ") and return false. */
bool scn_expect(const struct scn_view *view, const struct scn_command *command, FILE *report);

/* A partition named by `who` (name or decimal id): its id, or -1 ("XM" is
 * the hypervisor, -1 too) ; -2 when no partition has that name. */
int32_t scn_partition(const struct hv_config *config, const char *who);

/* "path:line: message" on out; returns false, for failures. */
__attribute__((format(printf, 4, 5))) bool scn_report(const char *path, int line, FILE *out,
                                                      const char *format, ...);

/* XM_HM_AC_* without the prefix ("HALT"), "?" beyond the table. */
const char *scn_action_name(uint32_t action);

/* Rewrite line `line` of the script's `expect hash` with the new value. */
bool scn_update_hash(const char *script_path, int line, uint64_t hash, FILE *diag);

#endif
