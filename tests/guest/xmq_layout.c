/* xmq_layout: the PCT, its memory-area table and the status answers at the
 * byte offsets of XM-Q 1.0.8 on LEON3 with its MMU, as XtratuM's own libxm
 * reads them. The offsets below are worked out by hand from XM-Q's struct
 * declarations (4-byte fields, 8-byte alignment of 64-bit ones), on purpose
 * not taken from hvsim's headers. Runs under one_partition.xml: partition 0
 * "Guest", flags "boot system", one area of 1 MB at 0x40100000, one slot
 * (id 0) of 1 s. */
#include <stdio.h>
#include <xm.h>

void PartitionMain(void);

/* partitionControlTable_t */
#define PCT_MAGIC 0
#define PCT_XM_VERSION 4
#define PCT_ABI_VERSION 8
#define PCT_API_VERSION 12
#define PCT_ID 28
#define PCT_FLAGS 32
#define PCT_IMG_START 36
#define PCT_NO_AREAS 44
#define PCT_NAME 52
#define PCT_IFLAGS 68
#define PCT_ARCH_TBR 88
#define PCT_ARCH_FSR 92
#define PCT_ARCH_FAR 96
#define PCT_SCHED_SLOT_ID 104
#define PCT_SCHED_DURATION 108
#define PCT_TRAP2VECTOR 112
#define PCT_HWIRQ2VECTOR 152
#define PCT_EXTIRQ2VECTOR 184
#define PCT_BYTES 248
/* struct xmPhysicalMemMap (24 bytes each), right after the PCT */
#define AREA_START 16
#define AREA_SIZE 24
/* xmPartitionStatus_t with CONFIG_NO_VCPUS = 2 */
#define PST_STATE1 4
#define PST_RESET_COUNTER 16
#define PST_EXEC_CLOCK0 24
#define PST_EXEC_CLOCK1 32
#define PST_BYTES 200
#define SST_BYTES 192

static int failures;

static xm_u32_t be32(const xm_u8_t *bytes, int offset)
{
    const xm_u8_t *b = bytes + offset;
    return (xm_u32_t)b[0] << 24 | (xm_u32_t)b[1] << 16 | (xm_u32_t)b[2] << 8 | b[3];
}

static xm_u32_t be16(const xm_u8_t *bytes, int offset)
{
    return (xm_u32_t)bytes[offset] << 8 | bytes[offset + 1];
}

static void expect(const char *what, xm_u32_t got, xm_u32_t want)
{
    if (got == want)
        return;
    printf("%s: got 0x%x, want 0x%x\n", what, (unsigned)got, (unsigned)want);
    failures++;
}

static char vectors[4096] __attribute__((aligned(4096)));

static void check_pct(const xm_u8_t *pct)
{
    expect("magic", be32(pct, PCT_MAGIC), 0xa5a55a5a);
    expect("xmVersion", be32(pct, PCT_XM_VERSION), 0x010008);
    expect("xmAbiVersion", be32(pct, PCT_ABI_VERSION), 0x010000);
    expect("xmApiVersion", be32(pct, PCT_API_VERSION), 0x010001);
    expect("id", be32(pct, PCT_ID), 0);
    expect("flags: system (bit 0), ready (bit 4)", be32(pct, PCT_FLAGS) & 0x11, 0x11);
    expect("imgStart", be32(pct, PCT_IMG_START), 0x40100000);
    expect("noPhysicalMemAreas", be32(pct, PCT_NO_AREAS), 1);
    expect("name", be32(pct, PCT_NAME), 0x47756573); /* "Gues" */
    expect("iFlags: ET, PIL 15", be32(pct, PCT_IFLAGS), 0xf20);
    XM_sparc_write_tbr((xmWord_t)vectors);
    expect("arch.tbr", be32(pct, PCT_ARCH_TBR), (xm_u32_t)vectors);
    expect("arch.faultStatusReg", be32(pct, PCT_ARCH_FSR), 0);
    expect("arch.faultAddressReg", be32(pct, PCT_ARCH_FAR), 0);
    expect("schedInfo.id", be32(pct, PCT_SCHED_SLOT_ID), 0);
    expect("schedInfo.slotDuration", be32(pct, PCT_SCHED_DURATION), 1000000);
    expect("trap2Vector[0]", be16(pct, PCT_TRAP2VECTOR), 0x2b);
    expect("hwIrq2Vector[1]", be16(pct, PCT_HWIRQ2VECTOR + 2), 0x11);
    expect("extIrq2Vector[0]", be16(pct, PCT_EXTIRQ2VECTOR), 0xe0);
    expect("area 0 startAddr", be32(pct, PCT_BYTES + AREA_START), 0x40100000);
    expect("area 0 size", be32(pct, PCT_BYTES + AREA_SIZE), 0x100000);
}

/* The hypervisor writes exactly the struct: the byte after it keeps its fill. */
static void check_partition_status(void)
{
    static xm_u8_t answer[PST_BYTES + 8];
    for (unsigned i = 0; i < sizeof answer; i++)
        answer[i] = 0xee;
    expect("XM_get_partition_status", (xm_u32_t)XM_get_partition_status(0, (void *)answer), 0);
    expect("state[0] ready", be32(answer, 0), 1);
    expect("state[1] halted", be32(answer, PST_STATE1), 3);
    expect("resetCounter", be32(answer, PST_RESET_COUNTER), 0);
    expect("execClock[0] > 0", be32(answer, PST_EXEC_CLOCK0 + 4) != 0, 1);
    expect("execClock[1]", be32(answer, PST_EXEC_CLOCK1 + 4), 0);
    expect("last status byte written", answer[PST_BYTES - 1], 0);
    expect("byte after the status", answer[PST_BYTES], 0xee);
}

static void check_system_status(void)
{
    static xm_u8_t answer[PST_BYTES];
    for (unsigned i = 0; i < sizeof answer; i++)
        answer[i] = 0xee;
    expect("XM_get_system_status", (xm_u32_t)XM_get_system_status((void *)answer), 0);
    expect("last system status byte written", answer[SST_BYTES - 1], 0);
    expect("byte after the system status", answer[SST_BYTES], 0xee);
}

void PartitionMain(void)
{
    check_pct((const xm_u8_t *)XM_params_get_PCT());
    expect("libxm's memory map follows 248 bytes of PCT",
           (xm_u32_t)XM_get_partition_mmap() - (xm_u32_t)XM_params_get_PCT(), PCT_BYTES);
    check_partition_status();
    check_system_status();
    printf("xmq_layout: %d mismatches\n", failures);
}
