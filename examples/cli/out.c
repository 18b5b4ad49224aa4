/* out.c - growable text buffers, writing files and small formatters. */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

void sb_init(sbuf *b)
{
    memset(b, 0, sizeof *b);
}

void sb_free(sbuf *b)
{
    free(b->data);
    sb_init(b);
}

static int sb_reserve(sbuf *b, size_t extra)
{
    if (b->failed) return -1;
    if (b->len + extra + 1 <= b->cap) return 0;
    size_t cap = b->cap ? b->cap : 4096;
    while (cap < b->len + extra + 1) {
        if (cap > SIZE_MAX / 2) { b->failed = 1; return -1; }
        cap *= 2;
    }
    char *p = realloc(b->data, cap);
    if (!p) { b->failed = 1; return -1; }
    b->data = p;
    b->cap = cap;
    return 0;
}

void sb_putn(sbuf *b, const char *s, size_t n)
{
    if (sb_reserve(b, n)) return;
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void sb_put(sbuf *b, const char *s)
{
    if (s) sb_putn(b, s, strlen(s));
}

void sb_printf(sbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char small[512];
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) { b->failed = 1; return; }
    if ((size_t)n < sizeof small) { sb_putn(b, small, (size_t)n); return; }
    if (sb_reserve(b, (size_t)n)) return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

int sb_write_file(const sbuf *b, const char *path)
{
    if (b->failed) {
        cli_error("out of memory building the output");
        return CLI_INTERNAL;
    }
    int to_stdout = strcmp(path, "-") == 0;
    FILE *f = to_stdout ? stdout : fopen(path, "wb");
    if (!f) {
        cli_error("%s: cannot write: %s", path, strerror(errno));
        return CLI_IO;
    }
    size_t n = b->len ? fwrite(b->data, 1, b->len, f) : 0;
    int err = n != b->len || ferror(f);
    if (to_stdout) err |= fflush(f) != 0;
    else err |= fclose(f) != 0;
    if (err) {
        cli_error("%s: cannot write: %s", path, strerror(errno));
        return CLI_IO;
    }
    return CLI_OK;
}

const char *cli_date(int32_t date, char buf[16])
{
    buf[0] = '\0';
    if (date != PAROER_DATE_NONE) paroer_date_format(date, buf, 16);
    return buf;
}

const char *cli_pct(double share, int32_t lang, char buf[32])
{
    if (share < 0) share = 0;
    snprintf(buf, 32, lang == PAROER_LANG_DA ? "%.1f %%" : "%.1f%%", share * 100.0);
    if (lang == PAROER_LANG_DA) {
        char *dot = strchr(buf, '.');
        if (dot) *dot = ',';
    }
    return buf;
}
