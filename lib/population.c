/* Reading the population CSV of contract section 5 into the compact form of
 * lib/population_impl.h, and the accessors of include/paroer/population.h.
 *
 * Speed matters (a national file has two million relatives): the file is
 * mapped, fields are scanned by hand (lib/csv.c) and parsed in place, codes
 * are looked up by length and bytes, and the only allocations are the growing
 * flat arrays. Rules for every field are in docs/coverage.md. */
#if !defined(_WIN32)
#  ifndef _POSIX_C_SOURCE
#    define _POSIX_C_SOURCE 200809L
#  endif
#  ifndef _DEFAULT_SOURCE
#    define _DEFAULT_SOURCE 1
#  endif
#endif
#include "population_impl.h"
#include "csv.h"
#include "diagnostics.h"
#include <errno.h>
#include <stdio.h>
#include <string.h>

#if defined(__unix__) || defined(__APPLE__)
#  include <fcntl.h>
#  include <sys/mman.h>
#  include <sys/stat.h>
#  include <unistd.h>
#  define PR_HAVE_POSIX_IO 1
#endif

/* Advice that a large array be backed by huge pages where the system offers
 * them on request (Linux "madvise" mode): fewer page faults while it fills,
 * and no TLB miss on every probe of the id table. Only advice: the result is
 * ignored, and the memory stays the allocator's. */
static void advise_huge(void *p, size_t n)
{
#if defined(PR_HAVE_POSIX_IO) && defined(MADV_HUGEPAGE)
    const uintptr_t page = 4096;
    uintptr_t a = ((uintptr_t)p + page - 1) & ~(page - 1);
    uintptr_t b = ((uintptr_t)p + n) & ~(page - 1);
    if (n >= ((size_t)2 << 20) && b > a) (void)madvise((void *)a, (size_t)(b - a), MADV_HUGEPAGE);
#else
    (void)p;
    (void)n;
#endif
}

/* ---- columns ---------------------------------------------------------------- */

enum {
    COL_ID, COL_AGE, COL_MUNICIPALITY, COL_EMPLOYED, COL_RELATION, COL_CONDITIONS, COL_CARED_FOR_AGE,
    COL_HOURS, COL_COHABITING, COL_CARED_AT_HOME, COL_TERMINAL, COL_BEREAVED, COL_NEEDS, COL_MODES,
    COL_SLOTS, N_COL, COL_IGNORED = N_COL
};
static const char *const col_names[N_COL] = {
    "id", "age", "municipality", "employed", "relation", "conditions", "cared_for_age", "hours_per_week",
    "cohabiting", "cared_at_home", "terminal", "bereaved", "needs", "modes", "slots"};
/* Columns a file must have; the others default as in the relative document. */
static const int col_required[N_COL] = {[COL_ID] = 1, [COL_AGE] = 1, [COL_MUNICIPALITY] = 1,
                                        [COL_RELATION] = 1};

#if defined(__GNUC__) || defined(__clang__)
#  define PR_PREFETCH(p) __builtin_prefetch(p)
#else
#  define PR_PREFETCH(p) ((void)0)
#endif

#define PR_POP_MAX_ID 1024
#define PR_VALUE_SHOW 40

/* ---- code lookup ------------------------------------------------------------- */

typedef struct code_table {
    int32_t list;
    int32_t n;
    const char *code[16];
    uint8_t len[16];
    int8_t slot[64];       /* hash slot -> code, -1 empty (linear probing) */
} code_table;

static unsigned code_hash(const char *s, size_t len)
{
    return ((unsigned)len * 7u + (unsigned char)s[0] * 3u + (unsigned char)s[len - 1] +
            (unsigned char)s[len / 2] * 5u) & 63u;
}

static void code_table_init(code_table *t, int32_t list)
{
    t->list = list;
    t->n = paroer_vocab_count(list);
    if (t->n > 16) t->n = 16;
    memset(t->slot, -1, sizeof t->slot);
    for (int32_t i = 0; i < t->n; i++) {
        t->code[i] = paroer_vocab_code(list, i);
        t->len[i] = (uint8_t)strlen(t->code[i]);
        unsigned h = code_hash(t->code[i], t->len[i]);
        while (t->slot[h] >= 0) h = (h + 1) & 63u;
        t->slot[h] = (int8_t)i;
    }
}

static uint64_t load_u64(const char *p)
{
    uint64_t v;
    memcpy(&v, p, sizeof v);
    return v;
}

static uint32_t load_u32(const char *p)
{
    uint32_t v;
    memcpy(&v, p, sizeof v);
    return v;
}

/* a[0..len) == b[0..len), for the short texts of a row (ids, codes, lists):
 * whole words, the last one overlapping, so no call and no loop over bytes. */
static inline int same_bytes(const char *a, const char *b, size_t len)
{
    if (len >= 8) {
        for (size_t i = 0; i + 8 < len; i += 8)
            if (load_u64(a + i) != load_u64(b + i)) return 0;
        return load_u64(a + len - 8) == load_u64(b + len - 8);
    }
    if (len >= 4) return load_u32(a) == load_u32(b) && load_u32(a + len - 4) == load_u32(b + len - 4);
    for (size_t i = 0; i < len; i++)
        if (a[i] != b[i]) return 0;
    return 1;
}

#if defined(__BYTE_ORDER__) && defined(__ORDER_LITTLE_ENDIAN__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#  define PR_LITTLE_ENDIAN 1
#else
#  define PR_LITTLE_ENDIAN 0
#endif

/* The word with bytes p[0..len) in its low bytes, zero above (0 < len < 8),
 * as memcpy into a zeroed word gives it, but read as one load from within
 * the buffer [lo, hi) that holds p[0..len) where it allows (a call to memcpy
 * costs more than the rest of a memo look-up). lo NULL: no buffer known. */
static inline uint64_t short_word(const char *p, size_t len, const char *lo, const char *hi)
{
#if PR_LITTLE_ENDIAN
    if (lo && hi - p >= 8) return load_u64(p) & (~UINT64_C(0) >> (64 - 8 * len));
    if (lo && p + len - lo >= 8) return load_u64(p + len - 8) >> (64 - 8 * len);
#else
    (void)lo;
    (void)hi;
#endif
    uint64_t v = 0;
    memcpy(&v, p, len);
    return v;
}

/* The code of s[0..len) in the list, or -1 (len > 0). */
static int code_lookup(const code_table *t, const char *s, size_t len)
{
    if (len > 32) return -1;
    for (unsigned h = code_hash(s, len);; h = (h + 1) & 63u) {
        int i = t->slot[h];
        if (i < 0) return -1;
        if (t->len[i] != len) continue;
        if (same_bytes(t->code[i], s, len)) return i;
    }
}

/* ---- the loader -------------------------------------------------------------- */

/* The reader of population rows (population_impl.h): the stored loader
 * (`pop` set) and every worker of the streaming reader (`pop` NULL, one
 * reader a thread: the memo is mutable). */
struct pr_pop_reader {
    paroer_allocator alloc;
    paroer_population *pop;
    paroer_diagnostics *diag;
    const char *source;
    int strict;
    uint32_t max_errors;
    size_t n_listed, n_unlisted;
    uint8_t col[PR_POP_MAX_FIELDS];   /* column of each field */
    uint8_t field_of[N_COL];          /* field of each column; PR_POP_MAX_FIELDS (an empty field) when absent */
    const char *lo, *hi;              /* the piece being scanned: bounds for whole-word reads */
    char sep;                         /* the field separator: ',' or ';' (when the header uses it) */
    size_t n_fields;
    size_t id_field;                  /* the field holding the id */
    int run_open;                     /* 1 while the records since the current relative's first row all had its id */
    size_t cur_id_len;                /* length of the current (last) relative's id */
    code_table conditions, relations, needs, modes, slots;
    struct list_cache *cache;         /* per list column: raw text -> mask (owned, one block) */
    char msg[512];
    const char *err_path;             /* column of the row error, or "" */
    int err_code;
};
typedef struct pr_pop_reader loader;

typedef struct row {
    const char *id; size_t id_len;
    int32_t age, municipality;
    uint8_t employed, modes, slots;
    uint16_t needs;
    pr_pop_relation r;
} row;

/* Strips spaces and tabs around a value (cheap when there are none). */
#define TRIM(p, len) do { if ((len) && ((p)[0] == ' ' || (p)[0] == '\t' || (p)[(len) - 1] == ' ' || \
                                      (p)[(len) - 1] == '\t')) trim(&(p), &(len)); } while (0)

