/* The one writer behind every text the library emits: JSON (match results,
 * coverage, catalogs, HSDS, overviews) and, through pr_buf, HTML and CSV.
 *
 * Why one writer: escaping, UTF-8 checking and number formatting must be the
 * same everywhere, and numbers must never follow the process's LC_NUMERIC (a
 * host that called setlocale(LC_ALL, "da_DK.UTF-8") would otherwise get
 * "0,8123" — invalid JSON). Doubles are written with the fewest of 15, 16 or
 * 17 significant digits that read back as the same double.
 *
 * Errors are sticky: the first failure (out of memory, a string that is not
 * UTF-8, nesting deeper than PR_JW_MAX_DEPTH) is kept in `err` and every later
 * call does nothing, so a writer can emit a whole document and check once at
 * the end (pr_buf_finish / pr_jw_finish). Nothing here is exported. */
#ifndef PR_JSON_WRITE_H
#define PR_JSON_WRITE_H

#include "internal.h"
#include <stdint.h>
#include <stddef.h>

/* ---- a growable text buffer -------------------------------------------------- */
typedef struct pr_buf {
    const paroer_allocator *a; /* not owned; NULL = malloc/free */
    char *p;                   /* NUL-terminated once anything was written */
    size_t len, cap;
    int err;                   /* 0, PAROER_ENOMEM or PAROER_EINVALID */
} pr_buf;

void pr_buf_init(pr_buf *b, const paroer_allocator *a);
void pr_buf_put(pr_buf *b, const char *s, size_t n);
void pr_buf_puts(pr_buf *b, const char *s);
void pr_buf_putc(pr_buf *b, char c);
void pr_buf_printf(pr_buf *b, const char *fmt, ...) PR_PRINTF(2, 3); /* no %f/%g/%e: locale */
void pr_buf_i64(pr_buf *b, int64_t v);
void pr_buf_u64(pr_buf *b, uint64_t v);
/* Shortest of %.15g/%.16g/%.17g that reads back as v, always with '.';
 * NaN and infinities as "null" (JSON has no such numbers). */
void pr_buf_double(pr_buf *b, double v);
/* v with exactly `decimals` digits after the point (0..17), the point written
 * as `point` ('.' or ',' for Danish text), whatever the locale. */
void pr_buf_fixed(pr_buf *b, double v, int decimals, char point);
/* A date as YYYY-MM-DD (nothing for PAROER_DATE_NONE). */
void pr_buf_date(pr_buf *b, int32_t date);
/* Hands the text over (allocated with b->a; freed with pr_free(b->a, …) or, for
 * the default allocator, paroer_free). On a sticky error frees it, sets the
 * thread's error record and returns the error. *len may be NULL. */
int pr_buf_finish(pr_buf *b, char **out, size_t *len);
void pr_buf_discard(pr_buf *b);

/* Strict UTF-8 (no overlongs, no surrogates, at most U+10FFFF). */
int pr_utf8_valid(const char *s, size_t n);

/* ---- JSON on top of it ----------------------------------------------------------
 * Compact (no spaces), keys in the order written; commas and colons are the
 * writer's business. Strings must be UTF-8 (else err = PAROER_EINVALID). */
#define PR_JW_MAX_DEPTH 64

typedef struct pr_jw {
    pr_buf b;
    int depth;
    int after_key;                       /* a key was written, its value comes next */
    unsigned char first[PR_JW_MAX_DEPTH]; /* nothing written yet at this level */
    char closer[PR_JW_MAX_DEPTH];         /* '}' or ']' for each open level */
} pr_jw;

void pr_jw_init(pr_jw *w, const paroer_allocator *a);
void pr_jw_object(pr_jw *w);   /* { */
void pr_jw_array(pr_jw *w);    /* [ */
void pr_jw_end(pr_jw *w);      /* } or ], whichever is open */
void pr_jw_key(pr_jw *w, const char *key);
void pr_jw_str(pr_jw *w, const char *s);            /* NULL writes null */
void pr_jw_strn(pr_jw *w, const char *s, size_t n);
void pr_jw_int(pr_jw *w, int64_t v);
void pr_jw_uint(pr_jw *w, uint64_t v);
void pr_jw_double(pr_jw *w, double v);
void pr_jw_bool(pr_jw *w, int v);
void pr_jw_null(pr_jw *w);
void pr_jw_date(pr_jw *w, int32_t date);            /* "YYYY-MM-DD", or null for PAROER_DATE_NONE */
/* Key and value in one call. */
void pr_jw_kstr(pr_jw *w, const char *key, const char *s);
void pr_jw_kint(pr_jw *w, const char *key, int64_t v);
void pr_jw_kuint(pr_jw *w, const char *key, uint64_t v);
void pr_jw_kdouble(pr_jw *w, const char *key, double v);
void pr_jw_kbool(pr_jw *w, const char *key, int v);
/* An already-formatted JSON value (trusted, e.g. a nested document). */
void pr_jw_raw(pr_jw *w, const char *json, size_t n);
/* As pr_buf_finish; also fails (PAROER_EINVALID) when a container is left open. */
int pr_jw_finish(pr_jw *w, char **out, size_t *len);
void pr_jw_discard(pr_jw *w);

/* The JSON string escape of s[0..n) appended to b, quotes included. */
void pr_buf_json_string(pr_buf *b, const char *s, size_t n);

#endif
