/* A minimal JSON scanner that finds where a field path points in a document's
 * text. The loaders work on jansson's tree, which keeps no positions; when
 * (and only when) they report a problem, this scanner walks the text once
 * more to find the line and column. It trusts that the text is valid JSON
 * (the parser accepted it) but never reads outside it whatever it holds. */
#include "json_locate.h"
#include <stdint.h>
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

/* At a member's key (or at '}'): scans the members up to '}' for `key`, and
 * leaves sc at its value, *member at its key. A key at or after `stop` ends
 * the scan. Returns 0 when found. */
static int scan_members(scan *sc, const char *key, size_t klen, size_t stop, size_t *member)
{
    for (;;) {
        skip_ws(sc);
        if (sc->i >= sc->n || sc->s[sc->i] != '"' || sc->i >= stop) return -1;   /* '}' or garbage */
        size_t at = sc->i;
        int match = key_equals(sc, key, klen);
        skip_ws(sc);
        if (sc->i >= sc->n || sc->s[sc->i] != ':') return -1;
        sc->i++;
        skip_ws(sc);
        if (match) {
            *member = at;
            return 0;
        }
        skip_value(sc);
        skip_ws(sc);
        if (sc->i >= sc->n || sc->s[sc->i] != ',') return -1;
        sc->i++;
    }
}

/* At '{': finds member `key` and leaves sc at its value. With a `hint` (the
 * key of another member of this object), starts there and wraps around.
 * Returns 0 when found. */
static int find_member(scan *sc, const char *key, size_t klen, const size_t *hint, size_t *member)
{
    size_t open = sc->i;
    if (hint) {
        sc->i = *hint;
        if (scan_members(sc, key, klen, SIZE_MAX, member) == 0) return 0;
        sc->i = open + 1;
        return scan_members(sc, key, klen, *hint, member);
    }
    sc->i = open + 1;
    return scan_members(sc, key, klen, SIZE_MAX, member);
}

/* At '[' (or, with from > 0, at element `from`): finds element `index` and
 * leaves sc at it. Returns 0 when found. */
static int find_element(scan *sc, size_t from, size_t index)
{
    if (from == 0) {
        sc->i++;
        skip_ws(sc);
        if (sc->i >= sc->n || sc->s[sc->i] == ']') return -1;
    }
    for (size_t k = from; k < index; k++) {
        skip_value(sc);
        skip_ws(sc);
        if (sc->i >= sc->n || sc->s[sc->i] != ',') return -1;
        sc->i++;
        skip_ws(sc);
        if (sc->i >= sc->n || sc->s[sc->i] == ']') return -1;
    }
    return 0;
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

/* pr_json_position() from the last position answered: forward it counts
 * only the lines in between, on the same line it counts nothing. */
static void position(pr_locate_ctx *lc, size_t off, int64_t *line, int64_t *column)
{
    const char *d = lc->data;
    if (off > lc->len) off = lc->len;
    size_t from = 0, start = 0;
    int64_t ln = 1;
    if (lc->pos_known && off >= lc->pos_line_start) {
        from = off >= lc->pos_offset ? lc->pos_offset : off;
        start = lc->pos_line_start;
        ln = lc->pos_line;
    } else if (lc->pos_known) {
        /* An earlier line: lines back to it, then back to its start. */
        ln = lc->pos_line;
        for (const char *p = d + off, *end = d + lc->pos_line_start; p < end;) {
            const char *nl = memchr(p, '\n', (size_t)(end - p));
            if (!nl) break;
            ln--;
            p = nl + 1;
        }
        start = off;
        while (start > 0 && d[start - 1] != '\n') start--;
        from = off;
    }
    for (const char *p = d + from, *end = d + off; p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl) break;
        ln++;
        p = nl + 1;
        start = (size_t)(p - d);
    }
    lc->pos_known = 1;
    lc->pos_offset = off;
    lc->pos_line_start = start;
    lc->pos_line = ln;
    *line = ln;
    *column = (int64_t)(off - start) + 1;
}

