/* The vCPU tests' common partition: code (the assembled snippet) at
 * VCPU_TEST_CODE_ADDRESS, writable data, a read-only page and a PCT page. */
#ifndef VCPU_FIXTURE_H
#define VCPU_FIXTURE_H

#include "cpu/vcpu.h"

#define CODE VCPU_TEST_CODE_ADDRESS
#define DATA 0x40100000u
#define RODATA 0x40200000u
#define PCT 0x40300000u
#define PAGE 0x1000u
/* The n-th register of a group: REG(O, 1) is %o1. */
#define REG(group, n) ((enum vcpu_reg)(VCPU_##group##0 + (n)))

/* pct_page: a page-aligned host buffer to map as the PCT page, or NULL. */
struct vcpu *vcpu_fixture_make(void *pct_page);
/* Load an assembled snippet (raw binary) at CODE. */
void vcpu_fixture_load(struct vcpu *vcpu, const char *path);

#endif
