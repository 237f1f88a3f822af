/* qsort: 1000 pseudo-random numbers (a 32-bit LCG with a fixed seed) sorted
 * with this program's own recursive quicksort (median of three, Hoare
 * partition); prints checksums before and after and whether the result is
 * sorted. */
#include "guest_test.h"
#include <stdio.h>

#define COUNT 1000u

static unsigned items[COUNT];

static unsigned lcg(unsigned *state)
{
    *state = *state * 1103515245u + 12345u;
    return *state >> 8;
}

static void swap(unsigned *a, unsigned *b)
{
    unsigned t = *a;
    *a = *b;
    *b = t;
}

static unsigned median_of_three(unsigned *v, int lo, int hi)
{
    int mid = lo + (hi - lo) / 2;
    if (v[mid] < v[lo])
        swap(&v[mid], &v[lo]);
    if (v[hi] < v[lo])
        swap(&v[hi], &v[lo]);
    if (v[hi] < v[mid])
        swap(&v[hi], &v[mid]);
    return v[mid];
}

/* Sorts v[lo..hi], both included. The pivot is one of the items, so both
 * scans stop inside the range. */
static void quicksort(unsigned *v, int lo, int hi)
{
    if (lo >= hi)
        return;
    unsigned pivot = median_of_three(v, lo, hi);
    int i = lo, j = hi;
    while (i <= j) {
        while (v[i] < pivot)
            i++;
        while (v[j] > pivot)
            j--;
        if (i <= j)
            swap(&v[i++], &v[j--]);
    }
    quicksort(v, lo, j);
    quicksort(v, i, hi);
}

/* Order-sensitive: position i weighs item i. */
static unsigned checksum(const unsigned *v)
{
    unsigned sum = 0;
    for (unsigned i = 0; i < COUNT; i++)
        sum = (sum ^ v[i]) * 16777619u + i;
    return sum;
}

static unsigned out_of_order(const unsigned *v)
{
    unsigned count = 0;
    for (unsigned i = 1; i < COUNT; i++)
        count += v[i - 1] > v[i];
    return count;
}

/* Order-blind: the same items in any order give the same sum. */
static unsigned long long sum(const unsigned *v)
{
    unsigned long long total = 0;
    for (unsigned i = 0; i < COUNT; i++)
        total += v[i];
    return total;
}

int guest_test_run(void)
{
    unsigned state = 20240601u;
    for (unsigned i = 0; i < COUNT; i++)
        items[i] = lcg(&state) % 100000u;
    unsigned long long before = sum(items);
    printf("qsort: %u items, sum %llu, checksum 0x%08x, %u pairs out of order\n", COUNT, before,
           checksum(items), out_of_order(items));
    quicksort(items, 0, (int)COUNT - 1);
    printf("qsort: sum %llu, checksum 0x%08x, %u pairs out of order, min %u, median %u, max %u\n",
           sum(items), checksum(items), out_of_order(items), items[0], items[COUNT / 2u],
           items[COUNT - 1u]);
    int failed = out_of_order(items) != 0 || sum(items) != before;
    printf("qsort: %s\n", failed ? "NOT SORTED" : "sorted");
    return failed;
}