static int row_error(loader *ld, int code, const char *column, const char *fmt, ...) PR_PRINTF(4, 5);
static int row_error(loader *ld, int code, const char *column, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(ld->msg, sizeof ld->msg, fmt, ap);
    va_end(ap);
    ld->err_path = column ? column : "";
    ld->err_code = code;
    return code;
}

/* Copies a value for a message: at most PR_VALUE_SHOW bytes, control bytes,
 * quotes and backslashes replaced by '?', never cutting a UTF-8 sequence. */
static const char *show(char *buf, size_t cap, const char *p, size_t len)
{
    size_t n = len < PR_VALUE_SHOW ? len : PR_VALUE_SHOW;
    while (n > 0 && n < len && ((unsigned char)p[n] & 0xC0) == 0x80) n--;
    if (n >= cap - 4) n = cap - 4;
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)p[i];
        buf[o++] = (ch < 0x20 || ch == 0x7F || ch == '"' || ch == '\\') ? '?' : (char)ch;
    }
    if (n < len) {
        buf[o++] = '.'; buf[o++] = '.'; buf[o++] = '.';
    }
    buf[o] = '\0';
    return buf;
}

static void trim(const char **p, size_t *len)
{
    const char *s = *p;
    size_t n = *len;
    while (n && (*s == ' ' || *s == '\t')) { s++; n--; }
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t')) n--;
    *p = s;
    *len = n;
}

static int utf8_valid(const unsigned char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        unsigned char c = s[i];
        if (c < 0x80) { i++; continue; }
        size_t k;
        uint32_t cp;
        if ((c & 0xE0) == 0xC0) { k = 1; cp = c & 0x1F; }
        else if ((c & 0xF0) == 0xE0) { k = 2; cp = c & 0x0F; }
        else if ((c & 0xF8) == 0xF0) { k = 3; cp = c & 0x07; }
        else return 0;
        if (len - i <= k) return 0;
        for (size_t j = 1; j <= k; j++) {
            if ((s[i + j] & 0xC0) != 0x80) return 0;
            cp = (cp << 6) | (s[i + j] & 0x3F);
        }
        if ((k == 1 && cp < 0x80) || (k == 2 && cp < 0x800) || (k == 3 && cp < 0x10000) || cp > 0x10FFFF ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return 0;
        i += k + 1;
    }
    return 1;
}

/* A whole number 0..max, digits only (leading zeros allowed). */
PR_HOT_INLINE int parse_uint(const char *p, size_t len, int32_t max, int32_t *out)
{
    if (len == 0 || len > 9) {
        /* allow long runs of leading zeros */
        while (len > 1 && *p == '0') { p++; len--; }
        if (len == 0 || len > 9) return -1;
    }
    int32_t v = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned d = (unsigned char)p[i] - '0';
        if (d > 9) return -1;
        v = v * 10 + (int32_t)d;
    }
    if (v > max) return -1;
    *out = v;
    return 0;
}

/* 0/1/true/false (any case); empty is false. */
static int parse_bool(const char *p, size_t len, uint8_t *out)
{
    if (len == 0) { *out = 0; return 0; }
    if (len == 1) {
        if (*p == '0') { *out = 0; return 0; }
        if (*p == '1') { *out = 1; return 0; }
        return -1;
    }
    char b[6];
    if (len > 5) return -1;
    for (size_t i = 0; i < len; i++) b[i] = (char)(p[i] | 0x20);
    if (len == 4 && memcmp(b, "true", 4) == 0) { *out = 1; return 0; }
    if (len == 5 && memcmp(b, "false", 5) == 0) { *out = 0; return 0; }
    return -1;
}

/* Hours a week: digits, optionally '.' and digits; 0..168. Kept in
 * hundredths of an hour, rounded half up from the third decimal. */
static int parse_hours(const char *p, size_t len, int decimal_comma, uint16_t *out)
{
    uint32_t whole = 0, frac = 0;
    size_t i = 0;
    int digits = 0;
    for (; i < len && p[i] != '.' && !(decimal_comma && p[i] == ','); i++) {
        unsigned d = (unsigned)(unsigned char)p[i] - '0';
        if (d > 9) return -1;
        if (whole > 1000) return -1;
        whole = whole * 10 + d;
        digits++;
    }
    if (i < len) {                                   /* the '.' */
        int k = 0, round = 0;
        for (i++; i < len; i++, k++) {
            unsigned d = (unsigned)(unsigned char)p[i] - '0';
            if (d > 9) return -1;
            digits++;
            if (k < 2) frac = frac * 10 + d;
            else if (k == 2) round = d >= 5;
        }
        if (k == 1) frac *= 10;
        frac += (uint32_t)round;
    }
    if (!digits) return -1;
    uint32_t v = whole * 100 + frac;
    if (v > 16800) return -1;
    *out = (uint16_t)v;
    return 0;
}

/* 1 when s[0..len) looks like a code (lowercase ASCII letters, digits and
 * '_', at most 32 bytes): only such a text is named in a message. */
static int code_shaped(const char *s, size_t len)
{
    if (len == 0 || len > 32) return 0;
    for (size_t i = 0; i < len; i++) {
        const char ch = s[i];
        if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_')) return 0;
    }
    return 1;
}

/* An unknown code in a column. Contract section 1 asks that the message name
 * the code; it does so only when the text is shaped like a code, so that no
 * other value of a relative's row (a pseudonym in the wrong column, a number)
 * ever reaches a message. */
static int unknown_code(loader *ld, const code_table *t, int column, const char *s, size_t n)
{
    char expected[256];
    size_t o = 0;
    for (int32_t i = 0; i < t->n && o + 24 < sizeof expected; i++)
        o += (size_t)snprintf(expected + o, sizeof expected - o, "%s%s", i ? ", " : "", t->code[i]);
    if (code_shaped(s, n))
        return row_error(ld, PAROER_ESCHEMA, col_names[column], "unknown %s \"%.*s\" in column \"%s\" (expected one of: %s)",
                         paroer_vocab_list_name(t->list), (int)n, s, col_names[column], expected);
    return row_error(ld, PAROER_ESCHEMA, col_names[column], "column \"%s\": not a %s code (expected one of: %s)",
                     col_names[column], paroer_vocab_list_name(t->list), expected);
}

/* A ';'-separated list of codes (items trimmed; empty field = empty list).
 * Kept out of line: its caller, the memo, is inlined into the row parser and
 * a national file reaches this only for a few hundred distinct texts. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static int parse_list(loader *ld, const code_table *t, int column, const char *p, size_t len, uint32_t *out)
{
    uint32_t mask = 0;
    *out = 0;
    if (len == 0) return 0;
    const char *end = p + len;
    for (;;) {
        const char *q = p;
        while (q < end && *q != ';' && !(*q == ',' && ld->sep == ';')) q++;
        if (q == end) q = NULL;
        const char *ie = q ? q : end;
        const char *s = p;
        size_t n = (size_t)(ie - p);
        TRIM(s, n);
        if (n == 0)
            return row_error(ld, PAROER_ESCHEMA, col_names[column],
                             "empty item in the list of column \"%s\"", col_names[column]);
        int code = code_lookup(t, s, n);
        if (code < 0) return unknown_code(ld, t, column, s, n);
        mask |= PR_BIT(code);
        if (!q) break;
        p = q + 1;
    }
    *out = mask;
    return 0;
}

/* ---- a memo of list fields ------------------------------------------------
 * A national file repeats a few hundred distinct list values ("in_person;online")
 * millions of times, so each list column remembers the masks of recent raw
 * texts: a hit costs a hash of the first and last 8 bytes and one compare. */

#ifndef PR_CACHE_BITS
#  define PR_CACHE_BITS 12   /* 4096 slots a column: national files hold hundreds of distinct need and condition sets
                                (the fuzzing build sets a few, so that texts share slots and evict each other) */
#endif
#define PR_CACHE_SLOTS ((size_t)1 << PR_CACHE_BITS)
#define PR_CACHE_TEXT 120   /* all eleven needs joined fit */

typedef struct list_cache_entry {
    uint32_t len;                      /* 0 = empty slot */
    uint32_t mask;
    char text[PR_CACHE_TEXT];
} list_cache_entry;

struct list_cache { list_cache_entry e[4][PR_CACHE_SLOTS]; };   /* conditions, needs, modes, slots */


/* A slot from every byte of the text (sets that share their first and last
 * bytes, "information;…;peer_support", must not share a slot). */
