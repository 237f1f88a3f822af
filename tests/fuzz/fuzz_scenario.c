/* libFuzzer target: the scenario script parser (sim/scenario/scenario_parse.c)
 * on a script held in memory, parse only: nothing is loaded or run. Its
 * messages must name the script (fuzz_report.h). */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "fuzz_report.h"
#include "sim/scenario/scenario.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define NAME "fuzz/scenario.hvsim"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct scn_script script;
    struct fuzz_report report;
    /* fmemopen refuses a size of 0 */
    FILE *file = size ? fmemopen((void *)data, size, "r") : fopen("/dev/null", "r");
    if (file == NULL || !fuzz_report_open(&report)) {
        if (file != NULL)
            fclose(file);
        return 0;
    }
    bool parsed = scn_parse_stream(NAME, file, "build", &script, report.stream);
    fuzz_report_check(&report, NAME, !parsed);
    scn_script_free(&script);
    return 0;
}
