/* The library's one text writer: a growable buffer and JSON on top of it
 * (see json_write.h for why). */
#include "json_write.h"
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- buffer ------------------------------------------------------------------ */

void pr_buf_init(pr_buf *b, const paroer_allocator *a)
{
    b->a = a;
    b->p = NULL;
    b->len = b->cap = 0;
    b->err = 0;
}

static int reserve(pr_buf *b, size_t n)
{
    if (b->err) return 0;
    if (n > SIZE_MAX - b->len - 1) {
        b->err = PAROER_ENOMEM;
        return 0;
    }
    if (b->len + n + 1 > b->cap && pr_grow(b->a, (void **)&b->p, &b->cap, b->len + n + 1, 1)) {
        b->err = PAROER_ENOMEM;
        return 0;
    }
    return 1;
}

void pr_buf_put(pr_buf *b, const char *s, size_t n)
{
    if (!reserve(b, n)) return;
    if (n) memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

void pr_buf_puts(pr_buf *b, const char *s) { pr_buf_put(b, s, strlen(s)); }

void pr_buf_putc(pr_buf *b, char c) { pr_buf_put(b, &c, 1); }

void pr_buf_printf(pr_buf *b, const char *fmt, ...)
{
    if (b->err) return;
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) {
        b->err = PAROER_EINVALID;
        return;
    }
    if ((size_t)n < sizeof small) {
        pr_buf_put(b, small, (size_t)n);
        return;
    }
    if (!reserve(b, (size_t)n)) return;
    va_start(ap, fmt);
    vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void pr_buf_i64(pr_buf *b, int64_t v)
{
    char t[24];
    int n = snprintf(t, sizeof t, "%lld", (long long)v);
    pr_buf_put(b, t, (size_t)n);
}

void pr_buf_u64(pr_buf *b, uint64_t v)
{
    char t[24];
    int n = snprintf(t, sizeof t, "%llu", (unsigned long long)v);
    pr_buf_put(b, t, (size_t)n);
}

/* Rewrites a number printed in the current locale into the C locale's form:
 * digits, sign and exponent stay; whatever stands for the decimal point (one
 * or more bytes that are none of those) becomes `point`. %g and %f never
 * group thousands without the ' flag, so nothing else can appear. */
static size_t delocalise(const char *in, char *out, char point)
{
    size_t k = 0;
    int in_point = 0;
    for (const char *s = in; *s; s++) {
        char c = *s;
        if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == 'e' || c == 'E') {
            out[k++] = c;
            in_point = 0;
        } else if (!in_point) {
            out[k++] = point;
            in_point = 1;
        }
    }
    out[k] = '\0';
    return k;
}

void pr_buf_double(pr_buf *b, double v)
{
    if (!isfinite(v)) {
        pr_buf_puts(b, "null");
        return;
    }
    char t[64], c[64];
    /* Printing and reading back both follow the current locale, so the round
     * trip test is consistent; only the final text is made locale-free. */
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(t, sizeof t, "%.*g", prec, v);
        if (prec == 17 || strtod(t, NULL) == v) break;
    }
    size_t n = delocalise(t, c, '.');
    pr_buf_put(b, c, n);
}

void pr_buf_fixed(pr_buf *b, double v, int decimals, char point)
{
    if (!isfinite(v)) v = 0;
    if (decimals < 0) decimals = 0;
    if (decimals > 17) decimals = 17;
    char t[400], c[400];
    snprintf(t, sizeof t, "%.*f", decimals, v);
    size_t n = delocalise(t, c, point);
    pr_buf_put(b, c, n);
}

void pr_buf_date(pr_buf *b, int32_t date)
{
    char d[16];
    if (date == PAROER_DATE_NONE || paroer_date_format(date, d, sizeof d) != PAROER_OK) return;
    pr_buf_puts(b, d);
}

int pr_buf_finish(pr_buf *b, char **out, size_t *len)
{
    if (len) *len = 0;
    *out = NULL;
    if (!b->err && !b->p) pr_buf_put(b, "", 0);
    if (b->err) {
        int e = b->err;
        pr_buf_discard(b);
        return e == PAROER_ENOMEM ? pr_error(e, "out of memory writing text")
                                  : pr_error(e, "a text to write is not valid UTF-8 or too deeply nested");
    }
    *out = b->p;
    if (len) *len = b->len;
    b->p = NULL;
    b->len = b->cap = 0;
    return PAROER_OK;
}

void pr_buf_discard(pr_buf *b)
{
    pr_free(b->a, b->p);
    b->p = NULL;
    b->len = b->cap = 0;
}

