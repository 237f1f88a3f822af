/* hvcore: bringing the drivers up on a board profile (boards.c). */
#include <hvcore/drivers.h>

void hv_board_init(struct hv *hv, const struct hv_board *board)
{
    hv->drivers = (struct hv_drivers){.board = board};
    hv_gptimer_start_prescaler(hv);
    hv_irqmp_init(hv);
    hv_gptimer_init(hv);
    hv_apbuart_init(hv);
}
