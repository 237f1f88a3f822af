/* xef_loaded: partition 1 of xef_loader.xml. Its container holds the stub
 * build (XEF_STUB), which never runs: the partition is not a boot one, and
 * xef_loader writes the real build over it before starting it. */
#include <stdio.h>
#include <xm.h>

void PartitionMain(void);

void PartitionMain(void)
{
#ifdef XEF_STUB
    printf("Loaded: the stub ran, not the image the loader wrote\n");
#else
    printf("Loaded: started from the image partition 0 wrote\n");
#endif
}
