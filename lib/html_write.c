/* The internal HTML writer: a growable buffer, escaping, and locale-free
 * numbers, percentages and Danish/English dates (html_write.h). */
#include "html_write.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void pr_html_init(pr_html *h, const paroer_allocator *alloc)
{
    memset(h, 0, sizeof *h);
    h->alloc = alloc;
}

void pr_html_free(pr_html *h)
{
    pr_free(h->alloc, h->data);
    h->data = NULL;
    h->len = h->cap = 0;
}

static int reserve(pr_html *h, size_t extra)
{
    if (h->failed) return -1;
    if (extra > SIZE_MAX - h->len - 1) { h->failed = 1; return -1; }
    if (h->len + extra + 1 <= h->cap) return 0;
    size_t cap = h->cap ? h->cap : 8192;
    while (cap < h->len + extra + 1) {
        if (cap > SIZE_MAX / 2) { h->failed = 1; return -1; }
        cap *= 2;
    }
    char *p = pr_realloc(h->alloc, h->data, h->cap, cap);
    if (!p) { h->failed = 1; return -1; }
    h->data = p;
    h->cap = cap;
    return 0;
}

void pr_html_putn(pr_html *h, const char *s, size_t n)
{
    if (reserve(h, n)) return;
    if (n) memcpy(h->data + h->len, s, n);
    h->len += n;
    h->data[h->len] = '\0';
}

void pr_html_put(pr_html *h, const char *s)
{
    if (s) pr_html_putn(h, s, strlen(s));
}

void pr_html_printf(pr_html *h, const char *fmt, ...)
{
    char small[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) { h->failed = 1; return; }
    if ((size_t)n < sizeof small) { pr_html_putn(h, small, (size_t)n); return; }
    if (reserve(h, (size_t)n)) return;
    va_start(ap, fmt);
    vsnprintf(h->data + h->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    h->len += (size_t)n;
}

/* Length of the valid UTF-8 sequence at s (1..4), or 0 when invalid. */
static size_t utf8_len(const unsigned char *s)
{
    unsigned c = s[0];
    if (c < 0x80) return 1;
    size_t n;
    unsigned min;
    if (c >= 0xC2 && c <= 0xDF) { n = 2; min = 0x80; }
    else if (c >= 0xE0 && c <= 0xEF) { n = 3; min = 0x800; }
    else if (c >= 0xF0 && c <= 0xF4) { n = 4; min = 0x10000; }
    else return 0;
    unsigned cp = c & (0xFFu >> (n + 1));
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (s[i] & 0x3Fu);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return n;
}

void pr_html_text(pr_html *h, const char *s)
{
    if (!s) return;
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        /* Copy the longest run that needs no escaping in one go. */
        const unsigned char *run = p;
        size_t n;
        while (*p && *p != '&' && *p != '<' && *p != '>' && *p != '"' && *p != '\'' &&
               !(*p < 0x20 && *p != '\n' && *p != '\t') && *p != 0x7F && (n = utf8_len(p)) != 0)
            p += n;
        if (p > run) pr_html_putn(h, (const char *)run, (size_t)(p - run));
        if (!*p) break;
        switch (*p) {
        case '&': pr_html_put(h, "&amp;"); break;
        case '<': pr_html_put(h, "&lt;"); break;
        case '>': pr_html_put(h, "&gt;"); break;
        case '"': pr_html_put(h, "&quot;"); break;
        case '\'': pr_html_put(h, "&#39;"); break;
        default: pr_html_put(h, "\xEF\xBF\xBD"); break; /* control byte or invalid UTF-8 */
        }
        p++;
    }
}

int pr_html_take(pr_html *h, char **out, size_t *len)
{
    *out = NULL;
    if (len) *len = 0;
    if (!h->failed && !h->data) pr_html_putn(h, "", 0);
    if (h->failed) {
        pr_html_free(h);
        return pr_error(PAROER_ENOMEM, "out of memory writing HTML");
    }
    /* paroer_free() releases what the caller gets: it is the C library's
     * free(), so text built with another allocator is copied once. */
    if (h->alloc) {
        char *copy = malloc(h->len + 1);
        if (!copy) {
            pr_html_free(h);
            return pr_error(PAROER_ENOMEM, "out of memory writing HTML");
        }
        memcpy(copy, h->data, h->len + 1);
        if (len) *len = h->len;
        pr_html_free(h);
        *out = copy;
        return PAROER_OK;
    }
    *out = h->data;
    if (len) *len = h->len;
    h->data = NULL;
    h->len = h->cap = 0;
    return PAROER_OK;
}

/* ---- numbers ------------------------------------------------------------------ */

