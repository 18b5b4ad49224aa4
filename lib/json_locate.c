/* A minimal JSON scanner that finds where a field path points in a document's
 * text. The loaders work on jansson's tree, which keeps no positions; when
 * (and only when) they report a problem, this scanner walks the text once
 * more to find the line and column. It trusts that the text is valid JSON
 * (the parser accepted it) but never reads outside it whatever it holds. */
#include "json_locate.h"
#include <string.h>

typedef struct scan {
    const char *s;
    size_t n, i;
} scan;

static void skip_ws(scan *sc)
{
    while (sc->i < sc->n) {
        char c = sc->s[sc->i];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
        sc->i++;
    }
}

/* At a '"': moves past the closing quote. */
static void skip_string(scan *sc)
{
    sc->i++;
    while (sc->i < sc->n) {
        char c = sc->s[sc->i++];
        if (c == '\\') sc->i++;
        else if (c == '"') break;
    }
    if (sc->i > sc->n) sc->i = sc->n;
}

/* At the first byte of a value: moves past it (iteratively, so nesting depth
 * costs no stack). */
static void skip_value(scan *sc)
{
    if (sc->i >= sc->n) return;
    char c = sc->s[sc->i];
    if (c == '"') { skip_string(sc); return; }
    if (c != '{' && c != '[') {
        while (sc->i < sc->n) {
            c = sc->s[sc->i];
            if (c == ',' || c == '}' || c == ']' || c == ' ' || c == '\t' || c == '\n' || c == '\r') break;
            sc->i++;
        }
        return;
    }
    size_t depth = 0;
    while (sc->i < sc->n) {
        c = sc->s[sc->i];
        if (c == '"') { skip_string(sc); continue; }
        sc->i++;
        if (c == '{' || c == '[') depth++;
        else if ((c == '}' || c == ']') && --depth == 0) return;
    }
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static int read_hex4(const scan *sc, size_t at, uint32_t *out)
{
    if (at + 4 > sc->n) return -1;
    uint32_t v = 0;
    for (size_t k = 0; k < 4; k++) {
        int h = hexval(sc->s[at + k]);
        if (h < 0) return -1;
        v = v * 16 + (uint32_t)h;
    }
    *out = v;
    return 0;
}

/* At a '"' that opens an object key: decodes the key (escapes included) and
 * compares it with want[0..wlen). Moves past the closing quote. */
static int key_equals(scan *sc, const char *want, size_t wlen)
{
    size_t k = 0;
    int same = 1;
    sc->i++;
    while (sc->i < sc->n) {
        char c = sc->s[sc->i++];
        if (c == '"') return same && k == wlen;
        unsigned char buf[4];
        size_t nb = 1;
        buf[0] = (unsigned char)c;
        if (c == '\\' && sc->i < sc->n) {
            char e = sc->s[sc->i++];
            switch (e) {
            case 'b': buf[0] = '\b'; break;
            case 'f': buf[0] = '\f'; break;
            case 'n': buf[0] = '\n'; break;
            case 'r': buf[0] = '\r'; break;
            case 't': buf[0] = '\t'; break;
            case 'u': {
                uint32_t cp;
                if (read_hex4(sc, sc->i, &cp)) { same = 0; break; }
                sc->i += 4;
                if (cp >= 0xD800 && cp <= 0xDBFF && sc->i + 6 <= sc->n && sc->s[sc->i] == '\\' &&
                    sc->s[sc->i + 1] == 'u') {
                    uint32_t lo;
                    if (!read_hex4(sc, sc->i + 2, &lo) && lo >= 0xDC00 && lo <= 0xDFFF) {
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                        sc->i += 6;
                    }
                }
                if (cp < 0x80) { buf[0] = (unsigned char)cp; }
                else if (cp < 0x800) {
                    buf[0] = (unsigned char)(0xC0 | (cp >> 6)); buf[1] = (unsigned char)(0x80 | (cp & 0x3F)); nb = 2;
                } else if (cp < 0x10000) {
                    buf[0] = (unsigned char)(0xE0 | (cp >> 12)); buf[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
                    buf[2] = (unsigned char)(0x80 | (cp & 0x3F)); nb = 3;
                } else {
                    buf[0] = (unsigned char)(0xF0 | (cp >> 18)); buf[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
                    buf[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F)); buf[3] = (unsigned char)(0x80 | (cp & 0x3F));
                    nb = 4;
                }
                break;
            }
            default: buf[0] = (unsigned char)e; break;   /* \" \\ \/ */
            }
        }
        for (size_t m = 0; m < nb; m++) {
            if (k >= wlen || (unsigned char)want[k] != buf[m]) same = 0;
            k++;
        }
    }
    return 0;
}

/* At '{': finds member `key` and leaves sc at its value. Returns 0 when found. */
static int find_member(scan *sc, const char *key, size_t klen)
{
    sc->i++;
    for (;;) {
        skip_ws(sc);
        if (sc->i >= sc->n || sc->s[sc->i] != '"') return -1;   /* '}' or garbage */
        int match = key_equals(sc, key, klen);
        skip_ws(sc);
        if (sc->i >= sc->n || sc->s[sc->i] != ':') return -1;
        sc->i++;
        skip_ws(sc);
        if (match) return 0;
        skip_value(sc);
        skip_ws(sc);
        if (sc->i >= sc->n || sc->s[sc->i] != ',') return -1;
        sc->i++;
    }
}

/* At '[': finds element `index` and leaves sc at it. Returns 0 when found. */
static int find_element(scan *sc, size_t index)
{
    sc->i++;
    for (size_t k = 0;; k++) {
        skip_ws(sc);
        if (sc->i >= sc->n || sc->s[sc->i] == ']') return -1;
        if (k == index) return 0;
        skip_value(sc);
        skip_ws(sc);
        if (sc->i >= sc->n || sc->s[sc->i] != ',') return -1;
        sc->i++;
    }
}

void pr_json_position(const char *data, size_t len, size_t offset, int64_t *line, int64_t *column)
{
    if (offset > len) offset = len;
    int64_t ln = 1;
    size_t start = 0;
    const char *p = data, *end = data + offset;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl) break;
        ln++;
        p = nl + 1;
        start = (size_t)(p - data);
    }
    *line = ln;
    *column = (int64_t)(offset - start) + 1;
}

