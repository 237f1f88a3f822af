/* sim/scenario: running one scenario script (sim/scenario/scenario_run.c). */
#ifndef SIM_SCENARIO_RUN_H
#define SIM_SCENARIO_RUN_H

#include "sim/scenario/scenario.h"

#include "sim/config/config_load.h"
#include "sim/machine.h"

/* SCN_SKIPPED: the engine cannot carry the scenario out; the reason is
 * one line "cannot run on qemu: WHY" on out. */
enum scn_status { SCN_PASSED, SCN_FAILED, SCN_ERROR, SCN_SKIPPED };

/* The simulator, or the LEON3 image under QEMU (sim/engine, docs/leon3.md). */
enum scn_engine { SCN_ENGINE_SIM, SCN_ENGINE_QEMU };

struct scn_counts {
    unsigned passed, failed; /* expectations */
};

/* Run the script at path; failures and errors as "path:line: ..." lines
 * on out. update: rewrite recorded hashes and expected console files. */
enum scn_status scn_run_script(const char *path, const char *build_dir, enum scn_engine engine,
                               bool update, struct scn_counts *counts, FILE *out);

/* The script's setup: its configuration, its images (and, in options, its
 * board and costs); problems as "path:line: ..." on out. */
struct scn_setup {
    const char *config_path;
    struct sim_image_ref images[HV_MAX_PARTITIONS];
    uint32_t image_count;
};
enum sim_error scn_load_setup(const struct scn_script *s, struct sim_config **config,
                              struct sim_options *options, struct scn_setup *setup, FILE *out);
bool scn_is_setup(const struct scn_command *c);
bool scn_is_expectation(const struct scn_command *c);

#endif
