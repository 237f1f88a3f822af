/* devices/: error strings. */
#include "devices/device.h"

const char *dev_strerror(enum dev_error error)
{
    switch (error) {
    case DEV_OK:
        return "no error";
    case DEV_ERR_UNMAPPED:
        return "no device at this address";
    case DEV_ERR_BAD_OFFSET:
        return "no register at this offset";
    case DEV_ERR_BAD_WIDTH:
        return "device registers take aligned 32-bit accesses only";
    case DEV_ERR_READ_ONLY:
        return "write to a read-only register";
    case DEV_ERR_OVERLAP:
        return "device address ranges overlap";
    case DEV_ERR_BUS_FULL:
        return "too many devices on the bus";
    }
    return "unknown device error";
}
