/* The host side of a host-checked guest program (guest_test.h): prints
 * what the partition must print. */
#include "guest_test.h"

int main(void)
{
    return guest_test_run() == 0 ? 0 : 1;
}
