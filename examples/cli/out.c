/* out.c - growable text buffers, writing files and small formatters. */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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
    if (strcmp(path, "-") != 0) {
        /* Written to a temporary file and renamed: never half a file. */
        int rc = paroer_file_write(path, b->data ? b->data : "", b->len);
        if (rc == PAROER_OK) return CLI_OK;
        if (rc == PAROER_ENOMEM) {
            cli_error("out of memory");
            return CLI_INTERNAL;
        }
        cli_error("%s: %s", path, paroer_error_last()->message);
        return CLI_IO;
    }
    size_t n = b->len ? fwrite(b->data, 1, b->len, stdout) : 0;
    if (n != b->len || ferror(stdout) || fflush(stdout) != 0) {
        cli_error("%s: cannot write: %s", path, strerror(errno));
        return CLI_IO;
    }
    return CLI_OK;
}

/* 1 when @p a and @p b name the same existing file (device and inode, so
 * another spelling, a hard link or a symbolic link is seen through). */
static int same_file(const char *a, const char *b)
{
    struct stat x, y;
    return a && b && stat(a, &x) == 0 && stat(b, &y) == 0 && x.st_dev == y.st_dev && x.st_ino == y.st_ino;
}

int cli_check_output(const cli_opts *o)
{
    if (!o->output || strcmp(o->output, "-") == 0) return CLI_OK;
    struct stat st;
    if (stat(o->output, &st) != 0) return CLI_OK;   /* a new file is nobody's input */
    const char *hit = NULL, *opt = "";
    for (size_t i = 0; i < o->ncatalogs && !hit; i++)
        if (same_file(o->output, o->catalogs[i])) { hit = o->catalogs[i]; opt = "-c "; }
    for (size_t i = 0; i < o->nargs && !hit; i++)
        if (same_file(o->output, o->args[i])) hit = o->args[i];
    if (!hit && same_file(o->output, o->relative)) { hit = o->relative; opt = "-r "; }
    if (!hit && same_file(o->output, o->population)) { hit = o->population; opt = "--population "; }
    char stat_path[4096];
    if (!hit && o->statutory && paroer_statutory_path(stat_path, sizeof stat_path) == PAROER_OK &&
        same_file(o->output, stat_path)) { hit = stat_path; opt = "--statutory: "; }
    if (hit)
        return cli_usage_error(o->cmd, "the output file '%s' is one of the inputs (%s%s); it is not overwritten",
                               o->output, opt, hit);
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
    /* In tenths of a percent, by integer arithmetic: printf("%f") would follow
     * LC_NUMERIC, and the decimal mark is the language's, not the locale's. */
    if (!(share > 0)) share = 0;
    if (share > 1) share = 1;
    long long tenths = (long long)(share * 1000.0 + 0.5);
    snprintf(buf, 32, "%lld%c%lld%s", tenths / 10, lang == PAROER_LANG_DA ? ',' : '.', tenths % 10,
             lang == PAROER_LANG_DA ? " %" : "%");
    return buf;
}
