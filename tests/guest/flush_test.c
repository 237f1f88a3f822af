/* flush_test: XM_sparc_flush_regwin puts every caller's register window on
 * its stack (16 words at its %sp: locals, then ins) and marks them
 * invalid, so each return reloads its window from there. */
#include <stdio.h>
#include <xm.h>

void PartitionMain(void);
void flush_chain(int n, xm_u32_t *record);
xm_u32_t flush_check(xm_u32_t *fp, int bottom);

#define LEVELS 12
#define TAG 0xA0000000u
#define REWRITTEN 0xB0000000u

static xm_u32_t record[LEVELS + 1];
static int frames_found;

/* Called by the bottom level (bottom = 1) with its %fp: the frame there is
 * its caller's window (level 2), whose saved %i6 leads to level 3's... */
xm_u32_t flush_check(xm_u32_t *fp, int bottom)
{
    for (int level = bottom + 1; level <= LEVELS; level++) {
        if (fp[0] != (xm_u32_t)level || fp[1] != (TAG | level))
            break;
        fp[1] = REWRITTEN | level;
        frames_found++;
        fp = (xm_u32_t *)fp[8 + 6];
    }
    return 0;
}

void PartitionMain(void)
{
    flush_chain(LEVELS, record);
    printf("frames on the stack after flush: %d of %d\n", frames_found, LEVELS - 1);
    int reloaded = 0;
    for (int level = 2; level <= LEVELS; level++)
        reloaded += record[level] == (REWRITTEN | level);
    printf("windows reloaded from the stack: %d of %d\n", reloaded, LEVELS - 1);
    printf("bottom level kept its window: %s\n", record[1] == (TAG | 1) ? "ok" : "WRONG");
    printf("flush_test: done\n");
}
