/* fpu_ieee: IEEE 754 arithmetic as the partition's FPU computes it, printed
 * as bit patterns with the exception flags each operation raised. The host
 * runs the same source (its FPU is IEEE 754 too) and the test compares the
 * two outputs (guest_test.h): + - * / sqrt in single and double precision,
 * conversions, subnormal operands and results, infinities, NaN, each of the
 * four rounding modes. NaN results print as "nan": IEEE leaves a NaN's sign
 * and payload to the machine (SPARC's default NaN is 0x7fffffff, x86's
 * 0xffc00000). Inputs are volatile so that nothing is computed at compile
 * time. */
#include "fpu_env.h"
#include "guest_test.h"
#include <stdio.h>

union dbits {
    double d;
    unsigned long long u;
};
union fbits {
    float f;
    unsigned u;
};

static double dbl(unsigned long long bits)
{
    union dbits v;
    v.u = bits;
    return v.d;
}

static float flt(unsigned bits)
{
    union fbits v;
    v.u = bits;
    return v.f;
}

static const char *const mode_names[] = {"nearest", "zero", "up", "down"};

static void show_double(const char *what, double value, unsigned flags)
{
    union dbits v;
    v.d = value;
    if (value != value) {
        printf("%s: nan flags %02x\n", what, flags);
        return;
    }
    printf("%s: %08x%08x flags %02x\n", what, (unsigned)(v.u >> 32), (unsigned)v.u, flags);
}

static void show_float(const char *what, float value, unsigned flags)
{
    union fbits v;
    v.f = value;
    if (value != value) {
        printf("%s: nan flags %02x\n", what, flags);
        return;
    }
    printf("%s: %08x flags %02x\n", what, v.u, flags);
}

static void show_int(const char *what, int value, unsigned flags)
{
    printf("%s: %d flags %02x\n", what, value, flags);
}

/* Operands: ordinary numbers, the extremes, subnormals, infinity. */
static volatile double one = 1.0, two = 2.0, three = 3.0, tenth = 0.1, fifth = 0.2;
static volatile double minus_one = -1.0, zero = 0.0, big = 1e308, ten = 10.0;
static volatile double dmin, dsub, dinf, third_ulp;
static volatile float fone = 1.0f, fthree = 3.0f, flt_min, flt_sub, flt_big;
static volatile int int_big = 16777217, int_neg = -16777217, int_mid = 123456789;
static volatile double d_half = 2.5, d_neg_half = -2.5, d_frac = 7.75;

#define DOUBLE_OP(name, expr)                                                                      \
    do {                                                                                           \
        fp_clear_flags();                                                                          \
        volatile double result = (expr);                                                           \
        show_double(name, result, fp_flags());                                                     \
    } while (0)
#define FLOAT_OP(name, expr)                                                                       \
    do {                                                                                           \
        fp_clear_flags();                                                                          \
        volatile float result = (expr);                                                            \
        show_float(name, result, fp_flags());                                                      \
    } while (0)
#define INT_OP(name, expr)                                                                         \
    do {                                                                                           \
        fp_clear_flags();                                                                          \
        volatile int result = (expr);                                                              \
        show_int(name, result, fp_flags());                                                        \
    } while (0)

static void rounded_operations(void)
{
    DOUBLE_OP("1/3", one / three);
    DOUBLE_OP("-1/3", minus_one / three);
    DOUBLE_OP("2/3", two / three);
    DOUBLE_OP("0.1+0.2", tenth + fifth);
    DOUBLE_OP("0.1-0.2", tenth - fifth);
    DOUBLE_OP("0.1*3", tenth * three);
    DOUBLE_OP("sqrt 2", __builtin_sqrt(two));
    DOUBLE_OP("sqrt 3", __builtin_sqrt(three));
    DOUBLE_OP("1e308*10", big * ten);
    DOUBLE_OP("-1e308*10", -big * ten);
    DOUBLE_OP("min/3", dmin / three);
    DOUBLE_OP("-min/3", -dmin / three);
    DOUBLE_OP("1+ulp/3", one + third_ulp);
    FLOAT_OP("1f/3f", fone / fthree);
    FLOAT_OP("sqrtf 3", __builtin_sqrtf(fthree));
    FLOAT_OP("fbig*fbig", flt_big * flt_big);
    FLOAT_OP("fmin/3f", flt_min / fthree);
    FLOAT_OP("(float)(1/3)", (float)(one / three));
    FLOAT_OP("(float)1e308", (float)big);
    FLOAT_OP("(float)16777217", (float)int_big);
    FLOAT_OP("(float)-16777217", (float)int_neg);
    FLOAT_OP("(float)123456789", (float)int_mid);
}

static void exact_and_special(void)
{
    DOUBLE_OP("1+2", one + two);
    DOUBLE_OP("min*0.25 (exact subnormal)", dmin * 0.25);
    DOUBLE_OP("sub+sub", dsub + dsub);
    DOUBLE_OP("sub*2^52", dsub * 4503599627370496.0);
    DOUBLE_OP("sub/2", dsub / two);
    DOUBLE_OP("sqrt sub", __builtin_sqrt(dsub));
    DOUBLE_OP("1/0", one / zero);
    DOUBLE_OP("-1/0", minus_one / zero);
    DOUBLE_OP("0/0", zero / zero);
    DOUBLE_OP("inf-inf", dinf - dinf);
    DOUBLE_OP("inf*0", dinf * zero);
    DOUBLE_OP("sqrt -1", __builtin_sqrt(minus_one));
    DOUBLE_OP("sqrt -0", __builtin_sqrt(-zero));
    DOUBLE_OP("1/inf", one / dinf);
    DOUBLE_OP("-0+0", -zero + zero);
    FLOAT_OP("fsub+fsub", flt_sub + flt_sub);
    FLOAT_OP("fsub*2^23", flt_sub * 8388608.0f);
    DOUBLE_OP("(double)fsub", (double)flt_sub);
    DOUBLE_OP("(double)(1f/3f)", (double)(fone / fthree));
    DOUBLE_OP("(double)123456789", (double)int_mid);
    INT_OP("(int)2.5", (int)d_half);
    INT_OP("(int)-2.5", (int)d_neg_half);
    INT_OP("(int)7.75", (int)d_frac);
    INT_OP("(int)(2.5f)", (int)(float)d_half);
    INT_OP("1<3", one < three);
    INT_OP("nan<1", (zero / zero) < one);
    INT_OP("nan==nan", (zero / zero) == (zero / zero));
}

int guest_test_run(void)
{
    dmin = dbl(0x0010000000000000ull); /* DBL_MIN */
    dsub = dbl(0x0000000000000001ull); /* smallest subnormal */
    dinf = dbl(0x7ff0000000000000ull);
    third_ulp = dbl(0x3ca5555555555555ull); /* a third of an ulp of 1.0 */
    flt_min = flt(0x00800000u);             /* FLT_MIN */
    flt_sub = flt(0x00000001u);
    flt_big = flt(0x7f000000u); /* 2^127 */
    for (int mode = FP_NEAREST; mode <= FP_DOWNWARD; mode++) {
        fp_set_rounding((enum fp_rounding)mode);
        printf("rounding %s\n", mode_names[mode]);
        rounded_operations();
    }
    fp_set_rounding(FP_NEAREST);
    printf("exact and special\n");
    exact_and_special();
    return 0;
}
