/* xef/: LZSS encoder and decoder (see lzss.h). The encoder is Okumura's
 * binary-search-tree match finder: XM-Q's streams depend on which of several
 * equally long matches it picks, so the tree walk, its tie-breaking and the
 * order strings enter the trees follow that algorithm exactly. */
#include "xef/lzss.h"

#include <stdbool.h>

enum {
    N = XEF_LZSS_WINDOW,
    F = XEF_LZSS_MAX_MATCH,
    NIL = XEF_LZSS_WINDOW, /* "no node" */
};

/* --- the encoder's trees ------------------------------------------------ */

static void xef_lzss_trees_init(struct xef_lzss_encoder *e)
{
    for (int i = N + 1; i <= N + 256; i++)
        e->right[i] = NIL;
    for (int i = 0; i < N; i++)
        e->parent[i] = NIL;
}

/* Puts node r where node p was (p's string equals r's for F bytes, and r,
 * being newer, will outlive it). */
static void xef_lzss_replace(struct xef_lzss_encoder *e, int p, int r)
{
    e->parent[r] = e->parent[p];
    e->left[r] = e->left[p];
    e->right[r] = e->right[p];
    e->parent[e->left[p]] = (int16_t)r;
    e->parent[e->right[p]] = (int16_t)r;
    if (e->right[e->parent[p]] == p)
        e->right[e->parent[p]] = (int16_t)r;
    else
        e->left[e->parent[p]] = (int16_t)r;
    e->parent[p] = NIL;
}

/* Length of the common prefix of window[r..] and window[p..] (at least 1:
 * both strings are in the tree of the same first byte); *order < 0 when r's
 * string sorts before p's. */
static int xef_lzss_compare(const struct xef_lzss_encoder *e, int r, int p, int *order)
{
    int i = 1;
    *order = 0;
    for (; i < F; i++) {
        *order = e->window[r + i] - e->window[p + i];
        if (*order != 0)
            break;
    }
    return i;
}

/* Inserts the string at window[r] into its tree and leaves the longest
 * match met on the way in match_position / match_length. */
static void xef_lzss_insert(struct xef_lzss_encoder *e, int r)
{
    int order = 1;
    int p = N + 1 + e->window[r];
    e->right[r] = e->left[r] = NIL;
    e->match_length = 0;
    for (;;) {
        int16_t *child = order >= 0 ? &e->right[p] : &e->left[p];
        if (*child == NIL) {
            *child = (int16_t)r;
            e->parent[r] = (int16_t)p;
            return;
        }
        p = *child;
        int length = xef_lzss_compare(e, r, p, &order);
        if (length > e->match_length) {
            e->match_position = p;
            e->match_length = length;
            if (length >= F)
                break;
        }
    }
    xef_lzss_replace(e, p, r);
}

/* The rightmost node of p's left subtree, unlinked from where it was and
 * given p's left subtree (the node that takes p's place). */
static int xef_lzss_predecessor(struct xef_lzss_encoder *e, int p)
{
    int q = e->left[p];
    if (e->right[q] == NIL)
        return q;
    do
        q = e->right[q];
    while (e->right[q] != NIL);
    e->right[e->parent[q]] = e->left[q];
    e->parent[e->left[q]] = e->parent[q];
    e->left[q] = e->left[p];
    e->parent[e->left[p]] = (int16_t)q;
    return q;
}

static void xef_lzss_delete(struct xef_lzss_encoder *e, int p)
{
    if (e->parent[p] == NIL)
        return;
    int q;
    if (e->right[p] == NIL) {
        q = e->left[p];
    } else if (e->left[p] == NIL) {
        q = e->right[p];
    } else {
        q = xef_lzss_predecessor(e, p);
        e->right[q] = e->right[p];
        e->parent[e->right[p]] = (int16_t)q;
    }
    e->parent[q] = e->parent[p];
    if (e->right[e->parent[p]] == p)
        e->right[e->parent[p]] = (int16_t)q;
    else
        e->left[e->parent[p]] = (int16_t)q;
    e->parent[p] = NIL;
}

/* --- the encoder's output ----------------------------------------------- */

/* Up to eight items behind their flag byte. */
struct xef_lzss_group {
    uint8_t bytes[1 + 2 * 8];
    unsigned used;
    uint8_t mask;
};

