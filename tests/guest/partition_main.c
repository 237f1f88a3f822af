/* The partition side of a host-checked guest program (guest_test.h). */
#include "guest_test.h"

void PartitionMain(void);

void PartitionMain(void)
{
    (void)guest_test_run(); /* the output says it all */
}
