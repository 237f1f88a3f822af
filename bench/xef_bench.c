/* xef_bench: what LZSS does to partition images (docs/xef.md). For each
 * XEF file given (built with hvsim xef build -c): the uncompressed and
 * compressed sizes, the ratio, and the host's decompression speed, best of
 * `rounds` runs of decompressing every segment. With --once, it decompresses
 * each file once and prints nothing: the run to count instructions with
 * callgrind (bench/xef_measure.sh). A program under the build, not a test. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "xef/xef.h"

static uint8_t *read_all(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    uint8_t *bytes = n > 0 ? malloc((size_t)n) : NULL;
    if (bytes != NULL && fread(bytes, 1, (size_t)n, f) != (size_t)n) {
        free(bytes);
        bytes = NULL;
    }
    fclose(f);
    *size = (size_t)n;
    return bytes;
}

static double now_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* Decompresses every segment once; false if one fails. */
static bool decompress_all(const struct xef_file *f, uint8_t *out)
{
    size_t at = 0;
    for (uint32_t i = 0; i < f->header.segment_count; i++) {
        struct xef_segment s = xef_segment_at(f, i);
        if (xef_segment_load(f, i, out + at, s.file_size) != XEF_OK)
            return false;
        at += s.file_size;
    }
    return true;
}

static int measure(const char *path, bool once, int rounds)
{
    size_t size = 0;
    uint8_t *bytes = read_all(path, &size);
    struct xef_file f;
    if (bytes == NULL || xef_parse(bytes, size, &f) != XEF_OK ||
        (f.header.flags & XEF_COMPRESSED) == 0) {
        fprintf(stderr, "%s: not a readable compressed XEF file\n", path);
        free(bytes);
        return 2;
    }
    uint8_t *out = malloc(f.header.image_length + 1u);
    double best = 1e9;
    for (int r = 0; r < (once ? 1 : rounds); r++) {
        double start = now_seconds();
        if (!decompress_all(&f, out)) {
            fprintf(stderr, "%s: decompression failed\n", path);
            return 2;
        }
        double took = now_seconds() - start;
        best = took < best ? took : best;
    }
    if (!once) {
        const char *name = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
        printf("%-28s %9u %9u %6.1f%% %8.1f MB/s\n", name, (unsigned)f.header.image_length,
               (unsigned)f.header.deflated_image_length,
               100.0 * f.header.deflated_image_length / f.header.image_length,
               f.header.image_length / best / 1e6);
    }
    free(out);
    free(bytes);
    return 0;
}

int main(int argc, char **argv)
{
    bool once = argc > 1 && strcmp(argv[1], "--once") == 0;
    int status = 0;
    if (!once)
        printf("%-28s %9s %9s %7s %13s\n", "image", "bytes", "stored", "ratio", "decompress");
    for (int i = once ? 2 : 1; i < argc; i++)
        status |= measure(argv[i], once, 20);
    return status;
}
