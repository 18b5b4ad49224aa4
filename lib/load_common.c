/* Helpers shared by the catalog and relative loaders. */
#include "load_common.h"
#include <errno.h>
#include <stdio.h>
#include <string.h>

/* ---- field paths ---------------------------------------------------------- */

static size_t jpath_write(const pr_jpath *p, char *buf, size_t size)
{
    if (!p) {
        buf[0] = '\0';
        return 0;
    }
    size_t n = jpath_write(p->up, buf, size);
    if (n + 1 >= size) return n;
    int w;
    if (p->key) w = snprintf(buf + n, size - n, n ? ".%s" : "%s", p->key);
    else w = snprintf(buf + n, size - n, "[%zu]", p->index);
    if (w < 0) return n;
    n += (size_t)w;
    return n < size ? n : size - 1;
}

void pr_jpath_format(const pr_jpath *p, char *buf, size_t size)
{
    if (!buf || size == 0) return;
    jpath_write(p, buf, size);
}

/* ---- parsing -------------------------------------------------------------- */

static int starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

static int is_number_char(char c)
{
    return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

static json_t *fail(pr_json_failure *f, int code, size_t offset, const char *msg)
{
    f->code = code;
    f->offset = offset;
    snprintf(f->message, sizeof f->message, "%s", msg);
    return NULL;
}

json_t *pr_json_parse(const char *data, size_t len, int hide_values, pr_json_failure *f)
{
    const unsigned char *u = (const unsigned char *)data;
    size_t skip = 0;
    f->code = 0;
    f->offset = 0;
    f->message[0] = '\0';
    if (!data) len = 0;
    if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
        skip = 3;   /* a UTF-8 byte order mark: allowed and ignored (RFC 8259, section 8.1) */
    } else if ((len >= 4 && u[0] == 0 && u[1] == 0 && u[2] == 0xFE && u[3] == 0xFF) ||
               (len >= 4 && u[0] == 0xFF && u[1] == 0xFE && u[2] == 0 && u[3] == 0)) {
        return fail(f, PAROER_EPARSE, 0, "the document is UTF-32 encoded (it starts with a UTF-32 byte order mark); "
                                         "save it as UTF-8");
    } else if (len >= 2 && ((u[0] == 0xFE && u[1] == 0xFF) || (u[0] == 0xFF && u[1] == 0xFE))) {
        return fail(f, PAROER_EPARSE, 0, "the document is UTF-16 encoded (it starts with a UTF-16 byte order mark); "
                                         "save it as UTF-8");
    }
    const char *nul = len ? memchr(data, '\0', len) : NULL;
    if (nul)
        return fail(f, PAROER_EPARSE, (size_t)(nul - data),
                    "invalid JSON: NUL byte in the document (a JSON document is UTF-8 text; is the file UTF-16 "
                    "or binary?)");

    json_error_t e;
    json_t *root = json_loadb(data ? data + skip : "", len - skip, JSON_REJECT_DUPLICATES, &e);
    if (root) return root;

    enum json_error_code jc = json_error_code(&e);
    if (jc == json_error_out_of_memory) return fail(f, PAROER_ENOMEM, 0, "out of memory while parsing JSON");

    const char *d = data ? data + skip : "";
    size_t n = len - skip;
    size_t pos = e.position > 0 ? (size_t)e.position : 0;
    if (pos > n) pos = n;

    /* jansson's message is "WHAT", "WHAT near 'TOKEN'" or "WHAT near end of file". */
    const char *text = e.text;
    const char *near = strstr(text, " near '");
    const char *near_eof = strstr(text, " near end of file");
    size_t base_len = near ? (size_t)(near - text) : near_eof ? (size_t)(near_eof - text) : strlen(text);
    const char *tok = NULL;
    size_t tok_len = 0;
    if (near) {
        size_t tl = strlen(near + 7);
        if (tl > 0 && near[7 + tl - 1] == '\'') {
            tok = near + 7;
            tok_len = tl - 1;
        }
    }

    /* The offset of the problem: jansson's position is just past the token it
     * last read, except for problems inside a string, where it is the
     * offending byte itself. Point at the start of the offending token. */
    size_t off;
    if (starts_with(text, "unable to decode byte") || starts_with(text, "control character") ||
        starts_with(text, "unexpected newline") || starts_with(text, "premature end of input")) {
        off = pos;
    } else if ((starts_with(text, "invalid Unicode '\\u") && strlen(text) >= 23) ||
               starts_with(text, "\\u0000 is not allowed")) {
        /* A bad \uXXXX escape: find it, going back from where jansson stopped. */
        const char *hex = text[0] == '\\' ? "0000" : text + 19;
        off = pos ? pos - 1 : 0;
        for (size_t k = pos; k >= 6; k--) {
            size_t at = k - 6;
            if (d[at] == '\\' && d[at + 1] == 'u' && pr_ascii_ieq(d + at + 2, hex, 4)) {
                off = at;
                break;
            }
        }
    } else if (tok && tok_len <= pos && memcmp(d + pos - tok_len, tok, tok_len) == 0) {
        off = pos - tok_len;
    } else if (near_eof) {
        off = pos;
    } else {
        off = pos ? pos - 1 : 0;
        while (off > 0 && is_number_char(d[off - 1]) && is_number_char(d[off])) off--;
    }

    char what[200];
    const char *hint = "";
    if ((text[0] == '\'' && (text[1] == '}' || text[1] == ']') && starts_with(text + 2, "' expected")) &&
        base_len == 12) {
        /* jansson says "'}' expected" after an object member that is neither
         * followed by ',' nor by '}' (and "']' expected" in an array): most
         * often a comma is missing. */
        snprintf(what, sizeof what, "expected ',' or '%c'", text[1]);
        if (!near_eof) hint = " (is a comma missing?)";
    } else if (starts_with(text, "duplicate object key")) {
        /* Keys are the contract's names, not personal data: quoted even with hide_values. */
        char key[160];
        if (tok && tok_len <= 100) pr_escape(key, sizeof key, tok, tok_len);   /* as written, U+007F escaped */
        if (tok && tok_len <= 100) snprintf(what, sizeof what, "duplicate key %s", key);
        else snprintf(what, sizeof what, "duplicate key");
        tok = NULL;
    } else if (starts_with(text, "\\u0000 is not allowed")) {
        snprintf(what, sizeof what, "\\u0000 (NUL) is not allowed in strings");
        tok = NULL;
    } else if (starts_with(text, "too big integer") || starts_with(text, "too big negative integer")) {
        snprintf(what, sizeof what, "integer out of range (integers must fit in 64 bits)");
    } else if (starts_with(text, "real number overflow")) {
        snprintf(what, sizeof what, "number out of range");
    } else if (starts_with(text, "maximum parsing depth reached")) {
        snprintf(what, sizeof what, "nesting too deep (at most %d levels of arrays and objects)",
                 (int)JSON_PARSER_MAX_DEPTH);
        tok = NULL;
    } else {
        snprintf(what, sizeof what, "%.*s", (int)(base_len > 150 ? 150 : base_len), text);
    }
    f->code = PAROER_EPARSE;
    f->offset = off + skip;
    if (tok && !hide_values) {
        char q[120];
        pr_quote(q, sizeof q, tok, tok_len, 60);
        snprintf(f->message, sizeof f->message, "invalid JSON: %s near %s%s", what, q, hint);
    } else if (near_eof) {
        snprintf(f->message, sizeof f->message, "invalid JSON: %s at end of file", what);
    } else {
        snprintf(f->message, sizeof f->message, "invalid JSON: %s%s", what, hint);
    }
    return NULL;
}