struct xef_lzss_sink {
    uint8_t *out;
    size_t capacity;
    size_t written;
    bool full;
};

static void xef_lzss_group_reset(struct xef_lzss_group *g)
{
    g->bytes[0] = 0;
    g->used = 1;
    g->mask = 1;
}

static void xef_lzss_flush(struct xef_lzss_sink *s, const struct xef_lzss_group *g)
{
    for (unsigned i = 0; i < g->used; i++) {
        if (s->written == s->capacity) {
            s->full = true;
            return;
        }
        s->out[s->written++] = g->bytes[i];
    }
}

/* Adds the item at window[r] (a literal, or the current match) to the group,
 * sending the group when it holds eight; returns the bytes it covers. */
static int xef_lzss_emit(struct xef_lzss_encoder *e, int r, struct xef_lzss_group *g,
                         struct xef_lzss_sink *s)
{
    int covered = e->match_length;
    if (covered <= XEF_LZSS_THRESHOLD) {
        covered = 1;
        g->bytes[0] |= g->mask;
        g->bytes[g->used++] = e->window[r];
    } else {
        g->bytes[g->used++] = (uint8_t)e->match_position;
        g->bytes[g->used++] =
            (uint8_t)(((e->match_position >> 4) & 0xf0) | (covered - (XEF_LZSS_THRESHOLD + 1)));
    }
    g->mask = (uint8_t)(g->mask << 1);
    if (g->mask == 0) {
        xef_lzss_flush(s, g);
        xef_lzss_group_reset(g);
    }
    return covered;
}

/* --- compress ----------------------------------------------------------- */

struct xef_lzss_input {
    const uint8_t *bytes;
    size_t size;
    size_t next;
};

static int xef_lzss_fill(struct xef_lzss_encoder *e, struct xef_lzss_input *in, int r)
{
    int length = 0;
    for (; length < F && in->next < in->size; length++)
        e->window[r + length] = in->bytes[in->next++];
    return length;
}

/* Slides the window by `count` bytes after an item: new input bytes enter
 * it, and once the input is exhausted the lookahead shrinks instead. */
static void xef_lzss_slide(struct xef_lzss_encoder *e, struct xef_lzss_input *in, int count, int *s,
                           int *r, int *lookahead)
{
    for (int i = 0; i < count; i++) {
        xef_lzss_delete(e, *s);
        bool more = in->next < in->size;
        if (more) {
            uint8_t c = in->bytes[in->next++];
            e->window[*s] = c;
            if (*s < F - 1)
                e->window[*s + N] = c; /* mirror, so comparisons need no wrap */
        }
        *s = (*s + 1) & (N - 1);
        *r = (*r + 1) & (N - 1);
        if (more || --*lookahead > 0)
            xef_lzss_insert(e, *r);
    }
}

size_t xef_lzss_bound(size_t size)
{
    return size + size / 8u + 1u;
}

enum xef_lzss_status xef_lzss_compress(struct xef_lzss_encoder *e, const uint8_t *in_bytes,
                                       size_t size, uint8_t *out, size_t capacity, size_t *written)
{
    struct xef_lzss_input in = {.bytes = in_bytes, .size = size};
    struct xef_lzss_sink sink = {.out = out, .capacity = capacity};
    struct xef_lzss_group group;
    int s = 0, r = N - F;
    *written = 0;
    xef_lzss_trees_init(e);
    xef_lzss_group_reset(&group);
    for (int i = s; i < r; i++)
        e->window[i] = XEF_LZSS_FILL;
    int lookahead = xef_lzss_fill(e, &in, r);
    if (lookahead == 0)
        return XEF_LZSS_OK;
    for (int i = 1; i <= F; i++)
        xef_lzss_insert(e, r - i); /* the strings of leading spaces */
    xef_lzss_insert(e, r);
    do {
        if (e->match_length > lookahead)
            e->match_length = lookahead;
        int covered = xef_lzss_emit(e, r, &group, &sink);
        xef_lzss_slide(e, &in, covered, &s, &r, &lookahead);
    } while (lookahead > 0);
    if (group.used > 1)
        xef_lzss_flush(&sink, &group);
    *written = sink.written;
    return sink.full ? XEF_LZSS_OUTPUT_FULL : XEF_LZSS_OK;
}

