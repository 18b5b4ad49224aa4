/* RFC 4180 records over a buffer, one record a line: fields point into the
 * input, so reading a national population file allocates nothing per field
 * (see lib/csv.h). */
#include "csv.h"
#include <string.h>
#if defined(__SSE2__)
#  include <emmintrin.h>
#endif

void pr_csv_init_part(pr_csv *c, const paroer_allocator *alloc, const char *data, size_t len, char sep,
                      int64_t line)
{
    memset(c, 0, sizeof *c);
    c->alloc = alloc;
    c->p = data;
    c->end = data + len;
    c->line = line;
    c->sep = sep;
}

void pr_csv_init(pr_csv *c, const paroer_allocator *alloc, const char *data, size_t len)
{
    pr_csv_init_part(c, alloc, data, len, ',', 1);
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

size_t pr_csv_count_lines(const char *p, size_t len)
{
    size_t n = 0;
    const char *end = p + len;
    while (p < end) {
        const char *lf = memchr(p, '\n', (size_t)(end - p));
        const char *stop = lf ? lf : end;
        /* lone CRs before the LF (rare: scan only when there is one) */
        for (const char *cr = memchr(p, '\r', (size_t)(stop - p)); cr;
             cr = cr + 1 < stop ? memchr(cr + 1, '\r', (size_t)(stop - cr - 1)) : NULL)
            if (cr + 1 != lf) n++;
        if (!lf) break;
        n++;
        p = lf + 1;
    }
    return n;
}

size_t pr_csv_last_line_end(const char *data, size_t len, int final)
{
    size_t i = len;
    while (i > 0) {
        const char ch = data[i - 1];
        if (ch == '\n') return i;
        if (ch == '\r' && (final || i < len)) return i;
        i--;
    }
    return 0;
}

/* Past the line end at p (LF, CR LF or CR; p < end). */
static const char *past_eol(const char *p, const char *end)
{
    if (*p == '\r') return p + 1 < end && p[1] == '\n' ? p + 2 : p + 1;
    return p + 1;
}

/* Skips the rest of a bad record: up to and including its line end. */
static void skip_line(pr_csv *c, const char *p)
{
    while (p < c->end && *p != '\n' && *p != '\r') p++;
    if (p < c->end) {
        c->p = past_eol(p, c->end);
        c->line++;
    } else {
        c->p = c->end;
    }
}

#if defined(__SSE2__)
/* Field k: s[0 .. q - s), unquoted, in the input. */
static inline void put_field(pr_csv_field *f, size_t k, const char *s, const char *q)
{
    f[k].p = s;
    f[k].len = (size_t)(q - s);
    f[k].quoted = 0;
    f[k].off = SIZE_MAX;
}

/* The fields of a 16-byte block at p that end at its separators (their bits
 * in sep); *fs is where the next field starts. */
static inline void block_fields(pr_csv_field *f, size_t max, size_t *nf, const char **fs, const char *p,
                                unsigned sep)
{
    size_t k = *nf;
    const char *s = *fs;
    if (k + 16 <= max) {                 /* room for every separator of a block: no check a field */
        for (; sep; sep &= sep - 1, k++) {
            const char *q = p + __builtin_ctz(sep);
            put_field(f, k, s, q);
            s = q + 1;
        }
    } else {
        for (; sep; sep &= sep - 1, k++) {
            const char *q = p + __builtin_ctz(sep);
            if (k < max) put_field(f, k, s, q);
            s = q + 1;
        }
    }
    *nf = k;
    *fs = s;
}

/* The common record: no quotes and at least 16 bytes of input after it.
 * Finds the separators and the line end 16 bytes at a time, in two masks,
 * so that a field costs a count of trailing zeros and its stores. Returns 1
 * with the record read, or 0 (nothing consumed) to let the general reader do
 * it. */
static int fast_record(pr_csv *c, pr_csv_field *f, size_t max, size_t *n)
{
    const char *p = c->p, *fs = p;
    const char *const end = c->end;
    size_t nf = 0;
    const __m128i vsep = _mm_set1_epi8(c->sep), lf = _mm_set1_epi8('\n'), quote = _mm_set1_epi8('"'),
                  cr = _mm_set1_epi8('\r'), bang = _mm_set1_epi8('!');
    unsigned odd_before = 0;   /* bytes below '!' or above 0x7F (signed: below '!') in earlier blocks */
    while (end - p >= 16) {
        const __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
        unsigned sep = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, vsep));
        const unsigned stop = (unsigned)_mm_movemask_epi8(
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, lf), _mm_cmpeq_epi8(v, cr)), _mm_cmpeq_epi8(v, quote)));
        const unsigned odd = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(v, bang));
        if (stop) {
            const unsigned k = (unsigned)__builtin_ctz(stop);
            const char *q = p + k;
            if (*q == '"') return 0;
            const unsigned before = (1u << k) - 1u;
            block_fields(f, max, &nf, &fs, p, sep & before);
            if (nf < max) put_field(f, nf, fs, q);             /* the last field ends at the line end */
            nf++;
            c->plain = !(odd_before | (odd & before));
            c->p = past_eol(q, end);
            c->line++;
            *n = nf;
            return 1;
        }
        block_fields(f, max, &nf, &fs, p, sep);
        odd_before |= odd;
        p += 16;
    }
    return 0;
}
#endif

static int is_eol(char ch) { return ch == '\n' || ch == '\r'; }

int pr_csv_next(pr_csv *c, pr_csv_field *f, size_t max, size_t *n, int64_t *line, const char **err)
{
    const char *p = c->p;
    const char *const end = c->end;
    const char sep = c->sep;
    *n = 0;
    *err = NULL;
    *line = c->line;
    c->plain = 0;
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
                while (q < end && *q != '"' && !is_eol(*q)) q++;
                if (q >= end || is_eol(*q)) {
                    *n = nf + 1;
                    *err = "unterminated quoted field (a quoted field ends at the end of its line)";
                    skip_line(c, q);
                    return PR_CSV_BAD;
                }
                if (q + 1 < end && q[1] == '"') {
                    escaped = 1;
                    q += 2;
                    continue;
                }
                break;
            }
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
            if (p < end && *p != sep && !is_eol(*p)) {
                *n = nf + 1;
                *err = "a quoted field must be followed by a separator or the end of the line";
                skip_line(c, p);
                return PR_CSV_BAD;
            }
        } else {
            fs = p;
            while (p < end) {
                const char ch = *p;
                if (ch == sep || ch == '\n' || ch == '\r' || ch == '"') break;
                p++;
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
        if (*p == sep) {
            p++;
            continue;
        }
        p = past_eol(p, end);
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