/* ---- values --------------------------------------------------------------- */

const char *pr_json_type_name(const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT: return "an object";
    case JSON_ARRAY: return "an array";
    case JSON_STRING: return "a string";
    case JSON_INTEGER: return "an integer";
    case JSON_REAL: return "a decimal number";
    case JSON_TRUE: return "true";
    case JSON_FALSE: return "false";
    case JSON_NULL: return "null";
    }
    return "a value";
}

/* pr_quote() and pr_escape(): `quote` adds the quotes and escapes '"' and '\\'. */
static void escape(char *buf, size_t size, const char *s, size_t len, size_t max, int quote)
{
    if (!buf || size == 0) return;
    size_t o = 0;
    const unsigned char *u = (const unsigned char *)s;
#define PUT(c) do { if (o + 1 < size) buf[o++] = (char)(c); } while (0)
    if (quote) PUT('"');
    size_t i = 0;
    int cut = 0;
    while (i < len) {
        /* Leave room for an escape, the "…" mark, the quote and the NUL. */
        if (i >= max || o + 12 >= size) { cut = 1; break; }
        unsigned char c = u[i];
        if (quote && (c == '"' || c == '\\')) { PUT('\\'); PUT(c); i++; continue; }
        if (c < 0x20 || c == 0x7F) {
            static const char hex[] = "0123456789abcdef";
            PUT('\\'); PUT('u'); PUT('0'); PUT('0'); PUT(hex[c >> 4]); PUT(hex[c & 15]);
            i++;
            continue;
        }
        size_t k = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
        if (i + k > len) k = len - i;
        if (o + k + 6 >= size) { cut = 1; break; }
        for (size_t m = 0; m < k; m++) PUT(u[i + m]);
        i += k;
    }
    if (cut) { PUT(0xE2); PUT(0x80); PUT(0xA6); }   /* "…" */
    if (quote) PUT('"');
#undef PUT
    buf[o] = '\0';
}

