#include "sim/common/sim_error.h"

const char *sim_strerror(enum sim_error error)
{
    switch (error) {
    case SIM_OK:
        return "no error";
    case SIM_ERR_IO:
        return "input/output error";
    case SIM_ERR_CONFIG:
        return "invalid configuration";
    case SIM_ERR_IMAGE:
        return "invalid partition image";
    case SIM_ERR_USAGE:
        return "invalid command line";
    case SIM_ERR_CPU:
        return "the CPU engine failed";
    case SIM_ERR_NO_MEMORY:
        return "out of memory";
    }
    return "unknown error";
}