PR_HOT_INLINE unsigned cache_slot(const char *p, size_t len, uint64_t short_text)
{
    uint64_t h = (uint64_t)len * UINT64_C(0x9E3779B97F4A7C15);
    if (len < 8) {
        h = (h ^ short_text) * UINT64_C(0xC2B2AE3D27D4EB4F);
    } else {
        /* whole words, then the last 8 bytes (overlapping the last word):
         * every byte is hashed without a loop over single bytes */
        size_t i = 0;
        for (; i + 8 < len; i += 8) h = (h ^ load_u64(p + i)) * UINT64_C(0xC2B2AE3D27D4EB4F);
        h = (h ^ load_u64(p + len - 8)) * UINT64_C(0xC2B2AE3D27D4EB4F);
    }
    h ^= h >> 29;
    return (unsigned)((h * UINT64_C(0x9E3779B97F4A7C15)) >> (64 - PR_CACHE_BITS));
}

/* parse_list through the column's memo (k: 0 conditions, 1 needs, 2 modes, 3 slots). */
PR_HOT_INLINE int parse_list_cached(loader *ld, int k, const code_table *t, int column, const pr_csv_field *x,
                                    const char *p, size_t len, uint32_t *out)
{
    if (len == 0) {
        *out = 0;
        return 0;
    }
    if (len > PR_CACHE_TEXT || !ld->cache) return parse_list(ld, t, column, p, len, out);
    /* an unescaped quoted field lives in the reader's scratch buffer, not in the piece */
    const int in_piece = x->off == SIZE_MAX;
    const uint64_t w = len < 8 ? short_word(p, len, in_piece ? ld->lo : NULL, ld->hi) : 0;
    list_cache_entry *e = &ld->cache->e[k][cache_slot(p, len, w)];
    /* a short text compares as one word (the entry's text has room for it) */
    if (e->len == len && (len < 8 ? short_word(e->text, len, e->text, e->text + sizeof e->text) == w
                                  : same_bytes(e->text, p, len))) {
        *out = e->mask;
        return 0;
    }
    int rc = parse_list(ld, t, column, p, len, out);
    if (!rc) {
        e->len = (uint32_t)len;
        e->mask = *out;
        memcpy(e->text, p, len);
    }
    return rc;
}

/* A 0/1 column of a plain row: 1 when it is empty (an absent column reads as
 * the empty field), "0" or "1" (*out set); anything else ('?', true, false,
 * a bad value) is left to parse_row. */
PR_HOT_INLINE int plain_bit(const pr_csv_field *x, uint8_t *out)
{
    if (x->len == 0) {
        *out = 0;
        return 1;
    }
    if (x->len != 1 || (x->p[0] != '0' && x->p[0] != '1')) return 0;
    *out = (uint8_t)(x->p[0] - '0');
    return 1;
}

/* The row parser for the common row: plain (no blank, nothing outside ASCII)
 * and every column in the ordinary form: an age, "0"/"1" flags and codes, in
 * whatever order the header gave the columns. Straight-line code, a column at
 * a time through ld->field_of, with no loop or switch over the fields.
 * Returns 0 with *r filled, or 1 for anything else ('?', true/false, a bad
 * value): parse_row then reads the row again, the general way, which also
 * names the first bad field in file order. It accepts exactly what parse_row
 * accepts and gives the same row (checked field by field in debug builds). */
static int parse_row_plain(loader *ld, const pr_csv_field *f, row *r)
{
    const pr_csv_field *x = &f[ld->field_of[COL_ID]];
    if (x->len == 0 || x->len > PR_POP_MAX_ID) return 1;
    r->id = x->p;
    r->id_len = x->len;
    int32_t iv;
    x = &f[ld->field_of[COL_AGE]];
    if (parse_uint(x->p, x->len, 130, &iv)) return 1;
    r->age = iv;
    x = &f[ld->field_of[COL_MUNICIPALITY]];
    if (parse_uint(x->p, x->len, 999, &iv) || iv < 1) return 1;
    r->municipality = iv;
    x = &f[ld->field_of[COL_RELATION]];
    int code = x->len ? code_lookup(&ld->relations, x->p, x->len) : -1;
    if (code < 0) return 1;
    r->r.relation = (uint8_t)code;
    uint32_t mask;
    x = &f[ld->field_of[COL_CONDITIONS]];
    if ((x->len == 1 && x->p[0] == '?') || parse_list_cached(ld, 0, &ld->conditions, COL_CONDITIONS, x, x->p, x->len, &mask))
        return 1;
    r->r.conditions = (uint16_t)mask;
    x = &f[ld->field_of[COL_NEEDS]];
    if (parse_list_cached(ld, 1, &ld->needs, COL_NEEDS, x, x->p, x->len, &mask)) return 1;
    r->needs = (uint16_t)mask;
    x = &f[ld->field_of[COL_MODES]];
    if (parse_list_cached(ld, 2, &ld->modes, COL_MODES, x, x->p, x->len, &mask)) return 1;
    r->modes = (uint8_t)mask;
    x = &f[ld->field_of[COL_SLOTS]];
    if (parse_list_cached(ld, 3, &ld->slots, COL_SLOTS, x, x->p, x->len, &mask)) return 1;
    r->slots = (uint8_t)mask;
    x = &f[ld->field_of[COL_CARED_FOR_AGE]];
    r->r.cared_for_age = PR_POP_AGE_UNKNOWN;
    if (x->len) {
        if (parse_uint(x->p, x->len, 130, &iv)) return 1;
        r->r.cared_for_age = (uint8_t)iv;
    }
    x = &f[ld->field_of[COL_HOURS]];
    r->r.hours = 0;
    if (x->len && parse_hours(x->p, x->len, ld->sep == ';', &r->r.hours)) return 1;
    uint8_t emp, coh, home, term, ber;
    if (!plain_bit(&f[ld->field_of[COL_EMPLOYED]], &emp) || !plain_bit(&f[ld->field_of[COL_COHABITING]], &coh) ||
        !plain_bit(&f[ld->field_of[COL_CARED_AT_HOME]], &home) || !plain_bit(&f[ld->field_of[COL_TERMINAL]], &term) ||
        !plain_bit(&f[ld->field_of[COL_BEREAVED]], &ber))
        return 1;
    r->employed = emp;
    r->r.flags = (uint8_t)((coh ? PR_BIT(PAROER_FLAG_COHABITING) : 0) | (home ? PR_BIT(PAROER_FLAG_CARED_AT_HOME) : 0) |
                           (term ? PR_BIT(PAROER_FLAG_TERMINAL) : 0) | (ber ? PR_BIT(PAROER_FLAG_BEREAVED) : 0));
    r->r.unknown = 0;
    return 0;
}

/* plain: the record holds no blank, no byte outside ASCII and no NUL (pr_csv.plain),
 * so no field needs trimming and the id needs no UTF-8 or NUL check. */
static int parse_row_general(loader *ld, const pr_csv_field *f, int plain, row *r);

#if !defined(NDEBUG) || defined(PR_SELF_CHECK)
#  include <stdlib.h>
/* Debug and checking builds (sanitizers, coverage, the fuzzers) read every
 * row the plain parser took the general way too, and stop on any difference. */
static void check_plain(loader *ld, const pr_csv_field *f, const row *a)
{
    row b;
    if (parse_row_general(ld, f, 1, &b) || a->id != b.id || a->id_len != b.id_len || a->age != b.age ||
        a->municipality != b.municipality || a->employed != b.employed || a->modes != b.modes ||
        a->slots != b.slots || a->needs != b.needs || memcmp(&a->r, &b.r, sizeof a->r) != 0)
        abort();
}
#else
#  define check_plain(ld, f, a) ((void)0)
#endif

static int parse_row(loader *ld, const pr_csv_field *f, int plain, row *r)
{
    if (plain && !parse_row_plain(ld, f, r)) {
        check_plain(ld, f, r);
        return 0;
    }
    return parse_row_general(ld, f, plain, r);
}

