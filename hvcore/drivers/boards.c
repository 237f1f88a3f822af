/* hvcore: the board profiles (data) and finding one by name. Apart from
 * board.c, which brings the drivers up, so that the configuration loader
 * (sim/config) can check a configuration against a board's reserved
 * interrupt lines and devices without linking the drivers (hvcore_boards). */
#include <hvcore/drivers.h>

const struct hv_board hv_board_xm_leon3 = {
    .name = "xm-leon3",
    .cpu_khz = 50000,
    .uart_base = 0x80000100u,
    .uart_irq = 2,
    .uart_baud = 115200,
    .irqmp_base = 0x80000200u,
    .gptimer_base = 0x80000300u,
    .clock_irq = 8,
    .event_irq = 9,
    .uart2_base = 0x80100100u,
    .uart2_irq = 3,
    .reserved_irqs = (1u << 2) | (1u << 8) | (1u << 9),
};

const struct hv_board hv_board_qemu_leon3 = {
    .name = "qemu-leon3",
    .cpu_khz = 40000,
    .uart_base = 0x80000100u,
    .uart_irq = 3,
    .uart_baud = 115200,
    .irqmp_base = 0x80000200u,
    .gptimer_base = 0x80000300u,
    .clock_irq = 6,
    .event_irq = 7,
    .reserved_irqs = (1u << 3) | (1u << 6) | (1u << 7),
};

struct hv_board_device hv_board_device_reached(const struct hv_board *board, uint32_t base,
                                               uint64_t bytes)
{
    const struct hv_board_device devices[] = {
        {"UART1", board->uart_base, HV_BOARD_DEVICE_BYTES},
        {"IRQMP", board->irqmp_base, HV_BOARD_DEVICE_BYTES},
        {"GPTIMER", board->gptimer_base, HV_BOARD_DEVICE_BYTES},
    };
    uint64_t end = (uint64_t)base + bytes;
    for (uint32_t i = 0; i < sizeof devices / sizeof devices[0]; i++) {
        if (base < (uint64_t)devices[i].base + devices[i].size && devices[i].base < end)
            return devices[i];
    }
    return (struct hv_board_device){0};
}

static bool same_name(const char *a, const char *b)
{
    while (*a && *a == *b) {
        a++;
        b++;
    }
    return *a == *b;
}

const struct hv_board *hv_board_find(const char *name)
{
    const struct hv_board *boards[] = {&hv_board_xm_leon3, &hv_board_qemu_leon3};
    for (uint32_t i = 0; i < sizeof boards / sizeof boards[0]; i++) {
        if (same_name(boards[i]->name, name))
            return boards[i];
    }
    return NULL;
}