/* One component of a field path: a key ("offers") or an index ("[3]"). */
typedef struct comp {
    int is_key;
    const char *key;
    size_t key_len, index;
} comp;

static const char *next_comp(const char *p, comp *c)
{
    if (*p == '[') {
        p++;
        c->is_key = 0;
        c->index = 0;
        while (*p >= '0' && *p <= '9') c->index = c->index * 10 + (size_t)(*p++ - '0');
        if (*p == ']') p++;
        return p;
    }
    if (*p == '.') p++;
    c->is_key = 1;
    c->key = p;
    while (*p && *p != '.' && *p != '[') p++;
    c->key_len = (size_t)(p - c->key);
    return p;
}

static int same_comp(const pr_locate_level *l, const comp *c)
{
    if (l->is_key != c->is_key) return 0;
    if (!c->is_key) return l->index == c->index;
    return l->key_len == c->key_len && memcmp(l->key, c->key, c->key_len) == 0;
}

int pr_json_locate(void *ctx, const char *path, int64_t *line, int64_t *column, int64_t *offset)
{
    pr_locate_ctx *lc = ctx;
    if (!lc) return -1;
    if (lc->fixed) {
        if (line) *line = lc->line;
        if (column) *column = lc->column;
        if (offset) *offset = lc->offset;
        return 0;
    }
    if (!lc->data) return -1;
    scan sc = {lc->data, lc->len, 0};
    if (!lc->root_known) {
        if (sc.n >= 3 && memcmp(sc.s, "\xEF\xBB\xBF", 3) == 0) sc.i = 3;
        skip_ws(&sc);
        lc->root = sc.i;
        lc->root_known = 1;
    }
    if (lc->root >= sc.n) return -1;
    sc.i = lc->root;
    size_t found = sc.i;
    int rc = 0, same = 1, caching = 1;
    const char *p = path ? path : "";
    for (size_t lvl = 0; *p; lvl++) {
        comp c = {0, NULL, 0, 0};
        p = next_comp(p, &c);
        pr_locate_level *cached = lvl < lc->depth ? &lc->level[lvl] : NULL;
        if (same && cached && same_comp(cached, &c)) {   /* the last path went this way too */
            found = sc.i = cached->value;
            continue;
        }
        /* New from here on; the last path's component at this level, in the
         * same container, tells where to resume. */
        int hint = same && cached && cached->is_key == c.is_key;
        size_t hint_value = hint ? cached->value : 0, hint_member = hint ? cached->member : 0;
        size_t hint_index = hint ? cached->index : 0;
        same = 0;
        if (lc->depth > lvl) lc->depth = lvl;
        size_t member = 0;
        int ok;
        if (c.is_key) {
            ok = sc.i < sc.n && sc.s[sc.i] == '{' ? find_member(&sc, c.key, c.key_len, hint ? &hint_member : NULL,
                                                                &member)
                                                  : -1;
        } else if (sc.i >= sc.n || sc.s[sc.i] != '[') {
            ok = -1;
        } else if (hint && hint_index <= c.index && hint_index > 0) {
            sc.i = hint_value;
            ok = find_element(&sc, hint_index, c.index);
        } else {
            ok = find_element(&sc, 0, c.index);
        }
        if (ok != 0) { rc = 1; break; }
        found = sc.i;
        if (caching && lvl < PR_LOCATE_DEPTH && (!c.is_key || c.key_len <= PR_LOCATE_KEY)) {
            pr_locate_level *l = &lc->level[lvl];
            l->value = sc.i;
            l->member = member;
            l->index = c.index;
            l->is_key = c.is_key;
            l->key_len = c.is_key ? c.key_len : 0;
            if (c.is_key) memcpy(l->key, c.key, c.key_len);
            lc->depth = lvl + 1;
        } else {
            caching = 0;
        }
    }
    int64_t l, col;
    position(lc, found, &l, &col);
    if (line) *line = l;
    if (column) *column = col;
    if (offset) *offset = (int64_t)found;
    return rc;
}
