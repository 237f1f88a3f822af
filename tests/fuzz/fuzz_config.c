/* libFuzzer target: the XM_CF loader (sim/config) on a file held in memory,
 * every pass: libxml2's parse, the schema, the walk, the semantic checks,
 * the build of struct hv_config; then, for a configuration it accepts, what
 * the commands do next with it: the board checks (hvsim run --engine qemu)
 * and its print as C (the LEON3 image's). Its messages must name the file
 * (fuzz_report.h). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "fuzz_report.h"
#include "sim/config/board_check.h"
#include "sim/config/config_load.h"
#include "sim/config/emit_c.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define NAME "fuzz.xml"

static void use_config(const struct sim_config *config, FILE *sink)
{
    struct fuzz_report report;
    if (!fuzz_report_open(&report))
        return;
    enum sim_error error =
        sim_config_check_board(config, NAME, &hv_board_qemu_leon3, report.stream);
    fuzz_report_check(&report, NAME, error != SIM_OK);
    sim_config_emit_c(sim_config_hv(config), "fuzz", sink);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static FILE *sink;
    struct fuzz_report report;
    struct sim_config *config = NULL;
    if (sink == NULL)
        sink = fopen("/dev/null", "w");
    if (sink == NULL || !fuzz_report_open(&report))
        return 0;
    enum sim_error error =
        sim_config_load_memory(NAME, (const char *)data, size, report.stream, &config);
    fuzz_report_check(&report, NAME, error != SIM_OK);
    if (config != NULL)
        use_config(config, sink);
    sim_config_free(config);
    return 0;
}
