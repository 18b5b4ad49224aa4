/* html_write.h - the internal writer of every HTML page libparoer produces
 * (the coverage report, the national overview).
 *
 * A pr_html is a growable UTF-8 buffer that allocates through an allocator
 * (so the allocation-failure tests reach it) and remembers a failure instead
 * of reporting it at every call: write freely, then pr_html_take() says
 * PAROER_ENOMEM once.
 *
 * Everything that prints a number here is locale-independent: no printf
 * conversion of a double is ever used (printf("%f") follows LC_NUMERIC, and a
 * host that called setlocale(LC_ALL, "da_DK.UTF-8") would get "0,8" in an SVG
 * attribute). Integers are formatted digit by digit; decimal separators and
 * thousands separators are chosen by the page's language, not the process's.
 *
 * pr_html_printf() is for literal markup with integer (%d, %zu, %u) and
 * string (%s) conversions only; text from data goes through pr_html_text(). */
#ifndef PR_HTML_WRITE_H
#define PR_HTML_WRITE_H

#include "internal.h"

typedef struct pr_html {
    const paroer_allocator *alloc; /* NULL: the C library; not owned */
    char *data;
    size_t len, cap;
    int failed;                    /* an allocation failed: the content is incomplete */
} pr_html;

void pr_html_init(pr_html *h, const paroer_allocator *alloc);
void pr_html_free(pr_html *h);
/* Raw markup. */
void pr_html_putn(pr_html *h, const char *s, size_t n);
void pr_html_put(pr_html *h, const char *s);
void pr_html_printf(pr_html *h, const char *fmt, ...) PR_PRINTF(2, 3);
/* Text or an attribute value: &, <, >, " and ' escaped; invalid UTF-8 and
 * control characters (other than tab and newline) become U+FFFD. NULL writes
 * nothing. */
void pr_html_text(pr_html *h, const char *s);
/* Hands the text over: *out is a NUL-terminated copy the caller frees with
 * paroer_free(), *len (may be NULL) its length; the buffer is emptied either
 * way. Returns PAROER_OK or PAROER_ENOMEM (after any failed write). */
int pr_html_take(pr_html *h, char **out, size_t *len);

/* ---- locale-free formatting into a caller's buffer (always NUL-terminated) ----
 * lang is PAROER_LANG_DA or PAROER_LANG_EN. */
/* An integer with thousands separators: "1.051" (da), "1,051" (en). */
const char *pr_fmt_int(char *buf, size_t size, uint64_t v, int32_t lang);
/* A fixed-point number with @p decimals (0..6) decimals and '.' as separator,
 * rounded half away from zero: for markup (SVG coordinates, CSS widths). */
const char *pr_fmt_fixed(char *buf, size_t size, double v, int decimals);
/* A share 0..1 as a percentage with @p decimals decimals: "42,3 %" (da),
 * "42.3%" (en). Negative shares print as 0. */
const char *pr_fmt_pct(char *buf, size_t size, double share, int decimals, int32_t lang);
/* A long date: "31. oktober 2026" (da), "31 October 2026" (en); "?" for none. */
const char *pr_fmt_date(char *buf, size_t size, int32_t date, int32_t lang);

/* The same, appended to a page (escaping is not needed: the output is plain). */
void pr_html_int(pr_html *h, uint64_t v, int32_t lang);
void pr_html_fixed(pr_html *h, double v, int decimals);
void pr_html_pct(pr_html *h, double share, int decimals, int32_t lang);
void pr_html_date(pr_html *h, int32_t date, int32_t lang);

#endif