void pr_quote(char *buf, size_t size, const char *s, size_t len, size_t max)
{
    escape(buf, size, s, len, max, 1);
}

void pr_escape(char *buf, size_t size, const char *s, size_t len)
{
    escape(buf, size, s, len, SIZE_MAX, 0);
}

void pr_code_list_text(int32_t list, uint32_t exclude, char *buf, size_t size)
{
    if (!buf || size == 0) return;
    size_t o = 0;
    buf[0] = '\0';
    int32_t n = paroer_vocab_count(list);
    for (int32_t i = 0; i < n; i++) {
        if (i < 32 && (exclude & PR_BIT(i))) continue;
        const char *c = paroer_vocab_code(list, i);
        int w = snprintf(buf + o, size - o, "%s%s", o ? ", " : "", c ? c : "?");
        if (w < 0 || (size_t)w >= size - o) break;
        o += (size_t)w;
    }
}

int pr_parse_date(const char *s, size_t len, int32_t *out)
{
    if (len != 10 || s[4] != '-' || s[7] != '-') return 1;
    int32_t v[3] = {0, 0, 0};
    static const int8_t start[3] = {0, 5, 8}, width[3] = {4, 2, 2};
    for (int k = 0; k < 3; k++) {
        for (int i = 0; i < width[k]; i++) {
            char c = s[start[k] + i];
            if (c < '0' || c > '9') return 1;
            v[k] = v[k] * 10 + (c - '0');
        }
    }
    int32_t y = v[0], m = v[1], d = v[2];
    static const int8_t dm[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1 || m < 1 || m > 12 || d < 1) return 2;
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    int32_t days = (m == 2 && leap) ? 29 : dm[m - 1];
    if (d > days) return 2;
    /* Valid by construction, so this never records an error. */
    return paroer_date_from_ymd(out, y, m, d) == PAROER_OK ? 0 : 2;
}

int pr_parse_municipality(const json_t *v, int32_t *out)
{
    if (json_is_integer(v)) {
        json_int_t n = json_integer_value(v);
        if (n < 1 || n > 999) return 1;
        *out = (int32_t)n;
        return 0;
    }
    if (json_is_string(v)) {
        const char *s = json_string_value(v);
        size_t len = json_string_length(v);
        if (len < 1 || len > 4) return 1;
        int32_t n = 0;
        for (size_t i = 0; i < len; i++) {
            if (s[i] < '0' || s[i] > '9') return 1;
            n = n * 10 + (s[i] - '0');
        }
        if (n < 1 || n > 999) return 1;
        *out = n;
        return 0;
    }
    return -1;
}

static int is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static int is_digit(char c) { return c >= '0' && c <= '9'; }

int pr_is_language_tag(const char *s, size_t len)
{
    if (len < 1 || len > 35 || !is_alpha(s[0])) return 0;
    for (size_t i = 0; i < len; i++)
        if (!is_alpha(s[i]) && !is_digit(s[i]) && s[i] != '-') return 0;
    return 1;
}

