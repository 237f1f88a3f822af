/* The SPARC %fsr, read and written through memory (st/ld %fsr), for the
 * FPU guest tests. */
#ifndef GUEST_FSR_H
#define GUEST_FSR_H

static inline unsigned read_fsr(void)
{
    unsigned fsr;
    __asm__ volatile("st %%fsr, %0" : "=m"(fsr)::"memory");
    return fsr;
}

static inline void write_fsr(unsigned fsr)
{
    __asm__ volatile("ld %0, %%fsr" ::"m"(fsr) : "memory");
}

#endif
