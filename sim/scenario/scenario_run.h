/* sim/scenario: running one scenario script (sim/scenario/scenario_run.c). */
#ifndef SIM_SCENARIO_RUN_H
#define SIM_SCENARIO_RUN_H

#include "sim/scenario/scenario.h"

enum scn_status { SCN_PASSED, SCN_FAILED, SCN_ERROR };

struct scn_counts {
    unsigned passed, failed; /* expectations */
};

/* Run the script at path; failures and errors as "path:line: ..." lines
 * on out. update: rewrite recorded hashes and expected console files. */
enum scn_status scn_run_script(const char *path, const char *build_dir, bool update,
                               struct scn_counts *counts, FILE *out);

#endif