int pr_is_path_key(const char *key)
{
    size_t i = 0;
    for (; key[i]; i++) {
        char c = key[i];
        if (i >= 64 || !(is_alpha(c) || is_digit(c) || c == '_' || c == '-')) return 0;
    }
    return i > 0;
}

/* ---- files ---------------------------------------------------------------- */

const char *pr_errno_text(int e)
{
    switch (e) {
#ifdef ENOENT
    case ENOENT: return "no such file or directory";
#endif
#ifdef EACCES
    case EACCES: return "permission denied";
#endif
#ifdef EISDIR
    case EISDIR: return "is a directory";
#endif
#ifdef ENOTDIR
    case ENOTDIR: return "a part of the path is not a directory";
#endif
#ifdef ENAMETOOLONG
    case ENAMETOOLONG: return "file name too long";
#endif
#ifdef EMFILE
    case EMFILE: return "too many open files";
#endif
#ifdef ELOOP
    case ELOOP: return "too many levels of symbolic links";
#endif
#ifdef EIO
    case EIO: return "input/output error";
#endif
    default: return NULL;
    }
}

int pr_read_file(const paroer_allocator *a, const char *path, char **data, size_t *len, char *errbuf,
                 size_t errsize)
{
    *data = NULL;
    *len = 0;
    errno = 0;
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        int e = errno;
        const char *t = pr_errno_text(e);
        if (t) snprintf(errbuf, errsize, "cannot open the file: %s", t);
        else snprintf(errbuf, errsize, "cannot open the file (error %d)", e);
        return PAROER_EIO;
    }
    /* The size, if the stream can tell, saves growing the buffer; it is only
     * a hint (a directory claims an absurd size, a pipe none) and only used
     * once the first block was read without error. */
    size_t hint = 0;
    if (fseek(fp, 0, SEEK_END) == 0) {
        long end = ftell(fp);
        if (end > 0) hint = (size_t)end;
        if (fseek(fp, 0, SEEK_SET) != 0) hint = 0;
    }
    size_t cap = 65536, n = 0;
    char *buf = pr_malloc(a, cap);
    if (!buf) {
        fclose(fp);
        return PAROER_ENOMEM;
    }
    for (;;) {
        if (n == cap) {
            size_t ncap = cap * 2;
            if (hint >= cap && hint < SIZE_MAX / 2) ncap = hint + 1;
            hint = 0;
            char *nb = ncap > cap ? pr_realloc(a, buf, cap, ncap) : NULL;
            if (!nb) {
                pr_free(a, buf);
                fclose(fp);
                return PAROER_ENOMEM;
            }
            buf = nb;
            cap = ncap;
        }
        errno = 0;
        size_t want = cap - n;
        size_t got = fread(buf + n, 1, want, fp);
        n += got;
        if (got < want) {
            if (ferror(fp)) {
                int e = errno;
                const char *t = pr_errno_text(e);
                if (t) snprintf(errbuf, errsize, "cannot read the file: %s", t);
                else snprintf(errbuf, errsize, "cannot read the file (error %d)", e);
                pr_free(a, buf);
                fclose(fp);
                return PAROER_EIO;
            }
            break;   /* end of file */
        }
    }
    fclose(fp);
    *data = buf;
    *len = n;
    return 0;
}

int paroer_file_read(void **data, size_t *len, const char *path)
{
    if (!data || !len) return pr_error(PAROER_EINVALID, "data or len is NULL");
    *data = NULL;
    *len = 0;
    if (!path || !path[0]) return pr_error(PAROER_EINVALID, "path is NULL or empty");
    paroer_allocator a;
    pr_alloc_resolve(&a, NULL);
    char *buf = NULL;
    size_t n = 0;
    char why[160];
    int rc = pr_read_file(&a, path, &buf, &n, why, sizeof why);
    if (rc == PAROER_ENOMEM) return pr_error(PAROER_ENOMEM, "out of memory reading the file");
    if (rc != PAROER_OK) return pr_error_at(rc, path, 0, 0, -1, "", "%s", why);
    buf[n] = '\0'; /* pr_read_file stops on a short read, so n < the buffer's size */
    *data = buf;
    *len = n;
    return PAROER_OK;
}
