/* A trace file that reaches into the simulator: the layout check must refuse it. */
#include "sim/machine.h"
