/* xef_loader: a system partition that loads others with libxm's XEF calls
 * (tests/scenarios/xef.cmake, xef_loader.xml). Its container gives it two
 * custom files, placed by the loader where this image header says:
 *   slot 0: a compressed custom-file XEF (a message, with a payload),
 *   slot 1: partition 1's image as a compressed XEF.
 * It unpacks the message with XEF_load_custom_file, shows that a corrupted
 * copy is refused, loads partition 1 into that partition's memory with
 * XEF_load_file through XM_memory_copy, and starts it with
 * XM_reset_partition. */
#include <stdio.h>
#include <string.h>
#include <xef.h>
#include <xm.h>

#define LOADED 1

void PartitionMain(void);

static xm_u8_t message_xef[8192] XAL_NOINIT;
static xm_u8_t loaded_xef[32768] XAL_NOINIT;
static xm_u8_t scratch[8192];
static char message[256];

struct xmImageHdr xmImageHdr __XMIHDR = {
    .sSignature = XMEF_PARTITION_MAGIC,
    .compilationXmAbiVersion = XM_ABI_VERSION,
    .compilationXmApiVersion = XM_API_VERSION,
    .noCustomFiles = 2,
    .customFileTab = {{.sAddr = (xmAddress_t)message_xef, .size = sizeof message_xef},
                      {.sAddr = (xmAddress_t)loaded_xef, .size = sizeof loaded_xef}},
    .eSignature = XMEF_PARTITION_MAGIC,
};

static void *copy_here(void *dest, const void *src, unsigned long n)
{
    return memcpy(dest, src, n);
}

/* Into partition 1's memory, which this partition cannot map. */
static void *copy_to_loaded(void *dest, const void *src, unsigned long n)
{
    XM_memory_copy(LOADED, (xm_u32_t)dest, XM_PARTITION_SELF, (xm_u32_t)src, n);
    return dest;
}

static void unpack_message(void)
{
    struct xefOps ops = {.Read = copy_here, .Write = copy_here};
    struct xefFile file;
    struct xefCustomFile into = {.sAddr = (xmAddress_t)message, .size = sizeof message - 1};
    xm_s32_t parsed = XEF_parse_file(message_xef, &file, &ops);
    printf("Loader: message XEF parsed: %d, %d segment, compressed: %s\n", parsed,
           file.hdr->noSegments, (file.hdr->flags & XEF_COMPRESSED) ? "yes" : "no");
    printf("Loader: payload \"%.16s\"\n", (const char *)file.hdr->payload);
    void *at = XEF_load_custom_file(&file, &into);
    printf("Loader: unpacked %s: %s", at == message ? "here" : "elsewhere", message);
    struct xefCustomFile too_small = {.sAddr = (xmAddress_t)scratch, .size = 8};
    printf("Loader: into 8 bytes: %s\n",
           XEF_load_custom_file(&file, &too_small) == NULL ? "refused" : "loaded");
}

static void refuse_corrupted(void)
{
    struct xefOps ops = {.Read = copy_here, .Write = copy_here};
    struct xefFile file;
    memcpy(scratch, message_xef, sizeof scratch);
    scratch[100] ^= 0x20;
    printf("Loader: corrupted copy parsed: %d\n", XEF_parse_file(scratch, &file, &ops));
    scratch[100] ^= 0x20;
    scratch[0] = 'X';
    printf("Loader: bad signature parsed: %d\n", XEF_parse_file(scratch, &file, &ops));
}

static void load_partition(void)
{
    struct xefOps ops = {.Read = copy_here, .Write = copy_to_loaded};
    struct xefFile file;
    xm_s32_t parsed = XEF_parse_file(loaded_xef, &file, &ops);
    struct xmImageHdr *header = XEF_load_file(&file);
    printf("Loader: partition 1 parsed: %d, loaded: %s, entry 0x%x\n", parsed,
           header != NULL ? "yes" : "no", (unsigned)file.hdr->entryPoint);
    printf("Loader: reset partition 1: %d\n",
           XM_reset_partition(LOADED, file.hdr->entryPoint, XM_COLD_RESET, 0));
}

void PartitionMain(void)
{
    unpack_message();
    refuse_corrupted();
    load_partition();
}