static int parse_row_general(loader *ld, const pr_csv_field *f, int plain, row *r)
{
    memset(r, 0, sizeof *r);
    r->r.cared_for_age = PR_POP_AGE_UNKNOWN;
    for (size_t i = 0; i < ld->n_fields; i++) {
        int c = ld->col[i];
        const char *p = f[i].p;
        size_t len = f[i].len;
        if (c == COL_IGNORED) continue;
        if (c != COL_ID && !plain) TRIM(p, len);
        int32_t iv;
        uint32_t mask;
        uint8_t b;
        switch (c) {
        case COL_ID:
            if (len == 0) return row_error(ld, PAROER_ESCHEMA, "id", "column \"id\" is empty");
            if (len > PR_POP_MAX_ID)
                return row_error(ld, PAROER_ESCHEMA, "id", "column \"id\" is longer than %d bytes", PR_POP_MAX_ID);
            if (!plain && !utf8_valid((const unsigned char *)p, len))
                return row_error(ld, PAROER_EPARSE, "id", "column \"id\" is not valid UTF-8");
            if (!plain && memchr(p, '\0', len))
                return row_error(ld, PAROER_ESCHEMA, "id", "column \"id\" holds a NUL byte");
            r->id = p;
            r->id_len = len;
            break;
        case COL_AGE:
            if (len == 1 && *p == '?') { r->age = PR_POP_AGE_UNKNOWN; break; }
            if (parse_uint(p, len, 130, &iv))
                return row_error(ld, PAROER_ESCHEMA, "age", "column \"age\": expected a whole number 0..130");
            r->age = iv;
            break;
        case COL_MUNICIPALITY:
            if (parse_uint(p, len, 999, &iv) || iv < 1)
                return row_error(ld, PAROER_ESCHEMA, "municipality",
                                 "column \"municipality\": expected a municipality code 1..999");
            r->municipality = iv;
            break;
        case COL_RELATION: {
            int code = len ? code_lookup(&ld->relations, p, len) : -1;
            if (len == 0) return row_error(ld, PAROER_ESCHEMA, "relation", "column \"relation\" is empty");
            if (code < 0)
                return unknown_code(ld, &ld->relations, COL_RELATION, p, len);
            r->r.relation = (uint8_t)code;
            break;
        }
        case COL_CONDITIONS:
            if (len == 1 && *p == '?') { r->r.unknown |= PR_POP_U_CONDITIONS; break; }
            if (parse_list_cached(ld, 0, &ld->conditions, c, &f[i], p, len, &mask)) return ld->err_code;
            r->r.conditions = (uint16_t)mask;
            break;
        case COL_NEEDS:
            if (parse_list_cached(ld, 1, &ld->needs, c, &f[i], p, len, &mask)) return ld->err_code;
            r->needs = (uint16_t)mask;
            break;
        case COL_MODES:
            if (parse_list_cached(ld, 2, &ld->modes, c, &f[i], p, len, &mask)) return ld->err_code;
            r->modes = (uint8_t)mask;
            break;
        case COL_SLOTS:
            if (parse_list_cached(ld, 3, &ld->slots, c, &f[i], p, len, &mask)) return ld->err_code;
            r->slots = (uint8_t)mask;
            break;
        case COL_CARED_FOR_AGE:
            if (len == 0) break;
            if (len == 1 && *p == '?') { r->r.unknown |= PR_POP_U_CFA; break; }
            if (parse_uint(p, len, 130, &iv))
                return row_error(ld, PAROER_ESCHEMA, "cared_for_age",
                                 "column \"cared_for_age\": expected a whole number 0..130 or nothing");
            r->r.cared_for_age = (uint8_t)iv;
            break;
        case COL_HOURS:
            if (len == 0) break;
            if (parse_hours(p, len, ld->sep == ';', &r->r.hours))
                return row_error(ld, PAROER_ESCHEMA, "hours_per_week",
                                 "column \"hours_per_week\": expected a number 0..168 or nothing");
            break;
        default: /* the booleans */
            if (len == 1 && *p == '?') {
                if (c == COL_EMPLOYED) r->employed = PR_POP_EMPLOYED_UNKNOWN;
                else r->r.unknown |= (uint8_t)PR_BIT(c == COL_COHABITING ? PAROER_FLAG_COHABITING
                                                     : c == COL_CARED_AT_HOME ? PAROER_FLAG_CARED_AT_HOME
                                                     : c == COL_TERMINAL ? PAROER_FLAG_TERMINAL
                                                                         : PAROER_FLAG_BEREAVED);
                break;
            }
            if (parse_bool(p, len, &b))
                return row_error(ld, PAROER_ESCHEMA, col_names[c],
                                 "column \"%s\": expected 0, 1, true or false", col_names[c]);
            if (c == COL_EMPLOYED) r->employed = b;
            else if (b) {
                int flag = c == COL_COHABITING ? PAROER_FLAG_COHABITING
                         : c == COL_CARED_AT_HOME ? PAROER_FLAG_CARED_AT_HOME
                         : c == COL_TERMINAL ? PAROER_FLAG_TERMINAL : PAROER_FLAG_BEREAVED;
                r->r.flags |= (uint8_t)PR_BIT(flag);
            }
            break;
        }
    }
    return 0;
}

/* ---- the id table --------------------------------------------------------
 * Open addressing with 32-bit entries: the low bits of an id's hash pick the
 * slot, the high bits are kept beside the relative's index + 1, so a probe
 * reads the pool only when the high bits agree. The table is sized once from
 * the number of lines (an upper bound on relatives) at most 70 % full. */

static uint32_t id_hash(const char *id, size_t len)
{
    uint64_t h = (uint64_t)len * UINT64_C(0x9E3779B97F4A7C15);
    for (; len >= 8; id += 8, len -= 8) {
        h = (h ^ load_u64(id)) * UINT64_C(0xFF51AFD7ED558CCD);
        h ^= h >> 32;
    }
    uint64_t v = 0;
    for (size_t i = 0; i < len; i++) v = (v << 8) | (unsigned char)id[i];
    h = (h ^ v) * UINT64_C(0xC4CEB9FE1A85EC53);
    h ^= h >> 29;
    return (uint32_t)(h >> 32) ^ (uint32_t)h;
}

static int table_init(paroer_population *pop, size_t max_relatives)
{
    size_t cap = 1024;
    while (cap < (size_t)UINT32_MAX / 2 && cap / 10 * 7 <= max_relatives) cap *= 2;
    if (cap / 10 * 7 <= max_relatives) return PAROER_ENOMEM;
    pop->table = pr_malloc(&pop->alloc, cap * sizeof *pop->table);
    if (!pop->table) return PAROER_ENOMEM;
    advise_huge(pop->table, cap * sizeof *pop->table);
    memset(pop->table, 0, cap * sizeof *pop->table);
    pop->table_cap = cap;
    return 0;
}

/* Index of the relative with this id, or -1. */
static int64_t table_find(const paroer_population *pop, const char *id, size_t len, uint32_t h)
{
    if (!pop->table_cap) return -1;
    const uint32_t mask = (uint32_t)(pop->table_cap - 1);
    for (uint32_t s = h & mask;; s = (s + 1) & mask) {
        uint32_t e = pop->table[s];
        if (!e) return -1;
        if ((e & ~mask) == (h & ~mask)) {
            size_t idx = (size_t)(e & mask) - 1;
            const char *k = pop->ids + pop->rel[idx].id;
            if (strncmp(k, id, len) == 0 && k[len] == '\0') return (int64_t)idx;
        }
    }
}

static void table_insert(paroer_population *pop, uint32_t h, size_t idx)
{
    const uint32_t mask = (uint32_t)(pop->table_cap - 1);
    uint32_t s = h & mask;
    while (pop->table[s]) s = (s + 1) & mask;
    pop->table[s] = (h & ~mask) | (uint32_t)(idx + 1);
}

/* ---- the stored population: a sink of the scan ------------------------------- */

/* A new relative's first row: rejected when its id was seen before (rows
 * not consecutive). Returns 1 with the error set, 0, or PAROER_ENOMEM. */
static int stored_begin(loader *ld, const char *id, size_t len)
{
    paroer_population *pop = ld->pop;
    uint32_t h = id_hash(id, len);
    int64_t seen = table_find(pop, id, len, h);
    if (seen >= 0) {
        row_error(ld, PAROER_ESCHEMA, "id",
                  "this row's id was used by earlier rows that are not just above it: the rows of one "
                  "relative must be consecutive (its first row is on line %lu)",
                  (unsigned long)pop->line[seen]);
        return 1;
    }
    if (pop->n_rel >= pop->cap_rel) return PAROER_ENOMEM;
    table_insert(pop, h, pop->n_rel);
    return 0;
}

static int stored_relative(void *ctx, const char *id, size_t id_len, const pr_pop_relative *r,
                           const pr_pop_relation *rn, uint32_t n, int64_t line)
{
    loader *ld = ctx;
    paroer_population *pop = ld->pop;
    if (pop->n_rel >= pop->cap_rel || pop->n_rn + n > pop->cap_rn || pop->n_ids + id_len + 1 > UINT32_MAX)
        return PAROER_ENOMEM;
    if (pr_grow(&pop->alloc, (void **)&pop->ids, &pop->cap_ids, pop->n_ids + id_len + 1, 1)) return PAROER_ENOMEM;
    pr_pop_relative *x = &pop->rel[pop->n_rel];
    *x = *r;
    x->first = (uint32_t)pop->n_rn;
    x->id = (uint32_t)pop->n_ids;
    pop->line[pop->n_rel] = line > 0 && line <= (int64_t)UINT32_MAX ? (uint32_t)line : 0;
    memcpy(pop->ids + pop->n_ids, id, id_len);
    pop->ids[pop->n_ids + id_len] = '\0';
    pop->n_ids += id_len + 1;
    memcpy(pop->rn + pop->n_rn, rn, n * sizeof *rn);
    pop->n_rn += n;
    pop->n_rel++;
    return 0;
}

