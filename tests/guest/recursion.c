/* recursion: calls nested 250 deep (more than 30 times the 8 register
 * windows, so every level spills and fills), each level keeping live values
 * across its call so no compiler can turn it into a loop. */
#include "guest_test.h"
#include <stdio.h>

#define DEPTH 250u

static unsigned deepest;

static unsigned nest(unsigned level)
{
    volatile unsigned keep[3] = {level * 2654435761u, level ^ 0x5a5a5a5au, level + 7u};
    if (level > deepest)
        deepest = level;
    if (level == DEPTH)
        return 1u;
    unsigned below = nest(level + 1u);
    return (below ^ keep[0]) * 33u + keep[1] - keep[2];
}

/* Two functions calling each other: the windows alternate callers. */
static unsigned odd_steps(unsigned n);

static unsigned even_steps(unsigned n)
{
    volatile unsigned mark = n * 3u;
    return n == 0 ? 1u : odd_steps(n - 1u) * 5u + mark;
}

static unsigned odd_steps(unsigned n)
{
    volatile unsigned mark = n ^ 0x1234u;
    return n == 0 ? 2u : even_steps(n - 1u) * 7u - mark;
}

int guest_test_run(void)
{
    unsigned value = nest(1u);
    printf("recursion: depth %u, value 0x%08x\n", deepest, value);
    printf("mutual recursion: depth 201, value 0x%08x\n", even_steps(200u));
    printf("recursion: done\n");
    return deepest != DEPTH;
}
