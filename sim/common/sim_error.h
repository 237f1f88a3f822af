/* sim/common: the simulator's error codes. User-facing problems (bad configs,
 * images, scripts) are reported as one line `file[:line]: message` where they
 * are found; these codes say what kind of failure reached the caller. */
#ifndef SIM_ERROR_H
#define SIM_ERROR_H

enum sim_error {
    SIM_OK = 0,
    SIM_ERR_IO,     /* a file could not be read or written */
    SIM_ERR_CONFIG, /* the XM_CF file is invalid */
    SIM_ERR_IMAGE,  /* a partition image is invalid */
    SIM_ERR_USAGE,  /* the command line is invalid */
    SIM_ERR_CPU,    /* the vCPU layer failed */
    SIM_ERR_NO_MEMORY,
};

const char *sim_strerror(enum sim_error error);

#endif