/* Records one error at `line`. Returns 0 to go on, or the code to stop with. */
static int report(loader *ld, int code, int64_t line, const char *path, const char *message)
{
    if (ld->strict) {
        pr_error_at(code, ld->source, line, 0, -1, path, "%s", message);
        if (ld->diag &&
            pr_diag_add(ld->diag, PR_SEV_ERROR, code, ld->source, path, line, 0, message))
            return pr_error(PAROER_ENOMEM, "out of memory");
        return code;
    }
    if (ld->diag) {
        if (ld->n_listed < ld->max_errors) {
            if (pr_diag_add(ld->diag, PR_SEV_ERROR, code, ld->source, path, line, 0, message))
                return pr_error(PAROER_ENOMEM, "out of memory");
            ld->n_listed++;
        } else {
            ld->n_unlisted++;
        }
    }
    return 0;
}

void pr_pop_error_text(const pr_pop_error *e, int64_t base, char *out, size_t cap)
{
    if (e->ref_line > 0) snprintf(out, cap, "%s (line %lld)", e->msg, (long long)(e->ref_line + base));
    else snprintf(out, cap, "%s", e->msg);
}

static int stored_error(void *ctx, const pr_pop_error *e)
{
    loader *ld = ctx;
    char text[600];
    ld->pop->rejected++;
    pr_pop_error_text(e, 0, text, sizeof text);
    return report(ld, e->code, e->line, e->column, text);
}

static int header(loader *ld, const pr_csv_field *f, size_t n, int64_t line)
{
    char v[64];
    if (n > PR_POP_MAX_FIELDS) {
        char m[80];
        snprintf(m, sizeof m, "the header has more than %d columns", PR_POP_MAX_FIELDS);
        pr_error_at(PAROER_ESCHEMA, ld->source, line, 0, -1, "", "%s", m);
        if (ld->diag && pr_diag_add(ld->diag, PR_SEV_ERROR, PAROER_ESCHEMA, ld->source, "", line, 0, m))
            return pr_error(PAROER_ENOMEM, "out of memory");
        return PAROER_ESCHEMA;
    }
    int seen[N_COL] = {0};
    int rc = 0;
    memset(ld->field_of, PR_POP_MAX_FIELDS, sizeof ld->field_of);
    for (size_t i = 0; i < n; i++) {
        const char *p = f[i].p;
        size_t len = f[i].len;
        trim(&p, &len);
        int c = COL_IGNORED;
        for (int k = 0; k < N_COL; k++)
            if (strlen(col_names[k]) == len && memcmp(col_names[k], p, len) == 0) c = k;
        ld->col[i] = (uint8_t)c;
        if (c == COL_IGNORED) {
            char m[160];
            snprintf(m, sizeof m, "unknown column \"%s\"%s", show(v, sizeof v, p, len),
                     ld->strict ? "" : " is ignored");
            if (ld->strict) {
                rc = report(ld, PAROER_ESCHEMA, line, "", m);
                return rc ? rc : PAROER_ESCHEMA;
            }
            if (ld->diag && pr_diag_add(ld->diag, PR_SEV_WARNING, 0, ld->source, "", line, 0, m))
                return pr_error(PAROER_ENOMEM, "out of memory");
            continue;
        }
        if (seen[c]) {
            char m[160];
            snprintf(m, sizeof m, "column \"%s\" is named twice in the header", col_names[c]);
            pr_error_at(PAROER_ESCHEMA, ld->source, line, 0, -1, "", "%s", m);
            if (ld->diag && pr_diag_add(ld->diag, PR_SEV_ERROR, PAROER_ESCHEMA, ld->source, "", line, 0, m))
                return pr_error(PAROER_ENOMEM, "out of memory");
            return PAROER_ESCHEMA;
        }
        seen[c] = 1;
        ld->field_of[c] = (uint8_t)i;
        if (c == COL_ID) ld->id_field = i;
    }
    for (int k = 0; k < N_COL; k++) {
        if (col_required[k] && !seen[k]) {
            char m[160];
            snprintf(m, sizeof m, "the header has no column \"%s\"", col_names[k]);
            pr_error_at(PAROER_ESCHEMA, ld->source, line, 0, -1, "", "%s", m);
            if (ld->diag && pr_diag_add(ld->diag, PR_SEV_ERROR, PAROER_ESCHEMA, ld->source, "", line, 0, m))
                return pr_error(PAROER_ENOMEM, "out of memory");
            return PAROER_ESCHEMA;
        }
    }
    ld->n_fields = n;
    return 0;
}

/* Gives back what the worst-case reservations did not use. A failed shrink
 * keeps the larger block, which is still correct. */
static void *shrink_one(const paroer_allocator *a, void *p, size_t *cap, size_t n, size_t elem)
{
    if (!p || n >= *cap) return p;
    void *q = pr_realloc(a, p, *cap * elem, (n ? n : 1) * elem);
    if (!q) return p;
    *cap = n ? n : 1;
    return q;
}

static void shrink(paroer_population *pop)
{
    size_t cap_line = pop->cap_rel;
    pop->line = shrink_one(&pop->alloc, pop->line, &cap_line, pop->n_rel, sizeof *pop->line);
    pop->rel = shrink_one(&pop->alloc, pop->rel, &pop->cap_rel, pop->n_rel, sizeof *pop->rel);
    pop->rn = shrink_one(&pop->alloc, pop->rn, &pop->cap_rn, pop->n_rn, sizeof *pop->rn);
    pop->ids = shrink_one(&pop->alloc, pop->ids, &pop->cap_ids, pop->n_ids, 1);
}

/* 1 for an empty or whitespace-only line. */
static int blank_record(const pr_csv_field *f, size_t n)
{
    if (n != 1 || f[0].quoted) return 0;
    for (size_t i = 0; i < f[0].len; i++)
        if (f[0].p[i] != ' ' && f[0].p[i] != '\t') return 0;
    return 1;
}

/* A header problem: recorded and returned. */
static int header_error(loader *ld, int code, int64_t line, const char *m)
{
    pr_error_at(code, ld->source, line, 0, -1, "", "%s", m);
    if (ld->diag && pr_diag_add(ld->diag, PR_SEV_ERROR, code, ld->source, "", line, 0, m))
        return pr_error(PAROER_ENOMEM, "out of memory");
    return code;
}

/* What a file that is not UTF-8 text looks like at its start, or NULL. */
static const char *not_utf8(const char *data, size_t len)
{
    const unsigned char *u = (const unsigned char *)data;
    if (len >= 4 && u[0] == 0xFF && u[1] == 0xFE && u[2] == 0 && u[3] == 0)
        return "the file is UTF-32 (it starts with a UTF-32 byte order mark): save it as UTF-8 (CSV UTF-8)";
    if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
        return "the file is UTF-16 (it starts with a UTF-16 byte order mark): save it as UTF-8 (CSV UTF-8)";
    size_t k = len < 64 ? len : 64;
    if (memchr(data, '\0', k))
        return "the file holds NUL bytes at its start, as UTF-16 text without a byte order mark does: save it as "
               "UTF-8 (CSV UTF-8)";
    return NULL;
}

/* Reads the header row (blank lines before it are skipped) and sets up the
 * columns. A header of one field holding ';' is read again with ';' as the
 * separator (the Danish Excel default); the whole file then uses it. */
static int read_header(loader *ld, pr_csv *csv, pr_csv_field *f, size_t *n, int64_t *line)
{
    const char *err;
    const char *bad_text = not_utf8(csv->p, (size_t)(csv->end - csv->p));
    if (bad_text) return header_error(ld, PAROER_EPARSE, 1, bad_text);
    ld->sep = ',';
    for (;;) {
        const char *start = csv->p;
        const int64_t start_line = csv->line;
        int rc = pr_csv_next(csv, f, PR_POP_MAX_FIELDS, n, line, &err);
        if (rc == PAROER_ENOMEM) return pr_error(PAROER_ENOMEM, "out of memory");
        if (rc == PR_CSV_EOF) return header_error(ld, PAROER_ESCHEMA, 1, "the file is empty: expected a header row");
        if (rc == PR_CSV_BAD) {
            char m[160];
            snprintf(m, sizeof m, "the header row is malformed: %s", err);
            return header_error(ld, PAROER_EPARSE, *line, m);
        }
        if (blank_record(f, *n)) continue;
        if (*n == 1 && ld->sep == ',' && f[0].len && memchr(f[0].p, ';', f[0].len)) {
            ld->sep = ';';
            csv->sep = ';';
            csv->p = start;
            csv->line = start_line;
            continue;
        }
        if (*n == 1 && f[0].len && memchr(f[0].p, '\t', f[0].len))
            return header_error(ld, PAROER_ESCHEMA, *line,
                                "the header row is separated by tabs: separate the columns by commas "
                                "(or semicolons)");
        return header(ld, f, *n, *line);
    }
}

