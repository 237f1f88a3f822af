/* rsw: the resident loader. It finds the container at RSW_CONTAINER_ADDRESS,
 * verifies it and every XEF file in it (digests, tables, segments) before
 * writing anything, then places the hypervisor's and each partition's
 * segments (decompressing them) and the partitions' custom files, and jumps
 * to the hypervisor's entry point. Any failure is one line on the UART,
 * "rsw: WHAT: REASON", and the run stops: nothing is half-loaded and
 * started. With RSW_MEASURE, it also prints what loading cost in timer
 * ticks (docs/xef.md). */
#include "rsw.h"

#include "xef/container.h"

#define UART_STATUS_TE 0x4u
#define MAX_FILES 64u

static struct xef_file files[MAX_FILES];

static void uart_put(char c)
{
    volatile uint32_t *uart = (volatile uint32_t *)RSW_UART_BASE;
    while (!(uart[1] & UART_STATUS_TE))
        ;
    uart[0] = (uint8_t)c;
}

static void uart_puts(const char *s)
{
    while (*s)
        uart_put(*s++);
}

/* "rsw: WHAT: REASON", then stop. */
static void refuse(const char *what, const char *reason)
{
    uart_puts("rsw: ");
    uart_puts(what);
    uart_puts(": ");
    uart_puts(reason);
    uart_put('\n');
    rsw_stop();
}

static bool overlaps(uint32_t a, uint32_t a_size, uint32_t b, uint32_t b_size)
{
    return (uint64_t)a < (uint64_t)b + b_size && (uint64_t)b < (uint64_t)a + a_size;
}

/* RAM the loader may write: not itself, not the container it reads. */
static bool writable(uint32_t address, uint32_t size, const struct xef_container *c)
{
    uint32_t self = (uint32_t)(uintptr_t)__rsw_start;
    uint32_t self_size = (uint32_t)(__rsw_end - __rsw_start);
    return address >= RSW_RAM_START && (uint64_t)address + size <= RSW_RAM_END &&
           !overlaps(address, size, self, self_size) &&
           !overlaps(address, size, RSW_CONTAINER_ADDRESS, c->file_size);
}

static void parse_container(struct xef_container *c)
{
    const uint8_t *bytes = (const uint8_t *)(uintptr_t)RSW_CONTAINER_ADDRESS;
    uint32_t room = (uint32_t)(uintptr_t)__rsw_start - RSW_CONTAINER_ADDRESS;
    uint32_t declared = xef_be32(bytes + 28); /* fileSize, checked by the parser */
    enum xef_status status = xef_container_parse(bytes, declared < room ? declared : room, c);
    if (status != XEF_OK)
        refuse("container", xef_strerror(status));
    if (c->file_count > MAX_FILES)
        refuse("container", "too many files for the loader");
}

/* Every file parsed (digest included); entry 0 the hypervisor. */
static void verify_files(const struct xef_container *c)
{
    for (uint32_t i = 0; i < c->file_count; i++) {
        struct xef_container_file f = xef_container_file_at(c, i);
        enum xef_status status = xef_parse(xef_container_file_data(c, i), f.size, &files[i]);
        if (status != XEF_OK)
            refuse(xef_container_file_name(c, i), xef_strerror(status));
    }
    for (uint32_t p = 0; p < c->partition_count; p++) {
        struct xef_container_partition part = xef_container_partition_at(c, p);
        uint32_t type = files[part.file].header.flags & XEF_TYPE_MASK;
        uint32_t expected = p == 0 ? XEF_TYPE_HYPERVISOR : XEF_TYPE_PARTITION;
        if (type != expected)
            refuse(xef_container_file_name(c, part.file),
                   p == 0 ? "not a hypervisor image" : "not a partition image");
    }
}

/* Segment after segment at their physical addresses. */
static void place_image(const struct xef_container *c, uint32_t index)
{
    const struct xef_file *f = &files[index];
    for (uint32_t s = 0; s < f->header.segment_count; s++) {
        struct xef_segment seg = xef_segment_at(f, s);
        if (!writable(seg.phys_addr, seg.file_size, c))
            refuse(xef_container_file_name(c, index), "segment outside the loadable RAM");
        enum xef_status status =
            xef_segment_load(f, s, (uint8_t *)(uintptr_t)seg.phys_addr, seg.file_size);
        if (status != XEF_OK)
            refuse(xef_container_file_name(c, index), xef_strerror(status));
    }
}

