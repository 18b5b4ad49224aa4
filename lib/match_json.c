/* The JSON of `paroer match --format json` (contract section 6), built with
 * jansson so escaping and number formatting are jansson's. */
#include "match_internal.h"
#include <jansson.h>
#include <string.h>

/* Strict UTF-8 check (no overlongs, no surrogates, at most U+10FFFF), so an
 * invalid string is reported as such rather than as a jansson failure. */
static int utf8_valid(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    while (p < end) {
        unsigned c = *p;
        if (c < 0x80) { p++; continue; }
        size_t len;
        unsigned min;
        uint32_t cp;
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

/* A JSON string of a library-held text; sets *bad when it is not UTF-8. */
static json_t *jstr(const char *s, int *bad)
{
    size_t n = strlen(s);
    if (!utf8_valid(s, n)) { *bad = 1; return NULL; }
    return json_stringn_nocheck(s, n);
}

/* Adds `value` under `key`, taking the reference; fails when value is NULL. */
static int put(json_t *obj, const char *key, json_t *value)
{
    return value ? json_object_set_new_nocheck(obj, key, value) : -1;
}

static int append(json_t *arr, json_t *value)
{
    return value ? json_array_append_new(arr, value) : -1;
}

static json_t *build(const paroer_match_result *r, int *bad)
{
    char date[16];
    json_t *root = json_object();
    if (!root) return NULL;
    if (paroer_date_format(r->date, date, sizeof date) != PAROER_OK) { *bad = 1; goto fail; }
    const char *rid = paroer_match_result_relative_id(r);
    if (put(root, "relative", rid[0] ? jstr(rid, bad) : json_null()) ||
        put(root, "date", json_string_nocheck(date)))
        goto fail;
    json_t *matches = json_array();
    if (put(root, "matches", matches)) goto fail;
    for (size_t i = 0; i < r->n_entries; i++) {
        const pr_mentry *e = &r->entries[i];
        const struct paroer_offer *o = &r->catalog->offers[e->offer];
        const char *kind = paroer_vocab_code(PAROER_VOCAB_OFFER_KIND, o->kind);
        json_t *m = json_object();
        if (append(matches, m)) goto fail;
        if (put(m, "offer", jstr(o->id, bad)) || put(m, "name", jstr(o->name, bad)) ||
            put(m, "kind", kind ? json_string_nocheck(kind) : json_null()) ||
            put(m, "score", json_integer(e->score)) || put(m, "relation", json_integer(e->relation)))
            goto fail;
        json_t *reasons = json_array();
        if (put(m, "reasons", reasons)) goto fail;
        for (size_t k = 0; k < e->n_reasons; k++)
            if (append(reasons, json_string_nocheck(pr_reason_code(r->reasons[e->reason_off + k])))) goto fail;
    }
    if (r->explain) {
        json_t *excluded = json_array();
        if (put(root, "excluded", excluded)) goto fail;
        for (size_t i = 0; i < r->n_excluded; i++) {
            const struct paroer_offer *o = &r->catalog->offers[r->excluded[i].offer];
            json_t *x = json_object();
            if (append(excluded, x)) goto fail;
            if (put(x, "offer", jstr(o->id, bad)) ||
                put(x, "rule", json_string_nocheck(pr_exclusion_code(r->excluded[i].code))))
                goto fail;
        }
    }
    return root;
fail:
    json_decref(root);
    return NULL;
}

int paroer_match_result_to_json(const paroer_match_result *r, char **out, size_t *len)
{
    if (!out) return pr_error(PAROER_EINVALID, "out is NULL");
    *out = NULL;
    if (len) *len = 0;
    if (!r) return pr_error(PAROER_EINVALID, "result is NULL");
    int bad = 0;
    json_t *root = build(r, &bad);
    if (!root) {
        if (bad) return pr_error(PAROER_EINVALID, "a relative id or offer text is not valid UTF-8");
        return pr_error(PAROER_ENOMEM, "out of memory writing JSON");
    }
    const size_t flags = JSON_COMPACT | JSON_PRESERVE_ORDER;
    size_t n = json_dumpb(root, NULL, 0, flags);
    char *buf = n ? pr_malloc(&r->alloc, n + 1) : NULL;
    if (!buf || json_dumpb(root, buf, n, flags) != n) {
        pr_free(&r->alloc, buf);
        json_decref(root);
        return pr_error(PAROER_ENOMEM, "out of memory writing JSON");
    }
    json_decref(root);
    buf[n] = '\0';
    *out = buf;
    if (len) *len = n;
    return PAROER_OK;
}