/* --- decompress --------------------------------------------------------- */

/* Output waits in the window until a chunk is worth a sink call. */
enum { XEF_LZSS_CHUNK = 512 };

struct xef_lzss_reader {
    struct xef_lzss_decoder *d;
    unsigned position;  /* where the next byte goes in the window */
    unsigned unflushed; /* bytes before `position` not yet given to the sink */
    size_t produced;
    size_t capacity;
    xef_lzss_sink_fn sink;
    void *context;
};

static bool xef_lzss_flush_window(struct xef_lzss_reader *x)
{
    unsigned start = (x->position - x->unflushed) & (N - 1);
    unsigned first = x->unflushed < N - start ? x->unflushed : N - start;
    bool ok = first == 0 || x->sink(x->context, x->d->window + start, first);
    if (ok && x->unflushed > first)
        ok = x->sink(x->context, x->d->window, x->unflushed - first);
    x->unflushed = 0;
    return ok;
}

static enum xef_lzss_status xef_lzss_put(struct xef_lzss_reader *x, uint8_t c)
{
    if (x->produced == x->capacity)
        return XEF_LZSS_OUTPUT_FULL;
    x->d->window[x->position] = c;
    x->position = (x->position + 1) & (N - 1);
    x->produced++;
    x->unflushed++;
    return XEF_LZSS_OK;
}

/* One item after its flag bit: a literal, or a match copied from the window. */
static enum xef_lzss_status xef_lzss_item(struct xef_lzss_reader *x, bool literal,
                                          const uint8_t *in, size_t size, size_t *next)
{
    if (literal)
        return xef_lzss_put(x, in[(*next)++]);
    if (size - *next < 2)
        return XEF_LZSS_TRUNCATED;
    unsigned position = in[*next] | ((in[*next + 1] & 0xf0u) << 4);
    unsigned length = (in[*next + 1] & 0x0fu) + XEF_LZSS_THRESHOLD + 1;
    *next += 2;
    enum xef_lzss_status status = XEF_LZSS_OK;
    for (unsigned k = 0; k < length && status == XEF_LZSS_OK; k++)
        status = xef_lzss_put(x, x->d->window[(position + k) & (N - 1)]);
    return status;
}

enum xef_lzss_status xef_lzss_decode(struct xef_lzss_decoder *d, const uint8_t *in, size_t size,
                                     size_t capacity, xef_lzss_sink_fn sink, void *context,
                                     size_t *written)
{
    struct xef_lzss_reader x = {
        .d = d, .position = N - F, .capacity = capacity, .sink = sink, .context = context};
    for (unsigned i = 0; i < N - F; i++)
        d->window[i] = XEF_LZSS_FILL;
    size_t next = 0;
    unsigned flags = 0;
    enum xef_lzss_status status = XEF_LZSS_OK;
    while (next < size && status == XEF_LZSS_OK) {
        flags >>= 1;
        if ((flags & 0x100u) == 0) {
            flags = in[next++] | 0xff00u; /* the high byte counts eight items */
            if (next == size)
                break;
        }
        status = xef_lzss_item(&x, (flags & 1u) != 0, in, size, &next);
        if (x.unflushed >= XEF_LZSS_CHUNK && !xef_lzss_flush_window(&x))
            status = XEF_LZSS_SINK;
    }
    if (status != XEF_LZSS_SINK && !xef_lzss_flush_window(&x))
        status = XEF_LZSS_SINK;
    *written = x.produced;
    return status;
}

struct xef_lzss_buffer {
    uint8_t *out;
    size_t used;
};

static bool xef_lzss_to_buffer(void *context, const uint8_t *bytes, size_t size)
{
    struct xef_lzss_buffer *b = context;
    for (size_t i = 0; i < size; i++)
        b->out[b->used++] = bytes[i];
    return true;
}

enum xef_lzss_status xef_lzss_decompress(const uint8_t *in, size_t size, uint8_t *out,
                                         size_t capacity, size_t *written)
{
    struct xef_lzss_decoder d;
    struct xef_lzss_buffer b = {.out = out};
    return xef_lzss_decode(&d, in, size, capacity, xef_lzss_to_buffer, &b, written);
}
