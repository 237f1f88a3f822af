/* sim/xef: writing whole files for the tools (reading: sim_image_read_file). */
#include "sim/xef/xef_tool.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

enum sim_error sim_xef_write_file(const char *path, const uint8_t *bytes, size_t size, FILE *diag)
{
    FILE *f = fopen(path, "wb");
    if (f == NULL) {
        fprintf(diag, "%s: cannot create: %s\n", path, strerror(errno));
        return SIM_ERR_IO;
    }
    bool ok = fwrite(bytes, 1, size, f) == size;
    ok = (fclose(f) == 0) && ok;
    if (!ok) {
        fprintf(diag, "%s: cannot write: %s\n", path, strerror(errno));
        return SIM_ERR_IO;
    }
    return SIM_OK;
}