/* ---- the scan: rows to relatives ------------------------------------------------- */

static int same_relative_columns(const pr_pop_relative *cur, const row *r, const char **what)
{
    *what = cur->age != (uint8_t)r->age ? "age"
          : cur->municipality != r->municipality ? "municipality"
          : cur->employed != r->employed ? "employed"
          : cur->needs != r->needs ? "needs"
          : cur->modes != r->modes ? "modes"
          : cur->slots != r->slots ? "slots" : NULL;
    return *what == NULL;
}

int pr_pop_scan(pr_pop_reader *ld, const char *data, size_t len, int64_t line0, const pr_pop_sink *sink,
                int64_t *lines_read)
{
    pr_csv csv;
    pr_csv_init_part(&csv, &ld->alloc, data, len, ld->sep, line0);
    /* one more field than a record fills: the empty field an absent column reads (ld->field_of) */
    pr_csv_field f[PR_POP_MAX_FIELDS + 1];
    f[PR_POP_MAX_FIELDS] = (pr_csv_field){"", 0, 0, SIZE_MAX};
    ld->lo = data;
    ld->hi = data + len;
    size_t n;
    int64_t line;
    const char *err;
    /* the relative being read */
    int have = 0, run_open = 0;
    char cur_id[PR_POP_MAX_ID];
    size_t cur_len = 0;
    int64_t cur_line = 0;
    pr_pop_relative cur;
    pr_pop_relation *rn = NULL;
    size_t n_rn = 0, cap_rn = 0;
    int rc = 0;
    memset(&cur, 0, sizeof cur);
    for (;;) {
        int st = pr_csv_next(&csv, f, PR_POP_MAX_FIELDS, &n, &line, &err);
        if (st == PR_CSV_EOF) break;
        if (st == PAROER_ENOMEM) { rc = PAROER_ENOMEM; break; }
        int bad = 0;
        int64_t ref = 0;
        if (st == PR_CSV_BAD) bad = row_error(ld, PAROER_EPARSE, "", "%s", err);
        else if (blank_record(f, n)) continue;
        /* A record with another id ends the current relative's run of rows
         * (a malformed record, whose id is unknown, does not). */
        if (st == PR_CSV_RECORD && run_open && ld->id_field < n) {
            const pr_csv_field *idf = &f[ld->id_field];
            if (idf->len != cur_len || !same_bytes(cur_id, idf->p, idf->len)) run_open = 0;
        }
        if (!bad && n != ld->n_fields) {
            bad = row_error(ld, PAROER_ESCHEMA, "", "expected %lu fields (as in the header), got %lu",
                            (unsigned long)ld->n_fields, (unsigned long)n);
        } else if (!bad) {
            row r;
            bad = parse_row(ld, f, csv.plain, &r);
            const char *what;
            if (bad) {
                /* reported below */
            } else if (have && run_open) {
                /* another relation of the current relative: its own columns must agree */
                if (!same_relative_columns(&cur, &r, &what)) {
                    bad = row_error(ld, PAROER_ESCHEMA, what,
                                    "column \"%s\" differs from the first row of the same relative", what);
                    ref = cur_line;
                } else if (n_rn >= UINT32_MAX - 1) {
                    bad = row_error(ld, PAROER_ESCHEMA, "", "a relative has more than 2^32 rows");
                } else {
                    if (n_rn == cap_rn && pr_grow(&ld->alloc, (void **)&rn, &cap_rn, n_rn + 1, sizeof *rn)) {
                        rc = PAROER_ENOMEM;
                        break;
                    }
                    rn[n_rn++] = r.r;
                }
            } else {
                if (have) {
                    rc = sink->relative(sink->ctx, cur_id, cur_len, &cur, rn, (uint32_t)n_rn, cur_line);
                    have = 0;
                    if (rc) break;
                }
                int b = sink->begin ? sink->begin(sink->ctx, r.id, r.id_len) : 0;
                if (b < 0) { rc = b; break; }
                if (b > 0) {
                    bad = ld->err_code;
                } else {
                    if (!cap_rn && pr_grow(&ld->alloc, (void **)&rn, &cap_rn, 4, sizeof *rn)) {
                        rc = PAROER_ENOMEM;
                        break;
                    }
                    memcpy(cur_id, r.id, r.id_len);
                    cur_len = r.id_len;
                    cur_line = line;
                    memset(&cur, 0, sizeof cur);
                    cur.municipality = (uint16_t)r.municipality;
                    cur.needs = r.needs;
                    cur.age = (uint8_t)r.age;
                    cur.employed = r.employed;
                    cur.modes = r.modes;
                    cur.slots = r.slots;
                    rn[0] = r.r;
                    n_rn = 1;
                    have = run_open = 1;
                }
            }
        }
        if (bad) {
            pr_pop_error e;
            e.line = line;
            e.ref_line = ref;
            e.code = ld->err_code;
            e.column = ld->err_path;
            snprintf(e.msg, sizeof e.msg, "%s", ld->msg);
            rc = sink->error(sink->ctx, &e);
            if (rc) break;
        }
    }
    if (!rc && have) rc = sink->relative(sink->ctx, cur_id, cur_len, &cur, rn, (uint32_t)n_rn, cur_line);
    if (lines_read) *lines_read = csv.line - line0;
    pr_free(&ld->alloc, rn);
    pr_csv_free(&csv);
    return rc;
}

/* The id of the record starting at data[s] (a whole line before hi): 1 with
 * (*id, *len) when it is readable (a record, not blank, with an id field). */
static int line_id(const loader *ld, const char *data, size_t s, size_t hi, const char **id, size_t *len,
                   size_t *next)
{
    pr_csv csv;
    paroer_allocator none;
    pr_alloc_resolve(&none, NULL);
    pr_csv_init_part(&csv, &none, data + s, hi - s, ld->sep, 1);
    pr_csv_field f[PR_POP_MAX_FIELDS];
    size_t n;
    int64_t line;
    const char *err;
    /* only the id matters: a doubled quote in it needs scratch, so read it then */
    int st = pr_csv_next(&csv, f, PR_POP_MAX_FIELDS, &n, &line, &err);
    *next = (size_t)(csv.p - data);
    int ok = st == PR_CSV_RECORD && !blank_record(f, n) && ld->id_field < n && ld->id_field < PR_POP_MAX_FIELDS;
    if (ok) {
        /* an id held in the scratch buffer would not outlive the reader */
        if (f[ld->id_field].off != SIZE_MAX) {
            static const char scratch_id[] = "\x01scratch";   /* compares unequal to every real id */
            *id = scratch_id;
            *len = sizeof scratch_id - 1;
        } else {
            *id = f[ld->id_field].p;
            *len = f[ld->id_field].len;
        }
    }
    pr_csv_free(&csv);
    return ok;
}

/* The start of the line holding byte i - 1 (lo when none before). */
static size_t line_start(const char *data, size_t lo, size_t i)
{
    /* i is just past a line end: step over it, then back to the previous one */
    size_t k = i;
    if (k > lo && data[k - 1] == '\n') k--;
    if (k > lo && data[k - 1] == '\r') k--;
    while (k > lo && data[k - 1] != '\n' && data[k - 1] != '\r') k--;
    return k;
}

size_t pr_pop_split(const pr_pop_reader *ld, const char *data, size_t lo, size_t t, size_t hi, int final)
{
    /* e: the end of the last complete line at or before t */
    size_t e = lo + pr_csv_last_line_end(data + lo, t - lo, final && t == hi);
    if (e <= lo) return 0;
    if (e < hi && data[e - 1] == '\r' && data[e] == '\n') e++;   /* a CR LF cut in two */
    if (e > t && e != hi) {
        /* the LF of that CR LF lies past t: take the line end before */
        e = lo + pr_csv_last_line_end(data + lo, e - 2 - lo, 1);
        if (e <= lo) return 0;
    }
    /* the id after e (the first readable one before hi) */
    const char *next_id = NULL;
    size_t next_len = 0, s = e, after;
    for (; s < hi; s = after) {
        const int readable = line_id(ld, data, s, hi, &next_id, &next_len, &after);
        /* A line that runs on past hi may have its id cut short ("p4" of
         * "p41872"): who comes next is known only once its line has ended. */
        if (!final && (after <= s || (data[after - 1] != '\n' && data[after - 1] != '\r'))) return 0;
        if (readable) break;
        if (after <= s) return 0;
    }
    if (s >= hi && !final) return 0;   /* cannot tell yet who comes next */
    /* back over lines until one with a readable, different id */
    size_t end = e;
    while (end > lo) {
        size_t st = line_start(data, lo, end);
        const char *id;
        size_t len, a;
        if (line_id(ld, data, st, end, &id, &len, &a)) {
            if (!next_id || len != next_len || memcmp(id, next_id, len) != 0) return end;
            /* the same relative: the split must come before this line */
        }
        end = st;
    }
    return 0;
}

