/* RFC 4180 records over a buffer: fields point into the input, so reading a
 * national population file allocates nothing per field (see lib/csv.h). */
#include "csv.h"
#include <string.h>
#if defined(__SSE2__)
#  include <emmintrin.h>
#endif

void pr_csv_init(pr_csv *c, const paroer_allocator *alloc, const char *data, size_t len)
{
    memset(c, 0, sizeof *c);
    c->alloc = alloc;
    c->p = data;
    c->end = data + len;
    c->line = 1;
    /* A UTF-8 byte order mark is not part of the first field. */
    if (len >= 3 && (unsigned char)data[0] == 0xEF && (unsigned char)data[1] == 0xBB &&
        (unsigned char)data[2] == 0xBF)
        c->p += 3;
}

void pr_csv_free(pr_csv *c)
{
    pr_free(c->alloc, c->scratch);
    c->scratch = NULL;
    c->scratch_cap = 0;
}

static int64_t count_lf(const char *p, const char *end)
{
    int64_t n = 0;
    while (p < end) {
        const char *q = memchr(p, '\n', (size_t)(end - p));
        if (!q) break;
        n++;
        p = q + 1;
    }
    return n;
}

/* Skips the rest of a bad record: up to and including the next LF. */
static void skip_line(pr_csv *c, const char *p)
{
    const char *q = p < c->end ? memchr(p, '\n', (size_t)(c->end - p)) : NULL;
    if (q) {
        c->p = q + 1;
        c->line++;
    } else {
        c->p = c->end;
    }
}

/* 1 when p is at the end of a record: LF, CR LF, CR at the end of input, or the end. */
static int at_record_end(const char *p, const char *end)
{
    return p >= end || *p == '\n' || (*p == '\r' && (p + 1 == end || p[1] == '\n'));
}

#if defined(__SSE2__)
/* The common record: no quotes, no lone CR, and at least 16 bytes of input
 * after it. Finds the commas and the LF 16 bytes at a time. Returns 1 with the
 * record read, or 0 (nothing consumed) to let the general reader do it. */
static int fast_record(pr_csv *c, pr_csv_field *f, size_t max, size_t *n)
{
    const char *p = c->p, *fs = p;
    const char *const end = c->end;
    size_t nf = 0;
    const __m128i comma = _mm_set1_epi8(','), lf = _mm_set1_epi8('\n'), quote = _mm_set1_epi8('"'),
                  cr = _mm_set1_epi8('\r');
    while (end - p >= 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
        __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, comma), _mm_cmpeq_epi8(v, lf)),
                                   _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, cr)));
        unsigned mask = (unsigned)_mm_movemask_epi8(hit);
        while (mask) {
            const char *q = p + __builtin_ctz(mask);
            mask &= mask - 1;
            const char ch = *q;
            if (ch == '"') return 0;
            if (ch == '\r' && (q + 1 >= end || q[1] != '\n')) return 0;   /* a lone CR is data */
            if (nf < max) {
                f[nf].p = fs;
                f[nf].len = (size_t)(q - fs);
                f[nf].quoted = 0;
                f[nf].off = SIZE_MAX;
            }
            nf++;
            fs = q + 1;
            if (ch != ',') {                                   /* LF or CR LF: the record ends */
                c->p = q + (ch == '\r' ? 2 : 1);
                c->line++;
                *n = nf;
                return 1;
            }
        }
        p += 16;
    }
    return 0;
}
#endif

int pr_csv_next(pr_csv *c, pr_csv_field *f, size_t max, size_t *n, int64_t *line, const char **err)
{
    const char *p = c->p;
    const char *const end = c->end;
    *n = 0;
    *err = NULL;
    *line = c->line;
    if (p >= end) return PR_CSV_EOF;
#if defined(__SSE2__)
    if (fast_record(c, f, max, n)) return PR_CSV_RECORD;
#endif

    size_t nf = 0, used = 0;
    int any_scratch = 0;
    for (;;) {
        const char *fs;
        size_t flen;
        int quoted = 0, in_scratch = 0;
        size_t off = 0;
        if (p < end && *p == '"') {
            quoted = 1;
            const char *s = ++p, *q = p;
            int escaped = 0;
            for (;;) {
                const char *qq = q < end ? memchr(q, '"', (size_t)(end - q)) : NULL;
                if (!qq) {
                    c->line += count_lf(s, end);
                    c->p = end;
                    *n = nf + 1;
                    *err = "unterminated quoted field";
                    return PR_CSV_BAD;
                }
                if (qq + 1 < end && qq[1] == '"') {
                    escaped = 1;
                    q = qq + 2;
                    continue;
                }
                q = qq;
                break;
            }
            c->line += count_lf(s, q);
            if (!escaped) {
                fs = s;
                flen = (size_t)(q - s);
            } else {
                size_t need = used + (size_t)(q - s);
                if (need > c->scratch_cap &&
                    pr_grow(c->alloc, (void **)&c->scratch, &c->scratch_cap, need, 1))
                    return PAROER_ENOMEM;
                char *d = c->scratch + used;
                off = used;
                for (const char *r = s; r < q; r++) {
                    *d++ = *r;
                    if (*r == '"') r++;   /* the second quote of a pair */
                }
                flen = (size_t)(d - (c->scratch + used));
                used += flen;
                fs = NULL;
                in_scratch = 1;
                any_scratch = 1;
            }
            p = q + 1;
            if (!(p < end && *p == ',') && !at_record_end(p, end)) {
                *n = nf + 1;
                *err = "a quoted field must be followed by a comma or the end of the line";
                skip_line(c, p);
                return PR_CSV_BAD;
            }
        } else {
            fs = p;
            for (;;) {
                while (p < end) {
                    const unsigned char ch = (unsigned char)*p;
                    if (ch == ',' || ch == '\n' || ch == '\r' || ch == '"') break;
                    p++;
                }
                if (p < end && *p == '\r' && !at_record_end(p, end)) {
                    p++;                  /* a lone CR is data */
                    continue;
                }
                break;
            }
            if (p < end && *p == '"') {
                *n = nf + 1;
                *err = "a quote inside a field that does not start with one";
                skip_line(c, p);
                return PR_CSV_BAD;
            }
            flen = (size_t)(p - fs);
        }
        if (nf < max) {
            f[nf].p = fs;
            f[nf].len = flen;
            f[nf].quoted = quoted;
            f[nf].off = in_scratch ? off : SIZE_MAX;
        }
        nf++;
        if (p >= end) break;
        if (*p == ',') {
            p++;
            continue;
        }
        if (*p == '\r') p++;
        if (p < end) p++;         /* the LF */
        c->line++;
        break;
    }
    c->p = p;
    if (any_scratch) {
        for (size_t i = 0; i < nf && i < max; i++)
            if (f[i].off != SIZE_MAX) f[i].p = c->scratch + f[i].off;
    }
    *n = nf;
    return PR_CSV_RECORD;
}