int pr_json_locate(void *ctx, const char *path, int64_t *line, int64_t *column, int64_t *offset)
{
    const pr_locate_ctx *lc = ctx;
    if (!lc) return -1;
    if (lc->fixed) {
        if (line) *line = lc->line;
        if (column) *column = lc->column;
        if (offset) *offset = lc->offset;
        return 0;
    }
    if (!lc->data) return -1;
    scan sc = {lc->data, lc->len, 0};
    if (sc.n >= 3 && memcmp(sc.s, "\xEF\xBB\xBF", 3) == 0) sc.i = 3;
    skip_ws(&sc);
    if (sc.i >= sc.n) return -1;
    size_t found = sc.i;
    int rc = 0;
    const char *p = path ? path : "";
    while (*p) {
        if (*p == '[') {
            p++;
            size_t index = 0;
            while (*p >= '0' && *p <= '9') index = index * 10 + (size_t)(*p++ - '0');
            if (*p == ']') p++;
            if (sc.i >= sc.n || sc.s[sc.i] != '[' || find_element(&sc, index) != 0) { rc = 1; break; }
        } else {
            if (*p == '.') p++;
            const char *k = p;
            while (*p && *p != '.' && *p != '[') p++;
            if (sc.i >= sc.n || sc.s[sc.i] != '{' || find_member(&sc, k, (size_t)(p - k)) != 0) { rc = 1; break; }
        }
        found = sc.i;
    }
    int64_t l, c;
    pr_json_position(lc->data, lc->len, found, &l, &c);
    if (line) *line = l;
    if (column) *column = c;
    if (offset) *offset = (int64_t)found;
    return rc;
}