/* ---- the reader ----------------------------------------------------------------- */

static void reader_tables(loader *ld)
{
    code_table_init(&ld->conditions, PAROER_VOCAB_CONDITION);
    code_table_init(&ld->relations, PAROER_VOCAB_RELATION);
    code_table_init(&ld->needs, PAROER_VOCAB_NEED);
    code_table_init(&ld->modes, PAROER_VOCAB_MODE);
    code_table_init(&ld->slots, PAROER_VOCAB_SLOT);
    /* the memo is only a speed-up: without memory for it, parse without */
    ld->cache = pr_calloc(&ld->alloc, 1, sizeof *ld->cache);
}

int pr_pop_reader_new(pr_pop_reader **out, const char *source, const paroer_load_options *opts)
{
    paroer_allocator a;
    pr_alloc_resolve(&a, opts ? opts->allocator : NULL);
    loader *ld = pr_calloc(&a, 1, sizeof *ld);
    if (!ld) return PAROER_ENOMEM;
    ld->alloc = a;
    ld->diag = opts ? opts->diagnostics : NULL;
    ld->source = source;
    ld->strict = opts && (opts->flags & PAROER_LOAD_STRICT);
    ld->max_errors = opts && opts->max_errors ? opts->max_errors : 100;
    ld->sep = ',';
    reader_tables(ld);
    *out = ld;
    return 0;
}

int pr_pop_reader_clone(pr_pop_reader **out, const pr_pop_reader *from)
{
    loader *ld = pr_malloc(&from->alloc, sizeof *ld);
    if (!ld) return PAROER_ENOMEM;
    *ld = *from;
    ld->pop = NULL;
    ld->n_listed = ld->n_unlisted = 0;
    ld->cache = pr_calloc(&ld->alloc, 1, sizeof *ld->cache);
    *out = ld;
    return 0;
}

void pr_pop_reader_free(pr_pop_reader *ld)
{
    if (!ld) return;
    paroer_allocator a = ld->alloc;
    pr_free(&a, ld->cache);
    pr_free(&a, ld);
}

int pr_pop_reader_header(pr_pop_reader *ld, const char *data, size_t len, int final, size_t *body,
                         int64_t *body_line)
{
    (void)final;
    pr_csv csv;
    pr_csv_init(&csv, &ld->alloc, data, len);
    pr_csv_field f[PR_POP_MAX_FIELDS];
    size_t n;
    int64_t line;
    int rc = read_header(ld, &csv, f, &n, &line);
    *body = (size_t)(csv.p - data);
    *body_line = csv.line;
    pr_csv_free(&csv);
    return rc;
}

char pr_pop_reader_sep(const pr_pop_reader *rd) { return rd->sep; }
size_t pr_pop_reader_id_field(const pr_pop_reader *rd) { return rd->id_field; }
int pr_pop_reader_strict(const pr_pop_reader *rd) { return rd->strict; }
uint32_t pr_pop_reader_max_errors(const pr_pop_reader *rd) { return rd->max_errors; }
paroer_diagnostics *pr_pop_reader_diagnostics(const pr_pop_reader *rd) { return rd->diag; }
const char *pr_pop_reader_source(const pr_pop_reader *rd) { return rd->source; }
const paroer_allocator *pr_pop_reader_allocator(const pr_pop_reader *rd) { return &rd->alloc; }

/* ---- the stored loader ---------------------------------------------------------- */

static int stored_begin_cb(void *ctx, const char *id, size_t len) { return stored_begin(ctx, id, len); }

static int parse_all(loader *ld, const char *data, size_t len)
{
    paroer_population *pop = ld->pop;
    /* Reserve for the worst case, one relative per line: the arrays never
     * move, and memory that is never written is never touched. */
    size_t lines = pr_csv_count_lines(data, len) + 1;
    if (lines >= UINT32_MAX || !(pop->rn = pr_malloc(&pop->alloc, lines * sizeof *pop->rn)) ||
        !(pop->rel = pr_malloc(&pop->alloc, lines * sizeof *pop->rel)) ||
        !(pop->line = pr_malloc(&pop->alloc, lines * sizeof *pop->line)) ||
        pr_grow(&pop->alloc, (void **)&pop->ids, &pop->cap_ids, len / 4 + 64, 1) ||
        table_init(pop, lines))
        return pr_error(PAROER_ENOMEM, "out of memory");
    pop->cap_rn = pop->cap_rel = lines;
    advise_huge(pop->rn, pop->cap_rn * sizeof *pop->rn);
    advise_huge(pop->rel, pop->cap_rel * sizeof *pop->rel);
    advise_huge(pop->line, lines * sizeof *pop->line);
    size_t body;
    int64_t body_line;
    int rc = pr_pop_reader_header(ld, data, len, 1, &body, &body_line);
    if (rc) return rc;
    pr_pop_sink sink = {ld, stored_begin_cb, stored_relative, stored_error};
    rc = pr_pop_scan(ld, data + body, len - body, body_line, &sink, NULL);
    if (rc == PAROER_ENOMEM) return pr_error(PAROER_ENOMEM, "out of memory");
    if (rc) return rc;
    shrink(pop);
    if (ld->n_unlisted) {
        char m[160];
        snprintf(m, sizeof m, "%lu more bad rows were left out without being listed here",
                 (unsigned long)ld->n_unlisted);
        if (pr_diag_add(ld->diag, PR_SEV_ERROR, PAROER_ESCHEMA, ld->source, "", 0, 0, m))
            return pr_error(PAROER_ENOMEM, "out of memory");
    }
    return 0;
}

void paroer_population_free(paroer_population *p)
{
    if (!p) return;
    paroer_allocator a = p->alloc;
    pr_free(&a, p->source);
    pr_free(&a, p->rel);
    pr_free(&a, p->line);
    pr_free(&a, p->rn);
    pr_free(&a, p->ids);
    pr_free(&a, p->table);
    pr_free(&a, p);
}

static int load(paroer_population **out, const char *data, size_t len, const char *name,
                const paroer_load_options *opts)
{
    paroer_population *pop;
    paroer_allocator a;
    pr_alloc_resolve(&a, opts ? opts->allocator : NULL);
    pop = pr_calloc(&a, 1, sizeof *pop);
    if (!pop) return pr_error(PAROER_ENOMEM, "out of memory");
    pop->alloc = a;
    pop->source = pr_strndup(&a, name, strlen(name));
    if (!pop->source) {
        paroer_population_free(pop);
        return pr_error(PAROER_ENOMEM, "out of memory");
    }
    loader *ld;
    if (pr_pop_reader_new(&ld, pop->source, opts)) {
        paroer_population_free(pop);
        return pr_error(PAROER_ENOMEM, "out of memory");
    }
    ld->pop = pop;
    int rc = parse_all(ld, data, len);
    pr_pop_reader_free(ld);
    if (rc) {
        paroer_population_free(pop);
        return rc;
    }
    *out = pop;
    return PAROER_OK;
}

static int check_opts(const paroer_load_options *opts)
{
    if (opts && (opts->version < 1 || opts->version > PAROER_LOAD_OPTIONS_VERSION))
        return pr_error(PAROER_EINVALID, "unknown load options version %u", (unsigned)opts->version);
    return 0;
}

int paroer_population_load_buffer(paroer_population **out, const char *data, size_t len, const char *name,
                                  const paroer_load_options *opts)
{
    if (!out) return pr_error(PAROER_EINVALID, "out is NULL");
    *out = NULL;
    if (!data && len) return pr_error(PAROER_EINVALID, "data is NULL");
    if (check_opts(opts)) return PAROER_EINVALID;
    return load(out, data ? data : "", len, name ? name : "<buffer>", opts);
}

