/* XtratuM partition ABI: the word bitmaps of XM-Q's guest.h (the comm-port
 * bitmap after the PCT's memory-area table is one): bit bp is bit
 * bp % 32 of word bp / 32. Positions at or past maxBits are left alone
 * (xmIsBitSet answers -1 for them). */
#ifndef XM_BITMAP_H
#define XM_BITMAP_H

#include <xm/sparc.h>
#include <xm/types.h>

#define XM_BITMAP_WORDS(maxBits) (((maxBits) + (1 << XM_LOG2_WORD_SZ) - 1) >> XM_LOG2_WORD_SZ)

static inline void xmSetBit(xmWord_t bm[], xm_u32_t bp, xm_s32_t maxBits)
{
    if ((xm_s32_t)bp < maxBits)
        bm[bp >> XM_LOG2_WORD_SZ] |= 1u << (bp & 31u);
}

static inline void xmClearBit(xmWord_t bm[], xm_u32_t bp, xm_s32_t maxBits)
{
    if ((xm_s32_t)bp < maxBits)
        bm[bp >> XM_LOG2_WORD_SZ] &= ~(1u << (bp & 31u));
}

static inline void xmClearBitmap(xmWord_t bm[], xm_s32_t maxBits)
{
    for (xm_s32_t w = 0; w < XM_BITMAP_WORDS(maxBits); w++)
        bm[w] = 0;
}

static inline void xmSetBitmap(xmWord_t bm[], xm_s32_t maxBits)
{
    for (xm_s32_t w = 0; w < XM_BITMAP_WORDS(maxBits); w++)
        bm[w] = ~(xmWord_t)0;
}

static inline xm_s32_t xmIsBitSet(xmWord_t bm[], xm_s32_t bp, xm_s32_t maxBits)
{
    if (bp >= maxBits)
        return -1;
    return (bm[bp >> XM_LOG2_WORD_SZ] >> (bp & 31)) & 1u ? 1 : 0;
}

#endif
