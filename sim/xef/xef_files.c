/* sim/xef: writing whole files for the tools (reading: sim_image_read_file). */
#include "sim/common/files.h"
#include "sim/xef/xef_tool.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

enum sim_error sim_xef_write_file(const char *path, const uint8_t *bytes, size_t size, FILE *diag)
{
    FILE *f = sim_file_open_output(path, "wb", diag);
    if (f == NULL)
        return SIM_ERR_IO;
    fwrite(bytes, 1, size, f); /* a short write sets the error sim_file_close_output reports */
    return sim_file_close_output(f, path, diag) ? SIM_OK : SIM_ERR_IO;
}
