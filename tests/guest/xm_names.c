/* xm_names: what XtratuM's headers give a partition, used the way its code
 * uses it: the build configuration (#ifdef CONFIG_SPARCv8 around a trap
 * handler), trap names against the PCT's trap2Vector, XAL_XMEXT_TRAP
 * against extIrq2Vector, UNCHECKED_ID, the paging constants, the LEON3
 * register bases, the bitmap helpers on the comm-port bitmap, and XAL's C
 * library (<ctype.h>, <stdlib.h>, strncat, strstr, snprintf). */
#include <assert.h>
#include <ctype.h>
#include <irqs.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xm.h>

void PartitionMain(void);

static int failures;

static void expect(const char *what, long long got, long long want)
{
    if (got == want)
        return;
    printf("%s: got %lld, want %lld\n", what, got, want);
    failures++;
}

/* XM-Q's trap indexes 0..18 by name (trap2Vector's default is the tt). */
static const xm_u32_t trap_names[] = {
    DATA_STORE_ERROR,
    INSTRUCTION_ACCESS_MMU_MISS,
    INSTRUCTION_ACCESS_ERROR,
    R_REGISTER_ACCESS_ERROR,
    INSTRUCTION_ACCESS_EXCEPTION,
    PRIVILEGED_INSTRUCTION,
    ILLEGAL_INSTRUCTION,
    FP_DISABLED,
    CP_DISABLED,
    UNIMPLEMENTED_FLUSH,
    WATCHPOINT_DETECTED,
    MEM_ADDRESS_NOT_ALIGNED,
    FP_EXCEPTION,
    CP_EXCEPTION,
    DATA_ACCESS_ERROR,
    DATA_ACCESS_MMU_MISS,
    DATA_ACCESS_EXCEPTION,
    TAG_OVERFLOW,
    DIVISION_BY_ZERO,
};

static volatile unsigned soft_traps;

static void count_trap(trapCtxt_t *ctxt)
{
    soft_traps++;
    ctxt->pc = ctxt->nPc;
    ctxt->nPc += 4;
}

static void check_configuration(void)
{
#ifdef CONFIG_SPARCv8
    InstallTrapHandler(0x80 + 5, count_trap);
    __asm__ volatile("ta 5" ::: "memory");
#endif
    expect("trap handler of the CONFIG_SPARCv8 build ran", soft_traps, 1);
#if defined(CONFIG_LEON3) && defined(CONFIG_MMU) && CONFIG_NO_VCPUS == 2
    printf("configuration: LEON3, MMU, %d vCPUs, %d register windows\n", CONFIG_NO_VCPUS,
           CONFIG_REGISTER_WINDOWS);
#endif
}

static void check_traps(void)
{
    partitionControlTable_t *pct = XM_params_get_PCT();
    for (unsigned i = 0; i < sizeof trap_names / sizeof trap_names[0]; i++)
        expect("trap2Vector by name", pct->trap2Vector[i], trap_names[i]);
    expect("XAL_XMEXT_TRAP(HW_TIMER)", XAL_XMEXT_TRAP(XM_VT_EXT_HW_TIMER),
           pct->extIrq2Vector[XM_VT_EXT_HW_TIMER]);
    expect("XAL_XMEXT_TRAP(IPVI7)", XAL_XMEXT_TRAP(XM_VT_EXT_IPVI7), 255);
    expect("INTERRUPT_LEVEL_8", INTERRUPT_LEVEL_8, 0x10 + XM_VT_HW_TIMER1_TRAP_NR);
    expect("UNCHECKED_ID", UNCHECKED_ID, XM_HYPERVISOR_ID);
    xmObjDesc_t desc = OBJDESC_SET_ID(OBJDESC_BUILD(OBJ_CLASS_STATUS, 3, 1), 7);
    expect("OBJDESC_SET_ID", OBJDESC_GET_ID(desc), 7);
    expect("OBJDESC_SET_PARTITIONID", OBJDESC_GET_PARTITIONID(OBJDESC_SET_PARTITIONID(desc, 9)), 9);
    expect("OBJDESC_IS_VALID", OBJDESC_IS_VALID(desc) + OBJDESC_IS_VALID(OBJDESC_SET_INVALID(desc)),
           1);
}

static void check_memory_names(void)
{
    expect("PAGE_SIZE", PAGE_SIZE, 1 << PAGE_SHIFT);
    expect("PAGE_MASK", (xm_u32_t)(0x40101234u & PAGE_MASK), 0x40101000);
    expect("VA2PtdL1", VA2PtdL1(0x40101000u), 0x40);
    expect("VA2PtdL3", VA2PtdL3(0x40101000u), 0x01);
    expect("PtdL1L2L32VA", PtdL1L2L32VA(0x40u, 0u, 1u), 0x40001000);
    expect("LEON_UART1_BASE", LEON_UART1_BASE, 0x80000100);
    expect("LEON_PIC_BASE", LEON_PIC_BASE, 0x80000200);
    expect("LEON_TIMER_CFG_BASE", LEON_TIMER_CFG_BASE, 0x80000300);
}

static void check_bitmaps(void)
{
    xmWord_t bits[2];
    xmSetBitmap(bits, 40);
    expect("xmSetBitmap", bits[1], 0xffffffffu);
    xmClearBitmap(bits, 40);
    xmSetBit(bits, 33, 40);
    xmSetBit(bits, 45, 40); /* past maxBits: ignored */
    expect("xmSetBit", bits[1], 1u << 1);
    expect("xmIsBitSet", xmIsBitSet(bits, 33, 40), 1);
    expect("xmIsBitSet past maxBits", xmIsBitSet(bits, 45, 40), -1);
    xmClearBit(bits, 33, 40);
    expect("xmClearBit", xmIsBitSet(bits, 33, 40), 0);
    expect("no comm ports, no bit 0",
           xmIsBitSet(XM_get_commport_bitmap(), 0, XM_params_get_PCT()->noCommPorts), -1);
}

static void check_c_library(void)
{
    char text[32] = "hyper";
    char *end;
    expect("atoi", atoi("  -42x"), -42);
    expect("strtoul 0x", (long long)strtoul("0x1F!", &end, 0), 31);
    expect("strtoul end", *end, '!');
    expect("strtol octal", strtol("077", NULL, 0), 63);
    expect("strtoll", strtoll("-9000000000", NULL, 10), -9000000000LL);
    expect("strtoull base 36", (long long)strtoull("zz", NULL, 36), 35 * 36 + 35);
    expect("strtol no digits", strtol("x", &end, 10), 0);
    expect("isdigit isspace isxdigit isalnum",
           isdigit('7') + isspace('\t') + isxdigit('F') + isalnum('_') * 8, 3);
    strncat(text, "visor!!", 5);
    expect("strncat", strcmp(text, "hypervisor"), 0);
    expect("strstr", strstr(text, "visor") - text, 5);
    expect("strstr none", strstr(text, "xm") == NULL, 1);
    char path[] = "/xm/partitions/p0.xef";
    expect("basename", strcmp(basename(path), "p0.xef"), 0);
    xm_s32_t room = 6;
    expect("snprintf (xm_s32_t size)", snprintf(text, room, "%d-%s", 12, "abcdef"), 9);
    expect("snprintf truncates", strcmp(text, "12-ab"), 0);
    assert(failures == 0); /* compiled out: no _DEBUG_ */
}

void PartitionMain(void)
{
    check_configuration();
    check_traps();
    check_memory_names();
    check_bitmaps();
    check_c_library();
    printf("xm_names: %d mismatches\n", failures);
}