int pr_pop_io_error(const char *path, const char *what, int err, paroer_diagnostics *diag)
{
    char m[200];
    const char *why = err == ENOMEM ? "out of memory" : pr_errno_text(err);
    if (!why) why = "input/output error";
    snprintf(m, sizeof m, "cannot %s the file: %s", what, why);
    pr_error_at(PAROER_EIO, path, 0, 0, -1, "", "%s", m);
    if (diag) pr_diag_add(diag, PR_SEV_ERROR, PAROER_EIO, path, "", 0, 0, m);
    return PAROER_EIO;
}

int paroer_population_load_file(paroer_population **out, const char *path, const paroer_load_options *opts)
{
    if (!out) return pr_error(PAROER_EINVALID, "out is NULL");
    *out = NULL;
    if (!path) return pr_error(PAROER_EINVALID, "path is NULL");
    if (check_opts(opts)) return PAROER_EINVALID;
    paroer_diagnostics *diag = opts ? opts->diagnostics : NULL;
    paroer_allocator a;
    pr_alloc_resolve(&a, opts ? opts->allocator : NULL);
#if PR_HAVE_POSIX_IO
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return pr_pop_io_error(path, "open", errno, diag);
    struct stat st;
    if (fstat(fd, &st) != 0) {
        int e = errno;
        close(fd);
        return pr_pop_io_error(path, "read", e, diag);
    }
    if (S_ISDIR(st.st_mode)) {
        close(fd);
        return pr_pop_io_error(path, "read", EISDIR, diag);
    }
    if (S_ISREG(st.st_mode) && st.st_size > 0 && (uint64_t)st.st_size <= (uint64_t)SIZE_MAX) {
        size_t size = (size_t)st.st_size;
        int flags = MAP_PRIVATE;
#  ifdef MAP_POPULATE
        flags |= MAP_POPULATE;
#  endif
        void *m = mmap(NULL, size, PROT_READ, flags, fd, 0);
        if (m != MAP_FAILED) {
            close(fd);
#  ifdef POSIX_MADV_SEQUENTIAL
            posix_madvise(m, size, POSIX_MADV_SEQUENTIAL);
#  endif
            int rc = load(out, (const char *)m, size, path, opts);
            munmap(m, size);
            return rc;
        }
    }
    /* Not mappable (a pipe, an empty file): read it. */
    char *buf = NULL;
    size_t len = 0, cap = 0;
    for (;;) {
        if (len + 65536 > cap && pr_grow(&a, (void **)&buf, &cap, len + 65536, 1)) {
            close(fd);
            pr_free(&a, buf);
            return pr_error(PAROER_ENOMEM, "out of memory");
        }
        ssize_t r = read(fd, buf + len, cap - len);
        if (r < 0) {
            if (errno == EINTR) continue;
            int e = errno;
            close(fd);
            pr_free(&a, buf);
            return pr_pop_io_error(path, "read", e, diag);
        }
        if (r == 0) break;
        len += (size_t)r;
    }
    close(fd);
#else
    FILE *fp = fopen(path, "rb");
    if (!fp) return pr_pop_io_error(path, "open", errno, diag);
    char *buf = NULL;
    size_t len = 0, cap = 0;
    for (;;) {
        if (len + 65536 > cap && pr_grow(&a, (void **)&buf, &cap, len + 65536, 1)) {
            fclose(fp);
            pr_free(&a, buf);
            return pr_error(PAROER_ENOMEM, "out of memory");
        }
        size_t r = fread(buf + len, 1, cap - len, fp);
        len += r;
        if (r == 0) {
            int failed = ferror(fp);
            fclose(fp);
            if (failed) {
                pr_free(&a, buf);
                return pr_pop_io_error(path, "read", EIO, diag);
            }
            break;
        }
    }
#endif
    int rc = load(out, buf ? buf : "", len, path, opts);
    pr_free(&a, buf);
    return rc;
}

/* ---- accessors ------------------------------------------------------------- */

size_t paroer_population_count(const paroer_population *p) { return p ? p->n_rel : 0; }
size_t paroer_population_relation_total(const paroer_population *p) { return p ? p->n_rn : 0; }
size_t paroer_population_rejected_rows(const paroer_population *p) { return p ? p->rejected : 0; }
const char *paroer_population_source(const paroer_population *p) { return p ? p->source : ""; }

int64_t paroer_population_find(const paroer_population *p, const char *id)
{
    if (!p || !id) return -1;
    size_t len = strlen(id);
    return table_find(p, id, len, id_hash(id, len));
}

#define REL(p, i) ((p) && (i) < (p)->n_rel ? &(p)->rel[i] : NULL)

const char *paroer_population_id(const paroer_population *p, size_t i)
{
    const pr_pop_relative *r = REL(p, i);
    return r ? p->ids + r->id : "";
}
int64_t paroer_population_line(const paroer_population *p, size_t i)
{
    const pr_pop_relative *r = REL(p, i);
    return r ? p->line[i] : 0;
}
int32_t paroer_population_age(const paroer_population *p, size_t i)
{
    const pr_pop_relative *r = REL(p, i);
    return !r ? -1 : r->age == PR_POP_AGE_UNKNOWN ? PAROER_UNKNOWN : r->age;
}
int32_t paroer_population_municipality(const paroer_population *p, size_t i)
{
    const pr_pop_relative *r = REL(p, i);
    return r ? r->municipality : -1;
}
size_t paroer_population_relation_count(const paroer_population *p, size_t i)
{
    const pr_pop_relative *r = REL(p, i);
    return r ? pr_pop_nrel(p, i) : 0;
}

int paroer_population_relative(paroer_relative **out, const paroer_population *p, size_t i,
                               const paroer_allocator *allocator)
{
    if (!out) return pr_error(PAROER_EINVALID, "out is NULL");
    *out = NULL;
    const pr_pop_relative *r = REL(p, i);
    if (!r) return pr_error(PAROER_EINVALID, "relative index out of range");
    paroer_relative *rel;
    /* a '?' of the file is the relative's PAROER_UNKNOWN (contract 3a), never a value */
    int rc = paroer_relative_new(&rel, p->ids + r->id, r->age == PR_POP_AGE_UNKNOWN ? PAROER_UNKNOWN : r->age,
                                 r->municipality, allocator);
    if (rc) return rc;
    if (r->employed) rc = paroer_relative_set_employed(rel, r->employed == PR_POP_EMPLOYED_UNKNOWN ? PAROER_UNKNOWN : 1);
    for (int32_t k = 0; !rc && k < PR_N_NEED; k++)
        if (r->needs & PR_BIT(k)) rc = paroer_relative_add_need(rel, k);
    for (int32_t k = 0; !rc && k < PR_N_MODE; k++)
        if (r->modes & PR_BIT(k)) rc = paroer_relative_add_mode(rel, k);
    for (int32_t k = 0; !rc && k < PR_N_SLOT; k++)
        if (r->slots & PR_BIT(k)) rc = paroer_relative_add_slot(rel, k);
    const uint32_t nrel = pr_pop_nrel(p, i);
    for (uint32_t j = 0; !rc && j < nrel; j++) {
        const pr_pop_relation *x = &p->rn[r->first + j];
        size_t idx;
        rc = paroer_relative_add_relation(rel, x->relation, &idx);
        for (int32_t k = 0; !rc && k < PR_N_CONDITION; k++)
            if (x->conditions & PR_BIT(k)) rc = paroer_relative_relation_add_condition(rel, idx, k);
        if (!rc && (x->unknown & PR_POP_U_CONDITIONS)) rc = paroer_relative_relation_set_conditions_unknown(rel, idx);
        if (!rc && (x->unknown & PR_POP_U_CFA)) rc = paroer_relative_relation_set_cared_for_age(rel, idx, PAROER_UNKNOWN);
        else if (!rc && x->cared_for_age != PR_POP_AGE_UNKNOWN)
            rc = paroer_relative_relation_set_cared_for_age(rel, idx, x->cared_for_age);
        if (!rc && x->hours > 0) rc = paroer_relative_relation_set_hours(rel, idx, x->hours / 100.0);
        static const int32_t flags[] = {PAROER_FLAG_COHABITING, PAROER_FLAG_CARED_AT_HOME, PAROER_FLAG_TERMINAL,
                                        PAROER_FLAG_BEREAVED};
        for (size_t k = 0; !rc && k < PR_COUNT_OF(flags); k++) {
            if (x->unknown & PR_BIT(flags[k])) rc = paroer_relative_relation_set_flag(rel, idx, flags[k], PAROER_UNKNOWN);
            else if (x->flags & PR_BIT(flags[k])) rc = paroer_relative_relation_set_flag(rel, idx, flags[k], 1);
        }
    }
    if (rc) {
        paroer_relative_free(rel);
        return rc;
    }
    *out = rel;
    return PAROER_OK;
}
