#include "vcpu_fixture.h"
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <cmocka.h>

struct vcpu *vcpu_fixture_make(void *pct_page)
{
    const struct vcpu_region regions[] = {
        {CODE, 0x10000, VCPU_PERM_READ | VCPU_PERM_EXEC, NULL},
        {DATA, 0x40000, VCPU_PERM_READ | VCPU_PERM_WRITE, NULL},
        {RODATA, PAGE, VCPU_PERM_READ, NULL},
        {PCT, PAGE, VCPU_PERM_READ | VCPU_PERM_WRITE, pct_page},
    };
    struct vcpu *vcpu = NULL;
    assert_int_equal(vcpu_create(&vcpu, regions, 4), VCPU_OK);
    return vcpu;
}

void vcpu_fixture_load(struct vcpu *vcpu, const char *path)
{
    static uint8_t image[0x10000];
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    size_t size = fread(image, 1, sizeof image, f);
    fclose(f);
    assert_true(size > 0);
    assert_int_equal(vcpu_write_mem(vcpu, CODE, image, (uint32_t)size, false), VCPU_OK);
}