int pr_utf8_valid(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    while (p < end) {
        unsigned c = *p;
        if (c < 0x80) {
            p++;
            continue;
        }
        size_t len;
        uint32_t min, cp;
        if (c >= 0xC2 && c <= 0xDF) { len = 2; min = 0x80; cp = c & 0x1F; }
        else if (c >= 0xE0 && c <= 0xEF) { len = 3; min = 0x800; cp = c & 0x0F; }
        else if (c >= 0xF0 && c <= 0xF4) { len = 4; min = 0x10000; cp = c & 0x07; }
        else return 0;
        if ((size_t)(end - p) < len) return 0;
        for (size_t k = 1; k < len; k++) {
            if ((p[k] & 0xC0) != 0x80) return 0;
            cp = (cp << 6) | (p[k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
        p += len;
    }
    return 1;
}

void pr_buf_json_string(pr_buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    if (b->err) return;
    if (!pr_utf8_valid(s, n)) {
        b->err = PAROER_EINVALID;
        return;
    }
    pr_buf_putc(b, '"');
    const char *run = s, *end = s + n;
    for (const char *q = s; q < end; q++) {
        unsigned char ch = (unsigned char)*q;
        if (ch >= 0x20 && ch != '"' && ch != '\\') continue;
        pr_buf_put(b, run, (size_t)(q - run));
        switch (ch) {
        case '"': pr_buf_put(b, "\\\"", 2); break;
        case '\\': pr_buf_put(b, "\\\\", 2); break;
        case '\b': pr_buf_put(b, "\\b", 2); break;
        case '\f': pr_buf_put(b, "\\f", 2); break;
        case '\n': pr_buf_put(b, "\\n", 2); break;
        case '\r': pr_buf_put(b, "\\r", 2); break;
        case '\t': pr_buf_put(b, "\\t", 2); break;
        default: {
            char e[6] = {'\\', 'u', '0', '0', hex[ch >> 4], hex[ch & 15]};
            pr_buf_put(b, e, 6);
        }
        }
        run = q + 1;
    }
    pr_buf_put(b, run, (size_t)(end - run));
    pr_buf_putc(b, '"');
}

/* ---- JSON ---------------------------------------------------------------------- */

void pr_jw_init(pr_jw *w, const paroer_allocator *a)
{
    pr_buf_init(&w->b, a);
    w->depth = 0;
    w->after_key = 0;
    w->first[0] = 1;
}

/* The separator before a value (or a key) at the current level. */
static void before_value(pr_jw *w)
{
    if (w->after_key) {
        w->after_key = 0;
        return;
    }
    if (!w->first[w->depth]) pr_buf_putc(&w->b, ',');
    w->first[w->depth] = 0;
}

static void jw_open(pr_jw *w, char c)
{
    before_value(w);
    if (w->depth + 1 >= PR_JW_MAX_DEPTH) {
        if (!w->b.err) w->b.err = PAROER_EINVALID;
        return;
    }
    pr_buf_putc(&w->b, c);
    w->depth++;
    w->first[w->depth] = 1;
    w->closer[w->depth] = c == '{' ? '}' : ']';
}

void pr_jw_object(pr_jw *w) { jw_open(w, '{'); }
void pr_jw_array(pr_jw *w) { jw_open(w, '['); }

void pr_jw_end(pr_jw *w)
{
    if (w->depth <= 0 || w->after_key) {
        if (!w->b.err) w->b.err = PAROER_EINVALID;
        return;
    }
    pr_buf_putc(&w->b, w->closer[w->depth]);
    w->depth--;
}

void pr_jw_key(pr_jw *w, const char *key)
{
    before_value(w);
    pr_buf_json_string(&w->b, key, strlen(key));
    pr_buf_putc(&w->b, ':');
    w->after_key = 1;
}

void pr_jw_strn(pr_jw *w, const char *s, size_t n)
{
    before_value(w);
    pr_buf_json_string(&w->b, s, n);
}

void pr_jw_str(pr_jw *w, const char *s)
{
    if (!s) {
        pr_jw_null(w);
        return;
    }
    pr_jw_strn(w, s, strlen(s));
}

void pr_jw_int(pr_jw *w, int64_t v)
{
    before_value(w);
    pr_buf_i64(&w->b, v);
}

void pr_jw_uint(pr_jw *w, uint64_t v)
{
    before_value(w);
    pr_buf_u64(&w->b, v);
}

void pr_jw_double(pr_jw *w, double v)
{
    before_value(w);
    pr_buf_double(&w->b, v);
}

void pr_jw_bool(pr_jw *w, int v)
{
    before_value(w);
    pr_buf_puts(&w->b, v ? "true" : "false");
}

void pr_jw_null(pr_jw *w)
{
    before_value(w);
    pr_buf_puts(&w->b, "null");
}

void pr_jw_date(pr_jw *w, int32_t date)
{
    char d[16];
    if (date == PAROER_DATE_NONE || paroer_date_format(date, d, sizeof d) != PAROER_OK) {
        pr_jw_null(w);
        return;
    }
    pr_jw_str(w, d);
}

void pr_jw_raw(pr_jw *w, const char *json, size_t n)
{
    before_value(w);
    pr_buf_put(&w->b, json, n);
}

void pr_jw_kstr(pr_jw *w, const char *key, const char *s) { pr_jw_key(w, key); pr_jw_str(w, s); }
void pr_jw_kint(pr_jw *w, const char *key, int64_t v) { pr_jw_key(w, key); pr_jw_int(w, v); }
void pr_jw_kuint(pr_jw *w, const char *key, uint64_t v) { pr_jw_key(w, key); pr_jw_uint(w, v); }
void pr_jw_kdouble(pr_jw *w, const char *key, double v) { pr_jw_key(w, key); pr_jw_double(w, v); }
void pr_jw_kbool(pr_jw *w, const char *key, int v) { pr_jw_key(w, key); pr_jw_bool(w, v); }

int pr_jw_finish(pr_jw *w, char **out, size_t *len)
{
    if (w->depth != 0 && !w->b.err) w->b.err = PAROER_EINVALID;
    return pr_buf_finish(&w->b, out, len);
}

void pr_jw_discard(pr_jw *w) { pr_buf_discard(&w->b); }