/* Custom file j of a partition goes to slot j of its image's custom-file
 * table, its segments one after another, within the slot's size if set. */
static void place_custom_file(const struct xef_container *c, const struct xef_file *image,
                              uint32_t slot, uint32_t index)
{
    const char *name = xef_container_file_name(c, index);
    if (slot >= image->header.custom_file_count)
        refuse(name, "the partition's image declares no slot for it");
    struct xef_custom_file to = xef_custom_file_at(image, slot);
    const struct xef_file *f = &files[index];
    uint32_t at = to.address, used = 0;
    for (uint32_t s = 0; s < f->header.segment_count; s++) {
        uint32_t size = xef_segment_at(f, s).file_size;
        if ((to.size != 0 && size > to.size - used) || !writable(at, size, c))
            refuse(name, "does not fit its slot");
        used += size;
        enum xef_status status = xef_segment_load(f, s, (uint8_t *)(uintptr_t)at, size);
        if (status != XEF_OK)
            refuse(name, xef_strerror(status));
        at += size;
    }
}

#ifdef RSW_MEASURE
/* GPTIMER timer 1 free-running at the system clock (scaler 0). */
static volatile uint32_t *const timer = (volatile uint32_t *)RSW_TIMER_BASE;

static void measure_start(void)
{
    timer[1] = 0;           /* scaler reload */
    timer[0] = 0;           /* scaler */
    timer[5] = 0xffffffffu; /* timer 1 reload */
    timer[6] = 0x5u;        /* enable, load */
}

static uint32_t measure_ticks(void)
{
    return 0xffffffffu - timer[4];
}

static void uart_decimal(uint32_t value)
{
    char digits[10];
    int n = 0;
    do {
        digits[n++] = (char)('0' + value % 10u);
        value /= 10u;
    } while (value != 0);
    while (n > 0)
        uart_put(digits[--n]);
}

/* "rsw: WHAT COUNT UNIT, TICKS ticks" */
static void measure_report(const char *what, uint32_t count, const char *unit, uint32_t ticks)
{
    uart_puts("rsw: ");
    uart_puts(what);
    uart_put(' ');
    uart_decimal(count);
    uart_puts(unit);
    uart_puts(", ");
    uart_decimal(ticks);
    uart_puts(" ticks\n");
}

static uint32_t loaded_bytes(const struct xef_container *c)
{
    uint32_t total = 0;
    for (uint32_t i = 0; i < c->file_count; i++)
        total += files[i].header.image_length;
    return total;
}
#endif

void rsw_main(void)
{
    struct xef_container c;
#ifdef RSW_MEASURE
    measure_start();
    rsw_spin(1000000u);
    uint32_t calibrated = measure_ticks();
#endif
    parse_container(&c);
    verify_files(&c);
#ifdef RSW_MEASURE
    uint32_t verified = measure_ticks();
#endif
    for (uint32_t p = 0; p < c.partition_count; p++) {
        struct xef_container_partition part = xef_container_partition_at(&c, p);
        place_image(&c, part.file);
        /* The hypervisor's CONFIG (XM_CF) is verified, not placed: the
         * LEON3 image has its configuration compiled in (docs/leon3.md). */
        for (uint32_t j = 0; p > 0 && j < part.custom_file_count; j++)
            place_custom_file(&c, &files[part.file], j, part.custom_files[j]);
    }
#ifdef RSW_MEASURE
    uint32_t placed = measure_ticks();
    measure_report("calibration", 3000003u, " instructions", calibrated);
    measure_report("verified", c.file_size, " bytes (container)", verified - calibrated);
    measure_report("placed", loaded_bytes(&c), " bytes", placed - verified);
#endif
    rsw_jump(files[xef_container_partition_at(&c, 0).file].header.entry_point);
}
