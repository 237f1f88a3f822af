/* xal: the partition image header xmeformat copies into a XEF (reference
 * §4.1). Linked in only when the partition defines no xmImageHdr of its own
 * (add_partition passes --undefined=xmImageHdr): a partition that declares
 * custom files writes its own, see docs/xef.md. */
#include <xm.h>

struct xmImageHdr xmImageHdr __XMIHDR = {
    .sSignature = XMEF_PARTITION_MAGIC,
    .compilationXmAbiVersion = XM_ABI_VERSION,
    .compilationXmApiVersion = XM_API_VERSION,
    .noCustomFiles = 0,
    .eSignature = XMEF_PARTITION_MAGIC,
};