/* Writes the decimal digits of v into buf (at least 21 bytes); returns the length. */
static size_t digits(char *buf, uint64_t v)
{
    char tmp[24];
    size_t n = 0;
    do {
        tmp[n++] = (char)('0' + (int)(v % 10));
        v /= 10;
    } while (v);
    for (size_t i = 0; i < n; i++) buf[i] = tmp[n - 1 - i];
    buf[n] = '\0';
    return n;
}

static void copy_out(char *buf, size_t size, const char *s)
{
    if (!size) return;
    size_t n = strlen(s);
    if (n >= size) n = size - 1;
    memcpy(buf, s, n);
    buf[n] = '\0';
}

const char *pr_fmt_int(char *buf, size_t size, uint64_t v, int32_t lang)
{
    char raw[24], grouped[40];
    size_t n = digits(raw, v), k = 0;
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && (n - i) % 3 == 0) grouped[k++] = lang == PAROER_LANG_EN ? ',' : '.';
        grouped[k++] = raw[i];
    }
    grouped[k] = '\0';
    copy_out(buf, size, grouped);
    return buf;
}

/* v rounded to @p decimals decimals as "int<sep>frac", locale-free. */
static const char *fixed_sep(char *buf, size_t size, double v, int decimals, char sep)
{
    static const double scale[] = {1, 10, 100, 1000, 10000, 100000, 1000000};
    if (decimals < 0) decimals = 0;
    if (decimals > 6) decimals = 6;
    int neg = v < 0;
    double a = neg ? -v : v;
    if (!(a < 1e15)) a = a != a ? 0 : 1e15; /* NaN prints as 0; huge values are clamped */
    uint64_t k = (uint64_t)(a * scale[decimals] + 0.5);
    uint64_t ip = k / (uint64_t)scale[decimals], fp = k % (uint64_t)scale[decimals];
    char out[48], d[24];
    size_t n = 0;
    if (neg && k) out[n++] = '-';
    size_t m = digits(d, ip);
    memcpy(out + n, d, m);
    n += m;
    if (decimals) {
        out[n++] = sep;
        for (int i = decimals - 1; i >= 0; i--) {
            out[n + (size_t)i] = (char)('0' + (int)(fp % 10));
            fp /= 10;
        }
        n += (size_t)decimals;
    }
    out[n] = '\0';
    copy_out(buf, size, out);
    return buf;
}

const char *pr_fmt_fixed(char *buf, size_t size, double v, int decimals)
{
    return fixed_sep(buf, size, v, decimals, '.');
}

const char *pr_fmt_pct(char *buf, size_t size, double share, int decimals, int32_t lang)
{
    char num[48], out[64];
    if (!(share > 0)) share = 0;
    fixed_sep(num, sizeof num, share * 100.0, decimals, lang == PAROER_LANG_EN ? '.' : ',');
    /* Danish puts a (no-break) space before the sign: "42,3 %". */
    snprintf(out, sizeof out, "%s%s", num, lang == PAROER_LANG_EN ? "%" : "\xC2\xA0%");
    copy_out(buf, size, out);
    return buf;
}

const char *pr_fmt_date(char *buf, size_t size, int32_t date, int32_t lang)
{
    static const char *const da[] = {"januar", "februar", "marts", "april", "maj", "juni", "juli",
                                     "august", "september", "oktober", "november", "december"};
    static const char *const en[] = {"January", "February", "March", "April", "May", "June", "July",
                                     "August", "September", "October", "November", "December"};
    int32_t y, m, d;
    if (date == PAROER_DATE_NONE || paroer_date_to_ymd(date, &y, &m, &d) != PAROER_OK || m < 1 || m > 12) {
        copy_out(buf, size, "?");
        return buf;
    }
    char out[64];
    if (lang == PAROER_LANG_EN) snprintf(out, sizeof out, "%d %s %d", (int)d, en[m - 1], (int)y);
    else snprintf(out, sizeof out, "%d. %s %d", (int)d, da[m - 1], (int)y);
    copy_out(buf, size, out);
    return buf;
}

void pr_html_int(pr_html *h, uint64_t v, int32_t lang)
{
    char b[40];
    pr_html_put(h, pr_fmt_int(b, sizeof b, v, lang));
}

void pr_html_fixed(pr_html *h, double v, int decimals)
{
    char b[48];
    pr_html_put(h, pr_fmt_fixed(b, sizeof b, v, decimals));
}

void pr_html_pct(pr_html *h, double share, int decimals, int32_t lang)
{
    char b[64];
    pr_html_put(h, pr_fmt_pct(b, sizeof b, share, decimals, lang));
}

void pr_html_date(pr_html *h, int32_t date, int32_t lang)
{
    char b[64];
    pr_html_put(h, pr_fmt_date(b, sizeof b, date, lang));
}
